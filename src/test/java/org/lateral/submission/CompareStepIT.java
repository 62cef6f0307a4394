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
import org.lateral.assignment.LessonStep;
import org.lateral.assignment.NewAssignment;
import org.lateral.assignment.NewStep;
import org.lateral.base.Schools;
import org.lateral.base.UserFacingException;
import org.lateral.base.highlighter.SaveResult;
import org.lateral.base.highlighter.SaveStatus;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.library.LibraryEntry;
import org.lateral.library.LibraryPins;
import org.lateral.library.LibraryService;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The compare-outlets step (DD015) from the server's side: what a teacher may assign and what it
 * pins, and how a student's compare work is saved with the guarantees of marks (DD004).
 */
@LateralServerTest
class CompareStepIT {

    @Autowired
    SubmissionService submissions;

    @Autowired
    CompareWorkService work;

    @Autowired
    FeedbackService feedback;

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
    LibraryEntry isegoria;
    LibraryEntry warInContext;
    LibraryEntry frisky;

    @BeforeEach
    void aClass() {
        teacher = "t-" + UUID.randomUUID().toString().substring(0, 8);
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, teacher, "Teacher", Set.of(Role.TEACHER), "a long enough password");
        try (var s = SignedIn.as(users, teacher)) {
            schoolClass = classroom.createClass(new NewClass("Media", "", "", "UTC"));
            student = classroom.createStudents(schoolClass.id(), "Ada").getFirst();
            List<LibraryEntry> all = library.articles("");
            isegoria = byOutlet(all, "Isegoria");
            warInContext = byOutlet(all, "War in Context");
            frisky = byOutlet(all, "Frisky");
        }
    }

    private static LibraryEntry byOutlet(List<LibraryEntry> all, String outlet) {
        return all.stream()
                .filter(e -> e.outletName().contains(outlet))
                .findFirst()
                .orElseThrow();
    }

    AssignmentSummary assign(UUID lessonArticle, List<NewStep> steps) {
        try (var s = SignedIn.as(users, teacher)) {
            return assignments.assignMarkClaims(
                    schoolClass.id(),
                    new NewAssignment(
                            lessonArticle,
                            null,
                            LocalDate.now().plusDays(3),
                            false,
                            FeedbackPolicy.AFTER_SUBMIT,
                            true,
                            null,
                            false,
                            steps));
        }
    }

    static NewStep compare(UUID... articles) {
        return NewStep.compare(List.of(articles), BigDecimal.ONE, false);
    }

    AssignmentSummary twoExcerpts() {
        return assign(warInContext.articleId(), List.of(compare(warInContext.articleId(), isegoria.articleId())));
    }

    MarkingSession open(AssignmentSummary lesson) {
        try (var s = SignedIn.as(users, student.username())) {
            return submissions.open(lesson.id()).orElseThrow();
        }
    }

    String text(UUID articleVersionId) {
        return jdbc.sql("SELECT canonical_text FROM article_version WHERE id = :v")
                .param("v", articleVersionId)
                .query(String.class)
                .single();
    }

    int count(String table, UUID attemptId) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE attempt_id = :a")
                .param("a", attemptId)
                .query(Integer.class)
                .single();
    }

    @Test
    void a_compare_lesson_pins_each_column_the_comparison_key_and_a_copy_of_its_rubric() {
        AssignmentSummary lesson = twoExcerpts();
        MarkingSession session = open(lesson);
        assertThat(session.exercise()).isEqualTo(NewStep.COMPARE_OUTLETS);
        CompareSession compare = session.compare();
        assertThat(compare).isNotNull();
        assertThat(compare.columns())
                .extracting(LibraryPins.ColumnArticle::articleId)
                .as("the teacher's column order")
                .containsExactly(warInContext.articleId(), isegoria.articleId());
        assertThat(compare.claims()).extracting(CompareSession.CoreClaim::id).contains("k01", "k08");
        assertThat(compare.rubric())
                .extracting(LibraryPins.RubricLevel::name)
                .containsExactly("Not yet", "Beginning", "Getting there", "Secure");
        assertThat(lesson.title()).startsWith("Compare the outlets: ");
        Integer pinned =
                jdbc.sql("""
                SELECT count(*) FROM lesson_step s
                  JOIN comparison_key k ON k.current_version_id = s.comparison_key_version_id
                 WHERE s.assignment_id = :a AND s.exercise = 'compare-outlets'
                """).param("a", lesson.id()).query(Integer.class).single();
        assertThat(pinned).as("the story set's current comparison key version").isEqualTo(1);
    }

    @Test
    void a_compare_step_comes_last_after_steps_on_one_of_its_articles() {
        AssignmentSummary lesson = assign(
                isegoria.articleId(),
                List.of(
                        NewStep.of(NewStep.MARK_CLAIMS),
                        NewStep.of(NewStep.IDENTIFY_SOURCES),
                        compare(warInContext.articleId(), isegoria.articleId())));
        try (var s = SignedIn.as(users, teacher)) {
            List<LessonStep> steps =
                    assignments.forTeacher(lesson.id()).orElseThrow().steps();
            assertThat(steps)
                    .extracting(LessonStep::exercise)
                    .containsExactly(NewStep.MARK_CLAIMS, NewStep.IDENTIFY_SOURCES, NewStep.COMPARE_OUTLETS);
            assertThat(steps.get(2).articles()).hasSize(2);
        }
        assertThat(open(lesson).exercise())
                .as("the student starts with the claims")
                .isEqualTo(NewStep.MARK_CLAIMS);
    }

    @Test
    void a_compare_step_that_cannot_be_made_is_refused_with_a_sentence_and_writes_nothing() {
        UUID other = articleOfNoStorySet();
        record Case(UUID lessonArticle, List<NewStep> steps, String message) {}
        List<Case> cases = new java.util.ArrayList<>(List.of(
                new Case(
                        isegoria.articleId(),
                        List.of(compare(isegoria.articleId())),
                        "Choose two to five articles to compare."),
                new Case(
                        isegoria.articleId(),
                        List.of(compare(isegoria.articleId(), isegoria.articleId())),
                        "Each article can be compared only once in a step."),
                new Case(
                        frisky.articleId(),
                        List.of(compare(isegoria.articleId(), warInContext.articleId())),
                        "The articles to compare must include the lesson’s article, \u201c" + frisky.title()
                                + "\u201d."),
                new Case(
                        isegoria.articleId(),
                        List.of(compare(isegoria.articleId(), UUID.randomUUID())),
                        "That article is not in your school’s library."),
                new Case(
                        isegoria.articleId(),
                        List.of(
                                compare(isegoria.articleId(), warInContext.articleId()),
                                NewStep.of(NewStep.MARK_CLAIMS)),
                        "\u201cCompare the outlets\u201d is the last step of a lesson.")));
        cases.add(new Case(
                isegoria.articleId(),
                List.of(compare(isegoria.articleId(), other)),
                "The articles to compare must tell the same story: choose them from one story set."));
        int before =
                jdbc.sql("SELECT count(*) FROM assignment").query(Integer.class).single();
        try {
            for (Case c : cases) {
                assertThatThrownBy(() -> assign(c.lessonArticle(), c.steps()))
                        .as(c.message())
                        .isInstanceOf(UserFacingException.class)
                        .hasMessage(c.message());
            }
        } finally {
            // The integration tests share one library: leave it as the pack made it.
            jdbc.sql("UPDATE article SET current_version_id = NULL WHERE id = :a")
                    .param("a", other)
                    .update();
            jdbc.sql("DELETE FROM article_version WHERE article_id = :a")
                    .param("a", other)
                    .update();
            jdbc.sql("DELETE FROM article WHERE id = :a").param("a", other).update();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM assignment")
                        .query(Integer.class)
                        .single())
                .as("nothing half-written")
                .isEqualTo(before);
    }

    /** An article of the school's library in no story set (as a teacher's own article will be). */
    UUID articleOfNoStorySet() {
        UUID article = UUID.randomUUID();
        UUID version = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO article (id, school_id, outlet_id, created_at, updated_at)
                VALUES (:a, :school, :outlet, now(), now())
                """)
                .param("a", article)
                .param("school", Schools.DEFAULT_SCHOOL_ID)
                .param("outlet", frisky.outletId())
                .update();
        jdbc.sql("""
                INSERT INTO article_version (id, article_id, content_hash, title, published_on, published_precision,
                                             language, canonical_text, created_at)
                VALUES (:v, :a, repeat('a', 64), 'A story of its own', DATE '2020-01-01', 'day', 'en', 'Some text.', now())
                """).param("v", version).param("a", article).update();
        jdbc.sql("UPDATE article SET current_version_id = :v WHERE id = :a")
                .param("v", version)
                .param("a", article)
                .update();
        return article;
    }

    @Test
    void every_compare_item_is_saved_with_its_seq_and_a_replay_changes_nothing() {
        MarkingSession session = open(twoExcerpts());
        UUID attempt = session.attemptId();
        LibraryPins.ColumnArticle column = session.compare().columns().getFirst();
        String article = column.articleId().toString();
        String text = text(column.articleVersionId());
        int at = text.indexOf("reportedly") >= 0 ? text.indexOf("reportedly") : 0;
        String words = text.substring(at, at + 10);
        String spanId = UUID.randomUUID().toString();
        try (var s = SignedIn.as(users, student.username())) {
            var grid = new CompareItems.GridState(
                    article, 1, "Sensational", 2, 1, "relay", List.of("The Daily Beast", " "), "More quotes", null);
            assertThat(work.saveGrid(attempt, grid).status()).isEqualTo(SaveStatus.SAVED);
            assertThat(work.saveGrid(attempt, grid).status()).as("a replay").isEqualTo(SaveStatus.STALE);
            assertThat(work.saveSpan(
                                    attempt,
                                    new CompareItems.SpanState(
                                            spanId, 1, article, "hedge", at, at + 10, words, "", "", false))
                            .status())
                    .isEqualTo(SaveStatus.SAVED);
            assertThat(work.saveCell(
                                    attempt,
                                    new CompareItems.CellState(
                                            "k01", article, 1, "attributed", null, null, null, null, null))
                            .status())
                    .isEqualTo(SaveStatus.SAVED);
            assertThat(work.saveNote(
                            attempt,
                            new CompareItems.NoteState(
                                    column.outletId().toString(),
                                    1,
                                    "https://en.wikipedia.org/wiki/Example",
                                    "A blog run by one person.")))
                    .extracting(SaveResult::status)
                    .isEqualTo(SaveStatus.SAVED);
            assertThat(work.saveJudgement(attempt, new CompareItems.JudgementState(1, "Isegoria, for the quotes."))
                            .status())
                    .isEqualTo(SaveStatus.SAVED);
            // A later change wins; an older one arriving late changes nothing.
            assertThat(work.saveJudgement(attempt, new CompareItems.JudgementState(3, "Neither, alone."))
                            .status())
                    .isEqualTo(SaveStatus.SAVED);
            SaveResult late = work.saveJudgement(attempt, new CompareItems.JudgementState(2, "Old words"));
            assertThat(late.status()).isEqualTo(SaveStatus.STALE);
            assertThat(late.seq()).isEqualTo(3);

            CompareWork saved = work.compareWork(attempt);
            CompareWork.Grid g = saved.grids().get(column.articleId());
            assertThat(g.grid().framing()).as("codes are stored in lower case").isEqualTo("sensational");
            assertThat(g.grid().relayedFrom()).containsExactly("The Daily Beast");
            assertThat(saved.spans()).singleElement().satisfies(p -> {
                assertThat(p.span().exact()).isEqualTo(words);
                assertThat(p.kind()).isEqualTo("hedge");
            });
            assertThat(saved.cell("k01", column.articleId()).orElseThrow().carried())
                    .isEqualTo("attributed");
            assertThat(saved.judgement().text()).isEqualTo("Neither, alone.");

            // A span's delete is a tombstone: the older save cannot bring it back.
            assertThat(work.saveSpan(
                                    attempt,
                                    new CompareItems.SpanState(
                                            spanId, 2, article, "hedge", at, at + 10, words, "", "", true))
                            .status())
                    .isEqualTo(SaveStatus.SAVED);
            assertThat(work.saveSpan(
                                    attempt,
                                    new CompareItems.SpanState(
                                            spanId, 1, article, "hedge", at, at + 10, words, "", "", false))
                            .status())
                    .isEqualTo(SaveStatus.STALE);
            assertThat(work.compareWork(attempt).spans()).isEmpty();
        }
    }

    @Test
    void bad_compare_input_is_refused_with_a_sentence_and_changes_nothing() {
        MarkingSession session = open(twoExcerpts());
        UUID attempt = session.attemptId();
        LibraryPins.ColumnArticle column = session.compare().columns().getFirst();
        String article = column.articleId().toString();
        String outlet = column.outletId().toString();
        try (var s = SignedIn.as(users, student.username())) {
            record Case(SaveResult result, String message) {}
            List<Case> cases = List.of(
                    new Case(
                            work.saveGrid(
                                    attempt,
                                    new CompareItems.GridState(
                                            frisky.articleId().toString(),
                                            1,
                                            "neutral",
                                            null,
                                            null,
                                            null,
                                            null,
                                            null,
                                            null)),
                            CompareWorkService.NOT_IN_STEP.english()),
                    new Case(
                            work.saveGrid(
                                    attempt,
                                    new CompareItems.GridState(
                                            article, 1, "clickbait", null, null, null, null, null, null)),
                            CompareWorkModel.BAD_FRAMING.english()),
                    new Case(
                            work.saveGrid(
                                    attempt,
                                    new CompareItems.GridState(article, 1, null, -1, null, null, null, null, null)),
                            CompareWorkModel.BAD_COUNT.english()),
                    new Case(
                            work.saveCell(
                                    attempt,
                                    new CompareItems.CellState(
                                            "k99", article, 1, "fact", null, null, null, null, null)),
                            CompareWorkService.UNKNOWN_CLAIM.english()),
                    new Case(
                            work.saveCell(
                                    attempt,
                                    new CompareItems.CellState(
                                            "k01", article, 1, "maybe", null, null, null, null, null)),
                            CompareWorkModel.BAD_CARRIED.english()),
                    new Case(
                            work.saveNote(attempt, new CompareItems.NoteState(outlet, 1, "javascript:alert(1)", "x")),
                            CompareWorkModel.BAD_ADDRESS.english()),
                    new Case(
                            work.saveNote(
                                    attempt,
                                    new CompareItems.NoteState(frisky.outletId().toString(), 1, null, "Not compared")),
                            CompareWorkService.UNKNOWN_OUTLET.english()),
                    new Case(
                            work.saveJudgement(attempt, new CompareItems.JudgementState(1, "x".repeat(2001))),
                            CompareWorkModel.LONG_TEXT.english()),
                    new Case(
                            work.saveSpan(
                                    attempt,
                                    new CompareItems.SpanState(
                                            UUID.randomUUID().toString(),
                                            1,
                                            article,
                                            "hedge",
                                            0,
                                            5,
                                            "zzzzz",
                                            "",
                                            "",
                                            false)),
                            CompareWorkModel.MOVED.english()),
                    new Case(work.saveGrid(attempt, null), CompareWorkService.UNREADABLE.english()));
            for (Case c : cases) {
                assertThat(c.result().status()).as(c.message()).isEqualTo(SaveStatus.REJECTED);
                assertThat(c.result().message()).isEqualTo(c.message());
            }
        }
        for (String table :
                List.of("compare_grid", "compare_span", "compare_cell", "lateral_note", "compare_judgement")) {
            assertThat(count(table, attempt)).as(table).isZero();
        }
    }

    @Test
    void picked_spans_are_limited_per_article_and_kind() {
        MarkingSession session = open(twoExcerpts());
        UUID attempt = session.attemptId();
        LibraryPins.ColumnArticle column = session.compare().columns().getFirst();
        String text = text(column.articleVersionId());
        try (var s = SignedIn.as(users, student.username())) {
            for (int i = 0; i < CompareWorkModel.MAX_SPANS_PER_ARTICLE_AND_KIND; i++) {
                SaveResult saved = work.saveSpan(
                        attempt,
                        new CompareItems.SpanState(
                                UUID.randomUUID().toString(),
                                1,
                                column.articleId().toString(),
                                "loaded",
                                i,
                                i + 1,
                                text.substring(i, i + 1),
                                "",
                                "",
                                false));
                assertThat(saved.status()).isEqualTo(SaveStatus.SAVED);
            }
            SaveResult over = work.saveSpan(
                    attempt,
                    new CompareItems.SpanState(
                            UUID.randomUUID().toString(),
                            1,
                            column.articleId().toString(),
                            "loaded",
                            50,
                            51,
                            text.substring(50, 51),
                            "",
                            "",
                            false));
            assertThat(over.status()).isEqualTo(SaveStatus.REJECTED);
            assertThat(over.message()).isEqualTo(CompareWorkService.TOO_MANY_SPANS.english());
            SaveResult otherKind = work.saveSpan(
                    attempt,
                    new CompareItems.SpanState(
                            UUID.randomUUID().toString(),
                            1,
                            column.articleId().toString(),
                            "hedge",
                            50,
                            51,
                            text.substring(50, 51),
                            "",
                            "",
                            false));
            assertThat(otherKind.status()).as("the limit is per kind").isEqualTo(SaveStatus.SAVED);
        }
    }

    @Test
    void an_outlet_profile_opens_only_after_the_students_own_note_unless_the_teacher_shows_it_at_once() {
        MarkingSession session = open(twoExcerpts());
        UUID attempt = session.attemptId();
        UUID outlet = session.compare().columns().getFirst().outletId();
        try (var s = SignedIn.as(users, student.username())) {
            assertThat(work.outletProfile(attempt, outlet))
                    .as("before the note")
                    .isEmpty();
            work.saveNote(attempt, new CompareItems.NoteState(outlet.toString(), 1, null, "   "));
            assertThat(work.outletProfile(attempt, outlet))
                    .as("a blank note is no note")
                    .isEmpty();
            work.saveNote(attempt, new CompareItems.NoteState(outlet.toString(), 2, null, "Run by one writer."));
            assertThat(work.outletProfile(attempt, outlet)).isPresent();
            assertThat(work.outletProfile(attempt, frisky.outletId()))
                    .as("an outlet of no compared article")
                    .isEmpty();
        }
        AssignmentSummary atOnce = assign(
                isegoria.articleId(),
                List.of(NewStep.compare(
                        List.of(isegoria.articleId(), warInContext.articleId()), BigDecimal.ONE, true)));
        MarkingSession other = open(atOnce);
        try (var s = SignedIn.as(users, student.username())) {
            assertThat(work.outletProfile(other.attemptId(), isegoria.outletId()))
                    .isPresent();
        }
    }

    @Test
    void a_submitted_comparison_takes_no_more_work_and_a_revision_starts_from_a_copy() {
        AssignmentSummary lesson = twoExcerpts();
        MarkingSession session = open(lesson);
        UUID attempt = session.attemptId();
        String article = session.compare().columns().getFirst().articleId().toString();
        try (var s = SignedIn.as(users, student.username())) {
            work.saveGrid(
                    attempt, new CompareItems.GridState(article, 1, "neutral", 1, 0, "original", null, null, null));
            work.saveJudgement(attempt, new CompareItems.JudgementState(1, "Isegoria, for the quotes."));
            submissions.submit(attempt);
            SaveResult after = work.saveJudgement(attempt, new CompareItems.JudgementState(2, "Changed my mind"));
            assertThat(after.status()).isEqualTo(SaveStatus.REJECTED);
            assertThat(after.message()).isEqualTo("You have submitted this work, so it cannot change any more.");
            feedback.startRevision(lesson.id());
        }
        MarkingSession revision = open(lesson);
        assertThat(revision.attemptNumber()).isEqualTo(2);
        assertThat(revision.compare().work().judgement().text()).isEqualTo("Isegoria, for the quotes.");
        assertThat(revision.compare().work().grids()).hasSize(1);
    }
}
