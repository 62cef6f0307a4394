package org.lateral.assignment;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.lateral.base.Coded;

/** When students see feedback against the key. Nothing of the key reaches them before. */
public enum FeedbackPolicy implements Coded {
    AFTER_SUBMIT("after-submit", "Right after they submit"),
    AFTER_DUE("after-due", "After the due date"),
    WHEN_RELEASED("when-released", "When I release it");

    private final String code;
    private final String label;

    FeedbackPolicy(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /**
     * Whether submitted work may be shown against the key now.
     *
     * @param due the student's own due date
     * @param releasedAt when the teacher released feedback (only for {@link #WHEN_RELEASED})
     */
    public boolean releases(Instant now, Instant due, @Nullable Instant releasedAt) {
        return switch (this) {
            case AFTER_SUBMIT -> true;
            case AFTER_DUE -> !now.isBefore(due);
            case WHEN_RELEASED -> releasedAt != null && !now.isBefore(releasedAt);
        };
    }

    static Optional<FeedbackPolicy> fromCode(String code) {
        return Coded.fromCode(FeedbackPolicy.class, code);
    }
}
