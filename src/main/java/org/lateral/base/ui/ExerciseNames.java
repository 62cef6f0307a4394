package org.lateral.base.ui;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What teachers call the exercises a lesson's steps are made of (DD013), so the assign dialog, the
 * class page, the results screen and the library use the same words for the same exercise codes.
 */
public final class ExerciseNames {

    private ExerciseNames() {}

    /** "Mark the claims", "Who says so?", "Compare the outlets"; an unknown code as it is. */
    public static String name(String exercise) {
        return switch (exercise) {
            case "mark-claims" -> "Mark the claims";
            case "identify-sources" -> "Who says so?";
            case "compare-outlets" -> "Compare the outlets";
            default -> exercise;
        };
    }

    /** A column header's word for the exercise: "Claims", "Sources", "Comparison". */
    public static String shortName(String exercise) {
        return switch (exercise) {
            case "mark-claims" -> "Claims";
            case "identify-sources" -> "Sources";
            case "compare-outlets" -> "Comparison";
            default -> exercise;
        };
    }

    /** A lesson's steps in order: "Mark the claims → Who says so?". */
    public static String steps(List<String> exercises) {
        return exercises.stream().map(ExerciseNames::name).collect(Collectors.joining(" \u2192 "));
    }
}
