package org.lateral.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.LateralServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A teacher finds the Sputnik article in the library and lays its answer key over the text. */
@LateralServerTest
class LibraryJourneyIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static Playwright playwright;
    private static com.microsoft.playwright.Browser browser;

    @LocalServerPort
    int port;
    private BrowserContext context;
    private Page page;

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
    void signInAsTeacher() {
        context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1440, 900));
        page = context.newPage();
        page.navigate("http://127.0.0.1:" + port + "/login");
        page.locator("input[name='username']").fill("teacher");
        page.locator("input[name='password']").fill("lateral-demo");
        page.locator("input[name='password']").press("Enter");
        page.waitForURL(u -> u.endsWith("/classes"));
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    void the_teacher_opens_the_sputnik_article_and_overlays_its_answer_key() {
        page.getByTestId("nav-library").click();
        assertThat(page.getByTestId("library-article")).hasCount(5);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("library.png")).setFullPage(true));

        page.getByTestId("library-search").locator("input").fill("sputnik");
        assertThat(page.getByTestId("library-article")).hasCount(1);
        page.getByTestId("article-link").click();

        Locator highlighter = page.getByTestId("claim-highlighter");
        assertThat(highlighter.locator("p[data-index='0']"))
                .hasText("'Daesh Defectors May be Undercover Operatives' Trying to Attack Europe");
        assertThat(page.getByTestId("outlet-card")).containsText("Rossiya Segodnya");
        assertThat(highlighter.locator("mark")).hasCount(0);

        page.getByTestId("key-toggle").click();
        Locator claims = highlighter.locator("mark.ch-mark[data-first]");
        assertThat(page.getByTestId("key-panel")).isVisible();
        assertThat(claims.first()).isVisible();
        int keyClaims = page.getByTestId("key-claim").count();
        assertThat(keyClaims).isGreaterThanOrEqualTo(12);
        assertThat(claims).hasCount(keyClaims);
        assertThat(highlighter.locator("mark.ch-mark[data-claim-type='attributed']").first()).isVisible();
        assertThat(highlighter.locator("mark.ch-source").first()).isVisible();

        // Each claim's label is an attribute (shown by CSS), so the article text is unchanged.
        Object text = page.evaluate("() => [...document.querySelectorAll('claim-highlighter p[data-start]')]"
                + ".map(p => p.textContent).join('\\n\\n')");
        Object canonical = page.evaluate("() => document.querySelector('claim-highlighter').text");
        assertThat(text).isEqualTo(canonical);
        String firstLabel = claims.first().getAttribute("data-label");
        assertThat(firstLabel).matches("c\\d+ · .+");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("reader-sputnik-key.png")).setFullPage(true));

        page.getByTestId("key-toggle").click();
        assertThat(highlighter.locator("mark")).hasCount(0);
    }

    @Test
    void the_outlet_profile_opens_from_the_reader() {
        page.navigate("http://127.0.0.1:" + port + "/library");
        page.getByTestId("outlet-link").filter(new Locator.FilterOptions().setHasText("New Eastern Outlook")).click();
        assertThat(page.getByTestId("outlet-profile")).containsText("Global Engagement Center");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("outlet-neo.png")));
    }
}
