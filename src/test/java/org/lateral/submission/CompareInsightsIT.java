package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.lateral.StatementCounter;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.AssignmentSummary;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.NewAssignment;
import org.lateral.assignment.NewStep;
import org.lateral.base.Schools;
import org.lateral.base.highlighter.SaveResult;
import org.lateral.base.highlighter.SaveStatus;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.library.LibraryPins;
import org.lateral.library.LibraryService;
import org.lateral.security.Role;
import org.lateral.submission.CompareAgreement.KeyAnswer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The compare panel of the assignment dashboard on a small fixed data set: a compare-only lesson on
 * Isegoria and War in Context (the seeded Defectors key), three students who submitted and one who
 * only saved. Every number below is worked out by hand from the key (DD014's worked example lists
 * it): Isegoria framing sensational or neutral, named 0–1 and anonymous 1–2 (±1), relay from The
 * Daily Beast, five hedges and five loaded phrases; War in Context framing sensational or neutral,
 * named 2, anonymous 1, relay; k01 carried as fact (or attributed) by Isegoria and attributed (or
 * fact) by War in Context.
 */
@LateralServerTest
class CompareInsightsIT {

    @Autowired
    SubmissionService submissions;

    @Autowired
    CompareWorkService compareWork;

    @Autowired
    AssignmentInsights insights;

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

    String teacher;
    List<OneTimeCredential> students;
    AssignmentSummary lesson;
    UUID isegoria;
    UUID warInContext;

