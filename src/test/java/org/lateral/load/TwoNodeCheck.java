package org.lateral.load;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lateral.base.database.EmbeddedPostgresServer;
import org.lateral.harness.FriskyMarking;
import org.lateral.harness.LateralProcess;
import org.lateral.harness.VaadinClient;

/**
 * The check that Lateral runs past one machine (issue 18, DD030; README "Two nodes"): one
 * PostgreSQL, two Lateral nodes (the production jar, demo mode, started at the same moment on the
 * same empty database), nginx in front with sticky sessions, all on loopback. It checks that
 * <ol>
 *   <li>both nodes start together on one empty database (Flyway and the demo seeding take turns);
 *   <li>new visitors are spread over both nodes and each stays on its own (the session cookie's
 *       route suffix);
 *   <li>the sign-in throttle counts across the nodes: wrong passwords split between them lock the
 *       account on both;
 *   <li>students marking through nginx lose no acknowledged mark when one node is killed with
 *       SIGKILL in the middle of the run (rows = acknowledgements);
 *   <li>every student, those of the dead node included, signs in again through nginx, finds every
 *       mark the server acknowledged on their page, and saves a new one.
 * </ol>
 * Started by {@code .ci/two-nodes.sh}, which installs nginx and builds what is missing. Options: the
 * load driver's ({@code --students}, {@code --rate}, {@code --duration}, …; DD027) and {@code
 * --kill-after=SECONDS} into the marking phase (default a third of it). Exit status 0 only when
 * every check passed.
 */
public final class TwoNodeCheck {

    private static final Pattern UUIDS =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Map<String, Boolean> checks = new LinkedHashMap<>();

    private TwoNodeCheck() {}

    public static void main(String[] args) throws Exception {
        // The embedded PostgreSQL's start-up chatter would bury the checks' lines.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.zonky"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        System.exit(new TwoNodeCheck().run(args) ? 0 : 1);
    }

