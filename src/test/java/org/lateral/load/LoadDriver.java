package org.lateral.load;

import java.net.URI;
import java.sql.Connection;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.lateral.harness.FriskyMarking;
import org.lateral.harness.LateralProcess;
import org.lateral.harness.VaadinClient;

/**
 * Lateral's load harness (DD027, issue 18): virtual students, each on a virtual thread, speak
 * Vaadin's client–server protocol to the production jar on loopback and mark claims on the demo's
 * open Frisky assignment. {@link #main} starts the jar in its own process with its own data
 * directory and {@code LATERAL_DEMO_STUDENTS} accounts, signs the students in at a steady pace,
 * opens every marking page, then measures the marking phase: round trips, lateness against the
 * schedule, errors of every kind, marks acknowledged against rows in PostgreSQL, live heap per
 * student on the page, and server CPU per mark. The exit status is 0 only when there was no error
 * and every acknowledged mark is stored.
 *
 * <p>Run (README, "Load test"): {@code ./mvnw -o -Dvaadin.skip test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=org.lateral.load.LoadDriver
 * -Dexec.args="--students=1000 --rate=100 --duration=60"} after {@code ./mvnw -o package
 * -DskipTests} built target/lateral.jar.
 */
public final class LoadDriver {

    /** The points of a run where the server is measured from outside. */
    public enum Phase {
        /** Before any virtual student signed in: the baseline heap. */
        BEFORE_SIGN_INS,
        /** Every student is on the marking page and idle: the heap with the sessions. */
        ALL_ON_PAGE,
        /** The measured phase starts. */
        MARKING_STARTS,
        /** Every student has stopped marking and closed the page. */
        MARKING_ENDED
    }

    /** Told when a run reaches each {@link Phase}; whatever it does there is not measured. */
    @FunctionalInterface
    public interface Phases {
        void reached(Phase phase) throws Exception;

        Phases NONE = phase -> {};
    }

    private LoadDriver() {}

