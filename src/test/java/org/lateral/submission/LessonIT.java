package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
import org.lateral.base.highlighter.SourceState;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.library.LibraryService;
import org.lateral.library.SourceKind;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A lesson of two steps on the Frisky article (DD013): mark the claims, then "Who says so?". The
 * second step opens when the first is submitted, links the student's own claim marks, is scored
 * by the sources rules; the lesson score is the weighted mean; feedback waits for the last step.
 */
@LateralServerTest
class LessonIT {

    @Autowired
    SubmissionService submissions;

    @Autowired
    SourceWorkService work;

    @Autowired
    FeedbackService feedback;

    @Autowired
    ResultsService results;

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
    UUID frisky;

    @BeforeEach
    void aClass() {
        teacher = "t-" + UUID.randomUUID().toString().substring(0, 8);
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, teacher, "Other Teacher", Set.of(Role.TEACHER), "a long enough password");
        try (var s = SignedIn.as(users, teacher)) {
            schoolClass = classroom.createClass(new NewClass("Media", "", "", "UTC"));
            student = classroom.createStudents(schoolClass.id(), "Ada").getFirst();
            frisky = library.articles("frisky").getFirst().articleId();
        }
    }

    AssignmentSummary assign(List<NewStep> steps) {
        return assign(steps, true);
    }

    AssignmentSummary assign(List<NewStep> steps, boolean revision) {
        try (var s = SignedIn.as(users, teacher)) {
            return assignments.assignMarkClaims(
                    schoolClass.id(),
                    new NewAssignment(
                            frisky,
                            null,
                            LocalDate.now().plusDays(3),
                            false,
                            FeedbackPolicy.AFTER_SUBMIT,
                            revision,
                            null,
                            false,
                            steps));
        }
    }

    static List<NewStep> claimsThenSources(String sourcesWeight) {
        return List.of(
                NewStep.of(NewStep.MARK_CLAIMS), new NewStep(NewStep.IDENTIFY_SOURCES, new BigDecimal(sourcesWeight)));
    }

    int[] keyClaim(AssignmentSummary lesson, String claimId) {
        return jdbc.sql("""
                SELECT c.start_offset, c.end_offset FROM key_claim c
                  JOIN lesson_step s ON s.key_version_id = c.key_version_id
                 WHERE s.assignment_id = :a AND s.position = 0 AND c.claim_id = :c
                """)
                .param("a", lesson.id())
                .param("c", claimId)
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)})
                .single();
    }

    /** Marks the key claim's words with a type the key accepts for c05 ("attributed"). */
    UUID mark(MarkingSession claims, int[] span) {
        UUID markId = UUID.randomUUID();
        assertThat(submissions
                        .saveMark(
                                claims.attemptId(),
                                new MarkState(
                                        markId,
                                        1,
                                        span[0],
                                        span[1],
                                        claims.text().substring(span[0], span[1]),
                                        "",
                                        "",
                                        "attributed",
                                        false))
                        .status())
                .isEqualTo(SaveStatus.SAVED);
        return markId;
    }

    @Test
    void step_two_opens_after_step_one_links_its_marks_and_the_lesson_score_is_the_weighted_mean() {
        AssignmentSummary lesson = assign(claimsThenSources("3"));
        UUID markId;
        try (var s = SignedIn.as(users, student.username())) {
            MarkingSession claims = submissions.open(lesson.id()).orElseThrow();
            assertThat(claims.exercise()).isEqualTo("mark-claims");
            assertThat(claims.progress().steps())
                    .extracting(LessonProgress.Step::state)
                    .containsExactly(LessonProgress.State.OPEN, LessonProgress.State.LOCKED);
            // Asking for the locked step shows the open one.
            assertThat(submissions.openStep(lesson.id(), 1).orElseThrow().step())
                    .isZero();
            markId = mark(claims, keyClaim(lesson, "c05"));
            submissions.submit(claims.attemptId());
            assertThat(submittedAt(lesson))
                    .as("the lesson is not submitted with its first step")
                    .isNull();

            MarkingSession sources = submissions.open(lesson.id()).orElseThrow();
            assertThat(sources.exercise()).isEqualTo("identify-sources");
            assertThat(sources.step()).isEqualTo(1);
            assertThat(sources.claims())
                    .extracting(MarkingSession.ClaimToLink::ref, MarkingSession.ClaimToLink::label)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(markId.toString(), "Claim 1"));
            assertThat(sources.outlets()).contains("The Daily Mail");
            // The done step is there to review, read-only.
            MarkingSession review = submissions.openStep(lesson.id(), 0).orElseThrow();
            assertThat(review.submitted()).isTrue();
            assertThat(review.marks()).hasSize(1);

            UUID mail = UUID.randomUUID();
            assertThat(work.saveSource(
                                    sources.attemptId(),
                                    new SourceState(
                                            mail, 1, "The Daily Mail", "media-outlet", "first-hand", null, false))
                            .status())
                    .isEqualTo(SaveStatus.SAVED);
            String said = "told The Daily Mail";
            int at = sources.text().indexOf(said);
            assertThat(work.saveMention(
                                    sources.attemptId(),
                                    new MentionState(
                                            UUID.randomUUID(), 1, mail, at, at + said.length(), said, "", "", false))
                            .status())
                    .isEqualTo(SaveStatus.SAVED);
            assertThat(work.saveLink(
                                    sources.attemptId(),
                                    new LinkState(UUID.randomUUID(), 1, markId.toString(), mail, false))
                            .status())
                    .isEqualTo(SaveStatus.SAVED);
            submissions.submit(sources.attemptId());
        }
        assertThat(submittedAt(lesson))
                .as("the lesson is submitted with its last step")
                .isNotNull();
        var row = jdbc.sql("""
                SELECT s.exercise, s.rules_version, s.found, s.missed, s.source_recall, s.kind_accuracy,
                       s.origin_accuracy, s.link_f1
                  FROM score s JOIN attempt t ON t.id = s.attempt_id
                 WHERE t.submission_id = (SELECT id FROM submission WHERE assignment_id = :a) AND t.step = 1
                """)
                .param("a", lesson.id())
                .query((rs, n) -> List.of(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getBigDecimal(5).doubleValue(),
                        rs.getBigDecimal(6).doubleValue(),
                        rs.getBigDecimal(7).doubleValue(),
                        rs.getBigDecimal(8).doubleValue()))
                .single();
        // The Frisky key has two sources; the Daily Mail is found with the right kind and origin.
        assertThat(row).containsExactly("identify-sources", "1", 1, 1, 0.5, 1.0, 1.0, row.get(7));
        assertThat((double) row.get(7)).isBetween(0.0, 1.0);

        try (var s = SignedIn.as(users, teacher)) {
            Results.StudentResult ada =
                    results.results(lesson.id()).orElseThrow().students().getFirst();
            assertThat(ada.steps())
                    .extracting(Results.StepResult::exercise)
                    .containsExactly("mark-claims", "identify-sources");
            double claims = ada.steps().get(0).counted().score();
            double sources = ada.steps().get(1).counted().score();
            assertThat(ada.lessonScore()).isEqualTo(Math.round(10 * (claims + 3 * sources) / 4) / 10.0);
        }
    }

    @Autowired
    KeyAmendments keys;

    private double sourcesScore(AssignmentSummary lesson) {
        return jdbc.sql("""
                SELECT s.score FROM score s JOIN attempt t ON t.id = s.attempt_id
                 WHERE t.submission_id = (SELECT id FROM submission WHERE assignment_id = :a) AND t.step = 1
                 ORDER BY s.position DESC LIMIT 1
                """).param("a", lesson.id()).query(Double.class).single();
    }

    @Test
    void a_teacher_accepts_another_kind_and_another_name_for_a_source_and_every_attempt_is_scored_again() {
        AssignmentSummary lesson = assign(claimsThenSources("1"));
        try (var s = SignedIn.as(users, student.username())) {
            MarkingSession claims = submissions.open(lesson.id()).orElseThrow();
            UUID markId = mark(claims, keyClaim(lesson, "c05"));
            submissions.submit(claims.attemptId());
            MarkingSession sources = submissions.open(lesson.id()).orElseThrow();
            // The Daily Mail taken for a document, and the informant named as the student read it.
            UUID mail = UUID.randomUUID();
            work.saveSource(
                    sources.attemptId(),
                    new SourceState(mail, 1, "The Daily Mail", "document", "first-hand", null, false));
            work.saveLink(sources.attemptId(), new LinkState(UUID.randomUUID(), 1, markId.toString(), mail, false));
            work.saveSource(
                    sources.attemptId(),
                    new SourceState(UUID.randomUUID(), 1, "the defector", "anonymous", "relayed", "Daily Mail", false));
            submissions.submit(sources.attemptId());
        }
        double before = sourcesScore(lesson);
        try (var s = SignedIn.as(users, teacher)) {
            assertThat(keys.acceptSourceKind(lesson.id(), "s02", SourceKind.DOCUMENT))
                    .isEqualTo(2);
            double afterKind = sourcesScore(lesson);
            assertThat(afterKind).as("the kind now counts as right").isGreaterThan(before);
            assertThatThrownBy(() -> keys.acceptSourceKind(lesson.id(), "s02", SourceKind.DOCUMENT))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage("The key accepts that kind for this source already.");
            assertThat(keys.acceptSourceAlias(lesson.id(), "s01", "the defector"))
                    .isEqualTo(2);
            double afterAlias = sourcesScore(lesson);
            assertThat(afterAlias).as("the informant is now found by name").isGreaterThan(afterKind);
            assertThatThrownBy(() -> keys.acceptSourceAlias(lesson.id(), "s99", "anyone"))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage("That source is not in this assignment’s key.");
            assertThatThrownBy(() -> keys.acceptSourceAlias(lesson.id(), "s01", "  "))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage("A name is between 1 and 300 characters.");
            assertThatThrownBy(() -> keys.acceptSourceSpan(lesson.id(), "s01", -1, 5))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage("That passage is not in the article.");
            int[] said = keyClaim(lesson, "c05");
            assertThat(keys.acceptSourceSpan(lesson.id(), "s01", said[0], said[0] + 10))
                    .isEqualTo(2);
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM key_amendment
                             WHERE assignment_id = :a AND kind = 'source-span' AND claim_id = 's01' AND exact IS NOT NULL""")
                            .param("a", lesson.id())
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
            // Withdrawing the kind scores every attempt again without it.
            UUID kindChange = jdbc.sql("SELECT id FROM key_amendment WHERE assignment_id = :a AND kind = 'source-kind'")
                    .param("a", lesson.id())
                    .query(UUID.class)
                    .single();
            keys.withdrawAmendment(lesson.id(), kindChange);
            assertThat(sourcesScore(lesson))
                    .as("the Daily Mail's kind is wrong again")
                    .isLessThan(afterAlias);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM key_source WHERE 'the defector' = ANY (aliases)")
                        .query(Integer.class)
                        .single())
                .as("the library key is never changed")
                .isZero();
    }

    @Test
    void who_says_so_alone_links_the_keys_claims_drawn_without_types_and_gives_hints_then_the_review() {
        AssignmentSummary lesson = assign(List.of(NewStep.of(NewStep.IDENTIFY_SOURCES)));
        try (var s = SignedIn.as(users, student.username())) {
            MarkingSession sources = submissions.open(lesson.id()).orElseThrow();
            assertThat(sources.exercise()).isEqualTo("identify-sources");
            assertThat(sources.lesson()).as("one step: no stepper").isFalse();
            int keyClaims =
                    jdbc.sql("""
                            SELECT count(*) FROM key_claim c JOIN lesson_step s ON s.key_version_id = c.key_version_id
                             WHERE s.assignment_id = :a""").param("a", lesson.id()).query(Integer.class).single();
            assertThat(sources.claims()).hasSize(keyClaims);
            assertThat(sources.claims().getFirst().label()).isEqualTo("Claim 1");
            assertThat(sources.claims())
                    .extracting(MarkingSession.ClaimToLink::ref)
                    .contains("c05");
            UUID mail = UUID.randomUUID();
            work.saveSource(
                    sources.attemptId(),
                    new SourceState(mail, 1, "The Daily Mail", "media-outlet", "first-hand", null, false));
            assertThat(work.saveLink(sources.attemptId(), new LinkState(UUID.randomUUID(), 1, "c05", mail, false))
                            .status())
                    .as("a key claim id is the claim alone")
                    .isEqualTo(SaveStatus.SAVED);
            submissions.submit(sources.attemptId());

            StudentFeedback hints = feedback.feedback(lesson.id()).orElseThrow();
            assertThat(hints.hints()).isNull();
            assertThat(hints.sourceHints()).isNotNull();
            assertThat(hints.sourceHints().found()).isEqualTo(1);
            assertThat(hints.sources())
                    .as("no key while a revision is possible")
                    .isEmpty();
            assertThat(hints.toString()).doesNotContain("Abu Khaled (a pseudonym)");
        }
        assertThat(submittedAt(lesson)).isNotNull();
        try (var s = SignedIn.as(users, teacher)) {
            // A key change re-scores the lone sources step too.
            assertThat(keys.acceptSourceKind(lesson.id(), "s02", SourceKind.DOCUMENT))
                    .isEqualTo(1);
            Results results = this.results.results(lesson.id()).orElseThrow();
            assertThat(results.hasKey()).isTrue();
            Results.StudentResult ada = results.students().getFirst();
            assertThat(ada.steps()).extracting(Results.StepResult::exercise).containsExactly("identify-sources");
            assertThat(ada.lessonScore())
                    .isEqualTo(ada.steps().getFirst().counted().score());
        }
    }

    @Test
    void without_a_revision_the_released_feedback_has_both_steps_and_the_relay_chain() {
        AssignmentSummary lesson = assign(claimsThenSources("1"), false);
        try (var s = SignedIn.as(users, student.username())) {
            MarkingSession claims = submissions.open(lesson.id()).orElseThrow();
            UUID markId = mark(claims, keyClaim(lesson, "c05"));
            submissions.submit(claims.attemptId());
            MarkingSession sources = submissions.open(lesson.id()).orElseThrow();
            UUID informant = UUID.randomUUID();
            work.saveSource(
                    sources.attemptId(),
                    new SourceState(informant, 1, "Abu Khaled", "named-person", "first-hand", null, false));
            work.saveLink(
                    sources.attemptId(), new LinkState(UUID.randomUUID(), 1, markId.toString(), informant, false));
            submissions.submit(sources.attemptId());

            StudentFeedback done = feedback.feedback(lesson.id()).orElseThrow();
            assertThat(done.released()).isTrue();
            assertThat(done.attempts()).hasSize(1);
            assertThat(done.sources()).singleElement().satisfies(a -> {
                assertThat(a.score()).isNotNull();
                SourceReview review = a.review();
                assertThat(review.found())
                        .extracting(SourceReview.FoundSource::keySourceId)
                        .containsExactly("s01");
                assertThat(review.kindsWrong())
                        .singleElement()
                        .satisfies(k -> assertThat(k.whyItMatters().english()).isNotBlank());
                assertThat(review.keyChains())
                        .extracting(SourceReview.Chain::text)
                        .anySatisfy(chain -> assertThat(chain).endsWith("The Daily Mail \u2192 The Frisky"));
            });
        }
    }

    @Autowired
    GradingActions actions;

    @Test
    void a_step_the_teacher_reopens_makes_the_lesson_unsubmitted_until_the_student_submits_it_again() {
        AssignmentSummary lesson = assign(claimsThenSources("1"));
        UUID claimsAttempt;
        try (var s = SignedIn.as(users, student.username())) {
            MarkingSession claims = submissions.open(lesson.id()).orElseThrow();
            claimsAttempt = claims.attemptId();
            mark(claims, keyClaim(lesson, "c05"));
            submissions.submit(claimsAttempt);
            submissions.submit(submissions.open(lesson.id()).orElseThrow().attemptId());
        }
        assertThat(submittedAt(lesson)).isNotNull();
        try (var s = SignedIn.as(users, teacher)) {
            actions.reopen(claimsAttempt);
        }
        assertThat(submittedAt(lesson)).isNull();
        UUID sourcesAttempt =
                jdbc.sql("""
                        SELECT t.id FROM attempt t JOIN submission s ON s.id = t.submission_id
                         WHERE s.assignment_id = :a AND t.step = 1""").param("a", lesson.id()).query(UUID.class).single();
        try (var s = SignedIn.as(users, student.username())) {
            MarkingSession reopened = submissions.open(lesson.id()).orElseThrow();
            assertThat(reopened.step()).as("the reopened step is the open one").isZero();
            assertThat(reopened.progress().steps())
                    .extracting(LessonProgress.Step::state)
                    .as("step 2 builds on step 1, so it is reopened with it and waits for it")
                    .containsExactly(LessonProgress.State.OPEN, LessonProgress.State.LOCKED);
            SaveResult early = work.saveSource(
                    sourcesAttempt, new SourceState(UUID.randomUUID(), 1, "Early", null, null, null, false));
            assertThat(early.status()).isEqualTo(SaveStatus.REJECTED);
            assertThat(early.message()).isEqualTo("This step opens when the step before it is submitted.");
            assertThatThrownBy(() -> submissions.submit(sourcesAttempt))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage("This step opens when the step before it is submitted.");
            submissions.submit(reopened.attemptId());
            assertThat(submittedAt(lesson))
                    .as("step 2 is still to submit again")
                    .isNull();
            submissions.submit(submissions.open(lesson.id()).orElseThrow().attemptId());
        }
        assertThat(submittedAt(lesson)).as("every step is submitted again").isNotNull();
    }

    @Test
    void who_says_so_alone_and_marking_the_claims_never_share_an_article_in_one_class() {
        assign(List.of(NewStep.of(NewStep.MARK_CLAIMS)));
        int before = assignmentCount();
        assertThatThrownBy(() -> assign(List.of(NewStep.of(NewStep.IDENTIFY_SOURCES))))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("would give them away");
        assertThat(assign(claimsThenSources("1")))
                .as("as a second step it is fine")
                .isNotNull();

        aClass();
        assign(List.of(NewStep.of(NewStep.IDENTIFY_SOURCES)));
        assertThatThrownBy(() -> assign(claimsThenSources("1")))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("would give nothing to find");
        assertThat(assignmentCount()).isEqualTo(before + 2);
    }

    @Test
    void feedback_waits_until_every_step_is_submitted() {
        AssignmentSummary lesson = assign(claimsThenSources("1"));
        try (var s = SignedIn.as(users, student.username())) {
            MarkingSession claims = submissions.open(lesson.id()).orElseThrow();
            mark(claims, keyClaim(lesson, "c05"));
            submissions.submit(claims.attemptId());
            StudentFeedback halfway = feedback.feedback(lesson.id()).orElseThrow();
            assertThat(halfway.released()).isFalse();
            assertThat(halfway.hints()).isNull();
            assertThat(halfway.canRevise()).isFalse();

            MarkingSession sources = submissions.open(lesson.id()).orElseThrow();
            submissions.submit(sources.attemptId());
            StudentFeedback done = feedback.feedback(lesson.id()).orElseThrow();
            assertThat(done.waiting()).isNull();
            assertThat(done.canRevise()).isTrue();
        }
    }

    @Test
    void a_revision_starts_again_at_step_one_and_carries_each_steps_work_into_round_two() {
        AssignmentSummary lesson = assign(claimsThenSources("1"));
        UUID markId;
        UUID dropped;
        UUID source = UUID.randomUUID();
        UUID link = UUID.randomUUID();
        UUID sourcesAttempt1;
        try (var s = SignedIn.as(users, student.username())) {
            MarkingSession claims = submissions.open(lesson.id()).orElseThrow();
            markId = mark(claims, keyClaim(lesson, "c05"));
            dropped = mark(claims, keyClaim(lesson, "c06"));
            submissions.submit(claims.attemptId());
            MarkingSession sources = submissions.open(lesson.id()).orElseThrow();
            sourcesAttempt1 = sources.attemptId();
            work.saveSource(
                    sources.attemptId(), new SourceState(source, 1, "Khaled", "named-person", null, null, false));
            work.saveLink(sources.attemptId(), new LinkState(link, 1, markId.toString(), source, false));
            work.saveLink(sources.attemptId(), new LinkState(UUID.randomUUID(), 1, dropped.toString(), null, false));
            submissions.submit(sources.attemptId());

            feedback.startRevision(lesson.id());
            MarkingSession again = submissions.open(lesson.id()).orElseThrow();
            assertThat(again.step()).isZero();
            assertThat(again.attemptNumber()).isEqualTo(2);
            assertThat(again.marks())
                    .extracting(m -> m.markId())
                    .containsExactlyInAnyOrder(markId.toString(), dropped.toString());
            // The revision drops one of the claims; its link must not come along into step 2.
            int[] c06 = keyClaim(lesson, "c06");
            submissions.saveMark(
                    again.attemptId(),
                    new MarkState(
                            dropped,
                            2,
                            c06[0],
                            c06[1],
                            again.text().substring(c06[0], c06[1]),
                            "",
                            "",
                            "attributed",
                            true));
            assertThat(submissions.openStep(lesson.id(), 1).orElseThrow().step())
                    .as("step 2 of the revision waits for step 1")
                    .isZero();
            submissions.submit(again.attemptId());

            MarkingSession sourcesAgain = submissions.open(lesson.id()).orElseThrow();
            assertThat(sourcesAgain.step()).isEqualTo(1);
            assertThat(sourcesAgain.attemptNumber()).isEqualTo(2);
            assertThat(sourcesAgain.sources()).extracting(x -> x.sourceId()).containsExactly(source.toString());
            assertThat(sourcesAgain.links()).extracting(x -> x.linkId()).containsExactly(link.toString());
            // The copied link's claim is the student's mark of round 2, so it can be changed.
            assertThat(work.saveLink(sourcesAgain.attemptId(), new LinkState(link, 2, markId.toString(), null, false))
                            .status())
                    .isEqualTo(SaveStatus.SAVED);
            assertThatThrownBy(() -> feedback.startRevision(lesson.id()))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage("You have already started your revision.");
        }
        try (var s = SignedIn.as(users, teacher)) {
            assertThatThrownBy(() -> actions.reopen(sourcesAttempt1))
                    .as("round 1 cannot be reopened once the revision exists")
                    .isInstanceOf(UserFacingException.class);
        }
    }

    @Test
    void a_lesson_must_start_with_the_claims_have_known_steps_and_sensible_weights() {
        record Case(List<NewStep> steps, String message) {}
        List<Case> cases = List.of(
                new Case(List.of(), "A lesson has one, two or three steps."),
                new Case(
                        List.of(NewStep.of(NewStep.IDENTIFY_SOURCES), NewStep.of(NewStep.MARK_CLAIMS)),
                        "\u201cMark the claims\u201d comes first in a lesson; \u201cWho says so?\u201d can also be a lesson on its own."),
                new Case(
                        List.of(NewStep.of(NewStep.MARK_CLAIMS), NewStep.of(NewStep.MARK_CLAIMS)),
                        "Each exercise can be a step of a lesson only once."),
                new Case(
                        List.of(NewStep.of(NewStep.MARK_CLAIMS), NewStep.of(NewStep.COMPARE_OUTLETS)),
                        "Choose two to five articles to compare."),
                new Case(
                        List.of(NewStep.of(NewStep.COMPARE_OUTLETS), NewStep.of(NewStep.MARK_CLAIMS)),
                        "\u201cCompare the outlets\u201d is the last step of a lesson."),
                new Case(
                        List.of(
                                NewStep.of(NewStep.MARK_CLAIMS),
                                new NewStep(NewStep.IDENTIFY_SOURCES, BigDecimal.ZERO)),
                        "A step’s weight is a number from 0.1 to 9.9, with at most one decimal."),
                new Case(
                        List.of(new NewStep(NewStep.MARK_CLAIMS, new BigDecimal("1.25"))),
                        "A step’s weight is a number from 0.1 to 9.9, with at most one decimal."),
                new Case(List.of(NewStep.of("spot-the-ad")), "That is not an exercise Lateral knows."));
        int before = assignmentCount();
        for (Case c : cases) {
            assertThatThrownBy(() -> assign(c.steps()))
                    .as(c.steps().toString())
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage(c.message());
        }
        assertThat(assignmentCount()).as("nothing half-written").isEqualTo(before);
    }

    /** When the lesson's submission was submitted; null while it is not. */
    private java.sql.@org.jspecify.annotations.Nullable Timestamp submittedAt(AssignmentSummary lesson) {
        return jdbc.sql("SELECT submitted_at FROM submission WHERE assignment_id = :a")
                .param("a", lesson.id())
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getTimestamp(1)))
                .single()
                .orElse(null);
    }

    private int assignmentCount() {
        return jdbc.sql("SELECT count(*) FROM assignment").query(Integer.class).single();
    }
}
