package org.lateral.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;
import org.lateral.base.AnchoredSpan;
import org.lateral.base.text.Tokens;
import org.lateral.library.ClaimType;
import org.lateral.submission.scoring.Scoring;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Fills a database with a made-up district for the dashboard benchmark (issue 15, "Performance"):
 * schools, their admin and teachers, classes of 25 to 35 students, five mark-claims assignments
 * per class on the seed pack's articles, and the students' submissions, attempts (some revised),
 * marks and score rows. Written with COPY, one school per transaction, never through the services
 * one by one: a million marks take minutes, not an hour.
 *
 * <p>Everything comes from a fixed seed, and each class from its own seed (the seed and the
 * class's place), so a class is the same rows in every size: the small variant's classes are the
 * first classes of the large one, which is what makes the memory comparison fair. Account, class,
 * assignment and work ids are derived from the same seeds. Each school gets its own copy of the
 * library that the application's seed-pack loader put in the default school at start-up (the
 * pack's rows carry fixed ids, so it cannot be imported twice): outlets, the story set, articles
 * with their versions, answer keys with their versions and key claims and sources, under new ids
 * derived from the old id and the school.
 *
 * <p>Marks look like students' work: for each key claim a student finds (a per-student skill
 * between 35% and 95%), a span on the claim snapped to words, its ends moved by up to two words
 * half of the time, typed with one of the types the key accepts four times out of five; plus one
 * to five marks elsewhere, some of them on three spans per article that many students mark
 * although the key lacks them. A few marks are deleted (tombstones). A revision keeps the first
 * attempt's marks and finds more. Score rows are what {@link Scoring} gives for the live marks.
 */
public final class DashboardData {

    /** How big a district: schools × teachers per school × classes per teacher. */
    public record Size(String name, int schools, int teachersPerSchool, int classesPerTeacher) {

        /** About 1.2 million marks (300 classes of about 4,000 marks each). */
        public static final Size LARGE = new Size("1m", 6, 10, 5);

        /** About 12,000 marks: the first three classes of {@link #LARGE}. */
        public static final Size SMALL = new Size("10k", 1, 1, 3);

        public static Size of(String name) {
            return switch (name) {
                case "1m" -> LARGE;
                case "10k" -> SMALL;
                default -> throw new IllegalArgumentException("Unknown size " + name + " (1m or 10k)");
            };
        }
    }

    /** What was written, for the log and the generator's test. */
    public record Counts(
            int schools,
            int classes,
            int students,
            int assignments,
            int submissions,
            int attempts,
            long marks,
            int scores) {}

    public static final long SEED = 20261201L;

    static final int ASSIGNMENTS_PER_CLASS = 5;

    /** The password of every generated teacher and admin (students have none). */
    public static final String STAFF_PASSWORD = "bench-staff-password";

    /** The teacher of the large class ({@link #generateLargeClass}). */
    public static final String LARGE_CLASS_TEACHER = "b1big";

    /** The name of the large class. */
    public static final String LARGE_CLASS = "Class 1-big";

    /** The first benchmark day: assignments open a week apart from here, all due before the run. */
    static final Instant TERM = Instant.parse("2026-09-07T07:00:00Z");

    private static final String[] TYPES =
            EnumSet.allOf(ClaimType.class).stream().map(ClaimType::code).toArray(String[]::new);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final String passwordHash;

    public DashboardData(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        // Teachers and admins need a credential row to be signed in by the benchmarks: through the
        // app's own user lookup, or through the sign-in form (TeacherViewBenchmark). The password
        // is published: the data is made up and the benchmark's server listens on loopback only.
        this.passwordHash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(STAFF_PASSWORD);
    }

