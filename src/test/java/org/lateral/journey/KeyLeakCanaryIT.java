package org.lateral.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.SignedIn;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.AssignmentSummary;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.NewAssignment;
import org.lateral.classroom.Account;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.SchoolClass;
import org.lateral.library.LibraryImport;
import org.lateral.library.LibraryService;
import org.lateral.library.TestPacks;
import org.lateral.security.Role;
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

        List<String> bodies = new CopyOnWriteArrayList<>();
        AtomicInteger abandoned = new AtomicInteger();
        page.route("**/*", (Route route) -> {
            // Redirects go back to the browser as they are, so it navigates exactly as without the scan.
            APIResponse response;
            try {
                response = route.fetch(new Route.FetchOptions().setMaxRedirects(0));
            } catch (PlaywrightException gone) {
                // The page navigated away while this request was on its way (a heartbeat or a call
                // of the page being left): the browser will never read this response, so there is
                // nothing of it to scan. Seen on a loaded machine, where navigations overlap more.
                abandoned.incrementAndGet();
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
                abandoned.incrementAndGet();
            }
        });

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
}
