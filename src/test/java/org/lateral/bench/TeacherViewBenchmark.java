package org.lateral.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.CookieManager;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.lateral.LateralApplication;
import org.lateral.SignedIn;
import org.lateral.harness.VaadinClient;
import org.lateral.submission.AssignmentInsights;
import org.lateral.submission.ClassOverviewService;
import org.lateral.submission.ResultsService;
import org.lateral.submission.SchoolOverviewService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The teacher's pages of issue 18 measured from outside, through Vaadin's protocol as the browser
 * speaks it ({@link VaadinClient}): how long opening a page takes (the {@code init} request and
 * the navigation, until the page's first answer is in), how many bytes those answers carry, and
 * how much heap one open page keeps on the server. Not part of the test run; README, "Teacher
 * views benchmark".
 *
 * <p>It starts the application in this JVM on its own embedded PostgreSQL under
 * {@code target/teacher-bench/<size>} (the dashboard benchmark's district: {@link DashboardData},
 * generated once and kept; its own directory, so the dashboard benchmark's figures keep their
 * data), adds the large class of {@value #LARGE} students once
 * ({@link DashboardData#generateLargeClass}), signs in through the login form and opens:
 *
 * <ul>
 *   <li>the teacher's class list ({@code classes}), the baseline: a small page of the same
 *       application, measured the same way in the same run;
 *   <li>the results page of the large class's first assignment;
 *   <li>that assignment's dashboard, the class overview and the class page (its roster) of the
 *       large class;
 *   <li>the dashboard of an assignment of a class of usual size (class 1-1-1, its first
 *       assignment, the same rows in both data sizes), for the heap per dashboard against the
 *       data size;
 *   <li>as the admin of school 1: the school view and the school admin page (every student of
 *       the school).
 * </ul>
 *
 * <p>Memory: with {@code copies} pages of one kind open at once in one session (the clients keep
 * none of the answers), the heap in use after full collections, less the heap with none open,
 * divided by {@code copies}. The benchmark's own client objects live in the same heap: a few
 * hundred bytes each, counted in every figure alike.
 *
 * <p>Arguments: {@code size=10k} (or {@code 1m}), {@code rounds=15}, {@code copies=10},
 * {@code cache=on} (or {@code off}: the scored class is not kept and every open scores the class
 * again, as the first open after a submission does; DD033).
 */
public final class TeacherViewBenchmark {

    static final int LARGE = 1_000;

    private TeacherViewBenchmark() {}

    record Page(String label, String user, String route) {}

    record Figures(List<Long> nanos, List<Integer> bytes, long heapPerPage) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options =
                new LinkedHashMap<>(Map.of("size", "10k", "rounds", "15", "copies", "10", "cache", "on"));
        for (String a : args) {
            String[] kv = a.split("=", 2);
            options.put(kv[0], kv[1]);
        }
        DashboardData.Size size = DashboardData.Size.of(options.get("size"));
        int rounds = Integer.parseInt(options.get("rounds"));
        int copies = Integer.parseInt(options.get("copies"));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LateralApplication.class)
                .run(
                        "--lateral.data-dir=target/teacher-bench/" + size.name(),
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--vaadin.productionMode=true",
                        "--logging.level.root=WARN",
                        "--spring.main.banner-mode=off",
                        // cache=off: every open scores the class again, as the first open after a
                        // submission does (DD033)
                        "--lateral.results.cached-marks=" + ("off".equals(options.get("cache")) ? "0" : "300000"))) {
            DataSource dataSource = app.getBean(DataSource.class);
            DashboardData data = new DashboardData(dataSource);
            if (!data.generated()) {
                System.out.println("Generating the " + size.name() + " district (once)");
                System.out.println(data.generate(size));
            }
            if (!data.largeClassGenerated()) {
                System.out.println("Generating the large class (once)");
                System.out.println(data.generateLargeClass(LARGE));
            }
            JdbcClient jdbc = JdbcClient.create(dataSource);
            System.out.println("Rows: " + jdbc.sql("""
                    SELECT format('%s classes, %s students, %s assignments, %s attempts, %s marks',
                           (SELECT count(*) FROM class), (SELECT count(*) FROM enrollment),
                           (SELECT count(*) FROM assignment), (SELECT count(*) FROM attempt),
                           (SELECT count(*) FROM mark))
                    """).query(String.class).single());
            UUID largeClass = jdbc.sql("SELECT id FROM class WHERE name = :n")
                    .param("n", DashboardData.LARGE_CLASS)
                    .query(UUID.class)
                    .single();
            UUID assignment = jdbc.sql("SELECT id FROM assignment WHERE class_id = :c ORDER BY open_at LIMIT 1")
                    .param("c", largeClass)
                    .query(UUID.class)
                    .single();
            UUID usualAssignment = jdbc.sql("SELECT a.id FROM assignment a JOIN class c ON c.id = a.class_id"
                            + " WHERE c.name = 'Class 1-1-1' ORDER BY a.open_at LIMIT 1")
                    .query(UUID.class)
                    .single();
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            URI base = URI.create("http://127.0.0.1:" + port + "/");
            String teacher = DashboardData.LARGE_CLASS_TEACHER;
            List<Page> pages = List.of(
                    new Page("baseline: class list", teacher, "classes"),
                    new Page("results, class of 1,000", teacher, "results/" + assignment),
                    new Page("assignment dashboard", teacher, "dashboards/assignment/" + assignment),
                    new Page("class overview", teacher, "dashboards/class/" + largeClass),
                    new Page("class page (roster)", teacher, "class/" + largeClass),
                    new Page("dashboard, class of ~30", "b1t1", "dashboards/assignment/" + usualAssignment),
                    new Page("school view (admin)", "b1admin", "dashboards/school"),
                    new Page("school admin page", "b1admin", "admin/school"));
            System.out.println("Load average at the start: " + loadAverage());
            services(app, assignment, largeClass, usualAssignment, rounds * 4);
            Map<String, Figures> figures = new LinkedHashMap<>();
            for (Page page : pages) {
                System.out.println("Measuring " + page.label() + " (" + page.route() + ")");
                figures.put(page.label(), measure(base, page, rounds, copies));
            }
            System.out.println("Load average at the end: " + loadAverage());
            System.out.printf(
                    "%nTeacher views, %s data, %d rounds after 3 warm-up rounds, %d pages open for the heap:%n",
                    size.name(), rounds, copies);
            System.out.printf("  %-26s %10s %10s %12s %14s%n", "page", "p50 ms", "p95 ms", "bytes", "heap/page KB");
            for (Map.Entry<String, Figures> e : figures.entrySet()) {
                Figures f = e.getValue();
                System.out.printf(
                        "  %-26s %10.1f %10.1f %,12d %,14.1f%n",
                        e.getKey(),
                        DashboardBenchmark.percentile(f.nanos(), 50),
                        DashboardBenchmark.percentile(f.nanos(), 95),
                        f.bytes().stream().mapToInt(Integer::intValue).max().orElse(0),
                        f.heapPerPage() / 1024.0);
            }
        }
        System.exit(0);
    }

    /**
     * Server time of the services behind the pages, called in this JVM as the signed-in person
     * (no protocol, no components): what the database and the service's own work cost.
     */
    private static void services(
            ConfigurableApplicationContext app, UUID large, UUID largeClass, UUID usual, int rounds) {
        UserDetailsService users = app.getBean(UserDetailsService.class);
        ResultsService results = app.getBean(ResultsService.class);
        AssignmentInsights insights = app.getBean(AssignmentInsights.class);
        SchoolOverviewService school = app.getBean(SchoolOverviewService.class);
        ClassOverviewService classes = app.getBean(ClassOverviewService.class);
        Map<String, List<Long>> samples = new LinkedHashMap<>();
        for (int round = 0; round < rounds + 5; round++) {
            boolean measured = round >= 5;
            try (SignedIn ignored = SignedIn.as(users, DashboardData.LARGE_CLASS_TEACHER)) {
                time(samples, measured, "results(), class of 1,000", () -> results.results(large));
                time(samples, measured, "resultPage(0, 50), same", () -> results.resultPage(large, 0, 50, false));
                time(samples, measured, "dashboard(), class of 1,000", () -> insights.dashboard(large));
                time(samples, measured, "class overview, class of 1,000", () -> classes.overview(largeClass));
            }
            try (SignedIn ignored = SignedIn.as(users, "b1t1")) {
                time(samples, measured, "dashboard(), class of ~30", () -> insights.dashboard(usual));
            }
            try (SignedIn ignored = SignedIn.as(users, "b1admin")) {
                time(samples, measured, "school overview", school::overview);
            }
        }
        System.out.printf("Server time of the services (%d rounds after 5 warm-up rounds):%n", rounds);
        samples.forEach((k, v) -> System.out.printf(
                "  %-30s p50 %8.2f ms  p95 %8.2f ms%n",
                k, DashboardBenchmark.percentile(v, 50), DashboardBenchmark.percentile(v, 95)));
    }

    private static void time(
            Map<String, List<Long>> samples, boolean measured, String what, java.util.function.Supplier<?> call) {
        long t0 = System.nanoTime();
        Object result = call.get();
        long t = System.nanoTime() - t0;
        if (result == null || (result instanceof java.util.Optional<?> o && o.isEmpty())) {
            throw new IllegalStateException(what + " returned nothing");
        }
        if (measured) {
            samples.computeIfAbsent(what, k -> new ArrayList<>()).add(t);
        }
    }

    /** Opens the page {@code rounds} times (timed) and then {@code copies} times at once (heap). */
    private static Figures measure(URI base, Page page, int rounds, int copies) throws Exception {
        CookieManager cookies = new CookieManager();
        VaadinClient first = new VaadinClient(base, cookies);
        first.signIn(page.user(), DashboardData.STAFF_PASSWORD);
        List<Long> nanos = new ArrayList<>();
        List<Integer> bytes = new ArrayList<>();
        for (int round = 0; round < rounds + 3; round++) {
            VaadinClient client = new VaadinClient(base, cookies);
            long t0 = System.nanoTime();
            String answer = openWithRows(client, page.route());
            long t = System.nanoTime() - t0;
            if (answer.contains("appError") || answer.contains("Could not navigate")) {
                throw new IllegalStateException(page.route() + " failed: " + answer.substring(0, 500));
            }
            client.close();
            if (round >= 3) {
                nanos.add(t);
                bytes.add(answer.getBytes(StandardCharsets.UTF_8).length);
            }
        }
        long before = usedAfterGc();
        List<VaadinClient> open = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            VaadinClient client = new VaadinClient(base, cookies);
            openWithRows(client, page.route());
            client.forget();
            open.add(client);
        }
        long after = usedAfterGc();
        open.forEach(VaadinClient::close);
        return new Figures(nanos, bytes, (after - before) / copies);
    }

    private static final Pattern GRID = Pattern.compile(
            "\\{\"node\":(\\d+),\"type\":\"put\",\"key\":\"tag\",\"feat\":\\d+,\"value\":\"vaadin-grid\"\\}");

    /**
     * Opens the page, then asks each grid on it for its first rows as the browser's grid does once
     * it is drawn ({@code setViewportRange}: one page of 50 rows, what the grid asks for when a screen shows fewer): a page's
     * time and bytes include the rows a teacher sees, not only the empty grid.
     */
    private static String openWithRows(VaadinClient client, String route) throws Exception {
        String answer = client.open(route);
        Matcher grids = GRID.matcher(answer);
        StringBuilder all = new StringBuilder(answer);
        while (grids.find()) {
            all.append(client.call(
                    Integer.parseInt(grids.group(1)),
                    "setViewportRange",
                    JsonNodeFactory.instance.numberNode(0),
                    JsonNodeFactory.instance.numberNode(50)));
        }
        return all.toString();
    }

    /** The machine's load average (1, 5, 15 minutes), to read beside the figures. */
    private static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(previous - used) < 32 * 1024) {
                return used;
            }
            previous = used;
        }
        return previous;
    }
}
