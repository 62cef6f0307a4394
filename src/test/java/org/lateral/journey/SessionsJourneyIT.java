package org.lateral.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lateral.MovableClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sessions end when they must (DD007), in real Chromium, with the application's clock moved by
 * hand instead of waiting: an idle tab is signed out and its unsent mark is saved after signing
 * in again; a password change ends the account's other sessions but not the one that made it;
 * a teacher switching a student's account off signs the student out at their next click. Also
 * checks that the Content-Security-Policy blocks nothing Lateral needs.
 */
@Import(MovableClockConfiguration.class)
class SessionsJourneyIT extends JourneyTest {

    private static final LocatorAssertions.HasAttributeOptions PATIENTLY =
            new LocatorAssertions.HasAttributeOptions().setTimeout(60_000);

    @Autowired
    JdbcClient jdbc;

    private final List<String> blockedByPolicy = new CopyOnWriteArrayList<>();

    private void watchForPolicyViolations(Page tab) {
        tab.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                blockedByPolicy.add(message.text());
            }
        });
    }

    private void openFrisky(String student) {
        watchForPolicyViolations(page);
        signIn(student);
        page.getByTestId("open-assignment").first().click();
        assertThat(page.getByTestId("claim-highlighter").locator("p[data-index='0']"))
                .containsText("Reportedly Defects");
        assertThat(page.getByTestId("save-status")).hasAttribute("data-state", "saved");
    }

    @Test
    void an_idle_tab_is_signed_out_and_its_unsent_mark_is_saved_after_signing_in_again() {
        openFrisky("student6");
        String assignmentUrl = page.url();

        context.setOffline(true);
        markWithMouse("the most wanted men in the world", "factual");
        assertThat(page.getByTestId("save-status")).hasAttribute("data-state", "retrying", PATIENTLY);

        // The tab stays open (heartbeats would keep an HTTP session alive) while nobody works.
        MovableClockConfiguration.CLOCK.advance(Duration.ofMinutes(31));
        context.setOffline(false);
        page.waitForURL(u -> u.contains("/login"), new Page.WaitForURLOptions().setTimeout(60_000));
        assertThat(page.getByTestId("login-welcome")).containsText("signed out after 30 minutes without activity");
        screenshot("session-idle-signed-out.png");

        page.locator("input[name='username']").fill("student6");
        page.locator("input[name='password']").fill("lateral-demo");
        page.locator("input[name='password']").press("Enter");
        page.waitForURL(u -> !u.contains("/login"));
        page.navigate(assignmentUrl);
        assertThat(page.getByTestId("save-status")).hasAttribute("data-state", "saved", PATIENTLY);
        assertThat(page.getByTestId("claim-highlighter")
                        .locator("mark.ch-mark[data-own][data-first][data-claim-type='factual']"))
                .hasCount(1);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM mark m JOIN attempt t ON t.id = m.attempt_id JOIN submission s ON s.id = t.submission_id
                  JOIN account a ON a.id = s.student_id
                 WHERE a.username = 'student6' AND NOT m.deleted AND m.exact = 'the most wanted men in the world'
                """).query(Long.class).single())
                .as("the mark made before the timeout is stored")
                .isEqualTo(1);
        assertThat(blockedByPolicy)
                .as("nothing blocked by the Content-Security-Policy")
                .isEmpty();
    }

    @Test
    void a_session_ends_after_twelve_hours_even_while_in_use() {
        watchForPolicyViolations(page);
        signIn("student7");
        // A click every 25 minutes (never idle for 30) for 11 h 40 min: still signed in.
        for (int step = 0; step < 28; step++) {
            MovableClockConfiguration.CLOCK.advance(Duration.ofMinutes(25));
            page.navigate(url("my"));
            assertThat(page).hasURL(Pattern.compile(".*/my$"));
        }
        MovableClockConfiguration.CLOCK.advance(Duration.ofMinutes(25));
        page.navigate(url("my"));
        page.waitForURL(u -> u.contains("/login"));
    }

    @Test
    void changing_a_password_ends_the_other_sessions_of_the_account_but_not_this_one() {
        String username = "student8";
        signIn(username);
        BrowserContext other = browser().newContext();
        try {
            Page elsewhere = other.newPage();
            elsewhere.navigate(url("login"));
            elsewhere.locator("input[name='username']").fill(username);
            elsewhere.locator("input[name='password']").fill("lateral-demo");
            elsewhere.locator("input[name='password']").press("Enter");
            elsewhere.waitForURL(u -> !u.contains("/login"));

            page.navigate(url("password"));
            page.getByTestId("password-current").locator("input").fill("lateral-demo");
            page.getByTestId("password-new").locator("input").fill("wind over the marsh 8");
            page.getByTestId("password-again").locator("input").fill("wind over the marsh 8");
            page.getByTestId("password-save").click();
            assertThat(page.getByTestId("password-changed")).containsText("Your password is changed");

            elsewhere.navigate(url("my"));
            elsewhere.waitForURL(u -> u.contains("/login"));
            assertThat(elsewhere.getByTestId("login-welcome")).containsText("your password was changed");
            page.navigate(url("my"));
            assertThat(page).hasURL(Pattern.compile(".*/my$"));
        } finally {
            other.close();
            jdbc.sql("""
                    UPDATE credential SET password_hash = (SELECT c.password_hash FROM credential c
                      JOIN account a ON a.id = c.account_id WHERE a.username = 'student9')
                     WHERE account_id = (SELECT id FROM account WHERE username = 'student8')
                    """).update();
        }
    }

    @Test
    void a_teacher_switches_a_student_account_off_and_the_student_is_signed_out_at_the_next_click() {
        BrowserContext studentContext = browser().newContext();
        try {
            Page student = studentContext.newPage();
            student.navigate(url("login"));
            student.locator("input[name='username']").fill("student10");
            student.locator("input[name='password']").fill("lateral-demo");
            student.locator("input[name='password']").press("Enter");
            student.waitForURL(u -> !u.contains("/login"));

            signIn("teacher");
            page.navigate(url("classes"));
            page.getByTestId("class-link")
                    .filter(new Locator.FilterOptions().setHasText("Demo class"))
                    .first()
                    .click();
            // The roster is a grid (DD029): a row is the cell that carries the student's username,
            // found exactly (a text filter on "student10" would also match student100).
            Locator row = page.locator("[data-testid=roster-row][data-username='student10']");
            row.getByTestId("roster-disable").click();
            page.locator("vaadin-confirm-dialog-overlay, vaadin-confirm-dialog")
                    .getByText("Switch off", new Locator.GetByTextOptions().setExact(true))
                    .last()
                    .click();
            assertThat(row.getByTestId("roster-disabled")).hasText("Account switched off");
            screenshot("roster-account-switched-off.png");

            student.navigate(url("my"));
            student.waitForURL(u -> u.contains("/login"));
            student.locator("input[name='username']").fill("student10");
            student.locator("input[name='password']").fill("lateral-demo");
            student.locator("input[name='password']").press("Enter");
            student.waitForURL(u -> u.contains("error"));

            row.getByTestId("roster-enable").click();
            assertThat(row.getByTestId("roster-disable")).isVisible();
        } finally {
            studentContext.close();
            jdbc.sql(
                            "UPDATE account SET enabled = true, disabled_at = NULL, disabled_by = NULL WHERE username = 'student10'")
                    .update();
        }
    }

    @Test
    void signing_out_clears_this_users_unsent_work_from_the_browser_and_leaves_another_users() {
        signIn("student19");
        // What the outboxes of this user (two attempts, a later step) and of another user who
        // used this computer hold in the browser: marks not yet acknowledged by the server.
        page.evaluate("""
                () => {
                  localStorage.setItem('lateral-outbox:student19:one-attempt:1', '{"v":1,"entries":[]}');
                  localStorage.setItem('lateral-outbox:student19:other-attempt:2:step1', '{"v":1,"entries":[]}');
                  localStorage.setItem('lateral-outbox:student190:someone-else:1', '{"v":1,"entries":[]}');
                }""");
        page.getByTestId("account-menu").click();
        page.getByTestId("logout").click();
        page.waitForURL(u -> u.contains("/login"));
        @SuppressWarnings("unchecked")
        List<String> left = (List<String>)
                page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('lateral-outbox:')).sort()");
        System.out.printf(
                "Sign-out: this user's outbox keys left %d of 2, another user's kept %d of 1%n",
                left.stream()
                        .filter(k -> k.startsWith("lateral-outbox:student19:"))
                        .count(),
                left.stream()
                        .filter(k -> k.startsWith("lateral-outbox:student190:"))
                        .count());
        assertThat(left).containsExactly("lateral-outbox:student190:someone-else:1");
    }
}
