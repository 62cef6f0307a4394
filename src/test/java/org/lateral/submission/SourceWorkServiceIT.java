package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
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
import org.lateral.assignment.NewStep;
import org.lateral.base.Schools;
import org.lateral.base.UserFacingException;
import org.lateral.base.highlighter.LinkState;
import org.lateral.base.highlighter.MarkState;
import org.lateral.base.highlighter.MentionState;
import org.lateral.base.highlighter.SaveResult;
import org.lateral.base.highlighter.SaveStatus;
import org.lateral.base.highlighter.SavedLink;
import org.lateral.base.highlighter.SavedMention;
import org.lateral.base.highlighter.SavedSource;
import org.lateral.base.highlighter.SourceState;
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

/**
 * Saving "Who says so?" work (DD013, "Source work"): sources, mentions and claim links are
 * versioned, idempotent, limited and saved only by the student whose work it is, like marks.
 */
@LateralServerTest
class SourceWorkServiceIT {

    @Autowired
    SourceWorkService work;

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
    OneTimeCredential student;
    OneTimeCredential classmate;
    AssignmentSummary assignment;
    MarkingSession session;

    /** The student's claim marks of step 1 on the key's claims c05, c06 and c07, which step 2 links. */
    String c05;

    String c06;
    String c07;

    /** A mark made and deleted in step 1 before it was submitted. */
    String deletedMark;

