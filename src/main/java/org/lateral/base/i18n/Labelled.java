package org.lateral.base.i18n;

/**
 * A value shown to people by a translated name: a claim type, a source kind, an audit action. Its
 * key is written out in the enum ({@code "claimType." + code()}); {@code TranslationFilesTest}
 * asks every constant of every such enum for its key, so a constant added without its texts fails
 * there.
 */
public interface Labelled {

    /** The translation key of this value's shown name. */
    String labelKey();
}
