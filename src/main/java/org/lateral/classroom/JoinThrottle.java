package org.lateral.classroom;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lateral.base.throttle.Limit;
import org.lateral.base.throttle.Throttles;
import org.springframework.stereotype.Component;

/**
 * Stops join-code guessing and username probing without letting one class lock out another
 * (DD007). A whole school often shares one public address, so the address limit is generous and
 * the tight limits are per browser session and per signed-in account:
 * <ul>
 *   <li>wrong tries (an unknown code, or a username someone already has): {@value #WRONG_PER_SESSION}
 *       per session and {@value #WRONG_PER_ACCOUNT} per signed-in account per 10 minutes, and
 *       {@value #WRONG_PER_ADDRESS} per address per 10 minutes, which ten classes mistyping at
 *       once do not reach and which keeps a script far from guessing a 50-bit code;</li>
 *   <li>joins: {@value #JOINS_PER_ADDRESS_AND_CLASS} a minute per (address, class).</li>
 * </ul>
 * Buckets live in PostgreSQL ({@link Throttles}), so app nodes count together.
 */
@Component
class JoinThrottle {

    static final int WRONG_PER_SESSION = 10;
    static final int WRONG_PER_ACCOUNT = 5;
    static final int WRONG_PER_ADDRESS = 300;
    static final Duration WRONG_WINDOW = Duration.ofMinutes(10);
    static final int JOINS_PER_ADDRESS_AND_CLASS = 60;

    static final Limit WRONG_BY_SESSION = new Limit("join-wrong-session", WRONG_PER_SESSION, WRONG_WINDOW);
    static final Limit WRONG_BY_ACCOUNT = new Limit("join-wrong-account", WRONG_PER_ACCOUNT, WRONG_WINDOW);
    static final Limit WRONG_BY_ADDRESS = new Limit("join-wrong-address", WRONG_PER_ADDRESS, WRONG_WINDOW);
    static final Limit JOINS = new Limit("join-address-class", JOINS_PER_ADDRESS_AND_CLASS, Duration.ofMinutes(1));

    private final Throttles throttles;

    JoinThrottle(Throttles throttles) {
        this.throttles = throttles;
    }

    /** Who is trying: the address, the browser session, and the account when signed in ("" if not). */
    record Requester(String address, String session, String account) {}

    /** Whether this requester may try a code or a username now. */
    boolean mayTry(Requester who) {
        return throttles.available(WRONG_BY_ADDRESS, who.address())
                && throttles.available(WRONG_BY_SESSION, who.session())
                && (who.account().isEmpty() || throttles.available(WRONG_BY_ACCOUNT, who.account()));
    }

    /** Counts a wrong try: an unknown code, or a username that is not available. */
    void wrong(Requester who) {
        throttles.take(WRONG_BY_ADDRESS, who.address());
        throttles.take(WRONG_BY_SESSION, who.session());
        if (!who.account().isEmpty()) {
            throttles.take(WRONG_BY_ACCOUNT, who.account());
        }
    }

    /** Takes one join for this address and class; false when the burst limit is reached. */
    boolean join(String address, String classId) {
        return throttles.take(JOINS, address + "|" + classId);
    }

    /** The signed-in students among these whose join tries are held back now (DD026, "Unlocks"). */
    Set<UUID> heldBack(Collection<UUID> accounts) {
        Set<String> empty = throttles.exhausted(
                WRONG_BY_ACCOUNT, accounts.stream().map(UUID::toString).toList());
        return accounts.stream().filter(a -> empty.contains(a.toString())).collect(Collectors.toSet());
    }

    /** Forgets a signed-in student's wrong join tries. */
    void unlock(UUID account) {
        throttles.reset(WRONG_BY_ACCOUNT, account.toString());
    }

    /** Whether join tries from this address are held back now. */
    boolean addressHeldBack(String address) {
        return !throttles.available(WRONG_BY_ADDRESS, address);
    }

    /** Forgets the wrong join tries counted for this address. */
    void unlockAddress(String address) {
        throttles.reset(WRONG_BY_ADDRESS, address);
    }
}
