package org.lateral.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.base.Schools;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A teacher adds a class's students from a list of names and prints their sign-in slips: every
 * student gets a whole slip with the class, the address and their one-time password, and nothing
 * of the app prints with them. The join code, projected or printed, says where to go.
 */
class SignInSlipsJourneyIT extends JourneyTest {

    /**
     * Scrolling regions inside an open dialog that a keyboard cannot reach, as axe's
     * "scrollable-region-focusable" rule finds them: a region whose content overflows must be
     * focusable itself or hold something focusable (looking through shadow roots and slots).
     */
    static final String UNREACHABLE_SCROLLERS = """
            () => {
              const focusable = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"]),'
                + ' vaadin-button, vaadin-text-field, vaadin-checkbox';
              const all = [];
              const walk = root => root.querySelectorAll('*').forEach(e => { all.push(e); if (e.shadowRoot) walk(e.shadowRoot); });
              walk(document);
              const inDialog = e => { for (let n = e; n; n = n.parentNode || n.host) {
                  if (n.localName === 'vaadin-dialog' || n.localName === 'vaadin-dialog-overlay') return true; } return false; };
              const reachable = e => {
                if (e.matches(focusable)) return true;
                const inside = [...e.querySelectorAll('*')];
                for (const s of e.querySelectorAll('slot')) inside.push(...s.assignedElements({flatten: true}));
                return inside.some(d => d.matches(focusable) || d.querySelector(focusable));
              };
              return all.filter(e => {
                const style = getComputedStyle(e);
                const scrolls = /(auto|scroll)/.test(style.overflowY + style.overflowX)
                  && (e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1);
                return scrolls && inDialog(e) && !reachable(e);
              }).map(e => e.localName + '.' + e.className + '[part=' + e.getAttribute('part') + ']');
            }""";

    @Autowired
    ClassroomAdministration administration;

    String teacher;
    String run;

