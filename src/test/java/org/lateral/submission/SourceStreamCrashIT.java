package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lateral.base.text.Tokens;
import org.lateral.harness.LateralProcess;
import org.lateral.harness.VaadinClient;
import org.lateral.library.text.CanonicalText;
import tools.jackson.databind.node.ObjectNode;

/**
 * Nothing acknowledged of the "Who says so?" work is lost in a crash (DD004, DD013: the outbox
 * carries sources, mentions and claim links, and the crash test covers them). The production jar
 * runs as its own process; a client that speaks Vaadin's protocol marks two claims in the demo
 * lesson's first step and submits it through the page's button and confirm dialog, then streams
 * through the highlighter's saveSource, saveMention and saveLink, the calls the browser's outbox
 * makes: each source, a mention of it, a link from a claim to it, and a rename of the source (a
 * second full state). The JVM and its PostgreSQL are killed with SIGKILL mid-stream; after a
 * restart on the same data, every acknowledged save is stored at its acknowledged seq or later.
 */
class SourceStreamCrashIT {

    /** DemoSeeder.LESSON_TITLE, which is package-private to the demo feature. */
    private static final String LESSON_TITLE = "Who says so? A former ISIS spy, in two steps";

    private static final int ACKNOWLEDGED_BEFORE_CRASH = 30;

    /** The most sources one attempt may hold (DD013), so every save of the stream can be accepted. */
    private static final int SOURCES = 50;

    private final LateralProcess lateral = new LateralProcess();

    /** A save the server answered "saved": the table it lands in, the item's id, its seq. */
    private record Ack(String table, String id, int seq) {}

    @AfterEach
    void stop() throws Exception {
        lateral.close();
    }

