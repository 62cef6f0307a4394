package org.lateral.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.Fixtures;
import org.lateral.classroom.Account;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.SchoolClass;
import org.lateral.harness.VaadinClient;
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
    void an_invited_teacher_joins_from_the_link_and_a_held_back_student_is_unlocked() throws Exception {
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

        } finally {
            page.context().close();
            page = adminPage;
        }

        // The student guesses wrong through the real login form until Lateral holds the account
        // back (posted directly: eleven browser sign-ins add nothing but time to this journey).
        for (int i = 0; i < 11; i++) {
            wrongPassword(student, "not my password " + i);
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

    /** One sign-in with a wrong password, as the login form posts it (with its CSRF token). */
    private void wrongPassword(String username, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String login = http.send(
                        HttpRequest.newBuilder(URI.create(url("login"))).GET().build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher token = VaadinClient.CSRF_META.matcher(login);
        org.assertj.core.api.Assertions.assertThat(token.find())
                .as("the login page carries a CSRF token")
                .isTrue();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<Void> answer = http.send(
                HttpRequest.newBuilder(URI.create(url("login")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        org.assertj.core.api.Assertions.assertThat(
                        answer.headers().firstValue("Location").orElse(""))
                .endsWith("/login?error");
    }
}
