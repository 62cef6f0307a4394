package org.lateral.security.ui;

import com.vaadin.flow.router.QueryParameters;
import org.lateral.base.ui.Destination;

/**
 * The way other features link to the sign-in page, as a typed {@link Destination} (why: see
 * there), so its path is written only in {@link LoginView}'s {@code @Route}.
 */
public final class SecurityNavigation {

    private SecurityNavigation() {}

    public static Destination login() {
        return Destination.of(LoginView.class);
    }

    /**
     * Sign-in after creating an account by joining a class: {@code ?joined=1} makes the page greet
     * the new student, by the username kept in the session and never by one in the URL (DD007).
     */
    public static Destination loginAfterJoining() {
        return login().withQuery(QueryParameters.of("joined", "1"));
    }

    /** Sign-in after accepting a teacher invitation: {@code ?invited=1}, greeted like joining. */
    public static Destination loginAfterInvitation() {
        return login().withQuery(QueryParameters.of("invited", "1"));
    }
}
