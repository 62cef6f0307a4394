package org.lateral.journey;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.lateral.LateralServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A journey in real Chromium against the running app (production bundle): one browser per test
 * class, a fresh browser context (cookies, storage) per test, screenshots under
 * target/screenshots.
 */
@LateralServerTest
abstract class JourneyTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static Playwright playwright;
    private static com.microsoft.playwright.Browser browser;

    @LocalServerPort
    int port;
    BrowserContext context;
    Page page;

    @BeforeAll
    static void launchChromium() {
        playwright = Browser.playwright();
        browser = Browser.chromium(playwright);
    }

    @AfterAll
    static void closeChromium() {
        browser.close();
        playwright.close();
    }

    @BeforeEach
    void newBrowserContext() {
        context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 800));
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + "/" + path;
    }

    /** Signs a demo account in through the login form and waits until the home page is shown. */
    void signIn(String username) {
        page.navigate(url("login"));
        page.locator("input[name='username']").fill(username);
        page.locator("input[name='password']").fill("lateral-demo");
        page.locator("input[name='password']").press("Enter");
        page.waitForURL(u -> !u.contains("/login"));
    }

    void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)));
    }
}
