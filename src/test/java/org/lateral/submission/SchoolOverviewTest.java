package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.lateral.assignment.NewStep;
import org.lateral.assignment.SchoolAssignment;
import org.lateral.assignment.SubmissionStatus;
import org.lateral.classroom.SchoolRoster;

/**
 * {@link SchoolOverviewService#build}, the pure part of the school view, on a hand-made school: a
 * class of three with a two-step lesson (claims, then sources), where one student has a later due
 * date of their own.
 */
class SchoolOverviewTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final Instant DUE = Instant.parse("2026-11-30T12:00:00Z");
    static final UUID CLASS = UUID.randomUUID();
    static final UUID LESSON = UUID.randomUUID();
    static final UUID ADA = UUID.randomUUID();
    static final UUID BEN = UUID.randomUUID();
    static final UUID CY = UUID.randomUUID();

    final List<GradingRepository.SchoolAttempt> attempts = new ArrayList<>();

    private void attempt(UUID student, int step, int number, @Nullable Instant submitted, @Nullable Double score) {
        attempts.add(new GradingRepository.SchoolAttempt(
                LESSON,
                new GradingRepository.ResultAttempt(
                        student,
                        step,
                        new GradingRepository.AttemptRow(
                                UUID.randomUUID(), number, DUE.minusSeconds(86_400), submitted, null),
                        0,
                        null),
                score));
    }

    private SchoolOverview school() {
        SchoolRoster roster = new SchoolRoster(
                UUID.randomUUID(),
                "Hand school",
                List.of(new SchoolRoster.SchoolClassRow(
                        CLASS, "Media", "Teacher", ZoneOffset.UTC, List.of(ADA, BEN, CY))));
        SchoolAssignment lesson = new SchoolAssignment(
                LESSON,
                CLASS,
                "Two steps",
                DUE.minusSeconds(7 * 86_400),
                DUE,
                List.of(NewStep.MARK_CLAIMS, NewStep.IDENTIFY_SOURCES),
                Map.of(CY, NOW.plusSeconds(86_400)));
        return SchoolOverviewService.build(roster, List.of(lesson), attempts, NOW);
    }

    @Test
    void a_lesson_counts_as_submitted_only_when_every_step_is_and_accommodations_count() {
        Instant onTime = DUE.minusSeconds(60);
        // Ada: both steps on time. Ben: claims only, so past the due date the lesson is missing.
        // Cy: nothing submitted yet, but his own due date is tomorrow, so he is in progress.
        attempt(ADA, 0, 1, onTime, 50.0);
        attempt(ADA, 1, 1, onTime, 70.0);
        attempt(BEN, 0, 1, onTime, 30.0);
        attempt(BEN, 1, 1, null, null);
        attempt(CY, 0, 1, null, null);
        SchoolOverview.ClassRow row = school().classes().getFirst();
        assertThat(row.count(SubmissionStatus.SUBMITTED)).isEqualTo(1);
        assertThat(row.count(SubmissionStatus.MISSING)).isEqualTo(1);
        assertThat(row.count(SubmissionStatus.IN_PROGRESS)).isEqualTo(1);
        assertThat(row.completionPercent()).as("1 of 3, rounded down").isEqualTo(33);
    }

    @Test
    void scores_and_gains_are_averaged_per_exercise_kind_with_the_latest_scored_attempt_counting() {
        Instant t = DUE.minusSeconds(60);
        // Claims: Ada 50 then 80 (gain 30), Ben 30 then 40 (gain 10); counted 80 and 40.
        attempt(ADA, 0, 1, t, 50.0);
        attempt(ADA, 0, 2, t, 80.0);
        attempt(BEN, 0, 1, t, 30.0);
        attempt(BEN, 0, 2, t, 40.0);
        // Sources: Ada 70 then 60 (gain -10); Ben 90 and his second attempt not scored yet.
        attempt(ADA, 1, 1, t, 70.0);
        attempt(ADA, 1, 2, t, 60.0);
        attempt(BEN, 1, 1, t, 90.0);
        attempt(BEN, 1, 2, null, null);
        SchoolOverview o = school();
        SchoolOverview.ExerciseFigures claims = o.classes().getFirst().exercise(NewStep.MARK_CLAIMS);
        assertThat(claims.scored()).isEqualTo(2);
        assertThat(claims.meanScore()).as("(80 + 40) / 2").isEqualTo(60.0);
        assertThat(claims.revised()).isEqualTo(2);
        assertThat(claims.meanGain()).as("(30 + 10) / 2").isEqualTo(20.0);
        SchoolOverview.ExerciseFigures sources = o.classes().getFirst().exercise(NewStep.IDENTIFY_SOURCES);
        assertThat(sources.scored()).isEqualTo(2);
        assertThat(sources.meanScore())
                .as("Ada's 60 and Ben's 90, his first still counting")
                .isEqualTo(75.0);
        assertThat(sources.revised()).as("Ben's second attempt has no score").isEqualTo(1);
        assertThat(sources.meanGain()).isEqualTo(-10.0);
        assertThat(o.exercises()).isEqualTo(o.classes().getFirst().exercises());
        SchoolOverview.ExerciseFigures compare = o.classes().getFirst().exercise(NewStep.COMPARE_OUTLETS);
        assertThat(compare.scored()).isZero();
        assertThat(compare.meanScore()).isNull();
    }

    @Test
    void a_student_who_left_the_class_is_not_counted() {
        attempt(UUID.randomUUID(), 0, 1, DUE.minusSeconds(60), 100.0);
        SchoolOverview o = school();
        assertThat(o.givenLessons()).isEqualTo(3);
        assertThat(o.submittedLessons()).isZero();
        assertThat(o.exercises().getFirst().scored()).isZero();
    }
}
