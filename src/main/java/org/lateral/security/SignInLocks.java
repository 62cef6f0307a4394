package org.lateral.security;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.lateral.base.throttle.Throttles;
import org.springframework.stereotype.Component;

/**
 * What a school admin may see and lift of the sign-in throttle (DD007, DD026 "Unlocks"): whether an
 * account's sign-in is held back after too many wrong passwords, and whether a whole address is.
 * It decides nothing about who may ask; the admin's service does, and only for its own school's
 * accounts.
 */
@Component
public class SignInLocks {

    private final Throttles throttles;

    SignInLocks(Throttles throttles) {
        this.throttles = throttles;
    }

    /** The usernames among these (lower-case) whose sign-in is held back now. */
    public Set<String> heldBack(Collection<String> usernames) {
        return throttles
                .exhausted(
                        SignInThrottle.ACCOUNT,
                        usernames.stream().map(SignInThrottle::key).toList())
                .stream()
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Forgets the wrong passwords typed for this username: the next sign-in is checked at once. */
    public void unlockAccount(String username) {
        throttles.reset(SignInThrottle.ACCOUNT, SignInThrottle.key(username));
    }

    /** Whether sign-ins from this address are held back now. */
    public boolean addressHeldBack(String address) {
        return !throttles.available(SignInThrottle.ADDRESS, address.strip());
    }

    /** Forgets the sign-in attempts counted for this address. */
    public void unlockAddress(String address) {
        throttles.reset(SignInThrottle.ADDRESS, address.strip());
    }
}
