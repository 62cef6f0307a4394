package org.lateral.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Mouse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lateral.base.ui.ExplodingTestView;

/**
 * The walking skeleton in real Chromium against the production frontend bundle: the demo
 * teacher and a demo student each reach their home, and a mouse selection in the highlighter
 * arrives at the server with the right UTF-16 offsets.
 */
class SkeletonJourneyIT extends JourneyTest {

    @Test
    void the_demo_teacher_signs_in_and_sees_the_demo_class_with_24_students() {
        signIn("teacher");
        assertThat(page).hasURL(url("classes"));
        assertThat(page.getByTestId("class-card")).containsText("Demo class");
        assertThat(page.getByTestId("class-student-count")).hasText("24 students");
        assertThat(page.getByTestId("demo-banner").first()).isVisible();
        assertThat(page.getByTestId("main-nav")).containsText("Library");
        screenshot("teacher-classes.png");
    }

    @Test
    void student1_signs_in_and_sees_the_student_home() {
        signIn("student1");
        assertThat(page).hasURL(url("my"));
        assertThat(page.getByTestId("my-assignment").first()).containsText("Reportedly Defects");
        assertThat(page.getByTestId("student-class-list")).containsText("Demo class");
        assertThat(page.getByTestId("main-nav")).not().containsText("Library");
        screenshot("student-home.png");
    }

    @Test
    void a_mouse_selection_in_the_highlighter_reaches_the_server_with_the_right_offsets() {
        signIn("student1");
        page.navigate(url("practice"));
        var highlighter = page.getByTestId("claim-highlighter");
        assertThat(highlighter.locator("p[data-index='0']")).hasAttribute("data-start", "0");

        String phrase = "Families told us Sunday is the only day they can come";
        String text = (String) page.evaluate("() => document.querySelector('claim-highlighter').text");
        int expectedStart = text.indexOf(phrase);
        assertThat(expectedStart).isPositive();

        // Drag the real mouse from the first to the last character of the phrase, measured once
        // the layout stands still.
        settle();
        @SuppressWarnings("unchecked")
        Map<String, Object> box = (Map<String, Object>) page.evaluate("""
                phrase => {
                  for (const p of document.querySelectorAll('claim-highlighter p[data-start]')) {
                    const node = [...p.childNodes].find(n => n.nodeType === Node.TEXT_NODE && n.data.includes(phrase));
                    if (!node) continue;
                    const at = node.data.indexOf(phrase);
                    const first = document.createRange();
                    first.setStart(node, at); first.setEnd(node, at + 1);
                    const last = document.createRange();
                    last.setStart(node, at + phrase.length - 1); last.setEnd(node, at + phrase.length);
                    const a = first.getBoundingClientRect(), b = last.getBoundingClientRect();
                    return {x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2};
                  }
                  return null;
                }""", phrase);
        assertThat(box).as("the phrase is rendered in a paragraph").isNotNull();
        page.mouse().move(num(box, "x1"), num(box, "y1"));
        page.mouse().down();
        page.mouse().move(num(box, "x2"), num(box, "y2"), new Mouse.MoveOptions().setSteps(8));
        page.mouse().up();

        // The page describes the passage by its words; the offsets the server received ride along
        // as attributes, and must be exactly the phrase's.
        assertThat(page.getByTestId("selection-text")).hasText("“" + phrase + "”");
        assertThat(page.getByTestId("selection-text")).hasAttribute("data-start", Integer.toString(expectedStart));
        assertThat(page.getByTestId("selection-text"))
                .hasAttribute("data-end", Integer.toString(expectedStart + phrase.length()));
        assertThat(page.getByTestId("selection-received")).not().containsText("character");
        screenshot("practice-selection.png");
    }

    @Test
    void an_unknown_address_shows_a_plain_not_found_page_without_technical_details() {
        signIn("student1");
        page.navigate(url("no-such-page"));
        assertThat(page.getByTestId("not-found-page")).containsText("Page not found");
        assertThat(page.locator("body")).not().containsText("Exception");
    }

    @Test
    void a_server_failure_shows_a_plain_message_and_no_stack_trace() {
        signIn("student1");
        page.navigate(url("test-only/explode"));
        assertThat(page.getByTestId("error-page")).containsText("Something went wrong");
        assertThat(page.locator("body")).not().containsText(ExplodingTestView.SECRET);
        assertThat(page.locator("body")).not().containsText("at org.");
    }

    @Test
    void a_wrong_password_keeps_the_visitor_on_the_login_page_with_a_message() {
        page.navigate(url("login"));
        page.locator("input[name='username']").fill("student1");
        page.locator("input[name='password']").fill("not-the-password");
        page.locator("input[name='password']").press("Enter");
        page.waitForURL(u -> u.contains("error"));
        assertThat(page.getByText("Check your username and password")).isVisible();
        screenshot("login-error.png");
    }

    @Test
    void readiness_reports_up_with_the_database_checked() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url("actuator/health/readiness")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }
}
