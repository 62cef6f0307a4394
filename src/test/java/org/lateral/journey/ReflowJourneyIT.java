package org.lateral.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.lateral.SignedIn;
import org.lateral.assignment.NewStep;
import org.lateral.base.highlighter.MarkState;
import org.lateral.classroom.SchoolClass;
import org.lateral.library.LibraryEntry;
import org.lateral.library.LibraryService;
import org.lateral.submission.MarkingSession;
import org.lateral.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Reflow (WCAG 2.2, 1.4.10): every page a student, a teacher, a school admin and a visitor open
 * reads at 320 CSS pixels wide without scrolling sideways, which is also what a 1280-pixel
 * window shows at 400 % zoom. Only content that needs two dimensions may scroll sideways inside
 * its own box (the compare columns, wide tables such as the results); the page itself and its text
 * may not. Each page is checked after it has settled; all pages are checked before the test
 * fails, and the failure names each page with the elements that stick out.
 */
class ReflowJourneyIT extends JourneyTest {

    private static final String STUDENT = "reflow.student";

    @Autowired
    JourneyLessons lessons;

    @Autowired
    LibraryService library;

    @Autowired
    SubmissionService submissions;

    @Autowired
    UserDetailsService users;

    /** Elements wider than the window outside a box of their own that scrolls sideways. */
    private static final String STICKING_OUT = """
            () => {
              const width = document.documentElement.clientWidth;
              const layout = document.querySelector('vaadin-app-layout');
              // A box of its own: it scrolls sideways (a wide table), or cuts its content off on
              // purpose (a one-line banner that ends in an ellipsis).
              const scrollsSideways = el => {
                const s = getComputedStyle(el);
                return el !== layout && ['auto', 'scroll', 'hidden', 'clip'].includes(s.overflowX);
              };
              const out = [];
              const seen = new Set();
              for (const el of document.body.querySelectorAll('*')) {
                const r = el.getBoundingClientRect();
                if (r.width === 0 || r.height === 0) continue;
                if (r.right <= width + 1 && r.left >= -1) continue;
                const s = getComputedStyle(el);
                if (s.visibility === 'hidden' || s.position === 'fixed' && r.right <= 0) continue;
                // The drawer of a narrow layout waits off-screen until it is opened.
                if (el.closest('[slot="drawer"]')) continue;
                // A grid scrolls inside its own shadow root, and its keys move through every cell.
                if (el.closest('vaadin-grid')) continue;
                let inBox = false;
                for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
                  if (seen.has(a) || scrollsSideways(a) || getComputedStyle(a).clipPath === 'inset(50%)') { inBox = true; break; }
                }
                if (inBox || s.clipPath === 'inset(50%)') continue;
                seen.add(el);
                const id = el.getAttribute('data-testid') || el.id || [...el.classList].slice(0, 2).join('.');
                out.push(el.localName + (id ? '[' + id + ']' : '') + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
              }
              return out.slice(0, 8);
            }""";

    private final Map<String, List<String>> problems = new LinkedHashMap<>();
    private final List<String> checked = new ArrayList<>();

    /**
     * With {@code -Dlateral.reflow.screens=390x844,768x1024}, each page is also photographed at
     * these window sizes (target/screenshots/reflow-…), for a person to look at every page on a
     * phone and a tablet; CI takes none.
     */
    private static final List<int[]> SCREENS = java.util.Arrays.stream(
                    System.getProperty("lateral.reflow.screens", "").split(","))
            .filter(size -> size.matches("\\d+x\\d+"))
            .map(size -> java.util.Arrays.stream(size.split("x"))
                    .mapToInt(Integer::parseInt)
                    .toArray())
            .toList();

