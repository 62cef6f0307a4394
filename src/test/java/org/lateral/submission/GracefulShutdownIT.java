package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lateral.base.database.EmbeddedPostgresServer;
import org.lateral.harness.FriskyMarking;
import org.lateral.harness.LateralProcess;
import org.lateral.harness.VaadinClient;

/**
 * Stopping Lateral (SIGTERM, as systemd, Docker or Kubernetes do) while students save: with
 * {@code server.shutdown=graceful}, saves already in flight finish and are answered, requests that
 * arrive during the drain are either served or refused, and nothing answered "saved" is missing
 * from the data Lateral leaves behind. The saves are held in flight deterministically: the test locks the
 * attempt's row, which every save of that attempt locks first (DD004), so they wait in the
 * database as saves do behind a slow one; SIGTERM comes while they wait, the lock is released
 * during the drain.
 */
class GracefulShutdownIT {

    private static final int IN_FLIGHT = 4;
    /** spring.lifecycle.timeout-per-shutdown-phase in application.properties. */
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(20);

    private static final Duration STATE_LIMIT = Duration.ofSeconds(60);

    private final LateralProcess lateral = new LateralProcess();

    /** One request: what it was, when it was sent and answered, and whether it said saved. */
    private record Outcome(String what, UUID markId, long sent, long answered, boolean saved, String detail) {}

    @AfterEach
    void stop() throws Exception {
        lateral.close();
    }

    @Test
    void saves_in_flight_at_sigterm_finish_and_nothing_acknowledged_is_lost() throws Exception {
        lateral.start(1);
        FriskyMarking frisky = new FriskyMarking();
        // Five tabs of one student on the same attempt: four save when SIGTERM comes, the fifth
        // sends its save during the drain on its open connection.
        List<VaadinClient> tabs = new ArrayList<>();
        List<Integer> highlighters = new ArrayList<>();
        List<Outcome> outcomes = new CopyOnWriteArrayList<>();
        for (int t = 0; t <= IN_FLIGHT; t++) {
            VaadinClient tab = new VaadinClient(lateral.base());
            tab.signIn("student1", "lateral-demo");
            highlighters.add(FriskyMarking.open(tab));
            tabs.add(tab);
            Outcome first = save(frisky, tab, highlighters.get(t), t, "a save before SIGTERM");
            assertThat(first.saved()).as(first.detail()).isTrue();
            outcomes.add(first);
        }
        UUID attemptId = attemptOf(outcomes.getFirst().markId());

        List<Thread> requests = new ArrayList<>();
        long sigterm;
        int inFlightAtSigterm;
        Outcome newVisitor;
        try (Connection lock = lateral.database();
                Connection watch = lateral.database()) {
            lock.setAutoCommit(false);
            try (PreparedStatement s = lock.prepareStatement("SELECT id FROM attempt WHERE id = ? FOR UPDATE")) {
                s.setObject(1, attemptId);
                s.executeQuery().close();
            }
            for (int t = 0; t < IN_FLIGHT; t++) {
                int tab = t;
                requests.add(Thread.ofVirtual()
                        .start(() -> outcomes.add(save(
                                frisky,
                                tabs.get(tab),
                                highlighters.get(tab),
                                10 + tab,
                                "a save in flight at SIGTERM"))));
            }
            awaitState("the saves wait for the attempt's lock", () -> lockWaiters(watch) >= IN_FLIGHT);
            inFlightAtSigterm = (int) requests.stream().filter(Thread::isAlive).count();

            sigterm = System.nanoTime();
            lateral.terminate();
            awaitState("Lateral begins its graceful shutdown", () -> logContains("Commencing graceful shutdown"));

            // During the drain: the fifth tab saves on its open connection, a new visitor tries to sign in.
            Thread late = Thread.ofVirtual()
                    .start(() -> outcomes.add(save(
                            frisky, tabs.get(IN_FLIGHT), highlighters.get(IN_FLIGHT), 20, "a save during the drain")));
            long visitorSent = System.nanoTime();
            String visitor;
            try {
                new VaadinClient(lateral.base()).signIn("student2", "lateral-demo");
                visitor = "served";
            } catch (IOException e) {
                visitor = "refused: " + shorten(String.valueOf(e));
            }
            newVisitor =
                    new Outcome("a sign-in during the drain", null, visitorSent, System.nanoTime(), false, visitor);
            awaitState(
                    "the drain's save is answered or waits for the lock as well",
                    () -> !late.isAlive() || lockWaiters(watch) >= IN_FLIGHT + 1);
            requests.add(late);
            lock.rollback(); // the slow database answers: the waiting saves go on
        }
        int exit = lateral.awaitExit(SHUTDOWN_TIMEOUT.plusSeconds(10));
        long exited = System.nanoTime();
        for (Thread r : requests) {
            r.join(Duration.ofSeconds(30));
        }
        String shutdownLog = lateral.log();

        List<Outcome> inFlight = outcomes.stream()
                .filter(o -> o.what().equals("a save in flight at SIGTERM"))
                .toList();
        List<Outcome> drain = outcomes.stream()
                .filter(o -> o.what().equals("a save during the drain"))
                .toList();
        List<String> acknowledged = outcomes.stream()
                .filter(Outcome::saved)
                .map(o -> o.markId().toString())
                .toList();

        List<String> stored = storedMarks();
        Set<String> unique = new HashSet<>(stored);
        System.out.printf(
                "Shutdown test: %d saves in flight at SIGTERM, %d of them acknowledged; during the drain a save"
                        + " on an open connection was %s and a new sign-in was %s; SIGTERM to exit %d ms (limit"
                        + " %d s), exit status %d; %d marks acknowledged in all, %d stored%n",
                inFlightAtSigterm,
                inFlight.stream().filter(Outcome::saved).count(),
                drain.isEmpty()
                        ? "not answered"
                        : drain.getFirst().saved()
                                ? "served (saved)"
                                : drain.getFirst().detail(),
                newVisitor.detail(),
                TimeUnit.NANOSECONDS.toMillis(exited - sigterm),
                SHUTDOWN_TIMEOUT.toSeconds(),
                exit,
                acknowledged.size(),
                stored.size());

        assertThat(inFlightAtSigterm).as("saves in flight when SIGTERM came").isEqualTo(IN_FLIGHT);
        assertThat(inFlight)
                .as("every save in flight at SIGTERM is answered saved")
                .hasSize(IN_FLIGHT)
                .allMatch(Outcome::saved, "saved")
                .allMatch(o -> o.sent() < sigterm && o.answered() > sigterm, "sent before SIGTERM, answered after");
        assertThat(drain)
                .as("the save sent during the drain got an answer or a refusal")
                .hasSize(1);
        assertThat(shutdownLog)
                .as("the drain finished in time")
                .contains("Graceful shutdown complete")
                .doesNotContain("Graceful shutdown aborted");
        // A JVM ended by SIGTERM exits with 128 + 15 once its shutdown hooks (Spring's close) have
        // run; a crash or a forced kill would show another status.
        assertThat(exit).as("exit status after SIGTERM").isEqualTo(143);
        assertThat(exited - sigterm).as("SIGTERM to exit (ns)").isLessThan(SHUTDOWN_TIMEOUT.toNanos());
        assertThat(unique).as("every acknowledged mark is stored").containsAll(acknowledged);
        assertThat(stored).as("no mark is stored twice").hasSameSizeAs(unique);
    }