    /** Whether this database already holds a generated district. */
    public boolean generated() {
        return jdbc.sql("SELECT count(*) FROM account WHERE username = 'b1admin'")
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public Counts generate(Size size) throws IOException, SQLException {
        Counter counter = new Counter();
        for (int s = 1; s <= size.schools(); s++) {
            long started = System.nanoTime();
            School school = school(s);
            Tables tables = new Tables();
            writeSchool(size, school, tables, counter);
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                tables.copy(c.unwrap(PGConnection.class).getCopyAPI());
                c.commit();
            }
            System.out.printf(
                    "  school %d of %d: %,d marks so far (%d ms)%n",
                    s, size.schools(), counter.marks, (System.nanoTime() - started) / 1_000_000);
        }
        // The planner needs statistics of the new rows; autovacuum would gather them within a
        // minute or so, but the benchmark must not measure plans made for empty tables.
        jdbc.sql("ANALYZE").update();
        return new Counts(
                size.schools(),
                counter.classes,
                counter.students,
                counter.assignments,
                counter.submissions,
                counter.attempts,
                counter.marks,
                counter.scores);
    }

    /** Whether this database already holds the large class. */
    public boolean largeClassGenerated() {
        return jdbc.sql("SELECT count(*) FROM account WHERE username = :u")
                        .param("u", LARGE_CLASS_TEACHER)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /**
     * Adds one class of {@code students} students to school 1 (already generated), taught by
     * {@value #LARGE_CLASS_TEACHER}, with the same five assignments and the same kind of work as
     * every other class: the worst case for the teacher's views of one class (the results page, the
     * assignment dashboard), as the load harness's demo class of 1,000 is. Its own seed, so the
     * other classes stay the same rows.
     */
    public Counts generateLargeClass(int students) throws IOException, SQLException {
        Counter counter = new Counter();
        School school = loadSchool(1);
        Tables t = new Tables();
        Instant created = TERM.minus(Duration.ofDays(20));
        UUID teacher = uuid("teacher", LARGE_CLASS_TEACHER);
        account(t, teacher, school, LARGE_CLASS_TEACHER, "Teacher of the large class", created);
        t.role.row(teacher, "TEACHER");
        t.credential.row(uuid("credential", LARGE_CLASS_TEACHER), teacher, "password", passwordHash, created, created);
        writeClass(new SplittableRandom(SEED * 7 + students), school, teacher, "1-big", students, t, counter);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            t.copy(c.unwrap(PGConnection.class).getCopyAPI());
            c.commit();
        }
        jdbc.sql("ANALYZE").update();
        return new Counts(
                0,
                counter.classes,
                counter.students,
                counter.assignments,
                counter.submissions,
                counter.attempts,
                counter.marks,
                counter.scores);
    }

    private static final class Counter {
        int classes;
        int students;
        int assignments;
        int submissions;
        int attempts;
        long marks;
        int scores;
    }

    /** One school's row, its library (the seed pack) and the articles with their keys. */
    private record School(int number, UUID id, List<Article> articles) {}

    private record Article(
            UUID articleId,
            UUID versionId,
            UUID keyVersionId,
            String text,
            int[] words,
            List<Scoring.KeyClaim> key,
            int[][] popular) {}

    private School school(int number) {
        UUID id = uuid("school", number);
        jdbc.sql("INSERT INTO school (id, name, created_at) VALUES (:id, :name, :at)")
                .param("id", id)
                .param("name", "Benchmark school " + number)
                .param("at", java.sql.Timestamp.from(TERM.minus(Duration.ofDays(30))))
                .update();
        copyLibrary(id);
        return loadSchool(number);
    }

