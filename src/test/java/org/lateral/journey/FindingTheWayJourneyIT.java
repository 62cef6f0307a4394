package org.lateral.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lateral.base.Schools;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Pages people reach on their own and must find their way back from: changing one's password
 * when one chooses to, joining another class; and the time zone a new class starts with.
 */
class FindingTheWayJourneyIT extends JourneyTest {

    @Autowired
    ClassroomAdministration administration;

    private String account(String prefix, Role role) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        administration.ensureAccount(Schools.DEFAULT_SCHOOL_ID, username, "Way Finder", Set.of(role), "lateral-demo");
        return username;
    }

    @Test
    void a_teacher_changes_their_password_on_the_form_and_finds_the_way_back() {
        String teacher = account("pw-teacher", Role.TEACHER);
        signIn(teacher);
        page.navigate(url("password"));
        assertThat(page.locator("h1")).hasText("Change your password");
        page.getByTestId("password-current").locator("input").fill("not my password");
        page.getByTestId("password-new").locator("input").fill("a quiet morning by the sea");
        page.getByTestId("password-again").locator("input").fill("a quiet morning by the sea");
        page.getByTestId("password-save").click();
        assertThat(page.getByTestId("password-message")).hasText("Your current password is not right.");
        screenshot("password-wrong.png");

        page.getByTestId("password-current").locator("input").fill("lateral-demo");
        page.getByTestId("password-save").click();
        assertThat(page.getByTestId("password-changed")).containsText("Your password is changed");
        assertThat(page.getByTestId("password-message")).isEmpty();
        assertThat(page).hasURL(Pattern.compile(".*/password$"));
        screenshot("password-changed.png");

        BrowserContext phone = browser()
                .newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                        .setViewportSize(390, 844)
                        .setStorageState(context.storageState()));
        try {
            Page small = phone.newPage();
            small.navigate(url("password"));
            assertThat(small.getByTestId("password-back")).isVisible();
            small.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("password-phone.png")));
        } finally {
            phone.close();
        }

        page.getByTestId("password-back").click();
        assertThat(page).hasURL(Pattern.compile(".*/classes(\\?.*)?$"));

        page.getByTestId("account-menu").click();
        page.getByTestId("logout").click();
        page.waitForURL(u -> u.contains("/login"));
        signIn(teacher, "a quiet morning by the sea");
        assertThat(page).hasURL(Pattern.compile(".*/classes(\\?.*)?$"));
    }

    @Test
    void a_student_joining_another_class_finds_the_way_back_to_their_assignments() {
        String student = account("way-student", Role.STUDENT);
        signIn(student);
        page.navigate(url("join"));
        assertThat(page.locator("h1")).hasText("Join another class");
        assertThat(page.getByTestId("join-back")).hasText("Back to My assignments");
        screenshot("join-another-class.png");
        page.getByTestId("join-back").click();
        assertThat(page).hasURL(Pattern.compile(".*/my$"));
    }

    @Test
    void a_new_class_starts_in_the_time_zone_of_the_teachers_browser_and_offers_utc() {
        String teacher = account("tz-teacher", Role.TEACHER);
        BrowserContext berlin = browser()
                .newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                        .setViewportSize(1280, 800)
                        .setTimezoneId("Europe/Berlin"));
        try {
            page = berlin.newPage();
            signIn(teacher);
            page.getByTestId("new-class").click();
            assertThat(page.getByTestId("class-time-zone").locator("input"))
                    .hasValue(Pattern.compile("Europe/Berlin \\(UTC\\+0[12]:00\\)"));
            page.getByTestId("class-time-zone").locator("input").fill("UTC");
            assertThat(page.locator("vaadin-combo-box-item").first()).containsText("UTC");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("new-class-time-zone.png")));
        } finally {
            berlin.close();
        }
    }
}
