package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lateral.base.text.Tokens;
import org.lateral.harness.LateralProcess;
import org.lateral.harness.VaadinClient;
import org.lateral.library.text.CanonicalText;

/**
 * Nothing acknowledged is lost in a crash. The production jar runs as its own process with its
 * own data directory; a client that speaks Vaadin's protocol streams marks through the
 * highlighter's saveMark and records every mark the server acknowledged; then the JVM and its
 * PostgreSQL are both killed with SIGKILL mid-stream. After a restart on the same data directory,
 * every acknowledged mark is stored, and none twice.
 */
class MarkStreamCrashIT {

    private static final Pattern ASSIGNMENT = Pattern.compile("assignment/([0-9a-f-]{36})");
    private static final int ACKNOWLEDGED_BEFORE_CRASH = 30;

    private final LateralProcess lateral = new LateralProcess();

    @AfterEach
    void stop() throws Exception {
        lateral.close();
    }

    @Test
    void every_acknowledged_mark_survives_killing_the_jvm_and_postgres_mid_stream() throws Exception {
        lateral.start(1);
        VaadinClient client = new VaadinClient(lateral.base());
        client.signIn("student1", "lateral-demo");
        Matcher link = ASSIGNMENT.matcher(client.open("my"));
        // The open Frisky assignment: the first of student1's whose page marks that article's text
        // (the demo's comparison and its two-step lesson show other pages).
        boolean found = false;
        while (!found && link.find()) {
            String page = client.open("assignment/" + link.group(1));
            found = page.contains("claim-highlighter") && page.contains("Reportedly Defects");
        }
        assertThat(found).as("student1 has the Frisky assignment open").isTrue();
        int highlighter = client.nodeWithId("claim-highlighter").orElseThrow();

        String text = CanonicalText.normalise(Files.readString(Path.of("seeds/defectors/articles/000-the-frisky.txt"))
                .split("\n---\n", 2)[1]);
        int[] words = Tokens.words(text);
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        Thread stream = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < words.length / 2; i++) {
                String markId = UUID.randomUUID().toString();
                var state = VaadinClient.object()
                        .put("markId", markId)
                        .put("seq", 1)
                        .put("start", words[2 * i])
                        .put("end", words[2 * i + 1])
                        .put("exact", text.substring(words[2 * i], words[2 * i + 1]))
                        .put("prefix", "")
                        .put("suffix", "")
                        .put("type", "factual")
                        .put("deleted", false);
                try {
                    String response = client.call(highlighter, "saveMark", state);
                    if (response.contains("\"status\":\"saved\"") && response.contains(markId)) {
                        acknowledged.add(markId);
                    }
                } catch (IOException | InterruptedException e) {
                    return; // the server is gone: the crash
                }
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acknowledged.size() < ACKNOWLEDGED_BEFORE_CRASH && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(acknowledged)
                .as("marks acknowledged before the crash")
                .hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_CRASH);

        lateral.killJvmAndDatabase();
        stream.join(Duration.ofSeconds(30));
        List<String> acked = new ArrayList<>(acknowledged);

        lateral.start(2);
        List<String> stored = new ArrayList<>();
        try (Connection c = lateral.database();
                ResultSet rs = c.createStatement().executeQuery("""
                        SELECT m.mark_id::text FROM mark m JOIN attempt t ON t.id = m.attempt_id
                          JOIN submission s ON s.id = t.submission_id JOIN account a ON a.id = s.student_id
                         WHERE a.username = 'student1'""")) {
            while (rs.next()) {
                stored.add(rs.getString(1));
            }
        }
        Set<String> unique = new HashSet<>(stored);
        System.out.printf(
                "Crash test: %d marks acknowledged before SIGKILL, %d stored after restart%n",
                acked.size(), stored.size());
        assertThat(unique).as("every acknowledged mark is stored").containsAll(acked);
        assertThat(stored).as("no mark is stored twice").hasSameSizeAs(unique);
    }
}
