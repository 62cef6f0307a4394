package org.lateral.submission;

import java.util.Optional;
import org.lateral.base.Coded;
import org.lateral.base.i18n.Labelled;

/** Who or what caused a score row; the teacher's score history names it in the page's language. */
public enum ScoreCause implements Coded, Labelled {
    SUBMITTED("submitted", "submission.scoreCause.submitted"),
    KEY_AMENDED("key-amended", "submission.scoreCause.keyAmended"),
    KEY_VERSION("key-version", "submission.scoreCause.keyVersion"),
    OVERRIDE("override", "submission.scoreCause.override"),
    OVERRIDE_REMOVED("override-removed", "submission.scoreCause.overrideRemoved"),
    JUDGEMENT_GRADED("judgement-graded", "submission.scoreCause.judgementGraded");

    private final String code;
    private final String labelKey;

    ScoreCause(String code, String labelKey) {
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

    static Optional<ScoreCause> fromCode(String code) {
        return Coded.fromCode(ScoreCause.class, code);
    }
}
