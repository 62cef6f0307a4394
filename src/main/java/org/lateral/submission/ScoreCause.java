package org.lateral.submission;

import java.util.Arrays;
import java.util.Optional;

/** Who or what caused a score row. */
public enum ScoreCause {
    SUBMITTED("submitted", "Scored on submission"),
    KEY_AMENDED("key-amended", "Re-scored: the teacher changed this assignment's key"),
    KEY_VERSION("key-version", "Re-scored: moved to a new key version"),
    OVERRIDE("override", "Score set by the teacher"),
    OVERRIDE_REMOVED("override-removed", "Teacher's score removed: the rules' score counts again");

    private final String code;
    private final String label;

    ScoreCause(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    static Optional<ScoreCause> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
