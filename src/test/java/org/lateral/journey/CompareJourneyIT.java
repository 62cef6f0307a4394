package org.lateral.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.assignment.NewStep;
import org.lateral.classroom.SchoolClass;
import org.lateral.library.LibraryEntry;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The compare-outlets step in real Chromium (issue 14, DD015): the War in Context and Isegoria
 * excerpts of the same Daily Beast interview side by side, after marking the claims of the
 * Isegoria one. student18 fills both grids (framing, counts, relay and whom from, a hedge picked
 * with the mouse, loaded words typed), the claims-by-outlets table, a lateral-reading note that
 * opens the outlet's profile, and the judgement; everything survives a reload; the phone layout
 * shows one article at a time behind tabs; after submitting, the feedback shows the key's grid,
 * the matrix cell by cell and the relay picture with its text; the teacher grades the judgement
 * with the rubric and the score stops being provisional.
 */
class CompareJourneyIT extends JourneyTest {

    /** No other journey signs in as student18. */
    private static final String STUDENT = "student18";

    @Autowired
    JourneyLessons lessons;

    UUID lesson;
    LibraryEntry warInContext;
    LibraryEntry isegoria;

    /** A class of its own for student18, so the demo class's lessons stay as the demo seeds them. */
    @BeforeEach
    void aCompareLesson() {
        SchoolClass schoolClass = lessons.classWith("Compare journey", STUDENT, "Student 18");
        warInContext = lessons.article("War in Context");
        isegoria = lessons.article("Isegoria");
        lesson = lessons.assign(
                schoolClass,
                isegoria,
                false,
                List.of(
                        NewStep.of(NewStep.MARK_CLAIMS),
                        NewStep.compare(
                                List.of(warInContext.articleId(), isegoria.articleId()), BigDecimal.ONE, false)));
    }

    private void waitUntilSaved() {
        assertThat(page.getByTestId("save-status").first()).hasAttribute("data-state", "saved");
    }

    private void submitStep() {
        waitUntilSaved();
        page.getByTestId("submit-attempt").click();
        page.locator("vaadin-confirm-dialog-overlay, vaadin-confirm-dialog")
                .getByText("Submit", new Locator.GetByTextOptions().setExact(true))
                .last()
                .click();
    }

    private Locator column(LibraryEntry article) {
        return page.locator("[data-testid='compare-column'][data-article-id='" + article.articleId() + "']");
    }

    private Locator grid(LibraryEntry article) {
        return page.locator("[data-testid='compare-grid'][data-article-id='" + article.articleId() + "']");
    }

    /** Drags the mouse across a phrase of one column's text, scrolled into view first. */
    private void selectInColumn(LibraryEntry article, String phrase) {
        @SuppressWarnings("unchecked")
        Map<String, Object> box = (Map<String, Object>)
                page.evaluate("""
                ([articleId, phrase]) => {
                  const text = document.querySelector(`[data-compare-text][data-article-id='${articleId}']`);
                  for (const p of text.querySelectorAll('p[data-start]')) {
                    const node = p.firstChild;
                    const at = node ? node.data.indexOf(phrase) : -1;
                    if (at < 0) continue;
                    p.scrollIntoView({block: 'center'});
                    const first = document.createRange(); first.setStart(node, at); first.setEnd(node, at + 1);
                    const last = document.createRange();
                    last.setStart(node, at + phrase.length - 1); last.setEnd(node, at + phrase.length);
                    const a = first.getBoundingClientRect(), b = last.getBoundingClientRect();
                    return {x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2};
                  }
                  return null;
                }""", List.of(article.articleId().toString(), phrase));
        Assertions.assertThat(box).as("'" + phrase + "' is in the column").isNotNull();
        page.mouse().move(num(box, "x1"), num(box, "y1"));
        page.mouse().down();
        page.mouse().move(num(box, "x2"), num(box, "y2"), new Mouse.MoveOptions().setSteps(6));
        page.mouse().up();
    }