    /** A school already written, with its copy of the library's articles and keys. */
    private School loadSchool(int number) {
        UUID id = uuid("school", number);
        List<Article> articles = new ArrayList<>();
        List<Object[]> rows = jdbc.sql("""
                SELECT a.id, v.id, k.current_version_id, v.canonical_text
                  FROM article a
                  JOIN article_version v ON v.id = a.current_version_id
                  JOIN answer_key k ON k.article_id = a.id
                 WHERE a.school_id = :s AND a.story_set_id IS NOT NULL AND k.current_version_id IS NOT NULL
                 ORDER BY a.story_position
                """)
                .param("s", id)
                .query((rs, n) -> new Object[] {
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getObject(3, UUID.class),
                    rs.getString(4)
                })
                .list();
        for (int i = 0; i < rows.size(); i++) {
            Object[] r = rows.get(i);
            UUID keyVersion = (UUID) r[2];
            String text = (String) r[3];
            List<Scoring.KeyClaim> key = jdbc.sql("""
                    SELECT claim_id, start_offset, end_offset, types, worthiness FROM key_claim
                     WHERE key_version_id = :k ORDER BY position
                    """)
                    .param("k", keyVersion)
                    .query((rs, n) -> {
                        Set<ClaimType> types = EnumSet.noneOf(ClaimType.class);
                        for (Object t : (Object[]) rs.getArray("types").getArray()) {
                            types.add(ClaimType.fromCode((String) t).orElseThrow());
                        }
                        return new Scoring.KeyClaim(
                                rs.getString("claim_id"),
                                rs.getInt("start_offset"),
                                rs.getInt("end_offset"),
                                types,
                                rs.getInt("worthiness"));
                    })
                    .list();
            int[] words = Tokens.words(text);
            // Three spans per article that many students mark although the key lacks them.
            SplittableRandom r0 = new SplittableRandom(SEED + i);
            int[][] popular = new int[3][];
            for (int p = 0; p < popular.length; p++) {
                int from = r0.nextInt(words.length / 2 - 12);
                popular[p] = new int[] {from, from + 3 + r0.nextInt(8)};
            }
            articles.add(new Article((UUID) r[0], (UUID) r[1], keyVersion, text, words, key, popular));
        }
        if (articles.size() < ASSIGNMENTS_PER_CLASS) {
            throw new IllegalStateException("The seed pack has fewer than five articles with a key");
        }
        return new School(number, id, articles);
    }

    /**
     * Copies the default school's library (the seed pack) into a school: each row as it is, with
     * its id (and the ids it points at) mapped to md5(old id, school) and the school's id. Owners
     * and outlet profile versions are left out: the dashboards read neither.
     */
    private void copyLibrary(UUID school) {
        String s = school.toString();
        String map = "md5(%s::text || '" + s + "')::uuid";
        copy(
                "outlet",
                "o",
                "o.school_id = '%s'",
                Map.of(
                        "id",
                        map.formatted("o.id"),
                        "school_id",
                        "'" + s + "'::uuid",
                        "owner_id",
                        "null",
                        "current_version_id",
                        "null"));
        copy(
                "story_set",
                "o",
                "o.school_id = '%s'",
                Map.of("id", map.formatted("o.id"), "school_id", "'" + s + "'::uuid", "owner_id", "null"));
        copy(
                "article",
                "o",
                "o.school_id = '%s'",
                Map.of(
                        "id",
                        map.formatted("o.id"),
                        "school_id",
                        "'" + s + "'::uuid",
                        "owner_id",
                        "null",
                        "current_version_id",
                        "null",
                        "outlet_id",
                        map.formatted("o.outlet_id"),
                        "story_set_id",
                        "CASE WHEN o.story_set_id IS NULL THEN NULL ELSE " + map.formatted("o.story_set_id") + " END"));
        copy(
                "article_version",
                "o",
                "o.article_id IN (SELECT id FROM article WHERE school_id = '%s')",
                Map.of("id", map.formatted("o.id"), "article_id", map.formatted("o.article_id")));
        jdbc.sql("UPDATE article n SET current_version_id = " + map.formatted("o.current_version_id")
                        + " FROM article o WHERE o.school_id = '" + DEFAULT_SCHOOL + "' AND n.id = "
                        + map.formatted("o.id"))
                .update();
        copy(
                "answer_key",
                "o",
                "o.school_id = '%s'",
                Map.of(
                        "id",
                        map.formatted("o.id"),
                        "school_id",
                        "'" + s + "'::uuid",
                        "owner_id",
                        "null",
                        "current_version_id",
                        "null",
                        "article_id",
                        map.formatted("o.article_id")));
        String keyVersions =
                "o.key_version_id IN (SELECT v.id FROM answer_key_version v JOIN answer_key k ON k.id = v.key_id"
                        + " WHERE k.school_id = '%s')";
        copy(
                "answer_key_version",
                "o",
                "o.key_id IN (SELECT id FROM answer_key WHERE school_id = '%s')",
                Map.of(
                        "id",
                        map.formatted("o.id"),
                        "key_id",
                        map.formatted("o.key_id"),
                        "article_version_id",
                        map.formatted("o.article_version_id")));
        jdbc.sql("UPDATE answer_key n SET current_version_id = " + map.formatted("o.current_version_id")
                        + " FROM answer_key o WHERE o.school_id = '" + DEFAULT_SCHOOL + "' AND n.id = "
                        + map.formatted("o.id"))
                .update();
        for (String table : List.of("key_claim", "key_source", "key_source_attribution", "key_claim_source")) {
            copy(table, "o", keyVersions, Map.of("key_version_id", map.formatted("o.key_version_id")));
        }
    }

