package org.lateral.base.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lateral.base.i18n.Translations;

/**
 * What teachers call the exercises a lesson's steps are made of (DD013), so the assign dialog, the
 * class page, the results screen and the library use the same words for the same exercise codes.
 * The methods with a language give the page's words; those without it the English ones, for pages
 * not yet translated.
 */
public final class ExerciseNames {

    private ExerciseNames() {}

    /** "Mark the claims", "Who says so?", "Compare the outlets"; an unknown code as it is. */
    public static String name(String exercise) {
        return name(exercise, Translations::english);
    }

    /** The exercise's name in the language ("Marca las afirmaciones"). */
    public static String name(String exercise, Locale language) {
        return name(exercise, key -> I18NProvider.translate(language, key));
    }

    /** A column header's word for the exercise: "Claims", "Sources", "Comparison". */
    public static String shortName(String exercise) {
        return shortName(exercise, Translations::english);
    }

    /** A column header's word for the exercise in the language ("Afirmaciones"). */
    public static String shortName(String exercise, Locale language) {
        return shortName(exercise, key -> I18NProvider.translate(language, key));
    }

    /** A lesson's steps in order: "Mark the claims → Who says so?". */
    public static String steps(List<String> exercises) {
        return exercises.stream().map(ExerciseNames::name).collect(Collectors.joining(" \u2192 "));
    }

    /** A lesson's steps in order, in the language. */
    public static String steps(List<String> exercises, Locale language) {
        return exercises.stream().map(e -> name(e, language)).collect(Collectors.joining(" \u2192 "));
    }

    private static String name(String exercise, Function<String, String> text) {
        return switch (exercise) {
            case "mark-claims" -> text.apply("base.exercise.markClaims");
            case "identify-sources" -> text.apply("base.exercise.identifySources");
            case "compare-outlets" -> text.apply("base.exercise.compareOutlets");
            default -> exercise;
        };
    }

    private static String shortName(String exercise, Function<String, String> text) {
        return switch (exercise) {
            case "mark-claims" -> text.apply("base.exercise.short.markClaims");
            case "identify-sources" -> text.apply("base.exercise.short.identifySources");
            case "compare-outlets" -> text.apply("base.exercise.short.compareOutlets");
            default -> exercise;
        };
    }
}
