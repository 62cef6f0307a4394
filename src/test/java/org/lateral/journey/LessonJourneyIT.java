package org.lateral.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's two-step lesson on the Isegoria excerpt in real Chromium (DD013): student17 marks
 * claims, submits step 1, says who says so in step 2 with the mouse (two sources, their mentions,
 * a link to a source and a "no source given"), reads hints that hold nothing of either key while a
 * revision is possible, submits both steps again and reads the relay chains of the released
 * feedback; the teacher then finds both steps scored.
 */
class LessonJourneyIT extends JourneyTest {

    /** DemoSeeder.LESSON_TITLE, which is package-private to the demo feature. */
    private static final String LESSON_TITLE = "Who says so? A former ISIS spy, in two steps";

    /** No other journey signs in as student17, so its lesson work is this journey's alone. */
    private static final String STUDENT = "student17";

    /** The outlet the excerpt comes from; the Isegoria text never names it (key 002's notes). */
    private static final String DAILY_BEAST = "The Daily Beast";

    @Autowired
    JdbcClient jdbc;

    UUID lesson;

    @BeforeEach
    @AfterEach
    void student17StartsTheLesson_fresh() {
        lesson = jdbc.sql("""
                SELECT a.id FROM assignment a JOIN account t ON t.id = a.created_by
                 WHERE t.username = 'teacher' AND a.title = :title
                """).param("title", LESSON_TITLE).query(UUID.class).single();
        // The demo data is shared by the journeys: student17's work on the lesson is removed before
        // and after, children before parents, so every run starts at step 1 as the demo seeds it.
        String work = """
                SELECT t.id FROM attempt t JOIN submission s ON s.id = t.submission_id JOIN account a ON a.id = s.student_id
                 WHERE s.assignment_id = :lesson AND a.username = :student
                """;
        for (String table :
                new String[] {"score", "attempt_comment", "claim_link", "source_mention", "student_source", "mark"}) {
            jdbc.sql("DELETE FROM " + table + " WHERE attempt_id IN (" + work + ")")
                    .param("lesson", lesson)
                    .param("student", STUDENT)
                    .update();
        }
        jdbc.sql("DELETE FROM attempt WHERE id IN (" + work + ")")
                .param("lesson", lesson)
                .param("student", STUDENT)
                .update();
        jdbc.sql("""
                DELETE FROM submission WHERE assignment_id = :lesson
                   AND student_id = (SELECT id FROM account WHERE username = :student)
                """).param("lesson", lesson).param("student", STUDENT).update();
    }

    private Locator highlighter() {
        return page.getByTestId("claim-highlighter");
    }

    private Locator step(String exercise) {
        return page.getByTestId("lesson-step-" + exercise);
    }

    private void waitUntilSaved() {
        assertThat(page.getByTestId("save-status")).hasAttribute("data-state", "saved");
    }

    /** Submits the shown step through its confirm dialog. */
    private void submitStep() {
        waitUntilSaved();
        page.getByTestId("submit-attempt").click();
        page.locator("vaadin-confirm-dialog-overlay, vaadin-confirm-dialog")
                .getByText("Submit", new Locator.GetByTextOptions().setExact(true))
                .last()
                .click();
    }

    /**
     * Makes a new source of the selected words through the form: name, kind, relayed from the
     * typed outlet. Returns the new source's id once the panel lists it.
     */
    private String makeRelayedSource(String phrase, String name, String kind, int sourcesBefore) {
        selectWithMouse(phrase);
        page.getByTestId("make-source").click();
        Locator form = page.getByTestId("source-form");
        assertThat(form).isVisible();
        if (sourcesBefore > 0) {
            form.getByTestId("source-choice-new").check();
        }
        form.getByTestId("source-name").fill(name);
        form.getByTestId("source-kind-" + kind).check();
        form.getByTestId("source-origin-relayed").check();
        form.getByTestId("source-outlet").fill(DAILY_BEAST);
        form.getByTestId("source-save").click();
        Locator items = page.getByTestId("source-item");
        assertThat(items).hasCount(sourcesBefore + 1);
        Locator item = items.filter(new Locator.FilterOptions().setHasText(name));
        assertThat(item).containsText(DAILY_BEAST);
        return items.nth(sourcesBefore).getAttribute("data-source-id");
    }

