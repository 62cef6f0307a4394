package org.lateral.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.lateral.LateralApplication;
import org.lateral.SignedIn;
import org.lateral.submission.AssignmentInsights;
import org.lateral.submission.ClassOverviewService;
import org.lateral.submission.SchoolOverviewService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The dashboard benchmark of issue 15 ("Performance"). Not part of the test run; start it with
 * {@code ./mvnw -q -o test-compile exec:java -Dvaadin.skip -Dexec.classpathScope=test
 * -Dexec.mainClass=org.lateral.bench.DashboardBenchmark} (README, "Dashboard benchmark").
 *
 * <p>It starts the whole application on its own embedded PostgreSQL under
 * {@code target/dashboard-bench/<size>}, fills it once with {@link DashboardData} (kept for the
 * next run), and then, signed in as the right person through the application's own user lookup:
 *
 * <ul>
 *   <li>times the assignment dashboard ({@link AssignmentInsights#dashboard}) of a random
 *       assignment as its teacher, the class overview ({@link ClassOverviewService#overview}) of a
 *       random class as its teacher, and the school view ({@link SchoolOverviewService#overview})
 *       of a random school as its admin: warm-up rounds first, then p50 and p95 of many rounds;
 *   <li>in every round also times the baseline, a single-row primary-key lookup through JDBC, so
 *       each figure stands beside a figure of the same moment on a noisy shared machine;
 *   <li>measures the heap an assignment dashboard and a class overview retain (below).
 * </ul>
 *
 * <p>Arguments: {@code sizes=10k,1m} (default: both, the small one first for the memory
 * comparison; the timings are reported for each), {@code rounds=400}, {@code warmup=100}.
 *
 * <p><b>Memory.</b> A dashboard page keeps what it drew from one built {@code AssignmentDashboard}
 * (or {@code ClassOverview}) until the teacher leaves, so what a page costs the server grows with
 * the data only if that object does. The measure is its retained heap: the same fixed assignments
 * (the first classes, the same rows in both sizes) are built {@value #COPIES} times each and all
 * kept, the heap in use is read after full collections before and after, and the difference is
 * divided by the number of copies. Parts shared between copies (the article text is read once per
 * call, so it is not shared; enum constants and cached key data are) count once, the same in both
 * sizes. A dashboard whose size depended on the table sizes (a list of all marks, an unbounded
 * cache) would show up as a difference between the sizes.
 */
public final class DashboardBenchmark {

    static final int COPIES = 20;

    private DashboardBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options =
                new LinkedHashMap<>(Map.of("sizes", "10k,1m", "rounds", "400", "warmup", "100", "explain", "false"));
        for (String a : args) {
            String[] kv = a.split("=", 2);
            options.put(kv[0], kv[1]);
        }
        int rounds = Integer.parseInt(options.get("rounds"));
        int warmup = Integer.parseInt(options.get("warmup"));
        Map<String, Memory> memory = new LinkedHashMap<>();
        for (String name : options.get("sizes").split(",")) {
            DashboardData.Size size = DashboardData.Size.of(name.trim());
            try (ConfigurableApplicationContext app = start(size, Boolean.parseBoolean(options.get("explain")))) {
                if (Boolean.parseBoolean(options.get("explain"))) {
                    explain(app, size);
                } else {
                    memory.put(size.name(), run(app, size, rounds, warmup));
                }
            }
        }
        if (memory.size() > 1) {
            System.out.println();
            System.out.println("Memory: retained heap per built view (bytes), by data size");
            Memory small = memory.values().iterator().next();
            for (Map.Entry<String, Memory> e : memory.entrySet()) {
                System.out.printf(
                        "  %-4s assignment dashboard %,9d (%+.1f %%)   class overview %,9d (%+.1f %%)%n",
                        e.getKey(),
                        e.getValue().dashboard(),
                        100.0 * (e.getValue().dashboard() - small.dashboard()) / small.dashboard(),
                        e.getValue().overview(),
                        100.0 * (e.getValue().overview() - small.overview()) / small.overview());
            }
        }
        System.exit(0);
    }

    private static ConfigurableApplicationContext start(DashboardData.Size size, boolean explain) {
        // As command-line arguments: they win over application.properties (builder properties would not).
        return new SpringApplicationBuilder(LateralApplication.class)
                .run(
                        "--lateral.data-dir=target/dashboard-bench/" + size.name(),
                        "--server.port=0",
                        // No frontend is served; without this, a build without the production
                        // bundle (-Dvaadin.skip) would try to start Vaadin's dev server.
                        "--vaadin.productionMode=true",
                        "--logging.level.root=WARN",
                        // The server's own log (auto_explain's plans in explain mode) goes through this logger.
                        "--logging.level.io.zonky.test.db.postgres=" + (explain ? "INFO" : "WARN"),
                        "--spring.main.banner-mode=off");
    }

    record Memory(long dashboard, long overview) {}

    /** One district: generate if needed, time, measure. */
    private static Memory run(ConfigurableApplicationContext app, DashboardData.Size size, int rounds, int warmup)
            throws Exception {
        DataSource dataSource = app.getBean(DataSource.class);
        DashboardData data = new DashboardData(dataSource);
        System.out.printf("%n=== Data size %s ===%n", size.name());
        if (!data.generated()) {
            long t0 = System.nanoTime();
            System.out.println("Generating (once; kept under target/dashboard-bench/" + size.name() + ")");
            DashboardData.Counts counts = data.generate(size);
            System.out.printf("Generated in %.0f s: %s%n", (System.nanoTime() - t0) / 1e9, counts);
        }
        JdbcClient jdbc = JdbcClient.create(dataSource);
        System.out.println("Rows: " + jdbc.sql("""
                SELECT format('%s schools, %s classes, %s students, %s assignments, %s submissions, %s attempts, %s marks, %s score rows',
                       (SELECT count(*) FROM school), (SELECT count(*) FROM class), (SELECT count(*) FROM enrollment),
                       (SELECT count(*) FROM assignment), (SELECT count(*) FROM submission), (SELECT count(*) FROM attempt),
                       (SELECT count(*) FROM mark), (SELECT count(*) FROM score))
                """).query(String.class).single());

        UserDetailsService users = app.getBean(UserDetailsService.class);
        AssignmentInsights insights = app.getBean(AssignmentInsights.class);
        ClassOverviewService overviews = app.getBean(ClassOverviewService.class);
        List<Object[]> assignments = jdbc.sql("""
                SELECT a.id, t.username FROM assignment a JOIN class c ON c.id = a.class_id
                  JOIN account t ON t.id = c.teacher_id WHERE t.username ~ '^b[0-9]+t[0-9]+$' ORDER BY a.id
                """)
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)})
                .list();
        List<Object[]> classes = jdbc.sql("""
                SELECT c.id, t.username FROM class c JOIN account t ON t.id = c.teacher_id
                 WHERE t.username ~ '^b[0-9]+t[0-9]+$' ORDER BY c.id
                """)
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)})
                .list();
        List<String> admins = jdbc.sql("SELECT username FROM account WHERE username ~ '^b[0-9]+admin$' ORDER BY 1")
                .query(String.class)
                .list();
        List<UUID> accounts =
                jdbc.sql("SELECT id FROM account ORDER BY id").query(UUID.class).list();
        SchoolOverviewService school = app.getBean(SchoolOverviewService.class);

        Map<String, List<Long>> samples = new LinkedHashMap<>();
        for (String k : List.of("baseline", "assignment dashboard", "class overview", "school view")) {
            samples.put(k, new ArrayList<>());
        }
        SplittableRandom random = new SplittableRandom(DashboardData.SEED);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement lookup =
                        connection.prepareStatement("SELECT id, username, display_name FROM account WHERE id = ?")) {
            Supplier<Object> baseline = () -> {
                try {
                    lookup.setObject(1, accounts.get(random.nextInt(accounts.size())));
                    try (ResultSet rs = lookup.executeQuery()) {
                        rs.next();
                        return rs.getString(2);
                    }
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            };
            for (int round = 0; round < warmup + rounds; round++) {
                boolean measured = round >= warmup;
                Object[] a = assignments.get(random.nextInt(assignments.size()));
                time(samples, measured, "baseline", baseline);
                try (SignedIn ignored = SignedIn.as(users, (String) a[1])) {
                    time(
                            samples,
                            measured,
                            "assignment dashboard",
                            () -> insights.dashboard((UUID) a[0]).orElseThrow());
                }
                Object[] c = classes.get(random.nextInt(classes.size()));
                time(samples, measured, "baseline", baseline);
                try (SignedIn ignored = SignedIn.as(users, (String) c[1])) {
                    time(
                            samples,
                            measured,
                            "class overview",
                            () -> overviews.overview((UUID) c[0]).orElseThrow());
                }
                String admin = admins.get(random.nextInt(admins.size()));
                time(samples, measured, "baseline", baseline);
                try (SignedIn ignored = SignedIn.as(users, admin)) {
                    time(samples, measured, "school view", school::overview);
                }
            }
        }
        System.out.printf(
                "Timings (%d rounds after %d warm-up rounds; baseline = one primary-key lookup through JDBC,"
                        + " timed in the same rounds):%n",
                rounds, warmup);
        List<Long> base = samples.get("baseline");
        for (Map.Entry<String, List<Long>> e : samples.entrySet()) {
            System.out.printf(
                    "  %-22s p50 %8.2f ms  p95 %8.2f ms   (baseline p50 %.3f ms, p95 %.3f ms)%n",
                    e.getKey(),
                    percentile(e.getValue(), 50),
                    percentile(e.getValue(), 95),
                    percentile(base, 50),
                    percentile(base, 95));
        }
        return memory(jdbc, users, insights, overviews);
    }

    /**
     * Explain mode ({@code explain=true}): the plans, as run ({@code EXPLAIN (ANALYZE, BUFFERS)}),
     * of the statements of the three views that touch the large tables (submission, attempt, mark,
     * score) or a whole school, with the parameters of class 1-1-1, its first assignment and school
     * 1. The statement texts are those of the repositories ({@code GradingRepository},
     * {@code ClassRepository}, {@code AssignmentRepository}) at the time of writing; DD016
     * ("Dashboard performance") quotes the output.
     */
    private static void explain(ConfigurableApplicationContext app, DashboardData.Size size) throws Exception {
        DataSource dataSource = app.getBean(DataSource.class);
        if (!new DashboardData(dataSource).generated()) {
            throw new IllegalStateException("Generate the " + size.name() + " data first (run without explain=true)");
        }
        JdbcClient jdbc = JdbcClient.create(dataSource);
        String assignment = jdbc.sql("SELECT a.id::text FROM assignment a JOIN class c ON c.id = a.class_id"
                        + " WHERE c.name = 'Class 1-1-1' ORDER BY a.open_at LIMIT 1")
                .query(String.class)
                .single();
        String school = jdbc.sql("SELECT id::text FROM school WHERE name = 'Benchmark school 1'")
                .query(String.class)
                .single();
        // The service binds the school's assignment ids as one array; so does this, as a literal.
        String ids = "'{"
                + String.join(
                        ",",
                        jdbc.sql("SELECT id::text FROM assignment WHERE school_id = :s::uuid")
                                .param("s", school)
                                .query(String.class)
                                .list())
                + "}'::uuid[]";
        Map<String, String> statements = new LinkedHashMap<>();
        statements.put("resultAttempts (assignment dashboard, class overview per assignment)", """
                SELECT sub.student_id, t.step, t.id, t.number, t.started_at, t.submitted_at, t.reopened_at,
                       (SELECT count(*) FROM mark m WHERE m.attempt_id = t.id AND NOT m.deleted) AS live_marks,
                       s.score, s.cause, s.caused_by
                  FROM submission sub
                  JOIN attempt t ON t.submission_id = sub.id
                  LEFT JOIN LATERAL (
                       SELECT * FROM score x WHERE x.attempt_id = t.id ORDER BY x.position DESC LIMIT 1) s ON true
                 WHERE sub.assignment_id = :a
                 ORDER BY sub.student_id, t.step, t.number""");
        statements.put("latestSubmittedMarks (assignment dashboard)", """
                SELECT sub.student_id, m.mark_id, m.seq, m.start_offset, m.end_offset, m.exact, m.claim_type
                  FROM submission sub
                  JOIN LATERAL (
                       SELECT t.id FROM attempt t
                        WHERE t.submission_id = sub.id AND t.step = 0 AND t.submitted_at IS NOT NULL
                        ORDER BY t.number DESC LIMIT 1) latest ON true
                  JOIN mark m ON m.attempt_id = latest.id AND NOT m.deleted
                 WHERE sub.assignment_id = :a
                 ORDER BY sub.student_id, m.start_offset, m.end_offset, m.mark_id""");
        statements.put("school roster: enrollments (school view)", """
                SELECT e.class_id, e.student_id FROM enrollment e
                 WHERE e.school_id = :s AND e.ended_at IS NULL
                 ORDER BY e.class_id, e.enrolled_at, e.student_id""");
        statements.put("school roster: classes (school view)", """
                SELECT c.id, c.name, t.display_name AS teacher, c.time_zone
                  FROM class c JOIN account t ON t.id = c.teacher_id
                 WHERE c.school_id = :s AND c.archived_at IS NULL
                 ORDER BY c.name, t.display_name, c.created_at""");
        statements.put("assignments of the school (school view)", """
                SELECT a.id, a.class_id, a.title, a.open_at, a.due_at,
                       ARRAY(SELECT e.exercise FROM lesson_step e WHERE e.assignment_id = a.id ORDER BY e.position)
                  FROM assignment a WHERE a.school_id = :s ORDER BY a.class_id, a.due_at, a.title""");
        statements.put("due overrides of the school (school view)", """
                SELECT assignment_id, student_id, due_at FROM assignment_due_override WHERE school_id = :s""");
        statements.put("schoolAttempts (school view)", """
                SELECT sub.assignment_id, sub.student_id, t.step, t.id, t.number, t.started_at, t.submitted_at,
                       t.reopened_at,
                       (SELECT x.score FROM score x WHERE x.attempt_id = t.id ORDER BY x.position DESC LIMIT 1) AS score
                  FROM submission sub
                  JOIN attempt t ON t.submission_id = sub.id
                 WHERE sub.assignment_id = ANY (:ids)
                 ORDER BY sub.assignment_id, sub.student_id, t.step, t.number""");
        try (Connection c = dataSource.getConnection();
                java.sql.Statement st = c.createStatement()) {
            for (Map.Entry<String, String> e : statements.entrySet()) {
                String sql = e.getValue()
                        .replace(":a", "'" + assignment + "'::uuid")
                        .replace(":s", "'" + school + "'::uuid")
                        .replace(":ids", ids);
                System.out.println("----- " + e.getKey());
                plan(st, sql, ids);
            }
            // The school's attempts are a sixth of the table here: the planner reads it whole and
            // hashes. The same statement with the hash join forbidden shows what the index path costs.
            System.out.println("----- schoolAttempts, hash join forbidden (for comparison)");
            st.execute("SET enable_hashjoin = off");
            st.execute("SET enable_mergejoin = off");
            plan(st, statements.get("schoolAttempts (school view)").replace(":ids", ids), ids);
            st.execute("RESET enable_hashjoin");
            st.execute("RESET enable_mergejoin");
        }
    }

    /** Runs the statement once to warm the cache (as the timed runs are), then prints its plan as run. */
    private static void plan(java.sql.Statement st, String sql, String ids) throws java.sql.SQLException {
        st.executeQuery("EXPLAIN (ANALYZE) " + sql).close();
        try (ResultSet rs = st.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
            while (rs.next()) {
                System.out.println(rs.getString(1).replace(ids, "'{...the school's assignment ids...}'::uuid[]"));
            }
        }
    }

    private static void time(Map<String, List<Long>> samples, boolean measured, String what, Supplier<Object> call) {
        long t0 = System.nanoTime();
        Object result = call.get();
        long t = System.nanoTime() - t0;
        if (result == null) {
            throw new IllegalStateException(what + " returned nothing");
        }
        if (measured) {
            samples.get(what).add(t);
        }
    }

    static double percentile(List<Long> nanos, int p) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    /**
     * Retained heap per built view, for the three classes both sizes have (teacher b1t1's classes
     * 1 to 3, generated from the same seeds, so the same rows in both databases) and their fifteen
     * assignments.
     */
    private static Memory memory(
            JdbcClient jdbc, UserDetailsService users, AssignmentInsights insights, ClassOverviewService overviews) {
        List<UUID> classes = jdbc.sql("SELECT id FROM class WHERE name IN ('Class 1-1-1', 'Class 1-1-2', 'Class 1-1-3')"
                        + " ORDER BY name")
                .query(UUID.class)
                .list();
        List<UUID> assignments = jdbc.sql("SELECT id FROM assignment WHERE class_id IN (:c) ORDER BY class_id, open_at")
                .param("c", classes)
                .query(UUID.class)
                .list();
        try (SignedIn ignored = SignedIn.as(users, "b1t1")) {
            long dashboard = retained(
                    () -> assignments.stream()
                            .map(id -> (Object) insights.dashboard(id).orElseThrow())
                            .toList(),
                    assignments.size());
            long overview = retained(
                    () -> classes.stream()
                            .map(id -> (Object) overviews.overview(id).orElseThrow())
                            .toList(),
                    classes.size());
            System.out.printf(
                    "Memory: retained heap per built view (%d assignments, %d classes, %d copies each):"
                            + " assignment dashboard %,d bytes, class overview %,d bytes%n",
                    assignments.size(), classes.size(), COPIES, dashboard, overview);
            return new Memory(dashboard, overview);
        }
    }

    private static long retained(Supplier<List<Object>> build, int perBuild) {
        build.get(); // warm: classes loaded, caches filled, before the first reading
        long before = usedAfterGc();
        List<Object> kept = new ArrayList<>();
        for (int i = 0; i < COPIES; i++) {
            kept.addAll(build.get());
        }
        long after = usedAfterGc();
        long per = (after - before) / ((long) COPIES * perBuild);
        if (kept.isEmpty()) {
            throw new IllegalStateException("nothing built");
        }
        return per;
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        // Collect until the heap stops shrinking (finalisation and soft references settle).
        for (int i = 0; i < 10; i++) {
            System.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(previous - used) < 64 * 1024) {
                return used;
            }
            previous = used;
        }
        return previous;
    }
}
