package org.lateral.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.Fixtures;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.AssignmentSummary;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.NewAssignment;
import org.lateral.base.Schools;
import org.lateral.base.UserFacingException;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.JoinService;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.classroom.RosterEntry;
import org.lateral.classroom.StudentDataService;
import org.lateral.harness.VaadinClient;
import org.lateral.library.ClaimType;
import org.lateral.library.LibraryEntry;
import org.lateral.library.LibraryPins;
import org.lateral.library.LibraryService;
import org.lateral.library.PackService;
import org.lateral.library.keys.ComparisonKeyEditorService;
import org.lateral.library.keys.KeyEditorService;
import org.lateral.security.AuditAction;
import org.lateral.security.AuditOutcome;
import org.lateral.security.AuditTrail;
import org.lateral.security.NotYoursException;
import org.lateral.security.Role;
import org.lateral.submission.GradingActions;
import org.lateral.submission.KeyAmendments;
import org.lateral.submission.KeyPreview;
import org.lateral.submission.MarkingSession;
import org.lateral.submission.ResultsService;
import org.lateral.submission.StudentWorkService;
import org.lateral.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail (R19, DD022) through the real services: each kind of event is caused the way a
 * person causes it (the login form, the authentication provider, a refused service call, the key
 * editor, the pack export, a key amendment, a password reset, a teacher reading a student's work)
 * and its row is checked field by field. Then what must never be in it, what must stay one line,
 * that the table refuses changes, and that the purge removes only what is past the retention.
 */
@LateralServerTest
@ExtendWith(OutputCaptureExtension.class)
class AuditTrailIT {

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
    AuthenticationManager authentication;

    @Autowired
    ClassroomService classroom;

    @Autowired
    JoinService joins;

    @Autowired
    AssignmentService assignments;

    @Autowired
    LibraryService library;

    @Autowired
    SubmissionService submissions;

    @Autowired
    GradingActions grading;

    @Autowired
    KeyAmendments amendments;

    @Autowired
    ResultsService results;

    @Autowired
    StudentWorkService studentWork;

    @Autowired
    KeyEditorService keys;

    @Autowired
    PackService packs;

    @Autowired
    AuditTrail audit;

    @Autowired
    ComparisonKeyEditorService comparisons;

    @Autowired
    LibraryPins pins;

    @Autowired
    StudentDataService studentData;

    @Autowired
    AuditRetention retention;

    /** One row as stored. */
    record Row(
            long id,
            Instant at,
            UUID school,
            UUID actor,
            String username,
            String role,
            String action,
            String objectType,
            List<UUID> objectIds,
            String ip,
            String outcome,
            String detail) {}

    private List<Row> rows(String where, Map<String, ?> params) {
        return jdbc.sql("SELECT * FROM audit_event WHERE " + where + " ORDER BY id")
                .params(params)
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getObject("school_id", UUID.class),
                        rs.getObject("actor_id", UUID.class),
                        rs.getString("actor_username"),
                        rs.getString("actor_role"),
                        rs.getString("action"),
                        rs.getString("object_type"),
                        Arrays.stream((Object[]) rs.getArray("object_ids").getArray())
                                .map(UUID.class::cast)
                                .toList(),
                        rs.getString("source_ip"),
                        rs.getString("outcome"),
                        rs.getString("detail")))
                .list();
    }

    private long lastId() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event")
                .query(Long.class)
                .single();
    }

    /** The one event of this action since {@code after}, by this account (null: nobody signed in). */
    private Row only(long after, AuditAction action, String username) {
        List<Row> found = rows(
                "id > :after AND action = :action AND actor_username = :u",
                Map.of("after", after, "action", action.name(), "u", username == null ? "" : username));
        assertThat(found).as(action + " by " + username).hasSize(1);
        Row row = found.getFirst();
        assertThat(row.at())
                .isBetween(
                        Instant.now().minus(Duration.ofMinutes(10)),
                        Instant.now().plusSeconds(5));
        return row;
    }

    private UUID accountId(String username) {
        return jdbc.sql("SELECT id FROM account WHERE username = :u")
                .param("u", username)
                .query(UUID.class)
                .single();
    }

    private static void assertActor(Row row, UUID school, UUID actor, String username, String role) {
        assertThat(row.school()).as("school").isEqualTo(school);
        assertThat(row.actor()).as("actor id").isEqualTo(actor);
        assertThat(row.username()).as("username").isEqualTo(username);
        assertThat(row.role()).as("role").isEqualTo(role);
    }

    // --- sign-in through the login form ------------------------------------------------------

    record Login(int status, String location, String sessionId, HttpClient http) {}

    private Login signIn(String username, String password) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String page = http.send(
                        HttpRequest.newBuilder(url("login")).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher token = VaadinClient.CSRF_META.matcher(page);
        assertThat(token.find()).isTrue();
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token.group(1));
        HttpResponse<Void> response = http.send(
                HttpRequest.newBuilder(url("login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        String session = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse("");
        return new Login(
                response.statusCode(), response.headers().firstValue("Location").orElse(""), session, http);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + "/" + path);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // --- the events --------------------------------------------------------------------------

    @Test
    void each_kind_of_event_is_recorded_with_all_its_fields_and_nothing_secret(@TempDir Path temp) throws Exception {
        long start = lastId();
        UUID school = fixtures.schoolWithOwnPack("Audit school", temp);
        String teacher = fixtures.teacher(school, "audit-teacher");
        UUID teacherId = accountId(teacher);
        UUID otherSchool = fixtures.school("Audit other school");
        String stranger = fixtures.teacher(otherSchool, "audit-stranger");
        List<String> secrets = new ArrayList<>(List.of(PASSWORD));

        // Sign-in: right and wrong, through the login form and the real authentication provider.
        Login in = signIn(teacher, PASSWORD);
        assertThat(in.location()).doesNotContain("error");
        assertThat(in.sessionId()).isNotBlank();
        secrets.add(in.sessionId());
        Row signedIn = only(start, AuditAction.SIGN_IN, teacher);
        assertActor(signedIn, school, teacherId, teacher, "TEACHER");
        assertThat(signedIn.outcome()).isEqualTo("SUCCESS");
        assertThat(signedIn.objectType()).isEqualTo("account");
        assertThat(signedIn.objectIds()).containsExactly(teacherId);
        assertThat(signedIn.ip()).as("the remote address of the form's request").isEqualTo("127.0.0.1");

        Login wrong = signIn(teacher, "not the password at all");
        assertThat(wrong.location()).contains("error");
        secrets.add("not the password at all");
        Row failed = only(start, AuditAction.SIGN_IN_FAILED, teacher);
        assertActor(failed, school, teacherId, teacher, "TEACHER");
        assertThat(failed.outcome()).isEqualTo("FAILURE");
        assertThat(failed.detail()).isEqualTo("wrong username or password");
        assertThat(failed.ip()).isEqualTo("127.0.0.1");

        // A username that matches no account is not kept: it may be a password in the wrong field.
        String typedInTheWrongField = "Secret-" + UUID.randomUUID();
        secrets.add(typedInTheWrongField);
        assertThatThrownBy(() -> authentication.authenticate(
                        UsernamePasswordAuthenticationToken.unauthenticated(typedInTheWrongField, "whatever")))
                .isInstanceOf(BadCredentialsException.class);
        Row unknown = rows("id > :after AND action = 'SIGN_IN_FAILED' AND actor_id IS NULL", Map.of("after", start))
                .getLast();
        assertThat(unknown.school()).isNull();
        assertThat(unknown.username()).isEmpty();
        assertThat(unknown.detail()).contains("unknown username");

        // Ten wrong passwords for one account, then the throttle refuses before checking (a lockout).
        String guessed = fixtures.teacher(school, "audit-guessed");
        for (int i = 0; i <= 10; i++) {
            int n = i;
            assertThatThrownBy(() -> authentication.authenticate(
                            UsernamePasswordAuthenticationToken.unauthenticated(guessed, "guess number " + n)))
                    .isInstanceOf(BadCredentialsException.class);
            secrets.add("guess number " + n);
        }
        Row throttled = only(start, AuditAction.SIGN_IN_THROTTLED, guessed);
        assertActor(throttled, school, accountId(guessed), guessed, "TEACHER");
        assertThat(throttled.outcome()).isEqualTo("DENIED");
        assertThat(throttled.detail()).contains("too many tries for this username");

        // A class, two students, a lesson on a pack article with a complete key.
        ClassDetail media;
        List<OneTimeCredential> students;
        AssignmentSummary lesson;
        UUID articleId;
        try (var s = SignedIn.as(users, teacher)) {
            media = classroom.createClass(new NewClass("Audit 9A", "", "", "UTC"));
            students = classroom.createStudents(media.id(), "Ada Audit\nBen Audit");
            LibraryEntry article = library.articles("").stream()
                    .filter(e -> e.keyStatus() == LibraryEntry.KeyStatus.COMPLETE)
                    .findFirst()
                    .orElseThrow();
            articleId = article.articleId();
            lesson = assignments.assignMarkClaims(
                    media.id(),
                    new NewAssignment(
                            article.articleId(),
                            null,
                            java.time.LocalDate.now().plusDays(3),
                            true,
                            FeedbackPolicy.AFTER_SUBMIT,
                            false,
                            null,
                            false));
        }
        students.forEach(c -> secrets.add(c.password()));
        UUID ada = accountId(students.getFirst().username());
        UUID attempt;
        try (var s = SignedIn.as(users, students.getFirst().username())) {
            MarkingSession session = submissions.open(lesson.id()).orElseThrow();
            attempt = session.attemptId();
            submissions.submit(attempt);
        }

        // Join codes: a wrong one keeps two characters; a right one names the class.
        ClassDetail withCode;
        try (var s = SignedIn.as(users, teacher)) {
            withCode = classroom.classDetail(media.id()).orElseThrow();
        }
        String code = withCode.joinCode();
        assertThat(code).isNotBlank();
        secrets.add(code);
        String wrongCode = "QQQQQQQQ" + code.substring(code.length() - 2, code.length() - 1) + "Z";
        secrets.add(wrongCode);
        assertThatThrownBy(() -> joins.preview(wrongCode, new JoinService.From("10.9.8.7", "audit-session")))
                .isInstanceOf(UserFacingException.class);
        Row badTry = rows("id > :after AND action = 'JOIN_CODE_TRY' AND outcome = 'FAILURE'", Map.of("after", start))
                .getLast();
        assertThat(badTry.actor()).isNull();
        assertThat(badTry.school())
                .as("a wrong code belongs to no known school")
                .isNull();
        assertThat(badTry.detail()).contains("ending in '" + wrongCode.substring(8) + "'");
        joins.preview(code, new JoinService.From("10.9.8.7", "audit-session"));
        Row goodTry = rows("id > :after AND action = 'JOIN_CODE_TRY' AND outcome = 'SUCCESS'", Map.of("after", start))
                .getLast();
        assertThat(goodTry.school()).isEqualTo(school);
        assertThat(goodTry.objectIds()).containsExactly(media.id());

        // A service call refused by its access rule: a teacher of another school resets a password.
        UUID strangerId = accountId(stranger);
        try (var s = SignedIn.as(users, stranger)) {
            assertThatThrownBy(() -> classroom.resetPassword(media.id(), ada)).isInstanceOf(NotYoursException.class);
        }
        Row denied = only(start, AuditAction.ACCESS_DENIED, stranger);
        assertActor(denied, otherSchool, strangerId, stranger, "TEACHER");
        assertThat(denied.outcome()).isEqualTo("DENIED");
        assertThat(denied.objectType()).isEqualTo("service call");
        assertThat(denied.objectIds()).containsExactly(media.id(), ada);
        assertThat(denied.detail()).isEqualTo("ClassroomService.resetPassword");

        try (var s = SignedIn.as(users, teacher)) {
            // A password reset, from an address behind no trusted proxy: the remote address counts,
            // not a header anyone can type.
            MockHttpServletRequest request = new MockHttpServletRequest();
            request.setRemoteAddr("192.0.2.44");
            request.addHeader("X-Forwarded-For", "203.0.113.9");
            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
            OneTimeCredential reset;
            try {
                reset = classroom.resetPassword(media.id(), ada);
            } finally {
                RequestContextHolder.resetRequestAttributes();
            }
            secrets.add(reset.password());
            Row resetRow = only(start, AuditAction.PASSWORD_RESET, teacher);
            assertActor(resetRow, school, teacherId, teacher, "TEACHER");
            assertThat(resetRow.outcome()).isEqualTo("SUCCESS");
            assertThat(resetRow.objectType()).isEqualTo("class, student");
            assertThat(resetRow.objectIds()).containsExactly(media.id(), ada);
            assertThat(resetRow.ip()).isEqualTo("192.0.2.44");

            // Switching the account off and on; Ada's open session ends at her next request.
            Login adaIn = signIn(students.getFirst().username(), reset.password());
            assertThat(adaIn.location()).doesNotContain("error");
            secrets.add(adaIn.sessionId());
            classroom.disableStudent(media.id(), ada);
            adaIn.http().send(HttpRequest.newBuilder(url("")).GET().build(), HttpResponse.BodyHandlers.discarding());
            Row ended =
                    only(start, AuditAction.SESSION_ENDED, students.getFirst().username());
            assertActor(ended, school, ada, students.getFirst().username(), "STUDENT");
            assertThat(ended.detail()).isEqualTo("password changed or reset, or account switched off");
            assertThat(ended.ip()).isEqualTo("127.0.0.1");
            classroom.enableStudent(media.id(), ada);
            assertThat(only(start, AuditAction.ACCOUNT_DISABLED, teacher).objectIds())
                    .containsExactly(media.id(), ada);
            assertThat(only(start, AuditAction.ACCOUNT_ENABLED, teacher).objectIds())
                    .containsExactly(media.id(), ada);

            // Reading a student's work: the attempt review and the student's drill-down.
            assertThat(results.review(attempt)).isPresent();
            Row viewed = only(start, AuditAction.SUBMISSION_VIEWED, teacher);
            assertActor(viewed, school, teacherId, teacher, "TEACHER");
            assertThat(viewed.objectType()).isEqualTo("attempt");
            assertThat(viewed.objectIds()).containsExactly(attempt);
            assertThat(studentWork.drillDown(media.id(), ada)).isPresent();
            assertThat(rows(
                            "id > :after AND action = 'SUBMISSION_VIEWED' AND object_type = 'class, student'",
                            Map.of("after", start)))
                    .singleElement()
                    .satisfies(r -> assertThat(r.objectIds()).containsExactly(media.id(), ada));

            // A score override: the reason is the teacher's words about the work, so it is not copied.
            String reason = "Ada found the hidden source " + UUID.randomUUID();
            secrets.add(reason);
            grading.override(attempt, 55.0, reason);
            Row override = only(start, AuditAction.SCORE_OVERRIDDEN, teacher);
            assertActor(override, school, teacherId, teacher, "TEACHER");
            assertThat(override.objectType()).isEqualTo("attempt");
            assertThat(override.objectIds()).containsExactly(attempt);
            assertThat(override.detail()).isEqualTo("score set to 55.0");

            // A refused override leaves no event: it did not happen.
            long beforeRefusal = lastId();
            assertThatThrownBy(() -> grading.override(attempt, 500.0, "too much"))
                    .isInstanceOf(UserFacingException.class);
            assertThat(rows("id > :after AND action = 'SCORE_OVERRIDDEN'", Map.of("after", beforeRefusal)))
                    .isEmpty();

            // A key amendment: a passage accepted as a claim added to this assignment's key.
            amendments.acceptSpan(lesson.id(), 0, 5, null, ClaimType.HEDGED);
            Row amended = only(start, AuditAction.KEY_AMENDED, teacher);
            assertActor(amended, school, teacherId, teacher, "TEACHER");
            assertThat(amended.objectType()).isEqualTo("assignment");
            assertThat(amended.objectIds()).containsExactly(lesson.id());

            // A key publication: the teacher's own copy of the pack's key, published.
            KeyEditorService.Workspace copy = keys.start(articleId, true);
            KeyEditorService.Publication published =
                    keys.publish(articleId, copy.key().version());
            assertThat(published.problems()).isEmpty();
            Row publication = only(start, AuditAction.KEY_PUBLISHED, teacher);
            assertActor(publication, school, teacherId, teacher, "TEACHER");
            assertThat(publication.objectType()).isEqualTo("article, key version");
            assertThat(publication.objectIds()).containsExactly(articleId, published.versionId());

            // A pack export.
            UUID storySet = packs.storySets().getFirst().id();
            byte[] zip = packs.exportPack(storySet).zip();
            assertThat(zip).isNotEmpty();
            Row export = only(start, AuditAction.PACK_EXPORTED, teacher);
            assertActor(export, school, teacherId, teacher, "TEACHER");
            assertThat(export.objectType()).isEqualTo("story set");
            assertThat(export.objectIds()).containsExactly(storySet);

            // The same pack imported back: everything is there already, which is a success.
            assertThat(packs.importPack("audit-pack.zip", zip).imported()).isTrue();
            Row imported = only(start, AuditAction.PACK_IMPORTED, teacher);
            assertActor(imported, school, teacherId, teacher, "TEACHER");
            assertThat(imported.outcome()).isEqualTo("SUCCESS");
            assertThat(imported.detail()).startsWith("pack 'audit-pack': ");

            // Removing a student from the class.
            UUID ben = accountId(students.get(1).username());
            classroom.removeStudent(media.id(), ben);
            assertThat(only(start, AuditAction.STUDENT_REMOVED, teacher).objectIds())
                    .containsExactly(media.id(), ben);
        }

        // Signing out through Spring Security's logout (the form Vaadin's sign-out button ends in).
        String page = in.http()
                .send(HttpRequest.newBuilder(url("")).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = VaadinClient.CSRF_META.matcher(page);
        assertThat(csrf.find()).as("a signed-in page carries a CSRF token").isTrue();
        in.http()
                .send(
                        HttpRequest.newBuilder(url("logout"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(csrf.group(1))))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        Row signedOut = only(start, AuditAction.SIGN_OUT, teacher);
        assertActor(signedOut, school, teacherId, teacher, "TEACHER");
        assertThat(signedOut.objectIds()).containsExactly(teacherId);
        assertThat(signedOut.ip()).isEqualTo("127.0.0.1");

        // Nothing secret anywhere in the table: passwords typed or issued, the session id, the join
        // code, the teacher's words about a student's work.
        List<String> texts = jdbc.sql("""
                        SELECT concat_ws(' | ', actor_username, actor_role, action, object_type,
                                         object_ids::text, source_ip, outcome, detail)
                          FROM audit_event
                        """).query(String.class).list();
        assertThat(texts).hasSizeGreaterThan(15);
        for (String secret : secrets) {
            assertThat(texts).as("no row contains a secret").noneMatch(t -> t.contains(secret));
        }
        assertThat(texts).as("control characters are encoded").noneMatch(t -> t.matches("(?s).*\\p{Cntrl}.*"));

        Set<String> covered = new TreeSet<>(rows("id > :after", Map.of("after", start)).stream()
                .map(Row::action)
                .toList());
        System.out.println("Audit trail: " + covered.size() + " of " + AuditAction.values().length
                + " event types caused through the real services and checked: " + covered);
        assertThat(covered)
                .contains(
                        "SIGN_IN",
                        "SIGN_IN_FAILED",
                        "SIGN_IN_THROTTLED",
                        "SESSION_ENDED",
                        "SIGN_OUT",
                        "ACCESS_DENIED",
                        "JOIN_CODE_TRY",
                        "PASSWORD_RESET",
                        "ACCOUNT_DISABLED",
                        "ACCOUNT_ENABLED",
                        "STUDENT_REMOVED",
                        "SUBMISSION_VIEWED",
                        "SCORE_OVERRIDDEN",
                        "KEY_AMENDED",
                        "KEY_PUBLISHED",
                        "PACK_EXPORTED",
                        "PACK_IMPORTED");
    }

    /**
     * The events the test above does not cause: a student renamed, a newer key version pinned, a
     * comparison key published, a student's data exported, a deletion refused and one done. Each
     * through the real service as the teacher who may do it; nothing of the student's name, username
     * or one-time password lands in the trail.
     */
    @Test
    void renames_key_pins_comparison_keys_and_student_data_exports_and_deletions_are_recorded(@TempDir Path temp)
            throws Exception {
        long start = lastId();
        UUID school = fixtures.schoolWithOwnPack("Audit school, second part", temp);
        String teacher = fixtures.teacher(school, "audit-second");
        UUID teacherId = accountId(teacher);
        List<String> secrets = new ArrayList<>(List.of(PASSWORD));
        try (var s = SignedIn.as(users, teacher)) {
            ClassDetail media = classroom.createClass(new NewClass("Audit 9B", "", "", "UTC"));
            List<OneTimeCredential> students = classroom.createStudents(media.id(), "Cy Audit\nDee Audit");
            students.forEach(c -> {
                secrets.add(c.password());
                secrets.add(c.username());
                secrets.add(c.displayName());
            });
            UUID cy = accountId(students.getFirst().username());
            UUID dee = accountId(students.get(1).username());

            // A student renamed: the ids, never the old or the new name.
            RosterEntry cyOnRoster = classroom.classDetail(media.id()).orElseThrow().roster().stream()
                    .filter(r -> r.studentId().equals(cy))
                    .findFirst()
                    .orElseThrow();
            String newName = "Cyril Renamed " + UUID.randomUUID();
            secrets.add(newName);
            classroom.renameStudent(media.id(), cy, newName, cyOnRoster.version());
            Row renamed = only(start, AuditAction.STUDENT_RENAMED, teacher);
            assertActor(renamed, school, teacherId, teacher, "TEACHER");
            assertThat(renamed.outcome()).isEqualTo("SUCCESS");
            assertThat(renamed.objectType()).isEqualTo("class, student");
            assertThat(renamed.objectIds()).containsExactly(media.id(), cy);
            assertThat(renamed.detail()).isEmpty();
            // A refused rename (a stale page) did not happen, so it leaves no event.
            long beforeStale = lastId();
            assertThatThrownBy(() -> classroom.renameStudent(media.id(), cy, "Stale Name", cyOnRoster.version()))
                    .isInstanceOf(UserFacingException.class);
            assertThat(rows("id > :after AND action = 'STUDENT_RENAMED'", Map.of("after", beforeStale)))
                    .isEmpty();

            // A newer key version pinned: the teacher publishes their own copy of the article's key,
            // and the lesson, which pinned the pack's key, moves to it.
            LibraryEntry article = library.articles("").stream()
                    .filter(e -> e.keyStatus() == LibraryEntry.KeyStatus.COMPLETE)
                    .findFirst()
                    .orElseThrow();
            AssignmentSummary lesson = assignments.assignMarkClaims(
                    media.id(),
                    new NewAssignment(
                            article.articleId(),
                            null,
                            java.time.LocalDate.now().plusDays(3),
                            true,
                            FeedbackPolicy.AFTER_SUBMIT,
                            false,
                            null,
                            false));
            KeyEditorService.Workspace copy = keys.start(article.articleId(), true);
            KeyEditorService.Publication published =
                    keys.publish(article.articleId(), copy.key().version());
            assertThat(published.problems()).isEmpty();
            KeyPreview preview = amendments.previewKeyVersion(lesson.id());
            assertThat(preview.newVersionId()).isEqualTo(published.versionId());
            amendments.acceptKeyVersion(lesson.id(), preview.currentVersionId(), preview.newVersionId());
            Row pinned = only(start, AuditAction.KEY_VERSION_PINNED, teacher);
            assertActor(pinned, school, teacherId, teacher, "TEACHER");
            assertThat(pinned.outcome()).isEqualTo("SUCCESS");
            assertThat(pinned.objectType()).isEqualTo("assignment, key version");
            assertThat(pinned.objectIds()).containsExactly(lesson.id(), published.versionId());

            // A comparison key published: the teacher's copy of the pack's key for the story set.
            UUID storySet = pins.storySetOfPack(school, "defectors").orElseThrow();
            ComparisonKeyEditorService.EditedComparison comparison =
                    comparisons.start(storySet, true).key();
            ComparisonKeyEditorService.Publication comparisonPublished =
                    comparisons.publish(storySet, comparison.version());
            assertThat(comparisonPublished.problems()).isEmpty();
            Row comparisonRow = only(start, AuditAction.COMPARISON_KEY_PUBLISHED, teacher);
            assertActor(comparisonRow, school, teacherId, teacher, "TEACHER");
            assertThat(comparisonRow.outcome()).isEqualTo("SUCCESS");
            assertThat(comparisonRow.objectType()).isEqualTo("story set, comparison key version");
            assertThat(comparisonRow.objectIds()).containsExactly(storySet, comparisonPublished.versionId());
            assertThat(comparisonRow.detail()).isEqualTo("a new version");

            // A student's data exported, then a deletion refused (a wrong confirmation) and one done.
            assertThat(studentData.exportJson(dee).bytes()).isNotEmpty();
            Row exported = only(start, AuditAction.STUDENT_DATA_EXPORTED, teacher);
            assertActor(exported, school, teacherId, teacher, "TEACHER");
            assertThat(exported.outcome()).isEqualTo("SUCCESS");
            assertThat(exported.objectType()).isEqualTo("student");
            assertThat(exported.objectIds()).containsExactly(dee);
            assertThat(exported.detail()).matches("[1-9][0-9]* rows");

            assertThatThrownBy(() -> studentData.deleteStudentData(
                            dee, students.getFirst().username()))
                    .isInstanceOf(UserFacingException.class);
            StudentDataService.StudentDataDeletion deletion =
                    studentData.deleteStudentData(dee, students.get(1).username());
            List<Row> deletions = rows(
                    "id > :after AND action = 'STUDENT_DATA_DELETED' AND actor_username = :u",
                    Map.of("after", start, "u", teacher));
            assertThat(deletions).extracting(Row::outcome).containsExactly("DENIED", "SUCCESS");
            for (Row row : deletions) {
                assertActor(row, school, teacherId, teacher, "TEACHER");
                assertThat(row.objectType()).isEqualTo("student");
                assertThat(row.objectIds()).containsExactly(dee);
            }
            assertThat(deletions.getFirst().detail()).isEqualTo("0 rows");
            assertThat(deletions.getLast().detail()).isEqualTo(deletion.total() + " rows");
        }

        List<String> texts =
                jdbc.sql("""
                        SELECT concat_ws(' | ', actor_username, actor_role, action, object_type,
                                         object_ids::text, source_ip, outcome, detail)
                          FROM audit_event WHERE id > :after
                        """).param("after", start).query(String.class).list();
        for (String secret : secrets) {
            assertThat(texts).as("no row contains a secret or a student's name").noneMatch(t -> t.contains(secret));
        }
        Set<String> covered = new TreeSet<>(rows("id > :after", Map.of("after", start)).stream()
                .map(Row::action)
                .toList());
        System.out.println("Audit trail, second part: " + covered);
        assertThat(covered)
                .contains(
                        "STUDENT_RENAMED",
                        "KEY_VERSION_PINNED",
                        "COMPARISON_KEY_PUBLISHED",
                        "STUDENT_DATA_EXPORTED",
                        "STUDENT_DATA_DELETED");
    }

    @Test
    void a_username_with_a_line_break_stays_one_line_in_the_table_and_the_log(CapturedOutput output) {
        long start = lastId();
        String forged = "mallory\r\nFAKE audit action=SIGN_IN outcome=SUCCESS user='admin'";
        audit.record(new AuditTrail.Entry(
                AuditAction.SIGN_IN,
                AuditOutcome.SUCCESS,
                new AuditTrail.Actor(UUID.randomUUID(), Schools.DEFAULT_SCHOOL_ID, forged, Set.of(Role.STUDENT)),
                null,
                "account",
                List.of(),
                "reason\u0007 with a bell\u202e and a bidi override",
                "10.0.0.1"));
        // The same through the sign-in form's provider, where nothing of an unknown username is kept.
        assertThatThrownBy(() -> authentication.authenticate(
                        UsernamePasswordAuthenticationToken.unauthenticated(forged, "whatever")))
                .isInstanceOf(BadCredentialsException.class);

        List<Row> stored = rows("id > :after AND action IN ('SIGN_IN', 'SIGN_IN_FAILED')", Map.of("after", start));
        assertThat(stored).hasSize(2);
        assertThat(stored.getFirst().username())
                .isEqualTo("mallory\\u000d\\u000aFAKE audit action=SIGN_IN outcome=SUCCESS user='admin'");
        assertThat(stored.getFirst().detail()).isEqualTo("reason\\u0007 with a bell\\u202e and a bidi override");
        assertThat(stored.get(1).username())
                .as("an unknown username is not kept")
                .isEmpty();
        assertThat(output.getOut().lines().filter(l -> l.startsWith("FAKE")))
                .as("no forged line in the log")
                .isEmpty();
        assertThat(output.getOut().lines().filter(l -> l.contains("mallory")))
                .singleElement()
                .satisfies(l -> assertThat(l)
                        .contains(" : audit action=SIGN_IN outcome=SUCCESS actor=")
                        .contains("\\u000d\\u000aFAKE"));
    }

    @Test
    void the_table_refuses_update_delete_and_truncate() {
        audit.record(AuditAction.PACK_EXPORTED, AuditOutcome.SUCCESS, "story set", List.of(), "kept");
        long id = lastId();
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET detail = 'changed' WHERE id = :id")
                        .param("id", id)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE id = :id")
                        .param("id", id)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_event").update())
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("append-only");
        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("kept");
    }

    @Test
    void the_purge_removes_only_events_older_than_the_retention() {
        String run = UUID.randomUUID().toString();
        for (int days : List.of(401, 399, 10)) {
            jdbc.sql("""
                            INSERT INTO audit_event (occurred_at, action, outcome, detail)
                            VALUES (:at, 'SIGN_IN', 'SUCCESS', :detail)
                            """)
                    .param("at", Timestamp.from(Instant.now().minus(Duration.ofDays(days))))
                    .param("detail", run + " " + days)
                    .update();
        }
        // Without the purge, an old row cannot be deleted either.
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE detail = :d")
                        .param("d", run + " 401")
                        .update())
                .isInstanceOf(DataAccessException.class);

        assertThat(retention.purge()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE detail LIKE :run ORDER BY detail")
                        .param("run", run + "%")
                        .query(String.class)
                        .list())
                .containsExactly(run + " 10", run + " 399");
        // The purge's permission ended with it.
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE detail = :d")
                        .param("d", run + " 399")
                        .update())
                .isInstanceOf(DataAccessException.class);
    }
}
