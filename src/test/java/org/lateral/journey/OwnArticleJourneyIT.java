package org.lateral.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.Fixtures;
import org.lateral.classroom.Account;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.SchoolClass;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 16 in real Chromium: a teacher pastes an article of their own, writes its answer key in
 * the key editor (accepting one suggested source and one suggested claim, and adding a claim by
 * typing its words), publishes it, and assigns it to a class; the class's student marks the
 * teacher's claim, which is saved, submits, and reads the teacher's "why" in the feedback.
 *
 * <p>Everything happens in a school made for this run, with its own teacher, class and student:
 * an imported article joins the whole school's library, and the demo school's library is counted
 * by other journeys (LibraryJourneyIT expects its five articles).
 */
class OwnArticleJourneyIT extends JourneyTest {

    static final String HEADLINE = "Marrowby footbridge to reopen after repairs";

    /** A made-up local story: an attribution ("officials said"), a hedge ("reportedly"), numbers. */
    static final String ARTICLE = HEADLINE + "\n\n"
            + "The footbridge over the river at Marrowby will reopen to walkers and cyclists next week, town "
            + "officials said on Tuesday.\n\n"
            + "Repairs to the 40-metre bridge cost about 310,000 pounds, according to the town council's yearly "
            + "accounts.\n\n"
            + "The work was reportedly delayed by a shortage of steel in the spring.\n\n"
            + "The path on the far bank now has new lighting and a wider ramp for wheelchairs.\n";

    /** The claim the teacher adds by typing its words (the keyboard's way to select). */
    static final String TYPED_CLAIM = "The path on the far bank now has new lighting and a wider ramp";

    static final String WHY = "Anyone can walk over and check the lighting and the ramp for themselves.";

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    Fixtures fixtures;

    String teacher;
    String student;
    SchoolClass schoolClass;

    @BeforeEach
    void aSchoolOfItsOwnWithATeacherAClassAndAStudent() {
        UUID school = fixtures.school("Own article journey school");
        String suffix = school.toString().substring(0, 8);
        teacher = "own-article-journey-teacher-" + suffix;
        student = "own-article-journey-student-" + suffix;
        Account teacherAccount = administration.ensureAccount(
                school, teacher, "Own Article Teacher", Set.of(Role.TEACHER), Fixtures.PASSWORD);
        schoolClass = administration.ensureClass(
                teacherAccount, "Own article journey", "Media literacy", null, ZoneId.systemDefault());
        administration.ensureEnrolled(
                schoolClass,
                administration.ensureAccount(
                        school, student, "Own Article Student", Set.of(Role.STUDENT), Fixtures.PASSWORD));
    }

    private Locator status() {
        return page.getByTestId("key-status");
    }

    private int draftVersion() {
        return Integer.parseInt(status().getAttribute("data-draft-version"));
    }

    /** Runs one change of the key and waits until the server saved it as the next draft version. */
    private void savedChange(Runnable change) {
        int before = draftVersion();
        change.run();
        assertThat(status()).hasAttribute("data-draft-version", String.valueOf(before + 1));
    }

