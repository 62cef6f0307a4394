package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lateral.library.ClaimType;
import org.lateral.library.SourceKind;
import org.lateral.submission.WorkTallies.Outcome;
import org.lateral.submission.WorkTallies.Tally;
import org.lateral.submission.WorkTallies.Worked;
import org.lateral.submission.scoring.Scoring;
import org.lateral.submission.scoring.SourceScoring;

/** The student-work arithmetic on outcomes written out by hand. */
class WorkTalliesTest {

    private static Grader.GradedClaim claim(String id, ClaimType... types) {
        return new Grader.GradedClaim(id, 0, 1, id, Set.of(types), 1, "", List.of(), List.of(), List.of(), false);
    }

    private static Outcome<ClaimType> o(ClaimType type, boolean found, boolean right) {
        return new Outcome<>(type, found, right);
    }

    @Test
    void a_claim_is_filed_under_its_first_type_and_counts_found_and_type_right_as_the_scoring_matched_it() {
        List<Grader.GradedClaim> key = List.of(
                claim("c1", ClaimType.HEDGED, ClaimType.ATTRIBUTED),
                claim("c2", ClaimType.ATTRIBUTED),
                claim("c3", ClaimType.OPINION));
        // c1 matched with a type the key accepts, c2 matched with another type, c3 missed.
        Scoring.Result result = new Scoring.Result(
                50,
                0.5,
                0.5,
                List.of(new Scoring.Match("c1", "m1", 1, true), new Scoring.Match("c2", "m2", 1, false)),
                List.of("c3"),
                List.of());
        List<Outcome<ClaimType>> outcomes = WorkTallies.claims(key, result);
        assertThat(outcomes)
                .containsExactly(
                        o(ClaimType.ATTRIBUTED, true, true),
                        o(ClaimType.ATTRIBUTED, true, false),
                        o(ClaimType.OPINION, false, false));
        assertThat(WorkTallies.tally(ClaimType.class, outcomes))
                .containsExactly(new Tally<>(ClaimType.ATTRIBUTED, 2, 2, 1), new Tally<>(ClaimType.OPINION, 1, 0, 0));
    }

    @Test
    void a_source_is_filed_under_its_first_accepted_kind_and_counts_the_kind_the_scoring_accepted() {
        SourceScoring.Key key = new SourceScoring.Key(
                List.of(
                        new SourceScoring.KeySource(
                                "s1",
                                "A rebel",
                                List.of(),
                                Set.of(SourceKind.PSEUDONYMOUS, SourceKind.ANONYMOUS),
                                SourceScoring.Origin.PRIMARY,
                                null,
                                List.of()),
                        new SourceScoring.KeySource(
                                "s2",
                                "The Daily Mail",
                                List.of(),
                                Set.of(SourceKind.MEDIA_OUTLET),
                                SourceScoring.Origin.PRIMARY,
                                null,
                                List.of())),
                List.of());
        SourceScoring.Result result = new SourceScoring.Result(
                40,
                0.5,
                0,
                1,
                0,
                0,
                0,
                true,
                false,
                List.of(new SourceScoring.SourceMatch(
                        "s1", "x", SourceScoring.MatchedBy.NAME, 1, false, SourceScoring.OriginVerdict.RIGHT)),
                List.of("s2"),
                List.of(),
                List.of());
        assertThat(WorkTallies.tally(SourceKind.class, WorkTallies.sources(key, result)))
                .containsExactly(
                        new Tally<>(SourceKind.ANONYMOUS, 1, 1, 0), new Tally<>(SourceKind.MEDIA_OUTLET, 1, 0, 0));
    }

    @Test
    void changes_compare_the_first_lesson_with_the_latest_and_attempt_one_with_attempt_two() {
        // Lesson A (revised): attempt 1 found 1 of 3 attributed (right 1); attempt 2 found 2 (right 1).
        // Lesson B: found 3 of 3 attributed (right 2) and none of 1 opinion.
        List<Outcome<ClaimType>> aOne = List.of(
                o(ClaimType.ATTRIBUTED, true, true),
                o(ClaimType.ATTRIBUTED, false, false),
                o(ClaimType.ATTRIBUTED, false, false));
        List<Outcome<ClaimType>> aTwo = List.of(
                o(ClaimType.ATTRIBUTED, true, true),
                o(ClaimType.ATTRIBUTED, true, false),
                o(ClaimType.ATTRIBUTED, false, false));
        List<Outcome<ClaimType>> b = List.of(
                o(ClaimType.ATTRIBUTED, true, true),
                o(ClaimType.ATTRIBUTED, true, true),
                o(ClaimType.ATTRIBUTED, true, false),
                o(ClaimType.OPINION, false, false));
        List<WorkTallies.Change<ClaimType>> changes = WorkTallies.changes(
                ClaimType.class, List.of(new Worked<>("A", aTwo, aOne, aTwo), new Worked<>("B", b, null, null)));
        assertThat(changes).hasSize(2);
        WorkTallies.Change<ClaimType> attributed = changes.get(0);
        assertThat(attributed.category()).isEqualTo(ClaimType.ATTRIBUTED);
        assertThat(attributed.firstTitle()).isEqualTo("A");
        assertThat(attributed.first()).isEqualTo(new Tally<>(ClaimType.ATTRIBUTED, 3, 2, 1));
        assertThat(attributed.latestTitle()).isEqualTo("B");
        assertThat(attributed.latest()).isEqualTo(new Tally<>(ClaimType.ATTRIBUTED, 3, 3, 2));
        assertThat(attributed.lessons()).isEqualTo(2);
        assertThat(attributed.revised()).isEqualTo(1);
        assertThat(attributed.beforeRevision()).isEqualTo(new Tally<>(ClaimType.ATTRIBUTED, 3, 1, 1));
        assertThat(attributed.afterRevision()).isEqualTo(new Tally<>(ClaimType.ATTRIBUTED, 3, 2, 1));
        assertThat(attributed.improved()).isTrue();

        // Opinion only in lesson B: nothing to compare, so no improvement claimed.
        WorkTallies.Change<ClaimType> opinion = changes.get(1);
        assertThat(opinion.first()).isEqualTo(new Tally<>(ClaimType.OPINION, 1, 0, 0));
        assertThat(opinion.latest()).isNull();
        assertThat(opinion.beforeRevision()).isNull();
        assertThat(opinion.improved()).isFalse();
    }

    @Test
    void the_same_share_found_with_fewer_right_is_no_improvement() {
        List<Outcome<ClaimType>> first = List.of(o(ClaimType.HEDGED, true, true), o(ClaimType.HEDGED, false, false));
        List<Outcome<ClaimType>> later = List.of(o(ClaimType.HEDGED, true, false), o(ClaimType.HEDGED, false, false));
        WorkTallies.Change<ClaimType> hedged = WorkTallies.changes(
                        ClaimType.class,
                        List.of(new Worked<>("A", first, null, null), new Worked<>("B", later, null, null)))
                .getFirst();
        assertThat(hedged.improved()).isFalse();
        WorkTallies.Change<ClaimType> reversed = WorkTallies.changes(
                        ClaimType.class,
                        List.of(new Worked<>("A", later, null, null), new Worked<>("B", first, null, null)))
                .getFirst();
        assertThat(reversed.improved()).as("same share found, more right").isTrue();
    }
}
