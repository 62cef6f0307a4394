package org.lateral.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lateral.DatabaseFingerprint;
import org.lateral.Fixtures;
import org.lateral.HostileInputs;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.AssignmentSummary;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.NewAssignment;
import org.lateral.assignment.NewStep;
import org.lateral.base.highlighter.MarkState;
import org.lateral.base.highlighter.SaveStatus;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.JoinService;
import org.lateral.classroom.NewClass;
import org.lateral.harness.VaadinClient;
import org.lateral.library.LibraryEntry;
import org.lateral.library.LibraryPins;
import org.lateral.library.LibraryService;
import org.lateral.submission.CompareSession;
import org.lateral.submission.MarkingSession;
import org.lateral.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad input, everywhere, from the browser's side (issue 17): every {@code @ClientCallable} of the
 * highlighter (claims and sources modes) and of the compare step's element is called over Vaadin's
 * own protocol against the running server, as a script in a signed-in student's tab could call
 * it: arguments of the wrong type, missing and extra arguments, huge arrays, objects with fields
 * missing or of the wrong type, and well-formed states full of hostile values (see {@link
 * HostileInputs}). Each call must be answered with a save result (saved, stale, or refused with a
 * plain sentence), or refused by Vaadin before Lateral's code runs (which logs one short line); a
 * failure inside Lateral's code (a stack trace in the log) or a refused call that changed a row
 * fails the test. The seed and the counts are printed.
 */
@LateralServerTest
@ExtendWith(OutputCaptureExtension.class)
class HostileBrowserCallsIT {

    private static final int PER_METHOD = 36;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JSON.getNodeFactory();
    private static final String PASSWORD = "a long enough password";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ClassroomService classroom;

    @Autowired
    JoinService join;

    @Autowired
    LibraryService library;

    @Autowired
    AssignmentService assignments;

    @Autowired
    SubmissionService submissions;

    private final HostileInputs in = HostileInputs.fromSystemProperty();
    private final Map<String, int[]> tallies = new TreeMap<>(); // tried, saved, refused or stale, no save result, error
    private final List<String> failures = new ArrayList<>();
    private DatabaseFingerprint fingerprint;
    private Map<String, Long> state;

    /** The fingerprint's triggers would slow every test after this one. */
    @AfterEach
    void removeTheFingerprint() {
        if (fingerprint != null) {
            fingerprint.close();
        }
    }

    private CapturedOutput output;

    /** One page open in a student's signed-in session, and the element whose methods are called. */
    private final class Page {
        final String route;
        final VaadinClient client;
        final java.util.function.Function<VaadinClient, Integer> element;
        int node;

        Page(String username, String route, java.util.function.Function<VaadinClient, Integer> element)
                throws Exception {
            this.route = route;
            this.element = element;
            this.client = new VaadinClient(URI.create("http://127.0.0.1:" + port + "/"));
            client.signIn(username, PASSWORD);
            reopen();
        }

        void reopen() throws Exception {
            client.open(route);
            node = element.apply(client);
        }
    }

