package org.lateral.library.suggest;

import java.util.List;
import java.util.Set;
import org.lateral.library.ClaimType;
import org.lateral.library.SourceKind;

/**
 * What the suggester proposes for one canonical text. Offsets are UTF-16 code units into that
 * text, like every span in Lateral; every item names the cue that fired so the teacher can judge it.
 */
public record Suggestions(List<ProposedClaim> claims, List<ProposedSource> sources, List<LoadedPhrase> loaded) {

    public Suggestions {
        claims = List.copyOf(claims);
        sources = List.copyOf(sources);
        loaded = List.copyOf(loaded);
    }

    /**
     * A proposed key claim: a sentence or a clause.
     *
     * @param types every type a rule points at (a "may" is both hedged and speculation)
     * @param worthiness 1 (minor) to 3 (central), from how many kinds of checkable signal it carries
     * @param cue the words that fired the main rule, as they appear in the text
     * @param why one line for the teacher: which rule fired and what it means
     */
    public record ProposedClaim(
            int start, int end, String exact, Set<ClaimType> types, int worthiness, String cue, String why) {
        public ProposedClaim {
            types = Set.copyOf(types);
        }
    }

    /**
     * A proposed source: a name, the places the text points at it, its kind and the cue of its first
     * mention.
     */
    public record ProposedSource(String name, SourceKind kind, String cue, List<Mention> mentions) {
        public ProposedSource {
            mentions = List.copyOf(mentions);
        }
    }

    /** Where the text points at a source, and the rule that found it. */
    public record Mention(int start, int end, String exact, String cue) {}

    /** An emotive word or intensifier, for the comparison's loaded language. */
    public record LoadedPhrase(int start, int end, String exact) {}
}
