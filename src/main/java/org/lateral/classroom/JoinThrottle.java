package org.lateral.classroom;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Stops join-code guessing without stopping a class. A whole class usually shares one public
 * address (the school's network), so successful joins are limited per (address, code) and
 * generously (60 a minute), while wrong codes are limited per address (30 per 10 minutes) and per
 * signed-in account (5 per 10 minutes). With 2^50 possible codes, that makes guessing hopeless.
 * Token buckets come from Bucket4j; they live in memory, which suits one Lateral per school.
 */
@Component
class JoinThrottle {

    static final int WRONG_CODES_PER_ADDRESS = 30;
    static final int WRONG_CODES_PER_ACCOUNT = 5;
    static final Duration WRONG_CODE_WINDOW = Duration.ofMinutes(10);
    static final int JOINS_PER_ADDRESS_AND_CODE = 60;
    private static final int MAX_TRACKED = 50_000;

    private final TimeMeter time;
    private final Map<String, Bucket> wrongByAddress = new ConcurrentHashMap<>();
    private final Map<String, Bucket> wrongByAccount = new ConcurrentHashMap<>();
    private final Map<String, Bucket> joinsByAddressAndCode = new ConcurrentHashMap<>();

    @Autowired
    JoinThrottle(Clock clock) {
        this.time = new TimeMeter() {
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

    /** Whether this address (and account, when signed in) may try a code now. */
    boolean mayTry(String address, String account) {
        return available(wrongByAddress, address, () -> wrongBucket(WRONG_CODES_PER_ADDRESS))
                && (account.isEmpty() || available(wrongByAccount, account, () -> wrongBucket(WRONG_CODES_PER_ACCOUNT)));
    }

    void wrongCode(String address, String account) {
        bucket(wrongByAddress, address, () -> wrongBucket(WRONG_CODES_PER_ADDRESS)).tryConsume(1);
        if (!account.isEmpty()) {
            bucket(wrongByAccount, account, () -> wrongBucket(WRONG_CODES_PER_ACCOUNT)).tryConsume(1);
        }
    }

    /** Takes one join for this address and code; false when the burst limit is reached. */
    boolean join(String address, String code) {
        return bucket(joinsByAddressAndCode, address + "|" + code, () -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(JOINS_PER_ADDRESS_AND_CODE)
                        .refillGreedy(JOINS_PER_ADDRESS_AND_CODE, Duration.ofMinutes(1)).build())
                .withCustomTimePrecision(time).build()).tryConsume(1);
    }

    private Bucket wrongBucket(int capacity) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, WRONG_CODE_WINDOW).build())
                .withCustomTimePrecision(time)
                .build();
    }

    private static boolean available(Map<String, Bucket> buckets, String key, Supplier<Bucket> create) {
        return bucket(buckets, key, create).getAvailableTokens() > 0;
    }

    private static Bucket bucket(Map<String, Bucket> buckets, String key, Supplier<Bucket> create) {
        if (buckets.size() > MAX_TRACKED) {
            // Bounded memory under a flood of addresses: forgetting old buckets only ever lets
            // someone try again sooner, and the code space stays far too large to guess.
            buckets.clear();
        }
        return buckets.computeIfAbsent(key, k -> create.get());
    }
}