    private static Outcome save(FriskyMarking frisky, VaadinClient tab, int highlighter, int word, String what) {
        UUID markId = UUID.randomUUID();
        long sent = System.nanoTime();
        try {
            String answer = tab.call(highlighter, "saveMark", frisky.mark(markId, word));
            boolean saved = FriskyMarking.saved(answer, markId);
            return new Outcome(what, markId, sent, System.nanoTime(), saved, saved ? "saved" : shorten(answer));
        } catch (IOException | InterruptedException e) {
            return new Outcome(what, markId, sent, System.nanoTime(), false, "refused: " + shorten(String.valueOf(e)));
        }
    }

    private UUID attemptOf(UUID markId) throws IOException, SQLException {
        try (Connection c = lateral.database();
                PreparedStatement s = c.prepareStatement("SELECT attempt_id FROM mark WHERE mark_id = ?")) {
            s.setObject(1, markId);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("the first save is stored").isTrue();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    /** Sessions of Lateral's database waiting for a lock (the held saves). */
    private static int lockWaiters(Connection watch) {
        try (ResultSet rs = watch.createStatement().executeQuery("""
                SELECT count(*) FROM pg_stat_activity
                 WHERE datname = 'lateral' AND wait_event_type = 'Lock'""")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Student1's marks as the stopped Lateral left them on disk: its PostgreSQL started again on
     * its data directory, as the next start of Lateral would.
     */
    private List<String> storedMarks() throws IOException, SQLException {
        List<String> stored = new ArrayList<>();
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(lateral.dataDirectory(), false);
                Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
                ResultSet rs = c.createStatement().executeQuery("""
                        SELECT m.mark_id::text FROM mark m JOIN attempt t ON t.id = m.attempt_id
                          JOIN submission s ON s.id = t.submission_id JOIN account a ON a.id = s.student_id
                         WHERE a.username = 'student1'""")) {
            while (rs.next()) {
                stored.add(rs.getString(1));
            }
        }
        return stored;
    }

    private boolean logContains(String line) {
        try {
            return lateral.log().contains(line);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitState(String what, BooleanSupplier reached) throws InterruptedException {
        long deadline = System.nanoTime() + STATE_LIMIT.toNanos();
        while (!reached.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not reached within " + STATE_LIMIT + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }
}
