package org.lateral.submission;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.lateral.classroom.RosterEntry;
import org.lateral.submission.scoring.Alternatives;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The class's latest submitted "Mark the claims" attempts, scored, with the popular spans and
 * types counted from them: the whole-class work behind the results page and the assignment
 * dashboard, kept between calls (issue 18, DD033). A class of a thousand cost about 0.4 s of
 * reading and scoring on every open; the result changes only when a submission or the key does.
 *
 * <p>Entries are found by a fingerprint of everything the result depends on, read from the
 * database on every call: the key version, the amendments applied, the threshold, and per student
 * of the roster the latest submitted attempt's id and submission time (a reopened and resubmitted
 * attempt has a new time; marks of a submitted attempt cannot change). So a stale entry is never
 * found, and several app nodes need no invalidation: each one's entries follow the same database.
 */
@Component
class ScoredClasses {

    /** What one fingerprint stands for. */
    record Scored(
            List<Alternatives.ScoredAttempt> latest,
            List<Alternatives.PopularSpan> popularSpans,
            List<Alternatives.PopularType> popularTypes) {}

    private final Cache<String, Scored> cache;

    ScoredClasses(@Value("${lateral.results.cached-marks:300000}") long cachedMarks) {
        // Weighed by marks kept (the bulk of an entry): 300,000 marks are about a dozen classes of
        // a thousand students, or hundreds of usual classes, in a few tens of MB of heap.
        this.cache = Caffeine.newBuilder()
                .maximumWeight(cachedMarks)
                .weigher((String key, Scored s) ->
                        1 + s.latest().stream().mapToInt(a -> a.marks().size()).sum())
                .expireAfterAccess(Duration.ofHours(2))
                .build();
    }

    /**
     * The scored class for this state of the data, computed by {@code compute} when not kept.
     *
     * @param latestSubmitted per student of the roster, their latest submitted claims attempt
     */
    Scored scored(
            Grader.Context context,
            List<RosterEntry> roster,
            Map<UUID, LatestSubmitted> latestSubmitted,
            Supplier<Scored> compute) {
        return cache.get(fingerprint(context, roster, latestSubmitted), k -> compute.get());
    }

    /** A student's latest submitted attempt of the claims step. */
    record LatestSubmitted(UUID attemptId, Instant submittedAt) {}

    static String fingerprint(
            Grader.Context context, List<RosterEntry> roster, Map<UUID, LatestSubmitted> latestSubmitted) {
        MessageDigest digest = sha256();
        ByteBuffer buffer = ByteBuffer.allocate(64);
        put(digest, buffer, context.assignmentId());
        put(digest, buffer, context.keyVersionId());
        buffer.putDouble(context.threshold()).putInt(context.amendmentIds().size());
        flush(digest, buffer);
        for (UUID amendment : context.amendmentIds()) {
            put(digest, buffer, amendment);
        }
        for (RosterEntry student : roster) {
            LatestSubmitted latest = latestSubmitted.get(student.studentId());
            if (latest == null) {
                continue;
            }
            put(digest, buffer, student.studentId());
            put(digest, buffer, latest.attemptId());
            buffer.putLong(latest.submittedAt().getEpochSecond())
                    .putInt(latest.submittedAt().getNano());
            flush(digest, buffer);
        }
        return context.assignmentId() + ":" + HexFormat.of().formatHex(digest.digest());
    }

    private static void put(MessageDigest digest, ByteBuffer buffer, @Nullable UUID id) {
        if (id == null) {
            buffer.put("-".getBytes(StandardCharsets.US_ASCII));
        } else {
            buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        }
        flush(digest, buffer);
    }

    private static void flush(MessageDigest digest, ByteBuffer buffer) {
        buffer.flip();
        digest.update(buffer);
        buffer.clear();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** For tests: how many fingerprints are kept. */
    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
