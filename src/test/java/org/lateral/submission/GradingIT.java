package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.AssignmentSummary;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.NewAssignment;
import org.lateral.assignment.SubmissionStatus;
import org.lateral.base.UserFacingException;
import org.lateral.base.highlighter.MarkState;
import org.lateral.base.highlighter.SaveStatus;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.library.ClaimType;
import org.lateral.library.LibraryImport;
import org.lateral.library.LibraryService;
import org.lateral.library.TestPacks;
import org.lateral.library.pack.PackFiles;
import org.lateral.library.pack.SeedPackReader;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Scoring on submission, the score history, amendments of one assignment's key with re-scoring,
 * overrides, reopening, revision, feedback release and the move to a new key version. Each test
 * has its own school with a private copy of the seed pack, so changing its key touches nothing else.
 */
@LateralServerTest
class GradingIT {

    @Autowired
    org.lateral.Fixtures fixtures;

    @Autowired
    SubmissionService submissions;

    @Autowired
    FeedbackService feedback;

    @Autowired
    ResultsService results;

    @Autowired
    GradingActions actions;

    @Autowired
    KeyAmendments keys;

    @Autowired
    AssignmentService assignments;

    @Autowired
    ClassroomService classroom;

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    LibraryService library;

    @Autowired
    LibraryImport libraryImport;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path temp;

    Path pack;
    UUID school;
    String teacher;
    ClassDetail schoolClass;
    OneTimeCredential ada;
    OneTimeCredential bo;

    @BeforeEach
    void aSchoolWithItsOwnPackAndAClass() throws IOException {
        school = fixtures.school("Grading test school");
        pack = TestPacks.defectorsWithFreshIds(temp.resolve("defectors"));
        fixtures.importPack(school, pack);
        teacher = "t-" + UUID.randomUUID().toString().substring(0, 8);
        administration.ensureAccount(
                school, teacher, "History Teacher", Set.of(Role.TEACHER), "a long enough password");
        try (var s = SignedIn.as(users, teacher)) {
            schoolClass = classroom.createClass(new NewClass("Media", "", "", "UTC"));
            var created = classroom.createStudents(schoolClass.id(), "Ada\nBo");
            ada = created.get(0);
            bo = created.get(1);
        }
    }

    private AssignmentSummary assign(FeedbackPolicy policy, boolean revision) {
        try (var s = SignedIn.as(users, teacher)) {
            UUID frisky = library.articles("frisky").getFirst().articleId();
            return assignments.assignMarkClaims(
                    schoolClass.id(),
                    new NewAssignment(frisky, null, LocalDate.now().plusDays(3), true, policy, revision, null, false));
        }
    }

    /** Opens the student's current attempt and saves one mark per quote with the given types. */
    private MarkingSession mark(OneTimeCredential who, AssignmentSummary assignment, String... quotesAndTypes) {
        try (var s = SignedIn.as(users, who.username())) {
            MarkingSession session = submissions.open(assignment.id()).orElseThrow();
            for (int i = 0; i < quotesAndTypes.length; i += 2) {
                int at = session.text().indexOf(quotesAndTypes[i]);
                assertThat(at).as(quotesAndTypes[i]).isNotNegative();
                var result = submissions.saveMark(
                        session.attemptId(),
                        new MarkState(
                                UUID.randomUUID(),
                                1,
                                at,
                                at + quotesAndTypes[i].length(),
                                quotesAndTypes[i],
                                "",
                                "",
                                quotesAndTypes[i + 1],
                                false));
                assertThat(result.status()).isEqualTo(SaveStatus.SAVED);
            }
            return session;
        }
    }

    private void submit(OneTimeCredential who, MarkingSession session) {
        try (var s = SignedIn.as(users, who.username())) {
            submissions.submit(session.attemptId());
        }
    }

    private List<ScoreEntry> history(UUID attemptId) {
        try (var s = SignedIn.as(users, teacher)) {
            return results.review(attemptId).orElseThrow().review().history();
        }
    }

    private StudentFeedback feedbackOf(OneTimeCredential who, AssignmentSummary assignment) {
        try (var s = SignedIn.as(users, who.username())) {
            return feedback.feedback(assignment.id()).orElseThrow();
        }
    }

    static final String HEADLINE = "The Head Of ISIS’ European Operations Reportedly Defects";
    static final String SOURCE = "a source told The Daily Mail the head of ISIS operations in Europe defected";

