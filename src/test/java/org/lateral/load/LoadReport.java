package org.lateral.load;

import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * A load run's figures: round trips of saveMark (milliseconds), how late marks left against their
 * schedule, sign-in plus page-open times, errors by kind, and marks sent and acknowledged. The
 * database check and the server's gauges are added by whoever has the database and the process.
 */
public record LoadReport(
        LoadScenario scenario,
        long studentsOnPage,
        long studentsStopped,
        double markingSeconds,
        long sent,
        long acknowledged,
        Percentiles roundTripMs,
        Percentiles latenessMs,
        Percentiles signInMs,
        Map<String, Long> errors,
        Map<String, String> firstErrorMessages) {

    /** p50/p95/p99/max in milliseconds and how many values. */
    public record Percentiles(long count, double p50, double p95, double p99, double max) {

        static Percentiles of(Histogram micros) {
            return new Percentiles(
                    micros.getTotalCount(),
                    micros.getValueAtPercentile(50) / 1000.0,
                    micros.getValueAtPercentile(95) / 1000.0,
                    micros.getValueAtPercentile(99) / 1000.0,
                    micros.getMaxValue() / 1000.0);
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT, "p50 %.1f, p95 %.1f, p99 %.1f, max %.1f ms (n=%d)", p50, p95, p99, max, count);
        }
    }

    /** Every error of every kind, summed. */
    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Acknowledged marks a second over the measured phase. */
    public double achievedRate() {
        return acknowledged / markingSeconds;
    }

    /** The report as the command prints it. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("Scenario:      ").append(scenario).append('\n');
        out.append(String.format(
                Locale.ROOT,
                "Students:      %d on the marking page, %d stopped by an error%n",
                studentsOnPage,
                studentsStopped));
        out.append("Sign-in+open:  ").append(signInMs).append('\n');
        out.append(String.format(
                Locale.ROOT,
                "Marks:         %d sent, %d acknowledged in %.1f s = %.1f marks/s%n",
                sent,
                acknowledged,
                markingSeconds,
                achievedRate()));
        out.append("Round trips:   ").append(roundTripMs).append('\n');
        out.append("Late to send:  ").append(latenessMs).append('\n');
        out.append("Errors:        ")
                .append(errors.isEmpty() ? "none" : errors.toString())
                .append('\n');
        firstErrorMessages.forEach((kind, message) ->
                out.append("  first ").append(kind).append(": ").append(message).append('\n'));
        return out.toString();
    }
}