    static final UUID DEFAULT_SCHOOL = UUID.fromString("00000000-0000-0000-0000-000000000001");

    /** INSERT ... SELECT of a table's rows of the default school, some columns replaced. */
    private void copy(String table, String alias, String where, Map<String, String> replaced) {
        StringBuilder overrides = new StringBuilder("jsonb_build_object(");
        String sep = "";
        for (Map.Entry<String, String> e : replaced.entrySet()) {
            overrides.append(sep).append('\'').append(e.getKey()).append("', ").append(e.getValue());
            sep = ", ";
        }
        overrides.append(')');
        jdbc.sql("INSERT INTO " + table + " SELECT (jsonb_populate_record(null::" + table + ", to_jsonb(" + alias
                        + ") || " + overrides + ")).* FROM " + table + " " + alias + " WHERE "
                        + where.formatted(DEFAULT_SCHOOL))
                .update();
    }

    private void writeSchool(Size size, School school, Tables t, Counter counter) {
        Instant created = TERM.minus(Duration.ofDays(20));
        UUID admin = uuid("admin", school.number());
        account(t, admin, school, "b" + school.number() + "admin", "Admin of school " + school.number(), created);
        t.role.row(admin, "ADMIN");
        t.credential.row(uuid("credential-admin", school.number()), admin, "password", passwordHash, created, created);
        for (int teacherNo = 1; teacherNo <= size.teachersPerSchool(); teacherNo++) {
            String teacherKey = school.number() + "-" + teacherNo;
            UUID teacher = uuid("teacher", teacherKey);
            account(
                    t,
                    teacher,
                    school,
                    "b" + school.number() + "t" + teacherNo,
                    "Teacher " + teacherNo + " of school " + school.number(),
                    created);
            t.role.row(teacher, "TEACHER");
            t.credential.row(uuid("credential", teacherKey), teacher, "password", passwordHash, created, created);
            for (int classNo = 1; classNo <= size.classesPerTeacher(); classNo++) {
                // The class's place in the largest district, so every size has the same first classes.
                long place = ((long) (school.number() - 1) * Size.LARGE.teachersPerSchool() + (teacherNo - 1))
                                * Size.LARGE.classesPerTeacher()
                        + (classNo - 1);
                writeClass(
                        new SplittableRandom(SEED * 1_000_003L + place),
                        school,
                        teacher,
                        teacherKey + "-" + classNo,
                        0,
                        t,
                        counter);
            }
        }
    }

    private void account(Tables t, UUID id, School school, String username, String name, Instant created) {
        t.account.row(id, school.id(), username, name, created);
    }

