package org.lateral.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.assignment.LessonStep;
import org.lateral.base.UserFacingException;

/**
 * Where a student stands in a lesson (DD013): the round (1, or 2 during and after a revision) and
 * each step's state in that round. A step is done when its attempt of the round is submitted; the
 * first step that is not done is open; a step after an open one is locked until it is submitted.
 * Pure, so the rule is tested without a database.
 *
 * @param round the highest attempt number of any step, 1 before any revision
 */
public record LessonProgress(int round, List<Step> steps) {

    public LessonProgress {
        steps = List.copyOf(steps);
    }

    public enum State {
        DONE,
        OPEN,
        LOCKED
    }

    /**
     * One step in the round.
     *
     * @param attemptId the step's attempt of the round, when it has one
     */
    public record Step(
            int position,
            String exercise,
            State state,
            @Nullable UUID attemptId) {}

    /** An attempt as far as progress goes: which step, which round, submitted or not. */
    record AttemptState(UUID id, int step, int number, boolean submitted) {

        static List<AttemptState> of(List<SubmissionRepository.Attempt> attempts) {
            return attempts.stream()
                    .map(a -> new AttemptState(a.id(), a.step(), a.number(), a.submittedAt() != null))
                    .toList();
        }
    }

    static LessonProgress of(List<LessonStep> lesson, List<AttemptState> attempts) {
        int round = attempts.stream().mapToInt(AttemptState::number).max().orElse(1);
        List<Step> steps = new ArrayList<>();
        boolean earlierAllDone = true;
        for (LessonStep step : lesson) {
            Optional<AttemptState> attempt = attempts.stream()
                    .filter(a -> a.step() == step.position() && a.number() == round)
                    .findFirst();
            boolean done = attempt.map(AttemptState::submitted).orElse(false);
            State state = done ? State.DONE : earlierAllDone ? State.OPEN : State.LOCKED;
            steps.add(new Step(
                    step.position(),
                    step.exercise(),
                    state,
                    attempt.map(AttemptState::id).orElse(null)));
            earlierAllDone &= done;
        }
        return new LessonProgress(round, steps);
    }

    /**
     * Why this attempt takes no work now, or null when it may: it must be the attempt of its step in
     * the lesson's latest round, and every earlier step of that round must be submitted. The page
     * never offers anything else, but saves and submits are checked on the server (a step the
     * teacher reopened locks the steps after it).
     */
    static @Nullable UserFacingException lockedReason(
            List<LessonStep> lesson, List<AttemptState> attempts, UUID attemptId) {
        LessonProgress progress = of(lesson, attempts);
        Optional<Step> step = progress.steps().stream()
                .filter(s -> attemptId.equals(s.attemptId()))
                .findFirst();
        if (step.isEmpty()) {
            return UserFacingException.of("submission.refusal.earlierRound");
        }
        return step.get().state() == State.LOCKED ? UserFacingException.of("submission.refusal.stepLocked") : null;
    }

    /** The step to show when none is asked for: the open one, else the last (the lesson is done). */
    public Step current() {
        return steps.stream().filter(s -> s.state() == State.OPEN).findFirst().orElse(steps.getLast());
    }

    public Optional<Step> step(int position) {
        return steps.stream().filter(s -> s.position() == position).findFirst();
    }

    /** Every step of the round is submitted: the lesson's feedback may be released. */
    public boolean done() {
        return steps.stream().allMatch(s -> s.state() == State.DONE);
    }

    /** Whether the step opens as soon as the previous one is submitted. */
    public boolean isLast(int position) {
        return steps.getLast().position() == position;
    }
}
