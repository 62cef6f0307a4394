package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lateral.harness.FriskyMarking;
import org.lateral.harness.LateralProcess;
import org.lateral.harness.VaadinClient;

/**
 * PostgreSQL stopped and started again while a student marks, as a school running its own
 * database server sees it (a restart for an update, a failover). The test runs that server itself
 * (the same PostgreSQL binaries Lateral embeds, durability on) and the production jar against it
 * with {@code SPRING_DATASOURCE_URL}; a client that speaks Vaadin's protocol streams marks through
 * saveMark while the server is stopped with {@code pg_ctl stop -m fast} and started again on the
 * same port and data. Nothing the client was told is saved may be missing, no save is answered
 * "saved" while the database is down (the browser's outbox keeps those, DD004), the readiness
 * probe says DOWN during the outage and UP after, and saves work again without restarting Lateral.
 * During the outage a save is answered 500 within about 3 s (the pool's connection timeout):
 * Vaadin's browser client takes a 5xx as a recoverable error and sends the message again, and the
 * highlighter's outbox keeps the mark until a save is acknowledged.
 */
class DatabaseOutageIT {

    private static final int ACKNOWLEDGED_BEFORE = 20;
    private static final int REFUSED_DURING = 2;
    private static final int ACKNOWLEDGED_AFTER = 20;
    private static final Duration STATE_LIMIT = Duration.ofSeconds(60);

    private final Path work =
            Path.of("target", "outage-test", UUID.randomUUID().toString()).toAbsolutePath();
    private EmbeddedPostgres database;
    private LateralProcess lateral;

    /** One saveMark call: what was sent, when, and whether the answer said saved. */
    private record Save(UUID markId, int index, long sent, long answered, boolean saved, String refusal) {}

    /** One answer of the readiness probe: when it was asked, when it answered, and how. */
    private record Probe(long sent, long at, int status) {}

