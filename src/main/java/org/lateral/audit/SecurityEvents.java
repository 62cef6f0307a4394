package org.lateral.audit;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.lateral.security.AuditAction;
import org.lateral.security.AuditOutcome;
import org.lateral.security.AuditTrail;
import org.lateral.security.LateralUser;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Spring Security's own events, recorded: a service call refused by its declared access rule
 * (DD009; the probe matrix counts the same events) and signing out. A refused web request of
 * someone not signed in is the ordinary way to the sign-in page, not an event.
 */
@Component
class SecurityEvents {

    private final AuditTrail audit;

    SecurityEvents(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void denied(AuthorizationDeniedEvent<?> event) {
        @Nullable LateralUser user = user(event.getAuthentication());
        if (event.getSource() instanceof MethodInvocation call) {
            // The ids the caller asked for; other arguments may be a student's text, so they are not kept.
            List<UUID> ids = Arrays.stream(call.getArguments())
                    .filter(UUID.class::isInstance)
                    .map(UUID.class::cast)
                    .limit(8)
                    .toList();
            audit.record(new AuditTrail.Entry(
                    AuditAction.ACCESS_DENIED,
                    AuditOutcome.DENIED,
                    user == null ? null : AuditTrail.Actor.of(user),
                    null,
                    "service call",
                    ids,
                    call.getMethod().getDeclaringClass().getSimpleName() + "."
                            + call.getMethod().getName(),
                    ""));
        } else if (user != null) {
            audit.record(new AuditTrail.Entry(
                    AuditAction.ACCESS_DENIED,
                    AuditOutcome.DENIED,
                    AuditTrail.Actor.of(user),
                    null,
                    "web request",
                    List.of(),
                    "",
                    ""));
        }
    }

    @EventListener
    void signedOut(LogoutSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof LateralUser user) {
            audit.record(new AuditTrail.Entry(
                    AuditAction.SIGN_OUT,
                    AuditOutcome.SUCCESS,
                    AuditTrail.Actor.of(user),
                    null,
                    "account",
                    List.of(user.accountId()),
                    "",
                    ""));
        }
    }

    private static @Nullable LateralUser user(Supplier<Authentication> authentication) {
        Authentication a;
        try {
            a = authentication.get();
        } catch (RuntimeException nobody) {
            // Spring answers "no credentials" by throwing: a call with nobody signed in.
            return null;
        }
        return a != null && a.getPrincipal() instanceof LateralUser user ? user : null;
    }
}
