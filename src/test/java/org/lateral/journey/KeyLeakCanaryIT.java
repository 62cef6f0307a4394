package org.lateral.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Route;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.SignedIn;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.AssignmentSummary;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.NewAssignment;
import org.lateral.assignment.NewStep;
import org.lateral.classroom.Account;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.SchoolClass;
import org.lateral.library.LibraryImport;
import org.lateral.library.LibraryService;
import org.lateral.library.TestPacks;
import org.lateral.security.Role;
import org.lateral.submission.CompareItems;
import org.lateral.submission.GradingActions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Nothing of the key reaches a student's browser before the feedback policy releases it, nor
 * while a revision is possible (DD006). A unique string is planted in every "why" of a key, and
 * another in every source's name (feedback says who says so); every
 * response the student's browser receives during a whole run (sign-in, list, marking,
 * submitting, waiting for feedback, the hints after release, starting and marking attempt 2) is
 * scanned for it. Once attempt 2 is submitted the same scan finds it, which proves the scan sees
 * what the browser sees.
 */
class KeyLeakCanaryIT extends JourneyTest {

    @Autowired
    org.lateral.Fixtures fixtures;

    @Autowired
    LibraryImport libraryImport;

    @Autowired
    LibraryService library;

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    AssignmentService assignments;

    @Autowired
    GradingActions actions;

    @Autowired
    org.lateral.submission.SubmissionService submissions;

    @Autowired
    org.lateral.submission.CompareWorkService compareWork;

    @Autowired
    org.lateral.submission.FeedbackService feedbackService;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path temp;

