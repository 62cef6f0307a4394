package org.lateral.submission;

import java.util.UUID;
import org.lateral.SignedIn;
import org.lateral.base.highlighter.MarkState;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Work tests hand in through the real services, as the student. */
final class SubmittedWork {

    private SubmittedWork() {}

    /**
     * The student opens the Frisky assignment (or their revision of it), marks its headline as
     * {@code type} and submits; returns the submitted attempt's id.
     */
    static UUID headline(
            SubmissionService submissions, UserDetailsService users, String username, UUID assignmentId, String type) {
        try (var s = SignedIn.as(users, username)) {
            MarkingSession session = submissions.open(assignmentId).orElseThrow();
            int at = session.text().indexOf(GradingIT.HEADLINE);
            submissions.saveMark(
                    session.attemptId(),
                    new MarkState(
                            UUID.randomUUID(),
                            1,
                            at,
                            at + GradingIT.HEADLINE.length(),
                            GradingIT.HEADLINE,
                            "",
                            "",
                            type,
                            false));
            submissions.submit(session.attemptId());
            return session.attemptId();
        }
    }
}
