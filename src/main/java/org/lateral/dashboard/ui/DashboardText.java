package org.lateral.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.lateral.assignment.SubmissionStatus;
import org.lateral.base.i18n.Labelled;
import org.lateral.base.i18n.Translations;
import org.lateral.base.ui.ExerciseNames;
import org.lateral.classroom.SameNames;
import org.lateral.submission.ScoreStatistics;

/**
 * The dashboards' words and numbers in the reader's language: scores, gains and percentages as the
 * page's language and region write them ("50.5", "50,5"; "66%", "66 %"), and the names of
 * statuses and exercises. The pages put figures into sentences; these keep the figures themselves
 * the same on every dashboard.
 */
final class DashboardText {

    private DashboardText() {}

    /** A score as the results page shows it: one decimal, none when whole; a dash when there is none. */
    static String score(@Nullable Double value, Locale locale) {
        if (value == null) {
            return "\u2013";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(1);
        format.setGroupingUsed(false);
        return format.format(ScoreStatistics.round(value));
    }

    /** A revision gain with its sign: "+5", "−2.5", "±0". */
    static String signed(double value, Locale locale) {
        return (value > 0 ? "+" : value < 0 ? "\u2212" : "\u00b1") + score(Math.abs(value), locale);
    }

    /** An average gain with its sign, a dash when there is none: "+5", "−2.5", "0". */
    static String gain(@Nullable Double gain, Locale locale) {
        if (gain == null) {
            return "\u2013";
        }
        return (gain > 0 ? "+" : gain < 0 ? "\u2212" : "") + score(Math.abs(gain), locale);
    }

    /** A share (0 to 1) as a whole percentage, half up as before: "33%", "33 %". */
    static String percent(double share, Locale locale) {
        return NumberFormat.getPercentInstance(locale).format(Math.round(100 * share) / 100.0);
    }

    /** A whole percentage already worked out (66 for 66 %). */
    static String percent(int percent, Locale locale) {
        return NumberFormat.getPercentInstance(locale).format(percent / 100.0);
    }

    /** A count as the language writes it. */
    static String count(long n, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    /** A claim type's or source kind's name. */
    static String label(Component page, Labelled value) {
        return page.getTranslation(value.labelKey());
    }

    /** Where a student's work stands, in the words of every page (SubmissionStatus). */
    static String status(Component page, SubmissionStatus status) {
        return page.getTranslation(status.labelKey());
    }

    /** An exercise's name: "Mark the claims"; an unknown code as it is. */
    static String exercise(Component page, String exercise) {
        return ExerciseNames.name(exercise, language(page));
    }

    /** An exercise's word in a column or a list of steps: "Claims"; an unknown code as it is. */
    static String shortExercise(Component page, String exercise) {
        return ExerciseNames.shortName(exercise, language(page));
    }

    /** The page's language, as {@code Component.getLocale} (protected there) finds it. */
    private static Locale language(Component page) {
        return page.getUI()
                .or(() -> Optional.ofNullable(UI.getCurrent()))
                .map(UI::getLocale)
                .orElse(Translations.ENGLISH);
    }

    /** The name, with the username after it where another student listed beside it has the same name. */
    static String name(Component page, SameNames names, String displayName, String username) {
        return names.isShared(displayName)
                ? page.getTranslation("dashboard.student.withUsername", displayName, username)
                : displayName;
    }
}
