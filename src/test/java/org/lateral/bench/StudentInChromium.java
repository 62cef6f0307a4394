package org.lateral.bench;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A demo student in a fresh Chromium context (empty cache, no cookies), for the browser
 * benchmarks ({@link ClickToSaved}, {@link FirstVisitJavaScript}): signs in through the login form
 * and opens the first assignment, the demo's marking step on the Frisky article, the way the
 * marking journeys do.
 */
final class StudentInChromium implements AutoCloseable {

    private final URI base;
    final BrowserContext context;
    final Page page;

    StudentInChromium(Browser chromium, URI base) {
        this.base = base;
        this.context = chromium.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
        // A shared, busy machine: wait for a state for up to a minute, returning as soon as it holds.
        context.setDefaultTimeout(60_000);
        context.setDefaultNavigationTimeout(60_000);
        this.page = context.newPage();
    }

    /** The login page, then the login form as a student fills it in, up to the page after it. */
    void signIn(String username) {
        page.navigate(base.resolve("login").toString());
        page.locator("input[name='username']").fill(username);
        page.locator("input[name='password']").fill("lateral-demo");
        page.locator("input[name='password']").press("Enter");
        page.waitForURL(u -> !u.contains("/login"));
    }

    /** Opens the student's first assignment and waits until the marking step says "Saved". */
    void openMarkingStep() {
        page.getByTestId("open-assignment").first().click();
        assertThat(page.locator("claim-highlighter p[data-index='0']")).containsText("Reportedly Defects");
        assertThat(page.getByTestId("save-status")).hasAttribute("data-state", "saved");
    }

    /**
     * Waits until the page's layout stands still (web fonts loaded, the highlighter at the same
     * place for three frames) and no Vaadin request is in flight, so that what is measured next
     * neither waits behind an earlier request nor lands on text that is still moving.
     */
    void settle() {
        page.waitForFunction(
                "() => Object.values(window.Vaadin?.Flow?.clients ?? {}).every(c => !c.isActive || !c.isActive())");
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

    @Override
    public void close() {
        context.close();
    }

    /** The load average of this machine (1, 5 and 15 minutes), to print beside every figure. */
    static String loadAverage() {
        try {
            List<String> fields =
                    List.of(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+"));
            return String.join(" ", fields.subList(0, 3));
        } catch (java.io.IOException unreadable) {
            return "unknown";
        }
    }
}