    @Test
    void hostile_browser_calls_are_answered_or_refused_and_a_refusal_writes_nothing(CapturedOutput output)
            throws Exception {
        this.output = output;
        long started = System.nanoTime();
        World world = buildTheWorld();
        // scheduled_pass: the scheduled jobs claim their passes in it while the test runs (DD030).
        fingerprint = new DatabaseFingerprint(jdbc, Set.of("audit_event", "throttle_bucket", "scheduled_pass"));
        state = fingerprint.take();

        Page claims = new Page(world.bo, "assignment/" + world.lesson, HostileBrowserCallsIT::highlighter);
        String claimText = world.claimText;
        for (int i = 0; i < PER_METHOD; i++) {
            call(claims, "saveMark", () -> args(stateOr(() -> markState(claimText))));
            call(claims, "refreshMarks", () -> in.chance(70) ? new JsonNode[0] : args(junk()));
            call(claims, "selectionChanged", () -> {
                int[] span = in.span(claimText);
                return in.chance(30)
                        ? args(junk(), junk(), junk())
                        : args(
                                NODES.numberNode(span[0]),
                                NODES.numberNode(span[1]),
                                text(in.exact(claimText, span[0], span[1])));
            });
        }
        claims.client.close();

        Page sources = new Page(world.ada, "assignment/" + world.lesson, HostileBrowserCallsIT::highlighter);
        String sourceText = world.sourceText;
        for (int i = 0; i < PER_METHOD; i++) {
            call(
                    sources,
                    "saveSource",
                    () -> args(stateOr(() -> VaadinClient.object()
                            .put("sourceId", idText())
                            .put("seq", in.seq())
                            .put("name", in.chance(30) ? "A spokesperson" : in.textOrNull())
                            .put("kind", in.codeOr("named-person", "anonymous"))
                            .put("origin", in.codeOr("first-hand", "relayed"))
                            .put("relayedFrom", in.textOrNull())
                            .put("deleted", in.chance(15)))));
            call(
                    sources,
                    "saveMention",
                    () -> args(stateOr(() -> {
                        int[] span = in.span(sourceText);
                        return VaadinClient.object()
                                .put("mentionId", idText())
                                .put("seq", in.seq())
                                .put("sourceId", idText())
                                .put("start", span[0])
                                .put("end", span[1])
                                .put("exact", in.exact(sourceText, span[0], span[1]))
                                .put("prefix", in.textOrNull())
                                .put("suffix", in.textOrNull())
                                .put("deleted", in.chance(15));
                    })));
            call(
                    sources,
                    "saveLink",
                    () -> args(stateOr(() -> VaadinClient.object()
                            .put("linkId", idText())
                            .put("seq", in.seq())
                            .put("claimRef", in.textOrNull())
                            .put("sourceId", idText())
                            .put("deleted", in.chance(15)))));
            call(sources, "refreshSourceWork", () -> in.chance(70) ? new JsonNode[0] : args(junk()));
        }
        sources.client.close();

        Page compare = new Page(
                world.cy,
                "assignment/" + world.compareLesson,
                c -> c.nodeWithTag("lateral-compare-work").orElseThrow());
        String columnText = world.columnText;
        for (int i = 0; i < PER_METHOD; i++) {
            call(
                    compare,
                    "saveGrid",
                    () -> args(stateOr(() -> {
                        ObjectNode grid = VaadinClient.object()
                                .put("articleId", in.idText(world.columns))
                                .put("seq", in.seq())
                                .put("framing", in.codeOr("neutral", "hedged", "question"))
                                .put("namedSources", in.numberOrNull())
                                .put("anonymousSources", in.numberOrNull())
                                .put("reporting", in.codeOr("original", "relay", "mixed"))
                                .put("includes", in.textOrNull())
                                .put("outletKind", in.textOrNull());
                        ArrayNode relayed = grid.putArray("relayedFrom");
                        in.list(5, in::text).forEach(relayed::add);
                        return grid;
                    })));
            call(
                    compare,
                    "saveSpan",
                    () -> args(stateOr(() -> {
                        int[] span = in.span(columnText);
                        return VaadinClient.object()
                                .put("spanId", idText())
                                .put("seq", in.seq())
                                .put("articleId", in.idText(world.columns))
                                .put("kind", in.codeOr("hedge", "loaded"))
                                .put("start", span[0])
                                .put("end", span[1])
                                .put("exact", in.exact(columnText, span[0], span[1]))
                                .put("prefix", in.textOrNull())
                                .put("suffix", in.textOrNull())
                                .put("deleted", in.chance(15));
                    })));
            call(
                    compare,
                    "saveCell",
                    () -> args(stateOr(() -> {
                        int[] span = in.span(columnText);
                        return VaadinClient.object()
                                .put("claimId", in.codeOr("k01", "k08"))
                                .put("articleId", in.idText(world.columns))
                                .put("seq", in.seq())
                                .put("carried", in.codeOr("fact", "attributed", "hedged", "absent"))
                                .put("start", span[0])
                                .put("end", span[1])
                                .put("exact", in.exact(columnText, span[0], span[1]))
                                .put("prefix", in.textOrNull())
                                .put("suffix", in.textOrNull());
                    })));
            call(
                    compare,
                    "saveNote",
                    () -> args(stateOr(() -> VaadinClient.object()
                            .put("outletId", in.idText(world.outlets))
                            .put("seq", in.seq())
                            .put("address", in.chance(30) ? "https://example.org/about" : in.textOrNull())
                            .put("note", in.textOrNull()))));
            call(
                    compare,
                    "saveJudgement",
                    () -> args(stateOr(
                            () -> VaadinClient.object().put("seq", in.seq()).put("judgement", in.textOrNull()))));
            call(compare, "refreshCompareWork", () -> in.chance(70) ? new JsonNode[0] : args(junk()));
        }
        compare.client.close();

        int total = tallies.values().stream().mapToInt(t -> t[0]).sum();
        StringBuilder report = new StringBuilder(String.format(
                "Hostile input (browser calls): seed %d, %d calls to %d @ClientCallable methods, %d tables compared after each call, %.1f s%n",
                in.seed(), total, tallies.size(), fingerprint.tableCount(), (System.nanoTime() - started) / 1e9));
        tallies.forEach((method, t) -> report.append(String.format(
                "  %-20s tried %3d: saved %3d, refused or stale %3d, no save result %3d, request failed %3d%n",
                method, t[0], t[1], t[2], t[3], t[4])));
        report.append(String.format(
                "Hostile input (browser calls): server errors, partial writes and refusals that are not sentences: %d%n",
                failures.size()));
        failures.forEach(f -> report.append("  FAILED ").append(f).append('\n'));
        System.out.print(report);
        assertThat(failures)
                .as("replay with -D%s=%d", HostileInputs.SEED_PROPERTY, in.seed())
                .isEmpty();
    }

