package org.lateral.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.base.Schools;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Getting Lateral in front of a class: a teacher creates a class, a new student joins it with
 * the code and creates an account, the teacher assigns the Frisky article, the student sees it.
 */
class ClassroomJourneyIT extends JourneyTest {

    @Autowired
    ClassroomAdministration administration;

    String teacher;

    @BeforeEach
    void aTeacherOfTheirOwn() {
        teacher = "journey-" + UUID.randomUUID().toString().substring(0, 6);
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, teacher, "Ms Journey", Set.of(Role.TEACHER), "lateral-demo");
    }

    @Test
    void a_teacher_creates_a_class_a_new_student_joins_with_the_code_and_sees_the_assigned_article() {
        signIn(teacher);
        page.getByTestId("new-class").click();
        page.getByTestId("class-name-field").locator("input").fill("Media 9A");
        page.getByTestId("create-class").click();
        assertThat(page.getByTestId("class-name")).hasText("Media 9A");
        String code = page.getByTestId("join-code").textContent().strip();
        screenshot("class-page.png");

        BrowserContext studentContext = context.browser().newContext();
        Page student = studentContext.newPage();
        student.navigate(url("login"));
        student.getByTestId("join-link").click();
        student.getByTestId("join-code-input").locator("input").fill(code.toLowerCase());
        student.getByTestId("join-continue").click();
        assertThat(student.getByTestId("join-class-preview")).containsText("Media 9A");
        String username = "robin-" + UUID.randomUUID().toString().substring(0, 5);
        student.getByTestId("join-name").locator("input").fill("Robin");
        student.getByTestId("join-username").locator("input").fill(username);
        student.getByTestId("join-password").locator("input").fill("robins sing at dawn");
        student.getByTestId("join-password-again").locator("input").fill("robins sing at dawn");
        student.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("join.png")));
        audit(student);
        student.getByTestId("join-create").click();
        assertThat(student.getByTestId("login-welcome")).containsText(username);
        student.locator("input[name='username']").fill(username);
        student.locator("input[name='password']").fill("robins sing at dawn");
        student.locator("input[name='password']").press("Enter");
        assertThat(student.getByTestId("assignments-empty")).isVisible();
        assertThat(student.getByTestId("student-class-list")).containsText("Media 9A");

        page.reload();
        assertThat(page.getByTestId("roster")).containsText("Robin");
        page.getByTestId("assign-article").click();
        page.getByTestId("assign-article-select").click();
        page.locator("vaadin-select-item")
                .filter(new Locator.FilterOptions().setHasText("The Frisky"))
                .click();
        page.getByTestId("assign-save").click();
        assertThat(page.getByTestId("class-assignment")).containsText("Reportedly Defects");
        screenshot("class-page-assigned.png");

        student.reload();
        assertThat(student.getByTestId("my-assignment")).containsText("Reportedly Defects");
        assertThat(student.getByTestId("assignment-status")).hasText("To do");
        student.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("student-assignments.png")));
        audit(student);
        studentContext.close();
    }
}
