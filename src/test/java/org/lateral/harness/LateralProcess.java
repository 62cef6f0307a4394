package org.lateral.harness;

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
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The production jar as its own process, in demo mode with its own embedded PostgreSQL (or a
 * database the test runs, given by environment) and data directory under target/crash-test, for
 * the crash and fault tests: started, killed with SIGKILL together with its database, stopped with
 * SIGTERM, and started again on the same data.
 */
public final class LateralProcess implements AutoCloseable {

    private static final Pattern DB_PORT = Pattern.compile("embedded PostgreSQL on localhost:(\\d+)");

    private final Path work =
            Path.of("target", "crash-test", UUID.randomUUID().toString()).toAbsolutePath();
    private final Map<String, String> environment;
    private Process app;
    private Path log;
    private int port;

    /** Lateral with its own embedded PostgreSQL. */
    public LateralProcess() {
        this(Map.of());
    }

    /**
     * Lateral with these environment variables on top, e.g. {@code SPRING_DATASOURCE_URL} for a
     * database the test runs itself.
     */
    public LateralProcess(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** Starts the jar (run 1, 2, … name its log) and returns once it is ready. */
    public LateralProcess start(int run) throws IOException, InterruptedException {
        // A bound for a start that hangs, not a speed check: on a shared machine under a load test
        // a start took just over 120 s.
        return start(run, Duration.ofSeconds(300));
    }

    /** As {@link #start(int)}, waiting up to {@code limit} (two nodes starting on a busy machine). */
    public LateralProcess start(int run, Duration limit) throws IOException, InterruptedException {
        Files.createDirectories(work);
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
        builder.environment().putAll(environment);
        app = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(app.isAlive()).as("Lateral is running; log: " + log).isTrue();
            try {
                HttpResponse<Void> ready = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Lateral did not become ready; log: " + log);
    }

    /** The running app's process id, for jcmd and /proc. */
    public long pid() {
        return app.pid();
    }

    /** The address of the running app. */
    public URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /**
     * Kills the JVM, the postmaster and every PostgreSQL backend with SIGKILL at once, as a power
     * cut would: nothing gets to flush or shut down cleanly.
     */
    public void killJvmAndDatabase() throws Exception {
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

    /** A connection to the running app's embedded database, as its owner. */
    public Connection database() throws IOException, SQLException {
        // The embedded database requires the password Lateral keeps beside its data.
        String password =
                Files.readString(work.resolve("data/postgresql-password")).strip();
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + dbPort() + "/lateral", "postgres", password);
    }

    private int dbPort() throws IOException {
        Matcher m = DB_PORT.matcher(Files.readString(log));
        int found = -1;
        while (m.find()) {
            found = Integer.parseInt(m.group(1));
        }
        return found;
    }

    /** Sends SIGTERM, as systemd, Docker or Kubernetes stop a service, and returns at once. */
    public void terminate() {
        app.destroy();
    }

    /** Waits for the process to end and returns its exit status. */
    public int awaitExit(Duration limit) throws InterruptedException {
        if (!app.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("Lateral still runs " + limit + " after being told to stop; log: " + log);
        }
        return app.exitValue();
    }

    /** The app's data directory ({@code LATERAL_DATA_DIR}), to open its database after it stopped. */
    public Path dataDirectory() {
        return work.resolve("data");
    }

    /** What the running (or last) process has written to its log so far. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    /** Stops a still running app cleanly. */
    @Override
    public void close() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroy();
            app.waitFor(60, TimeUnit.SECONDS);
        }
    }
}