    // --- one call ---------------------------------------------------------------------------

    @FunctionalInterface
    private interface Arguments {
        JsonNode[] get() throws Exception;
    }

    private void call(Page page, String method, Arguments arguments) throws Exception {
        int[] tally = tallies.computeIfAbsent(method, m -> new int[5]);
        tally[0]++;
        String where = method + " call " + tally[0];
        JsonNode[] args = arguments.get();
        String logBefore = output.toString();
        boolean refused;
        try {
            String response = page.client.call(page.node, method, args);
            List<JsonNode> answers = saveResults(response);
            // Anything but a "saved" answer (a refusal, a stale save, a refresh, a selection) must
            // leave every row as it was.
            refused = true;
            for (JsonNode answer : answers) {
                String status = answer.get("status").asString();
                if (status.equals(SaveStatus.SAVED.code())) {
                    refused = false;
                }
                if (status.equals(SaveStatus.REJECTED.code())) {
                    checkSentence(where, answer.get("message").asString());
                }
            }
            // A save method always answers a save result when it runs (a state it cannot read
            // included); none means Vaadin could not read the arguments and did not call it, or
            // it failed, which the log check below tells apart. Refreshes and selections answer none.
            tally[answers.isEmpty() ? 3 : refused ? 2 : 1]++;
        } catch (IOException refusedByVaadin) {
            // The server answered the request with an error: only right when Vaadin could not read
            // the call, before any of Lateral's code ran (checked in the log below).
            refused = true;
            tally[4]++;
            page.reopen();
        }
        String logged = output.toString()
                .substring(Math.min(logBefore.length(), output.toString().length()));
        if (logged.contains("\tat ") || logged.contains(" ERROR ")) {
            failures.add(where + ": server error in Lateral's code: " + firstLines(logged));
        }
        Map<String, Long> after = fingerprint.take();
        if (refused && !after.equals(state)) {
            failures.add(where + ": refused, yet changed " + DatabaseFingerprint.changed(state, after));
        }
        state = after;
    }

    /** The save results a response carries: objects with a status and a message. */
    private static List<JsonNode> saveResults(String response) {
        String json = response.startsWith("for(;;);[") ? response.substring(9, response.length() - 1) : response;
        List<JsonNode> found = new ArrayList<>();
        collect(JSON.readTree(json), found);
        return found;
    }