    @Test
    void submitting_scores_the_attempt_with_key_version_rules_version_and_cause() {
        AssignmentSummary assignment = assign(FeedbackPolicy.AFTER_SUBMIT, false);
        MarkingSession session =
                mark(ada, assignment, HEADLINE, "hedged", SOURCE, "factual", "Violent terrorist attacks", "opinion");
        submit(ada, session);

        List<ScoreEntry> rows = history(session.attemptId());
        assertThat(rows).hasSize(1);
        ScoreEntry row = rows.getFirst();
        assertThat(row.cause()).isEqualTo(ScoreCause.SUBMITTED);
        assertThat(row.causedBy()).isNull();
        assertThat(row.rulesVersion()).isEqualTo("1");
        assertThat(row.keyVersionId())
                .isEqualTo(jdbc.sql("SELECT key_version_id FROM lesson_step WHERE assignment_id = :a AND position = 0")
                        .param("a", assignment.id())
                        .query(UUID.class)
                        .single());
        assertThat(row.found()).isEqualTo(1);
        assertThat(row.mislabelled()).isEqualTo(1);
        assertThat(row.missed()).isEqualTo(24);
        // "Violent terrorist attacks" is 3 of the 17 words of claim c03: no match, an extra.
        assertThat(row.extra()).isEqualTo(1);
        assertThat(row.score()).isEqualTo(row.computed()).isBetween(0.1, 100.0);
    }

    @Test
    void nothing_of_the_key_reaches_the_student_before_the_teacher_releases_feedback() {
        AssignmentSummary assignment = assign(FeedbackPolicy.WHEN_RELEASED, false);
        MarkingSession session = mark(ada, assignment, HEADLINE, "factual");
        submit(ada, session);

        StudentFeedback before = feedbackOf(ada, assignment);
        assertThat(before.released()).isFalse();
        assertThat(before.attempts()).isEmpty();
        assertThat(before.waiting().reason()).isEqualTo(StudentFeedback.Waiting.Reason.TEACHER_RELEASES);

        try (var s = SignedIn.as(users, teacher)) {
            actions.releaseFeedback(assignment.id());
        }
        StudentFeedback after = feedbackOf(ada, assignment);
        assertThat(after.released()).isTrue();
        AttemptReview review = after.attempts().getFirst();
        ClaimReview headline = review.claims().stream()
                .filter(c -> c.claimId().equals("c01"))
                .findFirst()
                .orElseThrow();
        assertThat(headline.outcome()).isEqualTo(ClaimReview.Outcome.MISLABELLED);
        assertThat(headline.why()).contains("Reportedly");
        assertThat(headline.cues()).extracting(c -> c.exact()).containsExactly("Reportedly");
        assertThat(review.claims())
                .filteredOn(c -> c.outcome() == ClaimReview.Outcome.MISSED)
                .isNotEmpty();
    }

    static final String UNNAMED_SOURCE = "Abu Khaled (a pseudonym), whom The Frisky first calls “a source”";
    static final String KIND_WHY = "Very probably one man";

