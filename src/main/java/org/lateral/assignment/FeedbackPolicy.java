package org.lateral.assignment;

import java.util.Arrays;
import java.util.Optional;

/** When students see feedback against the key. Nothing of the key reaches them before. */
public enum FeedbackPolicy {
    AFTER_SUBMIT("after-submit", "Right after they submit"),
    AFTER_DUE("after-due", "After the due date"),
    WHEN_RELEASED("when-released", "When I release it");

    private final String code;
    private final String label;

    FeedbackPolicy(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    static Optional<FeedbackPolicy> fromCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
