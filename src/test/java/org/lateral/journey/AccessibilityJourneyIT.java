package org.lateral.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ReducedMotion;
import org.junit.jupiter.api.Test;

/**
 * What the page frame does for keyboard and screen reader users on every page: focus and scroll
 * after an in-app link, the skip link, the account menu, a one-line header on a phone, no motion
 * for those who ask for none, and a not-found page with a title and a way back.
 */
class AccessibilityJourneyIT extends JourneyTest {

    /** The element that has the focus, as "tag: text" (text cut short). */
    private String focused() {
        return (String) page.evaluate("() => { const a = document.activeElement;"
                + " return a.localName + ': ' + (a.textContent || '').trim().slice(0, 60); }");
    }

    private boolean focusIsInMainContent() {
        return (Boolean) page.evaluate("() => { const view = [...document.querySelector('vaadin-app-layout').children]"
                + ".find(c => !c.hasAttribute('slot')); return view.contains(document.activeElement); }");
    }

    /** Every box the view sits in, up through the layout's shadow root: one of them scrolls. */
    private static final String BOXES = "const view = [...document.querySelector('vaadin-app-layout').children]"
            + ".find(c => !c.hasAttribute('slot')); const boxes = [];"
            + " for (let b = view; b; b = b.assignedSlot ?? b.parentNode ?? b.host) if (b.nodeType === 1) boxes.push(b);";

    private double scrollY() {
        return ((Number) page.evaluate(
                        "() => { " + BOXES + " return Math.max(window.scrollY, ...boxes.map(b => b.scrollTop)); }"))
                .doubleValue();
    }

    @Test
    void after_an_in_app_link_the_new_pages_heading_has_the_focus_and_the_page_starts_at_the_top() {
        // Short, but tall enough that the drawer stays beside the page instead of folding away.
        page.setViewportSize(1280, 640);
        signIn("teacher");
        page.navigate(url("library"));
        assertThat(page.getByTestId("library-article").first()).isVisible();
        page.evaluate("() => { " + BOXES + " window.scrollTo(0, 1e6); boxes.forEach(b => b.scrollTop = 1e6); }");
        assertThat(scrollY()).as("the library scrolls in a short window").isPositive();

        // The practice page is long too, so only the layout's move brings it to the top.
        page.getByTestId("nav-practice").click();
        page.waitForURL(u -> u.endsWith("/practice"));
        assertThat(page.locator("h2").filter(new Locator.FilterOptions().setHasText("Practice: select a claim")))
                .isFocused();
        assertThat(focused()).isEqualTo("h2: Practice: select a claim");
        assertThat(scrollY()).isZero();

        // Tab goes on from the heading into the page, not back to the top of the document.
        page.keyboard().press("Tab");
        assertThat(focusIsInMainContent())
                .as("the first Tab after the heading stays in the page")
                .isTrue();
    }

    @Test
    void the_first_tab_reaches_the_skip_link_which_moves_focus_into_the_main_content() {
        signIn("teacher");
        page.navigate(url("library"));
        assertThat(page.getByTestId("library-article").first()).isVisible();
        assertThat(page.getByTestId("skip-link")).not().isInViewport();

        page.keyboard().press("Tab");
        assertThat(page.getByTestId("skip-link")).isFocused();
        assertThat(page.getByTestId("skip-link")).hasText("Skip to main content");
        assertThat(page.getByTestId("skip-link")).isInViewport();
        double width = page.getByTestId("skip-link").boundingBox().width;
        assertThat(width).as("the link is shown at full size while focused").isGreaterThan(50);
        screenshot("skip-link-focused.png");

        page.keyboard().press("Enter");
        assertThat(page.locator("h2").first()).isFocused();
        assertThat(focused()).isEqualTo("h2: Library");
        assertThat(page.url()).as("the link changes no address").endsWith("/library");
    }

