package org.lateral.base.highlighter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lateral.LateralServerTest;
import org.lateral.harness.VaadinClient;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Broken and flooding calls to the highlighter, sent as a script would over Vaadin's protocol
 * (DD007): refused without a stack trace in the log, the log kept short, and a session that
 * calls faster than a person can mark told "busy".
 */
@LateralServerTest
@ExtendWith(OutputCaptureExtension.class)
class BrowserCallsIT {

    private static final Pattern ASSIGNMENT = Pattern.compile("assignment/([0-9a-f-]{36})");

    @LocalServerPort
    int port;

    private VaadinClient markingPage(String student) throws Exception {
        VaadinClient client = new VaadinClient(URI.create("http://127.0.0.1:" + port + "/"));
        client.signIn(student, "lateral-demo");
        Matcher link = ASSIGNMENT.matcher(client.open("my"));
        // The first of the student's assignments whose page has the highlighter (the demo's
        // comparison has none).
        while (link.find()) {
            if (client.open("assignment/" + link.group(1)).contains("claim-highlighter")) {
                return client;
            }
        }
        throw new AssertionError("No assignment of " + student + " shows the highlighter");
    }

    /** base.ui.BrowserCallErrors.LINES_PER_MINUTE, package-private there. */
    private static final int LOG_LINES_PER_MINUTE = 30;

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void five_hundred_saves_without_a_mark_are_refused_and_the_session_is_told_to_slow_down(CapturedOutput output)
            throws Exception {
        VaadinClient client = markingPage("student14");
        int highlighter = client.nodeWithId("claim-highlighter").orElseThrow();
        int logBefore = output.getOut().length();
        String answers = client.callMany(highlighter, "saveMark", 500, VaadinClient.nullNode());
        assertThat(count(answers, "could not be read"))
                .as("refused with a reason")
                .isGreaterThanOrEqualTo(CallBudget.BURST - 5)
                .isLessThanOrEqualTo(CallBudget.BURST + 5);
        assertThat(count(answers, "\\\"busy\\\"") + count(answers, "\"busy\""))
                .as("beyond the budget: busy")
                .isGreaterThanOrEqualTo(500 - CallBudget.BURST - 5);
        String logged = output.getOut().substring(logBefore);
        assertThat(logged).doesNotContain("NullPointerException").doesNotContain("\tat ");
        client.close();
    }

    @Test
    void malformed_calls_get_one_short_log_line_each_up_to_a_limit_and_no_stack_traces(CapturedOutput output)
            throws Exception {
        VaadinClient client = markingPage("student15");
        int highlighter = client.nodeWithId("claim-highlighter").orElseThrow();
        int logBefore = output.getOut().length();
        long started = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            try {
                client.call(highlighter, "saveMark", VaadinClient.text("not a mark at all"));
            } catch (IOException refusedByServer) {
                // The call is refused; what matters here is the log.
            }
        }
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        String logged = output.getOut().substring(logBefore);
        // The limit refills one line every 60 s / LINES_PER_MINUTE: on a slow machine the loop
        // lasts long enough to earn a few more lines, never anywhere near one per call.
        int allowed = LOG_LINES_PER_MINUTE + (int) Math.ceil(elapsedMillis / (60_000.0 / LOG_LINES_PER_MINUTE));
        assertThat(count(logged, "Refused a malformed call from a browser"))
                .as("lines logged in %d ms", elapsedMillis)
                .isBetween(1, allowed);
        assertThat(logged).doesNotContain("\tat ");
        assertThat(logged.length()).as("bytes logged for 100 malformed calls").isLessThan(20_000);
        client.close();
    }
}
