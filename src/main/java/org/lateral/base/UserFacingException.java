package org.lateral.base;

/**
 * A request refused for a reason the user can act on. Its message is written for the person in
 * front of the screen (often a student) and is shown as it is; nothing was changed.
 */
public class UserFacingException extends RuntimeException {

    public UserFacingException(String message) {
        super(message);
    }
}
