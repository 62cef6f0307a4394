package org.lateral.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.SignedIn;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.NewAssignment;
import org.lateral.base.Schools;
import org.lateral.classroom.Account;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.SchoolClass;
import org.lateral.library.LibraryService;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The assignment dashboard live, in real Chromium: the teacher keeps the dashboard of a fresh
 * Frisky assignment open while three demo students submit; without reloading, the heatmap's share
 * for a claim they found changes and a span all three marked outside the key appears; the teacher
 * accepts it as an alternative and sees the students' scores rise.
 *
 * <p>The three students (student9, student13, student16, used by no other journey) are enrolled
 * in a class of their own, taught by a teacher of the demo school who teaches nothing else (so the
 * demo teacher's classes and assignments, which other journeys look up, stay as seeded), and each
 * run gets a new assignment there, so the counts start at zero whatever other tests left behind.
 */
class DashboardJourneyIT extends JourneyTest {

    static final String FOUND = "He presumably stepped into the position";
    static final String OUTSIDE = "a source told The Daily Mail";
    static final List<String> STUDENTS = List.of("student9", "student13", "student16");

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    AssignmentService assignments;

    @Autowired
    LibraryService library;

    @Autowired
    UserDetailsService users;

    static final String TEACHER = "dashboard-journey-teacher";
    static final String PASSWORD = "a long enough password";

    UUID assignment;
    UUID classId;

    @BeforeEach
    void aFreshFriskyAssignmentForThreeStudents() {
        Account teacher = administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, TEACHER, "Journey Teacher", Set.of(Role.TEACHER), PASSWORD);
        SchoolClass journeyClass = administration.ensureClass(
                teacher, "Dashboard journey", "Media literacy", null, ZoneId.systemDefault());
        classId = journeyClass.id();
        for (String username : STUDENTS) {
            administration.ensureEnrolled(
                    journeyClass,
                    administration.ensureDemoAccount(
                            Schools.DEFAULT_SCHOOL_ID,
                            username,
                            "Student " + username.substring(7),
                            Set.of(Role.STUDENT)));
        }
        try (var s = SignedIn.as(users, TEACHER)) {
            UUID frisky = library.articles("frisky").getFirst().articleId();
            assignment = assignments
                    .assignMarkClaims(
                            journeyClass.id(),
                            new NewAssignment(
                                    frisky,
                                    null,
                                    LocalDate.now().plusDays(7),
                                    true,
                                    FeedbackPolicy.AFTER_SUBMIT,
                                    false,
                                    null,
                                    false))
                    .id();
        }
    }

    private Locator claim(Page teacher, String words) {
        return teacher.locator("[data-testid='heatmap'] [data-claim]", new Page.LocatorOptions().setHasText(words))
                .first();
    }

    /** One student, in a browser of their own, marks and submits; the teacher's page is untouched. */
    private void submits(String username, boolean findsTheClaim) {
        Page teacher = page;
        page = browser()
                .newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 800))
                .newPage();
        try {
            signIn(username);
            page.navigate(url("assignment/" + assignment));
            assertThat(page.getByTestId("save-status")).hasAttribute("data-state", "saved");
            if (findsTheClaim) {
                markWithMouse(FOUND, "hedged");
                assertThat(page.getByTestId("save-status")).hasAttribute("data-state", "saved");
            }
            markWithMouse(OUTSIDE, "attributed");
            assertThat(page.getByTestId("save-status")).hasAttribute("data-state", "saved");
            page.getByTestId("submit-attempt").click();
            page.locator("vaadin-confirm-dialog-overlay, vaadin-confirm-dialog")
                    .getByText("Submit", new Locator.GetByTextOptions().setExact(true))
                    .last()
                    .click();
            assertThat(page.getByTestId("open-feedback")).isVisible();
        } finally {
            page.context().close();
            page = teacher;
        }
    }

    @Test
    void the_teacher_watches_the_heatmap_change_while_three_students_submit_then_accepts_an_alternative() {
        signIn(TEACHER, PASSWORD);
        page.navigate(url("dashboards/assignment/" + assignment));
        assertThat(page.getByTestId("dashboard-live")).hasAttribute("data-submitters", "0");
        assertThat(claim(page, FOUND)).hasAttribute("data-share", "0.00");
        // A reload would clear this; it must still be there at the end.
        page.evaluate("() => { window.lateralJourneyMarker = 'not reloaded'; }");

        submits("student9", true);
        assertThat(page.getByTestId("dashboard-live")).hasAttribute("data-submitters", "1");
        assertThat(claim(page, FOUND)).hasAttribute("data-share", "1.00");
        assertThat(page.getByTestId("heatmap-table")).containsText("1 of 1");
        screenshot("dashboard-1-first-submission.png");

        submits("student13", true);
        submits("student16", false);
        assertThat(page.getByTestId("dashboard-live")).hasAttribute("data-submitters", "3");
        // Two of three found it.
        assertThat(claim(page, FOUND)).hasAttribute("data-share", "0.67");
        assertThat(claim(page, FOUND)).hasAttribute("aria-label", java.util.regex.Pattern.compile("found by 2 of 3"));
        Locator outside = page.locator("[data-testid='unkeyed-span']", new Page.LocatorOptions().setHasText(OUTSIDE));
        assertThat(outside).hasAttribute("data-students", "3");
        assertThat(outside).containsText("overlaps the key");
        Locator keyed = claim(page, OUTSIDE);
        assertThat(keyed).hasAttribute("data-share", "0.00");
        assertThat(page.getByTestId("dashboard-student-score")).hasCount(3);
        List<Double> before = scores();
        screenshot("dashboard-2-three-submitted.png");
        assertThat(page.evaluate("() => window.lateralJourneyMarker")).isEqualTo("not reloaded");

        outside.getByTestId("accept-unkeyed-span").click();
        // The span now finds the key's claim for all three, and every score rises.
        assertThat(claim(page, OUTSIDE)).hasAttribute("data-share", "1.00");
        assertThat(page.locator("[data-testid='unkeyed-span']", new Page.LocatorOptions().setHasText(OUTSIDE)))
                .hasCount(0);
        List<Double> after = scores();
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i)).as("score of student row %d", i).isGreaterThan(before.get(i));
        }
        screenshot("dashboard-3-accepted.png");
        assertThat(page.evaluate("() => window.lateralJourneyMarker")).isEqualTo("not reloaded");
    }

    @Test
    void on_a_phone_the_shaded_article_keeps_its_paragraphs_apart_and_assignment_titles_read_in_lines() {
        page.setViewportSize(390, 844);
        signIn(TEACHER, PASSWORD);
        page.navigate(url("dashboards/assignment/" + assignment));
        assertThat(page.locator("[data-testid='heatmap'] .heatmap-paragraph").nth(2))
                .isVisible();
        List<?> gaps = (List<?>) page.evaluate("""
                () => [...document.querySelectorAll('[data-testid="heatmap"] .heatmap-paragraph')]
                  .map(p => p.getBoundingClientRect())
                  .slice(1)
                  .map((r, i, all) => r.top - (i === 0
                      ? document.querySelectorAll('[data-testid="heatmap"] .heatmap-paragraph')[0].getBoundingClientRect().bottom
                      : all[i - 1].bottom))""");
        assertThat(gaps).isNotEmpty();
        assertThat(gaps)
                .as("space between the article's paragraphs, in pixels")
                .allMatch(g -> ((Number) g).doubleValue() >= 8);
        // The results link and the print button do not touch.
        var link = page.locator(".dashboard-actions a").boundingBox();
        var button = page.getByTestId("print-report").boundingBox();
        boolean sameLine = Math.abs(link.y + link.height / 2 - (button.y + button.height / 2)) < button.height / 2;
        if (sameLine) {
            assertThat(button.x - (link.x + link.width))
                    .as("room between link and button")
                    .isGreaterThanOrEqualTo(8);
        }
        screenshot("dashboard-phone-heatmap.png");

        page.navigate(url("dashboards/class/" + classId));
        Locator title = page.locator("[data-testid='class-overview'] tbody th").first();
        assertThat(title).isVisible();
        // A title of about 20 words: at a few words a line it takes a handful of lines, not one a word.
        assertThat(title.boundingBox().width)
                .as("width of the assignment title's column on a phone")
                .isGreaterThanOrEqualTo(180);
        screenshot("dashboard-phone-class-overview.png");
    }

    /** The students' scores in the dashboard's list, in its order (by name). */
    private List<Double> scores() {
        List<Double> scores = new ArrayList<>();
        for (Locator row : page.getByTestId("dashboard-student-score").all()) {
            assertThat(row).not().hasAttribute("data-score", "");
        }
        for (String score : page.getByTestId("dashboard-student-score").all().stream()
                .map(l -> l.getAttribute("data-score"))
                .toList()) {
            assertThat(score).as("every student has a score").isNotEmpty();
            scores.add(Double.parseDouble(score));
        }
        return scores;
    }
}
