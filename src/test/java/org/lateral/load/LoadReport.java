package org.lateral.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
        Map<String, String> firstErrorMessages,
        long teachersOnPage,
        Percentiles pollMs,
        long redraws,
        List<WindowFigures> windows) {

    /** Where round trips count as too slow for the saturation reading (issue 18, scenario d). */
    public static final double SATURATION_P99_MS = 300;

    /**
     * One slice of the marking phase, by the time its marks were sent: the rate the schedule
     * asked for in its middle, the acknowledged marks a second, round trips and errors.
     */
    public record WindowFigures(
            double fromSeconds,
            double toSeconds,
            double targetRate,
            double achievedRate,
            Percentiles roundTripMs,
            long errors) {

        /** Whether this slice is past what the server can do: p99 over the bound, or any error. */
        public boolean saturated() {
            return errors > 0 || roundTripMs.p99() > SATURATION_P99_MS;
        }
    }

    static List<WindowFigures> windows(LoadScenario scenario, Map<Integer, LoadMetrics.Window> windows) {
        double slice = LoadMetrics.WINDOW_NANOS / 1e9;
        double total = scenario.duration().toMillis() / 1000.0;
        List<WindowFigures> figures = new ArrayList<>();
        windows.forEach((index, w) -> {
            double from = index * slice;
            // Slices past the planned end hold marks that left late (the server fell behind); the
            // schedule asked for nothing new then.
            double to = from < total ? Math.min(total, from + slice) : from + slice;
            figures.add(new WindowFigures(
                    from,
                    to,
                    from < total ? scenario.rateAt(Duration.ofMillis(Math.round(500 * (from + to)))) : 0,
                    w.acknowledged.sum() / (to - from),
                    Percentiles.of(w.roundTrips),
                    w.errors.sum()));
        });
        return List.copyOf(figures);
    }

    /** The first slice past what the server can do, if any. */
    public Optional<WindowFigures> saturation() {
        return windows.stream().filter(WindowFigures::saturated).findFirst();
    }

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

    /**
     * Acknowledged marks a second over the measured phase, from its start until the last student
     * finished (longer than planned when the server fell behind and marks left late).
     */
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
                "%s %d sent, %d acknowledged in %.1f s = %.1f a second%n",
                scenario.work().equals("marks") ? "Marks:        " : "Source saves: ",
                sent,
                acknowledged,
                markingSeconds,
                achievedRate()));
        out.append("Round trips:   ").append(roundTripMs).append('\n');
        out.append("Late to send:  ").append(latenessMs).append('\n');
        if (teachersOnPage > 0 || pollMs.count() > 0) {
            out.append(String.format(
                    Locale.ROOT,
                    "Dashboards:    %d teachers watching; polls %s, %d of them redrew the page%n",
                    teachersOnPage,
                    pollMs,
                    redraws));
        }
        out.append("By 5 s slice:  from-to s, target → acknowledged marks/s, round trips p50/p99/max ms, errors\n");
        for (WindowFigures w : windows) {
            out.append(String.format(
                    Locale.ROOT,
                    "  %5.0f-%-5.0f %6.0f → %6.1f   %7.1f %7.1f %7.1f   %d%s%n",
                    w.fromSeconds(),
                    w.toSeconds(),
                    w.targetRate(),
                    w.achievedRate(),
                    w.roundTripMs().p50(),
                    w.roundTripMs().p99(),
                    w.roundTripMs().max(),
                    w.errors(),
                    w.saturated() ? "  saturated" : ""));
        }
        out.append(saturation()
                .map(w -> String.format(
                        Locale.ROOT,
                        "Saturation:    first at %.0f marks/s asked (%.0f acknowledged a second), %.0f-%.0f s: p99 %.1f ms, %d errors%n",
                        w.targetRate(),
                        w.achievedRate(),
                        w.fromSeconds(),
                        w.toSeconds(),
                        w.roundTripMs().p99(),
                        w.errors()))
                .orElse(String.format(
                        Locale.ROOT,
                        "Saturation:    not reached: every 5 s slice had p99 <= %.0f ms and no error%n",
                        SATURATION_P99_MS)));
        out.append("Errors:        ")
                .append(errors.isEmpty() ? "none" : errors.toString())
                .append('\n');
        firstErrorMessages.forEach((kind, message) ->
                out.append("  first ").append(kind).append(": ").append(message).append('\n'));
        return out.toString();
    }
}