    @AfterEach
    void stop() throws Exception {
        if (lateral != null) {
            lateral.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void no_acknowledged_mark_is_lost_and_saves_resume_when_postgres_stops_and_starts_again() throws Exception {
        database = startDatabase(0);
        int port = database.getPort();
        try (Connection c = superuser(port);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE \"lateral\" ENCODING 'UTF8'");
        }
        lateral = new LateralProcess(Map.of(
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + port + "/lateral",
                "SPRING_DATASOURCE_USERNAME", "postgres",
                // The test's server trusts local connections; a password is still required here.
                "SPRING_DATASOURCE_PASSWORD", "unused",
                "LATERAL_DEMO", "true"));
        lateral.start(1);

        FriskyMarking frisky = new FriskyMarking();
        VaadinClient client = new VaadinClient(lateral.base());
        client.signIn("student1", "lateral-demo");
        int highlighter = FriskyMarking.open(client);

        AtomicBoolean running = new AtomicBoolean(true);
        List<Probe> probes = new CopyOnWriteArrayList<>();
        Thread prober = Thread.ofVirtual().start(() -> probeReadiness(lateral.base(), running, probes));
        List<Save> saves = new CopyOnWriteArrayList<>();
        Thread stream = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; running.get() && i < frisky.capacity(); i++) {
                    UUID markId = UUID.randomUUID();
                    long sent = System.nanoTime();
                    try {
                        String answer = client.call(highlighter, "saveMark", frisky.mark(markId, i));
                        boolean saved = FriskyMarking.saved(answer, markId);
                        saves.add(new Save(markId, i, sent, System.nanoTime(), saved, saved ? "" : shorten(answer)));
                        if (!saved) {
                            backOff();
                        }
                    } catch (IOException e) {
                        saves.add(new Save(markId, i, sent, System.nanoTime(), false, shorten(e.getMessage())));
                        backOff();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        awaitState(
                "marks acknowledged before the outage",
                () -> saves.stream().filter(Save::saved).count() >= ACKNOWLEDGED_BEFORE);
        long stopping = System.nanoTime();
        database.close(); // pg_ctl stop -m fast: open transactions are rolled back, connections cut
        long stopped = System.nanoTime();

        awaitState(
                "saves refused and readiness DOWN while the database is down",
                () -> saves.stream()
                                        .filter(s -> s.sent() >= stopped && !s.saved())
                                        .count()
                                >= REFUSED_DURING
                        && probes.stream().anyMatch(p -> p.sent() >= stopped && p.status() == 503));
        long restarting = System.nanoTime();
        database = startDatabase(port);
        long back = System.nanoTime();

        awaitState(
                "marks acknowledged and readiness UP after the database is back",
                () -> saves.stream().filter(s -> s.sent() >= back && s.saved()).count() >= ACKNOWLEDGED_AFTER
                        && probes.stream().anyMatch(p -> p.sent() >= back && p.status() == 200));
        running.set(false);
        stream.join(Duration.ofSeconds(30));
        prober.join(Duration.ofSeconds(30));

        // The browser's outbox sends every unacknowledged mark again (DD004); they are all taken now.
        List<Save> unacknowledged = saves.stream().filter(s -> !s.saved()).toList();
        for (Save s : unacknowledged) {
            String answer = client.call(highlighter, "saveMark", frisky.mark(s.markId(), s.index()));
            assertThat(answer)
                    .as("the outbox's re-send of %s after the outage", s.markId())
                    .containsAnyOf("\"status\":\"saved\"", "\"status\":\"stale\"");
        }

        List<String> stored = storedMarks(port);
        Set<String> unique = new HashSet<>(stored);
        List<String> acknowledged = saves.stream()
                .filter(Save::saved)
                .map(s -> s.markId().toString())
                .toList();
        long before =
                saves.stream().filter(s -> s.saved() && s.answered() < stopping).count();
        long atStop = saves.stream()
                .filter(s -> s.saved() && s.answered() >= stopping && s.sent() < stopped)
                .count();
        List<Save> duringOutage = saves.stream()
                .filter(s -> s.sent() >= stopped && s.answered() < restarting)
                .toList();
        long after =
                saves.stream().filter(s -> s.saved() && s.answered() >= back).count();
        long firstSaveAfter = saves.stream()
                .filter(s -> s.saved() && s.answered() >= back)
                .mapToLong(Save::answered)
                .min()
                .orElseThrow();
        System.out.printf(
                "Outage test: database down %d ms (pg_ctl stop -m fast to started again); %d marks acknowledged"
                        + " before, %d acknowledged while it stopped, %d sent during the outage of which %d"
                        + " acknowledged, %d acknowledged after; first save %d ms after the database was back;"
                        + " %d unacknowledged marks re-sent and taken; %d marks stored; readiness %s%n",
                ms(back - stopping),
                before,
                atStop,
                duringOutage.size(),
                duringOutage.stream().filter(Save::saved).count(),
                after,
                ms(firstSaveAfter - back),
                unacknowledged.size(),
                stored.size(),
                transitions(probes, stopping, back));
        duringOutage.stream()
                .map(Save::refusal)
                .distinct()
                .limit(3)
                .forEach(r -> System.out.println("Outage test: a refusal during the outage: " + r));

        assertThat(duringOutage)
                .as("no save is answered saved while the database is down")
                .noneMatch(Save::saved);
        assertThat(unique).as("every acknowledged mark is stored").containsAll(acknowledged);
        assertThat(unique)
                .as("every mark the outbox re-sent is stored")
                .containsAll(
                        unacknowledged.stream().map(s -> s.markId().toString()).toList());
        assertThat(stored).as("no mark is stored twice").hasSameSizeAs(unique);
        assertThat(probes)
                .as("readiness was UP before the outage")
                .anyMatch(p -> p.at() < stopping && p.status() == 200);
        assertThat(probes)
                .as("readiness was never UP while the database was down")
                .noneMatch(p ->
                        p.at() > stopped + TimeUnit.SECONDS.toNanos(1) && p.at() < restarting && p.status() == 200);
    }

    /**
     * The test's own PostgreSQL, with durability on as on any real server (zonky's defaults are
     * for throw-away databases); on {@code port} and the same data when started again.
     */
    private EmbeddedPostgres startDatabase(int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(work.resolve("postgresql"))
                .setCleanDataDirectory(false)
                .setLocaleConfig("locale", "C")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setPGStartupWait(Duration.ofSeconds(60));
        if (port != 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    private static Connection superuser(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    private static List<String> storedMarks(int port) throws SQLException {
        List<String> stored = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + port + "/lateral", "postgres", "");
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

    /**
     * Asks the readiness probe again and again (a pause of 100 ms between answers, as a load
     * balancer polls), each answer with the time it came.
     */
    private static void probeReadiness(URI base, AtomicBoolean running, List<Probe> probes) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(base.resolve("actuator/health/readiness"))
                .timeout(Duration.ofSeconds(30))
                .build();
        while (running.get()) {
            long sent = System.nanoTime();
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                probes.add(new Probe(sent, System.nanoTime(), status));
                Thread.sleep(100);
            } catch (IOException e) {
                probes.add(new Probe(sent, System.nanoTime(), -1));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The probe's answers as a list of changes, with times relative to the stop and the restart. */
    private static String transitions(List<Probe> probes, long stopping, long back) {
        List<String> seen = new ArrayList<>();
        int last = 0;
        for (Probe p : probes) {
            if (p.status() != last) {
                String when = p.at() < stopping
                        ? "before the stop"
                        : p.at() < back
                                ? ms(p.at() - stopping) + " ms after the stop"
                                : ms(p.at() - back) + " ms after the restart";
                seen.add((p.status() == 200 ? "UP" : p.status() == 503 ? "DOWN" : "status " + p.status()) + " (" + when
                        + ")");
                last = p.status();
            }
        }
        return String.join(" → ", seen);
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

    /** The browser waits before it tries again after a failed save (save-queue.js, nextDelay). */
    private static void backOff() throws InterruptedException {
        Thread.sleep(200);
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static String shorten(String s) {
        String one = String.valueOf(s).replaceAll("\\s+", " ");
        return one.length() > 300 ? one.substring(0, 300) + "…" : one;
    }
}