    @BeforeEach
    void aCompareLesson() {
        teacher = "t-" + UUID.randomUUID().toString().substring(0, 8);
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, teacher, "Mr Panel", Set.of(Role.TEACHER), "a long enough password");
        try (var s = SignedIn.as(users, teacher)) {
            ClassDetail media = classroom.createClass(new NewClass("Compare panel", "", "", "UTC"));
            students = classroom.createStudents(media.id(), "Ada\nBen\nCai\nDee");
            isegoria = library.articles("isegoria").getFirst().articleId();
            warInContext = library.articles("war in context").getFirst().articleId();
            lesson = assignments.assignMarkClaims(
                    media.id(),
                    new NewAssignment(
                            isegoria,
                            null,
                            LocalDate.now().plusDays(3),
                            false,
                            FeedbackPolicy.AFTER_SUBMIT,
                            false,
                            null,
                            false,
                            List.of(NewStep.compare(List.of(isegoria, warInContext), BigDecimal.ONE, false))));
        }
    }

    /** One student's comparison: Isegoria's grid, optionally War in Context's, the two k01 cells. */
    record Work(
            String framing,
            int named,
            @Nullable Integer anonymous,
            String reporting,
            List<String> relayedFrom,
            @Nullable String hedge,
            @Nullable String wicFraming,
            @Nullable Integer wicNamed,
            String k01Isegoria,
            String k01WarInContext) {}

    void work(OneTimeCredential student, Work w, boolean submit) {
        try (var s = SignedIn.as(users, student.username())) {
            MarkingSession session = submissions.open(lesson.id()).orElseThrow();
            UUID attempt = session.attemptId();
            saved(compareWork.saveGrid(
                    attempt,
                    new CompareItems.GridState(
                            isegoria.toString(),
                            1,
                            w.framing(),
                            w.named(),
                            w.anonymous(),
                            w.reporting(),
                            w.relayedFrom(),
                            null,
                            null)));
            if (w.wicFraming() != null || w.wicNamed() != null) {
                saved(compareWork.saveGrid(
                        attempt,
                        new CompareItems.GridState(
                                warInContext.toString(),
                                1,
                                w.wicFraming(),
                                w.wicNamed(),
                                null,
                                null,
                                List.of(),
                                null,
                                null)));
            }
            if (w.hedge() != null) {
                LibraryPins.ColumnArticle column = session.compare().columns().stream()
                        .filter(c -> c.articleId().equals(isegoria))
                        .findFirst()
                        .orElseThrow();
                int at = column.canonicalText().indexOf(w.hedge());
                saved(compareWork.saveSpan(
                        attempt,
                        new CompareItems.SpanState(
                                UUID.randomUUID().toString(),
                                1,
                                isegoria.toString(),
                                "hedge",
                                at,
                                at + w.hedge().length(),
                                w.hedge(),
                                "",
                                "",
                                false)));
            }
            saved(compareWork.saveCell(
                    attempt,
                    new CompareItems.CellState(
                            "k01", isegoria.toString(), 1, w.k01Isegoria(), null, null, null, null, null)));
            saved(compareWork.saveCell(
                    attempt,
                    new CompareItems.CellState(
                            "k01", warInContext.toString(), 1, w.k01WarInContext(), null, null, null, null, null)));
            if (submit) {
                submissions.submit(attempt);
            }
        }
    }

    private static void saved(SaveResult result) {
        assertThat(result.status()).as(result.message()).isEqualTo(SaveStatus.SAVED);
    }

    CompareAgreement panel() {
        try (var s = SignedIn.as(users, teacher)) {
            AssignmentDashboard d = insights.dashboard(lesson.id()).orElseThrow();
            assertThat(d.panels()).hasSize(1);
            return (CompareAgreement) d.panels().getFirst();
        }
    }

    /** The key accepts these codes, its own first. */
    static KeyAnswer accepted(String... codes) {
        return new KeyAnswer.Accepted(List.of(codes));
    }

    static CompareAgreement.Cell cell(List<CompareAgreement.Row> rows, String item, int column) {
        return rows.stream()
                .filter(r -> r.item().equals(item))
                .findFirst()
                .orElseThrow()
                .cells()
                .get(column);
    }

    void threeSubmitAndOneOnlySaves() {
        work(
                students.get(0),
                new Work(
                        "sensational",
                        1,
                        1,
                        "relay",
                        List.of("The Daily Beast"),
                        null,
                        "hedged",
                        2,
                        "fact",
                        "attributed"),
                true);
        work(
                students.get(1),
                new Work("neutral", 3, null, "original", List.of(), null, null, null, "attributed", "fact"),
                true);
        work(
                students.get(2),
                new Work(
                        "question",
                        1,
                        null,
                        "relay",
                        List.of("Daily Beast", "Michael Weiss"),
                        "fairly certain",
                        null,
                        null,
                        "hedged",
                        "attributed"),
                true);
        // Saved but never submitted: work in progress counts for nothing.
        work(
                students.get(3),
                new Work("hedged", 9, 9, "mixed", List.of(), null, "hedged", 9, "absent", "absent"),
                false);
    }

    @Test
    void each_grid_and_matrix_cell_gives_the_agreement_worked_out_by_hand() {
        threeSubmitAndOneOnlySaves();
        CompareAgreement p = panel();

        assertThat(p.step()).isZero();
        assertThat(p.submitters()).isEqualTo(3);
        assertThat(p.outlets()).containsExactly("Isegoria", "War in Context");
        assertThat(p.grid())
                .extracting(CompareAgreement.Row::item)
                .containsExactly("framing", "named", "anonymous", "reporting", "relayed-from", "hedges", "loaded");

        // Isegoria. Framing: sensational, neutral, question; the key takes the first two; a three-way tie.
        assertThat(cell(p.grid(), "framing", 0))
                .isEqualTo(new CompareAgreement.Cell(
                        "Isegoria",
                        3,
                        List.of("neutral", "question", "sensational"),
                        1,
                        0.33,
                        accepted("sensational", "neutral"),
                        0.67,
                        3,
                        2,
                        false));
        // Named: 1, 3, 1 against 0–1 ±1: two right; "1" twice.
        assertThat(cell(p.grid(), "named", 0))
                .isEqualTo(new CompareAgreement.Cell(
                        "Isegoria", 3, List.of("1"), 2, 0.67, new KeyAnswer.Count(0, 1, 1), 0.67, 3, 2, false));
        // Anonymous: only Ada gave one (1, right); the two blanks count against the key.
        assertThat(cell(p.grid(), "anonymous", 0))
                .isEqualTo(new CompareAgreement.Cell(
                        "Isegoria", 1, List.of("1"), 1, 0.33, new KeyAnswer.Count(1, 2, 1), 0.33, 3, 1, false));
        assertThat(cell(p.grid(), "reporting", 0))
                .isEqualTo(new CompareAgreement.Cell(
                        "Isegoria", 3, List.of("relay"), 2, 0.67, accepted("relay"), 0.67, 3, 2, false));
        // Relayed from, by overlap: Ada F1 1, Ben none of one (0), Cai the Daily Beast and a writer
        // (2 × 1 ÷ (2 + 1) = 0.667): mean 1.667 ÷ 3 = 0.56. Three different answers.
        assertThat(cell(p.grid(), "relayed-from", 0))
                .isEqualTo(new CompareAgreement.Cell(
                        "Isegoria",
                        3,
                        List.of("Michael Weiss; The Daily Beast", "The Daily Beast", CompareAgreement.NO_OUTLET),
                        1,
                        0.33,
                        new KeyAnswer.Relays(List.of("The Daily Beast")),
                        0.56,
                        3,
                        0,
                        true));
        // Hedges: only Cai picked one, a key hedge: F1 2 × 1 ÷ (1 + 5) = 0.333; the others 0: mean 0.11.
        assertThat(cell(p.grid(), "hedges", 0))
                .isEqualTo(new CompareAgreement.Cell(
                        "Isegoria", 1, List.of(), 0, null, new KeyAnswer.Phrases(5), 0.11, 3, 0, true));
        assertThat(cell(p.grid(), "loaded", 0))
                .isEqualTo(new CompareAgreement.Cell(
                        "Isegoria", 0, List.of(), 0, null, new KeyAnswer.Phrases(5), 0.0, 3, 0, true));

        // War in Context: only Ada filled its grid (framing hedged, wrong; named 2, right).
        assertThat(cell(p.grid(), "framing", 1))
                .isEqualTo(new CompareAgreement.Cell(
                        "War in Context",
                        1,
                        List.of("hedged"),
                        1,
                        0.33,
                        accepted("sensational", "neutral"),
                        0.0,
                        3,
                        0,
                        false));
        assertThat(cell(p.grid(), "named", 1))
                .isEqualTo(new CompareAgreement.Cell(
                        "War in Context", 1, List.of("2"), 1, 0.33, new KeyAnswer.Count(2, 2, 1), 0.33, 3, 1, false));
        assertThat(cell(p.grid(), "reporting", 1))
                .isEqualTo(new CompareAgreement.Cell(
                        "War in Context", 0, List.of(), 0, null, accepted("relay"), 0.0, 3, 0, false));
        // No reporting category: the relay item is 0 for everyone, and nobody answered it.
        assertThat(cell(p.grid(), "relayed-from", 1).keyShare()).isEqualTo(0.0);
        assertThat(cell(p.grid(), "relayed-from", 1).answered()).isZero();

        // The matrix: the eight core claims, k01 answered by all three.
        assertThat(p.matrix()).hasSize(8);
        assertThat(p.grid()).extracting(CompareAgreement.Row::claim).containsOnlyNulls();
        assertThat(p.matrix().getFirst().claim()).isEqualTo("Someone who held a post inside ISIS has left the group.");
        // Isegoria k01: fact, attributed (both right), hedged (wrong).
        assertThat(cell(p.matrix(), "k01", 0))
                .isEqualTo(new CompareAgreement.Cell(
                        "Isegoria",
                        3,
                        List.of("attributed", "fact", "hedged"),
                        1,
                        0.33,
                        accepted("fact", "attributed"),
                        0.67,
                        3,
                        2,
                        false));
        // War in Context k01: attributed, fact, attributed: all right; attributed twice.
        assertThat(cell(p.matrix(), "k01", 1))
                .isEqualTo(new CompareAgreement.Cell(
                        "War in Context",
                        3,
                        List.of("attributed"),
                        2,
                        0.67,
                        accepted("attributed", "fact"),
                        1.0,
                        3,
                        3,
                        false));
        // A cell nobody answered is wrong for all three.
        assertThat(cell(p.matrix(), "k02", 0).keyShare()).isEqualTo(0.0);
        assertThat(cell(p.matrix(), "k02", 0).answered()).isZero();
    }

    @Test
    void the_panel_takes_as_many_statements_for_four_submitters_as_for_three() {
        threeSubmitAndOneOnlySaves();
        panel();
        StatementCounter.Counted<CompareAgreement> three = StatementCounter.count(this::panel);
        try (var s = SignedIn.as(users, students.get(3).username())) {
            submissions.submit(submissions.open(lesson.id()).orElseThrow().attemptId());
        }
        StatementCounter.Counted<CompareAgreement> four = StatementCounter.count(this::panel);

        assertThat(three.value().submitters()).isEqualTo(3);
        assertThat(four.value().submitters()).isEqualTo(4);
        // Dee's saved work is now submitted and counts: "absent" for k01 is wrong in both columns.
        assertThat(cell(four.value().matrix(), "k01", 1).keyShare()).isEqualTo(0.75);
        assertThat(cell(four.value().matrix(), "k01", 0).keyShare()).isEqualTo(0.5);
        assertThat(four.statements())
                .as("statements for four submitters (three: %d)", three.statements())
                .isEqualTo(three.statements());
    }
}
