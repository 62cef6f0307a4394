package org.lateral.base.highlighter;

/**
 * A claim the student links to sources in the "Who says so?" mode (DD013, "Source work"), drawn as
 * a neutral highlight: never its type, only a short label such as "Claim 3". The reference is what
 * a link saves ({@link LinkState#claimRef()}): a mark id of the lesson's mark-claims step, or a key
 * claim id.
 *
 * @param ref the claim reference, 1 to 64 letters, digits, '-' or '_'
 * @param start its start in the canonical text (UTF-16 offset)
 * @param end its end, exclusive
 * @param label what the student sees; empty for "Claim n" by its place in the text
 */
public record LinkableClaim(String ref, int start, int end, String label) {

    /** A claim that is called by its place in the text ("Claim 3"). */
    public static LinkableClaim numbered(String ref, int start, int end) {
        return new LinkableClaim(ref, start, end, "");
    }
}
