package org.lateral.submission.ui;

import com.vaadin.flow.router.QueryParameters;
import java.util.UUID;
import org.lateral.base.ui.Destination;

/**
 * The way to submission screens, for this feature's own views and for those that may use it
 * (dashboard). It lives beside the views so it can name their classes while they stay
 * package-private, and returns a typed {@link Destination} (why: see there). Assignment, which
 * may not use this feature, reaches the pages marked {@code @NamedRoute} here through
 * {@code NamedRoutes} instead.
 */
public final class SubmissionNavigation {

    private SubmissionNavigation() {}

    /** Where a student marks the claims of an assignment's article. */
    public static Destination marking(UUID assignmentId) {
        return Destination.of(MarkingView.class, assignmentId.toString());
    }

    /** One step of a student's lesson (DD013), when it is done or open. */
    public static Destination lessonStep(UUID assignmentId, int position) {
        return marking(assignmentId).withQuery(QueryParameters.of("step", String.valueOf(position)));
    }

    /** A student's feedback on an assignment. */
    public static Destination feedback(UUID assignmentId) {
        return Destination.of(FeedbackView.class, assignmentId.toString());
    }

    /** The teacher's results of an assignment. */
    public static Destination results(UUID assignmentId) {
        return Destination.of(ResultsView.class, assignmentId.toString());
    }

    /** One student's attempt, for the teacher. */
    public static Destination review(UUID attemptId) {
        return Destination.of(ReviewView.class, attemptId.toString());
    }
}
