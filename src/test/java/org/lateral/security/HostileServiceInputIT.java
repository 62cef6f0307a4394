package org.lateral.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lateral.DatabaseFingerprint;
import org.lateral.Fixtures;
import org.lateral.HostileInputs;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.lateral.assignment.AssignmentEdit;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.AssignmentSummary;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.NewAssignment;
import org.lateral.assignment.NewStep;
import org.lateral.base.UserFacingException;
import org.lateral.base.highlighter.LinkState;
import org.lateral.base.highlighter.MarkState;
import org.lateral.base.highlighter.MentionState;
import org.lateral.base.highlighter.SaveResult;
import org.lateral.base.highlighter.SaveStatus;
import org.lateral.base.highlighter.SourceState;
import org.lateral.base.i18n.KeyedText;
import org.lateral.classroom.AccountService;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.FirstRunSetup;
import org.lateral.classroom.InvitationService;
import org.lateral.classroom.JoinService;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.classroom.SchoolAdminService;
import org.lateral.classroom.StudentDataService;
import org.lateral.library.ClaimType;
import org.lateral.library.LibraryEntry;
import org.lateral.library.LibraryPins;
import org.lateral.library.LibraryService;
import org.lateral.library.OutletKind;
import org.lateral.library.PackService;
import org.lateral.library.PublicationDate;
import org.lateral.library.SourceKind;
import org.lateral.library.importing.ArticleCorrection;
import org.lateral.library.importing.ArticleDraft;
import org.lateral.library.importing.ArticleImportService;
import org.lateral.library.importing.OutletCorrection;
import org.lateral.library.importing.OutletEditService;
import org.lateral.library.importing.PastedArticle;
import org.lateral.library.keys.ComparisonDraft;
import org.lateral.library.keys.ComparisonKeyEditorService;
import org.lateral.library.keys.KeyDraft;
import org.lateral.library.keys.KeyEditorService;
import org.lateral.submission.CompareItems;
import org.lateral.submission.CompareWorkService;
import org.lateral.submission.FeedbackService;
import org.lateral.submission.GradingActions;
import org.lateral.submission.KeyAmendments;
import org.lateral.submission.MarkingSession;
import org.lateral.submission.SourceWorkService;
import org.lateral.submission.SubmissionService;
import org.lateral.submission.scoring.CompareScoring;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Bad input, everywhere (issue 17): seeded random hostile input (broken spans, offsets out of
 * range, 100 KB and 1 MB text, lone surrogates, NUL, U+FFFE, markup, direction controls, SQL-ish
 * quotes, blank strings, nulls, unknown ids, wrong versions) thrown at every public write method
 * of the services people reach, each called as the user who may call it, so the input gets past
 * the access check to the validation behind it. Each call must end in one of three ways: it is
 * accepted (the input was odd but allowed), it is refused with a plain sentence, or it is refused
 * as not the caller's. A refused call must change no row: every table of the schema is counted
 * and its newest writer read after each call (DatabaseFingerprint). Anything else (an unexpected exception, a database error, a
 * refusal that is not a sentence, a partial write) is listed and fails the test. The seed is
 * printed; {@code -Dlateral.fuzz.seed=N} replays a run.
 */
@LateralServerTest
class HostileServiceInputIT {

    /** Inputs per method; saves that take whole states get more. */
    private static final int PER_METHOD = 24;

    private static final int PER_SAVE = 48;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ClassroomService classroom;

    @Autowired
    AccountService accounts;

    @Autowired
    JoinService join;

    @Autowired
    FirstRunSetup firstRun;

    @Autowired
    StudentDataService studentData;

    @Autowired
    SchoolAdminService schoolAdmin;

    @Autowired
    InvitationService invitations;

    @Autowired
    LibraryService library;

    @Autowired
    PackService packs;

    @Autowired
    ArticleImportService articleImport;

    @Autowired
    OutletEditService outletEdit;

    @Autowired
    KeyEditorService keyEditor;

    @Autowired
    ComparisonKeyEditorService comparisonEditor;

    @Autowired
    AssignmentService assignments;

    @Autowired
    SubmissionService submissions;

    @Autowired
    SourceWorkService sourceWork;

    @Autowired
    CompareWorkService compareWork;

    @Autowired
    FeedbackService feedback;

    @Autowired
    GradingActions grading;

    @Autowired
    KeyAmendments amendments;

    @Autowired
    org.lateral.audit.AuditLog auditLog;

    private final HostileInputs in = HostileInputs.fromSystemProperty();
    private final Map<String, Tally> tallies = new TreeMap<>();
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

    /** What the calls of one method came to. */
    static final class Tally {
        int tried;
        int accepted;
        int refused;
        int accessRefused;
    }

    @FunctionalInterface
    interface Call {
        @Nullable
        Object run() throws Exception;
    }

    // --- the world the calls act on --------------------------------------------------------

    String teacher;
    String otherTeacher;

    String schoolAdminName;
    ClassDetail schoolClass;
    ClassDetail otherClass;
    OneTimeCredential ada; // in the sources step of the lesson
    OneTimeCredential bo; // in the claims step of the lesson
    OneTimeCredential cy; // in the compare step
    OneTimeCredential di; // in the other class
    LibraryEntry frisky;
    LibraryEntry isegoria;
    LibraryEntry warInContext;
    AssignmentSummary lesson;
    AssignmentSummary compareLesson;
    MarkingSession claims;
    UUID adaSubmitted; // Ada's submitted claims step, which the teacher grades
    MarkingSession sources;
    MarkingSession compare;