    /** Fills one article's grid as a student who read it closely would. */
    private void fillGrid(LibraryEntry article, String framing, int named, int anonymous, String includes) {
        Locator grid = grid(article);
        grid.scrollIntoViewIfNeeded();
        grid.locator("vaadin-radio-button[value='" + framing + "']").click();
        grid.getByTestId("grid-named").locator("input").fill(String.valueOf(named));
        grid.getByTestId("grid-named").locator("input").press("Tab");
        grid.getByTestId("grid-anonymous").locator("input").fill(String.valueOf(anonymous));
        grid.getByTestId("grid-anonymous").locator("input").press("Tab");
        grid.locator("vaadin-radio-button[value='relay']").click();
        // The box itself, where a student clicks (the checkbox element is as wide as the grid).
        grid.locator("vaadin-checkbox[value='The Daily Beast'] input").click();
        grid.getByTestId("grid-includes").locator("textarea").fill(includes);
        grid.getByTestId("grid-outlet-kind")
                .locator("textarea")
                .fill("A blog that copies the start of other articles.");
        grid.getByTestId("grid-outlet-kind").locator("textarea").press("Tab");
        waitUntilSaved();
    }

    @Test
    void student18_compares_two_excerpts_of_one_interview_and_the_teacher_grades_the_judgement() {
        page.setViewportSize(1366, 768);
        signIn(STUDENT);
        page.navigate(url("assignment/" + lesson));

        // Step 1: one claim of the Isegoria excerpt, then the comparison opens.
        assertThat(page.getByTestId("lesson-step-compare-outlets")).hasAttribute("data-state", "locked");
        waitUntilSaved();
        markWithMouse("The jihadist army had lost between 4,000 and 5,000 fighters", "factual");
        waitUntilSaved();
        submitStep();
        assertThat(page.getByTestId("lesson-step-compare-outlets")).hasAttribute("aria-current", "step");
        assertThat(page.getByTestId("compare-column")).hasCount(2);
        waitUntilSaved();

        // The grids. War in Context: a hedge picked with the mouse, loaded words typed instead.
        fillGrid(warInContext, "sensational", 2, 1, "It names Michael Weiss and links to the whole article.");
        selectInColumn(warInContext, "if he were telling the truth");
        column(warInContext).getByTestId("pick-hedge").click();
        Locator hedges = grid(warInContext).locator("[data-span-list][data-kind='hedge']");
        assertThat(hedges).containsText("if he were telling the truth");
        column(warInContext).getByTestId("find-words").click();
        column(warInContext).getByTestId("find-loaded").locator("input").fill("extraordinary savagery");
        column(warInContext).getByTestId("find-loaded-button").click();
        assertThat(grid(warInContext).locator("[data-span-list][data-kind='loaded']"))
                .containsText("extraordinary savagery");
        waitUntilSaved();
        fillGrid(isegoria, "sensational", 0, 2, "Kobani, the recruits and the Paris attacks.");

        // The claims-by-outlets table: how each excerpt carries the first claim.
        Locator matrix = page.getByTestId("compare-matrix");
        matrix.scrollIntoViewIfNeeded();
        matrix.locator("td[data-item='cell:k01:" + warInContext.articleId() + "'] select")
                .selectOption("attributed");
        matrix.locator("td[data-item='cell:k01:" + isegoria.articleId() + "'] select")
                .selectOption("attributed");
        waitUntilSaved();

        // Lateral reading: the outlet's profile in Lateral opens once the student wrote their own.
        column(warInContext).getByTestId("outlet-profile-1").click();
        assertThat(page.getByTestId("outlet-profile-locked")).isVisible();
        page.keyboard().press("Escape");
        Locator note = page.locator("[data-testid='compare-note'][data-outlet-id='" + warInContext.outletId() + "']");
        note.scrollIntoViewIfNeeded();
        note.getByTestId("note-address").locator("input").fill("https://en.wikipedia.org/wiki/Paul_Woodward");
        note.getByTestId("note-text").locator("textarea").fill("A one-person blog that collects other outlets' news.");
        note.getByTestId("note-text").locator("textarea").press("Tab");
        waitUntilSaved();
        column(warInContext).getByTestId("outlet-profile-1").click();
        assertThat(page.getByTestId("outlet-profile")).containsText("News aggregator");
        page.keyboard().press("Escape");

        // The judgement.
        Locator judgement = page.getByTestId("judgement").locator("textarea");
        judgement.scrollIntoViewIfNeeded();
        judgement.fill("War in Context for who said it, because it names Michael Weiss and links to the Daily "
                + "Beast; Isegoria for more of the story, but it hides where it comes from.");
        judgement.press("Tab");
        waitUntilSaved();
        page.getByTestId("compare-column").first().evaluate("c => c.scrollIntoView({block: 'start'})");
        screenshot("compare-1-wide-1366x768.png");

        // Everything was saved by the browser: a reload shows it again.
        page.reload();
        waitUntilSaved();
        assertThat(grid(warInContext).locator("vaadin-radio-button[value='sensational']"))
                .hasAttribute("checked", "");
        assertThat(grid(warInContext).locator("[data-span-list][data-kind='hedge']"))
                .containsText("if he were telling the truth");
        assertThat(grid(warInContext).locator("vaadin-checkbox[value='The Daily Beast']"))
                .hasAttribute("checked", "");
        assertThat(page.getByTestId("judgement").locator("textarea")).hasValue(Pattern.compile("^War in Context"));

        // A phone: one article at a time behind tabs.
        page.setViewportSize(390, 844);
        assertThat(page.getByTestId("compare-tabs")).isVisible();
        assertThat(page.getByTestId("compare-column").nth(1)).isHidden();
        page.getByTestId("compare-tab").nth(1).click();
        assertThat(page.getByTestId("compare-column").nth(1)).isVisible();
        assertThat(page.getByTestId("compare-column").nth(0)).isHidden();
        page.getByTestId("compare-tabs").scrollIntoViewIfNeeded();
        screenshot("compare-2-phone-390x844.png");
        page.setViewportSize(1366, 768);

        submitStep();
        assertThat(page.getByTestId("open-feedback")).isVisible();
        assertThat(page.getByTestId("pick-hedge")).hasCount(0);

        // Feedback: the key's grid beside the student's, the matrix, the relay picture and its words.
        page.getByTestId("open-feedback").click();
        assertThat(page.getByTestId("compare-feedback-grid")).hasCount(2);
        assertThat(page.getByTestId("compare-feedback-matrix")
                        .locator("[data-verdict='right'], [data-verdict='wrong'], [data-verdict='not-given']"))
                .not()
                .hasCount(0);
        assertThat(page.getByTestId("relay-graph")).isVisible();
        assertThat(page.getByTestId("relay-graph-text")).containsText("The Daily Beast");
        assertThat(page.getByTestId("compare-score-provisional")).isVisible();
        page.getByTestId("relay-graph").scrollIntoViewIfNeeded();
        screenshot("compare-3-feedback-1366x768.png");

        // The teacher grades the judgement with the rubric: the score is no longer provisional.
        Page student = page;
        page = context.browser()
                .newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1366, 768))
                .newPage();
        try {
            signIn("teacher");
            page.navigate(url("results/" + lesson));
            // The results grid draws each row's cells apart; every cell carries its student's username.
            String resultsOf = "[data-username='" + STUDENT + "']";
            java.util.function.Function<String, Locator> row = testId -> page.locator(
                    resultsOf + "[data-testid='" + testId + "'], " + resultsOf + " [data-testid='" + testId + "']");
            assertThat(row.apply("step-score-compare-outlets")).hasAttribute("data-provisional", "true");
            row.apply("step-score-compare-outlets").click();
            assertThat(page.getByTestId("compare-judgement")).containsText("War in Context for who said it");
            assertThat(page.getByTestId("compare-note-address")).containsText("https://en.wikipedia.org");
            assertThat(page.locator("a[href*='wikipedia.org/wiki/Paul_Woodward']"))
                    .hasCount(0);
            page.getByTestId("grade-judgement-3").click();
            page.getByTestId("grade-judgement-save").click();
            assertThat(page.getByTestId("score-provisional")).hasCount(0);
            page.getByTestId("grade-judgement").scrollIntoViewIfNeeded();
            screenshot("compare-4-teacher-grades-1366x768.png");
            page.navigate(url("results/" + lesson));
            assertThat(row.apply("step-score-compare-outlets")).not().hasAttribute("data-provisional", "true");
        } finally {
            page.context().close();
            page = student;
        }
    }
}
