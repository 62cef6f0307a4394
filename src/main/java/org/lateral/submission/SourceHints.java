package org.lateral.submission;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.lateral.library.SourceKind;
import org.lateral.submission.scoring.Scoring.Span;
import org.lateral.submission.scoring.SourceScoring.Answer;
import org.lateral.submission.scoring.SourceScoring.Key;
import org.lateral.submission.scoring.SourceScoring.KeySource;
import org.lateral.submission.scoring.SourceScoring.LinkOutcome;
import org.lateral.submission.scoring.SourceScoring.LinkVerdict;
import org.lateral.submission.scoring.SourceScoring.Origin;
import org.lateral.submission.scoring.SourceScoring.Result;
import org.lateral.submission.scoring.SourceScoring.SourceMatch;
import org.lateral.submission.scoring.SourceScoring.StudentSource;

/**
 * What a student sees of an attempt of the "Who says so?" step while a revision is still
 * possible (DD006): counts, the paragraphs to read again, and their own sources with what to
 * re-check, never the key. No field here can hold a key source's name, alias, kind, kind_why,
 * attribution span or quote, or a key claim's text: the only names are the student's own.
 *
 * @param score the rules' score of the attempt
 * @param keySources how many sources the key has
 * @param found how many of them the student found
 * @param kindsToCheck how many found sources have a kind the key does not accept
 * @param originsToCheck how many found sources have an origin the key does not give
 * @param claimsToRelink how many claims in scope have links that differ from the key's
 * @param missedParagraphs per missed key source, the paragraphs its attributions are in (0 is the
 *     headline), in the order of their first paragraph
 * @param yourSources the student's own sources, in their order, with what to re-check
 */
public record SourceHints(
        double score,
        int keySources,
        int found,
        int kindsToCheck,
        int originsToCheck,
        int claimsToRelink,
        List<MissedHint> missedParagraphs,
        List<OwnSource> yourSources) {

    /** The same hints with the score that counts (a teacher's override of the rules' score). */
    public SourceHints withScore(double counted) {
        return new SourceHints(
                counted,
                keySources,
                found,
                kindsToCheck,
                originsToCheck,
                claimsToRelink,
                missedParagraphs,
                yourSources);
    }

    public SourceHints {
        missedParagraphs = List.copyOf(missedParagraphs);
        yourSources = List.copyOf(yourSources);
    }

    public int missed() {
        return keySources - found;
    }

    /** A source still to find: only where to read, in paragraph numbers. */
    public record MissedHint(List<Integer> paragraphs) {
        public MissedHint {
            paragraphs = List.copyOf(paragraphs);
        }
    }

    /**
     * One of the student's sources as they gave it.
     *
     * @param matched it is one of the key's sources
     * @param checkKind matched, but the key does not accept its kind
     * @param checkOrigin matched, but the key gives another origin
     */
    public record OwnSource(
            String name,
            @Nullable SourceKind kind,
            @Nullable Origin origin,
            @Nullable String relayedFrom,
            boolean matched,
            boolean checkKind,
            boolean checkOrigin) {}

    /**
     * Keeps of a scored attempt only what may be shown while a revision is possible. The key stays
     * with the caller: only counts and paragraph numbers are taken from it.
     *
     * @param paragraphStarts the start offset of every paragraph of the canonical text, in order
     *     (index 0 is the headline), as {@code CanonicalText.paragraphs} gives them
     */
    public static SourceHints of(Key key, Answer answer, Result result, List<Integer> paragraphStarts) {
        Map<String, KeySource> keySources = new HashMap<>();
        key.sources().forEach(k -> keySources.put(k.id(), k));
        List<MissedHint> missed = new ArrayList<>();
        for (String id : result.missedSources()) {
            Set<Integer> paragraphs = new TreeSet<>();
            for (Span a : keySources.get(id).attributions()) {
                paragraphs.add(paragraphOf(paragraphStarts, a.start()));
            }
            missed.add(new MissedHint(List.copyOf(paragraphs)));
        }
        missed.sort((a, b) -> Integer.compare(first(a), first(b)));

        Map<String, SourceMatch> matchOf = new HashMap<>();
        result.matches().forEach(m -> matchOf.put(m.studentSourceId(), m));
        List<OwnSource> own = new ArrayList<>();
        for (StudentSource s : answer.sources()) {
            SourceMatch m = matchOf.get(s.id());
            own.add(new OwnSource(
                    s.name(),
                    s.kind(),
                    s.origin(),
                    s.relayedFrom(),
                    m != null,
                    m != null && !m.kindAccepted(),
                    m != null && !m.originRight()));
        }

        Set<String> relink = new TreeSet<>();
        for (LinkOutcome l : result.links()) {
            if (l.keyClaimId() != null && l.verdict() != LinkVerdict.RIGHT && l.verdict() != LinkVerdict.NOT_SCORED) {
                relink.add(l.keyClaimId());
            }
        }
        return new SourceHints(
                result.score(),
                key.sources().size(),
                result.matches().size(),
                result.wrongKind().size(),
                result.wrongOrigin().size(),
                relink.size(),
                missed,
                own);
    }

    private static int first(MissedHint h) {
        return h.paragraphs().isEmpty() ? Integer.MAX_VALUE : h.paragraphs().getFirst();
    }

    /** The paragraph an offset falls in: the last one that starts at or before it. */
    static int paragraphOf(List<Integer> paragraphStarts, int offset) {
        int index = 0;
        for (int i = 0; i < paragraphStarts.size(); i++) {
            if (paragraphStarts.get(i) > offset) {
                break;
            }
            index = i;
        }
        return index;
    }
}
