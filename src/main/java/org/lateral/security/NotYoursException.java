package org.lateral.security;

import org.lateral.base.UserFacingException;

/**
 * A service refused a resource that is not the caller's, with the words it uses for one that does
 * not exist. A {@link UserFacingException}, so views show it like any other refusal; its own type
 * lets the authorization probes tell a declared access check from any other failure.
 */
public final class NotYoursException extends UserFacingException {

    /** Refuses with the text of a translation key, shown in the page's language (DD034). */
    public NotYoursException(String key) {
        super(key, new Object[0]);
    }
}
