package org.lateral.audit;

import org.jspecify.annotations.Nullable;

/**
 * Text as the audit trail keeps it: one line, whatever arrived. Control characters (CR, LF, tab,
 * escape…), invisible format characters (bidi overrides, zero-width) and line separators become
 * {@code \\uXXXX}; the backslash itself is doubled so an encoded sequence cannot be forged. A forged
 * "\r\nFAKE event" therefore stays inside its own field and its own line.
 */
final class AuditText {

    private AuditText() {}

    static String clean(@Nullable String text, int maxChars) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars) + 8);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            String piece;
            if (cp == '\\') {
                piece = "\\\\";
            } else if (Character.isISOControl(cp)
                    || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.LINE_SEPARATOR
                    || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR
                    || Character.getType(cp) == Character.SURROGATE
                    || Character.getType(cp) == Character.UNASSIGNED) {
                piece = cp <= 0xFFFF ? String.format("\\u%04x", cp) : String.format("\\U%06x", cp);
            } else {
                piece = Character.toString(cp);
            }
            if (out.length() + piece.length() > maxChars) {
                out.append('\u2026');
                break;
            }
            out.append(piece);
        }
        return out.toString();
    }
}
