package org.lateral.load;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One load run's bounds (DD027): how many students, how long they mark, at what total rate, how
 * fast they sign in beforehand, and the seed that fixes every random choice. A rate that differs
 * at the end ({@code rateTo}) ramps linearly over the marking phase, for the burst and the
 * saturation scenarios.
 *
 * @param students virtual students, {@code student1} … {@code studentN} of demo mode
 * @param marksPerSecond total target rate of new marks at the start of the marking phase
 * @param rateTo total target rate at its end (the same as {@code marksPerSecond} for a flat run)
 * @param duration length of the measured marking phase
 * @param signInsPerSecond how fast students sign in and open the page before it (bcrypt is slow
 *     by design, so sign-ins are spread out and never overlap the measured phase)
 * @param concurrentSignIns at most this many sign-ins (with the page opening) at once, so that
 *     a slower machine stretches the sign-in phase instead of timing out
 * @param seed fixes the mark times and the mark ids
 */
public record LoadScenario(
        int students,
        double marksPerSecond,
        double rateTo,
        Duration duration,
        double signInsPerSecond,
        int concurrentSignIns,
        long seed) {

    /** Sign-ins a second when none is given: about what two cores hash with bcrypt's default cost. */
    public static final double DEFAULT_SIGN_INS_PER_SECOND = 15;

    /** Sign-ins at once when none is given: enough to keep two cores busy while some wait. */
    public static final int DEFAULT_CONCURRENT_SIGN_INS = 8;

    public LoadScenario {
        if (students < 1 || marksPerSecond <= 0 || rateTo <= 0 || signInsPerSecond <= 0 || concurrentSignIns < 1) {
            throw new IllegalArgumentException("Students, rates and sign-ins a second must be positive");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("The marking phase needs a positive duration");
        }
    }

    /** A flat run: {@code students} marking at {@code marksPerSecond} in total for {@code duration}. */
    public static LoadScenario flat(int students, double marksPerSecond, Duration duration) {
        return new LoadScenario(
                students,
                marksPerSecond,
                marksPerSecond,
                duration,
                DEFAULT_SIGN_INS_PER_SECOND,
                DEFAULT_CONCURRENT_SIGN_INS,
                1);
    }

    /**
     * From {@code --students=1000 --rate=100 [--rate-to=600] --duration=60 [--sign-ins=15]
     * [--concurrent-sign-ins=8] [--seed=1]} (seconds for the duration).
     */
    public static LoadScenario parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("Options look like --name=value; got " + arg);
            }
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        double rate = Double.parseDouble(options.getOrDefault("rate", "100"));
        LoadScenario scenario = new LoadScenario(
                Integer.parseInt(options.getOrDefault("students", "1000")),
                rate,
                Double.parseDouble(options.getOrDefault("rate-to", Double.toString(rate))),
                Duration.ofMillis(Math.round(1000 * Double.parseDouble(options.getOrDefault("duration", "60")))),
                Double.parseDouble(options.getOrDefault("sign-ins", Double.toString(DEFAULT_SIGN_INS_PER_SECOND))),
                Integer.parseInt(
                        options.getOrDefault("concurrent-sign-ins", Integer.toString(DEFAULT_CONCURRENT_SIGN_INS))),
                Long.parseLong(options.getOrDefault("seed", "1")));
        options.keySet()
                .removeAll(java.util.Set.of(
                        "students", "rate", "rate-to", "duration", "sign-ins", "concurrent-sign-ins", "seed"));
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("Unknown options " + options.keySet());
        }
        return scenario;
    }

    /** The total target rate {@code elapsed} into the marking phase. */
    double rateAt(Duration elapsed) {
        double f = Math.clamp((double) elapsed.toNanos() / duration.toNanos(), 0, 1);
        return marksPerSecond + (rateTo - marksPerSecond) * f;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%d students, %s marks/s for %d s, sign-ins %.0f/s (%d at once), seed %d",
                students,
                rateTo == marksPerSecond
                        ? String.format(Locale.ROOT, "%.0f", marksPerSecond)
                        : String.format(Locale.ROOT, "%.0f→%.0f", marksPerSecond, rateTo),
                duration.toSeconds(),
                signInsPerSecond,
                concurrentSignIns,
                seed);
    }
}
