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
 * A school admin in Chromium (DD026), in a school of its own: invites a teacher, who opens the
 * link in a browser of their own, creates an account and signs in; then finds a student held back
 * after wrong passwords, unlocks them, and the student signs in at once.
 */
class SchoolAdminJourneyIT extends JourneyTest {

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    Fixtures fixtures;

    String admin;
    String student;

    @BeforeEach
    void aSchoolWithAnAdminAndAStudent() {
        UUID school = fixtures.school("Admin journey school");
        String suffix = school.toString().substring(0, 8);
        admin = "admin-journey-" + suffix;
        student = "admin-journey-student-" + suffix;
        administration.ensureAccount(
                school, admin, "Journey Admin", Set.of(Role.ADMIN, Role.TEACHER), Fixtures.PASSWORD);
        Account teacher = administration.ensureAccount(
                school, "admin-journey-teacher-" + suffix, "Journey Teacher", Set.of(Role.TEACHER), Fixtures.PASSWORD);
        SchoolClass c = administration.ensureClass(teacher, "Civics 10", null, null, ZoneId.systemDefault());
        administration.ensureEnrolled(
                c, administration.ensureAccount(school, student, "Sandpiper", Set.of(Role.STUDENT), Fixtures.PASSWORD));
    }

    private Page anotherBrowser() {
        return browser()
                .newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 800))
                .newPage();
    }

    @Test
    void an_invited_teacher_joins_from_the_link_and_a_held_back_student_is_unlocked() {
        signIn(admin, Fixtures.PASSWORD);
        page.getByTestId("nav-admin-school").click();
        assertThat(page.getByTestId("school-admin-name")).hasText("Admin journey school: school admin");

        page.getByTestId("invite-open").click();
        page.getByTestId("invite-meant-for").locator("input").fill("New history teacher");
        page.getByTestId("invite-create").click();
        Locator link = page.getByTestId("invite-issued-link");
        assertThat(link).containsText("/invite/");
        String invitation = link.textContent().strip();
        screenshot("school-admin-invitation.png");
        page.getByTestId("invite-issued-done").click();
        assertThat(page.locator("[data-testid=invite-row][data-state=PENDING]")).hasCount(1);

        Page adminPage = page;
        page = anotherBrowser();
        String teacherName = "history-" + UUID.randomUUID().toString().substring(0, 6);
        try {
            page.navigate(invitation);
            assertThat(page.getByTestId("invite-school")).containsText("Admin journey school");
            page.getByTestId("invite-name").locator("input").fill("History Teacher");
            page.getByTestId("invite-username").locator("input").fill(teacherName);
            page.getByTestId("invite-password").locator("input").fill("the long road to the coast");
            page.getByTestId("invite-password-again").locator("input").fill("the long road to the coast");
            page.getByTestId("invite-create").click();
            page.waitForURL(u -> u.contains("/login"));
            signIn(teacherName, "the long road to the coast");
            assertThat(page.getByTestId("current-user")).hasText(teacherName);

            // The student guesses wrong until Lateral holds the account back.
            for (int i = 0; i < 11; i++) {
                page.context().clearCookies();
                page.navigate(url("login"));
                page.locator("input[name='username']").fill(student);
                page.locator("input[name='password']").fill("not my password " + i);
                page.locator("input[name='password']").press("Enter");
                page.waitForURL(u -> u.contains("/login?error"));
            }
        } finally {
            page.context().close();
            page = adminPage;
        }

        page.reload();
        assertThat(page.locator("[data-testid=invite-row][data-state=USED]")).containsText("History Teacher");
        assertThat(page.locator("[data-testid=staff-row][data-username='" + teacherName + "']"))
                .containsText("History Teacher");
        page.getByTestId("student-search").locator("input").fill(student);
        page.getByTestId("student-search-button").click();
        Locator row = page.locator("[data-testid=student-row][data-username='" + student + "']");
        assertThat(row.getByTestId("member-sign-in-held")).isVisible();
        screenshot("school-admin-held-back.png");
        row.getByTestId("member-unlock-sign-in").click();
        assertThat(page.getByTestId("school-admin-status")).containsText("Sandpiper can sign in again now");
        assertThat(row.getByTestId("member-sign-in-held")).hasCount(0);

        page = anotherBrowser();
        try {
            signIn(student, Fixtures.PASSWORD);
            assertThat(page.getByTestId("current-user")).hasText(student);
        } finally {
            page.context().close();
            page = adminPage;
        }
    }
}