    @BeforeEach
    void aTeacherOfTheirOwn() {
        run = UUID.randomUUID().toString().substring(0, 5);
        teacher = "slips-" + run;
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, teacher, "Print Teacher", Set.of(Role.TEACHER), "lateral-demo");
    }

    private void newClass(String name) {
        signIn(teacher);
        page.getByTestId("new-class").click();
        page.getByTestId("class-name-field").locator("input").fill(name);
        page.getByTestId("create-class").click();
        assertThat(page.getByTestId("class-name")).hasText(name);
    }

    @Test
    void fourteen_students_get_a_whole_slip_each_with_class_and_address_and_nothing_else_prints() throws Exception {
        String className = "Slips 7C " + run;
        newClass(className);
        List<String> names = new ArrayList<>();
        for (String first : List.of("Ana", "Ben", "Chloé", "Dara", "Eli", "Finn", "Gus", "Hana", "Ivo", "Jo", "Kai")) {
            names.add(first + " Print" + run);
        }
        names.add("Alex Kim" + run);
        names.add("Alex Kim" + run);
        names.add("王小明");
        page.getByTestId("add-students").click();
        Locator pasted = page.getByTestId("add-students-names").locator("textarea");
        pasted.fill(String.join("\n", names));
        // The field sends its value on "change"; firing it here does not leave that to the click's blur.
        pasted.dispatchEvent("change");
        page.getByTestId("add-students-create").click();
        page.waitForCondition(() -> page.getByTestId("credential").count() > 0
                || page.locator("vaadin-text-area[invalid]").count() > 0);
        screenshot("credentials-dialog.png");
        assertThat(page.getByTestId("credential")).hasCount(14);
        screenshot("credentials-dialog.png");
        assertThat(page.evaluate(UNREACHABLE_SCROLLERS))
                .as("every scrolling region of the dialog can take the keyboard's focus")
                .asList()
                .isEmpty();
        assertThat(page.getByTestId("credentials")).containsText("wang.xiao.ming");

        String href = page.getByTestId("credentials-print").getAttribute("href");
        assertThat(href).startsWith("print/slips/").contains("print");
        // By test id: a slip's text can hold "done" too (a username ending in "d" before "One-time").
        page.getByTestId("credentials-done").click();

        // Two students of the same name read apart on the roster by their usernames.
        Locator alexes = page.getByTestId("roster-name").filter(new Locator.FilterOptions().setHasText("Alex Kim"));
        assertThat(alexes).hasCount(2);
        List<String> alexLabels = alexes.allTextContents();
        assertThat(alexLabels).allMatch(l -> l.matches("Alex Kim" + run + " \\(alex\\.kim" + run + "(-\\d+)?\\)"));
        assertThat(alexLabels.get(0)).isNotEqualTo(alexLabels.get(1));
        screenshot("roster-same-names.png");

        // The slips page, opened as the link does but without printing at once (Chromium without a
        // screen would print to nowhere).
        page.navigate(url(href.substring(0, href.indexOf('?'))));
        String address = "http://127.0.0.1:" + port;
        assertThat(page.getByTestId("slips")).isVisible();
        assertThat(page.locator(".print-page")).hasAttribute("data-address", address);
        Locator slips = page.getByTestId("slip");
        assertThat(slips).hasCount(14);
        for (int i = 0; i < 14; i++) {
            Locator slip = slips.nth(i);
            assertThat(slip).containsText(className);
            assertThat(slip).containsText(names.get(i));
            assertThat(slip).containsText("Sign in at " + address);
            assertThat(slip.locator(".slip-password"))
                    .hasText(java.util.regex.Pattern.compile("[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}"));
        }
        screenshot("slips-screen.png");

        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.getByTestId("print-toolbar")).isHidden();
        assertThat(page.locator("vaadin-button:visible")).hasCount(0);
        assertThat(slips.first()).isVisible();
        assertThat(slips.last()).isVisible();
        for (int i = 0; i < 14; i++) {
            assertThat(slips.nth(i)).hasCSS("break-inside", "avoid");
        }
        Files.createDirectories(SCREENSHOTS);
        page.pdf(new Page.PdfOptions().setPath(SCREENSHOTS.resolve("slips.pdf")).setFormat("A4"));
        page.pdf(new Page.PdfOptions()
                .setPath(SCREENSHOTS.resolve("slips-letter.pdf"))
                .setFormat("Letter"));
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("slips-print.png"))
                .setFullPage(true));

        BrowserContext phone = browser()
                .newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                        .setViewportSize(390, 844)
                        .setStorageState(context.storageState()));
        try {
            Page small = phone.newPage();
            small.navigate(url(href.substring(0, href.indexOf('?'))));
            assertThat(small.getByTestId("slip")).hasCount(14);
            assertThat(small.locator(".print-page")).hasAttribute("data-address", address);
            small.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("slips-phone.png")));
        } finally {
            phone.close();
        }
    }

    @Test
    void the_projected_join_code_names_the_class_and_the_address_and_prints_as_a_poster() {
        String className = "Poster 8A " + run;
        newClass(className);
        String code = page.getByTestId("join-code").textContent().strip();
        String address = "http://127.0.0.1:" + port + "/join";
        assertThat(page.getByTestId("join-panel-address")).hasText(address);
        page.getByTestId("join-code-large").click();
        assertThat(page.getByTestId("join-code-address")).hasText(address);
        assertThat(page.getByTestId("join-code-projected")).hasText(code);
        assertThat(page.locator("vaadin-dialog")).containsText("Join " + className);
        assertThat(page.evaluate(UNREACHABLE_SCROLLERS)).asList().isEmpty();
        screenshot("join-code-large.png");

        String href = page.getByTestId("join-code-poster").getAttribute("href");
        page.getByTestId("join-code-close").click();
        page.navigate(url(href));
        assertThat(page.getByTestId("poster-class")).hasText("Join " + className);
        assertThat(page.getByTestId("poster-address")).hasText(address);
        assertThat(page.getByTestId("poster-code")).hasText(code);
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.getByTestId("print-toolbar")).isHidden();
        assertThat(page.locator("vaadin-button:visible")).hasCount(0);
        page.pdf(new Page.PdfOptions()
                .setPath(SCREENSHOTS.resolve("join-poster.pdf"))
                .setFormat("A4"));
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("join-poster-print.png")));
    }
}
