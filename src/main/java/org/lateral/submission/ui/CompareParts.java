package org.lateral.submission.ui;

import org.jspecify.annotations.Nullable;

/** Words for the compare step's codes (DD015), shared by the teacher's pages, in the page's language. */
final class CompareParts {

    private CompareParts() {}

    /** "as fact", "attributed", "hedged", "absent" for a carriage code; "not answered" for none. */
    static String carriage(@Nullable String code) {
        if (code == null) {
            return Texts.getTranslation("submission.compareReview.notAnswered");
        }
        return switch (code) {
            case "fact" -> Texts.getTranslation("submission.compareReview.carriage.fact");
            case "attributed" -> Texts.getTranslation("submission.compareReview.carriage.attributed");
            case "hedged" -> Texts.getTranslation("submission.compareReview.carriage.hedged");
            case "absent" -> Texts.getTranslation("submission.compareReview.carriage.absent");
            default -> code;
        };
    }

    /**
     * A framing or reporting code in words: "sensational", "relay"; "not answered" for none; a code
     * this version does not know, as it is.
     */
    static String category(@Nullable String code) {
        if (code == null) {
            return Texts.getTranslation("submission.compareReview.notAnswered");
        }
        return switch (code) {
            case "neutral" -> Texts.getTranslation("submission.compareReview.framing.neutral");
            case "hedged" -> Texts.getTranslation("submission.compareReview.framing.hedged");
            case "sensational" -> Texts.getTranslation("submission.compareReview.framing.sensational");
            case "question" -> Texts.getTranslation("submission.compareReview.framing.question");
            case "original" -> Texts.getTranslation("submission.compareReview.reporting.original");
            case "relay" -> Texts.getTranslation("submission.compareReview.reporting.relay");
            case "mixed" -> Texts.getTranslation("submission.compareReview.reporting.mixed");
            default -> code;
        };
    }
}
