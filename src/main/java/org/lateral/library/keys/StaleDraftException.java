package org.lateral.library.keys;

import org.lateral.base.UserFacingException;

/**
 * The page's draft is not the stored one any more (DD021): another tab saved first, or the article's
 * text was corrected and the draft moved to it. Nothing from the page was saved; it must reload.
 */
public final class StaleDraftException extends UserFacingException {

    StaleDraftException(String key, Object... args) {
        super(key, args);
    }
}
