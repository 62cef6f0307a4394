package org.lateral.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.Fixtures;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.AssignmentSummary;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.NewAssignment;
import org.lateral.assignment.NewStep;
import org.lateral.base.Schools;
import org.lateral.base.StudentDataInventory;
import org.lateral.base.StudentDataPart;
import org.lateral.base.UserFacingException;
import org.lateral.base.highlighter.LinkState;
import org.lateral.base.highlighter.MarkState;
import org.lateral.base.highlighter.MentionState;
import org.lateral.base.highlighter.SaveStatus;
import org.lateral.base.highlighter.SourceState;
import org.lateral.base.i18n.Translations;
import org.lateral.library.LibraryPins;
import org.lateral.library.LibraryService;
import org.lateral.security.NotYoursException;
import org.lateral.submission.CompareItems;
import org.lateral.submission.CompareWorkService;
import org.lateral.submission.GradingActions;
import org.lateral.submission.MarkingSession;
import org.lateral.submission.SourceWorkService;
import org.lateral.submission.SubmissionService;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A student's record, exported and deleted (DD023; reliability.md R21 and R22), in the style of a
 * privacy provider test: one student is given at least one row in every table the inventory marks
 * EXPORT_AND_DELETE, through the application's own services (a lesson of claims and sources with
 * marks, sources, mentions, links, scores and a comment; a compare lesson with every compare item and
 * a judgement grade; a later due date). The export must hold every one of those rows; the deletion
 * must remove exactly them, from every table, and nothing else (a classmate's work stays); and a
 * table added to the inventory without a part that exports and deletes it fails here.
 */
@LateralServerTest
class StudentDataIT {

    /** The pack's story-set order (seeds/defectors/pack.yaml): 002 Isegoria, 003 War in Context. */
    static final int ISEGORIA = 2;

    static final int WAR_IN_CONTEXT = 3;

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    StudentDataService studentData;

    @Autowired
    List<StudentDataPart> parts;

    @Autowired
    ClassroomService classroom;

    @Autowired
    AccountService accounts;

    @Autowired
    JoinService join;

    @Autowired
    AssignmentService assignments;

    @Autowired
    SubmissionService submissions;

    @Autowired
    SourceWorkService sources;

    @Autowired
    CompareWorkService compare;

    @Autowired
    GradingActions actions;

    @Autowired
    LibraryService library;

    @Autowired
    LibraryPins pins;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path temp;

    String run;
    String teacher;
    ClassDetail media;
    OneTimeCredential canary;
    OneTimeCredential classmate;
    UUID canaryId;
    UUID classmateId;
    final ListAppender<ILoggingEvent> audit = new ListAppender<>();

    @BeforeEach
    void aStudentWithARowInEveryTable() {
        audit.start();
        ((Logger) LoggerFactory.getLogger("org.lateral.audit.events")).addAppender(audit);
        run = UUID.randomUUID().toString().substring(0, 8);
        teacher = fixtures.teacher(Schools.DEFAULT_SCHOOL_ID, "data");
        List<UUID> set = pins.articlesOfStorySet(
                Schools.DEFAULT_SCHOOL_ID,
                pins.storySetOfPack(Schools.DEFAULT_SCHOOL_ID, "defectors").orElseThrow());
        AssignmentSummary claimsAndSources;
        AssignmentSummary comparison;
        try (var s = SignedIn.as(users, teacher)) {
            UUID frisky = library.articles("frisky").getFirst().articleId();
            media = classroom.createClass(new NewClass("Media " + run, "", "", "UTC"));
            List<OneTimeCredential> students =
                    classroom.createStudents(media.id(), "Canary " + run + "\nClassmate " + run);
            canary = students.get(0);
            classmate = students.get(1);
            claimsAndSources = assignments.assignMarkClaims(
                    media.id(),
                    new NewAssignment(
                            frisky,
                            null,
                            LocalDate.now().plusDays(3),
                            false,
                            FeedbackPolicy.AFTER_SUBMIT,
                            false,
                            null,
                            false,
                            List.of(
                                    NewStep.of(NewStep.MARK_CLAIMS),
                                    new NewStep(NewStep.IDENTIFY_SOURCES, BigDecimal.ONE))));
            comparison = assignments.assignMarkClaims(
                    media.id(),
                    new NewAssignment(
                            set.get(ISEGORIA),
                            null,
                            LocalDate.now().plusDays(3),
                            false,
                            FeedbackPolicy.AFTER_SUBMIT,
                            false,
                            null,
                            false,
                            List.of(NewStep.compare(
                                    List.of(set.get(ISEGORIA), set.get(WAR_IN_CONTEXT)), BigDecimal.ONE, false))));
        }
        canaryId = accountId(canary.username());
        classmateId = accountId(classmate.username());

        UUID claimsAttempt;
        UUID compareAttempt;
        try (var s = SignedIn.as(users, canary.username())) {
            // The language the student chose for their pages (V0027) is theirs and is exported too.
            accounts.chooseLanguage("es");
            MarkingSession claims = submissions.open(claimsAndSources.id()).orElseThrow();
            claimsAttempt = claims.attemptId();
            UUID markId = mark(claims);
            submissions.submit(claims.attemptId());

            MarkingSession who = submissions.open(claimsAndSources.id()).orElseThrow();
            UUID source = UUID.randomUUID();
            saved(sources.saveSource(
                            who.attemptId(),
                            new SourceState(source, 1, "The Daily Mail", "media-outlet", "first-hand", null, false))
                    .status());
            String said = "told The Daily Mail";
            int at = who.text().indexOf(said);
            saved(sources.saveMention(
                            who.attemptId(),
                            new MentionState(UUID.randomUUID(), 1, source, at, at + said.length(), said, "", "", false))
                    .status());
            saved(sources.saveLink(
                            who.attemptId(), new LinkState(UUID.randomUUID(), 1, markId.toString(), source, false))
                    .status());
            submissions.submit(who.attemptId());

            MarkingSession compared = submissions.open(comparison.id()).orElseThrow();
            compareAttempt = compared.attemptId();
            LibraryPins.ColumnArticle column = compared.compare().columns().getFirst();
            for (LibraryPins.ColumnArticle c : compared.compare().columns()) {
                saved(compare.saveGrid(
                                compareAttempt,
                                new CompareItems.GridState(
                                        c.articleId().toString(),
                                        1,
                                        "hedged",
                                        1,
                                        1,
                                        "relay",
                                        List.of("The Daily Beast"),
                                        null,
                                        null))
                        .status());
            }
            String text = articleText(column.articleVersionId());
            String words = text.substring(0, 10);
            saved(compare.saveSpan(
                            compareAttempt,
                            new CompareItems.SpanState(
                                    UUID.randomUUID().toString(),
                                    1,
                                    column.articleId().toString(),
                                    "hedge",
                                    0,
                                    10,
                                    words,
                                    "",
                                    "",
                                    false))
                    .status());
            saved(compare.saveCell(
                            compareAttempt,
                            new CompareItems.CellState(
                                    compared.compare().claims().getFirst().id(),
                                    column.articleId().toString(),
                                    1,
                                    "fact",
                                    null,
                                    null,
                                    null,
                                    null,
                                    null))
                    .status());
            saved(compare.saveNote(
                            compareAttempt,
                            new CompareItems.NoteState(
                                    column.outletId().toString(),
                                    1,
                                    "https://en.wikipedia.org/wiki/Example",
                                    "A blog run by one person."))
                    .status());
            // Starts like a formula, so the CSV must neutralise it.
            saved(compare.saveJudgement(
                            compareAttempt,
                            new CompareItems.JudgementState(1, "=HYPERLINK(\"https://example.org\") trust Isegoria"))
                    .status());
            submissions.submit(compareAttempt);
        }
        try (var s = SignedIn.as(users, classmate.username())) {
            MarkingSession claims = submissions.open(claimsAndSources.id()).orElseThrow();
            mark(claims);
            submissions.submit(claims.attemptId());
        }
        try (var s = SignedIn.as(users, teacher)) {
            actions.comment(claimsAttempt, "Good eye for the hedge in the headline.");
            actions.gradeJudgement(compareAttempt, 2);
            assignments.setDueDateFor(
                    claimsAndSources.id(), canaryId, LocalDate.now().plusDays(10), "An accommodation");
        }
    }

    @AfterEach
    void detachAudit() {
        ((Logger) LoggerFactory.getLogger("org.lateral.audit.events")).detachAppender(audit);
    }

    @Test
    void every_row_of_the_student_is_exported_then_deleted_and_no_other_row_changes() throws IOException {
        List<String> tables = StudentDataService.exportedTables();
        assertThat(StudentDataService.uncovered(parts))
                .as("inventory tables marked EXPORT_AND_DELETE that no StudentDataPart exports and deletes")
                .isEmpty();
        assertThat(StudentDataService.uncovered(parts.stream()
                        .filter(p -> !p.tables().contains("attempt_comment"))
                        .toList()))
                .as("the coverage check finds a table that lost its part")
                .contains("attempt_comment");
        Map<String, Integer> seeded = new LinkedHashMap<>();
        for (String table : tables) {
            seeded.put(table, studentRows(table, canaryId));
        }
        assertThat(seeded.entrySet().stream()
                        .filter(e -> e.getValue() == 0)
                        .map(Map.Entry::getKey)
                        .toList())
                .as("tables marked EXPORT_AND_DELETE where this test seeds the student no row: seed one through "
                        + "the app's services, and let a StudentDataPart export and delete it")
                .isEmpty();
        assertThat(studentRows("submission", classmateId))
                .as("the classmate has work too")
                .isPositive();

        // Export: every seeded row is in the JSON document and in the CSV files.
        JsonNode json;
        byte[] zip;
        try (var s = SignedIn.as(users, teacher)) {
            StudentDataService.StudentDataFile file = studentData.exportJson(canaryId);
            assertThat(file.contentType()).isEqualTo("application/json");
            json = JSON.readTree(file.bytes());
            zip = studentData.exportCsv(canaryId).bytes();
        }
        assertThat(json.get("format").asString()).isEqualTo(StudentRecordFiles.FORMAT);
        assertThat(json.get("studentId").asString()).isEqualTo(canaryId.toString());
        Set<String> exportedTables = new HashSet<>();
        json.get("tables").propertyNames().forEach(exportedTables::add);
        assertThat(exportedTables).containsExactlyInAnyOrderElementsOf(tables);
        int exported = 0;
        for (String table : tables) {
            JsonNode rows = json.get("tables").get(table);
            assertThat(rows.size()).as(table + ": rows exported").isEqualTo(seeded.get(table));
            List<String> key = primaryKey(table);
            Set<List<String>> exportedKeys = new HashSet<>();
            for (JsonNode row : rows) {
                exportedKeys.add(key.stream().map(c -> row.get(c).asString()).toList());
            }
            assertThat(exportedKeys)
                    .as(table + ": every row of the student, by its key " + key)
                    .containsExactlyInAnyOrderElementsOf(keysOf(table, key, canaryId));
            exported += rows.size();
        }
        assertThat(json.get("tables").get("credential").get(0).has("password_hash"))
                .as("the password hash is never exported")
                .isFalse();
        assertThat(new String(JSON.writeValueAsBytes(json), StandardCharsets.UTF_8))
                .doesNotContain("$2a$")
                .doesNotContain("{bcrypt}");
        assertThat(json.get("tables").get("account").get(0).get("username").asString())
                .isEqualTo(canary.username());
        Set<String> accountColumns = new HashSet<>();
        json.get("tables").get("account").get(0).propertyNames().forEach(accountColumns::add);
        assertThat(accountColumns)
                .as("the account row is exported with every column of the account, its chosen language too")
                .containsExactlyInAnyOrderElementsOf(columns("account"));
        assertThat(json.get("tables").get("account").get(0).get("language").asString())
                .isEqualTo("es");

        Map<String, List<CsvRecord>> csv = csvFiles(zip);
        assertThat(csv.keySet()).containsExactlyInAnyOrderElementsOf(tables);
        for (String table : tables) {
            assertThat(csv.get(table).size() - 1).as(table + ".csv: rows").isEqualTo(seeded.get(table));
        }
        assertThat(csv.get("account").getFirst().getFields())
                .as("account.csv: every column of the account")
                .containsExactlyInAnyOrderElementsOf(columns("account"));
        CsvRecord judgement = csv.get("compare_judgement").get(1);
        int textColumn = csv.get("compare_judgement").getFirst().getFields().indexOf("judgement");
        assertThat(judgement.getField(textColumn))
                .as("a cell starting with = is neutralised against formula injection")
                .startsWith("'=HYPERLINK");
        assertThat(json.get("tables")
                        .get("compare_judgement")
                        .get(0)
                        .get("judgement")
                        .asString())
                .as("the JSON keeps the text as written")
                .startsWith("=HYPERLINK");

        // Delete: every table counted before and after; only the student's rows are gone.
        Map<String, Long> before = rowCounts();
        StudentDataService.StudentDataDeletion deletion;
        try (var s = SignedIn.as(users, teacher)) {
            deletion = studentData.deleteStudentData(
                    canaryId, " " + canary.username().toUpperCase() + " ");
        }
        Map<String, Long> after = rowCounts();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        Map<String, Long> expected = new TreeMap<>(before);
        seeded.forEach((table, rows) -> expected.merge(table, (long) -rows, Long::sum));
        // The one table that grows: the audit trail records the deletion (DD022).
        expected.merge("audit_event", 1L, Long::sum);
        assertThat(after).as("row counts of every table after the deletion").isEqualTo(expected);
        assertThat(deletion.rowsDeleted())
                .isEqualTo(
                        seeded.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        for (String table : tables) {
            assertThat(studentRows(table, canaryId)).as(table).isZero();
        }
        assertThat(studentRows("submission", classmateId))
                .as("the classmate's work stays")
                .isPositive();
        assertThat(canaryTraces())
                .as("columns that still hold the student's id, username or name anywhere in the database")
                .isEmpty();
        assertThatThrownBy(() -> users.loadUserByUsername(canary.username()))
                .as("the student can no longer sign in")
                .isInstanceOf(UsernameNotFoundException.class);

        List<String> lines =
                audit.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        UUID teacherId = accountId(teacher);
        assertThat(lines)
                .contains(
                        "action=STUDENT_DATA_EXPORT actor=" + teacherId + " student=" + canaryId + " outcome=DONE rows="
                                + exported,
                        "action=STUDENT_DATA_DELETE actor=" + teacherId + " student=" + canaryId + " outcome=DONE rows="
                                + deletion.total());
        assertThat(String.join("\n", lines)).doesNotContain(canary.username()).doesNotContain("Canary");
        assertThat(jdbc.sql("""
                        SELECT action || ' ' || outcome FROM audit_event
                         WHERE actor_id = :teacher AND :student = ANY (object_ids) ORDER BY id
                        """)
                        .param("teacher", teacherId)
                        .param("student", canaryId)
                        .query(String.class)
                        .list())
                .as("the export and the deletion are in the audit trail too (DD022)")
                .contains("STUDENT_DATA_EXPORTED SUCCESS", "STUDENT_DATA_DELETED SUCCESS");

        System.out.printf(
                "Student data: tables covered %d (of %d in the inventory), rows exported %d, rows deleted %d, "
                        + "tables counted before and after %d, other rows changed 0%n",
                tables.size(), StudentDataInventory.TABLES.size(), exported, deletion.total(), before.size());
    }

    @Test
    void a_wrong_confirmation_or_a_row_still_referring_to_the_student_deletes_nothing() {
        Map<String, Long> before = rowCounts();
        try (var s = SignedIn.as(users, teacher)) {
            assertThatThrownBy(() -> studentData.deleteStudentData(canaryId, classmate.username()))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage(Translations.english("classroom.refusal.data.wrongConfirmation"));
        }
        // Nothing changed but the audit trail, which records the refusal (DD022).
        Map<String, Long> refused = new TreeMap<>(before);
        refused.merge("audit_event", 1L, Long::sum);
        assertThat(rowCounts()).isEqualTo(refused);
        before = rowCounts();

        // A row that is not the student's own refers to their account: the account cannot go, so
        // the rows deleted before it come back too (one transaction).
        jdbc.sql("UPDATE account SET disabled_by = :canary WHERE id = :classmate")
                .param("canary", canaryId)
                .param("classmate", classmateId)
                .update();
        try (var s = SignedIn.as(users, teacher)) {
            assertThatThrownBy(() -> studentData.deleteStudentData(canaryId, canary.username()))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage(Translations.english("classroom.refusal.data.stillReferredTo"));
        }
        Map<String, Long> rolledBack = new TreeMap<>(before);
        rolledBack.merge("audit_event", 1L, Long::sum); // the failed deletion, recorded as such
        assertThat(rowCounts()).as("all or nothing").isEqualTo(rolledBack);
        assertThat(users.loadUserByUsername(canary.username()).getUsername()).isEqualTo(canary.username());
        assertThat(audit.list.stream().map(ILoggingEvent::getFormattedMessage))
                .anyMatch(l -> l.startsWith("action=STUDENT_DATA_DELETE") && l.contains("outcome=REFUSED"))
                .anyMatch(l -> l.startsWith("action=STUDENT_DATA_DELETE") && l.contains("outcome=FAILED"));
    }

    @Test
    void an_admin_of_the_school_and_the_students_teacher_may_others_may_not() throws IOException {
        String colleague = fixtures.teacher(Schools.DEFAULT_SCHOOL_ID, "colleague");
        String admin = fixtures.admin(Schools.DEFAULT_SCHOOL_ID, "admin");
        String farAdmin = fixtures.admin(fixtures.school("Far school " + run), "far-admin");
        try (var s = SignedIn.as(users, colleague)) {
            assertThatThrownBy(() -> studentData.exportJson(canaryId))
                    .isInstanceOf(NotYoursException.class)
                    .hasMessage("That student does not exist.");
            assertThatThrownBy(() -> studentData.deleteStudentData(canaryId, canary.username()))
                    .isInstanceOf(NotYoursException.class);
        }
        try (var s = SignedIn.as(users, farAdmin)) {
            assertThatThrownBy(() -> studentData.exportCsv(canaryId)).isInstanceOf(NotYoursException.class);
        }
        try (var s = SignedIn.as(users, classmate.username())) {
            assertThatThrownBy(() -> studentData.exportJson(canaryId)).isInstanceOf(AccessDeniedException.class);
        }
        try (var s = SignedIn.as(users, canary.username())) {
            assertThatThrownBy(() -> studentData.exportJson(canaryId)).isInstanceOf(AccessDeniedException.class);
        }
        try (var s = SignedIn.as(users, teacher)) {
            UUID teacherId = accountId(teacher);
            assertThatThrownBy(() -> studentData.exportJson(teacherId))
                    .as("a teacher's own account is not a student's")
                    .isInstanceOf(NotYoursException.class);
        }
        try (var s = SignedIn.as(users, admin)) {
            assertThat(studentData.exportJson(canaryId).bytes()).isNotEmpty();
        }

        // Once the student is also in the colleague's class, deleting would remove that class's
        // work too: only an admin may, as for renaming.
        ClassDetail other;
        try (var s = SignedIn.as(users, colleague)) {
            other = classroom.createClass(new NewClass("Other " + run, "", "", "UTC"));
        }
        try (var s = SignedIn.as(users, canary.username())) {
            join.joinAsSignedInStudent(other.joinCode(), new JoinService.From("127.0.0.1", "student-data-" + run));
        }
        try (var s = SignedIn.as(users, teacher)) {
            assertThatThrownBy(() -> studentData.deleteStudentData(canaryId, canary.username()))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("only a school admin");
        }
        assertThat(studentRows("submission", canaryId)).isPositive();
        try (var s = SignedIn.as(users, admin)) {
            assertThat(studentData
                            .deleteStudentData(canaryId, canary.username())
                            .total())
                    .isPositive();
        }
        assertThat(studentRows("enrollment", canaryId)).isZero();
    }

    // --- helpers ---

    UUID mark(MarkingSession claims) {
        UUID markId = UUID.randomUUID();
        int at = claims.text().indexOf("Reportedly Defects");
        saved(submissions
                .saveMark(
                        claims.attemptId(),
                        new MarkState(markId, 1, at, at + 18, "Reportedly Defects", "", "", "attributed", false))
                .status());
        return markId;
    }

    static void saved(SaveStatus status) {
        assertThat(status).isEqualTo(SaveStatus.SAVED);
    }

    UUID accountId(String username) {
        return jdbc.sql("SELECT id FROM account WHERE username = :u")
                .param("u", username)
                .query(UUID.class)
                .single();
    }

    String articleText(UUID articleVersionId) {
        return jdbc.sql("SELECT canonical_text FROM article_version WHERE id = :v")
                .param("v", articleVersionId)
                .query(String.class)
                .single();
    }

    /**
     * How the test finds a student's rows of an inventory table, independently of the parts: by
     * the inventory's student columns, or through the student's attempts or submissions.
     */
    String studentRowsWhere(String table) {
        StudentDataInventory.Entry entry = StudentDataInventory.TABLES.stream()
                .filter(e -> e.table().equals(table))
                .findFirst()
                .orElseThrow();
        if (!entry.studentColumns().isEmpty()) {
            return entry.studentColumns().stream().map(c -> c + " = :s").collect(Collectors.joining(" OR "));
        }
        List<String> columns = columns(table);
        if (columns.contains("attempt_id")) {
            return "attempt_id IN (SELECT a.id FROM attempt a JOIN submission b ON b.id = a.submission_id"
                    + " WHERE b.student_id = :s)";
        }
        if (columns.contains("submission_id")) {
            return "submission_id IN (SELECT id FROM submission WHERE student_id = :s)";
        }
        throw new AssertionError("No way to find a student's rows of " + table + ": give it student columns in the "
                + "inventory, or teach this test the path");
    }

    int studentRows(String table, UUID studentId) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + studentRowsWhere(table))
                .param("s", studentId)
                .query(Integer.class)
                .single();
    }

    List<String> columns(String table) {
        return jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' "
                        + "AND table_name = :t ORDER BY ordinal_position")
                .param("t", table)
                .query(String.class)
                .list();
    }

    /** The primary key's columns, or every column when a table has none. */
    List<String> primaryKey(String table) {
        List<String> key = jdbc.sql("""
                SELECT a.attname FROM pg_index i
                  JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                 WHERE i.indrelid = CAST(:t AS regclass) AND i.indisprimary
                 ORDER BY a.attnum
                """).param("t", table).query(String.class).list();
        return key.isEmpty() ? columns(table) : key;
    }

    Set<List<String>> keysOf(String table, List<String> key, UUID studentId) {
        String select = key.stream().map(c -> c + "::text").collect(Collectors.joining(", "));
        return new HashSet<>(jdbc.sql("SELECT " + select + " FROM " + table + " WHERE " + studentRowsWhere(table))
                .param("s", studentId)
                .query((rs, n) -> {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= key.size(); i++) {
                        values.add(rs.getString(i));
                    }
                    return values;
                })
                .list());
    }

    List<String> allTables() {
        return jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                        + "AND table_type = 'BASE TABLE' ORDER BY table_name")
                .query(String.class)
                .list();
    }

    Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : allTables()) {
            counts.put(
                    table,
                    jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        return counts;
    }

    /** R22's schema-wide search: every id column for the student's id, every text column for their names. */
    List<String> canaryTraces() {
        List<String> traces = new ArrayList<>();
        var columns = jdbc.sql("""
                SELECT c.table_name, c.column_name, c.data_type, c.udt_name
                  FROM information_schema.columns c
                  JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
                 WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
                """)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        for (List<String> c : columns) {
            String table = c.get(0);
            String column = c.get(1);
            if (table.equals("audit_event") && c.get(3).equals("_uuid")) {
                // The audit trail keeps the ids of what was exported and deleted, never a name, until
                // its own retention ends (DD022, DD023); its text columns are still searched.
                continue;
            }
            String where;
            if (c.get(3).equals("uuid")) {
                where = column + " = CAST(:id AS uuid)";
            } else if (c.get(3).equals("_uuid")) {
                where = "CAST(:id AS uuid) = ANY (" + column + ")";
            } else if (Set.of("text", "character varying").contains(c.get(2))) {
                where = "strpos(" + column + ", :username) > 0 OR strpos(" + column + ", :name) > 0";
            } else {
                continue;
            }
            long found = jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + where)
                    .param("id", canaryId.toString())
                    .param("username", canary.username())
                    .param("name", "Canary " + run)
                    .query(Long.class)
                    .single();
            if (found > 0) {
                traces.add(table + "." + column + ": " + found);
            }
        }
        return traces;
    }

    static Map<String, List<CsvRecord>> csvFiles(byte[] zip) throws IOException {
        Map<String, List<CsvRecord>> files = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(text).as(entry.getName() + " starts with a BOM").startsWith("\uFEFF");
                files.put(
                        entry.getName().replaceFirst("\\.csv$", ""),
                        CsvReader.builder().ofCsvRecord(text.substring(1)).stream()
                                .toList());
            }
        }
        return files;
    }
}
