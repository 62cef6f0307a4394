package org.lateral.security;

import java.time.Duration;
import java.util.Locale;
import org.lateral.base.throttle.Limit;
import org.lateral.base.throttle.Throttles;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without letting anyone lock an account for good (DD007). Every
 * attempt takes a token from two buckets before the password is checked, so a hundred parallel
 * attempts cannot all slip through; a correct password gives both tokens back, so signing in
 * normally never counts.
 * <ul>
 *   <li>per username as typed (whether or not it exists, so the throttle reveals nothing):
 *       {@value #PER_ACCOUNT} tries, then one more every {@code 15 min / 10} = 90 s. A classmate
 *       who keeps guessing can slow an account to one try per 90 s, never close it;</li>
 *   <li>per address: {@value #PER_ADDRESS} tries per 10 minutes, enough for a whole school behind
 *       one address mistyping at the start of a lesson, far too few to guess passwords.</li>
 * </ul>
 */
@Component
class SignInThrottle {

    static final int PER_ACCOUNT = 10;
    static final int PER_ADDRESS = 100;
    static final Limit ACCOUNT = new Limit("sign-in-account", PER_ACCOUNT, Duration.ofMinutes(15));
    static final Limit ADDRESS = new Limit("sign-in-address", PER_ADDRESS, Duration.ofMinutes(10));

    private final Throttles throttles;

    SignInThrottle(Throttles throttles) {
        this.throttles = throttles;
    }

    /** What stopped an attempt before its password was checked, if anything. */
    enum Refusal {
        NONE,
        ACCOUNT,
        ADDRESS
    }

    /** Takes a token from both buckets; the attempt may go ahead only when both had one. */
    Refusal take(String username, String address) {
        String account = key(username);
        if (!throttles.take(ADDRESS, address)) {
            return Refusal.ADDRESS;
        }
        if (!throttles.take(ACCOUNT, account)) {
            // This attempt was not made: the address keeps its token.
            throttles.giveBack(ADDRESS, address);
            return Refusal.ACCOUNT;
        }
        return Refusal.NONE;
    }

    /** A correct password: the attempt does not count against the account or the address. */
    void succeeded(String username, String address) {
        throttles.giveBack(ACCOUNT, key(username));
        throttles.giveBack(ADDRESS, address);
    }

    static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
