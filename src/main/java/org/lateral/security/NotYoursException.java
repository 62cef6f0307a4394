package org.lateral.security;

import org.lateral.base.UserFacingException;

/**
 * A service refused a resource that is not the caller's, with the words it uses for one that does
 * not exist. A {@link UserFacingException}, so views show it like any other refusal; its own type
 * lets the authorization probes tell a declared access check from any other failure.
 */
public final class NotYoursException extends UserFacingException {

    public NotYoursException(String message) {
        super(message);
    }
}
