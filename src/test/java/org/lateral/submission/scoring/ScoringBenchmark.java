package org.lateral.submission.scoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.lateral.base.text.Tokens;
import org.lateral.library.ClaimType;
import org.lateral.library.text.CanonicalText;

/**
 * G9 (performance.md): re-scoring every submission of an assignment after a key change, pure
 * scoring, on one thread. Not part of the test run; start it with
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.lateral.submission.scoring.ScoringBenchmark}.
 * A fixed seed makes the attempts the same on every run; the figure is attempts per second.
 */
public final class ScoringBenchmark {

    public static void main(String[] args) throws Exception {
        String text = CanonicalText.normalise(
                Files.readString(Path.of("seeds/defectors/articles/004-new-eastern-outlook.txt"))
                        .split("\n---\n", 2)[1]);
        int[] tokens = Tokens.words(text);
        int words = tokens.length / 2;
        SplittableRandom random = new SplittableRandom(42);
        ClaimType[] types = ClaimType.values();
        List<Scoring.KeyClaim> key = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int from = random.nextInt(words - 20);
            key.add(new Scoring.KeyClaim(
                    "c" + i,
                    tokens[2 * from],
                    tokens[2 * (from + 3 + random.nextInt(15)) + 1],
                    Set.of(types[random.nextInt(types.length)]),
                    1 + random.nextInt(3)));
        }
        List<List<Scoring.Mark>> attempts = new ArrayList<>();
        for (int a = 0; a < 2_000; a++) {
            List<Scoring.Mark> marks = new ArrayList<>();
            for (int m = 0; m < 30; m++) {
                int from = random.nextInt(words - 20);
                marks.add(new Scoring.Mark(
                        "m" + m,
                        tokens[2 * from],
                        tokens[2 * (from + 2 + random.nextInt(15)) + 1],
                        types[random.nextInt(types.length)]));
            }
            attempts.add(marks);
        }
        double sink = 0;
        for (int warm = 0; warm < 5; warm++) {
            for (List<Scoring.Mark> marks : attempts) {
                sink += Scoring.score(tokens, key, marks, Scoring.DEFAULT_THRESHOLD)
                        .score();
            }
        }
        int rounds = 10;
        // CPU time of this thread as well as wall time: on a shared machine the wall clock also
        // counts the time other processes had the core, and G9 is a figure per core.
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (List<Scoring.Mark> marks : attempts) {
                sink += Scoring.score(tokens, key, marks, Scoring.DEFAULT_THRESHOLD)
                        .score();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        System.out.printf(
                "Scoring benchmark: %d attempts (40 key claims, 30 marks each, article of %d words) in %.2f s"
                        + " (%.2f s of CPU) = %.0f attempts/s on one thread, %.0f per CPU second"
                        + " (goal G9: >= 10,000). [checksum %.1f]%n",
                rounds * attempts.size(),
                words,
                seconds,
                cpuSeconds,
                rounds * attempts.size() / seconds,
                rounds * attempts.size() / cpuSeconds,
                sink);
    }
}
