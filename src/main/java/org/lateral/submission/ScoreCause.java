package org.lateral.submission;

import java.util.Optional;
import org.lateral.base.Coded;

/** Who or what caused a score row. */
public enum ScoreCause implements Coded {
    SUBMITTED("submitted", "Scored on submission"),
    KEY_AMENDED("key-amended", "Re-scored: the teacher changed this assignment's key"),
    KEY_VERSION("key-version", "Re-scored: moved to a new key version"),
    OVERRIDE("override", "Score set by the teacher"),
    OVERRIDE_REMOVED("override-removed", "Teacher's score removed: the rules' score counts again"),
    JUDGEMENT_GRADED("judgement-graded", "Re-scored: the teacher graded the judgement");

    private final String code;
    private final String label;

    ScoreCause(String code, String label) {
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

    static Optional<ScoreCause> fromCode(String code) {
        return Coded.fromCode(ScoreCause.class, code);
    }
}