    /** Selects the claim numbered {@code n} (in text order) in the panel. */
    private Locator selectClaim(int n) {
        Locator button =
                page.locator("[data-testid^='claim-ref-']", new Page.LocatorOptions().setHasText("Claim " + n));
        assertThat(button).hasCount(1);
        button.click();
        assertThat(button).hasAttribute("aria-pressed", "true");
        return page.getByTestId("claim-links");
    }

    @Test
    void student17_does_both_steps_gets_hints_not_the_key_revises_reads_the_relay_chain_teacher_sees_both_steps() {
        signIn(STUDENT);
        page.navigate(url("assignment/" + lesson));

        // Step 1: mark the claims. Step 2 stays locked until it is submitted.
        assertThat(step("mark-claims")).hasAttribute("aria-current", "step");
        assertThat(step("mark-claims")).hasAttribute("data-state", "open");
        assertThat(step("identify-sources")).hasAttribute("data-state", "locked");
        waitUntilSaved();
        markWithMouse("The jihadist army had lost between 4,000 and 5,000 fighters", "factual");
        waitUntilSaved();
        markWithMouse("Double this number are wounded and can’t fight anymore,” Abu Khaled told me", "attributed");
        waitUntilSaved();
        assertThat(highlighter().locator("mark.ch-mark[data-own][data-first]")).hasCount(2);
        screenshot("lesson-1-claims.png");
        submitStep();

        // Step 2: who says so? The student's two marks are the claims to link, numbered in text order.
        assertThat(step("identify-sources")).hasAttribute("aria-current", "step");
        assertThat(step("mark-claims")).hasAttribute("data-state", "done");
        assertThat(highlighter()).hasAttribute("mode", "sources");
        assertThat(page.locator("[data-testid^='claim-ref-']")).hasCount(2);
        waitUntilSaved();
        String abuKhaled = makeRelayedSource("Abu Khaled told me", "Abu Khaled", "pseudonymous", 0);
        // The narrator is the reporter, a real journalist the page never names: a student may well
        // call him a named person, which the key does not accept and the teacher may (below).
        String narrator = makeRelayedSource("I contacted Abu Khaled", "the narrator", "named-person", 1);
        assertThat(highlighter().locator("mark[data-source-id='" + abuKhaled + "']"))
                .not()
                .hasCount(0);
        assertThat(highlighter().locator("mark[data-source-id='" + narrator + "']"))
                .not()
                .hasCount(0);

        // Claim 1 is the 4,000 to 5,000 dead, claim 2 the quote "Abu Khaled told me".
        Locator links = selectClaim(2);
        links.getByTestId("link-source-" + abuKhaled).check();
        assertThat(links.getByTestId("link-source-" + abuKhaled)).isChecked();
        links = selectClaim(1);
        links.getByTestId("no-source-given").check();
        assertThat(links.getByTestId("no-source-given")).isChecked();
        waitUntilSaved();
        screenshot("lesson-2-sources.png");
        submitStep();
        assertThat(page.getByTestId("open-feedback")).isVisible();

        // Feedback while a revision is possible: hints for both steps, nothing of either key (DD006).
        page.getByTestId("open-feedback").click();
        assertThat(page.getByTestId("revision-hints")).isVisible();
        Locator sourceHints = page.getByTestId("source-hints");
        assertThat(sourceHints).isVisible();
        assertThat(page.getByText("Step 2: Who says so?")).isVisible();
        assertThat(sourceHints.getByTestId("source-hint-score")).isVisible();
        assertThat(page.getByTestId("source-feedback")).hasCount(0);
        assertThat(page.getByTestId("relay-chain")).hasCount(0);
        Locator body = page.locator("body");
        assertThat(body).not().containsText("The unnamed narrator");
        assertThat(body).not().containsText("Michael Weiss");
        assertThat(body).not().containsText("Only article 003 shows it is a name the reporter chose");
        // Nor the claims key's reasons, which name sources too (DD013).
        assertThat(body).not().containsText("8,000 to 10,000 wounded");
        sourceHints.scrollIntoViewIfNeeded();
        screenshot("lesson-3-hints.png");

        // Round 2: both steps again, unchanged. Step 2 starts from a copy of round 1's sources.
        page.getByTestId("start-revision").click();
        page.locator("vaadin-confirm-dialog-overlay, vaadin-confirm-dialog")
                .getByText("Start attempt 2", new Locator.GetByTextOptions().setExact(true))
                .last()
                .click();
        assertThat(step("mark-claims")).hasAttribute("aria-current", "step");
        assertThat(step("identify-sources")).hasAttribute("data-state", "locked");
        assertThat(highlighter().locator("mark.ch-mark[data-own][data-first]")).hasCount(2);
        submitStep();
        assertThat(step("identify-sources")).hasAttribute("aria-current", "step");
        Locator items = page.getByTestId("source-item");
        assertThat(items).hasCount(2);
        assertThat(items.filter(new Locator.FilterOptions().setHasText("Abu Khaled")))
                .not()
                .hasCount(0);
        assertThat(items.filter(new Locator.FilterOptions().setHasText("the narrator")))
                .hasCount(1);
        assertThat(highlighter().locator("mark[data-source-id]")).not().hasCount(0);
        submitStep();
        assertThat(page.getByTestId("open-feedback")).isVisible();

        // Released with no revision left: the key's relay chain, and the student's beside it.
        page.getByTestId("open-feedback").click();
        assertThat(page.getByTestId("source-feedback")).isVisible();
        assertThat(page.getByTestId("source-hints")).hasCount(0);
        Locator keyChain =
                page.locator("[data-testid='relay-chain'][data-chain$=' \u2192 " + DAILY_BEAST + " \u2192 Isegoria']");
        assertThat(keyChain).not().hasCount(0);
        assertThat(keyChain.first()).containsText("Isegoria");
        // The row of Abu Khaled: the student's chain (the outlet they typed) beside the key's.
        Locator compared = page.locator(".relay-compare")
                .filter(new Locator.FilterOptions()
                        .setHas(page.locator("[data-testid='relay-chain-student'][data-chain='Abu Khaled \u2192 "
                                + DAILY_BEAST + " \u2192 Isegoria']")));
        assertThat(compared).hasCount(1);
        assertThat(compared.getByTestId("relay-chain"))
                .hasAttribute("data-chain", Pattern.compile("^Abu Khaled \u2192 The Daily Beast \u2192 Isegoria$"));
        compared.scrollIntoViewIfNeeded();
        screenshot("lesson-4-relay-chains.png");

        // The teacher's results.
        Page student = page;
        page = context.browser()
                .newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 800))
                .newPage();
        try {
            signIn("teacher");
            page.navigate(url("results/" + lesson));
            // The results grid draws each row's cells apart; every cell carries its student's username.
            String resultsOf = "[data-username='" + STUDENT + "']";
            java.util.function.Function<String, Locator> row = testId -> page.locator(
                    resultsOf + "[data-testid='" + testId + "'], " + resultsOf + " [data-testid='" + testId + "']");
            // One column per step and the lesson score, each step's counted score (attempt 2).
            assertThat(row.apply("step-score-mark-claims")).containsText(Pattern.compile("^[0-9.]+"));
            assertThat(row.apply("step-score-identify-sources")).containsText(Pattern.compile("^[0-9.]+"));
            assertThat(row.apply("lesson-score")).hasText(Pattern.compile("^[0-9.]+$"));
            screenshot("lesson-5-results.png");
            String sourcesBefore = row.apply("step-score-identify-sources").textContent();
            row.apply("step-score-identify-sources").click();
            assertThat(page.getByTestId("review-score")).containsText(" of 100");
            // The student's work of round 2, read-only: both sources, and the link carried over.
            assertThat(page.getByTestId("source-item")).hasCount(2);
            assertThat(page.locator("[data-testid^='source-edit-']")).hasCount(0);
            assertThat(page.locator("[data-testid^='claim-ref-']", new Page.LocatorOptions().setHasText("Claim 2"))
                            .locator("xpath=.."))
                    .containsText("Abu Khaled");
            // The teacher accepts "named person" for the narrator in this assignment: every attempt
            // is scored again, and this one gains.
            String reviewBefore = page.getByTestId("review-score").textContent();
            page.getByTestId("accept-source-kind").click();
            assertThat(page.getByTestId("review-score")).not().hasText(reviewBefore);
            assertThat(page.getByTestId("accept-source-kind")).hasCount(0);
            page.navigate(url("results/" + lesson));
            assertThat(page.getByTestId("key-amendment")).containsText("Named person");
            assertThat(row.apply("step-score-identify-sources")).not().hasText(sourcesBefore);
            screenshot("lesson-6-sources-review.png");
        } finally {
            page.context().close();
            page = student;
        }
    }
}