    @Test
    void hostile_input_to_every_write_method_is_accepted_or_refused_with_a_sentence_and_a_refusal_writes_nothing()
            throws Exception {
        long started = System.nanoTime();
        buildTheWorld();
        // scheduled_pass: the scheduled jobs claim their passes in it while the test runs (DD030).
        fingerprint = new DatabaseFingerprint(jdbc, Set.of("audit_event", "throttle_bucket", "scheduled_pass"));
        state = fingerprint.take();

        classroomMethods();
        joinAndAccountMethods();
        libraryMethods();
        nulInsideValidArticles();
        keyEditorMethods();
        assignmentMethods();
        studentWorkMethods();
        gradingMethods();
        amendmentMethods();
        readsOfTypedText();
        // Last: the admin switches accounts off, moves and renames students, which the calls
        // above must not meet.
        schoolAdminMethods();

        int total = tallies.values().stream().mapToInt(t -> t.tried).sum();
        StringBuilder report = new StringBuilder();
        report.append(String.format(
                "Hostile input (services): seed %d, %d inputs to %d methods, %d tables compared after each call, %.1f s%n",
                in.seed(), total, tallies.size(), fingerprint.tableCount(), (System.nanoTime() - started) / 1e9));
        tallies.forEach((method, t) -> report.append(String.format(
                "  %-48s tried %3d, accepted %3d, refused %3d, not theirs %3d%n",
                method, t.tried, t.accepted, t.refused, t.accessRefused)));
        report.append(String.format(
                "Hostile input (services): server errors, partial writes and refusals that are not sentences: %d%n",
                failures.size()));
        failures.forEach(f -> report.append("  FAILED ").append(f).append('\n'));
        System.out.print(report);
        assertThat(failures)
                .as("replay with -D%s=%d", HostileInputs.SEED_PROPERTY, in.seed())
                .isEmpty();
    }

    private void buildTheWorld() throws Exception {
        Path work = Files.createTempDirectory("hostile-input");
        UUID school = fixtures.schoolWithOwnPack("Hostile input school", work);
        teacher = fixtures.teacher(school, "fuzz");
        otherTeacher = fixtures.teacher(school, "fuzz-other");
        schoolAdminName = fixtures.admin(school, "fuzz-admin");
        try (var s = SignedIn.as(users, teacher)) {
            schoolClass = classroom.createClass(new NewClass("Media", "", "", "UTC"));
            List<OneTimeCredential> created = classroom.createStudents(schoolClass.id(), "Ada\nBo\nCy");
            ada = created.get(0);
            bo = created.get(1);
            cy = created.get(2);
            schoolClass = classroom.classDetail(schoolClass.id()).orElseThrow();
            List<LibraryEntry> all = library.articles("");
            frisky = byOutlet(all, "Frisky");
            isegoria = byOutlet(all, "Isegoria");
            warInContext = byOutlet(all, "War in Context");
            lesson = assignments.assignMarkClaims(
                    schoolClass.id(),
                    new NewAssignment(
                            frisky.articleId(),
                            null,
                            LocalDate.now().plusDays(3),
                            true,
                            FeedbackPolicy.AFTER_SUBMIT,
                            true,
                            null,
                            false,
                            List.of(NewStep.of(NewStep.MARK_CLAIMS), NewStep.of(NewStep.IDENTIFY_SOURCES))));
            compareLesson = assignments.assignMarkClaims(
                    schoolClass.id(),
                    new NewAssignment(
                            warInContext.articleId(),
                            null,
                            LocalDate.now().plusDays(3),
                            true,
                            FeedbackPolicy.AFTER_SUBMIT,
                            true,
                            null,
                            false,
                            List.of(NewStep.compare(
                                    List.of(warInContext.articleId(), isegoria.articleId()), BigDecimal.ONE, false))));
        }
        try (var s = SignedIn.as(users, otherTeacher)) {
            otherClass = classroom.createClass(new NewClass("Other", "", "", "UTC"));
            di = classroom.createStudents(otherClass.id(), "Di").getFirst();
        }
        try (var s = SignedIn.as(users, ada.username())) {
            MarkingSession step1 = submissions.open(lesson.id()).orElseThrow();
            int[] word = {step1.words()[0], step1.words()[1]};
            SaveResult saved = submissions.saveMark(
                    step1.attemptId(),
                    new MarkState(
                            UUID.randomUUID(),
                            1,
                            word[0],
                            word[1],
                            step1.text().substring(word[0], word[1]),
                            "",
                            "",
                            "factual",
                            false));
            assertThat(saved.status()).isEqualTo(SaveStatus.SAVED);
            submissions.submit(step1.attemptId());
            adaSubmitted = step1.attemptId();
            sources = submissions.open(lesson.id()).orElseThrow();
            assertThat(sources.exercise()).isEqualTo(NewStep.IDENTIFY_SOURCES);
        }
        try (var s = SignedIn.as(users, bo.username())) {
            claims = submissions.open(lesson.id()).orElseThrow();
        }
        try (var s = SignedIn.as(users, cy.username())) {
            compare = submissions.open(compareLesson.id()).orElseThrow();
            assertThat(compare.compare()).isNotNull();
        }
    }

    private static LibraryEntry byOutlet(List<LibraryEntry> all, String outlet) {
        return all.stream()
                .filter(e -> e.outletName().contains(outlet))
                .findFirst()
                .orElseThrow();
    }

    // --- one call ---------------------------------------------------------------------------