    @BeforeEach
    void aClassWithAnOpenAssignment() {
        teacher = "t-" + UUID.randomUUID().toString().substring(0, 8);
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, teacher, "History Teacher", Set.of(Role.TEACHER), "a long enough password");
        try (var s = SignedIn.as(users, teacher)) {
            ClassDetail schoolClass = classroom.createClass(new NewClass("Media", "", "", "UTC"));
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
                            false,
                            List.of(NewStep.of(NewStep.MARK_CLAIMS), NewStep.of(NewStep.IDENTIFY_SOURCES))));
        }
        try (var s = SignedIn.as(users, student.username())) {
            MarkingSession claims = submissions.open(assignment.id()).orElseThrow();
            assertThat(claims.exercise()).isEqualTo("mark-claims");
            c05 = markKeyClaim(claims, "c05");
            c06 = markKeyClaim(claims, "c06");
            c07 = markKeyClaim(claims, "c07");
            deletedMark = markKeyClaim(claims, "c08");
            int[] span = jdbc.sql("SELECT start_offset, end_offset FROM mark WHERE mark_id = :m")
                    .param("m", UUID.fromString(deletedMark))
                    .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)})
                    .single();
            assertThat(submissions
                            .saveMark(
                                    claims.attemptId(),
                                    new MarkState(
                                            UUID.fromString(deletedMark),
                                            2,
                                            span[0],
                                            span[1],
                                            claims.text().substring(span[0], span[1]),
                                            "",
                                            "",
                                            "factual",
                                            true))
                            .status())
                    .isEqualTo(SaveStatus.SAVED);
            submissions.submit(claims.attemptId());
            session = submissions.open(assignment.id()).orElseThrow();
            assertThat(session.exercise()).isEqualTo("identify-sources");
        }
    }

    /** Marks the words of a key claim in step 1, as a student who found it would; answers the mark id. */
    private String markKeyClaim(MarkingSession claims, String claimId) {
        var claim = jdbc.sql("""
                SELECT c.start_offset, c.end_offset, c.exact FROM key_claim c
                  JOIN lesson_step s ON s.key_version_id = c.key_version_id
                 WHERE s.assignment_id = :a AND s.position = 0 AND c.claim_id = :c
                """)
                .param("a", assignment.id())
                .param("c", claimId)
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)})
                .single();
        UUID markId = UUID.randomUUID();
        String exact = claims.text().substring(claim[0], claim[1]);
        assertThat(submissions
                        .saveMark(
                                claims.attemptId(),
                                new MarkState(markId, 1, claim[0], claim[1], exact, "", "", "factual", false))
                        .status())
                .isEqualTo(SaveStatus.SAVED);
        return markId.toString();
    }

    private UUID attempt() {
        return session.attemptId();
    }

    private static SourceState source(UUID id, int seq, String name, @Nullable String kind, boolean deleted) {
        return new SourceState(id, seq, name, kind, null, null, deleted);
    }

    private MentionState mention(UUID id, int seq, UUID sourceId, String quote, boolean deleted) {
        int at = session.text().indexOf(quote);
        assertThat(at).as(quote).isNotNegative();
        return new MentionState(id, seq, sourceId, at, at + quote.length(), quote, "", "", deleted);
    }

    private SaveResult save(OneTimeCredential who, @Nullable SourceState state) {
        try (var s = SignedIn.as(users, who.username())) {
            return work.saveSource(attempt(), state);
        }
    }

    private SaveResult save(OneTimeCredential who, @Nullable MentionState state) {
        try (var s = SignedIn.as(users, who.username())) {
            return work.saveMention(attempt(), state);
        }
    }

    private SaveResult save(OneTimeCredential who, @Nullable LinkState state) {
        try (var s = SignedIn.as(users, who.username())) {
            return work.saveLink(attempt(), state);
        }
    }

    private long rows(String table) {
        // The table name comes from this test only.
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE attempt_id = :a")
                .param("a", attempt())
                .query(Long.class)
                .single();
    }

    private long liveRows(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE attempt_id = :a AND NOT deleted")
                .param("a", attempt())
                .query(Long.class)
                .single();
    }

    private UUID savedSource(String name) {
        UUID id = UUID.randomUUID();
        assertThat(save(student, source(id, 1, name, "media-outlet", false)).status())
                .isEqualTo(SaveStatus.SAVED);
        return id;
    }

    @Test
    void another_student_and_the_teacher_cannot_save_into_a_students_work() {
        UUID mine = savedSource("The Daily Mail");
        try (var s = SignedIn.as(users, classmate.username())) {
            assertThatThrownBy(
                            () -> work.saveSource(attempt(), source(UUID.randomUUID(), 1, "Abu Khaled", null, false)))
                    .isInstanceOf(UserFacingException.class);
            assertThatThrownBy(
                            () -> work.saveMention(attempt(), mention(UUID.randomUUID(), 1, mine, "a source", false)))
                    .isInstanceOf(UserFacingException.class);
            assertThatThrownBy(() -> work.saveLink(attempt(), new LinkState(UUID.randomUUID(), 1, c05, mine, false)))
                    .isInstanceOf(UserFacingException.class);
            assertThatThrownBy(() -> work.saveSource(attempt(), source(mine, 2, "Changed", null, true)))
                    .isInstanceOf(UserFacingException.class);
        }
        try (var s = SignedIn.as(users, teacher)) {
            assertThatThrownBy(
                            () -> work.saveSource(attempt(), source(UUID.randomUUID(), 1, "Abu Khaled", null, false)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(
                            () -> work.saveMention(attempt(), mention(UUID.randomUUID(), 1, mine, "a source", false)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> work.saveLink(attempt(), new LinkState(UUID.randomUUID(), 1, c05, null, false)))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(rows("student_source")).isEqualTo(1);
        assertThat(liveRows("student_source")).isEqualTo(1);
        assertThat(rows("source_mention")).isZero();
        assertThat(rows("claim_link")).isZero();
    }

    @Test
    void a_save_is_applied_only_when_its_sequence_is_higher_and_replays_change_nothing() {
        UUID sourceId = UUID.randomUUID();
        assertThat(save(student, source(sourceId, 1, "The Daily Mail", null, false))
                        .status())
                .isEqualTo(SaveStatus.SAVED);
        assertThat(save(
                                student,
                                new SourceState(
                                        sourceId, 2, " The Daily Mail ", "media-outlet", "first-hand", null, false))
                        .status())
                .isEqualTo(SaveStatus.SAVED);
        SaveResult replay = save(student, source(sourceId, 1, "The Daily Mail", null, false));
        assertThat(replay.status()).isEqualTo(SaveStatus.STALE);
        assertThat(replay.seq()).isEqualTo(2);
        assertThat(save(student, new SourceState(sourceId, 2, "Other", "document", null, null, false))
                        .status())
                .as("the same seq twice")
                .isEqualTo(SaveStatus.STALE);
        assertThat(jdbc.sql("SELECT name || '/' || kind || '/' || origin FROM student_source WHERE source_id = :s")
                        .param("s", sourceId)
                        .query(String.class)
                        .single())
                .isEqualTo("The Daily Mail/media-outlet/first-hand");

        UUID mentionId = UUID.randomUUID();
        assertThat(save(student, mention(mentionId, 1, sourceId, "a source", false))
                        .status())
                .isEqualTo(SaveStatus.SAVED);
        assertThat(save(student, mention(mentionId, 2, sourceId, "The Daily Mail", false))
                        .status())
                .isEqualTo(SaveStatus.SAVED);
        assertThat(save(student, mention(mentionId, 1, sourceId, "a source", false))
                        .status())
                .isEqualTo(SaveStatus.STALE);
        assertThat(save(student, mention(mentionId, 2, sourceId, "The Daily Mail", false))
                        .status())
                .isEqualTo(SaveStatus.STALE);
        assertThat(jdbc.sql("SELECT exact FROM source_mention WHERE mention_id = :m")
                        .param("m", mentionId)
                        .query(String.class)
                        .single())
                .isEqualTo("The Daily Mail");

        UUID linkId = UUID.randomUUID();
        assertThat(save(student, new LinkState(linkId, 1, c05, null, false)).status())
                .isEqualTo(SaveStatus.SAVED);
        assertThat(save(student, new LinkState(linkId, 2, c05, sourceId, false)).status())
                .isEqualTo(SaveStatus.SAVED);
        assertThat(save(student, new LinkState(linkId, 1, c05, null, false)).status())
                .isEqualTo(SaveStatus.STALE);
        assertThat(save(student, new LinkState(linkId, 2, c05, sourceId, false)).status())
                .isEqualTo(SaveStatus.STALE);
        assertThat(jdbc.sql("SELECT source_id FROM claim_link WHERE link_id = :l")
                        .param("l", linkId)
                        .query(UUID.class)
                        .single())
                .isEqualTo(sourceId);
        assertThat(rows("student_source") + rows("source_mention") + rows("claim_link"))
                .isEqualTo(3);
    }

    @Test
    void a_delete_is_a_tombstone_that_an_older_save_cannot_undo() {
        UUID sourceId = savedSource("Abu Khaled");
        UUID mentionId = UUID.randomUUID();
        UUID linkId = UUID.randomUUID();
        save(student, mention(mentionId, 1, sourceId, "a source", false));
        save(student, new LinkState(linkId, 1, c05, sourceId, false));

        assertThat(save(student, mention(mentionId, 2, sourceId, "a source", true))
                        .status())
                .isEqualTo(SaveStatus.SAVED);
        assertThat(save(student, new LinkState(linkId, 2, c05, sourceId, true)).status())
                .isEqualTo(SaveStatus.SAVED);
        assertThat(save(student, source(sourceId, 2, "Abu Khaled", null, true)).status())
                .isEqualTo(SaveStatus.SAVED);

        assertThat(save(student, mention(mentionId, 1, sourceId, "a source", false))
                        .status())
                .isEqualTo(SaveStatus.STALE);
        assertThat(save(student, new LinkState(linkId, 1, c05, sourceId, false)).status())
                .isEqualTo(SaveStatus.STALE);
        assertThat(save(student, source(sourceId, 1, "Abu Khaled", null, false)).status())
                .isEqualTo(SaveStatus.STALE);

        assertThat(rows("student_source")).as("the tombstones stay").isEqualTo(1);
        assertThat(rows("source_mention")).isEqualTo(1);
        assertThat(rows("claim_link")).isEqualTo(1);
        assertThat(liveRows("student_source") + liveRows("source_mention") + liveRows("claim_link"))
                .isZero();

        // A deleted source takes no new mentions or links.
        SaveResult onDeleted = save(student, mention(UUID.randomUUID(), 1, sourceId, "a source", false));
        assertThat(onDeleted.status()).isEqualTo(SaveStatus.REJECTED);
        assertThat(onDeleted.message()).isEqualTo(SourceWorkModel.NO_SOURCE.english());
        assertThat(save(student, new LinkState(UUID.randomUUID(), 1, c06, sourceId, false))
                        .message())
                .isEqualTo(SourceWorkModel.NO_SOURCE.english());

        // Deleting what was never stored (made and removed offline) stores nothing.
        assertThat(save(student, source(UUID.randomUUID(), 2, "Gone", null, true))
                        .status())
                .isEqualTo(SaveStatus.SAVED);
        assertThat(save(student, new LinkState(UUID.randomUUID(), 2, c07, null, true))
                        .status())
                .isEqualTo(SaveStatus.SAVED);
        assertThat(rows("student_source") + rows("source_mention") + rows("claim_link"))
                .isEqualTo(3);
    }

    @Test
    void an_attempt_holds_at_most_50_sources() {
        for (int i = 0; i < SourceWorkModel.MAX_SOURCES_PER_ATTEMPT; i++) {
            savedSource("Source " + i);
        }
        SaveResult over = save(student, source(UUID.randomUUID(), 1, "One too many", null, false));
        assertThat(over.status()).isEqualTo(SaveStatus.REJECTED);
        assertThat(over.message())
                .isEqualTo("You have named 50 sources, the most one attempt can hold. Delete a source before adding "
                        + "another.");
        assertThat(rows("student_source")).isEqualTo(50);
    }

    @Test
    void a_source_holds_at_most_20_mentions() {
        UUID sourceId = savedSource("The Daily Mail");
        for (int i = 0; i < SourceWorkModel.MAX_MENTIONS_PER_SOURCE; i++) {
            assertThat(save(student, mention(UUID.randomUUID(), 1, sourceId, "The Daily Mail", false))
                            .status())
                    .isEqualTo(SaveStatus.SAVED);
        }
        SaveResult over = save(student, mention(UUID.randomUUID(), 1, sourceId, "The Daily Mail", false));
        assertThat(over.status()).isEqualTo(SaveStatus.REJECTED);
        assertThat(over.message())
                .isEqualTo("This source already has 20 mentions, the most one source can hold. Delete a mention before "
                        + "adding another.");
        assertThat(rows("source_mention")).isEqualTo(20);
        // Another source has its own 20.
        assertThat(save(student, mention(UUID.randomUUID(), 1, savedSource("Abu Khaled"), "a source", false))
                        .status())
                .isEqualTo(SaveStatus.SAVED);
    }

    @Test
    void moving_a_mention_to_a_full_source_is_refused_and_changes_nothing() {
        UUID full = savedSource("The Daily Mail");
        for (int i = 0; i < SourceWorkModel.MAX_MENTIONS_PER_SOURCE; i++) {
            save(student, mention(UUID.randomUUID(), 1, full, "The Daily Mail", false));
        }
        UUID other = savedSource("Abu Khaled");
        UUID mentionId = UUID.randomUUID();
        save(student, mention(mentionId, 1, other, "a source", false));
        SaveResult moved = save(student, mention(mentionId, 2, full, "a source", false));
        assertThat(moved.status()).isEqualTo(SaveStatus.REJECTED);
        assertThat(moved.message()).isEqualTo(SourceWorkModel.TOO_MANY_MENTIONS.english());
        assertThat(jdbc.sql("SELECT source_id FROM source_mention WHERE mention_id = :m")
                        .param("m", mentionId)
                        .query(UUID.class)
                        .single())
                .isEqualTo(other);
        // Changing the span of a mention already in the full source is not adding one.
        UUID inFull = jdbc.sql("SELECT mention_id FROM source_mention WHERE source_id = :s LIMIT 1")
                .param("s", full)
                .query(UUID.class)
                .single();
        assertThat(save(student, mention(inFull, 2, full, "Daily Mail", false)).status())
                .isEqualTo(SaveStatus.SAVED);
    }

    @Test
    void sources_added_and_deleted_count_against_a_limit_on_everything_the_attempt_stores() {
        for (int i = 0; i < SourceWorkModel.MAX_STORED_SOURCES_PER_ATTEMPT; i++) {
            UUID id = savedSource("Source " + i);
            assertThat(save(student, source(id, 2, "Source " + i, null, true)).status())
                    .isEqualTo(SaveStatus.SAVED);
        }
        SaveResult over = save(student, source(UUID.randomUUID(), 1, "One too many", null, false));
        assertThat(over.status()).isEqualTo(SaveStatus.REJECTED);
        assertThat(over.message()).isEqualTo(SourceWorkModel.TOO_MANY_STORED_SOURCES.english());
        assertThat(rows("student_source")).isEqualTo(SourceWorkModel.MAX_STORED_SOURCES_PER_ATTEMPT);
        assertThat(liveRows("student_source")).isZero();
    }

    @Test
    void an_attempt_holds_at_most_200_links() {
        UUID sourceId = savedSource("The Daily Mail");
        for (int i = 0; i < SourceWorkModel.MAX_LINKS_PER_ATTEMPT; i++) {
            assertThat(save(student, new LinkState(UUID.randomUUID(), 1, c05, i % 2 == 0 ? sourceId : null, false))
                            .status())
                    .isEqualTo(SaveStatus.SAVED);
        }
        SaveResult over = save(student, new LinkState(UUID.randomUUID(), 1, c06, null, false));
        assertThat(over.status()).isEqualTo(SaveStatus.REJECTED);
        assertThat(over.message()).isEqualTo(SourceWorkModel.TOO_MANY_LINKS.english());
        assertThat(rows("claim_link")).isEqualTo(200);
    }

    @Test
    void a_name_or_span_that_is_too_long_is_refused_with_a_reason_and_changes_nothing() {
        UUID sourceId = savedSource("The Daily Mail");
        SaveResult longName = save(student, source(sourceId, 2, "x".repeat(301), null, false));
        assertThat(longName.status()).isEqualTo(SaveStatus.REJECTED);
        assertThat(longName.message())
                .isEqualTo("A source’s name can be at most 300 characters. Write a shorter name.");
        assertThat(save(student, source(UUID.randomUUID(), 1, "x".repeat(300), null, false))
                        .status())
                .as("300 is allowed")
                .isEqualTo(SaveStatus.SAVED);
        SaveResult longOutlet =
                save(student, new SourceState(sourceId, 2, "Abu Khaled", null, "relayed", "y".repeat(301), false));
        assertThat(longOutlet.message())
                .isEqualTo("The outlet’s name can be at most 300 characters. Write a shorter name.");
        assertThat(jdbc.sql("SELECT seq || name FROM student_source WHERE source_id = :s")
                        .param("s", sourceId)
                        .query(String.class)
                        .single())
                .as("unchanged")
                .isEqualTo("1The Daily Mail");

        String text = session.text();
        int end = Math.min(text.length(), 2001);
        SaveResult longSpan = save(
                student,
                new MentionState(UUID.randomUUID(), 1, sourceId, 0, end, text.substring(0, end), "", "", false));
        assertThat(longSpan.status()).isEqualTo(SaveStatus.REJECTED);
        assertThat(longSpan.message()).isEqualTo("A mention can cover at most 2000 characters. Select a shorter part.");
        assertThat(rows("source_mention")).isZero();
    }

    @Test
    void a_mention_outside_the_text_or_with_other_words_or_an_unknown_source_is_refused() {
        UUID sourceId = savedSource("The Daily Mail");
        SaveResult outside =
                save(student, new MentionState(UUID.randomUUID(), 1, sourceId, 90_000, 90_010, "x", "", "", false));
        assertThat(outside.status()).isEqualTo(SaveStatus.REJECTED);
        assertThat(outside.message()).isEqualTo(SourceWorkModel.OUTSIDE.english());
        SaveResult wrongQuote =
                save(student, new MentionState(UUID.randomUUID(), 1, sourceId, 0, 5, "Hello", "", "", false));
        assertThat(wrongQuote.status()).isEqualTo(SaveStatus.REJECTED);
        assertThat(wrongQuote.message()).contains("not in the article");
        SaveResult unknown = save(student, mention(UUID.randomUUID(), 1, UUID.randomUUID(), "a source", false));
        assertThat(unknown.message()).isEqualTo(SourceWorkModel.NO_SOURCE.english());
        SaveResult badKind = save(student, source(UUID.randomUUID(), 1, "Abu Khaled", "gossip", false));
        assertThat(badKind.message()).isEqualTo(SourceWorkModel.BAD_KIND.english());
        SaveResult badClaim = save(student, new LinkState(UUID.randomUUID(), 1, "c05; drop", null, false));
        assertThat(badClaim.message()).isEqualTo(SourceWorkModel.UNREADABLE_LINK.english());
        assertThat(save(student, (SourceState) null).message()).isEqualTo(SourceWorkModel.UNREADABLE_SOURCE.english());
        assertThat(rows("source_mention") + rows("claim_link")).isZero();
        assertThat(rows("student_source")).isEqualTo(1);
    }

    @Test
    void the_outlet_is_kept_only_for_a_relayed_source() {
        UUID relayed = UUID.randomUUID();
        UUID firstHand = UUID.randomUUID();
        save(student, new SourceState(relayed, 1, "Abu Khaled", "named-person", "relayed", " The Daily Mail ", false));
        save(student, new SourceState(firstHand, 1, "Mr Smith", "named-person", "first-hand", "Left over", false));
        assertThat(jdbc.sql(
                                "SELECT coalesce(relayed_from, '-') FROM student_source WHERE attempt_id = :a ORDER BY name")
                        .param("a", attempt())
                        .query(String.class)
                        .list())
                .containsExactly("The Daily Mail", "-");
    }

    @Test
    void a_submitted_attempt_refuses_every_save() {
        UUID sourceId = savedSource("The Daily Mail");
        try (var s = SignedIn.as(users, student.username())) {
            submissions.submit(attempt());
        }
        SaveResult lateSource = save(student, source(sourceId, 2, "Changed", null, false));
        SaveResult lateMention = save(student, mention(UUID.randomUUID(), 1, sourceId, "a source", false));
        SaveResult lateLink = save(student, new LinkState(UUID.randomUUID(), 1, c05, sourceId, false));
        SaveResult lateDelete = save(student, source(sourceId, 3, "The Daily Mail", null, true));
        for (SaveResult late : new SaveResult[] {lateSource, lateMention, lateLink, lateDelete}) {
            assertThat(late.status()).isEqualTo(SaveStatus.REJECTED);
            assertThat(late.message()).isEqualTo("You have submitted this work, so it cannot change any more.");
        }
        assertThat(liveRows("student_source")).isEqualTo(1);
        assertThat(rows("source_mention") + rows("claim_link")).isZero();
    }

    private SourceWork sourceWork(OneTimeCredential who) {
        try (var s = SignedIn.as(users, who.username())) {
            return work.sourceWork(attempt());
        }
    }

    @Test
    void a_tab_reads_back_only_the_live_sources_mentions_and_links_with_their_seq() {
        UUID kept = savedSource("The Daily Mail");
        UUID gone = savedSource("Abu Khaled");
        assertThat(save(student, new SourceState(kept, 2, "Daily Mail", "media-outlet", "relayed", "The Sun", false))
                        .status())
                .isEqualTo(SaveStatus.SAVED);
        UUID liveMention = UUID.randomUUID();
        UUID deletedMention = UUID.randomUUID();
        UUID mentionOfGone = UUID.randomUUID();
        save(student, mention(liveMention, 1, kept, "a source", false));
        save(student, mention(liveMention, 3, kept, "The Daily Mail", false));
        save(student, mention(deletedMention, 1, kept, "a source", false));
        save(student, mention(deletedMention, 2, kept, "a source", true));
        save(student, mention(mentionOfGone, 1, gone, "a source", false));
        UUID linkToKept = UUID.randomUUID();
        UUID noSource = UUID.randomUUID();
        UUID linkToGone = UUID.randomUUID();
        UUID deletedLink = UUID.randomUUID();
        assertThat(save(student, new LinkState(linkToKept, 4, c05, kept, false)).status())
                .isEqualTo(SaveStatus.SAVED);
        save(student, new LinkState(noSource, 1, c06, null, false));
        save(student, new LinkState(linkToGone, 1, c07, gone, false));
        save(student, new LinkState(deletedLink, 1, c05, null, false));
        save(student, new LinkState(deletedLink, 2, c05, null, true));
        assertThat(save(student, source(gone, 2, "Abu Khaled", null, true)).status())
                .isEqualTo(SaveStatus.SAVED);

        SourceWork read = sourceWork(student);

        assertThat(read.sources()).hasSize(1);
        SavedSource source = read.sources().getFirst();
        assertThat(source)
                .extracting(
                        SavedSource::sourceId,
                        SavedSource::seq,
                        SavedSource::name,
                        SavedSource::kind,
                        SavedSource::origin,
                        SavedSource::relayedFrom)
                .containsExactly(kept.toString(), 2, "Daily Mail", "media-outlet", "relayed", "The Sun");
        assertThat(source.mentions())
                .extracting(SavedMention::mentionId, SavedMention::seq, SavedMention::exact)
                .containsExactly(tuple(liveMention.toString(), 3, "The Daily Mail"));
        SavedMention m = source.mentions().getFirst();
        assertThat(session.text().substring(m.start(), m.end())).isEqualTo("The Daily Mail");
        assertThat(read.links())
                .extracting(SavedLink::linkId, SavedLink::seq, SavedLink::claimRef, SavedLink::sourceId)
                .containsExactlyInAnyOrder(
                        tuple(linkToKept.toString(), 4, c05, kept.toString()),
                        tuple(noSource.toString(), 1, c06, null));

        assertThatThrownBy(() -> sourceWork(classmate)).isInstanceOf(UserFacingException.class);
        try (var s = SignedIn.as(users, teacher)) {
            assertThatThrownBy(() -> work.sourceWork(attempt())).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void a_link_must_name_a_live_claim_mark_of_step_one_and_not_a_key_claim_id() {
        UUID sourceId = savedSource("The Daily Mail");
        SaveResult unknown = save(student, new LinkState(UUID.randomUUID(), 1, "c999", sourceId, false));
        assertThat(unknown.status()).isEqualTo(SaveStatus.REJECTED);
        assertThat(unknown.message())
                .isEqualTo("This claim is not in the article’s claims any more. Choose the claim again.");
        SaveResult notAMark = save(
                student, new LinkState(UUID.randomUUID(), 1, UUID.randomUUID().toString(), null, false));
        assertThat(notAMark.message()).isEqualTo(SourceWorkModel.UNKNOWN_CLAIM.english());
        // In a lesson the student links the claims they found, never the key's (DD013).
        assertThat(save(student, new LinkState(UUID.randomUUID(), 1, "c05", sourceId, false))
                        .message())
                .as("a key claim id in a lesson with a claims step")
                .isEqualTo(SourceWorkModel.UNKNOWN_CLAIM.english());
        assertThat(save(student, new LinkState(UUID.randomUUID(), 1, deletedMark, sourceId, false))
                        .message())
                .as("a mark deleted before step 1 was submitted")
                .isEqualTo(SourceWorkModel.UNKNOWN_CLAIM.english());
        assertThat(rows("claim_link")).isZero();

        // A stored link cannot be moved to an unknown claim either; it keeps what it held.
        UUID linkId = UUID.randomUUID();
        assertThat(save(student, new LinkState(linkId, 1, c05, sourceId, false)).status())
                .as("a live mark of step 1")
                .isEqualTo(SaveStatus.SAVED);
        assertThat(save(student, new LinkState(linkId, 2, "nope", sourceId, false))
                        .message())
                .isEqualTo(SourceWorkModel.UNKNOWN_CLAIM.english());
        assertThat(jdbc.sql("SELECT seq || claim_ref FROM claim_link WHERE link_id = :l")
                        .param("l", linkId)
                        .query(String.class)
                        .single())
                .isEqualTo("1" + c05);
    }

    @Test
    void marks_go_only_to_the_claims_step_and_sources_only_to_the_sources_step() {
        int at = session.text().indexOf("Reportedly Defects");
        try (var s = SignedIn.as(users, student.username())) {
            SaveResult mark = submissions.saveMark(
                    attempt(),
                    new MarkState(UUID.randomUUID(), 1, at, at + 18, "Reportedly Defects", "", "", "hedged", false));
            assertThat(mark.status()).isEqualTo(SaveStatus.REJECTED);
            assertThat(mark.message()).isEqualTo("This step of the lesson is not about marking claims.");
            UUID claimsAttempt = jdbc.sql("SELECT id FROM attempt WHERE submission_id = :s AND step = 0")
                    .param("s", session.submissionId())
                    .query(UUID.class)
                    .single();
            assertThatThrownBy(() ->
                            work.saveSource(claimsAttempt, source(UUID.randomUUID(), 1, "The Daily Mail", null, false)))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage("This step of the lesson is not about sources.");
        }
        assertThat(rows("student_source")).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM mark WHERE attempt_id = :a")
                        .param("a", attempt())
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
