package org.lateral.security;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The signed-in user, for services. Services are the security boundary: each checks the role
 * here and then the resource itself ("is this my class?").
 * See DD003 and DD009.
 */
@Component
public class CurrentUser {

    public Optional<LateralUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof LateralUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /**
     * Keeps this session signed in after the account's other sessions were ended (its own
     * password change raised the session epoch to {@code epoch}).
     */
    public void keepThisSession(int epoch) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof LateralUser user) {
            LateralUser renewed = user.withSessionEpoch(epoch);
            SecurityContextHolder.getContext()
                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                            renewed, null, authentication.getAuthorities()));
        }
    }

    /** The signed-in user, who must hold {@code role}; anything else is refused. */
    public LateralUser require(Role role) {
        LateralUser user = get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        if (!user.has(role)) {
            throw new AccessDeniedException("This needs the " + role + " role");
        }
        return user;
    }
}
