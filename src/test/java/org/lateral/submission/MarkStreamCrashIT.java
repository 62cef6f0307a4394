package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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

    private static final Pattern DB_PORT = Pattern.compile("embedded PostgreSQL on localhost:(\\d+)");
    private static final Pattern ASSIGNMENT = Pattern.compile("assignment/([0-9a-f-]{36})");
    private static final int ACKNOWLEDGED_BEFORE_CRASH = 30;

    private final Path work =
            Path.of("target", "crash-test", UUID.randomUUID().toString()).toAbsolutePath();
    private Process app;
    private Path log;

    @AfterEach
    void stop() throws Exception {
        if (app != null && app.isAlive()) {
            app.destroy();
            app.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void every_acknowledged_mark_survives_killing_the_jvm_and_postgres_mid_stream() throws Exception {
        int port = start(1);
        VaadinClient client = new VaadinClient(URI.create("http://127.0.0.1:" + port + "/"));
        client.signIn("student1", "lateral-demo");
        Matcher link = ASSIGNMENT.matcher(client.open("my"));
        assertThat(link.find()).as("student1 has an open assignment").isTrue();
        client.open("assignment/" + link.group(1));
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

        killJvmAndDatabase();
        stream.join(Duration.ofSeconds(30));
        List<String> acked = new ArrayList<>(acknowledged);

        start(2);
        List<String> stored = new ArrayList<>();
        // The embedded database requires the password Lateral keeps beside its data.
        String password =
                Files.readString(work.resolve("data/postgresql-password")).strip();
        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + dbPort() + "/lateral", "postgres", password);
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

    private int start(int run) throws Exception {
        Files.createDirectories(work);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        log = work.resolve("app-" + run + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-jar",
                        Path.of("target", "lateral.jar").toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("LATERAL_DATA_DIR", work.resolve("data").toString());
        builder.environment().remove("SPRING_DATASOURCE_URL");
        app = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertThat(app.isAlive()).as("Lateral is running; log: " + log).isTrue();
            try {
                HttpResponse<Void> ready = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return port;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Lateral did not become ready; log: " + log);
    }

    private void killJvmAndDatabase() throws Exception {
        Path pidFile = work.resolve("data/postgresql/postmaster.pid");
        long postmasterPid =
                Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
        ProcessHandle postmaster = ProcessHandle.of(postmasterPid).orElseThrow();
        List<ProcessHandle> backends = postmaster.children().toList();
        app.destroyForcibly();
        postmaster.destroyForcibly();
        backends.forEach(ProcessHandle::destroyForcibly);
        app.waitFor(30, TimeUnit.SECONDS);
        postmaster.onExit().get(30, TimeUnit.SECONDS);
    }

    private int dbPort() throws IOException {
        Matcher m = DB_PORT.matcher(Files.readString(log));
        int port = -1;
        while (m.find()) {
            port = Integer.parseInt(m.group(1));
        }
        return port;
    }
}