    private static ClaimReview claim(AttemptReview review, String claimId) {
        return review.claims().stream()
                .filter(c -> c.claimId().equals(claimId))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void
            released_feedback_says_who_says_so_for_a_claim_with_sources_primary_or_secondary_and_nothing_for_one_without() {
        AssignmentSummary assignment = assign(FeedbackPolicy.AFTER_SUBMIT, false);
        MarkingSession session = mark(ada, assignment, HEADLINE, "hedged");
        submit(ada, session);

        AttemptReview review = feedbackOf(ada, assignment).attempts().getFirst();
        List<String> headlineSources = List.of(
                UNNAMED_SOURCE + " \u2014 secondary: it reached The Frisky through The Daily Mail.",
                "The Daily Mail \u2014 primary: The Frisky read its report itself.");
        assertThat(claim(review, "c01").sources())
                .as("the headline's sources, in the key's order")
                .extracting(
                        source -> source.name() + " \u2014 " + source.origin().english())
                .containsExactlyElementsOf(headlineSources);
        assertThat(claim(review, "c01").sources())
                .extracting(ClaimReview.Source::primary)
                .containsExactly(false, true);
        assertThat(claim(review, "c13").sources())
                .as("the informant and the outlet he spoke to")
                .extracting(ClaimReview.Source::name)
                .containsExactly(UNNAMED_SOURCE, "The Daily Mail");
        assertThat(claim(review, "c13").sources().getFirst().kindWhy())
                .as("the key accepts two kinds for the informant and says why")
                .contains(KIND_WHY);
        assertThat(claim(review, "c24").sources())
                .as("the writer's own opinion links no source")
                .isEmpty();
        try (var s = SignedIn.as(users, teacher)) {
            AttemptReview teachers =
                    results.review(session.attemptId()).orElseThrow().review();
            assertThat(claim(teachers, "c01").sources())
                    .extracting(source ->
                            source.name() + " \u2014 " + source.origin().english())
                    .containsExactlyElementsOf(headlineSources);
        }
    }

    @Test
    void no_source_of_the_key_reaches_the_student_before_release_nor_while_a_revision_is_possible() {
        AssignmentSummary assignment = assign(FeedbackPolicy.WHEN_RELEASED, true);
        submit(ada, mark(ada, assignment, HEADLINE, "factual"));
        // The article's text names the informants too ("Abu Khaled, a pseudonym for ..."), so only
        // the key's own wording of them can tell a leak.
        List<String> keyOnly = List.of(UNNAMED_SOURCE, KIND_WHY);

        StudentFeedback waiting = feedbackOf(ada, assignment);
        assertThat(waiting.waiting()).isNotNull();
        assertThat(waiting.toString()).doesNotContain(keyOnly);

        try (var s = SignedIn.as(users, teacher)) {
            actions.releaseFeedback(assignment.id());
        }
        StudentFeedback hints = feedbackOf(ada, assignment);
        assertThat(hints.hints())
                .as("released, but a revision is possible: hints only")
                .isNotNull();
        assertThat(hints.toString()).doesNotContain(keyOnly);

        try (var s = SignedIn.as(users, ada.username())) {
            feedback.startRevision(assignment.id());
        }
        MarkingSession second = mark(ada, assignment, SOURCE, "attributed");
        assertThat(feedbackOf(ada, assignment).toString()).doesNotContain(keyOnly);
        submit(ada, second);
        assertThat(feedbackOf(ada, assignment).toString())
                .as("once attempt 2 is submitted the key, with its sources, is the feedback")
                .contains(keyOnly);
    }

    @Test
    void a_student_of_another_class_gets_no_feedback_and_a_teacher_of_another_class_no_results() {
        AssignmentSummary assignment = assign(FeedbackPolicy.AFTER_SUBMIT, false);
        MarkingSession session = mark(ada, assignment, HEADLINE, "hedged");
        submit(ada, session);
        String otherTeacher = "t-" + UUID.randomUUID().toString().substring(0, 8);
        administration.ensureAccount(
                school, otherTeacher, "Other Teacher", Set.of(Role.TEACHER), "a long enough password");
        OneTimeCredential stranger;
        try (var s = SignedIn.as(users, otherTeacher)) {
            ClassDetail other = classroom.createClass(new NewClass("Other", "", "", "UTC"));
            stranger = classroom.createStudents(other.id(), "Cy").getFirst();
            assertThat(results.results(assignment.id())).isEmpty();
            assertThat(results.review(session.attemptId())).isEmpty();
            assertThatThrownBy(() -> actions.override(session.attemptId(), 100.0, "mine now"))
                    .isInstanceOf(UserFacingException.class);
            assertThatThrownBy(() -> keys.acceptType(assignment.id(), "c01", ClaimType.FACTUAL))
                    .isInstanceOf(UserFacingException.class);
        }
        try (var s = SignedIn.as(users, stranger.username())) {
            assertThat(feedback.feedback(assignment.id())).isEmpty();
            assertThatThrownBy(() -> results.results(assignment.id())).isInstanceOf(AccessDeniedException.class);
        }
        try (var s = SignedIn.as(users, ada.username())) {
            assertThatThrownBy(() -> results.review(session.attemptId())).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void accepting_an_alternative_span_rescores_every_submitted_attempt_in_one_go() {
        AssignmentSummary assignment = assign(FeedbackPolicy.AFTER_SUBMIT, false);
        // Both mark only the first half of the source claim: too little of it to match.
        MarkingSession a = mark(ada, assignment, "a source told The Daily Mail", "attributed");
        MarkingSession b = mark(bo, assignment, "a source told The Daily Mail", "attributed");
        submit(ada, a);
        submit(bo, b);
        double before = history(a.attemptId()).getLast().score();

        Results seen;
        try (var s = SignedIn.as(users, teacher)) {
            seen = results.results(assignment.id()).orElseThrow();
        }
        Results.PopularSpan popular = seen.popularSpans().getFirst();
        assertThat(popular.exact()).isEqualTo("a source told The Daily Mail");
        assertThat(popular.students()).isEqualTo(2);
        assertThat(popular.claimId()).isEqualTo("c05");
        int rescored;
        try (var s = SignedIn.as(users, teacher)) {
            rescored =
                    keys.acceptSpan(assignment.id(), popular.start(), popular.end(), popular.claimId(), popular.type());
        }
        assertThat(rescored).isEqualTo(2);
        for (UUID attempt : List.of(a.attemptId(), b.attemptId())) {
            List<ScoreEntry> rows = history(attempt);
            assertThat(rows)
                    .extracting(ScoreEntry::cause)
                    .containsExactly(ScoreCause.SUBMITTED, ScoreCause.KEY_AMENDED);
            assertThat(rows.getLast().found()).isEqualTo(1);
            assertThat(rows.getLast().amendmentIds()).hasSize(1);
            assertThat(rows.getLast().causedBy()).isEqualTo("History Teacher");
            assertThat(rows.getLast().score()).isGreaterThan(before);
        }
        try (var s = SignedIn.as(users, teacher)) {
            Results after = results.results(assignment.id()).orElseThrow();
            assertThat(after.popularSpans()).isEmpty();
            assertThat(after.amendments()).hasSize(1);
            keys.withdrawAmendment(
                    assignment.id(), after.amendments().getFirst().id());
        }
        assertThat(history(a.attemptId()).getLast().score()).isEqualTo(before);
    }

    @Test
    void accepting_a_type_many_chose_counts_it_as_found() {
        AssignmentSummary assignment = assign(FeedbackPolicy.AFTER_SUBMIT, false);
        MarkingSession a = mark(ada, assignment, HEADLINE, "factual");
        submit(ada, a);
        try (var s = SignedIn.as(users, teacher)) {
            Results seen = results.results(assignment.id()).orElseThrow();
            assertThat(seen.popularTypes()).singleElement().satisfies(p -> {
                assertThat(p.claimId()).isEqualTo("c01");
                assertThat(p.type()).isEqualTo(ClaimType.FACTUAL);
            });
            keys.acceptType(assignment.id(), "c01", ClaimType.FACTUAL);
            assertThatThrownBy(() -> keys.acceptType(assignment.id(), "c01", ClaimType.FACTUAL))
                    .hasMessageContaining("already");
        }
        ScoreEntry last = history(a.attemptId()).getLast();
        assertThat(last.found()).isEqualTo(1);
        assertThat(last.mislabelled()).isZero();
    }

    @Test
    void an_override_needs_a_reason_is_kept_in_the_history_and_survives_a_rescore() {
        AssignmentSummary assignment = assign(FeedbackPolicy.AFTER_SUBMIT, false);
        MarkingSession a = mark(ada, assignment, "a source told The Daily Mail", "attributed");
        submit(ada, a);
        try (var s = SignedIn.as(users, teacher)) {
            assertThatThrownBy(() -> actions.override(a.attemptId(), 80.0, " ")).hasMessageContaining("why");
            assertThatThrownBy(() -> actions.override(a.attemptId(), 101.0, "too much"))
                    .hasMessageContaining("between 0 and 100");
            actions.override(a.attemptId(), 80.0, "Discussed in class: she explained her choices well.");
            Results.PopularSpan popular = results.results(assignment.id())
                    .orElseThrow()
                    .popularSpans()
                    .getFirst();
            keys.acceptSpan(assignment.id(), popular.start(), popular.end(), popular.claimId(), popular.type());
        }
        List<ScoreEntry> rows = history(a.attemptId());
        assertThat(rows)
                .extracting(ScoreEntry::cause)
                .containsExactly(ScoreCause.SUBMITTED, ScoreCause.OVERRIDE, ScoreCause.KEY_AMENDED);
        assertThat(rows.get(1).comment()).contains("explained");
        assertThat(rows.getLast().score()).isEqualTo(80.0);
        assertThat(rows.getLast().overridden()).isTrue();
        assertThat(rows.getLast().computed()).isGreaterThan(rows.getFirst().computed());
        try (var s = SignedIn.as(users, teacher)) {
            actions.override(a.attemptId(), null, "");
        }
        ScoreEntry back = history(a.attemptId()).getLast();
        assertThat(back.cause()).isEqualTo(ScoreCause.OVERRIDE_REMOVED);
        assertThat(back.score()).isEqualTo(back.computed());
        assertThat(jdbc.sql("SELECT count(*) FROM score WHERE attempt_id = :a")
                        .param("a", a.attemptId())
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
    }

    @Test
    void score_rows_cannot_be_changed_afterwards() {
        AssignmentSummary assignment = assign(FeedbackPolicy.AFTER_SUBMIT, false);
        MarkingSession a = mark(ada, assignment, HEADLINE, "hedged");
        submit(ada, a);
        assertThatThrownBy(() -> jdbc.sql("UPDATE score SET score = 100 WHERE attempt_id = :a")
                        .param("a", a.attemptId())
                        .update())
                .hasMessageContaining("immutable");
    }

    @Test
    void a_revision_starts_from_attempt_one_is_scored_separately_and_shows_the_gain() {
        AssignmentSummary assignment = assign(FeedbackPolicy.AFTER_SUBMIT, true);
        MarkingSession first = mark(ada, assignment, HEADLINE, "factual");
        submit(ada, first);
        StudentFeedback afterFirst = feedbackOf(ada, assignment);
        assertThat(afterFirst.canRevise()).isTrue();
        assertThat(afterFirst.attempts())
                .as("no key while a revision can be started")
                .isEmpty();
        assertThat(afterFirst.hints()).isNotNull();
        try (var s = SignedIn.as(users, ada.username())) {
            feedback.startRevision(assignment.id());
            assertThatThrownBy(() -> feedback.startRevision(assignment.id())).hasMessageContaining("already");
        }
        StudentFeedback revising = feedbackOf(ada, assignment);
        assertThat(revising.revisionInProgress()).isTrue();
        assertThat(revising.attempts()).as("no key while attempt 2 is open").isEmpty();
        assertThat(revising.hints()).isNotNull();
        assertThat(revising.hints().attemptNumber()).isEqualTo(1);
        MarkingSession second = mark(ada, assignment, SOURCE, "attributed");
        assertThat(second.attemptNumber()).isEqualTo(2);
        assertThat(second.marks())
                .as("attempt 2 opens with attempt 1's marks")
                .singleElement()
                .satisfies(m -> assertThat(m.exact()).isEqualTo(HEADLINE));
        submit(ada, second);

        StudentFeedback revised = feedbackOf(ada, assignment);
        assertThat(revised.hints()).isNull();
        assertThat(revised.attempts()).hasSize(2);
        assertThat(revised.canRevise()).isFalse();
        assertThat(revised.attempts().getLast().claims())
                .as("after attempt 2 the whole key, with its reasons")
                .anySatisfy(c -> assertThat(c.why()).contains("Reportedly"));
        double one = revised.attempts().get(0).score().score();
        double two = revised.attempts().get(1).score().score();
        assertThat(two).isGreaterThan(one);
        assertThat(revised.gain()).isEqualTo(Math.round(10 * (two - one)) / 10.0);
        try (var s = SignedIn.as(users, teacher)) {
            Results.StudentResult row = results.results(assignment.id()).orElseThrow().students().stream()
                    .filter(r -> r.username().equals(ada.username()))
                    .findFirst()
                    .orElseThrow();
            assertThat(row.attempts()).hasSize(2);
            assertThat(row.gain()).isEqualTo(revised.gain());
            assertThat(row.status()).isEqualTo(SubmissionStatus.SUBMITTED);
        }
    }

    /** The assignment's key claims as the teacher sees them beside the attempt. */
    private List<ClaimReview> keyClaims(UUID attemptId) {
        try (var s = SignedIn.as(users, teacher)) {
            return results.review(attemptId).orElseThrow().review().claims();
        }
    }

    /**
     * Moves the assignment's dates back so its revision window closed a minute ago while it still
     * takes (late) work. The services read the real clock, so the assignment moves, not time.
     */
    private void closeRevisionWindow(AssignmentSummary assignment) {
        jdbc.sql("""
                UPDATE assignment SET open_at = now() - interval '2 days', revision_until = now() - interval '1 minute'
                 WHERE id = :a
                """).param("a", assignment.id()).update();
    }

    @Test
    void while_a_revision_is_possible_the_student_gets_hints_and_nothing_of_the_key() {
        AssignmentSummary assignment = assign(FeedbackPolicy.AFTER_SUBMIT, true);
        MarkingSession session = mark(
                ada, assignment, HEADLINE, "factual", SOURCE, "attributed", "Violent terrorist attacks", "opinion");
        submit(ada, session);

        StudentFeedback f = feedbackOf(ada, assignment);
        assertThat(f.canRevise()).isTrue();
        assertThat(f.released()).isFalse();
        assertThat(f.waiting()).isNull();
        assertThat(f.attempts()).isEmpty();
        RevisionHints hints = f.hints();
        assertThat(hints).isNotNull();
        ScoreEntry score = history(session.attemptId()).getLast();
        assertThat(hints.score()).isEqualTo(score.score());
        assertThat(hints.claims()).isEqualTo(26);
        assertThat(hints.found()).isEqualTo(score.found()).isEqualTo(1);
        assertThat(hints.mislabelled()).isEqualTo(score.mislabelled()).isEqualTo(1);
        assertThat(hints.missed()).isEqualTo(score.missed()).isEqualTo(24);
        assertThat(hints.byType())
                .extracting(RevisionHints.TypeCount::type)
                .isSorted()
                .doesNotHaveDuplicates();
        assertThat(hints.byType())
                .filteredOn(c -> c.type() == ClaimType.ATTRIBUTED)
                .singleElement()
                .satisfies(c -> assertThat(c.found()).isEqualTo(1));
        assertThat(hints.yourMarks())
                .as("Ada's own marks in text order")
                .extracting(RevisionHints.OwnMark::outcome)
                .containsExactly(
                        RevisionHints.MarkOutcome.MISLABELLED,
                        RevisionHints.MarkOutcome.EXTRA,
                        RevisionHints.MarkOutcome.FOUND);

        RevisionHints.Hint headline = hints.hints().getFirst();
        assertThat(headline.paragraph()).isZero();
        assertThat(headline.outcome()).isEqualTo(ClaimReview.Outcome.MISLABELLED);
        assertThat(headline.types()).containsExactly(ClaimType.ATTRIBUTED, ClaimType.HEDGED);
        assertThat(headline.cues()).containsExactly("Reportedly");
        assertThat(headline.yourMark())
                .isNotNull()
                .satisfies(m -> assertThat(m.type()).isEqualTo(ClaimType.FACTUAL));
        assertThat(hints.hints())
                .as("a hedge further down names its cue words")
                .anySatisfy(h -> assertThat(h.cues()).containsExactly("is believed to"));

        // The key as the teacher sees it: each hint points at the paragraph of a claim still to find,
        // counted here as the blank lines before the claim.
        List<ClaimReview> key = keyClaims(session.attemptId());
        assertThat(hints.hints())
                .extracting(RevisionHints.Hint::paragraph)
                .containsExactlyElementsOf(key.stream()
                        .filter(c -> c.outcome() != ClaimReview.Outcome.FOUND)
                        .map(c -> f.text().substring(0, c.start()).split("\n\n", -1).length - 1)
                        .sorted()
                        .toList());
        String sent = hints.toString();
        for (ClaimReview c : key) {
            assertThat(sent).as("the key's reason for " + c.claimId()).doesNotContain(c.why());
            if (c.outcome() == ClaimReview.Outcome.MISSED) {
                assertThat(sent).as("the quote of missed claim " + c.claimId()).doesNotContain(c.exact());
            }
        }
    }

    @Test
    void when_the_revision_window_closes_the_full_key_is_shown() {
        AssignmentSummary assignment = assign(FeedbackPolicy.AFTER_SUBMIT, true);
        MarkingSession session = mark(ada, assignment, HEADLINE, "factual");
        submit(ada, session);
        assertThat(feedbackOf(ada, assignment).hints()).isNotNull();

        closeRevisionWindow(assignment);
        StudentFeedback f = feedbackOf(ada, assignment);
        assertThat(f.canRevise()).isFalse();
        assertThat(f.hints()).isNull();
        assertThat(f.released()).isTrue();
        assertThat(f.attempts())
                .singleElement()
                .satisfies(a -> assertThat(a.claims())
                        .filteredOn(c -> c.claimId().equals("c01"))
                        .singleElement()
                        .satisfies(c -> {
                            assertThat(c.exact()).isEqualTo(HEADLINE);
                            assertThat(c.why()).contains("Reportedly");
                        }));
        try (var s = SignedIn.as(users, ada.username())) {
            assertThatThrownBy(() -> feedback.startRevision(assignment.id())).hasMessageContaining("cannot be revised");
        }
    }

    @Test
    void an_attempt_two_that_can_still_be_submitted_keeps_the_key_hidden_after_the_revision_window() {
        AssignmentSummary assignment = assign(FeedbackPolicy.AFTER_SUBMIT, true);
        submit(ada, mark(ada, assignment, HEADLINE, "factual"));
        try (var s = SignedIn.as(users, ada.username())) {
            feedback.startRevision(assignment.id());
        }
        // The window closes with attempt 2 open; late work is accepted, so it can still be submitted.
        closeRevisionWindow(assignment);
        StudentFeedback open = feedbackOf(ada, assignment);
        assertThat(open.revisionInProgress()).isTrue();
        assertThat(open.attempts()).isEmpty();
        assertThat(open.hints()).isNotNull();

        MarkingSession second = mark(ada, assignment, SOURCE, "attributed");
        assertThat(second.attemptNumber()).isEqualTo(2);
        submit(ada, second);
        StudentFeedback done = feedbackOf(ada, assignment);
        assertThat(done.hints()).isNull();
        assertThat(done.attempts()).hasSize(2);
    }

    @Test
    void reopening_lets_the_student_change_and_resubmit_and_keeps_the_old_score() {
        AssignmentSummary assignment = assign(FeedbackPolicy.AFTER_SUBMIT, false);
        MarkingSession a = mark(ada, assignment, HEADLINE, "factual");
        submit(ada, a);
        try (var s = SignedIn.as(users, teacher)) {
            actions.reopen(a.attemptId());
            assertThatThrownBy(() -> actions.reopen(a.attemptId())).hasMessageContaining("latest submitted");
            assertThat(results.results(assignment.id())
                            .orElseThrow()
                            .students()
                            .getFirst()
                            .status())
                    .isEqualTo(SubmissionStatus.IN_PROGRESS);
        }
        MarkingSession again = mark(ada, assignment, SOURCE, "attributed");
        assertThat(again.attemptId()).isEqualTo(a.attemptId());
        submit(ada, again);
        assertThat(history(a.attemptId()))
                .extracting(ScoreEntry::cause)
                .containsExactly(ScoreCause.SUBMITTED, ScoreCause.SUBMITTED);
        assertThat(history(a.attemptId()).getLast().found()).isEqualTo(1);
    }

    @Test
    void the_popular_spans_follow_a_reopened_and_resubmitted_attempt() {
        AssignmentSummary assignment = assign(FeedbackPolicy.AFTER_SUBMIT, false);
        MarkingSession a = mark(ada, assignment, HEADLINE, "factual");
        MarkingSession b = mark(bo, assignment, "a source told The Daily Mail", "attributed");
        submit(ada, a);
        submit(bo, b);
        try (var s = SignedIn.as(users, teacher)) {
            assertThat(results.results(assignment.id()).orElseThrow().popularSpans())
                    .singleElement()
                    .satisfies(p -> assertThat(p.students()).isEqualTo(1));
            actions.reopen(a.attemptId());
        }
        // No look at the results while the attempt is open: the same attempt, submitted again with
        // another mark, must not be taken for the one scored before (DD033).
        MarkingSession again = mark(ada, assignment, "a source told The Daily Mail", "attributed");
        assertThat(again.attemptId()).isEqualTo(a.attemptId());
        submit(ada, again);
        try (var s = SignedIn.as(users, teacher)) {
            assertThat(results.results(assignment.id()).orElseThrow().popularSpans())
                    .singleElement()
                    .satisfies(p -> {
                        assertThat(p.exact()).isEqualTo("a source told The Daily Mail");
                        assertThat(p.students()).isEqualTo(2);
                    });
        }
    }

    @Test
    void a_new_key_version_is_offered_previewed_and_applied_only_when_the_teacher_accepts() throws IOException {
        AssignmentSummary assignment = assign(FeedbackPolicy.AFTER_SUBMIT, false);
        MarkingSession a = mark(ada, assignment, HEADLINE, "factual");
        MarkingSession b = mark(bo, assignment, SOURCE, "attributed");
        submit(ada, a);
        submit(bo, b);
        try (var s = SignedIn.as(users, teacher)) {
            assertThat(results.results(assignment.id()).orElseThrow().newKeyVersion())
                    .isNull();
        }
        // The key's authors now also accept "factual" for the headline.
        Path key = pack.resolve("keys/000-the-frisky.yaml");
        String yaml = Files.readString(key);
        assertThat(yaml).contains("    types: [hedged, attributed]\n    worthiness: 3\n    why: \"The central claim");
        Files.writeString(
                key,
                yaml.replaceFirst(
                        "    types: \\[hedged, attributed\\]\n    worthiness: 3\n    why: \"The central claim",
                        "    types: [hedged, attributed, factual]\n    worthiness: 3\n    why: \"The central claim"));
        libraryImport.importPack(SeedPackReader.read(PackFiles.directory(pack)), school);

        double adaBefore = history(a.attemptId()).getLast().score();
        double boBefore = history(b.attemptId()).getLast().score();
        try (var s = SignedIn.as(users, teacher)) {
            Results.KeyNotice notice =
                    results.results(assignment.id()).orElseThrow().newKeyVersion();
            assertThat(notice).isNotNull();
            KeyPreview preview = keys.previewKeyVersion(assignment.id());
            assertThat(preview.attempts()).isEqualTo(2);
            assertThat(preview.changes()).singleElement().satisfies(c -> {
                assertThat(c.student()).isEqualTo("Ada");
                assertThat(c.before()).isEqualTo(adaBefore);
                assertThat(c.delta()).isPositive();
            });
            assertThat(history(a.attemptId())).as("a preview stores nothing").hasSize(1);
            keys.acceptKeyVersion(assignment.id(), preview.currentVersionId(), preview.newVersionId());
            assertThat(results.results(assignment.id()).orElseThrow().newKeyVersion())
                    .isNull();
        }
        ScoreEntry adaAfter = history(a.attemptId()).getLast();
        assertThat(adaAfter.cause()).isEqualTo(ScoreCause.KEY_VERSION);
        assertThat(adaAfter.score()).isGreaterThan(adaBefore);
        assertThat(history(b.attemptId()).getLast().score()).isEqualTo(boBefore);
    }

    @Test
    void an_ignored_key_version_stops_the_notice_and_changes_no_score() throws IOException {
        AssignmentSummary assignment = assign(FeedbackPolicy.AFTER_SUBMIT, false);
        MarkingSession a = mark(ada, assignment, HEADLINE, "factual");
        submit(ada, a);
        Path key = pack.resolve("keys/000-the-frisky.yaml");
        Files.writeString(key, Files.readString(key).replaceFirst("    worthiness: 3\n", "    worthiness: 2\n"));
        libraryImport.importPack(SeedPackReader.read(PackFiles.directory(pack)), school);
        try (var s = SignedIn.as(users, teacher)) {
            KeyPreview preview = keys.previewKeyVersion(assignment.id());
            keys.ignoreKeyVersion(assignment.id(), preview.currentVersionId(), preview.newVersionId());
            assertThat(results.results(assignment.id()).orElseThrow().newKeyVersion())
                    .isNull();
        }
        assertThat(history(a.attemptId())).hasSize(1);
    }

    @Test
    void comments_reach_the_student_with_the_feedback_and_bad_input_changes_nothing() {
        AssignmentSummary assignment = assign(FeedbackPolicy.AFTER_SUBMIT, false);
        MarkingSession a = mark(ada, assignment, HEADLINE, "hedged");
        submit(ada, a);
        try (var s = SignedIn.as(users, teacher)) {
            assertThatThrownBy(() -> actions.comment(a.attemptId(), "  ")).hasMessageContaining("Write a comment");
            assertThatThrownBy(() -> actions.comment(a.attemptId(), "x".repeat(2001)))
                    .hasMessageContaining("2000");
            actions.comment(a.attemptId(), "Good eye for the hedge in the headline.");
        }
        assertThat(feedbackOf(ada, assignment).attempts().getFirst().comments())
                .singleElement()
                .satisfies(c -> assertThat(c.body()).isEqualTo("Good eye for the hedge in the headline."));
        assertThat(feedbackOf(bo, assignment).attempts()).isEmpty();
    }
}
