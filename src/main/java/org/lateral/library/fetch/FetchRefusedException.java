package org.lateral.library.fetch;

import org.lateral.base.UserFacingException;

/** A fetch that was refused or failed, as a translation key and its arguments (DD034). */
public class FetchRefusedException extends UserFacingException {

    public FetchRefusedException(String key, Object... args) {
        super(key, args);
    }
}