    @Test
    void no_response_to_the_student_contains_key_data_before_release_or_during_a_revision_and_the_scan_sees_it_after()
            throws IOException {
        String canary = "CANARY" + UUID.randomUUID().toString().replace("-", "");
        // A second canary in every source's name: feedback says who says so for each claim.
        String sourceCanary = "SOURCECANARY" + UUID.randomUUID().toString().replace("-", "");
        UUID school = fixtures.school("Canary school");
        Path pack = TestPacks.defectorsWithFreshIds(temp.resolve("defectors"));
        Path key = pack.resolve("keys/000-the-frisky.yaml");
        String yaml = Files.readString(key)
                .replace("    why: \"", "    why: \"" + canary + " ")
                .replace("    name: \"", "    name: \"" + sourceCanary + " ");
        assertThat(yaml).contains(canary).contains(sourceCanary);
        Files.writeString(key, yaml);
        fixtures.importPack(school, pack);

        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String teacherName = "canary-teacher-" + suffix;
        String studentName = "canary-student-" + suffix;
        String password = "canary passphrase " + suffix;
        Account teacher =
                administration.ensureAccount(school, teacherName, "Canary Teacher", Set.of(Role.TEACHER), password);
        Account student =
                administration.ensureAccount(school, studentName, "Canary Student", Set.of(Role.STUDENT), password);
        SchoolClass schoolClass = administration.ensureClass(teacher, "Canary class", null, null, ZoneId.of("UTC"));
        administration.ensureEnrolled(schoolClass, student);
        AssignmentSummary assignment;
        try (var s = SignedIn.as(users, teacherName)) {
            UUID frisky = library.articles("frisky").getFirst().articleId();
            assignment = assignments.assignMarkClaims(
                    schoolClass.id(),
                    new NewAssignment(
                            frisky,
                            null,
                            LocalDate.now().plusDays(3),
                            true,
                            FeedbackPolicy.WHEN_RELEASED,
                            true,
                            null,
                            false));
        }

        List<String> bodies = scanEveryResponse(page);
        auditDialogsByHand();

        signIn(studentName, password);
        page.getByTestId("open-assignment").first().click();
        assertThat(page.getByTestId("save-status")).hasAttribute("data-state", "saved");
        markWithMouse("The Head Of ISIS’ European Operations Reportedly Defects", "factual");
        assertThat(page.getByTestId("save-status")).hasAttribute("data-state", "saved");
        markWithMouse("a source told The Daily Mail", "attributed");
        assertThat(page.getByTestId("save-status")).hasAttribute("data-state", "saved");
        page.reload();
        assertThat(page.getByTestId("save-status")).hasAttribute("data-state", "saved");
        page.getByTestId("submit-attempt").click();
        audit();
        page.locator("vaadin-confirm-dialog-overlay, vaadin-confirm-dialog")
                .getByText("Submit", new Locator.GetByTextOptions().setExact(true))
                .last()
                .click();
        page.getByTestId("open-feedback").click();
        assertThat(page.getByTestId("feedback-waiting")).containsText("release");
        page.navigate(url("my"));
        assertThat(page.getByTestId("assignment-status")).hasText("Submitted");
        page.navigate(url("feedback/" + assignment.id()));
        assertThat(page.getByTestId("feedback-waiting")).isVisible();

        int before = bodies.size();
        assertThat(before).as("responses seen").isGreaterThan(20);
        assertThat(bodies).as("responses containing the canary before release").noneMatch(b -> b.contains(canary));
        assertThat(bodies).as("responses naming a key source before release").noneMatch(b -> b.contains(sourceCanary));

        // Released, but attempt 2 is still possible: hints only (DD006).
        try (var s = SignedIn.as(users, teacherName)) {
            actions.releaseFeedback(assignment.id());
        }
        page.reload();
        assertThat(page.getByTestId("hint-score")).containsText("You found");
        assertThat(page.getByTestId("hint-paragraph").first()).isVisible();
        page.getByTestId("start-revision").click();
        audit();
        page.locator("vaadin-confirm-dialog-overlay, vaadin-confirm-dialog")
                .getByText("Start attempt 2", new Locator.GetByTextOptions().setExact(true))
                .last()
                .click();
        page.waitForURL(u -> u.endsWith("assignment/" + assignment.id()));
        assertThat(page.locator("h2")).containsText("attempt 2");
        assertThat(page.getByTestId("save-status")).hasAttribute("data-state", "saved");
        page.getByTestId("claim-highlighter")
                .locator("mark.ch-mark[data-own][data-first][data-claim-type='factual']")
                .click();
        page.getByTestId("claim-type-hedged").click();
        assertThat(page.getByTestId("save-status")).hasAttribute("data-state", "saved");
        page.navigate(url("feedback/" + assignment.id()));
        assertThat(page.getByTestId("continue-revision")).isVisible();
        assertThat(page.getByTestId("hint-score")).isVisible();
        page.getByTestId("continue-revision").click();
        assertThat(page.getByTestId("submit-attempt")).isVisible();

        int beforeSubmit = bodies.size();
        assertThat(beforeSubmit).as("responses seen during the revision").isGreaterThan(before);
        assertThat(bodies)
                .as("responses containing the canary while attempt 2 is possible")
                .noneMatch(b -> b.contains(canary));
        assertThat(bodies)
                .as("responses naming a key source while attempt 2 is possible")
                .noneMatch(b -> b.contains(sourceCanary));

        page.getByTestId("submit-attempt").click();
        audit();
        page.locator("vaadin-confirm-dialog-overlay, vaadin-confirm-dialog")
                .getByText("Submit", new Locator.GetByTextOptions().setExact(true))
                .last()
                .click();
        page.getByTestId("open-feedback").click();
        assertThat(page.getByTestId("feedback-score")).isVisible();
        assertThat(page.getByTestId("attempt-tab")).hasCount(2);
        assertThat(bodies.subList(beforeSubmit, bodies.size()))
                .as("after attempt 2 the scan finds the key's reasons")
                .anyMatch(b -> b.contains(canary));
        assertThat(bodies.subList(beforeSubmit, bodies.size()))
                .as("after attempt 2 the scan finds who says so")
                .anyMatch(b -> b.contains(sourceCanary));
    }

    /**
     * A key attribution drawn over the text, as the highlighter receives it: an overlay of kind
     * "source". Attributions are spans of the article, so their words cannot carry a canary; their
     * leak is the overlay that points at them.
     */
    private static final Pattern KEY_ATTRIBUTION = Pattern.compile("\"kind\"\\s*:\\s*\"source\"");

