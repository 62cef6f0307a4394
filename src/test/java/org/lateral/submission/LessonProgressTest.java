package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lateral.assignment.LessonStep;
import org.lateral.submission.LessonProgress.AttemptState;
import org.lateral.submission.LessonProgress.State;

/** The stepper's rule (DD013): a step opens when the previous one is submitted, round by round. */
class LessonProgressTest {

    static final List<LessonStep> TWO_STEPS = List.of(step(0, "mark-claims"), step(1, "identify-sources"));

    static LessonStep step(int position, String exercise) {
        return new LessonStep(position, exercise, null, UUID.randomUUID(), null, null, null, BigDecimal.ONE);
    }

    static AttemptState attempt(int step, int number, boolean submitted) {
        return new AttemptState(UUID.randomUUID(), step, number, submitted);
    }

    static List<State> states(LessonProgress progress) {
        return progress.steps().stream().map(LessonProgress.Step::state).toList();
    }

    @Test
    void a_new_lesson_opens_its_first_step_and_locks_the_rest() {
        LessonProgress progress = LessonProgress.of(TWO_STEPS, List.of());
        assertThat(progress.round()).isEqualTo(1);
        assertThat(states(progress)).containsExactly(State.OPEN, State.LOCKED);
        assertThat(progress.current().position()).isZero();
        assertThat(progress.current().attemptId()).isNull();
        assertThat(progress.done()).isFalse();
    }

    @Test
    void the_second_step_stays_locked_while_the_first_is_only_started() {
        LessonProgress progress = LessonProgress.of(TWO_STEPS, List.of(attempt(0, 1, false)));
        assertThat(states(progress)).containsExactly(State.OPEN, State.LOCKED);
        assertThat(progress.current().attemptId()).isNotNull();
    }

    @Test
    void submitting_the_first_step_opens_the_second() {
        LessonProgress progress = LessonProgress.of(TWO_STEPS, List.of(attempt(0, 1, true)));
        assertThat(states(progress)).containsExactly(State.DONE, State.OPEN);
        assertThat(progress.current().position()).isEqualTo(1);
        assertThat(progress.current().attemptId()).isNull();
    }

    @Test
    void a_lesson_is_done_when_every_step_of_the_round_is_submitted_and_shows_its_last_step() {
        LessonProgress progress = LessonProgress.of(TWO_STEPS, List.of(attempt(0, 1, true), attempt(1, 1, true)));
        assertThat(states(progress)).containsExactly(State.DONE, State.DONE);
        assertThat(progress.done()).isTrue();
        assertThat(progress.current().position()).isEqualTo(1);
    }

    @Test
    void a_revision_is_a_second_round_that_starts_again_at_the_first_step() {
        LessonProgress progress =
                LessonProgress.of(TWO_STEPS, List.of(attempt(0, 1, true), attempt(1, 1, true), attempt(0, 2, false)));
        assertThat(progress.round()).isEqualTo(2);
        assertThat(states(progress)).containsExactly(State.OPEN, State.LOCKED);
        assertThat(progress.done()).isFalse();
    }

    @Test
    void a_step_the_teacher_reopened_is_open_again_and_a_later_submitted_step_stays_done() {
        LessonProgress progress = LessonProgress.of(TWO_STEPS, List.of(attempt(0, 1, false), attempt(1, 1, true)));
        assertThat(states(progress)).containsExactly(State.OPEN, State.DONE);
        assertThat(progress.current().position()).isZero();
    }

    @Test
    void a_one_step_lesson_has_one_open_step() {
        LessonProgress progress = LessonProgress.of(List.of(step(0, "mark-claims")), List.of(attempt(0, 1, false)));
        assertThat(states(progress)).containsExactly(State.OPEN);
        assertThat(progress.isLast(0)).isTrue();
    }
}