    /** Opens a page at 320 px, waits for its heading and layout, and notes what sticks out. */
    private void check(String path) {
        page.navigate(url(path));
        assertThat(page.locator("main h1, main h2, vaadin-app-layout h1, vaadin-app-layout h2, h1, h2")
                        .first())
                .isVisible();
        settle();
        @SuppressWarnings("unchecked")
        List<String> out = (List<String>) page.evaluate(STICKING_OUT);
        checked.add(path);
        if (!out.isEmpty()) {
            problems.put(path, out);
        }
        for (int[] size : SCREENS) {
            page.setViewportSize(size[0], size[1]);
            settle();
            String name = path.isEmpty() ? "home" : path.replaceAll("[^A-Za-z0-9]+", "-");
            page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
                    .setPath(java.nio.file.Path.of(
                            "target", "screenshots", "reflow-" + size[0] + "-" + checked.size() + "-" + name + ".png"))
                    .setFullPage(true));
        }
        if (!SCREENS.isEmpty()) {
            page.setViewportSize(320, 640);
        }
    }

    /** The path of the first link on the page whose path matches {@code pattern}. */
    private String link(String pattern) {
        Object path = page.evaluate(
                "p => { const re = new RegExp(p); const a = [...document.querySelectorAll('a[href]')]"
                        + ".map(a => new URL(a.href).pathname.replace(/^\\//, '')).find(h => re.test(h));"
                        + " return a ?? null; }",
                pattern);
        Assertions.assertThat(path)
                .as("a link to " + pattern + " on " + page.url())
                .isNotNull();
        return (String) path;
    }

    private static final String ID = "[0-9a-f-]{36}";

    @Test
    void every_page_reads_at_320_css_pixels_without_scrolling_sideways() {
        // A class of its own with one submitted attempt, so that the attempt, feedback and
        // student pages exist.
        SchoolClass schoolClass = lessons.classWith("Reflow", STUDENT, "Narrow Screen Reader");
        LibraryEntry friskyEntry = lessons.article("The Frisky");
        UUID assignment = lessons.assign(schoolClass, friskyEntry, true, List.of(NewStep.of(NewStep.MARK_CLAIMS)));
        UUID attempt;
        UUID storySet;
        try (var s = SignedIn.as(users, "teacher")) {
            storySet = library.articles("").stream()
                    .map(e -> e.storySetId())
                    .filter(java.util.Objects::nonNull)
                    .findFirst()
                    .orElseThrow();
        }
        try (var s = SignedIn.as(users, STUDENT)) {
            MarkingSession session = submissions.open(assignment).orElseThrow();
            attempt = session.attemptId();
            String headline = session.text().lines().findFirst().orElseThrow();
            submissions.saveMark(
                    session.attemptId(),
                    new MarkState(UUID.randomUUID(), 1, 0, headline.length(), headline, "", "", "factual", false));
            submissions.submit(session.attemptId());
        }

        page.setViewportSize(320, 640);
        check("login");
        check("join");

        signIn(STUDENT);
        check("");
        check("my");
        check("assignment/" + assignment);
        check("feedback/" + assignment);
        check("progress");
        check("practice");
        check("password");
        check("language");
        page.context().clearCookies();

        signIn("teacher");
        check("classes");
        check("class/" + schoolClass.id());
        check("print/join-code/" + schoolClass.id());
        check("results/" + assignment);
        check("review/" + attempt);
        check("dashboards");
        check("dashboards/class/" + schoolClass.id());
        check(link("^dashboards/student/"));
        check("dashboards/assignment/" + assignment);
        check("library");
        check("library/article/" + friskyEntry.articleId());
        check("library/key/" + friskyEntry.articleId());
        check("library/article/edit/" + friskyEntry.articleId());
        check("library/outlet/" + friskyEntry.outletId());
        check("library/outlet/edit/" + friskyEntry.outletId());
        check("library/story-set-key/" + storySet);
        check("library/import");
        page.context().clearCookies();

        signIn("admin");
        check("admin/school");
        check("admin/audit");
        check("dashboards/school");

        System.out.printf(
                "Reflow at 320 px: %d pages checked, %d with content sticking out%n", checked.size(), problems.size());
        Assertions.assertThat(problems)
                .as("pages with content wider than 320 px outside a box that scrolls sideways")
                .isEmpty();
    }
}
