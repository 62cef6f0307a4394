package org.lateral.journey;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.lateral.LateralServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A journey in real Chromium against the running app (production bundle): one browser per test
 * class, a fresh browser context (cookies, storage) per test, screenshots under
 * target/screenshots.
 *
 * <p>Every journey is also an accessibility check ({@link AxeAudit}): the sign-in page, each page
 * a journey takes a screenshot of, each dialog it acts in and the page it ends on are checked
 * against WCAG 2.x A and AA, once per distinct page state and test class. A serious or critical
 * finding fails the test when it ends.
 */
@LateralServerTest
abstract class JourneyTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static Playwright playwright;
    private static com.microsoft.playwright.Browser browser;
    private static AxeAudit axe;

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;
    private Locator openDialog;

    @BeforeAll
    static void launchChromium() {
        // Machines here are shared and noisy: assertions wait for the state they need for up to
        // 30 s instead of Playwright's 5 s. A passing step still returns as soon as the state holds.
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        playwright = Browser.playwright();
        browser = Browser.chromium(playwright);
        axe = new AxeAudit();
    }

    @AfterAll
    static void closeChromium(TestInfo info) {
        System.out.println(
                axe.summary(info.getTestClass().map(Class::getSimpleName).orElse("journey")));
        browser.close();
        playwright.close();
    }

    @BeforeEach
    void newBrowserContext() {
        context =
                browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 800));
        context.setDefaultTimeout(60_000);
        context.setDefaultNavigationTimeout(60_000);
        page = context.newPage();
        // A dialog is checked the first time the journey acts while it is open, e.g. just before
        // its confirm button is clicked; the handler only reads the page.
        openDialog = page.locator(AxeAudit.OPEN_DIALOG)
                .filter(new Locator.FilterOptions().setVisible(true))
                .first();
        page.addLocatorHandler(
                openDialog,
                dialog -> axe.check(dialog.page()),
                new Page.AddLocatorHandlerOptions().setNoWaitAfter(true));
    }

    /**
     * For a journey that routes the page's requests through its own handler: Playwright runs
     * handlers one at a time, so the dialog check (which waits for the page's requests to finish)
     * would wait inside a handler for a route handler that cannot run. Such a journey checks its
     * dialogs itself, with {@link #audit()} while one is open.
     */
    void auditDialogsByHand() {
        page.removeLocatorHandler(openDialog);
    }

    @AfterEach
    void checkLastPageAndCloseContext() {
        try {
            audit();
        } finally {
            context.close();
        }
        String failures = axe.newFailures();
        if (!failures.isEmpty()) {
            throw new AssertionError(failures);
        }
    }

    /** Checks the page the journey stands on with axe, unless this page state was checked already. */
    void audit() {
        audit(page);
    }

    /** The same for a second person's page (their own browser context). */
    void audit(Page other) {
        axe.check(other);
    }

    /** The test class's Chromium, for a second person's browser context. */
    static com.microsoft.playwright.Browser browser() {
        return browser;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + "/" + path;
    }

    /** Signs a demo account in through the login form and waits until the home page is shown. */
    void signIn(String username) {
        signIn(username, "lateral-demo");
    }

    void signIn(String username, String password) {
        page.navigate(url("login"));
        PlaywrightAssertions.assertThat(page.locator("input[name='username']")).isVisible();
        audit();
        page.locator("input[name='username']").fill(username);
        page.locator("input[name='password']").fill(password);
        page.locator("input[name='password']").press("Enter");
        page.waitForURL(u -> !u.contains("/login"));
    }

    /** Saves a picture of the page, which stands still for it: the moment to check it with axe too. */
    void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)));
        audit();
    }

    /** Drags the real mouse across a phrase of the article and chooses a claim type. */
    void markWithMouse(String phrase, String type) {
        selectWithMouse(phrase);
        page.getByTestId("claim-type-" + type).click();
    }

    /**
     * Drags the real mouse across a phrase of the article, from its first character to its last,
     * leaving the highlighter's pending selection for the toolbar (a claim type, Make a source).
     */
    void selectWithMouse(String phrase) {
        // Earlier marks add labels that move the text: measure only once the page has settled.
        settle();
        @SuppressWarnings("unchecked")
        Map<String, Object> box = (Map<String, Object>) page.evaluate("""
                phrase => {
                  for (const p of document.querySelectorAll('claim-highlighter p[data-start]')) {
                    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
                    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                      const at = node.data.indexOf(phrase);
                      if (at < 0) continue;
                      const first = document.createRange(); first.setStart(node, at); first.setEnd(node, at + 1);
                      const last = document.createRange(); last.setStart(node, at + phrase.length - 1); last.setEnd(node, at + phrase.length);
                      const a = first.getBoundingClientRect(), b = last.getBoundingClientRect();
                      return {x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2};
                    }
                  }
                  return null;
                }""", phrase);
        Assertions.assertThat(box).as("'" + phrase + "' is on the page").isNotNull();
        page.mouse().move(num(box, "x1"), num(box, "y1"));
        page.mouse().down();
        page.mouse().move(num(box, "x2"), num(box, "y2"), new Mouse.MoveOptions().setSteps(6));
        page.mouse().up();
    }

    /**
     * Waits until the page's layout stands still: web fonts loaded and the highlighter's text at
     * the same place for three animation frames in a row. A busy machine lays pages out late, and
     * a mouse drag measured before that lands on the wrong words.
     */
    void settle() {
        page.evaluate("""
                async () => {
                  await document.fonts.ready;
                  const target = document.querySelector('claim-highlighter') ?? document.body;
                  let last = '', same = 0;
                  while (same < 3) {
                    await new Promise(r => requestAnimationFrame(r));
                    const b = target.getBoundingClientRect();
                    const now = [b.x, b.y, b.width, b.height, document.documentElement.scrollHeight].join();
                    same = now === last ? same + 1 : 0;
                    last = now;
                  }
                }""");
    }

    static double num(Map<String, Object> box, String key) {
        return ((Number) box.get(key)).doubleValue();
    }
}
