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
 * @param teachers sessions of the demo teacher that keep the marked assignment's dashboard open
 *     (and polling, as the page does) through the sign-ins and the marking phase
 * @param work {@code marks} (claims on the Frisky assignment) or {@code sources} (the two-step
 *     lesson's sources step: sources, mentions, claim links), see {@link StudentWork}
 * @param baseline whether to measure the heap of as many anonymous login pages as there are
 *     students first (the minimal page every visitor opens; issue 18's baseline beside G1)
 */
public record LoadScenario(
        int students,
        double marksPerSecond,
        double rateTo,
        Duration duration,
        double signInsPerSecond,
        int concurrentSignIns,
        long seed,
        int teachers,
        boolean baseline,
        String work) {

    /**
     * The named runs of issue 18, as option defaults that explicit options override: (a) {@code
     * steady} 1,000 students at 100 marks/s; (b) {@code burst} the whole school marking at 600
     * marks/s from the first second (G4); (c) {@code teachers} (a) with 30 teachers watching the
     * assignment's dashboard; (d) {@code saturation} a ramp from 100 to 1,000 marks/s over two
     * minutes, read window by window for where p99 passes 300 ms or errors start.
     */
    static final Map<String, Map<String, String>> PRESETS = Map.of(
            "steady", Map.of("students", "1000", "rate", "100", "duration", "60"),
            "burst", Map.of("students", "1000", "rate", "600", "duration", "60"),
            "teachers", Map.of("students", "1000", "rate", "100", "duration", "60", "teachers", "30"),
            "saturation", Map.of("students", "1000", "rate", "100", "rate-to", "1000", "duration", "120"));

    /** Sign-ins a second when none is given: about what two cores hash with bcrypt's default cost. */
    public static final double DEFAULT_SIGN_INS_PER_SECOND = 15;

    /** Sign-ins at once when none is given: enough to keep two cores busy while some wait. */
    public static final int DEFAULT_CONCURRENT_SIGN_INS = 8;

    public LoadScenario {
        if (students < 1 || marksPerSecond <= 0 || rateTo <= 0 || signInsPerSecond <= 0 || concurrentSignIns < 1) {
            throw new IllegalArgumentException("Students, rates and sign-ins a second must be positive");
        }
        if (!work.equals("marks") && !work.equals("sources")) {
            throw new IllegalArgumentException("--work is marks or sources; got " + work);
        }
        if (teachers < 0) {
            throw new IllegalArgumentException("Teachers cannot be negative");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("The marking phase needs a positive duration");
        }
    }

    /** Without teachers and without the baseline pages. */
    public LoadScenario(
            int students,
            double marksPerSecond,
            double rateTo,
            Duration duration,
            double signInsPerSecond,
            int concurrentSignIns,
            long seed) {
        this(students, marksPerSecond, rateTo, duration, signInsPerSecond, concurrentSignIns, seed, 0, false, "marks");
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
     * From {@code [--scenario=steady|burst|teachers|saturation] --students=1000 --rate=100
     * [--rate-to=600] --duration=60 [--sign-ins=15] [--concurrent-sign-ins=8] [--teachers=0]
     * [--baseline=true] [--work=marks|sources] [--seed=1]} (seconds for the duration); a scenario's values are defaults
     * the other options override.
     */
    public static LoadScenario parse(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("Options look like --name=value; got " + arg);
            }
            given.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        Map<String, String> options = new LinkedHashMap<>();
        String preset = given.remove("scenario");
        if (preset != null) {
            Map<String, String> defaults = PRESETS.get(preset);
            if (defaults == null) {
                throw new IllegalArgumentException(
                        "Unknown scenario " + preset + "; known: " + new java.util.TreeSet<>(PRESETS.keySet()));
            }
            options.putAll(defaults);
        }
        options.putAll(given);
        double rate = Double.parseDouble(options.getOrDefault("rate", "100"));
        LoadScenario scenario = new LoadScenario(
                Integer.parseInt(options.getOrDefault("students", "1000")),
                rate,
                Double.parseDouble(options.getOrDefault("rate-to", Double.toString(rate))),
                Duration.ofMillis(Math.round(1000 * Double.parseDouble(options.getOrDefault("duration", "60")))),
                Double.parseDouble(options.getOrDefault("sign-ins", Double.toString(DEFAULT_SIGN_INS_PER_SECOND))),
                Integer.parseInt(
                        options.getOrDefault("concurrent-sign-ins", Integer.toString(DEFAULT_CONCURRENT_SIGN_INS))),
                Long.parseLong(options.getOrDefault("seed", "1")),
                Integer.parseInt(options.getOrDefault("teachers", "0")),
                parseBoolean(options.getOrDefault("baseline", "true")),
                options.getOrDefault("work", "marks"));
        options.keySet()
                .removeAll(java.util.Set.of(
                        "students",
                        "rate",
                        "rate-to",
                        "duration",
                        "sign-ins",
                        "concurrent-sign-ins",
                        "seed",
                        "teachers",
                        "baseline",
                        "work"));
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("Unknown options " + options.keySet());
        }
        return scenario;
    }

    private static boolean parseBoolean(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("--baseline takes true or false; got " + value);
        };
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
                "%d students, %s %s/s for %d s, sign-ins %.0f/s (%d at once), %d teachers on the dashboard, seed %d",
                students,
                rateTo == marksPerSecond
                        ? String.format(Locale.ROOT, "%.0f", marksPerSecond)
                        : String.format(Locale.ROOT, "%.0f→%.0f", marksPerSecond, rateTo),
                work.equals("marks") ? "marks" : "source saves",
                duration.toSeconds(),
                signInsPerSecond,
                concurrentSignIns,
                teachers,
                seed);
    }
}
