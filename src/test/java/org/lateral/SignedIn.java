package org.lateral;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Signs a real account in for a service test, through the application's own user lookup.
 * Vaadin installs its own security-context strategy, which Spring's {@code @WithUserDetails}
 * does not reach outside a Vaadin request; this sets the context through that strategy.
 */
public final class SignedIn implements AutoCloseable {

    private final SecurityContext previous;

    private SignedIn(SecurityContext previous) {
        this.previous = previous;
    }

    public static SignedIn as(UserDetailsService users, String username) {
        SecurityContext previous = SecurityContextHolder.getContext();
        UserDetails user = users.loadUserByUsername(username);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        return new SignedIn(previous);
    }

    @Override
    public void close() {
        // Back to whoever was signed in before (a browserless test's user, or nobody).
        SecurityContextHolder.setContext(previous);
    }
}