    /**
     * Runs the scenario against a Lateral in demo mode with at least {@code scenario.students()}
     * demo students, and returns what the students saw. The database check is the caller's.
     */
    public static Result run(LoadScenario scenario, URI base, Phases phases) throws Exception {
        FriskyMarking marking = new FriskyMarking();
        // One student finds the assignment's route; all students of the demo class share it.
        VaadinClient scout = new VaadinClient(base);
        scout.signIn("student1", "lateral-demo");
        String route = FriskyMarking.route(scout);
        scout.close();

        phases.reached(Phase.BEFORE_SIGN_INS);
        LoadMetrics metrics = new LoadMetrics();
        CountDownLatch onPage = new CountDownLatch(scenario.students());
        CompletableFuture<Long> start = new CompletableFuture<>();
        VirtualStudent.MarkingClock clock = nanos -> {
            try {
                return start.get(nanos, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException notYet) {
                return null;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        };
        SplittableRandom seeds = new SplittableRandom(scenario.seed());
        long gap = (long) (1e9 / scenario.signInsPerSecond());
        long first = System.nanoTime();
        Semaphore signingIn = new Semaphore(scenario.concurrentSignIns());
        long markingStarted;
        try (ExecutorService students = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < scenario.students(); i++) {
                students.submit(new VirtualStudent(
                        i + 1,
                        base,
                        route,
                        marking,
                        scenario,
                        seeds.split(),
                        metrics,
                        first + i * gap,
                        onPage,
                        clock,
                        signingIn));
            }
            // Sign-ins take as long as they take on a busy machine; only a stall is a failure.
            long waiting = onPage.getCount();
            while (!onPage.await(60, TimeUnit.SECONDS)) {
                if (onPage.getCount() == waiting) {
                    start.completeExceptionally(new IllegalStateException("sign-ins stalled"));
                    throw new IllegalStateException(
                            "No student got onto the marking page in 60 s; " + waiting + " still waiting");
                }
                waiting = onPage.getCount();
            }
            phases.reached(Phase.ALL_ON_PAGE);
            phases.reached(Phase.MARKING_STARTS);
            markingStarted = System.nanoTime();
            start.complete(markingStarted);
        }
        phases.reached(Phase.MARKING_ENDED);
        LoadReport report = new LoadReport(
                scenario,
                metrics.studentsOnPage.sum(),
                metrics.studentsStopped.sum(),
                scenario.duration().toMillis() / 1000.0,
                metrics.sent.sum(),
                metrics.acknowledged.size(),
                LoadReport.Percentiles.of(metrics.roundTrips),
                LoadReport.Percentiles.of(metrics.lateness),
                LoadReport.Percentiles.of(metrics.signIns),
                metrics.errors(),
                metrics.firstMessages());
        return new Result(report, metrics);
    }

    /** The report, and the mark ids behind it for the database check. */
    public record Result(LoadReport report, LoadMetrics metrics) {

        /** Checks the acknowledged marks against the rows of the run's own database. */
        public MarkAudit audit(Connection database) throws java.sql.SQLException {
            return MarkAudit.of(database, metrics.acknowledged, metrics.unanswered);
        }
    }

    /** Starts the production jar, runs the scenario the arguments give, prints the figures. */
    public static void main(String[] args) throws Exception {
        LoadScenario scenario = LoadScenario.parse(args);
        System.out.println("Lateral load harness: " + scenario + ", target/lateral.jar on loopback");
        boolean ok;
        try (LateralProcess lateral = new LateralProcess(
                Map.of("LATERAL_DEMO_STUDENTS", Integer.toString(Math.max(24, scenario.students()))))) {
            lateral.start(1);
            ServerGauges gauges = new ServerGauges(lateral.pid(), lateral.dataDirectory());
            Measured measured = new Measured(gauges);
            Result result = run(scenario, lateral.base(), measured);
            MarkAudit audit;
            try (Connection database = lateral.database()) {
                audit = result.audit(database);
            }
            LoadReport report = result.report();
            System.out.print(report.text());
            System.out.println("Database:      " + audit);
            System.out.println(measured.text(report));
            ok = report.errorCount() == 0 && audit.consistent() && report.studentsOnPage() == scenario.students();
        }
        System.out.println(ok ? "Result:        PASS" : "Result:        FAIL");
        System.exit(ok ? 0 : 1);
    }

    /** Heap and CPU at the phases of a run. */
    static final class Measured implements Phases {
        private final ServerGauges gauges;
        private long heapBefore;
        private long heapOnPage;
        private double appCpu;
        private double databaseCpu;

        Measured(ServerGauges gauges) {
            this.gauges = gauges;
        }

        @Override
        public void reached(Phase phase) throws Exception {
            switch (phase) {
                case BEFORE_SIGN_INS -> heapBefore = gauges.liveHeapBytes();
                case ALL_ON_PAGE -> heapOnPage = gauges.liveHeapBytes();
                case MARKING_STARTS -> {
                    appCpu = gauges.appCpuSeconds();
                    databaseCpu = gauges.databaseCpuSeconds();
                }
                case MARKING_ENDED -> {
                    appCpu = gauges.appCpuSeconds() - appCpu;
                    databaseCpu = gauges.databaseCpuSeconds() - databaseCpu;
                }
            }
        }

        String text(LoadReport report) {
            long students = Math.max(1, report.studentsOnPage());
            long marks = Math.max(1, report.acknowledged());
            return String.format(
                    Locale.ROOT,
                    "Heap:          %.1f MB live before sign-ins, %.1f MB with every student on the page = %.0f KB per student%n"
                            + "Server CPU:    app %.1f s, PostgreSQL %.1f s in the marking phase = %.2f + %.2f ms per acknowledged mark",
                    heapBefore / 1e6,
                    heapOnPage / 1e6,
                    (heapOnPage - heapBefore) / 1024.0 / students,
                    appCpu,
                    databaseCpu,
                    1000 * appCpu / marks,
                    1000 * databaseCpu / marks);
        }
    }
}
