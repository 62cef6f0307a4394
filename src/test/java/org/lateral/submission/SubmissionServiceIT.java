package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.AssignmentSummary;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.NewAssignment;
import org.lateral.base.Schools;
import org.lateral.base.UserFacingException;
import org.lateral.base.highlighter.MarkState;
import org.lateral.base.highlighter.SaveResult;
import org.lateral.base.highlighter.SaveStatus;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.library.LibraryService;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Saving marks: versioned, idempotent, limited, and only by the student whose work it is. */
@LateralServerTest
class SubmissionServiceIT {

    @Autowired
    SubmissionService submissions;

    @Autowired
    AssignmentService assignments;

    @Autowired
    ClassroomService classroom;

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    LibraryService library;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    String teacher;
    ClassDetail schoolClass;
    OneTimeCredential student;
    OneTimeCredential classmate;
    AssignmentSummary assignment;

    @BeforeEach
    void aClassWithAnOpenAssignment() {
        teacher = "t-" + UUID.randomUUID().toString().substring(0, 8);
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, teacher, "History Teacher", Set.of(Role.TEACHER), "a long enough password");
        try (var s = SignedIn.as(users, teacher)) {
            schoolClass = classroom.createClass(new NewClass("Media", "", "", "UTC"));
            var created = classroom.createStudents(schoolClass.id(), "Ada\nBo");
            student = created.get(0);
            classmate = created.get(1);
            UUID frisky = library.articles("frisky").getFirst().articleId();
            assignment = assignments.assignMarkClaims(
                    schoolClass.id(),
                    new NewAssignment(
                            frisky,
                            null,
                            LocalDate.now().plusDays(3),
                            false,
                            FeedbackPolicy.AFTER_SUBMIT,
                            true,
                            null,
                            false));
        }
    }

    private MarkingSession open(OneTimeCredential who) {
        try (var s = SignedIn.as(users, who.username())) {
            return submissions.open(assignment.id()).orElseThrow();
        }
    }

    private MarkState state(MarkingSession session, UUID markId, int seq, String quote, String type, boolean deleted) {
        int at = session.text().indexOf(quote);
        return new MarkState(markId, seq, at, at + quote.length(), quote, "", "", type, deleted);
    }

    private SaveResult save(OneTimeCredential who, UUID attemptId, @Nullable MarkState state) {
        try (var s = SignedIn.as(users, who.username())) {
            return submissions.saveMark(attemptId, state);
        }
    }

    private long rows(UUID attemptId) {
        return jdbc.sql("SELECT count(*) FROM mark WHERE attempt_id = :a")
                .param("a", attemptId)
                .query(Long.class)
                .single();
    }

    @Test
    void opening_an_assignment_creates_one_submission_and_attempt_one_and_gives_words_for_snapping() {
        MarkingSession first = open(student);
        MarkingSession again = open(student);
        assertThat(again.submissionId()).isEqualTo(first.submissionId());
        assertThat(again.attemptId()).isEqualTo(first.attemptId());
        assertThat(first.attemptNumber()).isEqualTo(1);
        assertThat(first.text()).startsWith("The Head Of ISIS");
        assertThat(first.words().length).isGreaterThan(400).isEven();
    }

    @Test
    void a_save_is_applied_only_when_its_sequence_is_higher_and_replays_change_nothing() {
        MarkingSession session = open(student);
        UUID markId = UUID.randomUUID();
        assertThat(save(student, session.attemptId(), state(session, markId, 1, "Reportedly Defects", "hedged", false))
                        .status())
                .isEqualTo(SaveStatus.SAVED);
        assertThat(save(student, session.attemptId(), state(session, markId, 2, "Reportedly Defects", "factual", false))
                        .status())
                .isEqualTo(SaveStatus.SAVED);
        SaveResult replay =
                save(student, session.attemptId(), state(session, markId, 1, "Reportedly Defects", "hedged", false));
        assertThat(replay.status()).isEqualTo(SaveStatus.STALE);
        assertThat(replay.seq()).isEqualTo(2);
        assertThat(save(student, session.attemptId(), state(session, markId, 2, "Reportedly Defects", "factual", false))
                        .status())
                .as("the same save twice")
                .isEqualTo(SaveStatus.STALE);
        assertThat(jdbc.sql("SELECT claim_type FROM mark WHERE mark_id = :m")
                        .param("m", markId)
                        .query(String.class)
                        .single())
                .isEqualTo("factual");
        assertThat(rows(session.attemptId())).isEqualTo(1);
    }

    @Test
    void a_delete_is_a_tombstone_that_an_older_save_cannot_undo() {
        MarkingSession session = open(student);
        UUID markId = UUID.randomUUID();
        save(student, session.attemptId(), state(session, markId, 1, "a source", "attributed", false));
        assertThat(save(student, session.attemptId(), state(session, markId, 2, "a source", "attributed", true))
                        .status())
                .isEqualTo(SaveStatus.SAVED);
        assertThat(save(student, session.attemptId(), state(session, markId, 1, "a source", "attributed", false))
                        .status())
                .isEqualTo(SaveStatus.STALE);
        try (var s = SignedIn.as(users, student.username())) {
            assertThat(submissions.marks(session.attemptId())).isEmpty();
        }
        assertThat(rows(session.attemptId())).as("the tombstone stays").isEqualTo(1);
    }

    @Test
    void bad_input_is_refused_with_a_reason_and_writes_nothing() {
        MarkingSession session = open(student);
        SaveResult wrongQuote = save(
                student,
                session.attemptId(),
                new MarkState(UUID.randomUUID(), 1, 0, 5, "Hello", "", "", "factual", false));
        assertThat(wrongQuote.status()).isEqualTo(SaveStatus.REJECTED);
        assertThat(wrongQuote.message()).contains("not in the article");
        SaveResult badType =
                save(student, session.attemptId(), state(session, UUID.randomUUID(), 1, "If true", "gossip", false));
        assertThat(badType.status()).isEqualTo(SaveStatus.REJECTED);
        SaveResult outOfRange = save(
                student,
                session.attemptId(),
                new MarkState(UUID.randomUUID(), 1, 90_000, 90_010, "x", "", "", "factual", false));
        assertThat(outOfRange.status()).isEqualTo(SaveStatus.REJECTED);
        assertThat(rows(session.attemptId())).isZero();
    }

    @Test
    void an_attempt_holds_at_most_200_marks() {
        MarkingSession session = open(student);
        int[] words = session.words();
        for (int i = 0; i < MarkClaimsModel.MAX_MARKS_PER_ATTEMPT; i++) {
            int start = words[2 * i];
            int end = words[2 * i + 1];
            SaveResult r = save(
                    student,
                    session.attemptId(),
                    new MarkState(
                            UUID.randomUUID(),
                            1,
                            start,
                            end,
                            session.text().substring(start, end),
                            "",
                            "",
                            "factual",
                            false));
            assertThat(r.status()).isEqualTo(SaveStatus.SAVED);
        }
        int start = words[2 * 200];
        SaveResult over = save(
                student,
                session.attemptId(),
                new MarkState(
                        UUID.randomUUID(),
                        1,
                        start,
                        words[401],
                        session.text().substring(start, words[401]),
                        "",
                        "",
                        "factual",
                        false));
        assertThat(over.status()).isEqualTo(SaveStatus.REJECTED);
        assertThat(over.message()).contains("200");
        assertThat(rows(session.attemptId())).isEqualTo(200);
    }

    @Test
    void deleting_marks_that_were_never_saved_stores_nothing_however_many() {
        MarkingSession session = open(student);
        for (int i = 0; i < 1_000; i++) {
            SaveResult r = save(
                    student, session.attemptId(), state(session, UUID.randomUUID(), 1, "a source", "attributed", true));
            assertThat(r.status()).as("acknowledged, so the browser forgets it").isEqualTo(SaveStatus.SAVED);
        }
        assertThat(rows(session.attemptId())).isZero();
    }

    @Test
    void marks_made_and_deleted_count_against_a_limit_on_everything_the_attempt_stores() {
        MarkingSession session = open(student);
        int[] words = session.words();
        int made = 0;
        // Make and delete marks until the limit on stored rows (tombstones included) is reached.
        for (int i = 0; made < MarkClaimsModel.MAX_STORED_MARKS_PER_ATTEMPT; i++) {
            int start = words[2 * (i % 200)];
            int end = words[2 * (i % 200) + 1];
            UUID markId = UUID.randomUUID();
            MarkState live = new MarkState(
                    markId, 1, start, end, session.text().substring(start, end), "", "", "factual", false);
            assertThat(save(student, session.attemptId(), live).status()).isEqualTo(SaveStatus.SAVED);
            assertThat(save(
                                    student,
                                    session.attemptId(),
                                    new MarkState(
                                            markId,
                                            2,
                                            start,
                                            end,
                                            session.text().substring(start, end),
                                            "",
                                            "",
                                            "factual",
                                            true))
                            .status())
                    .isEqualTo(SaveStatus.SAVED);
            made++;
        }
        SaveResult over = save(
                student, session.attemptId(), state(session, UUID.randomUUID(), 1, "If true", "speculation", false));
        assertThat(over.status()).isEqualTo(SaveStatus.REJECTED);
        assertThat(over.message()).contains(String.valueOf(MarkClaimsModel.MAX_STORED_MARKS_PER_ATTEMPT));
        assertThat(rows(session.attemptId())).isEqualTo(MarkClaimsModel.MAX_STORED_MARKS_PER_ATTEMPT);
    }

    @Test
    void a_save_without_a_mark_is_refused_and_changes_nothing() {
        MarkingSession session = open(student);
        SaveResult nothing = save(student, session.attemptId(), null);
        assertThat(nothing.status()).isEqualTo(SaveStatus.REJECTED);
        assertThat(nothing.message()).isEqualTo("This mark could not be read. Please mark the words again.");
        assertThat(rows(session.attemptId())).isZero();
    }

    @Test
    void a_student_cannot_read_or_change_another_students_marks() {
        MarkingSession mine = open(student);
        save(student, mine.attemptId(), state(mine, UUID.randomUUID(), 1, "If true", "speculation", false));
        open(classmate);
        try (var s = SignedIn.as(users, classmate.username())) {
            assertThatThrownBy(() -> submissions.marks(mine.attemptId())).isInstanceOf(UserFacingException.class);
            assertThatThrownBy(() -> submissions.saveMark(
                            mine.attemptId(), state(mine, UUID.randomUUID(), 1, "a source", "attributed", false)))
                    .isInstanceOf(UserFacingException.class);
            assertThatThrownBy(() -> submissions.submit(mine.attemptId())).isInstanceOf(UserFacingException.class);
        }
        try (var s = SignedIn.as(users, teacher)) {
            assertThatThrownBy(() -> submissions.marks(mine.attemptId())).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(rows(mine.attemptId())).isEqualTo(1);
    }

    @Test
    void a_student_removed_from_the_class_can_no_longer_save_even_with_the_page_open() {
        MarkingSession session = open(student);
        UUID studentId = jdbc.sql("SELECT id FROM account WHERE username = :u")
                .param("u", student.username())
                .query(UUID.class)
                .single();
        try (var s = SignedIn.as(users, teacher)) {
            classroom.removeStudent(schoolClass.id(), studentId);
        }
        assertThatThrownBy(() -> save(
                        student,
                        session.attemptId(),
                        state(session, UUID.randomUUID(), 1, "If true", "speculation", false)))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("no longer in the class");
        assertThat(rows(session.attemptId())).isZero();
    }

    @Test
    void submitting_is_final_for_the_attempt() {
        MarkingSession session = open(student);
        UUID markId = UUID.randomUUID();
        save(student, session.attemptId(), state(session, markId, 1, "If true", "speculation", false));
        try (var s = SignedIn.as(users, student.username())) {
            submissions.submit(session.attemptId());
            assertThatThrownBy(() -> submissions.submit(session.attemptId())).hasMessageContaining("already submitted");
        }
        SaveResult late = save(student, session.attemptId(), state(session, markId, 2, "If true", "hedged", false));
        assertThat(late.status()).isEqualTo(SaveStatus.REJECTED);
        assertThat(late.message()).contains("submitted");
        assertThat(open(student).submitted()).isTrue();
    }
}