    @Test
    void a_teacher_pastes_an_article_writes_and_publishes_its_key_assigns_it_and_a_student_marks_a_claim() {
        signIn(teacher, Fixtures.PASSWORD);

        // Library → Add an article → paste → preview → name the new outlet → save.
        page.navigate(url("library"));
        page.getByTestId("import-paste").click();
        page.getByTestId("import-text").locator("textarea").fill(ARTICLE);
        page.getByTestId("import-preview-button").click();
        assertThat(page.getByTestId("import-preview")).containsText(HEADLINE);
        assertThat(page.getByTestId("import-preview")).containsText("reportedly delayed");
        page.getByTestId("import-new-outlet-name").locator("input").fill("Marrowby Weekly");
        page.getByTestId("import-save").click();

        // The key editor: no key yet, start an empty one with suggestions.
        page.waitForURL(u -> u.contains("/library/key/"));
        page.getByTestId("key-start-empty").click();
        assertThat(status()).hasAttribute("data-draft-version", java.util.regex.Pattern.compile("^\\d+$"));
        Locator suggestions = page.getByTestId("key-suggestions");
        assertThat(suggestions).isVisible();

        // One suggested source (the officials), one suggested claim (the hedged sentence).
        Locator officials = suggestions
                .getByTestId("key-suggested-source")
                .filter(new Locator.FilterOptions().setHasText("officials"));
        assertThat(officials).hasCount(1);
        savedChange(() -> officials.getByTestId("key-suggestion-accept").click());
        assertThat(page.getByTestId("key-source")).hasCount(1);
        assertThat(officials).hasCount(0);

        Locator hedged = suggestions
                .getByTestId("key-suggested-claim")
                .filter(new Locator.FilterOptions().setHasText("reportedly delayed"));
        assertThat(hedged).hasCount(1);
        savedChange(() -> hedged.getByTestId("key-suggestion-accept").click());
        assertThat(page.getByTestId("key-claim")).hasCount(1);
        assertThat(hedged).hasCount(0);

        // A claim of the teacher's own, selected by typing its words, then a type and a why.
        page.getByTestId("key-find").locator("input").fill(TYPED_CLAIM);
        page.getByTestId("key-find-button").click();
        assertThat(page.getByTestId("key-selected")).containsText("far bank");
        savedChange(() -> page.getByTestId("key-add-claim").click());
        assertThat(page.getByTestId("key-claim")).hasCount(2);
        Locator own = page.getByTestId("key-claim").filter(new Locator.FilterOptions().setHasText("far bank"));
        assertThat(own).hasCount(1);
        savedChange(() -> own.getByTestId("key-claim-types")
                .locator("vaadin-checkbox")
                .filter(new Locator.FilterOptions().setHasText("Factual"))
                .locator("input")
                .check());
        savedChange(() -> {
            Locator why = own.getByTestId("key-claim-why").locator("textarea");
            why.fill(WHY);
            why.press("Tab");
        });

        // Publish.
        page.getByTestId("key-publish").click();
        assertThat(page.getByTestId("key-problems")).hasAttribute("data-outcome", "published");
        assertThat(page.getByTestId("key-error")).isHidden();
        screenshot("own-article-key-editor-published.png");

        // The library lists the article under its headline with a complete key.
        page.navigate(url("library"));
        page.getByTestId("library-search").locator("input").fill("footbridge");
        assertThat(page.getByTestId("library-article")).hasCount(1);
        assertThat(page.getByTestId("library-article")).containsText(HEADLINE);
        assertThat(page.getByTestId("library-article").getByTestId("key-status"))
                .hasText("Key complete");

        // Assign it to the class, without a revision, so the feedback shows the key right away.
        page.navigate(url("class/" + schoolClass.id()));
        page.getByTestId("assign-article").click();
        page.getByTestId("assign-article-select").click();
        page.locator("vaadin-select-item")
                .filter(new Locator.FilterOptions().setHasText(HEADLINE))
                .click();
        Locator revision = page.locator("vaadin-checkbox")
                .filter(new Locator.FilterOptions().setHasText("Allow a revision after feedback"));
        revision.locator("input").uncheck();
        assertThat(revision.locator("input")).not().isChecked();
        page.getByTestId("assign-save").click();
        assertThat(page.getByTestId("class-assignment")).containsText(HEADLINE);

        // The student, in a browser of their own.
        Page teacherPage = page;
        page = browser()
                .newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 800))
                .newPage();
        try {
            signIn(student, Fixtures.PASSWORD);
            page.getByTestId("open-assignment").first().click();
            Locator highlighter = page.getByTestId("claim-highlighter");
            assertThat(highlighter.locator("p[data-index='0']")).hasText(HEADLINE);
            assertThat(page.getByTestId("save-status")).hasAttribute("data-state", "saved");
            markWithMouse(TYPED_CLAIM, "factual");
            Locator mark = highlighter.locator("mark.ch-mark[data-own][data-first][data-claim-type='factual']");
            assertThat(mark).hasCount(1);
            assertThat(page.getByTestId("save-status")).hasAttribute("data-state", "saved");
            // Saved on the server, not only shown: it is still there after a reload.
            page.reload();
            assertThat(page.getByTestId("save-status")).hasAttribute("data-state", "saved");
            assertThat(mark).hasCount(1);

            page.getByTestId("submit-attempt").click();
            page.locator("vaadin-confirm-dialog-overlay, vaadin-confirm-dialog")
                    .getByText("Submit", new Locator.GetByTextOptions().setExact(true))
                    .last()
                    .click();
            page.getByTestId("open-feedback").click();
            Locator found =
                    page.getByTestId("feedback-claim").filter(new Locator.FilterOptions().setHasText("far bank"));
            assertThat(found).hasAttribute("data-outcome", "found");
            assertThat(found).containsText("Why it matters: " + WHY);
            assertThat(page.getByTestId("feedback-claim")).hasCount(2);
            screenshot("own-article-student-feedback.png");
        } finally {
            page.context().close();
            page = teacherPage;
        }
    }
}
