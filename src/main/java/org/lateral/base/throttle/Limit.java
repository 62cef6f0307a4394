package org.lateral.base.throttle;

import java.time.Duration;

/**
 * One kind of throttle: at most {@code capacity} events in a burst, refilled evenly over
 * {@code period} (so a full bucket comes back {@code period} after it was emptied, and one token
 * every {@code period / capacity}). The name is part of every key, so two limits never share a
 * bucket.
 */
public record Limit(String name, long capacity, Duration period) {

    public Limit {
        if (!name.matches("[a-z][a-z-]{1,40}")) {
            throw new IllegalArgumentException("A limit name is lower-case letters and dashes: " + name);
        }
        if (capacity < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("A limit needs a capacity and a period");
        }
    }

    /** How long one token takes to come back. */
    public Duration perToken() {
        return period.dividedBy(capacity);
    }
}
