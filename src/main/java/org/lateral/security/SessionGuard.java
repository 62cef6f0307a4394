package org.lateral.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends sessions that must not go on, before Spring Security reads them (DD007):
 * <ul>
 *   <li><b>idle</b>: no request from the person for {@code idleTimeout}. Vaadin's heartbeats keep
 *       the HTTP session alive while a tab is open, so they do not count as activity; an
 *       abandoned tab on a classroom computer is signed out at its next heartbeat;</li>
 *   <li><b>absolute</b>: {@code absoluteTimeout} after the session began, however active;</li>
 *   <li><b>ended elsewhere</b>: the account's password was changed or reset, or the account was
 *       disabled, since this session signed in (its session epoch is older than the account's),
 *       checked against the database at every request so it holds across app nodes.</li>
 * </ul>
 * The session is invalidated and the request goes on without one: a page load then leads to the
 * sign-in page, and Vaadin's client, finding its session gone, reloads into it. Marks not yet
 * saved stay in the browser's outbox and are sent after signing in again.
 */
public final class SessionGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionGuard.class);
    static final String STARTED = "lateral.session.started";
    static final String LAST_ACTIVITY = "lateral.session.last-activity";
    /** Why the last session of this browser was ended, for the sign-in page (a {@link SignedOut}). */
    public static final String SIGNED_OUT_BECAUSE = "lateral.session.signed-out-because";

    /** Why a session was ended; the sign-in page says it in the page's language. */
    public enum Reason {
        /** No activity for {@code amount} minutes. */
        IDLE,
        /** Signed in for {@code amount} hours, the longest a session may last. */
        TOO_LONG,
        /** The password was changed or reset, or the account switched off. */
        ENDED_ELSEWHERE
    }

    /** A reason and its number (minutes or hours), kept in the fresh session for the sign-in page. */
    public record SignedOut(Reason reason, long amount) implements java.io.Serializable {}

    private final LoginAccounts accounts;
    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration absoluteTimeout;
    private final AuditTrail audit;

    public SessionGuard(
            LoginAccounts accounts, Clock clock, Duration idleTimeout, Duration absoluteTimeout, AuditTrail audit) {
        this.audit = audit;
        this.accounts = accounts;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.absoluteTimeout = absoluteTimeout;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session == null || isStaticResource(request)) {
            chain.doFilter(request, response);
            return;
        }
        boolean signedIn;
        @Nullable SignedOut ended;
        boolean withinBudget;
        try {
            signedIn = signedIn(session) != null;
            ended = check(session, isHeartbeat(request), request.getRemoteAddr());
            withinBudget = ended != null || requestBudget(session).tryConsume(1);
        } catch (IllegalStateException endedMeanwhile) {
            // A concurrent request of this session ended it while this one read it: this request
            // goes on without a session, as after any sign-out (the sign-in page, for a page).
            chain.doFilter(request, response);
            return;
        }
        if (ended != null && signedIn) {
            // The sign-in page says why, from a fresh session that holds nothing else.
            request.getSession(true).setAttribute(SIGNED_OUT_BECAUSE, ended);
        }
        if (!withinBudget) {
            // A script replaying calls, not a person: Vaadin's client backs off and sends again.
            response.setStatus(429);
            response.setHeader("Retry-After", "1");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Requests one session may send: a burst of {@value #REQUEST_BURST}, then
     * {@value #REQUESTS_PER_SECOND} a second. Far above a person's pace (an outbox of 200 marks
     * goes out as about as many requests), far below a flood.
     */
    static final int REQUEST_BURST = 400;

    static final int REQUESTS_PER_SECOND = 40;
    private static final String REQUEST_BUDGET = "lateral.session.request-budget";

    private static Bucket requestBudget(HttpSession session) {
        Bucket bucket = (Bucket) session.getAttribute(REQUEST_BUDGET);
        if (bucket == null) {
            bucket = Bucket.builder()
                    .addLimit(Bandwidth.builder()
                            .capacity(REQUEST_BURST)
                            .refillGreedy(REQUESTS_PER_SECOND, Duration.ofSeconds(1))
                            .build())
                    .build();
            session.setAttribute(REQUEST_BUDGET, bucket);
        }
        return bucket;
    }

    /**
     * Ends the session when it must not go on and answers why, for the person signing in again;
     * otherwise records the activity and answers null.
     */
    @Nullable
    SignedOut check(HttpSession session, boolean heartbeat, String address) {
        long now = clock.millis();
        Long started = (Long) session.getAttribute(STARTED);
        Long lastActivity = (Long) session.getAttribute(LAST_ACTIVITY);
        if (started == null || lastActivity == null) {
            session.setAttribute(STARTED, now);
            session.setAttribute(LAST_ACTIVITY, now);
            started = now;
            lastActivity = now;
        }
        @Nullable LateralUser user = signedIn(session);
        String who = user == null ? "an anonymous session" : "a session of '" + user.getUsername() + "'";
        if (now - lastActivity > idleTimeout.toMillis()) {
            if (invalidate(session)) {
                log.info("Ended {} after {} minutes without activity", who, (now - lastActivity) / 60_000);
                ended(user, "no activity for " + idleTimeout.toMinutes() + " minutes", address);
            }
            return new SignedOut(Reason.IDLE, idleTimeout.toMinutes());
        }
        if (now - started > absoluteTimeout.toMillis()) {
            if (invalidate(session)) {
                log.info("Ended {} after {} hours (the longest a session may last)", who, (now - started) / 3_600_000);
                ended(user, "signed in for longer than " + absoluteTimeout.toHours() + " hours", address);
            }
            return new SignedOut(Reason.TOO_LONG, absoluteTimeout.toHours());
        }
        if (user != null && !accounts.sessionStillValid(user.accountId(), user.sessionEpoch())) {
            if (invalidate(session)) {
                log.info("Ended {}: its password was changed or reset, or the account was disabled", who);
                ended(user, "password changed or reset, or account switched off", address);
            }
            return new SignedOut(Reason.ENDED_ELSEWHERE, 0);
        }
        if (!heartbeat) {
            session.setAttribute(LAST_ACTIVITY, now);
        }
        return null;
    }

    /**
     * Ends the session; false when a concurrent request of the same session (a page load beside
     * its heartbeat or a save) ended it first. Both requests then answer as ended, but only the
     * first logs and records it, and the second does not fail: an exception here left the tab on
     * an error page instead of the sign-in page.
     */
    private static boolean invalidate(HttpSession session) {
        try {
            session.invalidate();
            return true;
        } catch (IllegalStateException alreadyInvalidated) {
            return false;
        }
    }

    /** A signed-in session ended by this guard, for the audit trail; anonymous sessions are not recorded. */
    private void ended(@Nullable LateralUser user, String why, String address) {
        if (user != null) {
            audit.record(new AuditTrail.Entry(
                    AuditAction.SESSION_ENDED,
                    AuditOutcome.SUCCESS,
                    AuditTrail.Actor.of(user),
                    null,
                    "account",
                    List.of(user.accountId()),
                    why,
                    address));
        }
    }

    private static @Nullable LateralUser signedIn(HttpSession session) {
        Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (context instanceof SecurityContext securityContext
                && securityContext.getAuthentication() != null
                && securityContext.getAuthentication().getPrincipal() instanceof LateralUser user) {
            return user;
        }
        return null;
    }

    private static boolean isHeartbeat(HttpServletRequest request) {
        // The query string only: reading parameters could consume a form body meant for the login.
        String query = request.getQueryString();
        return query != null
                && (query.equals("v-r=heartbeat")
                        || query.startsWith("v-r=heartbeat&")
                        || query.contains("&v-r=heartbeat"));
    }

    /** The frontend bundle, styles and images: they neither need the session nor show activity. */
    private static boolean isStaticResource(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/VAADIN/")
                || path.startsWith("/styles/")
                || path.startsWith("/images/")
                || path.startsWith("/icons/")
                || path.equals("/favicon.ico")
                || path.equals("/sw.js")
                || path.startsWith("/actuator/");
    }
}