    /**
     * Makes one call as this user and judges how it ended; then compares every table with the
     * state before it: a refusal must have changed nothing.
     */
    private void attempt(String method, @Nullable String user, Call call) {
        Tally tally = tallies.computeIfAbsent(method, m -> new Tally());
        tally.tried++;
        String where = method + " input " + tally.tried;
        boolean refused = false;
        try (var s = user == null ? null : SignedIn.as(users, user)) {
            Object result = call.run();
            List<String> refusals = refusalsIn(result);
            if (refusals == null) {
                tally.accepted++;
            } else {
                refused = true;
                tally.refused++;
                refusals.forEach(message -> checkSentence(where, message));
            }
        } catch (NotYoursException | AccessDeniedException e) {
            refused = true;
            tally.accessRefused++;
            if (e instanceof NotYoursException) {
                checkSentence(where, e.getMessage());
            }
        } catch (UserFacingException e) {
            refused = true;
            tally.refused++;
            checkSentence(where, e.getMessage());
        } catch (Throwable e) {
            failures.add(where + ": server error " + e.getClass().getName() + ": " + shorten(e.getMessage()));
        }
        Map<String, Long> after = fingerprint.take();
        if (refused && !after.equals(state)) {
            failures.add(where + ": refused, yet changed " + DatabaseFingerprint.changed(state, after));
        }
        state = after;
    }

    /** The refusals a returned value carries, or null when it is an acceptance. */
    private static @Nullable List<String> refusalsIn(@Nullable Object result) {
        if (result instanceof SaveResult r) {
            return switch (r.status()) {
                case REJECTED -> List.of(r.message());
                case STALE, BUSY -> List.of();
                case SAVED -> null;
            };
        }
        if (result instanceof java.util.Optional<?> o && o.isPresent() && o.get() instanceof String message) {
            return List.of(message); // the first-run setup answers what is wrong
        }
        if (result instanceof PackService.ImportReport r
                && r.added().isEmpty()
                && !r.refused().isEmpty()) {
            return r.refused().stream().map(KeyedText::english).toList(); // nothing imported: each line says why
        }
        if (result instanceof KeyEditorService.Publication p && !p.problems().isEmpty()) {
            return p.problems().stream().map(KeyedText::english).toList();
        }
        if (result instanceof ComparisonKeyEditorService.Publication p
                && !p.problems().isEmpty()) {
            return p.problems().stream().map(KeyedText::english).toList();
        }
        return null;
    }

    /** A refusal is a plain sentence: not blank, short, ending with a full stop, no internals. */
    private void checkSentence(String where, @Nullable String message) {
        String m = message == null ? "" : message.strip();
        List<String> problems = new ArrayList<>();
        if (m.isEmpty()) {
            problems.add("blank");
        } else if (!m.endsWith(".")) {
            problems.add("no full stop at the end");
        }
        if (m.length() > 400) {
            problems.add(m.length() + " characters long");
        }
        for (String internal : List.of(
                "Exception",
                "org.lateral",
                "java.",
                "org.spring",
                "\tat ",
                "SQL",
                "ERROR:",
                "SELECT ",
                "INSERT INTO")) {
            if (m.contains(internal)) {
                problems.add("contains '" + internal.strip() + "'");
            }
        }
        if (!problems.isEmpty()) {
            failures.add(where + ": refusal not a sentence (" + String.join(", ", problems) + "): " + shorten(m));
        }
    }

    private static String shorten(@Nullable String text) {
        String t = String.valueOf(text).replace("\n", "\\n");
        return t.length() > 240 ? t.substring(0, 240) + "…" : t;
    }