    /** One class with its students and their work; {@code fixedSize} 0 for the usual 25 to 35. */
    private void writeClass(
            SplittableRandom random,
            School school,
            UUID teacher,
            String key,
            int fixedSize,
            Tables t,
            Counter counter) {
        counter.classes++;
        UUID classId = uuid(random);
        Instant created = TERM.minus(Duration.ofDays(10));
        t.schoolClass.row(
                classId, school.id(), teacher, "Class " + key, "Media literacy", "2026/27", "Europe/Berlin", created);
        int size = fixedSize > 0 ? fixedSize : 25 + random.nextInt(11);
        List<UUID> students = new ArrayList<>();
        double[] skill = new double[size];
        for (int p = 1; p <= size; p++) {
            UUID student = uuid(random);
            students.add(student);
            skill[p - 1] = 0.35 + 0.6 * random.nextDouble();
            t.account.row(student, school.id(), "b" + key + "-" + p, "Student " + p + " of class " + key, created);
            t.role.row(student, "STUDENT");
            t.enrollment.row(uuid(random), school.id(), classId, student, created);
        }
        counter.students += size;
        for (int a = 0; a < ASSIGNMENTS_PER_CLASS; a++) {
            counter.assignments++;
            Article article = school.articles().get(a);
            UUID assignment = uuid(random);
            Instant open = TERM.plus(Duration.ofDays(7L * a));
            Instant due = open.plus(Duration.ofDays(7));
            t.assignment.row(
                    assignment,
                    school.id(),
                    classId,
                    "mark-claims",
                    "Mark the claims: article " + (a + 1),
                    open,
                    due,
                    true,
                    "after-submit",
                    true,
                    teacher,
                    open.minus(Duration.ofDays(1)));
            t.step.row(
                    assignment,
                    school.id(),
                    0,
                    "mark-claims",
                    article.articleId(),
                    article.versionId(),
                    article.keyVersionId());
            for (int p = 0; p < size; p++) {
                if (random.nextDouble() < 0.08) {
                    continue; // never opened it
                }
                counter.submissions++;
                UUID submission = uuid(random);
                Instant started = open.plus(Duration.ofMinutes(random.nextInt(6 * 24 * 60)));
                boolean submits = random.nextDouble() < 0.9;
                boolean late = random.nextDouble() < 0.08;
                Instant submitted = !submits
                        ? null
                        : late
                                ? due.plus(Duration.ofMinutes(30 + random.nextInt(3 * 24 * 60)))
                                : started.plus(Duration.ofMinutes(8 + random.nextInt(45)));
                if (submitted != null && submitted.isAfter(due) && !late) {
                    submitted = due.minus(Duration.ofMinutes(1));
                }
                if (submitted != null && submitted.isBefore(started)) {
                    started = submitted.minus(Duration.ofMinutes(20));
                }
                List<Mark> marks = marks(random, article, skill[p], List.of());
                Instant lastSubmitted = submitted;
                attempt(t, counter, random, submission, 1, started, submitted, article, marks, teacher);
                if (submitted != null && random.nextDouble() < 0.3) {
                    Instant again = submitted.plus(Duration.ofHours(2 + random.nextInt(72)));
                    Instant second =
                            random.nextDouble() < 0.85 ? again.plus(Duration.ofMinutes(5 + random.nextInt(30))) : null;
                    List<Mark> revised = marks(random, article, Math.min(1, skill[p] + 0.15), marks);
                    attempt(t, counter, random, submission, 2, again, second, article, revised, teacher);
                    lastSubmitted = second;
                }
                t.submission.row(submission, school.id(), assignment, students.get(p), started, lastSubmitted);
            }
        }
    }

    private record Mark(UUID id, int seq, int start, int end, String type, boolean deleted) {}

