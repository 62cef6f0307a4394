package org.lateral.submission;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lateral.library.LibraryPins;
import org.lateral.submission.scoring.CompareScoring;
import org.lateral.submission.scoring.Scoring.Span;
import org.lateral.submission.scoring.SourceScoring.Outlet;

/**
 * A stored comparison key as the compare rules take it (DD014): articles named by their article
 * version id, and each hedge or loaded word the key quotes found wherever it occurs in the article
 * (its first place is the key's span, the others alternatives), since a student may pick any of
 * them. Pure, so the step's grader and tests build the same key.
 */
final class CompareKeys {

    private CompareKeys() {}

    /**
     * @param texts each article version's canonical text
     * @throws IllegalArgumentException when a quoted word is not in its article (a broken key)
     */
    static CompareScoring.Key of(LibraryPins.ComparisonKey stored, Map<UUID, String> texts) {
        List<CompareScoring.KeyArticle> articles = new ArrayList<>();
        for (LibraryPins.ComparisonArticle a : stored.articles()) {
            String text = texts.get(a.articleVersionId());
            Set<CompareScoring.Framing> also = EnumSet.noneOf(CompareScoring.Framing.class);
            a.framingAlsoAccepted().forEach(f -> also.add(framing(f)));
            // A key from before framing categories (V0013) names none: any framing is then right,
            // rather than a category the key never chose counting against the student.
            articles.add(new CompareScoring.KeyArticle(
                    a.articleVersionId().toString(),
                    a.framing() == null ? CompareScoring.Framing.NEUTRAL : framing(a.framing()),
                    a.framing() == null ? EnumSet.allOf(CompareScoring.Framing.class) : also,
                    CompareScoring.Count.between(a.namedMin(), a.namedMax()),
                    CompareScoring.Count.between(a.anonymousMin(), a.anonymousMax()),
                    a.hedges().stream().map(h -> spans(text, h)).toList(),
                    a.loadedWords().stream().map(w -> spans(text, w)).toList(),
                    CompareScoring.Reporting.valueOf(a.reporting().toUpperCase(Locale.ROOT)),
                    Set.of(),
                    a.relayedFrom().stream().map(o -> new Outlet(o, List.of())).toList()));
        }
        List<CompareScoring.CoreClaim> claims = new ArrayList<>();
        for (LibraryPins.ComparisonClaim c : stored.claims()) {
            Map<String, CompareScoring.KeyCell> cells = new LinkedHashMap<>();
            c.cells().forEach((version, cell) -> {
                Set<CompareScoring.Carriage> also = EnumSet.noneOf(CompareScoring.Carriage.class);
                cell.alsoAccepted().forEach(x -> also.add(carriage(x)));
                cells.put(version.toString(), new CompareScoring.KeyCell(carriage(cell.how()), also));
            });
            claims.add(new CompareScoring.CoreClaim(c.id(), cells));
        }
        return new CompareScoring.Key(articles, claims, stored.rubricMaxLevel());
    }

    static CompareScoring.KeySpan spans(String text, String words) {
        List<Span> all = new ArrayList<>();
        for (int at = text.indexOf(words); at >= 0 && !words.isEmpty(); at = text.indexOf(words, at + 1)) {
            all.add(new Span(at, at + words.length()));
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("The key quotes words its article does not have: " + words);
        }
        return new CompareScoring.KeySpan(all.getFirst(), all.subList(1, all.size()));
    }

    private static CompareScoring.Framing framing(String code) {
        return CompareScoring.Framing.valueOf(code.toUpperCase(Locale.ROOT));
    }

    private static CompareScoring.Carriage carriage(String code) {
        return CompareScoring.Carriage.valueOf(code.toUpperCase(Locale.ROOT));
    }
}
