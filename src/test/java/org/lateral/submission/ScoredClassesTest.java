package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.lateral.classroom.RosterEntry;

/** The scored class is kept for one state of the data and never found for another (DD033). */
class ScoredClassesTest {

    private static final UUID ASSIGNMENT = UUID.randomUUID();
    private static final UUID KEY = UUID.randomUUID();
    private static final Instant T = Instant.parse("2026-12-02T09:00:00Z");

    private static Grader.Context context(UUID keyVersion, List<UUID> amendments) {
        return new Grader.Context(
                ASSIGNMENT, UUID.randomUUID(), keyVersion, 0.5, "Some text.", new int[0], List.of(), amendments);
    }

    private static RosterEntry student(String name) {
        return new RosterEntry(UUID.randomUUID(), name, name, T, false, false, true, 1);
    }

    private final RosterEntry ada = student("ada");
    private final RosterEntry bo = student("bo");
    private final List<RosterEntry> roster = List.of(ada, bo);
    private final UUID adaAttempt = UUID.randomUUID();

    private Map<UUID, ScoredClasses.LatestSubmitted> latest(Instant adaSubmitted) {
        Map<UUID, ScoredClasses.LatestSubmitted> m = new HashMap<>();
        m.put(ada.studentId(), new ScoredClasses.LatestSubmitted(adaAttempt, adaSubmitted));
        return m;
    }

    private static String fingerprint(
            Grader.Context c, List<RosterEntry> roster, Map<UUID, ScoredClasses.LatestSubmitted> latest) {
        return ScoredClasses.fingerprint(c, roster, latest);
    }

    @Test
    void the_same_state_is_scored_once() {
        ScoredClasses cache = new ScoredClasses(1000);
        AtomicInteger computed = new AtomicInteger();
        var empty = new ScoredClasses.Scored(List.of(), List.of(), List.of());
        cache.scored(context(KEY, List.of()), roster, latest(T), () -> {
            computed.incrementAndGet();
            return empty;
        });
        cache.scored(context(KEY, List.of()), roster, latest(T), () -> {
            computed.incrementAndGet();
            return empty;
        });
        assertThat(computed).hasValue(1);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void a_resubmission_another_key_version_an_amendment_or_a_roster_change_is_another_state() {
        String base = fingerprint(context(KEY, List.of()), roster, latest(T));
        assertThat(fingerprint(context(KEY, List.of()), roster, latest(T))).isEqualTo(base);
        assertThat(fingerprint(context(KEY, List.of()), roster, latest(T.plusSeconds(60))))
                .as("the same attempt submitted again")
                .isNotEqualTo(base);
        assertThat(fingerprint(context(UUID.randomUUID(), List.of()), roster, latest(T)))
                .as("another key version")
                .isNotEqualTo(base);
        assertThat(fingerprint(context(KEY, List.of(UUID.randomUUID())), roster, latest(T)))
                .as("an amendment")
                .isNotEqualTo(base);
        assertThat(fingerprint(context(KEY, List.of()), List.of(bo), latest(T)))
                .as("the submitter left the class")
                .isNotEqualTo(base);
        Map<UUID, ScoredClasses.LatestSubmitted> both = latest(T);
        both.put(bo.studentId(), new ScoredClasses.LatestSubmitted(UUID.randomUUID(), T));
        assertThat(fingerprint(context(KEY, List.of()), roster, both))
                .as("another student submitted")
                .isNotEqualTo(base);
    }
}
