package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
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
import org.lateral.base.database.DatabaseNotifications;
import org.lateral.base.highlighter.MarkState;
import org.lateral.base.highlighter.SaveStatus;
import org.lateral.base.highlighter.SourceState;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.library.ClaimType;
import org.lateral.library.LibraryService;
import org.lateral.library.SourceKind;
import org.lateral.library.TestPacks;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The assignment dashboard's figures on a class of four on the Frisky article, checked against
 * numbers worked out by hand from the key (c01, the headline, accepts hedged and attributed; c03
 * factual and unsupported; c05, the source sentence, attributed):
 *
 * <ul>
 *   <li>Ada: the headline as hedged, the source sentence as attributed, "Violent terrorist
 *       attacks" as opinion (3 of c03's 17 words: no match);
 *   <li>Bo: the headline as factual (found, type not accepted), "Violent terrorist attacks";
 *   <li>Cy: the headline as hedged, "Violent terrorist attacks";
 *   <li>Di: nothing started.
 * </ul>
 */
@LateralServerTest
class AssignmentInsightsIT {

    static final String HEADLINE = GradingIT.HEADLINE;
    static final String SOURCE = GradingIT.SOURCE;
    static final String EXTRA = "Violent terrorist attacks";

    @Autowired
    org.lateral.Fixtures fixtures;

    @Autowired
    SubmissionService submissions;

    @Autowired
    ResultsService results;

    @Autowired
    AssignmentInsights insights;

    @Autowired
    DatabaseNotifications notifications;

    @Autowired
    KeyAmendments keys;

    @Autowired
    SourceWorkService work;

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

    @TempDir
    Path temp;

    UUID school;
    String teacher;
    AssignmentSummary assignment;
    List<UUID> submitted = new ArrayList<>();
    List<OneTimeCredential> students;
    UUID classId;

    @BeforeEach
    void aClassOfFourWithThreeSubmissions() throws IOException {
        school = fixtures.school("Dashboard test school");
        fixtures.importPack(school, TestPacks.defectorsWithFreshIds(temp.resolve("defectors")));
        teacher = "t-" + UUID.randomUUID().toString().substring(0, 8);
        administration.ensureAccount(
                school, teacher, "History Teacher", Set.of(Role.TEACHER), "a long enough password");
        try (var s = SignedIn.as(users, teacher)) {
            ClassDetail media = classroom.createClass(new NewClass("Media", "", "", "UTC"));
            classId = media.id();
            students = classroom.createStudents(media.id(), "Ada\nBo\nCy\nDi");
            assignment = fixtures.frisky(media.id(), 3, false);
        }
        submitted.add(markAndSubmit(students.get(0), HEADLINE, "hedged", SOURCE, "attributed", EXTRA, "opinion"));
        submitted.add(markAndSubmit(students.get(1), HEADLINE, "factual", EXTRA, "opinion"));
        submitted.add(markAndSubmit(students.get(2), HEADLINE, "hedged", EXTRA, "opinion"));
    }

