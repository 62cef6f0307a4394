package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.Fixtures;
import org.lateral.LateralServerTest;
import org.lateral.MovableClockConfiguration;
import org.lateral.SignedIn;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.AssignmentSummary;
import org.lateral.assignment.DueDates;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.NewAssignment;
import org.lateral.base.UserFacingException;
import org.lateral.base.highlighter.MarkState;
import org.lateral.base.highlighter.SaveResult;
import org.lateral.base.highlighter.SaveStatus;
import org.lateral.base.highlighter.SavedMark;
import org.lateral.base.text.Tokens;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.library.ClaimType;
import org.lateral.library.LibraryService;
import org.lateral.submission.scoring.Scoring;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The rules of a student's work hold in any order of actions (SECURITY.md, "The same rules hold
 * in any order of actions"). From one seed, many random sequences of the real service calls run on
 * a mark-claims lesson of their own: the student opens the lesson, saves, changes and deletes marks
 * (with resent and out-of-order saves, and bad input), submits, starts a revision and reads the
 * feedback; the teacher moves the student's due date, reopens an attempt and releases feedback; the
 * clock passes the due date and the revision window. Each lesson draws its own settings (late work
 * accepted or not, revision allowed or not, with or without a window, each feedback policy).
 *
 * <p>The test keeps a small model of what must be stored (attempts, each mark's row by sequence
 * number, score rows, the student's due date) and predicts every answer from it. After every
 * step it compares the database and the student's feedback with the model:
 *
 * <ul>
 *   <li>the attempts and every mark row are exactly the model's, so a refused save or submit wrote
 *       nothing, and a resent or older save never undid a newer one;
 *   <li>a submitted attempt's marks are the ones it was submitted with, for as long as it stays
 *       submitted;
 *   <li>one submission per student, one attempt per step and round;
 *   <li>the latest score of a submitted attempt is what the pure scorer gives for its stored marks;
 *   <li>the student's feedback is waiting, hints or the released key exactly when the policy and
 *       DD006 say so, their progress page counts the lesson only once the key is released, and no key
 *       claim's reason reaches the student before then.
 * </ul>
 *
 * Refusals must be {@link UserFacingException}s or rejected saves with a plain sentence. A failure
 * names the seed, the sequence and the step; {@code -Dlateral.sequences.seed=...} replays it (each
 * sequence starts at 09:00 UTC on the clock, so the same seed takes the same steps).
 */
@LateralServerTest
@Import(MovableClockConfiguration.class)
class ActionSequencesIT {

    static final long DEFAULT_SEED = 20261201L;
    static final int SEQUENCES = Integer.getInteger("lateral.sequences.count", 60);
    static final int STEPS = Integer.getInteger("lateral.sequences.steps", 25);

    @Autowired
    SubmissionService submissions;

    @Autowired
    FeedbackService feedback;

    @Autowired
    GradingActions grading;

    @Autowired
    StudentWorkService studentWork;

    @Autowired
    AssignmentService assignments;

    @Autowired
    ClassroomService classroom;

    @Autowired
    LibraryService library;

    @Autowired
    UserDetailsService users;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path temp;

    enum Action {
        OPEN(8),
        NEW_MARK(18),
        CHANGE_MARK(12),
        DELETE_MARK(6),
        RESEND_OLD(8),
        OUT_OF_ORDER(6),
        DELETE_UNSAVED(3),
        BAD_INPUT(4),
        REFRESH(3),
        SUBMIT(10),
        START_REVISION(6),
        CLOCK(6),
        DUE_OVERRIDE(4),
        REOPEN(4),
        RELEASE_FEEDBACK(2);

        final int weight;

        Action(int weight) {
            this.weight = weight;
        }

        static Action draw(Random random) {
            int total = Arrays.stream(values()).mapToInt(a -> a.weight).sum();
            int at = random.nextInt(total);
            for (Action a : values()) {
                at -= a.weight;
                if (at < 0) {
                    return a;
                }
            }
            throw new IllegalStateException();
        }
    }

    static final Set<Action> MARKING = Set.of(
            Action.NEW_MARK,
            Action.CHANGE_MARK,
            Action.DELETE_MARK,
            Action.RESEND_OLD,
            Action.OUT_OF_ORDER,
            Action.DELETE_UNSAVED);

    /** A mark row as stored. */
    record Row(int seq, int start, int end, String type, boolean deleted) {}

    /** One attempt as the model expects it in the database. */
    static final class Attempt {
        final UUID id;
        final int number;
        boolean submitted;
        int scoreRows;
        final Map<UUID, Row> rows = new TreeMap<>();
        Map<UUID, Row> submittedWith = Map.of();

        Attempt(UUID id, int number) {
            this.id = id;
            this.number = number;
        }

        Map<UUID, Row> live() {
            Map<UUID, Row> live = new TreeMap<>();
            rows.forEach((id, row) -> {
                if (!row.deleted()) {
                    live.put(id, row);
                }
            });
            return live;
        }
    }

    /** What the student's browser knows of one mark of one attempt: its counter and what it sent. */
    static final class BrowserMark {
        int seq;

        @Nullable
        MarkState last;

        final List<MarkState> sent = new ArrayList<>();
    }

    /** The lesson's settings and the student's work as they must be. */
    static final class Model {
        final AssignmentSummary lesson;
        final boolean late;
        final FeedbackPolicy policy;
        final boolean revisionAllowed;
        final @Nullable Instant revisionUntil;
        Instant due;

        @Nullable
        Instant releasedAt;

        boolean opened;
        final List<Attempt> attempts = new ArrayList<>();
        /** The attempt on the student's page, from the last opening. */
        @Nullable
        Attempt page;

        final Map<UUID, Map<UUID, BrowserMark>> browser = new LinkedHashMap<>();

        Model(
                AssignmentSummary lesson,
                boolean late,
                FeedbackPolicy policy,
                boolean revisionAllowed,
                @Nullable Instant revisionUntil,
                Instant due) {
            this.lesson = lesson;
            this.late = late;
            this.policy = policy;
            this.revisionAllowed = revisionAllowed;
            this.revisionUntil = revisionUntil;
            this.due = due;
        }

        boolean acceptsWork(Instant now) {
            return now.isBefore(due) || late;
        }

        boolean acceptsWork(Instant now, int number) {
            return acceptsWork(now) || (number > 1 && revisionOpen(now));
        }

        boolean revisionOpen(Instant now) {
            if (!revisionAllowed) {
                return false;
            }
            return revisionUntil != null ? now.isBefore(revisionUntil) : acceptsWork(now);
        }

        int round() {
            return attempts.stream().mapToInt(a -> a.number).max().orElse(1);
        }

        @Nullable
        Attempt latest() {
            return attempts.isEmpty() ? null : attempts.getLast();
        }

        @Nullable
        Attempt number(int n) {
            return attempts.stream().filter(a -> a.number == n).findFirst().orElse(null);
        }

        Map<UUID, BrowserMark> browserOf(Attempt attempt) {
            return browser.computeIfAbsent(attempt.id, id -> new LinkedHashMap<>());
        }
    }

    /** A key claim as the test reads it from the database, for spans and re-scoring. */
    record KeyClaim(String id, int start, int end, Set<ClaimType> types, int worthiness, String why) {}

    /** A broken invariant or a wrong answer: where, so it can be replayed. */
    record Violation(int sequence, int step, String action, String what) {}

    private String teacher = "";
    private UUID school = UUID.randomUUID();
    private final Map<String, Integer> tally = new TreeMap<>();
    private int refusals;
    private int steps;

    @Test
    void any_order_of_opening_marking_submitting_reopening_and_deadlines_keeps_the_rules() throws IOException {
        long seed = Long.getLong("lateral.sequences.seed", DEFAULT_SEED);
        System.out.println("Action sequences: seed " + seed + " (replay with -Dlateral.sequences.seed=" + seed + ")");
        school = fixtures.schoolWithOwnPack("Sequences school", temp);
        teacher = fixtures.teacher(school, "sequences");
        List<Violation> violations = new ArrayList<>();
        long started = System.nanoTime();
        for (int sequence = 0; sequence < SEQUENCES; sequence++) {
            Random random = new Random(seed * 1_000_003L + sequence);
            Duration moved = toNineInTheMorning();
            try {
                violations.addAll(runSequence(sequence, random));
            } finally {
                // The clock is shared with the other test classes that import it: put it back.
                MovableClockConfiguration.CLOCK.advance(moved.negated());
            }
        }
        System.out.printf(
                Locale.ENGLISH,
                "Action sequences: seed %d, %d sequences, %,d steps, %,d refusals, %d invariant violations%n",
                seed,
                SEQUENCES,
                steps,
                refusals,
                violations.size());
        System.out.printf(
                Locale.ENGLISH,
                "Action sequences: %.1f s; steps by action %s%n",
                (System.nanoTime() - started) / 1e9,
                tally);
        assertThat(violations)
                .as("seed " + seed + ": replay with -Dlateral.sequences.seed=" + seed)
                .isEmpty();
        assertThat(steps).isEqualTo(SEQUENCES * STEPS);
        // The sequences must reach the interesting states, or they test little.
        assertThat(tally).containsKeys("submit:ok", "submit:refused", "save:stale", "save:rejected", "revision:ok");
    }

    /** Moves the shared clock to the next 09:00 UTC, so a seed replays the same steps any time. */
    private static Duration toNineInTheMorning() {
        Instant now = MovableClockConfiguration.CLOCK.instant();
        Instant nine = LocalDate.ofInstant(now, ZoneOffset.UTC)
                .plusDays(1)
                .atTime(LocalTime.of(9, 0))
                .toInstant(ZoneOffset.UTC);
        Duration moved = Duration.between(now, nine);
        MovableClockConfiguration.CLOCK.advance(moved);
        return moved;
    }

    private List<Violation> runSequence(int sequence, Random random) {
        boolean late = random.nextBoolean();
        FeedbackPolicy policy = FeedbackPolicy.values()[random.nextInt(FeedbackPolicy.values().length)];
        boolean revision = random.nextInt(4) != 0;
        int dueInDays = 1 + random.nextInt(3);
        LocalDate today = LocalDate.ofInstant(now(), ZoneOffset.UTC);
        LocalDate dueDay = today.plusDays(dueInDays);
        LocalDate until = revision && random.nextBoolean() ? dueDay.plusDays(random.nextInt(3)) : null;
        OneTimeCredential student;
        UUID studentId;
        AssignmentSummary lesson;
        try (var s = SignedIn.as(users, teacher)) {
            ClassDetail media = classroom.createClass(new NewClass("Sequences " + sequence, "", "", "UTC"));
            student =
                    classroom.createStudents(media.id(), "Student " + sequence).getFirst();
            studentId = classroom
                    .classDetail(media.id())
                    .orElseThrow()
                    .roster()
                    .getFirst()
                    .studentId();
            UUID frisky = library.articles("frisky").getFirst().articleId();
            lesson = assignments.assignMarkClaims(
                    media.id(), new NewAssignment(frisky, null, dueDay, late, policy, revision, until, false));
        }
        Model model = new Model(
                lesson,
                late,
                policy,
                revision,
                until == null ? null : DueDates.endOfDay(until, ZoneOffset.UTC),
                DueDates.endOfDay(dueDay, ZoneOffset.UTC));
        List<KeyClaim> key = keyOf(lesson.id());
        String text;
        try (var s = SignedIn.as(users, student.username())) {
            text = submissions.open(lesson.id()).orElseThrow().text();
        }
        // That first opening made attempt 1: the model starts from it.
        model.opened = true;
        model.attempts.add(new Attempt(attemptIds(lesson.id(), studentId).getFirst(), 1));
        model.page = model.attempts.getFirst();
        Sequence run = new Sequence(sequence, random, model, key, text, student.username(), studentId);
        assertThat(run.reasons).as("the key's reasons to watch for").isNotEmpty();
        Duration moved = Duration.ZERO;
        List<Violation> violations = new ArrayList<>();
        try (var s = SignedIn.as(users, student.username())) {
            for (int step = 0; step < STEPS; step++) {
                Action action = Action.draw(random);
                if (MARKING.contains(action) && Objects.requireNonNull(model.page).submitted && random.nextBoolean()) {
                    // A student whose page shows submitted work mostly looks for a revision or the
                    // latest round rather than marking on; the other half still tries to mark.
                    action = random.nextBoolean() ? Action.START_REVISION : Action.OPEN;
                }
                steps++;
                try {
                    moved = moved.plus(run.take(action));
                    run.check();
                } catch (AssertionError | RuntimeException e) {
                    // The model no longer says what the database holds: stop this sequence, go on
                    // with the others, and report where it broke.
                    violations.add(new Violation(sequence, step, action.name(), String.valueOf(e.getMessage())));
                    System.out.println("Action sequences: VIOLATION in sequence " + sequence + " at step " + step + " ("
                            + action + "): " + e);
                    steps += STEPS - step - 1;
                    break;
                }
            }
        } finally {
            MovableClockConfiguration.CLOCK.advance(moved.negated());
        }
        return violations;
    }

    private static Instant now() {
        return MovableClockConfiguration.CLOCK.instant();
    }

    private void count(String what) {
        tally.merge(what, 1, Integer::sum);
    }

    /** A refusal must be a sentence a student or teacher reads: capital first, full stop last. */
    private void refused(String message) {
        refusals++;
        assertThat(message).as("a refusal's words").isNotBlank();
        assertThat(Character.isUpperCase(message.charAt(0)))
                .as("\"%s\" starts a sentence", message)
                .isTrue();
        assertThat(message).as("\"%s\" ends a sentence", message).endsWith(".");
        assertThat(message)
                .as("\"%s\" is no technical message", message)
                .doesNotContain("Exception", "null", "SQL", "org.");
    }

    /** One sequence: the model, the student's browser, and each action with its predicted answer. */
    final class Sequence {
        final int number;
        final Random random;
        final Model model;
        final List<KeyClaim> key;
        final String text;
        final int[] words;
        final String student;
        final UUID studentId;
        final Set<String> reasons;

        Sequence(
                int number,
                Random random,
                Model model,
                List<KeyClaim> key,
                String text,
                String student,
                UUID studentId) {
            this.number = number;
            this.random = random;
            this.model = model;
            this.key = key;
            this.text = text;
            this.words = Tokens.words(text);
            this.student = student;
            this.studentId = studentId;
            // The canary: a key claim's reason is the key's own prose; it must not reach the student
            // before the key is released (reasons the article itself contains would prove nothing).
            this.reasons = key.stream()
                    .map(KeyClaim::why)
                    .filter(why -> why.length() >= 30 && !text.contains(why))
                    .collect(Collectors.toSet());
        }

        /** Takes one action; returns how far it moved the clock. */
        Duration take(Action action) {
            Attempt page = Objects.requireNonNull(model.page);
            Map<UUID, BrowserMark> browser = model.browserOf(page);
            List<UUID> drawn = browser.entrySet().stream()
                    .filter(e -> e.getValue().last != null && !e.getValue().last.deleted())
                    .map(Map.Entry::getKey)
                    .toList();
            switch (action) {
                case OPEN -> open();
                case NEW_MARK -> save(page, newMark(markId(), 1));
                case CHANGE_MARK -> {
                    if (drawn.isEmpty()) {
                        save(page, newMark(markId(), 1));
                    } else {
                        UUID id = drawn.get(random.nextInt(drawn.size()));
                        save(page, newMark(id, browser.get(id).seq + 1));
                    }
                }
                case DELETE_MARK -> {
                    if (drawn.isEmpty()) {
                        save(page, newMark(markId(), 1));
                    } else {
                        UUID id = drawn.get(random.nextInt(drawn.size()));
                        BrowserMark mark = browser.get(id);
                        MarkState last = Objects.requireNonNull(mark.last);
                        save(
                                page,
                                new MarkState(
                                        id,
                                        mark.seq + 1,
                                        last.start(),
                                        last.end(),
                                        last.exact(),
                                        "",
                                        "",
                                        last.type(),
                                        true));
                    }
                }
                case RESEND_OLD -> {
                    List<MarkState> sent = browser.values().stream()
                            .flatMap(m -> m.sent.stream())
                            .toList();
                    if (sent.isEmpty()) {
                        save(page, newMark(markId(), 1));
                    } else {
                        // A reconnect resends a save the server has already answered.
                        save(page, sent.get(random.nextInt(sent.size())));
                    }
                }
                case OUT_OF_ORDER -> {
                    // Two changes of one mark made quickly, their saves arriving newest first.
                    UUID id = drawn.isEmpty() || random.nextInt(3) == 0
                            ? markId()
                            : drawn.get(random.nextInt(drawn.size()));
                    int seq = browser.containsKey(id) ? browser.get(id).seq : 0;
                    MarkState older = newMark(id, seq + 1);
                    MarkState newer = random.nextInt(3) == 0
                            ? new MarkState(
                                    id, seq + 2, older.start(), older.end(), older.exact(), "", "", older.type(), true)
                            : newMark(id, seq + 2);
                    save(page, newer);
                    save(page, older);
                }
                case DELETE_UNSAVED -> {
                    // Made and deleted while offline: only the delete reaches the server.
                    MarkState made = newMark(markId(), 1);
                    save(
                            page,
                            new MarkState(
                                    made.markId(),
                                    2,
                                    made.start(),
                                    made.end(),
                                    made.exact(),
                                    "",
                                    "",
                                    made.type(),
                                    true));
                }
                case BAD_INPUT -> badInput(page);
                case REFRESH -> {
                    List<SavedMark> marks = submissions.marks(page.id);
                    assertThat(marks)
                            .as("a tab back in the foreground")
                            .containsExactlyInAnyOrderElementsOf(saved(page));
                    count("refresh");
                }
                case SUBMIT -> submit(random.nextInt(5) == 0 ? model.attempts.getFirst() : page);
                case START_REVISION -> startRevision();
                case CLOCK -> {
                    return moveClock();
                }
                case DUE_OVERRIDE -> dueOverride();
                case REOPEN -> reopen();
                case RELEASE_FEEDBACK -> {
                    try (var t = SignedIn.as(users, teacher)) {
                        grading.releaseFeedback(model.lesson.id());
                    }
                    if (model.releasedAt == null) {
                        model.releasedAt = now();
                    }
                    count("release");
                }
            }
            return Duration.ZERO;
        }

        /** A browser-made mark id, drawn from the seed so that a replay makes the same ones. */
        UUID markId() {
            return new UUID(random.nextLong(), random.nextLong());
        }

        /** A mark's full state over words of the text: often a key claim's span, else a few words. */
        MarkState newMark(UUID id, int seq) {
            int start;
            int end;
            if (random.nextInt(5) < 2 && !key.isEmpty()) {
                KeyClaim claim = key.get(random.nextInt(key.size()));
                start = claim.start();
                end = claim.end();
            } else {
                int count = words.length / 2;
                int first = random.nextInt(count);
                int last = Math.min(count - 1, first + random.nextInt(12));
                start = words[2 * first];
                end = words[2 * last + 1];
            }
            ClaimType type = ClaimType.values()[random.nextInt(ClaimType.values().length)];
            return new MarkState(id, seq, start, end, text.substring(start, end), "", "", type.code(), false);
        }

        void open() {
            MarkingSession session = submissions.open(model.lesson.id()).orElseThrow();
            Attempt current = Objects.requireNonNull(model.latest());
            assertThat(session.attemptId()).as("opening shows the latest round").isEqualTo(current.id);
            assertThat(session.attemptNumber()).isEqualTo(current.number);
            assertThat(session.submittedAt() != null)
                    .as("the page says submitted")
                    .isEqualTo(current.submitted);
            assertThat(session.marks()).containsExactlyInAnyOrderElementsOf(saved(current));
            model.page = current;
            Map<UUID, BrowserMark> browser = model.browserOf(current);
            for (SavedMark m : session.marks()) {
                BrowserMark known = browser.computeIfAbsent(UUID.fromString(m.markId()), id -> new BrowserMark());
                known.seq = Math.max(known.seq, m.seq());
                if (known.last == null || known.last.seq() < m.seq() || known.last.deleted()) {
                    known.last = new MarkState(
                            UUID.fromString(m.markId()),
                            m.seq(),
                            m.start(),
                            m.end(),
                            m.exact(),
                            "",
                            "",
                            m.type(),
                            false);
                }
            }
            count("open");
        }

        List<SavedMark> saved(Attempt attempt) {
            return attempt.live().entrySet().stream()
                    .map(e -> new SavedMark(
                            e.getKey().toString(),
                            e.getValue().seq(),
                            e.getValue().start(),
                            e.getValue().end(),
                            text.substring(e.getValue().start(), e.getValue().end()),
                            e.getValue().type()))
                    .toList();
        }

        /** Why a save or submit to this attempt must be refused now, whatever it carries; or null. */
        @Nullable
        String closed(Attempt attempt) {
            if (attempt.submitted) {
                return "submitted";
            }
            if (attempt.number < model.round()) {
                return "earlier round";
            }
            if (!model.acceptsWork(now(), attempt.number)) {
                return "past due";
            }
            return null;
        }

        void save(Attempt attempt, MarkState state) {
            UUID id = Objects.requireNonNull(state.markId());
            BrowserMark mark = model.browserOf(attempt).computeIfAbsent(id, x -> new BrowserMark());
            SaveResult result = submissions.saveMark(attempt.id, state);
            mark.seq = Math.max(mark.seq, state.seq());
            if (mark.last == null || mark.last.seq() < state.seq()) {
                mark.last = state;
            }
            mark.sent.add(state);
            Row stored = attempt.rows.get(id);
            String closed = closed(attempt);
            if (closed != null) {
                assertThat(result.status())
                        .as("a save to an attempt that is %s", closed)
                        .isEqualTo(SaveStatus.REJECTED);
                if (closed.equals("past due")) {
                    assertThat(result.message()).isEqualTo("The due date has passed and late work is not accepted.");
                }
                refused(result.message());
                count("save:rejected");
            } else if (stored != null && stored.seq() >= state.seq()) {
                assertThat(result.status())
                        .as("a save with seq %d after seq %d", state.seq(), stored.seq())
                        .isEqualTo(SaveStatus.STALE);
                assertThat(result.seq())
                        .as("a stale answer names the stored seq")
                        .isEqualTo(stored.seq());
                assertThat(result.message()).isEmpty();
                count("save:stale");
            } else {
                assertThat(result.status())
                        .as("a save with seq %d", state.seq())
                        .isEqualTo(SaveStatus.SAVED);
                assertThat(result.seq()).isEqualTo(state.seq());
                assertThat(result.message()).isEmpty();
                if (stored != null || !state.deleted()) {
                    attempt.rows.put(
                            id, new Row(state.seq(), state.start(), state.end(), state.type(), state.deleted()));
                }
                count(state.deleted() ? "save:deleted" : "save:ok");
            }
        }

        void badInput(Attempt attempt) {
            MarkState good = newMark(markId(), 1);
            List<Map.Entry<String, MarkState>> broken = new ArrayList<>();
            broken.add(Map.entry("unknown type", withType(good, "rumour")));
            broken.add(Map.entry(
                    "outside the text",
                    new MarkState(
                            good.markId(),
                            1,
                            text.length() + 3,
                            text.length() + 9,
                            "words",
                            "",
                            "",
                            good.type(),
                            false)));
            broken.add(Map.entry(
                    "nothing selected",
                    new MarkState(good.markId(), 1, good.start(), good.end(), "", "", "", good.type(), false)));
            broken.add(Map.entry(
                    "seq zero",
                    new MarkState(
                            good.markId(), 0, good.start(), good.end(), good.exact(), "", "", good.type(), false)));
            broken.add(Map.entry(
                    "words not in the article",
                    new MarkState(
                            good.markId(),
                            1,
                            good.start(),
                            good.end(),
                            "zzqx not in the Frisky article",
                            "",
                            "",
                            good.type(),
                            false)));
            List<UUID> stored = new ArrayList<>(attempt.live().keySet());
            if (!stored.isEmpty()) {
                UUID id = stored.get(random.nextInt(stored.size()));
                int seq = attempt.rows.get(id).seq() + 5;
                broken.add(Map.entry("a stored mark with an unknown type", withType(newMark(id, seq), "FACTUAL!")));
            }
            var chosen = broken.get(random.nextInt(broken.size()));
            SaveResult result = submissions.saveMark(attempt.id, chosen.getValue());
            assertThat(result.status()).as("bad input: %s", chosen.getKey()).isEqualTo(SaveStatus.REJECTED);
            refused(result.message());
            count("save:rejected");
        }

        MarkState withType(MarkState m, String type) {
            return new MarkState(m.markId(), m.seq(), m.start(), m.end(), m.exact(), "", "", type, m.deleted());
        }

        void submit(Attempt attempt) {
            boolean refuse = closed(attempt) != null;
            try {
                submissions.submit(attempt.id);
                assertThat(refuse)
                        .as(
                                "submitting attempt %d (submitted %s, %s)",
                                attempt.number, attempt.submitted, closed(attempt))
                        .isFalse();
                attempt.submitted = true;
                attempt.scoreRows++;
                attempt.submittedWith = Map.copyOf(attempt.rows);
                count("submit:ok");
            } catch (UserFacingException e) {
                assertThat(refuse)
                        .as("submitting attempt %d was refused: %s", attempt.number, e.getMessage())
                        .isTrue();
                refused(e.getMessage());
                count("submit:refused");
            }
        }

        void startRevision() {
            Attempt first = model.attempts.getFirst();
            boolean ok = model.revisionOpen(now()) && model.round() == 1 && first.submitted;
            try {
                feedback.startRevision(model.lesson.id());
                assertThat(ok).as("starting a revision").isTrue();
                Attempt second =
                        new Attempt(attemptIds(model.lesson.id(), studentId).getLast(), 2);
                // Attempt 2 starts from attempt 1's live marks, each at seq 1.
                first.live()
                        .forEach((id, row) ->
                                second.rows.put(id, new Row(1, row.start(), row.end(), row.type(), false)));
                model.attempts.add(second);
                count("revision:ok");
            } catch (UserFacingException e) {
                assertThat(ok)
                        .as("starting a revision was refused: %s", e.getMessage())
                        .isFalse();
                refused(e.getMessage());
                count("revision:refused");
            }
        }

        Duration moveClock() {
            Instant now = now();
            List<Duration> choices =
                    new ArrayList<>(List.of(Duration.ofHours(1), Duration.ofHours(7), Duration.ofDays(1)));
            if (now.isBefore(model.due)) {
                choices.add(Duration.between(now, model.due).plusSeconds(1));
                choices.add(Duration.between(now, model.due).minusMinutes(1));
            }
            if (model.revisionUntil != null && now.isBefore(model.revisionUntil)) {
                choices.add(Duration.between(now, model.revisionUntil).plusSeconds(1));
            }
            Duration by = choices.get(random.nextInt(choices.size()));
            if (by.isNegative() || by.isZero()) {
                by = Duration.ofMinutes(1);
            }
            MovableClockConfiguration.CLOCK.advance(by);
            count("clock");
            return by;
        }

        void dueOverride() {
            LocalDate today = LocalDate.ofInstant(now(), ZoneOffset.UTC);
            LocalDate day = today.plusDays(random.nextInt(5) - 1);
            // A day before today (in the class's zone, UTC here) is refused and changes nothing.
            boolean ok = !day.isBefore(today);
            try (var t = SignedIn.as(users, teacher)) {
                assignments.setDueDateFor(model.lesson.id(), studentId, day, "Extra time");
                assertThat(ok).as("a due date of %s accepted on %s", day, today).isTrue();
                model.due = DueDates.endOfDay(day, ZoneOffset.UTC);
                count("due-override:ok");
            } catch (UserFacingException e) {
                assertThat(ok)
                        .as("a due date of %s refused: %s", day, e.getMessage())
                        .isFalse();
                refused(e.getMessage());
                count("due-override:refused");
            }
        }

        void reopen() {
            Attempt attempt = model.attempts.get(random.nextInt(model.attempts.size()));
            boolean ok = attempt.submitted && attempt == model.latest();
            try (var t = SignedIn.as(users, teacher)) {
                grading.reopen(attempt.id);
                assertThat(ok).as("reopening attempt %d", attempt.number).isTrue();
                attempt.submitted = false;
                attempt.submittedWith = Map.of();
                count("reopen:ok");
            } catch (UserFacingException e) {
                assertThat(ok)
                        .as("reopening attempt %d was refused: %s", attempt.number, e.getMessage())
                        .isFalse();
                refused(e.getMessage());
                count("reopen:refused");
            }
        }

        /** Every invariant, against the database and the student's own feedback. */
        void check() {
            UUID lesson = model.lesson.id();
            List<UUID> submissionIds = jdbc.sql(
                            "SELECT id FROM submission WHERE assignment_id = :a AND student_id = :s")
                    .param("a", lesson)
                    .param("s", studentId)
                    .query(UUID.class)
                    .list();
            assertThat(submissionIds).as("one submission per student").hasSize(model.opened ? 1 : 0);
            record StoredAttempt(UUID id, int step, int number, boolean submitted) {}
            List<StoredAttempt> stored = jdbc.sql("""
                            SELECT t.id, t.step, t.number, t.submitted_at IS NOT NULL AS submitted
                              FROM attempt t JOIN submission s ON s.id = t.submission_id
                             WHERE s.assignment_id = :a AND s.student_id = :s ORDER BY t.number
                            """)
                    .param("a", lesson)
                    .param("s", studentId)
                    .query((rs, n) -> new StoredAttempt(
                            rs.getObject("id", UUID.class),
                            rs.getInt("step"),
                            rs.getInt("number"),
                            rs.getBoolean("submitted")))
                    .list();
            assertThat(stored)
                    .as("the attempts, one per step and round")
                    .containsExactlyElementsOf(model.attempts.stream()
                            .map(a -> new StoredAttempt(a.id, 0, a.number, a.submitted))
                            .toList());
            for (Attempt attempt : model.attempts) {
                Map<UUID, Row> rows = rowsOf(attempt.id);
                assertThat(rows)
                        .as("the mark rows of attempt %d", attempt.number)
                        .isEqualTo(attempt.rows);
                if (attempt.submitted) {
                    assertThat(rows)
                            .as("attempt %d is submitted: its marks are those it was submitted with", attempt.number)
                            .isEqualTo(attempt.submittedWith);
                }
                checkScores(attempt);
            }
            checkFeedback();
        }

        Map<UUID, Row> rowsOf(UUID attemptId) {
            Map<UUID, Row> rows = new TreeMap<>();
            record Stored(UUID id, Row row) {}
            jdbc.sql("""
                            SELECT mark_id, seq, start_offset, end_offset, claim_type, deleted
                              FROM mark WHERE attempt_id = :a
                            """)
                    .param("a", attemptId)
                    .query((rs, n) -> new Stored(
                            rs.getObject("mark_id", UUID.class),
                            new Row(
                                    rs.getInt("seq"),
                                    rs.getInt("start_offset"),
                                    rs.getInt("end_offset"),
                                    rs.getString("claim_type"),
                                    rs.getBoolean("deleted"))))
                    .list()
                    .forEach(s -> rows.put(s.id(), s.row()));
            return rows;
        }

        void checkScores(Attempt attempt) {
            record ScoreRow(
                    double computed,
                    double score,
                    boolean overridden,
                    double threshold,
                    int found,
                    int mislabelled,
                    int missed,
                    int extra,
                    String cause) {}
            List<ScoreRow> rows = jdbc.sql("""
                            SELECT computed, score, overridden, threshold, found, mislabelled, missed, extra, cause
                              FROM score WHERE attempt_id = :a ORDER BY position
                            """)
                    .param("a", attempt.id)
                    .query((rs, n) -> new ScoreRow(
                            rs.getDouble("computed"),
                            rs.getDouble("score"),
                            rs.getBoolean("overridden"),
                            rs.getDouble("threshold"),
                            rs.getInt("found"),
                            rs.getInt("mislabelled"),
                            rs.getInt("missed"),
                            rs.getInt("extra"),
                            rs.getString("cause")))
                    .list();
            assertThat(rows)
                    .as("score rows of attempt %d: one per submit", attempt.number)
                    .hasSize(attempt.scoreRows);
            assertThat(rows).allSatisfy(r -> {
                assertThat(r.cause()).isEqualTo("submitted");
                assertThat(r.overridden()).isFalse();
                assertThat(r.score()).isEqualTo(r.computed());
            });
            if (!attempt.submitted || rows.isEmpty()) {
                return;
            }
            ScoreRow latest = rows.getLast();
            List<Scoring.Mark> marks = attempt.live().entrySet().stream()
                    .map(e -> new Scoring.Mark(
                            e.getKey().toString(),
                            e.getValue().start(),
                            e.getValue().end(),
                            ClaimType.fromCode(e.getValue().type()).orElseThrow()))
                    .toList();
            Scoring.Result result = Scoring.score(
                    words,
                    key.stream()
                            .map(c -> new Scoring.KeyClaim(c.id(), c.start(), c.end(), c.types(), c.worthiness()))
                            .toList(),
                    marks,
                    latest.threshold());
            assertThat(latest.computed())
                    .as("attempt %d's score is the pure scorer's for its stored marks", attempt.number)
                    .isEqualTo(result.score());
            assertThat(List.of(latest.found(), latest.mislabelled(), latest.missed(), latest.extra()))
                    .as("attempt %d's counts", attempt.number)
                    .isEqualTo(List.of(
                            result.matches().size() - result.mislabelled().size(),
                            result.mislabelled().size(),
                            key.size() - result.matches().size(),
                            result.extraMarks().size()));
        }

        /** The student's feedback is in the one state the policy and DD006 allow, and leaks no reason. */
        void checkFeedback() {
            Instant now = now();
            StudentFeedback seen = feedback.feedback(model.lesson.id()).orElseThrow();
            Attempt first = model.attempts.getFirst();
            boolean firstRoundDone = first.submitted;
            List<Integer> submitted = firstRoundDone
                    ? model.attempts.stream()
                            .filter(a -> a.submitted)
                            .map(a -> a.number)
                            .toList()
                    : List.of();
            Attempt second = model.number(2);
            boolean secondDone = second != null && second.submitted;
            int round = model.round();
            boolean released = !submitted.isEmpty() && model.policy.releases(now, model.due, model.releasedAt);
            boolean revisionPossible = firstRoundDone
                    && (round == 1
                            ? model.revisionOpen(now)
                            : !secondDone && (model.revisionOpen(now) || model.acceptsWork(now)));
            assertThat(seen.canRevise())
                    .as("can revise")
                    .isEqualTo(round == 1 && firstRoundDone && model.revisionOpen(now));
            assertThat(seen.revisionInProgress()).as("revision in progress").isEqualTo(round > 1 && !secondDone);
            String state = !released ? "waiting" : revisionPossible ? "hints" : "released";
            String shown = seen.released() ? "released" : seen.hints() != null ? "hints" : "waiting";
            assertThat(shown)
                    .as("feedback state (policy %s, submitted %s, round %d)", model.policy, submitted, round)
                    .isEqualTo(state);
            // The progress page counts a lesson (its scores and claim types) only when its review is shown.
            assertThat(studentWork.progress().lessons().stream()
                            .map(StudentProgress.Lesson::assignmentId)
                            .toList())
                    .as("the progress page in the %s state", state)
                    .isEqualTo(state.equals("released") ? List.of(model.lesson.id()) : List.of());
            if (state.equals("released")) {
                assertThat(seen.attempts().stream().map(AttemptReview::number).toList())
                        .as("the released attempts")
                        .isEqualTo(submitted);
                count("feedback:released");
            } else {
                assertThat(seen.attempts())
                        .as("no review before the key is released")
                        .isEmpty();
                String all = seen.toString();
                for (String why : reasons) {
                    assertThat(all)
                            .as("a key claim's reason reached the student in the %s state", state)
                            .doesNotContain(why);
                }
                count("feedback:" + state);
            }
        }
    }

    private List<KeyClaim> keyOf(UUID assignmentId) {
        return jdbc.sql("""
                        SELECT c.claim_id, c.start_offset, c.end_offset, c.types, c.worthiness, c.why
                          FROM key_claim c JOIN lesson_step s ON s.key_version_id = c.key_version_id
                         WHERE s.assignment_id = :a AND s.position = 0
                         ORDER BY c.start_offset, c.end_offset, c.claim_id
                        """)
                .param("a", assignmentId)
                .query((rs, n) -> new KeyClaim(
                        rs.getString("claim_id"),
                        rs.getInt("start_offset"),
                        rs.getInt("end_offset"),
                        types(rs.getArray("types")),
                        rs.getInt("worthiness"),
                        rs.getString("why")))
                .list();
    }

    private static Set<ClaimType> types(Array array) throws SQLException {
        Set<ClaimType> types = new HashSet<>();
        for (Object code : (Object[]) array.getArray()) {
            types.add(ClaimType.fromCode((String) code).orElseThrow());
        }
        return types;
    }

    private List<UUID> attemptIds(UUID assignmentId, UUID studentId) {
        return jdbc.sql("""
                        SELECT t.id FROM attempt t JOIN submission s ON s.id = t.submission_id
                         WHERE s.assignment_id = :a AND s.student_id = :s ORDER BY t.number
                        """)
                .param("a", assignmentId)
                .param("s", studentId)
                .query(UUID.class)
                .list();
    }
}