    @Test
    void the_account_menu_opens_from_the_keyboard_and_leads_to_changing_the_password() {
        signIn("teacher");
        assertThat(page.getByTestId("logout")).not().isVisible();
        page.getByTestId("account-menu").click();
        assertThat(page.getByTestId("change-password")).isVisible();
        assertThat(page.getByTestId("logout")).hasText("Sign out");
        screenshot("account-menu-open.png");
        page.keyboard().press("Escape");
        assertThat(page.getByTestId("change-password")).not().isVisible();
        assertThat(page.getByTestId("account-menu")).isFocused();

        // Keyboard only. Enter on the name opens the panel; the panel, a labelled dialog, takes the focus once it has
        // opened (a screen reader says
        // "Account, dialog"); Tab goes to its first link, Enter follows it. Waiting for each focus
        // before the next key is what a person does too, and keeps a key from reaching the page
        // before the panel has taken the focus.
        page.keyboard().press("Enter");
        assertThat(page.locator("vaadin-popover[opened]")).isFocused();
        page.keyboard().press("Tab");
        assertThat(page.getByTestId("change-password")).isFocused();
        page.keyboard().press("Enter");
        page.waitForURL(u -> u.endsWith("/password"));
        assertThat(page.locator("h1")).hasText("Change your password");
    }

    @Test
    void on_a_phone_the_header_with_the_demo_note_keeps_to_one_line() {
        page.setViewportSize(390, 844);
        signIn("teacher");
        assertThat(page.getByTestId("demo-banner")).isVisible();
        double header = page.locator(".app-header").boundingBox().height;
        double banner = page.getByTestId("demo-banner").boundingBox().height;
        double title = page.locator(".app-title").boundingBox().height;
        screenshot("header-phone-390.png");
        assertThat(banner).as("the demo note is one line").isLessThan(2 * title);
        assertThat(header).as("the header is one line").isLessThan(64);
        assertThat(page.getByTestId("account-menu")).isVisible();
        double right = page.getByTestId("account-menu").boundingBox().x
                + page.getByTestId("account-menu").boundingBox().width;
        assertThat(right).as("the account menu ends inside the phone's width").isLessThanOrEqualTo(390);
    }

    @Test
    void under_reduced_motion_nothing_in_the_app_moves() {
        String longestTransition = """
                () => {
                  const seconds = v => Math.max(...v.split(',').map(t => t.trim().endsWith('ms') ? parseFloat(t) / 1000 : parseFloat(t)));
                  const all = [];
                  const walk = root => root.querySelectorAll('*').forEach(e => { all.push(e); if (e.shadowRoot) walk(e.shadowRoot); });
                  walk(document);
                  let longest = 0, who = 'nothing';
                  for (const e of all) {
                    const s = getComputedStyle(e);
                    const t = Math.max(seconds(s.transitionDuration), seconds(s.animationDuration));
                    if (t > longest) { longest = t; who = e.localName + '.' + e.className; }
                  }
                  return longest + ' s on ' + who;
                }""";
        signIn("teacher");
        page.getByTestId("account-menu").click();
        assertThat(page.getByTestId("change-password")).isVisible();
        String normal = (String) page.evaluate(longestTransition);
        assertThat(Double.parseDouble(normal.split(" ")[0]))
                .as("without the preference the app does animate: " + normal)
                .isGreaterThan(0.01);

        try (BrowserContext still = browser()
                .newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                        .setReducedMotion(ReducedMotion.REDUCE))) {
            Page calm = still.newPage();
            calm.navigate(url("login"));
            calm.locator("input[name='username']").fill("teacher");
            calm.locator("input[name='password']").fill("lateral-demo");
            calm.locator("input[name='password']").press("Enter");
            calm.waitForURL(u -> !u.contains("/login"));
            calm.getByTestId("account-menu").click();
            assertThat(calm.getByTestId("change-password")).isVisible();
            String reduced = (String) calm.evaluate(longestTransition);
            assertThat(Double.parseDouble(reduced.split(" ")[0]))
                    .as("longest transition or animation: " + reduced)
                    .isLessThanOrEqualTo(0.0001);
            assertThat(calm.evaluate("() => getComputedStyle(document.documentElement).scrollBehavior"))
                    .isEqualTo("auto");
        }
    }

    @Test
    void an_unknown_address_has_a_page_title_and_a_link_back_to_the_start() {
        signIn("student1");
        page.navigate(url("no-such-page"));
        assertThat(page.getByTestId("not-found-page")).containsText("Page not found");
        assertThat(page).hasTitle("Page not found · Lateral");
        screenshot("not-found.png");
        page.getByTestId("not-found-home").click();
        page.waitForURL(u -> u.endsWith("/my"));
        assertThat(page.getByTestId("student-class-list")).isVisible();
    }
}
