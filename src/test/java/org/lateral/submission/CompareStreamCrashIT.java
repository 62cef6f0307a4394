package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * Nothing acknowledged of the compare-outlets work is lost in a crash (DD004, DD015: "the crash
 * test covers them"). The production jar runs as its own process; a client speaking Vaadin's
 * protocol opens the demo's compare lesson and streams the calls the browser's compare outbox
 * makes: grids, picked spans, matrix cells, lateral-reading notes and the judgement, each item
 * saved again with a higher seq. The JVM and its PostgreSQL are killed with SIGKILL mid-stream;
 * after a restart on the same data, every acknowledged save is stored at its seq or later.
 */
class CompareStreamCrashIT {

    /** DemoSeeder.COMPARE_TITLE, which is package-private to the demo feature. */
    private static final String LESSON_TITLE = "Compare the outlets: ISIS defectors, five ways";

    private static final int ACKNOWLEDGED_BEFORE_CRASH = 40;

    private static final List<String> CLAIMS = List.of("k01", "k02", "k03", "k04", "k05", "k06", "k07", "k08");

    private final LateralProcess lateral = new LateralProcess();

    /** A save the server answered "saved": its item key (as the answer names it) and its seq. */
    private record Ack(String key, int seq) {}

    /** A column of the lesson: the article, its outlet and its pinned text. */
    private record Column(String articleId, String outletId, String text) {}

    @AfterEach
    void stop() throws Exception {
        lateral.close();
    }

    @Test
    void every_acknowledged_grid_span_cell_note_and_judgement_survives_killing_the_jvm_and_postgres_mid_stream()
            throws Exception {
        lateral.start(1);
        UUID lesson;
        List<Column> columns = new ArrayList<>();
        try (Connection c = lateral.database();
                PreparedStatement q = c.prepareStatement("SELECT id FROM assignment WHERE title = ?")) {
            q.setString(1, LESSON_TITLE);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).as("demo mode seeded the compare lesson").isTrue();
                lesson = rs.getObject(1, UUID.class);
            }
            try (PreparedStatement p = c.prepareStatement("""
                    SELECT x.article_id::text, a.outlet_id::text, v.canonical_text FROM lesson_step_article x
                      JOIN article a ON a.id = x.article_id JOIN article_version v ON v.id = x.article_version_id
                     WHERE x.assignment_id = ? ORDER BY x.column_order
                    """)) {
                p.setObject(1, lesson);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        columns.add(new Column(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
        }
        assertThat(columns).hasSizeGreaterThanOrEqualTo(2);

        VaadinClient client = new VaadinClient(lateral.base());
        client.signIn("student2", "lateral-demo");
        String page = client.open("assignment/" + lesson);
        assertThat(page).as("the compare step is open").contains("compare-column");
        int area = client.nodeWithAttribute("data-testid", "compare-work").orElseThrow();

        List<Ack> acknowledged = new CopyOnWriteArrayList<>();
        Thread stream = Thread.ofVirtual().start(() -> {
            try {
                for (int round = 1; round <= 3; round++) {
                    for (Column column : columns) {
                        save(client, area, "saveGrid", grid(column, round), acknowledged);
                        int[] words = Tokens.words(column.text());
                        int w = 2 * (round * 7 % (words.length / 2 - 1));
                        save(client, area, "saveSpan", span(column, words[w], words[w + 1]), acknowledged);
                        for (String claim : CLAIMS) {
                            save(client, area, "saveCell", cell(claim, column, round), acknowledged);
                        }
                        save(client, area, "saveNote", note(column, round), acknowledged);
                    }
                    save(
                            client,
                            area,
                            "saveJudgement",
                            VaadinClient.object().put("seq", round).put("judgement", "Judgement, draft " + round),
                            acknowledged);
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
        String ofStudent = " w JOIN attempt t ON t.id = w.attempt_id JOIN submission s ON s.id = t.submission_id"
                + " JOIN account a ON a.id = s.student_id WHERE a.username = 'student2'";
        try (Connection c = lateral.database()) {
            for (String[] query : new String[][] {
                {"'grid:' || w.article_id", "compare_grid"},
                {"'span:' || w.span_id", "compare_span"},
                {"'cell:' || w.claim_id || ':' || w.article_id", "compare_cell"},
                {"'note:' || w.outlet_id", "lateral_note"},
                {"'judgement'", "compare_judgement"}
            }) {
                try (ResultSet rs = c.createStatement()
                        .executeQuery("SELECT " + query[0] + ", w.seq FROM " + query[1] + ofStudent)) {
                    while (rs.next()) {
                        stored.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
        }
        System.out.printf(
                "Compare crash test: %d saves acknowledged before SIGKILL (%d grids, %d spans, %d cells, %d notes,"
                        + " %d judgements), %d items stored after restart%n",
                acked.size(),
                count(acked, "grid:"),
                count(acked, "span:"),
                count(acked, "cell:"),
                count(acked, "note:"),
                count(acked, "judgement"),
                stored.size());
        assertThat(acked)
                .as("the stream reached grids, spans, cells and notes")
                .extracting(a -> a.key().substring(0, a.key().indexOf(':') + 1))
                .contains("grid:", "span:", "cell:", "note:");
        for (Ack a : acked) {
            assertThat(stored.get(a.key()))
                    .as("acknowledged %s at seq %d is stored", a.key(), a.seq())
                    .isNotNull()
                    .isGreaterThanOrEqualTo(a.seq());
        }
    }

    private static long count(List<Ack> acked, String prefix) {
        return acked.stream().filter(a -> a.key().startsWith(prefix)).count();
    }

    /** Calls one save; records it when the server answered "saved" for this item. */
    private static void save(VaadinClient client, int node, String method, ObjectNode state, List<Ack> acknowledged)
            throws IOException, InterruptedException {
        String response = client.call(node, method, state);
        String key = key(method, state);
        if (response.contains("\"status\":\"saved\"") && response.contains("\"" + key + "\"")) {
            acknowledged.add(new Ack(key, state.get("seq").asInt()));
        }
    }

    private static String key(String method, ObjectNode state) {
        return switch (method) {
            case "saveGrid" -> CompareItems.gridKey(state.get("articleId").asString());
            case "saveSpan" -> CompareItems.spanKey(state.get("spanId").asString());
            case "saveCell" ->
                CompareItems.cellKey(
                        state.get("claimId").asString(), state.get("articleId").asString());
            case "saveNote" -> CompareItems.noteKey(state.get("outletId").asString());
            default -> CompareItems.JUDGEMENT_KEY;
        };
    }

    private static ObjectNode grid(Column column, int seq) {
        ObjectNode grid = VaadinClient.object()
                .put("articleId", column.articleId())
                .put("seq", seq)
                .put("framing", seq % 2 == 0 ? "hedged" : "sensational")
                .put("namedSources", seq)
                .put("anonymousSources", 1)
                .put("reporting", "relay")
                .put("includes", "What only this one has, draft " + seq)
                .put("outletKind", "A blog, draft " + seq);
        grid.putArray("relayedFrom").add("The Daily Beast");
        return grid;
    }

    private static ObjectNode span(Column column, int start, int end) {
        return VaadinClient.object()
                .put("spanId", UUID.randomUUID().toString())
                .put("seq", 1)
                .put("articleId", column.articleId())
                .put("kind", "loaded")
                .put("start", start)
                .put("end", end)
                .put("exact", column.text().substring(start, end))
                .put("prefix", "")
                .put("suffix", "")
                .put("deleted", false);
    }

    private static ObjectNode cell(String claim, Column column, int seq) {
        return VaadinClient.object()
                .put("claimId", claim)
                .put("articleId", column.articleId())
                .put("seq", seq)
                .put("carried", seq % 2 == 0 ? "attributed" : "fact");
    }

    private static ObjectNode note(Column column, int seq) {
        return VaadinClient.object()
                .put("outletId", column.outletId())
                .put("seq", seq)
                .put("address", "https://en.wikipedia.org/wiki/Example_" + seq)
                .put("note", "What I found, draft " + seq);
    }
}