    @Test
    void every_acknowledged_source_mention_and_link_survives_killing_the_jvm_and_postgres_mid_stream()
            throws Exception {
        lateral.start(1);
        UUID lesson;
        try (Connection c = lateral.database();
                PreparedStatement q = c.prepareStatement("SELECT id FROM assignment WHERE title = ?")) {
            q.setString(1, LESSON_TITLE);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).as("demo mode seeded the two-step lesson").isTrue();
                lesson = rs.getObject(1, UUID.class);
            }
        }
        String text = CanonicalText.normalise(Files.readString(Path.of("seeds/defectors/articles/002-isegoria.txt"))
                .split("\n---\n", 2)[1]);
        int[] words = Tokens.words(text);

        VaadinClient client = new VaadinClient(lateral.base());
        client.signIn("student1", "lateral-demo");
        client.open("assignment/" + lesson);
        int claims = client.nodeWithId("claim-highlighter").orElseThrow();
        // Step 1: two marks, the claims the sources step links; then its submit button and dialog.
        List<String> marks = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String markId = UUID.randomUUID().toString();
            int start = words[4 * i];
            int end = words[4 * i + 3];
            String response = client.call(
                    claims,
                    "saveMark",
                    VaadinClient.object()
                            .put("markId", markId)
                            .put("seq", 1)
                            .put("start", start)
                            .put("end", end)
                            .put("exact", text.substring(start, end))
                            .put("prefix", "")
                            .put("suffix", "")
                            .put("type", "factual")
                            .put("deleted", false));
            assertThat(response).as("mark %d saved", i).contains("\"status\":\"saved\"");
            marks.add(markId);
        }
        client.event(
                client.nodeWithAttribute("data-testid", "submit-attempt").orElseThrow(), "click", VaadinClient.click());
        client.event(client.nodeWithTag("vaadin-confirm-dialog").orElseThrow(), "confirm", VaadinClient.object());
        String step2 = client.open("assignment/" + lesson);
        assertThat(step2).as("step 2 is open").contains("Who says so?");
        int sources = client.nodeWithId("claim-highlighter").orElseThrow();

        List<Ack> acknowledged = new CopyOnWriteArrayList<>();
        Thread stream = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < SOURCES; i++) {
                    String sourceId = UUID.randomUUID().toString();
                    if (!save(client, sources, "saveSource", source(sourceId, 1, "Source " + i), acknowledged)) {
                        // Not stored: a mention or link of it would be refused.
                        continue;
                    }
                    String mentionId = UUID.randomUUID().toString();
                    int start = words[2 * i];
                    int end = words[2 * i + 1];
                    save(
                            client,
                            sources,
                            "saveMention",
                            VaadinClient.object()
                                    .put("mentionId", mentionId)
                                    .put("seq", 1)
                                    .put("sourceId", sourceId)
                                    .put("start", start)
                                    .put("end", end)
                                    .put("exact", text.substring(start, end))
                                    .put("prefix", "")
                                    .put("suffix", "")
                                    .put("deleted", false),
                            acknowledged);
                    save(
                            client,
                            sources,
                            "saveLink",
                            VaadinClient.object()
                                    .put("linkId", UUID.randomUUID().toString())
                                    .put("seq", 1)
                                    .put("claimRef", marks.get(i % marks.size()))
                                    .put("sourceId", sourceId)
                                    .put("deleted", false),
                            acknowledged);
                    save(client, sources, "saveSource", source(sourceId, 2, "Source " + i + ", renamed"), acknowledged);
                }
            } catch (IOException | InterruptedException e) {
                // The server is gone: the crash.
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acknowledged.size() < ACKNOWLEDGED_BEFORE_CRASH && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(acknowledged)
                .as("saves acknowledged before the crash")
                .hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_CRASH);

        lateral.killJvmAndDatabase();
        stream.join(Duration.ofSeconds(30));
        List<Ack> acked = new ArrayList<>(acknowledged);

        lateral.start(2);
        Map<String, Integer> stored = new HashMap<>();
        try (Connection c = lateral.database()) {
            for (String[] table : new String[][] {
                {"student_source", "source_id"}, {"source_mention", "mention_id"}, {"claim_link", "link_id"}
            }) {
                try (ResultSet rs = c.createStatement()
                        .executeQuery("SELECT w." + table[1] + "::text, w.seq FROM "
                                + table[0] + " w JOIN attempt t ON t.id = w.attempt_id"
                                + " JOIN submission s ON s.id = t.submission_id JOIN account a ON a.id = s.student_id"
                                + " WHERE a.username = 'student1' AND NOT w.deleted")) {
                    while (rs.next()) {
                        stored.put(table[0] + "/" + rs.getString(1), rs.getInt(2));
                    }
                }
            }
        }
        System.out.printf(
                "Source crash test: %d saves acknowledged before SIGKILL (%d sources, %d mentions, %d links, %d"
                        + " renames), %d items stored after restart%n",
                acked.size(),
                acked.stream()
                        .filter(a -> a.table().equals("student_source") && a.seq() == 1)
                        .count(),
                acked.stream().filter(a -> a.table().equals("source_mention")).count(),
                acked.stream().filter(a -> a.table().equals("claim_link")).count(),
                acked.stream()
                        .filter(a -> a.table().equals("student_source") && a.seq() == 2)
                        .count(),
                stored.size());
        assertThat(acked)
                .as("the stream reached every kind of save")
                .extracting(Ack::table)
                .contains("student_source", "source_mention", "claim_link");
        for (Ack a : acked) {
            assertThat(stored.get(a.table() + "/" + a.id()))
                    .as("acknowledged %s %s at seq %d is stored", a.table(), a.id(), a.seq())
                    .isNotNull()
                    .isGreaterThanOrEqualTo(a.seq());
        }
    }

    /** Calls one save; records it when the server acknowledged it as saved. */
    private static boolean save(VaadinClient client, int node, String method, ObjectNode state, List<Ack> acknowledged)
            throws IOException, InterruptedException {
        String idField = switch (method) {
            case "saveSource" -> "sourceId";
            case "saveMention" -> "mentionId";
            default -> "linkId";
        };
        String table = switch (method) {
            case "saveSource" -> "student_source";
            case "saveMention" -> "source_mention";
            default -> "claim_link";
        };
        String id = state.get(idField).asString();
        String response = client.call(node, method, state);
        boolean saved = response.contains("\"status\":\"saved\"") && response.contains(id);
        if (saved) {
            acknowledged.add(new Ack(table, id, state.get("seq").asInt()));
        }
        return saved;
    }

    private static ObjectNode source(String sourceId, int seq, String name) {
        return VaadinClient.object()
                .put("sourceId", sourceId)
                .put("seq", seq)
                .put("name", name)
                .put("kind", "anonymous")
                .put("origin", "relayed")
                .put("relayedFrom", "The Daily Beast")
                .put("deleted", false);
    }
}
