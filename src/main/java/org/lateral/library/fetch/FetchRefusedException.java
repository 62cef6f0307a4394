package org.lateral.library.fetch;

import org.lateral.base.UserFacingException;

/** A fetch that was refused or failed; the message is a sentence for the teacher. */
public class FetchRefusedException extends UserFacingException {

    public FetchRefusedException(String message) {
        super(message);
    }
}