    private boolean run(String[] args) throws Exception {
        List<String> driverArgs = new ArrayList<>();
        Double killAfter = null;
        String nginx = "nginx";
        for (String arg : args) {
            if (arg.startsWith("--kill-after=")) {
                killAfter = Double.parseDouble(arg.substring("--kill-after=".length()));
            } else if (arg.startsWith("--nginx=")) {
                nginx = arg.substring("--nginx=".length());
            } else {
                driverArgs.add(arg);
            }
        }
        if (driverArgs.stream().noneMatch(a -> a.startsWith("--students="))) {
            driverArgs.add("--students=100");
        }
        if (driverArgs.stream().noneMatch(a -> a.startsWith("--rate="))) {
            driverArgs.add("--rate=40");
        }
        if (driverArgs.stream().noneMatch(a -> a.startsWith("--duration="))) {
            driverArgs.add("--duration=45");
        }
        if (driverArgs.stream().noneMatch(a -> a.startsWith("--baseline="))) {
            // The heap is not measured here: no login pages to open first.
            driverArgs.add("--baseline=false");
        }
        LoadScenario scenario = LoadScenario.parse(driverArgs.toArray(String[]::new));
        double killAt = killAfter != null ? killAfter : scenario.duration().toMillis() / 3000.0;
        // The account the throttle check locks: one past the load's students, so the load never uses it.
        String locked = "student" + (scenario.students() + 1);

        Path work = Path.of("target", "two-nodes", UUID.randomUUID().toString()).toAbsolutePath();
        Files.createDirectories(work);
        System.out.println("Lateral two-node check: " + scenario + ", node A killed " + killAt
                + " s into the marking phase; work in " + work);

        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(work.resolve("postgresql"), true)) {
            System.out.println("PostgreSQL:    " + postgres.jdbcUrl() + " (one database for both nodes)");
            Map<String, String> common = Map.of(
                    "SPRING_DATASOURCE_URL", postgres.jdbcUrl(),
                    "SPRING_DATASOURCE_USERNAME", postgres.username(),
                    "SPRING_DATASOURCE_PASSWORD", postgres.password(),
                    "LATERAL_DEMO", "true",
                    "LATERAL_DEMO_STUDENTS", Integer.toString(Math.max(24, scenario.students() + 1)),
                    "SERVER_FORWARD_HEADERS_STRATEGY", "native");
            try (LateralProcess a = new LateralProcess(with(common, "LATERAL_NODE_ROUTE", "a"));
                    LateralProcess b = new LateralProcess(with(common, "LATERAL_NODE_ROUTE", "b"))) {
                long started = System.nanoTime();
                // Both at once on the empty database: migrations and seeding must take turns.
                CompletableFuture<LateralProcess> startA = CompletableFuture.supplyAsync(() -> start(a));
                CompletableFuture<LateralProcess> startB = CompletableFuture.supplyAsync(() -> start(b));
                boolean bothUp = startA.handle((p, e) -> e == null).join()
                        & startB.handle((p, e) -> e == null).join();
                check(
                        "both nodes started at once on one empty database ("
                                + String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - started) / 1e9) + ")",
                        bothUp);
                if (!bothUp) {
                    return report();
                }
                System.out.println("Node A:        " + a.base() + " (route a, pid " + a.pid() + ")");
                System.out.println("Node B:        " + b.base() + " (route b, pid " + b.pid() + ")");
                try (Nginx proxy = Nginx.start(nginx, work.resolve("nginx"), a.base(), b.base())) {
                    URI base = proxy.base();
                    System.out.println("nginx:         " + base + " (sticky by the session cookie's route)");
                    checkSticky(base);
                    checkThrottleAcrossNodes(a.base(), b.base(), locked);
                    checkKillMidRun(scenario, base, a, killAt, postgres);
                }
            }
        }
        return report();
    }

    private static LateralProcess start(LateralProcess node) {
        try {
            // Two JVMs starting at once on a shared two-core machine: well over a minute each.
            return node.start(1, java.time.Duration.ofMinutes(5));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> with(Map<String, String> common, String key, String value) {
        Map<String, String> all = new TreeMap<>(common);
        all.put(key, value);
        return all;
    }

    /** New visitors go to either node; a signed-in student's requests stay on theirs. */
    private void checkSticky(URI base) throws Exception {
        Map<String, Integer> routes = new TreeMap<>();
        boolean stayed = true;
        for (int i = 1; i <= 8; i++) {
            CookieManager cookies = new CookieManager();
            VaadinClient client = new VaadinClient(base, cookies);
            client.signIn("student" + i, "lateral-demo");
            String route = route(cookies);
            routes.merge(route, 1, Integer::sum);
            // The marking page and its messages: all on the node that holds the session.
            FriskyMarking.open(client);
            client.heartbeat();
            stayed &= route.equals(route(cookies));
            client.close();
        }
        check("new sign-ins spread over both nodes " + routes, routes.keySet().containsAll(List.of("a", "b")));
        check("each student's requests stay on the node holding the session", stayed);
    }

    /** The route suffix of the session cookie: which node holds this session. */
    private static String route(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue)
                .map(v -> v.contains(".") ? v.substring(v.lastIndexOf('.') + 1) : "none")
                .findFirst()
                .orElse("no session");
    }

    /**
     * The sign-in throttle allows ten wrong passwords per account: five on node A and five on node
     * B lock the account on both, which two throttles in memory (five each) would not.
     */
    private void checkThrottleAcrossNodes(URI nodeA, URI nodeB, String username) throws Exception {
        for (int i = 0; i < 10; i++) {
            URI node = i % 2 == 0 ? nodeA : nodeB;
            try {
                new VaadinClient(node).signIn(username, "not the password " + i);
                check("a wrong password is refused", false);
                return;
            } catch (IOException refused) {
                // As expected.
            }
        }
        boolean lockedOnA = refused(nodeA, username);
        boolean lockedOnB = refused(nodeB, username);
        check(
                "10 wrong passwords split over both nodes (5 + 5) hold the account back on both"
                        + " (the right password refused on A: " + lockedOnA + ", on B: " + lockedOnB + ")",
                lockedOnA && lockedOnB);
    }

    private static boolean refused(URI node, String username) throws InterruptedException {
        try {
            new VaadinClient(node).signIn(username, "lateral-demo");
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** The load through nginx; node A dies with SIGKILL during it; then every student comes back. */
    private void checkKillMidRun(
            LoadScenario scenario, URI base, LateralProcess a, double killAt, EmbeddedPostgresServer postgres)
            throws Exception {
        AtomicLong killedAt = new AtomicLong();
        try (ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor()) {
            LoadDriver.Result result = LoadDriver.run(scenario, base, phase -> {
                if (phase == LoadDriver.Phase.MARKING_STARTS) {
                    timer.schedule(
                            () -> {
                                // SIGKILL: no shutdown hook, no graceful end of requests in flight.
                                ProcessHandle.of(a.pid()).ifPresent(ProcessHandle::destroyForcibly);
                                killedAt.set(System.nanoTime());
                                System.out.println("Killed node A (SIGKILL) in the marking phase");
                            },
                            Math.round(killAt * 1000),
                            TimeUnit.MILLISECONDS);
                }
            });
            LoadReport report = result.report();
            System.out.print(report.text());
            check("node A was killed during the marking phase", killedAt.get() != 0);
            check(
                    "students of the dead node stopped (" + report.studentsStopped()
                            + ") and the others marked on to the end" + " ("
                            + (report.studentsOnPage() - report.studentsStopped()) + ")",
                    report.studentsStopped() > 0 && report.studentsStopped() < report.studentsOnPage());
            MarkAudit audit;
            try (Connection database =
                    DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password())) {
                audit = result.audit(database);
            }
            System.out.println("Database:      " + audit);
            check("0 acknowledged marks lost (rows = acknowledgements + answers lost in the kill)", audit.consistent());
            signInAgain(scenario, base, result.metrics());
        }
    }

    /**
     * Every student signs in again through nginx (those of the dead node land on the live one and
     * start a new session there), opens the page, finds their acknowledged marks and saves one more.
     */
    private void signInAgain(LoadScenario scenario, URI base, LoadMetrics metrics) throws Exception {
        VaadinClient scout = new VaadinClient(base);
        scout.signIn("student1", "lateral-demo");
        String route = FriskyMarking.route(scout);
        scout.close();
        FriskyMarking marking = new FriskyMarking();
        Set<String> shown = new HashSet<>();
        int continued = 0;
        List<String> problems = new ArrayList<>();
        for (int i = 1; i <= scenario.students(); i++) {
            VaadinClient client = new VaadinClient(base);
            try {
                client.signIn("student" + i, "lateral-demo");
                String page = client.open(route);
                Matcher ids = UUIDS.matcher(page);
                while (ids.find()) {
                    shown.add(ids.group());
                }
                int highlighter = client.nodeWithId("claim-highlighter").orElseThrow();
                UUID markId = UUID.randomUUID();
                // A word no mark of the run used (students make far fewer marks than the page holds).
                String answer = client.call(highlighter, "saveMark", marking.mark(markId, marking.capacity() - 1));
                if (FriskyMarking.saved(answer, markId)) {
                    continued++;
                } else {
                    problems.add("student" + i + ": " + answer.substring(0, Math.min(200, answer.length())));
                }
            } catch (IOException | RuntimeException e) {
                problems.add("student" + i + ": " + e.getMessage());
            } finally {
                client.close();
            }
        }
        long missing =
                metrics.acknowledged.stream().filter(id -> !shown.contains(id)).count();
        check(
                "every student signed in again through nginx and saved a new mark (" + continued + " of "
                        + scenario.students() + ")"
                        + (problems.isEmpty() ? "" : "; first problem: " + problems.getFirst()),
                continued == scenario.students());
        check(
                "every acknowledged mark is on its student's page after signing in again (" + missing + " missing of "
                        + metrics.acknowledged.size() + ")",
                missing == 0);
    }

    private void check(String what, boolean ok) {
        checks.put(what, ok);
        System.out.println((ok ? "PASS  " : "FAIL  ") + what);
    }

    private boolean report() {
        boolean ok = !checks.isEmpty() && checks.values().stream().allMatch(b -> b);
        System.out.println("Two nodes:     "
                + checks.values().stream().filter(b -> b).count() + " of " + checks.size() + " checks passed");
        System.out.println(ok ? "Result:        PASS" : "Result:        FAIL");
        return ok;
    }

    /** nginx in the foreground on a loopback port, with the repository's two-node configuration. */
    static final class Nginx implements AutoCloseable {

        private final Process process;
        private final int port;
        private final Path directory;

        private Nginx(Process process, int port, Path directory) {
            this.process = process;
            this.port = port;
            this.directory = directory;
        }

        static Nginx start(String binary, Path directory, URI nodeA, URI nodeB) throws Exception {
            Files.createDirectories(directory);
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            for (String temp : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
                Path dir = Files.createDirectories(directory.resolve(temp));
                // nginx's worker runs as an unprivileged user when the master is root.
                dir.toFile().setWritable(true, false);
                dir.toFile().setExecutable(true, false);
            }
            String config = Files.readString(Path.of(".ci", "two-nodes", "nginx.conf"))
                    .replace("@WORK@", directory.toString())
                    .replace("@LISTEN@", "127.0.0.1:" + port)
                    .replace("@NODE_A@", nodeA.getHost() + ":" + nodeA.getPort())
                    .replace("@NODE_B@", nodeB.getHost() + ":" + nodeB.getPort());
            Path file = directory.resolve("nginx.conf");
            Files.writeString(file, config);
            Process process = new ProcessBuilder(binary, "-p", directory.toString(), "-c", file.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("nginx.out").toFile())
                    .start();
            Nginx nginx = new Nginx(process, port, directory);
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IOException("nginx stopped: " + Files.readString(directory.resolve("nginx.out")));
                }
                try {
                    HttpResponse<Void> ready = http.send(
                            HttpRequest.newBuilder(nginx.base().resolve("actuator/health/readiness"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (ready.statusCode() == 200) {
                        return nginx;
                    }
                } catch (IOException notYet) {
                    // Still starting.
                }
                Thread.sleep(100);
            }
            nginx.close();
            throw new IOException("nginx did not answer; see " + directory);
        }

        URI base() {
            return URI.create("http://127.0.0.1:" + port + "/");
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }

        @Override
        public String toString() {
            return "nginx in " + directory;
        }
    }
}
