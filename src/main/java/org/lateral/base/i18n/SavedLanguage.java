package org.lateral.base.i18n;

import java.util.Locale;
import java.util.Optional;

/**
 * The language the signed-in person chose for their pages, which wins over the browser's
 * (DD034). Kept by the feature that owns accounts; base only asks.
 */
public interface SavedLanguage {

    /** The chosen language of whoever is signed in; empty when nobody is or they chose none. */
    Optional<Locale> ofSignedIn();
}