    /**
     * A lesson of two steps on the Isegoria excerpt (DD013): canaries in every claim's "why" and
     * in every key source's name, aliases and kind_why, and no key attribution drawn, in nothing the
     * student's browser receives while step 2 is locked, after the last step while the feedback
     * gives hints, and through the revision of both steps. Once the revision is submitted the scan
     * finds the source canaries, and a teacher's reading of the key proves it sees an attribution.
     */
    @Test
    void a_two_step_lesson_sends_no_key_of_either_step_before_every_step_is_submitted_nor_during_a_revision()
            throws IOException {
        String why = "CANARY" + UUID.randomUUID().toString().replace("-", "");
        String sourceName = "SOURCENAMECANARY" + UUID.randomUUID().toString().replace("-", "");
        String alias = "ALIASCANARY" + UUID.randomUUID().toString().replace("-", "");
        String kindWhy = "KINDWHYCANARY" + UUID.randomUUID().toString().replace("-", "");
        List<String> canaries = List.of(why, sourceName, alias, kindWhy);
        UUID school = fixtures.school("Lesson canary school");
        Path pack = TestPacks.defectorsWithFreshIds(temp.resolve("defectors"));
        Path key = pack.resolve("keys/002-isegoria.yaml");
        String yaml = Files.readString(key)
                .replace("    why: \"", "    why: \"" + why + " ")
                .replace("    name: \"", "    name: \"" + sourceName + " ")
                .replace("    aliases: [\"", "    aliases: [\"" + alias + "\", \"")
                .replace("    kind_why: \"", "    kind_why: \"" + kindWhy + " ");
        assertThat(yaml).contains(canaries);
        Files.writeString(key, yaml);
        fixtures.importPack(school, pack);

        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String teacherName = "lesson-canary-teacher-" + suffix;
        String studentName = "lesson-canary-student-" + suffix;
        String password = "canary passphrase " + suffix;
        Account teacher =
                administration.ensureAccount(school, teacherName, "Canary Teacher", Set.of(Role.TEACHER), password);
        Account student =
                administration.ensureAccount(school, studentName, "Canary Student", Set.of(Role.STUDENT), password);
        SchoolClass schoolClass =
                administration.ensureClass(teacher, "Lesson canary class", null, null, ZoneId.of("UTC"));
        administration.ensureEnrolled(schoolClass, student);
        UUID isegoria;
        AssignmentSummary lesson;
        try (var s = SignedIn.as(users, teacherName)) {
            isegoria = library.articles("isegoria").getFirst().articleId();
            // Feedback right after submitting, so only the lesson's own rule (released once every
            // step is submitted) and the revision keep the key back.
            lesson = assignments.assignMarkClaims(
                    schoolClass.id(),
                    new NewAssignment(
                            isegoria,
                            null,
                            LocalDate.now().plusDays(3),
                            true,
                            FeedbackPolicy.AFTER_SUBMIT,
                            true,
                            null,
                            false,
                            List.of(NewStep.of(NewStep.MARK_CLAIMS), NewStep.of(NewStep.IDENTIFY_SOURCES))));
        }

        List<String> bodies = scanEveryResponse(page);
        auditDialogsByHand();
        signIn(studentName, password);
        page.navigate(url("assignment/" + lesson.id()));
        assertThat(page.getByTestId("lesson-step-identify-sources")).hasAttribute("data-state", "locked");
        assertThat(page.getByTestId("save-status")).hasAttribute("data-state", "saved");
        markWithMouse("Double this number are wounded and can’t fight anymore,” Abu Khaled told me", "attributed");
        assertThat(page.getByTestId("save-status")).hasAttribute("data-state", "saved");
        submitShownStep();

        // Step 1 submitted, step 2 open: the lesson's feedback waits for its last step.
        assertThat(page.getByTestId("lesson-step-identify-sources")).hasAttribute("aria-current", "step");
        page.navigate(url("feedback/" + lesson.id()));
        assertThat(page.getByTestId("feedback-waiting")).isVisible();
        page.navigate(url("assignment/" + lesson.id()));
        assertThat(page.getByTestId("save-status")).hasAttribute("data-state", "saved");
        // A kind the key does not accept, so the released feedback explains the key's kind (kind_why).
        selectWithMouse("Abu Khaled told me");
        page.getByTestId("make-source").click();
        page.getByTestId("source-name").fill("Abu Khaled");
        page.getByTestId("source-kind-official-body").check();
        page.getByTestId("source-origin-relayed").check();
        page.getByTestId("source-outlet").fill("The Daily Beast");
        page.getByTestId("source-save").click();
        assertThat(page.getByTestId("source-item")).hasCount(1);
        String sourceId = page.getByTestId("source-item").getAttribute("data-source-id");
        page.locator("[data-testid^='claim-ref-']").click();
        page.getByTestId("link-source-" + sourceId).check();
        assertThat(page.getByTestId("save-status")).hasAttribute("data-state", "saved");
        int beforeLastStep = bodies.size();
        assertThat(bodies).as("responses holding key data while step 2 is open").noneMatch(b -> leaks(b, canaries));

        // Every step submitted, a revision possible: hints of both steps, no key (DD006).
        submitShownStep();
        page.getByTestId("open-feedback").click();
        assertThat(page.getByTestId("source-hints")).isVisible();
        assertThat(page.getByTestId("revision-hints")).isVisible();
        page.getByTestId("start-revision").click();
        audit();
        page.locator("vaadin-confirm-dialog-overlay, vaadin-confirm-dialog")
                .getByText("Start attempt 2", new Locator.GetByTextOptions().setExact(true))
                .last()
                .click();
        assertThat(page.getByTestId("lesson-step-mark-claims")).hasAttribute("aria-current", "step");
        submitShownStep();
        assertThat(page.getByTestId("lesson-step-identify-sources")).hasAttribute("aria-current", "step");
        assertThat(page.getByTestId("source-item")).hasCount(1);
        assertThat(page.getByTestId("save-status")).hasAttribute("data-state", "saved");
        int beforeRelease = bodies.size();
        assertThat(beforeRelease).as("responses seen after the last step").isGreaterThan(beforeLastStep);
        assertThat(bodies)
                .as("responses holding key data before the revision is submitted")
                .noneMatch(b -> leaks(b, canaries));

        submitShownStep();
        page.getByTestId("open-feedback").click();
        assertThat(page.getByTestId("source-feedback")).isVisible();
        assertThat(page.getByTestId("kind-why")).not().hasCount(0);
        List<String> released = bodies.subList(beforeRelease, bodies.size());
        assertThat(released)
                .as("after the revision the scan finds the key's reasons")
                .anyMatch(b -> b.contains(why));
        assertThat(released)
                .as("after the revision the scan finds the key's source names")
                .anyMatch(b -> b.contains(sourceName));
        assertThat(released)
                .as("after the revision the scan finds the key's kind_why")
                .anyMatch(b -> b.contains(kindWhy));

        // A student's feedback never draws the key's attributions, even released; the teacher's
        // reading of the key does, and proves the scan recognises one.
        Page teacherPage = browser()
                .newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 800))
                .newPage();
        try {
            List<String> teacherBodies = scanEveryResponse(teacherPage);
            Page studentPage = page;
            page = teacherPage;
            try {
                signIn(teacherName, password);
                page.navigate(url("library/article/" + isegoria));
                page.getByTestId("key-toggle").click();
                assertThat(page.locator("claim-highlighter mark[data-kind='source']"))
                        .not()
                        .hasCount(0);
            } finally {
                page = studentPage;
            }
            assertThat(teacherBodies)
                    .as("the teacher's key shows attributions, and the scan sees them")
                    .anyMatch(b -> KEY_ATTRIBUTION.matcher(b).find());
        } finally {
            teacherPage.context().close();
        }
    }

    /**
     * A compare-outlets lesson on the two excerpts of the Daily Beast interview (DD015): canaries
     * in the comparison key's texts, which only the released feedback may show: every article's
     * framing_why and outlet_kind_note and every cell's why. The key's answers themselves (framing,
     * reporting, carriage codes) are words every student page shows as choices, and its hedges and
     * loaded words are the article's own words, so they cannot carry a canary; their leak is a
     * reason, note or why travelling with them, which the canaries catch, and the feedback's
     * matrix and relay picture, whose test ids must not appear. The student's work is saved through
     * the services (the compare page is another part's); the student's browser opens the list, the
     * lesson page and the feedback page before release and while a revision is possible (hints),
     * and once the revision is submitted the same scan finds the canaries.
     */
    @Test
    void a_compare_lesson_sends_no_comparison_key_reasons_before_release_nor_during_a_revision() throws IOException {
        String framingWhy = "FRAMINGWHYCANARY" + UUID.randomUUID().toString().replace("-", "");
        String outletNote = "OUTLETNOTECANARY" + UUID.randomUUID().toString().replace("-", "");
        String cellWhy = "CELLWHYCANARY" + UUID.randomUUID().toString().replace("-", "");
        List<String> canaries = List.of(framingWhy, outletNote, cellWhy);
        UUID school = fixtures.school("Compare canary school");
        Path pack = TestPacks.defectorsWithFreshIds(temp.resolve("defectors"));
        Path comparison = pack.resolve("comparison.yaml");
        String yaml = Files.readString(comparison)
                .replace("    framing_why: \"", "    framing_why: \"" + framingWhy + " ")
                .replace("    outlet_kind_note: \"", "    outlet_kind_note: \"" + outletNote + " ")
                .replace("        why: \"", "        why: \"" + cellWhy + " ");
        assertThat(yaml).contains(canaries);
        Files.writeString(comparison, yaml);
        fixtures.importPack(school, pack);

        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String teacherName = "compare-canary-teacher-" + suffix;
        String studentName = "compare-canary-student-" + suffix;
        String password = "canary passphrase " + suffix;
        Account teacher =
                administration.ensureAccount(school, teacherName, "Canary Teacher", Set.of(Role.TEACHER), password);
        Account student =
                administration.ensureAccount(school, studentName, "Canary Student", Set.of(Role.STUDENT), password);
        SchoolClass schoolClass =
                administration.ensureClass(teacher, "Compare canary class", null, null, ZoneId.of("UTC"));
        administration.ensureEnrolled(schoolClass, student);
        AssignmentSummary lesson;
        UUID isegoria;
        UUID warInContext;
        try (var s = SignedIn.as(users, teacherName)) {
            isegoria = library.articles("isegoria").getFirst().articleId();
            warInContext = library.articles("war in context").getFirst().articleId();
            lesson = assignments.assignMarkClaims(
                    schoolClass.id(),
                    new NewAssignment(
                            isegoria,
                            null,
                            LocalDate.now().plusDays(3),
                            true,
                            FeedbackPolicy.WHEN_RELEASED,
                            true,
                            null,
                            false,
                            List.of(NewStep.compare(
                                    List.of(isegoria, warInContext), java.math.BigDecimal.ONE, false))));
        }
        // The student's comparison: a framing the key explains otherwise, and a cell it explains.
        try (var s = SignedIn.as(users, studentName)) {
            UUID attempt = submissions.open(lesson.id()).orElseThrow().attemptId();
            compareWork.saveGrid(
                    attempt,
                    new CompareItems.GridState(
                            warInContext.toString(),
                            1,
                            "question",
                            1,
                            1,
                            "relay",
                            List.of("The Daily Beast"),
                            null,
                            null));
            compareWork.saveCell(
                    attempt,
                    new CompareItems.CellState(
                            "k01", warInContext.toString(), 1, "hedged", null, null, null, null, null));
            submissions.submit(attempt);
        }

        List<String> bodies = scanEveryResponse(page);
        auditDialogsByHand();
        signIn(studentName, password);
        page.navigate(url("my"));
        assertThat(page.getByTestId("assignment-status").first()).isVisible();
        page.navigate(url("assignment/" + lesson.id()));
        assertThat(page.locator("h2").first()).isVisible();
        page.navigate(url("feedback/" + lesson.id()));
        assertThat(page.getByTestId("feedback-waiting")).containsText("release");
        int beforeRelease = bodies.size();
        assertThat(beforeRelease).as("responses seen").isGreaterThan(10);
        assertThat(bodies)
                .as("responses holding the comparison key's texts before release")
                .noneMatch(b -> leaks(b, canaries));

        // Released, a revision possible: hints only (DD006).
        try (var s = SignedIn.as(users, teacherName)) {
            actions.releaseFeedback(lesson.id());
        }
        page.reload();
        assertThat(page.getByTestId("compare-hints")).isVisible();
        assertThat(page.getByTestId("compare-hint-article")).hasCount(2);
        assertThat(page.getByTestId("compare-feedback-matrix")).hasCount(0);
        assertThat(page.getByTestId("relay-graph")).hasCount(0);
        int hinted = bodies.size();
        assertThat(hinted).isGreaterThan(beforeRelease);
        assertThat(bodies)
                .as("responses holding the comparison key's texts while a revision is possible")
                .noneMatch(b ->
                        leaks(b, canaries) || b.contains("compare-feedback-matrix") || b.contains("relay-graph-text"));

        // The revision, submitted: the key's reasons come, and the scan sees them.
        try (var s = SignedIn.as(users, studentName)) {
            feedbackService.startRevision(lesson.id());
            UUID second = submissions.open(lesson.id()).orElseThrow().attemptId();
            submissions.submit(second);
        }
        page.reload();
        assertThat(page.getByTestId("compare-feedback-matrix")).isVisible();
        assertThat(page.getByTestId("relay-graph-text")).containsText("The Daily Beast reported first-hand.");
        assertThat(page.locator("[data-testid='compare-feedback-cell'][data-verdict='wrong']"))
                .not()
                .hasCount(0);
        List<String> released = bodies.subList(hinted, bodies.size());
        for (String canary : canaries) {
            assertThat(released)
                    .as("after the revision the scan finds " + canary.substring(0, 10))
                    .anyMatch(b -> b.contains(canary));
        }
    }

    /** A canary, or a key attribution drawn over the text. */
    private static boolean leaks(String body, List<String> canaries) {
        return canaries.stream().anyMatch(body::contains)
                || KEY_ATTRIBUTION.matcher(body).find();
    }

    /** Submits the step the lesson page shows, through its confirm dialog. */
    private void submitShownStep() {
        assertThat(page.getByTestId("save-status")).hasAttribute("data-state", "saved");
        page.getByTestId("submit-attempt").click();
        audit();
        page.locator("vaadin-confirm-dialog-overlay, vaadin-confirm-dialog")
                .getByText("Submit", new Locator.GetByTextOptions().setExact(true))
                .last()
                .click();
    }

    /**
     * Records the body of every response the page receives, as the browser receives it, for the
     * scans of the tests.
     */
    private static List<String> scanEveryResponse(Page page) {
        List<String> bodies = new CopyOnWriteArrayList<>();
        page.route("**/*", (Route route) -> {
            // Redirects go back to the browser as they are, so it navigates exactly as without the scan.
            APIResponse response;
            try {
                response = route.fetch(new Route.FetchOptions().setMaxRedirects(0));
            } catch (PlaywrightException gone) {
                // The page navigated away while this request was on its way (a heartbeat or a call
                // of the page being left): the browser will never read this response, so there is
                // nothing of it to scan. Seen on a loaded machine, where navigations overlap more.
                return;
            }
            try {
                bodies.add(response.text());
            } catch (PlaywrightException binary) {
                bodies.add("");
            }
            try {
                route.fulfill(new Route.FulfillOptions().setResponse(response));
            } catch (PlaywrightException gone) {
                // As above: the page that asked is gone.
            }
        });
        return bodies;
    }
}