    /** A student's marks on an article; a revision starts from the earlier marks and finds more. */
    private static List<Mark> marks(SplittableRandom random, Article article, double skill, List<Mark> earlier) {
        List<Mark> marks = new ArrayList<>();
        for (Mark m : earlier) {
            marks.add(new Mark(uuid(random), m.seq(), m.start(), m.end(), m.type(), m.deleted()));
        }
        int[] w = article.words();
        int words = w.length / 2;
        for (Scoring.KeyClaim claim : article.key()) {
            if (!earlier.isEmpty()
                    && earlier.stream().anyMatch(m -> m.start() <= claim.end() && m.end() >= claim.start())) {
                continue; // found the first time
            }
            if (random.nextDouble() >= skill) {
                continue;
            }
            int from = wordAt(w, claim.start());
            int to = Math.max(from, wordAt(w, claim.end() - 1));
            if (random.nextBoolean()) {
                from = Math.max(0, from + random.nextInt(5) - 2);
                to = Math.min(words - 1, Math.max(from, to + random.nextInt(5) - 2));
            }
            String type = random.nextDouble() < 0.8
                    ? List.copyOf(claim.accepted())
                            .get(random.nextInt(claim.accepted().size()))
                            .code()
                    : TYPES[random.nextInt(TYPES.length)];
            marks.add(mark(random, w, from, to, type));
        }
        int extra = 1 + random.nextInt(5);
        for (int i = 0; i < extra; i++) {
            int from;
            int to;
            if (random.nextDouble() < 0.4) {
                int[] p = article.popular()[random.nextInt(article.popular().length)];
                from = p[0];
                to = p[1];
            } else {
                from = random.nextInt(words - 16);
                to = from + 2 + random.nextInt(14);
            }
            marks.add(mark(random, w, from, to, TYPES[random.nextInt(TYPES.length)]));
        }
        return marks;
    }

    private static Mark mark(SplittableRandom random, int[] w, int from, int to, String type) {
        int start = w[2 * from];
        int end = w[2 * to + 1];
        if (end - start > 2000) {
            end = w[2 * Math.max(from, wordAt(w, start + 2000) - 1) + 1];
        }
        boolean deleted = random.nextDouble() < 0.03;
        // A deleted mark was saved at least once before its tombstone.
        int seq = deleted ? 2 + random.nextInt(2) : 1 + random.nextInt(3);
        return new Mark(uuid(random), seq, start, end, type, deleted);
    }

    /** The index of the word containing or following a character offset. */
    private static int wordAt(int[] words, int offset) {
        for (int i = 0; i < words.length / 2; i++) {
            if (words[2 * i + 1] > offset) {
                return i;
            }
        }
        return words.length / 2 - 1;
    }

    private void attempt(
            Tables t,
            Counter counter,
            SplittableRandom random,
            UUID submission,
            int number,
            Instant started,
            Instant submitted,
            Article article,
            List<Mark> marks,
            UUID teacher) {
        counter.attempts++;
        UUID attempt = uuid(random);
        t.attempt.row(attempt, submission, number, started, submitted, 0);
        Instant saved = submitted == null ? started.plus(Duration.ofMinutes(10)) : submitted;
        String text = article.text();
        List<Scoring.Mark> live = new ArrayList<>();
        for (Mark m : marks) {
            counter.marks++;
            t.mark.row(
                    attempt,
                    m.id(),
                    m.seq(),
                    m.start(),
                    m.end(),
                    text.substring(m.start(), m.end()),
                    text.substring(Math.max(0, m.start() - AnchoredSpan.CONTEXT), m.start()),
                    text.substring(m.end(), Math.min(text.length(), m.end() + AnchoredSpan.CONTEXT)),
                    m.type(),
                    m.deleted(),
                    started,
                    saved);
            if (!m.deleted()) {
                live.add(new Scoring.Mark(
                        m.id().toString(),
                        m.start(),
                        m.end(),
                        ClaimType.fromCode(m.type()).orElseThrow()));
            }
        }
        if (submitted == null) {
            return;
        }
        Scoring.Result result = Scoring.score(article.words(), article.key(), live, Scoring.DEFAULT_THRESHOLD);
        int mislabelled = result.mislabelled().size();
        int found = result.matches().size() - mislabelled;
        counter.scores++;
        t.score.row(
                uuid(random),
                attempt,
                article.keyVersionId(),
                Scoring.RULES_VERSION,
                Scoring.DEFAULT_THRESHOLD,
                result.score(),
                result.score(),
                false,
                found,
                mislabelled,
                result.missedClaims().size(),
                result.extraMarks().size(),
                "submitted",
                null,
                null,
                submitted);
        // Now and then the teacher overrides a score, with a comment, a second later.
        if (random.nextDouble() < 0.02) {
            counter.scores++;
            double override = Math.min(100, Math.round(result.score() + 10));
            t.score.row(
                    uuid(random),
                    attempt,
                    article.keyVersionId(),
                    Scoring.RULES_VERSION,
                    Scoring.DEFAULT_THRESHOLD,
                    result.score(),
                    override,
                    true,
                    found,
                    mislabelled,
                    result.missedClaims().size(),
                    result.extraMarks().size(),
                    "override",
                    teacher,
                    "Good reasons given in class.",
                    submitted.plus(Duration.ofSeconds(1)));
        }
    }

