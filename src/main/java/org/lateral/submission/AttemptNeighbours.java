package org.lateral.submission;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lateral.classroom.RosterEntry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Previous student" and "Next student" on the teacher's attempt page: the same step's work of the
 * students before and after this one in the results page's order. The teacher is checked as for the
 * attempt itself; a student no longer in the class has no place in the order.
 */
@Service
public class AttemptNeighbours {

    private final TeacherAttempts attempts;
    private final StepAttempts stepAttempts;

    AttemptNeighbours(TeacherAttempts attempts, StepAttempts stepAttempts) {
        this.attempts = attempts;
        this.stepAttempts = stepAttempts;
    }

    /** Empty for an attempt that is not the teacher's, or of a student no longer on the roster. */
    @Transactional(readOnly = true)
    @TeacherOfAttempt
    public Optional<StudentNeighbours> neighbours(UUID attemptId) {
        Optional<TeacherAttempts.Owned> owned = attempts.owned(attemptId);
        if (owned.isEmpty()) {
            return Optional.empty();
        }
        SubmissionRepository.Attempt attempt = owned.get().attempt();
        Map<UUID, List<StepAttempts.Row>> byStudent = new HashMap<>();
        for (StepAttempts.Row row : stepAttempts.of(attempt.assignmentId(), attempt.step())) {
            byStudent.computeIfAbsent(row.studentId(), k -> new ArrayList<>()).add(row);
        }
        List<StudentNeighbours.Neighbour> order = new ArrayList<>();
        int position = -1;
        for (RosterEntry student : owned.get().assignment().roster()) {
            List<StepAttempts.Row> theirs = byStudent.get(student.studentId());
            if (theirs == null) {
                continue;
            }
            if (student.studentId().equals(attempt.studentId())) {
                position = order.size();
            }
            // The same round as the one open, so a teacher reading first attempts stays on them.
            StepAttempts.Row chosen = theirs.stream()
                    .filter(r -> r.number() == attempt.number())
                    .findFirst()
                    .orElse(theirs.getLast());
            order.add(new StudentNeighbours.Neighbour(chosen.attemptId(), student.displayName()));
        }
        if (position < 0) {
            return Optional.empty();
        }
        return Optional.of(new StudentNeighbours(
                position + 1,
                order.size(),
                position == 0 ? null : order.get(position - 1),
                position == order.size() - 1 ? null : order.get(position + 1)));
    }
}
