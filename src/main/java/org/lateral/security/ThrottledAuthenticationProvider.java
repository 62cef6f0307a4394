package org.lateral.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in with a throttle in front ({@link SignInThrottle}) and a log line for every
 * failure. Every refusal, whether the username is unknown, the password wrong, the account
 * disabled or the attempt throttled, leaves as the same {@link BadCredentialsException}, so the
 * browser sees the same answer (DD007). The log says which it was, for the school's IT person,
 * and never contains a password or a username that matches no account (it could be a password
 * typed into the wrong field). Every attempt, refused or not, is also recorded in the audit trail
 * (DD022).
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger("org.lateral.security.SignIn");
    static final String SAME_ANSWER = "Bad credentials";

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final LoginAccounts accounts;
    private final AuditTrail audit;
    /** A flood of failures must not flood the log: 60 lines a minute, then a count of the rest. */
    private final Bucket logLines = Bucket.builder()
            .addLimit(Bandwidth.builder()
                    .capacity(60)
                    .refillGreedy(60, Duration.ofMinutes(1))
                    .build())
            .build();

    private final AtomicLong unlogged = new AtomicLong();

    ThrottledAuthenticationProvider(
            AuthenticationProvider passwords, SignInThrottle throttle, LoginAccounts accounts, AuditTrail audit) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.accounts = accounts;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String username = attempt.getName() == null ? "" : attempt.getName();
        String address = address(attempt);
        SignInThrottle.Refusal refusal = throttle.take(username, address);
        if (refusal != SignInThrottle.Refusal.NONE) {
            String reason = refusal == SignInThrottle.Refusal.ACCOUNT
                    ? "throttled: too many tries for this username"
                    : "throttled: too many tries from this address";
            logFailure(username, address, reason);
            audit(AuditAction.SIGN_IN_THROTTLED, AuditOutcome.DENIED, username, address, reason);
            throw new BadCredentialsException(SAME_ANSWER);
        }
        Authentication result;
        try {
            result = passwords.authenticate(attempt);
        } catch (DisabledException e) {
            logFailure(username, address, "account disabled");
            audit(AuditAction.SIGN_IN_FAILED, AuditOutcome.FAILURE, username, address, "account disabled");
            throw new BadCredentialsException(SAME_ANSWER);
        } catch (AuthenticationException e) {
            logFailure(username, address, "wrong username or password");
            audit(AuditAction.SIGN_IN_FAILED, AuditOutcome.FAILURE, username, address, "wrong username or password");
            throw new BadCredentialsException(SAME_ANSWER);
        }
        if (result == null) {
            throw new BadCredentialsException(SAME_ANSWER);
        }
        throttle.succeeded(username, address);
        if (result.getPrincipal() instanceof LateralUser user) {
            audit.record(new AuditTrail.Entry(
                    AuditAction.SIGN_IN,
                    AuditOutcome.SUCCESS,
                    AuditTrail.Actor.of(user),
                    null,
                    "account",
                    List.of(user.accountId()),
                    "",
                    address));
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private void logFailure(String username, String address, String reason) {
        if (!logLines.tryConsume(1)) {
            unlogged.incrementAndGet();
            return;
        }
        long skipped = unlogged.getAndSet(0);
        String who =
                known(username) ? "account '" + username.strip().toLowerCase(Locale.ROOT) + "'" : "an unknown username";
        log.warn(
                "Sign-in failed for {} from {}: {}{}",
                who,
                address,
                reason,
                skipped > 0 ? " (" + skipped + " more failures not logged in the last minute)" : "");
    }

    /**
     * Records a refused sign-in. The account is named only when the username is a real one: a
     * string matching no account may be a password typed into the wrong field, so it is not kept.
     */
    private void audit(AuditAction action, AuditOutcome outcome, String username, String address, String reason) {
        AuditTrail.@Nullable Actor actor = known(username)
                ? accounts.findForLogin(username.strip().toLowerCase(Locale.ROOT))
                        .map(AuditTrail.Actor::of)
                        .orElse(null)
                : null;
        audit.record(new AuditTrail.Entry(
                action,
                outcome,
                actor,
                null,
                "account",
                actor == null ? List.of() : List.of(actor.accountId()),
                actor == null ? reason + " (an unknown username, not kept)" : reason,
                address));
    }

    private boolean known(String username) {
        String normalised = username.strip().toLowerCase(Locale.ROOT);
        // Only a well-formed username is looked up and named; anything else is not logged.
        return normalised.matches("[a-z0-9][a-z0-9._-]{2,39}")
                && accounts.findForLogin(normalised).isPresent();
    }

    private static String address(Authentication attempt) {
        @Nullable Object details = attempt.getDetails();
        if (details instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null) {
            return web.getRemoteAddress();
        }
        return "unknown";
    }
}
