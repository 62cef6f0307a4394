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
        /** Before anything was opened: the heap of the idle server. */
        BEFORE_SIGN_INS,
        /** As many anonymous login pages open as there will be students (the baseline run only). */
        BASELINE_PAGES_OPEN,
        /** The login pages were closed again: the heap the students' pages are measured against. */
        BASELINE_PAGES_CLOSED,
        /** Every watching teacher has the dashboard open (runs with teachers only). */
        TEACHERS_ON_PAGE,
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
        // One student finds the assignment's route; all students of the demo class share it.
        VaadinClient scout = new VaadinClient(base);
        scout.signIn("student1", "lateral-demo");
        StudentWork.Kind work = StudentWork.find(scenario.work(), scout);
        String route = work.route();
        scout.close();

        phases.reached(Phase.BEFORE_SIGN_INS);
        LoadMetrics metrics = new LoadMetrics();
        if (scenario.baseline()) {
            baselinePages(scenario, base, metrics, phases);
        }
        CountDownLatch teachersOnPage = new CountDownLatch(scenario.teachers());
        CountDownLatch studentsDone = new CountDownLatch(1);
        ExecutorService teachers = Executors.newVirtualThreadPerTaskExecutor();
        Semaphore teacherSignIns = new Semaphore(scenario.concurrentSignIns());
        for (int i = 0; i < scenario.teachers(); i++) {
            teachers.submit(new TeacherWatcher(
                    i + 1,
                    base,
                    TeacherWatcher.dashboardOf(route),
                    metrics,
                    teacherSignIns,
                    teachersOnPage,
                    studentsDone));
        }
        teachersOnPage.await();
        if (scenario.teachers() > 0) {
            phases.reached(Phase.TEACHERS_ON_PAGE);
        }
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
                        work.forStudent().get(),
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
        } finally {
            studentsDone.countDown();
            teachers.close();
        }
        // The students' executor has closed: every student is done. A server that fell behind
        // made the phase last longer than planned, and the rate is over the time it really took.
        double markingSeconds =
                Math.max(scenario.duration().toMillis() / 1000.0, (System.nanoTime() - markingStarted) / 1e9);
        phases.reached(Phase.MARKING_ENDED);
        LoadReport report = new LoadReport(
                scenario,
                metrics.studentsOnPage.sum(),
                metrics.studentsStopped.sum(),
                markingSeconds,
                metrics.sent.sum(),
                metrics.acknowledged.size(),
                LoadReport.Percentiles.of(metrics.roundTrips),
                LoadReport.Percentiles.of(metrics.lateness),
                LoadReport.Percentiles.of(metrics.signIns),
                metrics.errors(),
                metrics.firstMessages(),
                metrics.teachersOnPage.sum(),
                LoadReport.Percentiles.of(metrics.polls),
                metrics.redraws.sum(),
                LoadReport.windows(scenario, metrics.windows()));
        return new Result(report, metrics);
    }

    /**
     * Opens as many anonymous login pages as the run has students (the lightest page there is,
     * one UI each in its own session), lets the phases measure them, and closes them with the
     * tab-closed beacon.
     */
    private static void baselinePages(LoadScenario scenario, URI base, LoadMetrics metrics, Phases phases)
            throws Exception {
        java.util.List<VaadinClient> pages = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Semaphore opening = new Semaphore(scenario.concurrentSignIns());
        try (ExecutorService visitors = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < scenario.students(); i++) {
                visitors.submit(() -> {
                    VaadinClient page = new VaadinClient(base);
                    opening.acquire();
                    try {
                        page.open("login");
                        pages.add(page);
                    } catch (java.io.IOException e) {
                        metrics.error("BASELINE_OPEN", e.getMessage());
                    } finally {
                        opening.release();
                    }
                    return null;
                });
            }
        }
        phases.reached(Phase.BASELINE_PAGES_OPEN);
        try (ExecutorService visitors = Executors.newVirtualThreadPerTaskExecutor()) {
            for (VaadinClient page : pages) {
                visitors.submit(page::close);
            }
        }
        phases.reached(Phase.BASELINE_PAGES_CLOSED);
    }

    /** The report, and the mark ids behind it for the database check. */
    public record Result(LoadReport report, LoadMetrics metrics) {

        /** Checks the acknowledged marks against the rows of the run's own database. */
        public MarkAudit audit(Connection database) throws java.sql.SQLException {
            return MarkAudit.of(database, metrics.acknowledged, metrics.unanswered, metrics.setup);
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
        private long heapBaselineOpen = -1;
        private long heapBaselineClosed = -1;
        private long heapTeachers = -1;
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
                case BASELINE_PAGES_OPEN -> heapBaselineOpen = gauges.liveHeapBytes();
                case BASELINE_PAGES_CLOSED -> heapBaselineClosed = gauges.liveHeapBytes();
                case TEACHERS_ON_PAGE -> heapTeachers = gauges.liveHeapBytes();
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
            StringBuilder out = new StringBuilder();
            // The students' pages are measured against the heap just before they signed in: after
            // the baseline pages were closed and with the teachers' dashboards open, if any.
            long reference = heapBefore;
            if (heapBaselineOpen >= 0) {
                double perPage = (heapBaselineOpen - heapBefore)
                        / 1024.0
                        / report.scenario().students();
                out.append(String.format(
                        Locale.ROOT,
                        "Baseline:      %.1f MB live idle, %.1f MB with %d login pages open = %.0f KB per page; %.1f MB after they closed%n",
                        heapBefore / 1e6,
                        heapBaselineOpen / 1e6,
                        report.scenario().students(),
                        perPage,
                        heapBaselineClosed / 1e6));
                reference = heapBaselineClosed;
            }
            if (heapTeachers >= 0) {
                out.append(String.format(
                        Locale.ROOT,
                        "Teachers:      %d dashboards open: %.1f MB live = %.0f KB per dashboard%n",
                        report.teachersOnPage(),
                        heapTeachers / 1e6,
                        (heapTeachers - reference) / 1024.0 / Math.max(1, report.teachersOnPage())));
                reference = heapTeachers;
            }
            double perStudent = (heapOnPage - reference) / 1024.0 / students;
            out.append(String.format(
                    Locale.ROOT,
                    "Heap:          %.1f MB live before the students signed in, %.1f MB with every student on the page = %.0f KB per student",
                    reference / 1e6,
                    heapOnPage / 1e6,
                    perStudent));
            double perLoginPage =
                    (heapBaselineOpen - heapBefore) / 1024.0 / report.scenario().students();
            // A handful of pages is within the heap's noise: no ratio then.
            if (heapBaselineOpen >= 0 && perLoginPage >= 1) {
                out.append(String.format(Locale.ROOT, " (%.1f× the login page)", perStudent / perLoginPage));
            }
            out.append(String.format(
                    Locale.ROOT,
                    "%nServer CPU:    app %.1f s, PostgreSQL %.1f s in the marking phase = %.2f + %.2f ms per acknowledged mark",
                    appCpu,
                    databaseCpu,
                    1000 * appCpu / marks,
                    1000 * databaseCpu / marks));
            return out.toString();
        }
    }
}