    private int classVersion(UUID classId) {
        return jdbc.sql("SELECT version FROM class WHERE id = :c")
                .param("c", classId)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    private UUID studentId(OneTimeCredential student) {
        return jdbc.sql("SELECT id FROM account WHERE username = :u")
                .param("u", student.username())
                .query(UUID.class)
                .single();
    }

    // --- classes, joining, accounts -------------------------------------------------------

    private void classroomMethods() {
        UUID c = schoolClass.id();
        UUID adaId = studentId(ada);
        UUID diId = studentId(di);
        for (int i = 0; i < PER_METHOD; i++) {
            attempt(
                    "ClassroomService.createClass",
                    teacher,
                    () -> classroom.createClass(new NewClass(
                            in.text(), in.text(), in.text(), in.codeOr("UTC", "Europe/Oslo", "America/New_York"))));
            attempt(
                    "ClassroomService.rotateJoinCode",
                    teacher,
                    () -> classroom.rotateJoinCode(
                            in.chance(70) ? c : in.id(otherClass.id()), in.wrongVersion(classVersion(c))));
            attempt(
                    "ClassroomService.setJoinEnabled",
                    teacher,
                    () -> classroom.setJoinEnabled(
                            in.chance(70) ? c : in.id(otherClass.id()),
                            in.chance(50),
                            in.wrongVersion(classVersion(c))));
            attempt("ClassroomService.archiveClass", teacher, () -> {
                classroom.archiveClass(in.chance(70) ? c : in.id(otherClass.id()), in.wrongVersion(classVersion(c)));
                return null;
            });
            // The right version half the time, so the name itself is judged.
            attempt(
                    "ClassroomService.renameStudent",
                    teacher,
                    () -> classroom.renameStudent(
                            c,
                            in.chance(75) ? adaId : in.id(diId),
                            in.text(),
                            in.chance(50) ? classVersion(c) : in.wrongVersion(classVersion(c))));
            attempt(
                    "ClassroomService.resetPassword",
                    teacher,
                    () -> classroom.resetPassword(in.chance(50) ? c : in.id(otherClass.id()), in.id(diId)));
            attempt(
                    "ClassroomService.disableStudent",
                    teacher,
                    () -> classroom.disableStudent(in.chance(50) ? c : in.id(otherClass.id()), in.id(diId)));
            attempt(
                    "ClassroomService.enableStudent",
                    teacher,
                    () -> classroom.enableStudent(in.chance(50) ? c : in.id(otherClass.id()), in.id(diId)));
            attempt(
                    "ClassroomService.removeStudent",
                    teacher,
                    () -> classroom.removeStudent(in.chance(50) ? c : in.id(otherClass.id()), in.id(diId)));
            attempt(
                    "ClassroomService.createStudents",
                    teacher,
                    () -> classroom.createStudents(in.chance(80) ? c : in.id(otherClass.id()), in.text()));
            attempt(
                    "StudentDataService.deleteStudentData",
                    teacher,
                    () -> studentData.deleteStudentData(in.chance(70) ? adaId : in.id(diId), in.text()));
        }
    }

    private void joinAndAccountMethods() {
        String code = classroom(
                teacher,
                () -> classroom.classDetail(schoolClass.id()).orElseThrow().joinCode());
        for (int i = 0; i < PER_METHOD; i++) {
            JoinService.From from = new JoinService.From(in.codeOr("127.0.0.1", "::1"), in.text());
            attempt(
                    "JoinService.joinAsNewStudent",
                    null,
                    () -> join.joinAsNewStudent(
                            in.chance(60) ? code : in.text(),
                            new JoinService.NewStudent(
                                    in.text(),
                                    in.chance(30) ? "fz" + in.below(1_000_000) : in.text(),
                                    in.chance(30) ? "a long enough password" : in.text(),
                                    in.chance(30) ? "a long enough password" : in.text()),
                            from));
            attempt(
                    "JoinService.joinAsSignedInStudent",
                    di.username(),
                    () -> join.joinAsSignedInStudent(
                            in.text(), new JoinService.From(in.codeOr("127.0.0.1"), in.text())));
            attempt("AccountService.changeOwnPassword", bo.username(), () -> {
                accounts.changeOwnPassword(in.text(), in.text(), in.text());
                return null;
            });
            attempt("AccountService.chooseLanguage", bo.username(), () -> {
                accounts.chooseLanguage(in.text());
                return null;
            });
            attempt(
                    "FirstRunSetup.createFirstAccount",
                    null,
                    () -> firstRun.createFirstAccount(new FirstRunSetup.SetupRequest(
                            in.text(), in.text(), in.text(), in.text(), in.text(), in.text())));
        }
    }

    /** The school admin's page (DD026) and a teacher accepting an invitation. */
    private void schoolAdminMethods() {
        UUID adaId = studentId(ada);
        UUID diId = studentId(di);
        UUID teacherId = accountId(teacher);
        UUID c = schoolClass.id();
        UUID other = otherClass.id();
        String code = classroom(
                schoolAdminName, () -> schoolAdmin.invite("A colleague", false).code());
        for (int i = 0; i < PER_METHOD; i++) {
            attempt("SchoolAdminService.invite", schoolAdminName, () -> schoolAdmin.invite(in.text(), in.chance(50)));
            attempt("SchoolAdminService.withdrawInvite", schoolAdminName, () -> {
                schoolAdmin.withdrawInvite(in.id());
                return null;
            });
            attempt(
                    "SchoolAdminService.setAdmin",
                    schoolAdminName,
                    () -> schoolAdmin.setAdmin(in.id(teacherId, adaId, diId), in.chance(50), in.wrongVersion(0)));
            attempt(
                    "SchoolAdminService.renameStudent",
                    schoolAdminName,
                    () -> schoolAdmin.renameStudent(
                            in.id(adaId, diId), in.text(), in.chance(50) ? accountVersion(adaId) : in.wrongVersion(0)));
            attempt(
                    "SchoolAdminService.moveStudent",
                    schoolAdminName,
                    () -> schoolAdmin.moveStudent(in.id(adaId, diId), in.id(c, other), in.id(c, other)));
            attempt("SchoolAdminService.resetPassword", schoolAdminName, () -> schoolAdmin.resetPassword(in.id(diId)));
            attempt(
                    "SchoolAdminService.setEnabled",
                    schoolAdminName,
                    () -> schoolAdmin.setEnabled(in.id(diId), in.chance(50)));
            attempt("SchoolAdminService.unlockSignIn", schoolAdminName, () -> schoolAdmin.unlockSignIn(in.id(diId)));
            attempt("SchoolAdminService.unlockJoin", schoolAdminName, () -> schoolAdmin.unlockJoin(in.id(adaId)));
            attempt("SchoolAdminService.students", schoolAdminName, () -> schoolAdmin.students(in.text()));
            attempt("SchoolAdminService.addressHolds", schoolAdminName, () -> schoolAdmin.addressHolds(in.text()));
            attempt("SchoolAdminService.unlockAddress", schoolAdminName, () -> schoolAdmin.unlockAddress(in.text()));
            attempt(
                    "SchoolAdminService.setArchivedClassDays",
                    schoolAdminName,
                    () -> schoolAdmin.setArchivedClassDays(in.chance(15) ? null : in.wrongVersion(365)));
            JoinService.From from = new JoinService.From(in.codeOr("127.0.0.1", "::1"), in.text());
            attempt(
                    "InvitationService.accept",
                    null,
                    () -> invitations.accept(
                            in.chance(60) ? code : in.text(),
                            new InvitationService.NewTeacher(
                                    in.text(),
                                    in.chance(30) ? "fz" + in.below(1_000_000) : in.text(),
                                    in.chance(30) ? "a long enough password" : in.text(),
                                    in.chance(30) ? "a long enough password" : in.text()),
                            from));
        }
    }

    private UUID accountId(String username) {
        return jdbc.sql("SELECT id FROM account WHERE username = :u")
                .param("u", username)
                .query(UUID.class)
                .single();
    }

    private int accountVersion(UUID id) {
        return jdbc.sql("SELECT version FROM account WHERE id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    private <T> T classroom(String user, java.util.function.Supplier<T> call) {
        try (var s = SignedIn.as(users, user)) {
            return call.get();
        }
    }

    // --- the library ------------------------------------------------------------------------

    private ArticleDraft draft() {
        return new ArticleDraft(
                in.text(),
                in.chance(20) ? "A short body of words." : in.text(),
                in.chance(30) ? frisky.outletId() : in.idOrNull(),
                in.text(),
                in.textOrNull(),
                in.oneOf(OutletKind.values()),
                in.textOrNull(),
                publicationDate(),
                in.textOrNull(),
                in.textOrNull(),
                in.codeOr("en", "de"),
                in.list(5, in::text),
                in.oneOf(ArticleDraft.Origin.values()),
                in.textOrNull());
    }

    private PublicationDate publicationDate() {
        LocalDate date = in.date();
        return new PublicationDate(
                date == null ? LocalDate.of(2020, 1, 1) : date,
                in.oneOf(PublicationDate.Precision.values()),
                in.textOrNull());
    }

    private void libraryMethods() {
        for (int i = 0; i < PER_METHOD; i++) {
            attempt("PackService.importPack", teacher, () -> packs.importPack(in.text(), in.bytes()));
            attempt(
                    "ArticleImportService.preview",
                    teacher,
                    () -> articleImport.preview(new PastedArticle(
                            in.text(),
                            in.textOrNull(),
                            in.textOrNull(),
                            in.textOrNull(),
                            in.dateOrNull(),
                            in.textOrNull())));
            attempt(
                    "ArticleImportService.previewFile",
                    teacher,
                    () -> articleImport.previewFile(in.codeOr("a.txt", "a.html", "a.pdf", "a.docx"), in.bytes()));
            attempt("ArticleImportService.save", teacher, () -> articleImport.save(draft()));
            attempt("ArticleImportService.saveEdit", teacher, () -> {
                int version = in.chance(60)
                        ? articleImport.editable(isegoria.articleId()).version()
                        : in.number();
                return articleImport.saveEdit(
                        in.chance(80) ? isegoria.articleId() : in.id(),
                        version,
                        new ArticleCorrection(
                                in.text(),
                                in.chance(10) ? "Corrected words." : in.text(),
                                in.textOrNull(),
                                publicationDate(),
                                in.textOrNull()));
            });
            attempt("OutletEditService.saveEdit", teacher, () -> {
                int version =
                        in.chance(60) ? outletEdit.editable(isegoria.outletId()).version() : in.number();
                return outletEdit.saveEdit(
                        in.chance(80) ? isegoria.outletId() : in.id(),
                        version,
                        new OutletCorrection(
                                in.text(),
                                in.chance(20) ? null : in.oneOf(OutletKind.values()),
                                in.textOrNull(),
                                in.textOrNull(),
                                in.textOrNull(),
                                in.textOrNull(),
                                in.textOrNull(),
                                in.textOrNull(),
                                in.textOrNull()));
            });
        }
    }

    /**
     * U+0000 inside otherwise valid article input: the random drafts above rarely pass every other
     * check, so this reaches the insert on purpose.
     */
    private void nulInsideValidArticles() {
        String fresh = claims.text() + " A closing sentence added by the hostile input test " + in.seed() + ".";
        attempt("ArticleImportService.save", teacher, () -> {
            ArticleDraft valid = articleImport.preview(PastedArticle.of(fresh));
            return articleImport.save(new ArticleDraft(
                    "A headline\u0000 with a NUL",
                    valid.body(),
                    frisky.outletId(),
                    valid.outletName(),
                    valid.outletHome(),
                    valid.newOutletKind(),
                    valid.byline(),
                    valid.published(),
                    valid.address(),
                    valid.addressSource(),
                    valid.language(),
                    valid.removed(),
                    valid.origin(),
                    valid.sourceFile()));
        });
        attempt("ArticleImportService.saveEdit", teacher, () -> {
            var editable = articleImport.editable(isegoria.articleId());
            return articleImport.saveEdit(
                    isegoria.articleId(),
                    editable.version(),
                    new ArticleCorrection(
                            editable.title() + "\u0000",
                            editable.body(),
                            editable.byline(),
                            editable.published(),
                            editable.address()));
        });
    }

    // --- key editors ------------------------------------------------------------------------

    private KeyDraft keyDraft(String text) {
        return new KeyDraft(
                in.list(3, () -> {
                    int[] span = in.span(text);
                    return new KeyDraft.Claim(
                            in.codeOr("c01", "c99"),
                            span[0],
                            span[1],
                            in.chance(20) ? Set.of() : EnumSet.of(in.oneOf(ClaimType.values())),
                            in.number(),
                            in.text(),
                            in.list(3, in::text),
                            in.list(3, in::text));
                }),
                in.list(3, () -> {
                    int[] span = in.span(text);
                    return new KeyDraft.Source(
                            in.codeOr("s01"),
                            in.text(),
                            in.list(3, in::text),
                            in.oneOf(SourceKind.values()),
                            List.of(),
                            in.textOrNull(),
                            in.chance(50),
                            in.textOrNull(),
                            List.of(new KeyDraft.Span(span[0], span[1])));
                }),
                in.list(3, in::text),
                in.text());
    }

    private ComparisonDraft comparisonDraft() {
        return new ComparisonDraft(
                in.list(
                        3,
                        () -> new ComparisonDraft.Entry(
                                in.chance(50) ? isegoria.articleId() : in.id(),
                                in.codeOr("neutral"),
                                in.codeOr("neutral", "hedged"),
                                in.list(3, in::text),
                                in.text(),
                                in.text(),
                                in.number(),
                                in.numberOrNull(),
                                in.number(),
                                in.numberOrNull(),
                                in.list(3, in::text),
                                in.list(3, in::text),
                                in.codeOr("original", "relay"),
                                in.list(3, in::text),
                                in.text(),
                                in.text())),
                in.list(3, () -> new ComparisonDraft.CoreClaim(in.codeOr("k01"), in.text(), List.of())),
                in.list(3, () -> new ComparisonDraft.Level(in.text(), in.text())));
    }

    private void keyEditorMethods() {
        UUID article = frisky.articleId();
        UUID storySet = frisky.storySetId();
        String text = claims.text();
        for (int i = 0; i < PER_METHOD; i++) {
            attempt("KeyEditorService.start", teacher, () -> keyEditor.start(in.id(article), in.chance(50)));
            attempt("KeyEditorService.save", teacher, () -> {
                var opened = keyEditor.open(article).flatMap(w -> java.util.Optional.ofNullable(w.key()));
                int version = opened.isPresent() && in.chance(60) ? opened.get().version() : in.number();
                return keyEditor.save(in.chance(85) ? article : in.id(), version, keyDraft(text));
            });
            attempt("KeyEditorService.publish", teacher, () -> keyEditor.publish(in.id(article), in.number()));
            attempt(
                    "ComparisonKeyEditorService.start",
                    teacher,
                    () -> comparisonEditor.start(in.id(storySet), in.chance(50)));
            attempt("ComparisonKeyEditorService.save", teacher, () -> {
                var opened = comparisonEditor.open(storySet).flatMap(w -> java.util.Optional.ofNullable(w.key()));
                int version = opened.isPresent() && in.chance(60) ? opened.get().version() : in.number();
                return comparisonEditor.save(in.chance(85) ? storySet : in.id(), version, comparisonDraft());
            });
            attempt(
                    "ComparisonKeyEditorService.publish",
                    teacher,
                    () -> comparisonEditor.publish(in.id(storySet), in.number()));
        }
    }

    // --- assignments ------------------------------------------------------------------------

    private NewStep step() {
        BigDecimal weight = in.oneOf(
                BigDecimal.ONE,
                BigDecimal.ZERO,
                new BigDecimal("-1"),
                new BigDecimal("1e400"),
                new BigDecimal("0.0001"));
        return new NewStep(
                in.codeOr(NewStep.MARK_CLAIMS, NewStep.IDENTIFY_SOURCES, NewStep.COMPARE_OUTLETS),
                weight,
                in.list(
                        3,
                        () -> in.oneOf(
                                isegoria.articleId(), warInContext.articleId(), new UUID(0, 0), UUID.randomUUID())),
                in.chance(50));
    }

    private void assignmentMethods() {
        UUID c = schoolClass.id();
        UUID adaId = studentId(ada);
        for (int i = 0; i < PER_METHOD; i++) {
            attempt(
                    "AssignmentService.assignMarkClaims",
                    teacher,
                    () -> assignments.assignMarkClaims(
                            in.chance(80) ? c : in.id(otherClass.id()),
                            new NewAssignment(
                                    in.chance(70) ? frisky.articleId() : in.id(),
                                    in.dateOrNull(),
                                    in.date(),
                                    in.chance(50),
                                    in.oneOf(FeedbackPolicy.values()),
                                    in.chance(50),
                                    in.dateOrNull(),
                                    in.chance(50),
                                    in.list(2, this::step))));
            attempt("AssignmentService.setDueDateFor", teacher, () -> {
                assignments.setDueDateFor(
                        in.chance(70) ? lesson.id() : in.id(), in.id(adaId), in.date(), in.textOrNull());
                return null;
            });
            attempt(
                    "AssignmentService.editJudgementRubric",
                    teacher,
                    () -> assignments.editJudgementRubric(
                            in.chance(70) ? compareLesson.id() : in.id(lesson.id()),
                            in.list(3, () -> new LibraryPins.RubricLevel(in.number(), in.text(), in.text()))));
            attempt("AssignmentService.editAssignment", teacher, () -> {
                UUID target = in.chance(70) ? lesson.id() : in.id();
                int version = in.chance(60) && target.equals(lesson.id())
                        ? assignments.settings(target).values().version()
                        : in.number();
                return assignments.editAssignment(
                        target,
                        new AssignmentEdit(
                                in.textOrNull(),
                                in.dateOrNull(),
                                in.dateOrNull(),
                                in.chance(50),
                                in.orNull(10, () -> in.oneOf(FeedbackPolicy.values())),
                                in.chance(50),
                                in.dateOrNull(),
                                in.chance(50),
                                version));
            });
            // Never the count the lesson's removal needs: archiving it would leave the other methods
            // nothing to work on. A wrong count must be refused with a sentence and change nothing.
            attempt("AssignmentService.removeAssignment", teacher, () -> {
                int started = assignments.settings(lesson.id()).started();
                UUID target = started > 0 && in.chance(40) ? lesson.id() : in.id();
                return assignments.removeAssignment(target, in.wrongVersion(started));
            });
            attempt("AssignmentService.restoreAssignment", teacher, () -> {
                assignments.restoreAssignment(in.id(lesson.id()));
                return null;
            });
            attempt("AssignmentService.releaseFeedback", teacher, () -> assignments.releaseFeedback(in.id()));
            attempt("AssignmentService.pinKeyVersion", teacher, () -> {
                assignments.pinKeyVersion(in.id(lesson.id()), in.id(), in.id(), in.chance(50));
                return null;
            });
            attempt("FeedbackService.startRevision", bo.username(), () -> {
                feedback.startRevision(in.id(compareLesson.id()));
                return null;
            });
            attempt(
                    "SubmissionService.openStep",
                    bo.username(),
                    () -> submissions.openStep(in.id(lesson.id()), in.chance(20) ? null : in.number()));
            attempt("SubmissionService.submit", bo.username(), () -> {
                submissions.submit(in.id(sources.attemptId(), compare.attemptId()));
                return null;
            });
        }
    }

    // --- the students' saves ----------------------------------------------------------------

    private void studentWorkMethods() {
        String claimText = claims.text();
        String sourceText = sources.text();
        List<UUID> sourceIds = new ArrayList<>();
        var compareSession = compare.compare();
        List<UUID> columns = compareSession.columns().stream()
                .map(LibraryPins.ColumnArticle::articleId)
                .toList();
        List<UUID> outlets = compareSession.columns().stream()
                .map(LibraryPins.ColumnArticle::outletId)
                .toList();
        List<String> coreClaims =
                compareSession.claims().stream().map(c -> c.id()).toList();
        String columnText = compareSession.columns().getFirst().canonicalText();
        for (int i = 0; i < PER_SAVE; i++) {
            attempt("SubmissionService.saveMark", bo.username(), () -> {
                int[] span = in.span(claimText);
                return submissions.saveMark(
                        in.chance(85) ? claims.attemptId() : in.id(sources.attemptId()),
                        in.chance(5)
                                ? null
                                : new MarkState(
                                        in.idOrNull(),
                                        in.seq(),
                                        span[0],
                                        span[1],
                                        in.exact(claimText, span[0], span[1]),
                                        in.textOrNull(),
                                        in.textOrNull(),
                                        in.codeOr("factual", "opinion"),
                                        in.chance(20)));
            });
            attempt("SourceWorkService.saveSource", ada.username(), () -> {
                UUID id = in.chance(30) && !sourceIds.isEmpty() ? in.oneOf(sourceIds) : UUID.randomUUID();
                SaveResult r = sourceWork.saveSource(
                        in.chance(85) ? sources.attemptId() : in.id(claims.attemptId()),
                        in.chance(5)
                                ? null
                                : new SourceState(
                                        in.chance(90) ? id : null,
                                        in.seq(),
                                        in.chance(30) ? "A spokesperson" : in.textOrNull(),
                                        in.codeOr("named-person", "anonymous", "media-outlet"),
                                        in.codeOr("first-hand", "relayed"),
                                        in.textOrNull(),
                                        in.chance(15)));
                if (r.status() == SaveStatus.SAVED) {
                    sourceIds.add(id);
                }
                return r;
            });
            attempt("SourceWorkService.saveMention", ada.username(), () -> {
                int[] span = in.span(sourceText);
                return sourceWork.saveMention(
                        in.chance(85) ? sources.attemptId() : in.id(),
                        in.chance(5)
                                ? null
                                : new MentionState(
                                        in.idOrNull(),
                                        in.seq(),
                                        sourceIds.isEmpty() || in.chance(30) ? in.idOrNull() : in.oneOf(sourceIds),
                                        span[0],
                                        span[1],
                                        in.exact(sourceText, span[0], span[1]),
                                        in.textOrNull(),
                                        in.textOrNull(),
                                        in.chance(15)));
            });
            attempt(
                    "SourceWorkService.saveLink",
                    ada.username(),
                    () -> sourceWork.saveLink(
                            in.chance(85) ? sources.attemptId() : in.id(),
                            in.chance(5)
                                    ? null
                                    : new LinkState(
                                            in.idOrNull(),
                                            in.seq(),
                                            in.textOrNull(),
                                            sourceIds.isEmpty() || in.chance(30) ? in.idOrNull() : in.oneOf(sourceIds),
                                            in.chance(15))));
            UUID attempt = in.chance(85) ? compare.attemptId() : in.id(claims.attemptId());
            attempt(
                    "CompareWorkService.saveGrid",
                    cy.username(),
                    () -> compareWork.saveGrid(
                            attempt,
                            in.chance(5)
                                    ? null
                                    : new CompareItems.GridState(
                                            in.idText(columns.toArray(UUID[]::new)),
                                            in.seq(),
                                            in.codeOr("neutral", "hedged", "sensational", "question"),
                                            in.numberOrNull(),
                                            in.numberOrNull(),
                                            in.codeOr("original", "relay", "mixed"),
                                            in.chance(10) ? null : in.list(3, in::text),
                                            in.textOrNull(),
                                            in.textOrNull())));
            attempt("CompareWorkService.saveSpan", cy.username(), () -> {
                int[] span = in.span(columnText);
                return compareWork.saveSpan(
                        attempt,
                        in.chance(5)
                                ? null
                                : new CompareItems.SpanState(
                                        in.idText(),
                                        in.seq(),
                                        in.idText(columns.toArray(UUID[]::new)),
                                        in.codeOr("hedge", "loaded"),
                                        span[0],
                                        span[1],
                                        in.exact(columnText, span[0], span[1]),
                                        in.textOrNull(),
                                        in.textOrNull(),
                                        in.chance(15)));
            });
            attempt("CompareWorkService.saveCell", cy.username(), () -> {
                int[] span = in.span(columnText);
                return compareWork.saveCell(
                        attempt,
                        in.chance(5)
                                ? null
                                : new CompareItems.CellState(
                                        in.chance(60) ? in.oneOf(coreClaims) : in.textOrNull(),
                                        in.idText(columns.toArray(UUID[]::new)),
                                        in.seq(),
                                        in.codeOr("fact", "attributed", "hedged", "absent"),
                                        in.chance(20) ? null : span[0],
                                        in.chance(20) ? null : span[1],
                                        in.exact(columnText, span[0], span[1]),
                                        in.textOrNull(),
                                        in.textOrNull()));
            });
            attempt(
                    "CompareWorkService.saveNote",
                    cy.username(),
                    () -> compareWork.saveNote(
                            attempt,
                            in.chance(5)
                                    ? null
                                    : new CompareItems.NoteState(
                                            in.idText(outlets.toArray(UUID[]::new)),
                                            in.seq(),
                                            in.chance(30) ? "https://example.org/about" : in.textOrNull(),
                                            in.textOrNull())));
            attempt(
                    "CompareWorkService.saveJudgement",
                    cy.username(),
                    () -> compareWork.saveJudgement(
                            attempt, in.chance(5) ? null : new CompareItems.JudgementState(in.seq(), in.textOrNull())));
        }
    }

    // --- the teacher's grading and key amendments ------------------------------------------

    private void gradingMethods() {
        UUID submitted = adaSubmitted;
        for (int i = 0; i < PER_METHOD; i++) {
            attempt("GradingActions.comment", teacher, () -> {
                grading.comment(in.id(submitted, claims.attemptId()), in.text());
                return null;
            });
            attempt("GradingActions.override", teacher, () -> {
                grading.override(
                        in.id(submitted),
                        in.chance(15) ? null : in.oneOf(Double.NaN, Double.POSITIVE_INFINITY, -1.0, 1e300, 101.0, -0.0),
                        in.text());
                return null;
            });
            attempt("GradingActions.gradeJudgement", teacher, () -> {
                grading.gradeJudgement(in.id(compare.attemptId(), submitted), in.number());
                return null;
            });
            attempt("GradingActions.reopen", teacher, () -> {
                grading.reopen(in.chance(80) ? in.id() : claims.attemptId());
                return null;
            });
            attempt("GradingActions.releaseFeedback", teacher, () -> {
                grading.releaseFeedback(in.chance(90) ? in.id() : in.id(compareLesson.id()));
                return null;
            });
        }
    }

    private void amendmentMethods() {
        String text = claims.text();
        UUID a = lesson.id();
        UUID c = compareLesson.id();
        for (int i = 0; i < PER_METHOD; i++) {
            attempt("KeyAmendments.acceptSpan", teacher, () -> {
                int[] span = in.span(text);
                return amendments.acceptSpan(
                        in.id(a, a, a),
                        span[0],
                        span[1],
                        in.chance(50) ? in.codeOr("c01", "c05") : null,
                        in.oneOf(ClaimType.values()));
            });
            attempt(
                    "KeyAmendments.acceptType",
                    teacher,
                    () -> amendments.acceptType(in.id(a, a), in.codeOr("c01", "c05"), in.oneOf(ClaimType.values())));
            attempt(
                    "KeyAmendments.acceptSourceKind",
                    teacher,
                    () -> amendments.acceptSourceKind(
                            in.id(a, a), in.codeOr("s01", "s02"), in.oneOf(SourceKind.values())));
            attempt(
                    "KeyAmendments.acceptSourceAlias",
                    teacher,
                    () -> amendments.acceptSourceAlias(in.id(a, a), in.codeOr("s01", "s02"), in.text()));
            attempt("KeyAmendments.acceptSourceSpan", teacher, () -> {
                int[] span = in.span(text);
                return amendments.acceptSourceSpan(in.id(a, a), in.codeOr("s01", "s02"), span[0], span[1]);
            });
            attempt(
                    "KeyAmendments.acceptCompareFraming",
                    teacher,
                    () -> amendments.acceptCompareFraming(
                            in.id(c, c),
                            in.id(isegoria.articleId(), warInContext.articleId()),
                            in.oneOf(CompareScoring.Framing.values())));
            attempt(
                    "KeyAmendments.acceptCompareReporting",
                    teacher,
                    () -> amendments.acceptCompareReporting(
                            in.id(c, c), in.id(isegoria.articleId()), in.oneOf(CompareScoring.Reporting.values())));
            attempt(
                    "KeyAmendments.acceptCompareCarriage",
                    teacher,
                    () -> amendments.acceptCompareCarriage(
                            in.id(c, c),
                            in.codeOr("k01", "k08"),
                            in.id(isegoria.articleId()),
                            in.oneOf(CompareScoring.Carriage.values())));
            attempt(
                    "KeyAmendments.withdrawAmendment",
                    teacher,
                    () -> amendments.withdrawAmendment(in.id(a, c), in.id()));
            attempt(
                    "KeyAmendments.acceptKeyVersion",
                    teacher,
                    () -> amendments.acceptKeyVersion(in.id(a), in.id(), in.id()));
            attempt("KeyAmendments.ignoreKeyVersion", teacher, () -> {
                amendments.ignoreKeyVersion(in.id(a), in.id(), in.id());
                return null;
            });
        }
    }

    // --- reads that take what people type ---------------------------------------------------

    /** Not writes, but they take typed text (a search, a code, a filter, a fetched page) to SQL or a parser. */
    private void readsOfTypedText() {
        String admin = fixtures.admin(schoolOf(teacher), "fuzz-admin");
        for (int i = 0; i < PER_METHOD; i++) {
            attempt("LibraryService.articles", teacher, () -> library.articles(in.text()));
            attempt(
                    "JoinService.preview",
                    null,
                    () -> join.preview(in.text(), new JoinService.From(in.codeOr("127.0.0.1"), in.text())));
            attempt(
                    "AuditLog.events",
                    admin,
                    () -> auditLog.events(
                            new org.lateral.audit.AuditLog.Filter(
                                    in.chance(30) ? null : in.oneOf(AuditAction.values()),
                                    in.text(),
                                    in.dateOrNull(),
                                    in.dateOrNull()),
                            in.number()));
            attempt(
                    "ArticleImportService.previewPage",
                    teacher,
                    () -> articleImport.previewPage(
                            in.bytes(), in.textOrNull(), in.codeOr("https://example.org/news/1", "http://10.0.0.1/")));
            attempt("SubmissionService.open", bo.username(), () -> submissions.open(in.id(lesson.id())));
        }
    }

    private UUID schoolOf(String username) {
        return jdbc.sql("SELECT school_id FROM account WHERE username = :u")
                .param("u", username)
                .query(UUID.class)
                .single();
    }
}