    /** A random (version 4 shaped) id from the class's generator: the same on every run. */
    private static UUID uuid(SplittableRandom random) {
        long hi = (random.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo);
    }

    private static UUID uuid(String kind, Object key) {
        return UUID.nameUUIDFromBytes(
                ("lateral-bench:" + kind + ":" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The rows of one school, as CSV for COPY, in foreign-key order. */
    private static final class Tables {
        final Table account = new Table("account (id, school_id, username, display_name, created_at)");
        final Table role = new Table("account_role (account_id, role)");
        final Table credential = new Table("credential (id, account_id, kind, password_hash, created_at, updated_at)");
        final Table schoolClass =
                new Table("class (id, school_id, teacher_id, name, subject, school_year, time_zone, created_at)");
        final Table enrollment = new Table("enrollment (id, school_id, class_id, student_id, enrolled_at)");
        final Table assignment = new Table("assignment (id, school_id, class_id, exercise, title, open_at, due_at,"
                + " late_work_accepted, feedback_policy, revision_allowed, created_by, created_at)");
        final Table step = new Table("lesson_step (assignment_id, school_id, position, exercise, article_id,"
                + " article_version_id, key_version_id)");
        final Table submission =
                new Table("submission (id, school_id, assignment_id, student_id, started_at, submitted_at)");
        final Table attempt = new Table("attempt (id, submission_id, number, started_at, submitted_at, step)");
        final Table mark = new Table("mark (attempt_id, mark_id, seq, start_offset, end_offset, exact, prefix, suffix,"
                + " claim_type, deleted, created_at, updated_at)");
        final Table score =
                new Table("score (id, attempt_id, key_version_id, rules_version, threshold, computed, score,"
                        + " overridden, found, mislabelled, missed, extra, cause, caused_by, comment, created_at)");

        void copy(CopyManager copy) throws SQLException, IOException {
            for (Table table : List.of(
                    account,
                    role,
                    credential,
                    schoolClass,
                    enrollment,
                    assignment,
                    step,
                    submission,
                    attempt,
                    mark,
                    score)) {
                table.copy(copy);
            }
        }
    }

    /** One table's rows as CSV: text quoted, null as an empty unquoted field. */
    private static final class Table {
        private final String target;
        private StringBuilder csv = new StringBuilder();

        Table(String target) {
            this.target = target;
        }

        void row(Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                Object v = values[i];
                if (v == null) {
                    continue;
                }
                if (v instanceof String s) {
                    csv.append('"').append(s.replace("\"", "\"\"")).append('"');
                } else {
                    csv.append(v);
                }
            }
            csv.append('\n');
        }

        void copy(CopyManager copy) throws SQLException, IOException {
            copy.copyIn("COPY " + target + " FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
            csv = new StringBuilder();
        }
    }
}
