package org.lateral.base.throttle;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.lateral.base.database.ScheduledPasses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) stored in PostgreSQL's {@code throttle_bucket} table: two app nodes
 * behind one load balancer count the same sign-in and join attempts, and a restart forgets
 * nothing. Each call is one short transaction of its own ({@code SELECT … FOR UPDATE}), outside
 * the caller's transaction, so a throttle decision is never rolled back with a refused request.
 * Time comes from the application's {@link Clock}.
 */
@Component
public class Throttles {

    private static final Logger log = LoggerFactory.getLogger(Throttles.class);
    /** Keys are readable where they are short; a longer typed value is hashed (the table caps ids). */
    private static final int MAX_READABLE_KEY = 120;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final JdbcClient jdbc;
    private final ScheduledPasses passes;

    /** On their own, as the throttles' tests make them: the clean-up claims its passes too. */
    public Throttles(DataSource dataSource, Clock clock) {
        this(dataSource, clock, new ScheduledPasses(JdbcClient.create(dataSource), clock));
    }

    @Autowired
    public Throttles(DataSource dataSource, Clock clock, ScheduledPasses passes) {
        this.passes = passes;
        this.jdbc = JdbcClient.create(dataSource);
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("throttle_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .clientClock(timeMeter(clock))
                // A bucket that has refilled completely holds no information: let it expire.
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    /** Takes one token: false when the limit is reached (nothing is taken then). */
    public boolean take(Limit limit, String key) {
        return bucket(limit, key).tryConsume(1);
    }

    /** Whether a token is left, without taking it. */
    public boolean available(Limit limit, String key) {
        return bucket(limit, key).getAvailableTokens() > 0;
    }

    /** Returns a token taken for an attempt that turned out to be fine (a correct password). */
    public void giveBack(Limit limit, String key) {
        BucketProxy bucket = bucket(limit, key);
        // Never above capacity: addTokens caps at the bucket's capacity.
        bucket.addTokens(1);
    }

    /** How long until the next token; zero when one is available now. */
    public Duration waitFor(Limit limit, String key) {
        long nanos = bucket(limit, key).estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return Duration.ofNanos(Math.max(0, nanos));
    }

    /**
     * Forgets every attempt counted under this key: the next one finds a full bucket. For a school
     * admin who knows the person waiting is the right one (DD026, "Unlocks").
     */
    public void reset(Limit limit, String key) {
        buckets.removeProxy(id(limit, key));
    }

    /**
     * The keys among these whose bucket has no token now. Only keys with a stored bucket can be
     * empty, and those are few (a bucket refilled completely is deleted), so a school's whole roster
     * is checked with one query and a handful of bucket reads.
     */
    public Set<String> exhausted(Limit limit, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        Map<String, String> byId = new HashMap<>();
        for (String key : keys) {
            byId.put(id(limit, key), key);
        }
        List<String> stored = jdbc.sql("SELECT id FROM throttle_bucket WHERE id = ANY(:ids)")
                .param("ids", byId.keySet().toArray(String[]::new))
                .query(String.class)
                .list();
        Set<String> empty = new HashSet<>();
        for (String id : stored) {
            String key = byId.get(id);
            if (key != null && !available(limit, key)) {
                empty.add(key);
            }
        }
        return empty;
    }

    /** Deletes buckets that have refilled completely, so the table holds only recent attempts. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    void removeFullBuckets() {
        // With several app nodes, one of them runs each pass (DD030).
        if (!passes.claim("throttle-clean-up", Duration.ofMinutes(9))) {
            return;
        }
        int removed;
        int total = 0;
        do {
            removed = buckets.removeExpired(1000);
            total += removed;
        } while (removed == 1000);
        if (total > 0) {
            log.debug("Removed {} full throttle buckets", total);
        }
    }

    private BucketProxy bucket(Limit limit, String key) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.period())
                        .build())
                .build();
        return buckets.getProxy(id(limit, key), () -> configuration);
    }

    private static String id(Limit limit, String key) {
        return limit.name() + ":" + storedKey(key);
    }

    static String storedKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.length() <= MAX_READABLE_KEY && lower.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return lower;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(lower.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TimeMeter timeMeter(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }
}