    private UUID markAndSubmit(OneTimeCredential who, String... quotesAndTypes) {
        try (var s = SignedIn.as(users, who.username())) {
            MarkingSession session = submissions.open(assignment.id()).orElseThrow();
            for (int i = 0; i < quotesAndTypes.length; i += 2) {
                int at = session.text().indexOf(quotesAndTypes[i]);
                assertThat(at).as(quotesAndTypes[i]).isNotNegative();
                var saved = submissions.saveMark(
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
                assertThat(saved.status()).isEqualTo(SaveStatus.SAVED);
            }
            submissions.submit(session.attemptId());
            return session.attemptId();
        }
    }

    private AssignmentDashboard dashboard() {
        try (var s = SignedIn.as(users, teacher)) {
            return insights.dashboard(assignment.id()).orElseThrow();
        }
    }

    private static Map<String, Double> shares(AssignmentDashboard d) {
        return d.claims().stream()
                .collect(Collectors.toMap(
                        AssignmentDashboard.ClaimShare::claimId, AssignmentDashboard.ClaimShare::share));
    }

    @Test
    void each_key_claim_has_the_share_of_the_submitters_that_found_it() {
        AssignmentDashboard d = dashboard();
        assertThat(d.submitters()).isEqualTo(3);
        Map<String, Double> shares = shares(d);
        assertThat(shares).containsEntry("c01", 1.0).containsEntry("c05", 0.33).containsEntry("c03", 0.0);
        assertThat(d.claims().stream().filter(c -> c.found() > 0)).hasSize(2);
        assertThat(d.claims())
                .extracting(AssignmentDashboard.ClaimShare::number)
                .startsWith(1, 2, 3);
    }

    @Test
    void the_confusion_matrix_counts_matched_claims_by_key_type_and_chosen_type() {
        var m = dashboard().confusion();
        assertThat(m.get(ClaimType.HEDGED).get(ClaimType.HEDGED))
                .as("Ada's and Cy's headline")
                .isEqualTo(2);
        assertThat(m.get(ClaimType.ATTRIBUTED).get(ClaimType.ATTRIBUTED))
                .as("Ada's source")
                .isEqualTo(1);
        assertThat(m.get(ClaimType.ATTRIBUTED).get(ClaimType.FACTUAL))
                .as("Bo's headline")
                .isEqualTo(1);
        int total = m.values().stream()
                .flatMap(r -> r.values().stream())
                .mapToInt(Integer::intValue)
                .sum();
        assertThat(total).isEqualTo(4);
    }

    @Test
    void scores_median_students_and_the_span_three_marked_outside_the_key() {
        AssignmentDashboard d = dashboard();
        List<Double> byHand = new ArrayList<>();
        try (var s = SignedIn.as(users, teacher)) {
            for (UUID attempt : submitted) {
                byHand.add(results.review(attempt)
                        .orElseThrow()
                        .review()
                        .history()
                        .getLast()
                        .score());
            }
        }
        byHand.sort(null);
        assertThat(d.scores()).containsExactlyInAnyOrderElementsOf(byHand);
        assertThat(d.median()).isEqualTo(byHand.get(1));
        assertThat(java.util.Arrays.stream(d.bins()).sum()).isEqualTo(3);
        assertThat(d.students()).hasSize(4);
        assertThat(d.students().stream()
                        .filter(r -> r.name().equals("Di"))
                        .findFirst()
                        .orElseThrow())
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo(SubmissionStatus.NOT_STARTED);
                    assertThat(r.timeSpent()).isNull();
                    assertThat(r.attemptIds()).isEmpty();
                });
        assertThat(d.students().stream()
                        .filter(r -> r.name().equals("Ada"))
                        .findFirst()
                        .orElseThrow())
                .satisfies(r -> {
                    assertThat(r.attemptIds()).containsExactly(submitted.getFirst());
                    assertThat(r.timeSpent()).isNotNull();
                    assertThat(r.timeSpent().isNegative()).isFalse();
                });

