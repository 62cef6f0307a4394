package org.lateral.library.keys;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.lateral.library.ClaimType;
import org.lateral.library.SourceKind;

/**
 * A teacher's answer key as it is being written (DD021): what the editor saves with every change
 * and publishes as a key version. Offsets are UTF-16 code units into the canonical text of the
 * article version the draft is anchored to, like every span in Lateral. Unlike a published
 * version, a draft may be incomplete (a claim without a type or a why); {@link KeyDrafts} says
 * what publishing still needs.
 *
 * @param dismissed the suggestions the teacher turned down, so they are not offered again (see
 *     {@link KeyDrafts#suggestionKey})
 * @param changes what this version changes, shown to teachers whose assignments are offered it
 */
public record KeyDraft(List<Claim> claims, List<Source> sources, List<String> dismissed, String changes) {

    public static final KeyDraft EMPTY = new KeyDraft(List.of(), List.of(), List.of(), "");

    // Drafts are stored as JSON (key_draft.body) and read back with the fields of the day: a field
    // missing from an older draft reads as empty rather than failing to open it.
    public KeyDraft {
        claims = claims == null ? List.of() : List.copyOf(claims);
        sources = sources == null ? List.of() : List.copyOf(sources);
        dismissed = dismissed == null ? List.of() : List.copyOf(dismissed);
        changes = changes == null ? "" : changes;
    }

    /** A passage of the text. */
    public record Span(int start, int end) {}

    /**
     * A key claim.
     *
     * @param worthiness 1 (minor) to 3 (central)
     * @param why the sentence students see in their feedback
     * @param cues the words that signal a hedge or speculation, as they appear in the text
     * @param sourceIds the sources that back it ("who says so?")
     */
    public record Claim(
            String id,
            int start,
            int end,
            Set<ClaimType> types,
            int worthiness,
            String why,
            List<String> cues,
            List<String> sourceIds) {
        public Claim {
            types = types == null ? Set.of() : Set.copyOf(types);
            why = why == null ? "" : why;
            cues = cues == null ? List.of() : List.copyOf(cues);
            sourceIds = sourceIds == null ? List.of() : List.copyOf(sourceIds);
        }

        public Span span() {
            return new Span(start, end);
        }

        // One field changed, the others kept: what every edit of a claim is.

        public Claim withSpan(Span span) {
            return new Claim(id, span.start(), span.end(), types, worthiness, why, cues, sourceIds);
        }

        public Claim withTypes(Set<ClaimType> types) {
            return new Claim(id, start, end, types, worthiness, why, cues, sourceIds);
        }

        public Claim withWorthiness(int worthiness) {
            return new Claim(id, start, end, types, worthiness, why, cues, sourceIds);
        }

        public Claim withWhy(String why) {
            return new Claim(id, start, end, types, worthiness, why, cues, sourceIds);
        }

        public Claim withCues(List<String> cues) {
            return new Claim(id, start, end, types, worthiness, why, cues, sourceIds);
        }

        public Claim withSourceIds(List<String> sourceIds) {
            return new Claim(id, start, end, types, worthiness, why, cues, sourceIds);
        }
    }

    /**
     * A source the article cites.
     *
     * @param alsoAcceptedKinds other kinds a student may give, with {@code kindWhy} (kept from a
     *     copied pack key; the editor shows them but does not ask for them)
     * @param relayedFrom for a secondary source, the outlet or source it was relayed from
     * @param mentions where the text names or points at it
     */
    public record Source(
            String id,
            String name,
            List<String> aliases,
            SourceKind kind,
            List<SourceKind> alsoAcceptedKinds,
            @Nullable String kindWhy,
            boolean primary,
            @Nullable String relayedFrom,
            List<Span> mentions) {
        public Source {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
            alsoAcceptedKinds = alsoAcceptedKinds == null ? List.of() : List.copyOf(alsoAcceptedKinds);
            mentions = mentions == null ? List.of() : List.copyOf(mentions);
        }
    }
}
