package org.lateral.assignment;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.lateral.base.Coded;
import org.lateral.base.i18n.Labelled;
import org.lateral.base.i18n.Translations;

/** When students see feedback against the key. Nothing of the key reaches them before. */
public enum FeedbackPolicy implements Coded, Labelled {
    AFTER_SUBMIT("after-submit", "assignment.feedbackPolicy.afterSubmit"),
    AFTER_DUE("after-due", "assignment.feedbackPolicy.afterDue"),
    WHEN_RELEASED("when-released", "assignment.feedbackPolicy.whenReleased");

    private final String code;
    private final String labelKey;

    FeedbackPolicy(String code, String labelKey) {
        this.code = code;
        this.labelKey = labelKey;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String labelKey() {
        return labelKey;
    }

    /** The English words, for pages not yet translated. */
    public String label() {
        return Translations.english(labelKey);
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