        assertThat(d.unkeyedMinimum()).isEqualTo(3);
        assertThat(d.unkeyed()).singleElement().satisfies(p -> {
            assertThat(p.exact()).isEqualTo(EXTRA);
            assertThat(p.students()).isEqualTo(3);
            assertThat(p.claimId()).isEqualTo("c03");
        });
    }

    @Test
    void accepting_the_unkeyed_span_rescores_and_moves_the_marker() throws InterruptedException {
        AssignmentDashboard before = dashboard();
        try (var s = SignedIn.as(users, teacher)) {
            DatabaseNotifications.Watch changes = insights.changes(assignment.id());
            // The set-up's own submissions are counted first, so that only the amendment moves it.
            assertThat(notifications.awaitDelivered(Duration.ofSeconds(10))).isTrue();
            String marker = changes.version();
            assertThat(changes.version()).isEqualTo(marker);
            Results.PopularSpan p = before.unkeyed().getFirst();
            assertThat(keys.acceptSpan(assignment.id(), p.start(), p.end(), p.claimId(), p.type()))
                    .isEqualTo(3);
            assertThat(notifications.awaitDelivered(Duration.ofSeconds(10))).isTrue();
            assertThat(changes.version()).isNotEqualTo(marker);
        }
        AssignmentDashboard after = dashboard();
        assertThat(shares(after)).containsEntry("c03", 1.0);
        assertThat(after.unkeyed()).isEmpty();
    }

    /**
     * A lesson with a "Who says so?" step (key: s01 "Abu Khaled", pseudonymous, anonymous also
     * accepted; s02 "The Daily Mail", media outlet). Ada names Abu Khaled as anonymous and The Daily
     * Mail as a document; Bo names Abu Khaled as pseudonymous; Cy and Di do not reach the step.
     */
    @Test
    void a_sources_step_counts_key_sources_found_and_kinds_chosen() {
        AssignmentSummary lesson;
        try (var s = SignedIn.as(users, teacher)) {
            UUID frisky = library.articles("frisky").getFirst().articleId();
            lesson = assignments.assignMarkClaims(
                    classId,
                    new NewAssignment(
                            frisky,
                            null,
                            LocalDate.now().plusDays(3),
                            true,
                            FeedbackPolicy.AFTER_SUBMIT,
                            false,
                            null,
                            false,
                            List.of(
                                    org.lateral.assignment.NewStep.of(org.lateral.assignment.NewStep.MARK_CLAIMS),
                                    org.lateral.assignment.NewStep.of(
                                            org.lateral.assignment.NewStep.IDENTIFY_SOURCES))));
        }
        sources(lesson, students.get(0), "Abu Khaled", "anonymous", "The Daily Mail", "document");
        sources(lesson, students.get(1), "Abu Khaled", "pseudonymous");
        AssignmentDashboard d;
        try (var s = SignedIn.as(users, teacher)) {
            d = insights.dashboard(lesson.id()).orElseThrow();
        }
        assertThat(d.sourceSubmitters()).isEqualTo(2);
        assertThat(d.sources())
                .extracting(AssignmentDashboard.SourceShare::sourceId, AssignmentDashboard.SourceShare::share)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("s01", 1.0),
                        org.assertj.core.groups.Tuple.tuple("s02", 0.5));
        var m = d.kindConfusion();
        assertThat(m.get(SourceKind.ANONYMOUS).get(SourceKind.ANONYMOUS)).isEqualTo(1);
        assertThat(m.get(SourceKind.PSEUDONYMOUS).get(SourceKind.PSEUDONYMOUS)).isEqualTo(1);
        assertThat(m.get(SourceKind.MEDIA_OUTLET).get(SourceKind.DOCUMENT)).isEqualTo(1);
        assertThat(m.values().stream()
                        .flatMap(r -> r.values().stream())
                        .mapToInt(Integer::intValue)
                        .sum())
                .isEqualTo(3);
    }

    /** Submits the claims step with the headline, then names the sources with kinds and submits. */
    private void sources(AssignmentSummary lesson, OneTimeCredential who, String... namesAndKinds) {
        try (var s = SignedIn.as(users, who.username())) {
            MarkingSession claims = submissions.open(lesson.id()).orElseThrow();
            int at = claims.text().indexOf(HEADLINE);
            submissions.saveMark(
                    claims.attemptId(),
                    new MarkState(UUID.randomUUID(), 1, at, at + HEADLINE.length(), HEADLINE, "", "", "hedged", false));
            submissions.submit(claims.attemptId());
            MarkingSession step = submissions.open(lesson.id()).orElseThrow();
            assertThat(step.exercise()).isEqualTo("identify-sources");
            for (int i = 0; i < namesAndKinds.length; i += 2) {
                assertThat(work.saveSource(
                                        step.attemptId(),
                                        new SourceState(
                                                UUID.randomUUID(),
                                                1,
                                                namesAndKinds[i],
                                                namesAndKinds[i + 1],
                                                null,
                                                null,
                                                false))
                                .status())
                        .isEqualTo(SaveStatus.SAVED);
            }
            submissions.submit(step.attemptId());
        }
    }

    @Test
    void another_teacher_gets_nothing_and_a_student_is_refused() {
        String other = "t-" + UUID.randomUUID().toString().substring(0, 8);
        administration.ensureAccount(school, other, "Other Teacher", Set.of(Role.TEACHER), "a long enough password");
        try (var s = SignedIn.as(users, other)) {
            assertThat(insights.dashboard(assignment.id())).isEmpty();
            assertThatThrownBy(() -> insights.changes(assignment.id())).isInstanceOf(RuntimeException.class);
        }
        try (var s = SignedIn.as(users, students.getFirst().username())) {
            assertThatThrownBy(() -> insights.dashboard(assignment.id())).isInstanceOf(AccessDeniedException.class);
        }
    }
}