    private static void collect(JsonNode node, List<JsonNode> found) {
        if (node.isObject() && node.has("status") && node.has("message") && node.has("seq")) {
            found.add(node);
            return;
        }
        if (node.isString() && node.asString().contains("\"status\"")) {
            try {
                collect(JSON.readTree(node.asString()), found);
            } catch (RuntimeException notJson) {
                // A script's text that mentions a status: nothing to read.
            }
            return;
        }
        for (JsonNode child : node) {
            collect(child, found);
        }
    }

    private static String firstLines(String log) {
        String[] lines = log.split("\n");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(4, lines.length); i++) {
            sb.append(lines[i].length() > 200 ? lines[i].substring(0, 200) + "…" : lines[i])
                    .append(" | ");
        }
        return sb.toString();
    }

    private void checkSentence(String where, @Nullable String message) {
        String m = message == null ? "" : message.strip();
        if (m.isEmpty() || !m.endsWith(".") || m.length() > 400 || m.contains("Exception") || m.contains("java.")) {
            failures.add(where + ": refusal not a sentence: " + (m.length() > 240 ? m.substring(0, 240) + "…" : m));
        }
    }

    // --- arguments --------------------------------------------------------------------------

    private static JsonNode[] args(JsonNode... args) {
        return args;
    }

    private static JsonNode text(@Nullable String value) {
        return value == null ? NODES.nullNode() : NODES.stringNode(value);
    }

    private @Nullable String idText() {
        return in.idText();
    }

    /**
     * A well-formed state one time in two; otherwise the same state broken (a field dropped, a
     * field of the wrong type) or something that is not a state at all.
     */
    private JsonNode stateOr(Supplier<ObjectNode> wellFormed) {
        int roll = in.below(10);
        if (roll < 5) {
            return wellFormed.get();
        }
        if (roll < 8) {
            ObjectNode broken = wellFormed.get();
            List<String> fields = new ArrayList<>(broken.propertyNames());
            String field = in.oneOf(fields);
            if (in.chance(40)) {
                broken.remove(field);
            } else {
                broken.set(field, junk());
            }
            return broken;
        }
        return junk();
    }

    /** A value of a random wrong type: text, numbers out of range, arrays (some huge), nesting, null. */
    private JsonNode junk() {
        return switch (in.below(10)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.stringNode(in.text());
            case 2 -> NODES.numberNode(new BigDecimal("1e400"));
            case 3 -> NODES.numberNode(-1.5);
            case 4 -> NODES.booleanNode(true);
            case 5 -> {
                ArrayNode huge = NODES.arrayNode();
                int n = in.chance(50) ? 10_000 : 3;
                for (int i = 0; i < n; i++) {
                    huge.add(i);
                }
                yield huge;
            }
            case 6 -> {
                ObjectNode deep = NODES.objectNode();
                ObjectNode at = deep;
                for (int i = 0; i < 200; i++) {
                    at = at.putObject("x");
                }
                yield deep;
            }
            case 7 -> NODES.objectNode();
            case 8 -> NODES.numberNode(Long.MAX_VALUE);
            default -> NODES.stringNode(UUID.randomUUID().toString());
        };
    }

    private ObjectNode markState(String text) {
        int[] span = in.span(text);
        return VaadinClient.object()
                .put("markId", idText())
                .put("seq", in.seq())
                .put("start", span[0])
                .put("end", span[1])
                .put("exact", in.exact(text, span[0], span[1]))
                .put("prefix", in.textOrNull())
                .put("suffix", in.textOrNull())
                .put("type", in.codeOr("factual", "opinion", "hedged"))
                .put("deleted", in.chance(15));
    }

    // --- the world --------------------------------------------------------------------------

    /** A class with a two-step lesson and a compare lesson, and three students who joined it. */
    private final class World {
        String ada; // in the sources step
        String bo; // in the claims step
        String cy; // in the compare step
        UUID lesson;
        UUID compareLesson;
        String claimText;
        String sourceText;
        String columnText;
        UUID[] columns;
        UUID[] outlets;
    }

    private static int highlighter(VaadinClient client) {
        return client.nodeWithId("claim-highlighter").orElseThrow();
    }

    private World buildTheWorld() throws Exception {
        World world = new World();
        UUID school = fixtures.schoolWithOwnPack("Hostile browser school", Files.createTempDirectory("hostile-calls"));
        String teacher = fixtures.teacher(school, "fuzz-calls");
        ClassDetail schoolClass;
        try (var s = SignedIn.as(users, teacher)) {
            schoolClass = classroom.createClass(new NewClass("Media", "", "", "UTC"));
            List<LibraryEntry> all = library.articles("");
            LibraryEntry frisky = byOutlet(all, "Frisky");
            LibraryEntry isegoria = byOutlet(all, "Isegoria");
            LibraryEntry warInContext = byOutlet(all, "War in Context");
            world.lesson = assign(
                    schoolClass.id(),
                    frisky.articleId(),
                    List.of(NewStep.of(NewStep.MARK_CLAIMS), NewStep.of(NewStep.IDENTIFY_SOURCES)));
            world.compareLesson = assign(
                    schoolClass.id(),
                    warInContext.articleId(),
                    List.of(NewStep.compare(
                            List.of(warInContext.articleId(), isegoria.articleId()), BigDecimal.ONE, false)));
        }
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        world.ada = joined(schoolClass, "ada-" + suffix);
        world.bo = joined(schoolClass, "bo-" + suffix);
        world.cy = joined(schoolClass, "cy-" + suffix);
        try (var s = SignedIn.as(users, world.ada)) {
            MarkingSession step1 = submissions.open(world.lesson).orElseThrow();
            int[] words = step1.words();
            assertThat(submissions
                            .saveMark(
                                    step1.attemptId(),
                                    new MarkState(
                                            UUID.randomUUID(),
                                            1,
                                            words[0],
                                            words[1],
                                            step1.text().substring(words[0], words[1]),
                                            "",
                                            "",
                                            "factual",
                                            false))
                            .status())
                    .isEqualTo(SaveStatus.SAVED);
            submissions.submit(step1.attemptId());
            MarkingSession step2 = submissions.open(world.lesson).orElseThrow();
            assertThat(step2.exercise()).isEqualTo(NewStep.IDENTIFY_SOURCES);
            world.sourceText = step2.text();
        }
        try (var s = SignedIn.as(users, world.bo)) {
            world.claimText = submissions.open(world.lesson).orElseThrow().text();
        }
        try (var s = SignedIn.as(users, world.cy)) {
            CompareSession compare =
                    submissions.open(world.compareLesson).orElseThrow().compare();
            assertThat(compare).isNotNull();
            world.columns = compare.columns().stream()
                    .map(LibraryPins.ColumnArticle::articleId)
                    .toArray(UUID[]::new);
            world.outlets = compare.columns().stream()
                    .map(LibraryPins.ColumnArticle::outletId)
                    .toArray(UUID[]::new);
            world.columnText = compare.columns().getFirst().canonicalText();
        }
        return world;
    }

    private UUID assign(UUID classId, UUID article, List<NewStep> steps) {
        AssignmentSummary created = assignments.assignMarkClaims(
                classId,
                new NewAssignment(
                        article,
                        null,
                        LocalDate.now().plusDays(3),
                        true,
                        FeedbackPolicy.AFTER_SUBMIT,
                        true,
                        null,
                        false,
                        steps));
        return created.id();
    }

    /** A student who joined the class with its code and chose a password, so a browser can sign in. */
    private String joined(ClassDetail schoolClass, String username) {
        JoinService.From from = new JoinService.From("10.17.0.1", "session-" + username);
        return join.joinAsNewStudent(
                schoolClass.joinCode(), new JoinService.NewStudent(username, username, PASSWORD, PASSWORD), from);
    }

    private static LibraryEntry byOutlet(List<LibraryEntry> all, String outlet) {
        return all.stream()
                .filter(e -> e.outletName().contains(outlet))
                .findFirst()
                .orElseThrow();
    }
}
