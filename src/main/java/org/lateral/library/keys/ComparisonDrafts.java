package org.lateral.library.keys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.lateral.base.AnchoredSpan;
import org.lateral.base.UserFacingException;
import org.lateral.base.i18n.KeyedText;
import org.lateral.library.pack.SeedPack;

/**
 * What the comparison key editor does to a draft, as pure functions (DD021, "Comparison keys"):
 * changes that return a new draft, the limits every saved draft keeps, what publishing still
 * needs, and the comparison key version a draft publishes as.
 *
 * <p>Every CHECK of the comparison tables (V0003, V0008, V0013) is kept by one of the two: what a
 * teacher can never make right later (an unknown category, a count below zero, a maximum below
 * the minimum, a text too long, more than ten rubric levels) is refused when saving; what a draft
 * may still lack while it is written (a category not chosen yet, an "also accepted" without its
 * why, a carriage without its quote, a quote not in the article, a rubric level without a name) is
 * a publish problem, so the editor never makes the teacher fill fields in a set order.
 */
public final class ComparisonDrafts {

    public static final List<String> FRAMINGS = List.of("neutral", "hedged", "sensational", "question");
    public static final List<String> REPORTING = List.of("original", "relay", "mixed");
    public static final List<String> CARRYING = List.of("fact", "attributed", "hedged", "absent");

    public static final int MAX_CLAIMS = 20;
    /** comparison_rubric_level.level is 0 to 9. */
    public static final int MAX_LEVELS = 10;

    public static final int MIN_LEVELS = 2;
    public static final int MAX_TEXT = 4000;
    public static final int MAX_CLAIM = 1000;
    public static final int MAX_LEVEL_NAME = 200;
    public static final int MAX_DESCRIPTOR = 2000;
    public static final int MAX_QUOTE = 2000;
    public static final int MAX_WORDS = 40;
    public static final int MAX_WORD = 200;
    public static final int MAX_COUNT = 999;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private ComparisonDrafts() {}

    /** An article of the story set, in the set's order, with its current text. */
    public record SetArticle(UUID articleId, String title, String text) {}

    // --- changes ---------------------------------------------------------------------------

    /** The article's row; a blank one when the draft has none yet. */
    public static ComparisonDraft.Entry entry(ComparisonDraft draft, UUID articleId) {
        return draft.entries().stream()
                .filter(e -> e.articleId().equals(articleId))
                .findFirst()
                .orElseGet(() -> ComparisonDraft.Entry.blank(articleId));
    }

    /** Changes the article's row, adding it when the draft has none yet. */
    public static ComparisonDraft updateEntry(
            ComparisonDraft draft, UUID articleId, UnaryOperator<ComparisonDraft.Entry> change) {
        List<ComparisonDraft.Entry> entries = new ArrayList<>();
        boolean found = false;
        for (ComparisonDraft.Entry e : draft.entries()) {
            if (e.articleId().equals(articleId)) {
                entries.add(change.apply(e));
                found = true;
            } else {
                entries.add(e);
            }
        }
        if (!found) {
            entries.add(change.apply(ComparisonDraft.Entry.blank(articleId)));
        }
        return new ComparisonDraft(entries, draft.claims(), draft.rubric());
    }

    /** A new core claim with nothing written yet. */
    public static ComparisonDraft addClaim(ComparisonDraft draft) {
        List<ComparisonDraft.CoreClaim> claims = new ArrayList<>(draft.claims());
        claims.add(new ComparisonDraft.CoreClaim(
                KeyDrafts.nextId(
                        "k",
                        draft.claims().stream()
                                .map(ComparisonDraft.CoreClaim::id)
                                .toList()),
                "",
                List.of()));
        return new ComparisonDraft(draft.entries(), claims, draft.rubric());
    }

    public static ComparisonDraft updateClaim(
            ComparisonDraft draft, String claimId, UnaryOperator<ComparisonDraft.CoreClaim> change) {
        return new ComparisonDraft(
                draft.entries(),
                draft.claims().stream()
                        .map(c -> c.id().equals(claimId) ? change.apply(c) : c)
                        .toList(),
                draft.rubric());
    }

    public static ComparisonDraft removeClaim(ComparisonDraft draft, String claimId) {
        return new ComparisonDraft(
                draft.entries(),
                draft.claims().stream().filter(c -> !c.id().equals(claimId)).toList(),
                draft.rubric());
    }

    /** How the article carries the claim; an undecided cell when the claim has none for it yet. */
    public static ComparisonDraft.Carriage carriage(ComparisonDraft.CoreClaim claim, UUID articleId) {
        return claim.carriages().stream()
                .filter(c -> c.articleId().equals(articleId))
                .findFirst()
                .orElseGet(() -> new ComparisonDraft.Carriage(articleId, "", List.of(), "", "", null));
    }

    /** Changes one cell of the matrix, adding it when the claim has none for the article yet. */
    public static ComparisonDraft updateCarriage(
            ComparisonDraft draft, String claimId, UUID articleId, UnaryOperator<ComparisonDraft.Carriage> change) {
        return updateClaim(draft, claimId, c -> {
            List<ComparisonDraft.Carriage> cells = new ArrayList<>();
            boolean found = false;
            for (ComparisonDraft.Carriage cell : c.carriages()) {
                if (cell.articleId().equals(articleId)) {
                    cells.add(change.apply(cell));
                    found = true;
                } else {
                    cells.add(cell);
                }
            }
            if (!found) {
                cells.add(change.apply(carriage(c, articleId)));
            }
            return new ComparisonDraft.CoreClaim(c.id(), c.claim(), cells);
        });
    }

    public static ComparisonDraft addLevel(ComparisonDraft draft) {
        List<ComparisonDraft.Level> rubric = new ArrayList<>(draft.rubric());
        rubric.add(new ComparisonDraft.Level("", ""));
        return new ComparisonDraft(draft.entries(), draft.claims(), rubric);
    }

    public static ComparisonDraft updateLevel(
            ComparisonDraft draft, int level, UnaryOperator<ComparisonDraft.Level> change) {
        List<ComparisonDraft.Level> rubric = new ArrayList<>(draft.rubric());
        if (level >= 0 && level < rubric.size()) {
            rubric.set(level, change.apply(rubric.get(level)));
        }
        return new ComparisonDraft(draft.entries(), draft.claims(), rubric);
    }

    /** Removes a level; the levels above it move down one, so the numbers stay 0, 1, 2, … */
    public static ComparisonDraft removeLevel(ComparisonDraft draft, int level) {
        List<ComparisonDraft.Level> rubric = new ArrayList<>(draft.rubric());
        if (level >= 0 && level < rubric.size()) {
            rubric.remove(level);
        }
        return new ComparisonDraft(draft.entries(), draft.claims(), rubric);
    }

    /** Words typed as a comma list ("reportedly, is believed to"), trimmed, blanks and repeats left out. */
    public static List<String> words(String typed) {
        return List.copyOf(Arrays.stream(typed.split(","))
                .map(String::strip)
                .filter(w -> !w.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    /** The draft without rows and cells of articles that are no longer in the set. */
    public static ComparisonDraft inSet(ComparisonDraft draft, List<SetArticle> articles) {
        Set<UUID> ids = articles.stream().map(SetArticle::articleId).collect(Collectors.toSet());
        return new ComparisonDraft(
                draft.entries().stream()
                        .filter(e -> ids.contains(e.articleId()))
                        .toList(),
                draft.claims().stream()
                        .map(c -> new ComparisonDraft.CoreClaim(
                                c.id(),
                                c.claim(),
                                c.carriages().stream()
                                        .filter(x -> ids.contains(x.articleId()))
                                        .toList()))
                        .toList(),
                draft.rubric());
    }

    // --- limits ------------------------------------------------------------------------------

    /**
     * Refuses, with the sentence the teacher sees (a translation key, DD034), a draft that no later
     * edit could make publishable or that would not fit the tables. Nothing is saved when this
     * throws.
     */
    public static void checkLimits(ComparisonDraft draft, List<SetArticle> articles) {
        Map<UUID, SetArticle> byId = articles.stream().collect(Collectors.toMap(SetArticle::articleId, a -> a));
        Set<UUID> seen = new HashSet<>();
        for (ComparisonDraft.Entry e : draft.entries()) {
            SetArticle article = byId.get(e.articleId());
            if (article == null) {
                throw UserFacingException.of("library.comparison.refusal.articleNotInSet");
            }
            String title = article.title();
            if (!seen.add(e.articleId())) {
                throw UserFacingException.of("library.comparison.refusal.twoRows", title);
            }
            if (!e.framing().isEmpty() && !FRAMINGS.contains(e.framing())) {
                throw UserFacingException.of("library.comparison.refusal.framing", title);
            }
            if (!FRAMINGS.containsAll(e.framingAlsoAccepted())
                    || new HashSet<>(e.framingAlsoAccepted()).size()
                            != e.framingAlsoAccepted().size()) {
                throw UserFacingException.of("library.comparison.refusal.framingAlso", title);
            }
            if (!e.reporting().isEmpty() && !REPORTING.contains(e.reporting())) {
                throw UserFacingException.of("library.comparison.refusal.reporting", title);
            }
            checkCount(
                    e.named(),
                    e.namedMax(),
                    "library.comparison.refusal.namedCount",
                    "library.comparison.refusal.namedMax",
                    title);
            checkCount(
                    e.anonymous(),
                    e.anonymousMax(),
                    "library.comparison.refusal.anonymousCount",
                    "library.comparison.refusal.anonymousMax",
                    title);
            checkText(e.headlineFraming(), MAX_TEXT, "library.comparison.refusal.headlineFramingTooLong", title);
            checkText(e.framingWhy(), MAX_TEXT, "library.comparison.refusal.framingWhyTooLong", title);
            checkText(e.outletKindNote(), MAX_TEXT, "library.comparison.refusal.outletNoteTooLong", title);
            checkText(e.omissions(), MAX_TEXT, "library.comparison.refusal.omissionsTooLong", title);
            checkText(e.notes(), MAX_TEXT, "library.comparison.refusal.notesTooLong", title);
            checkWords(
                    e.hedges(),
                    "library.comparison.refusal.tooManyHedges",
                    "library.comparison.refusal.hedgeTooLong",
                    title);
            checkWords(
                    e.loadedWords(),
                    "library.comparison.refusal.tooManyLoadedWords",
                    "library.comparison.refusal.loadedWordTooLong",
                    title);
            checkWords(
                    e.relayedFrom(),
                    "library.comparison.refusal.tooManyRelayed",
                    "library.comparison.refusal.relayedTooLong",
                    title);
        }
        if (draft.claims().size() > MAX_CLAIMS) {
            throw UserFacingException.of("library.comparison.refusal.tooManyClaims", MAX_CLAIMS);
        }
        Set<String> ids = new HashSet<>();
        int number = 0;
        for (ComparisonDraft.CoreClaim c : draft.claims()) {
            number++;
            if (!ID.matcher(c.id()).matches() || !ids.add(c.id())) {
                throw UserFacingException.of("library.comparison.refusal.claimId", number);
            }
            if (c.claim().length() > MAX_CLAIM) {
                throw UserFacingException.of("library.comparison.refusal.claimTooLong", number, MAX_CLAIM);
            }
            Set<UUID> cells = new HashSet<>();
            for (ComparisonDraft.Carriage x : c.carriages()) {
                SetArticle article = byId.get(x.articleId());
                if (article == null) {
                    throw UserFacingException.of("library.comparison.refusal.claimArticleNotInSet", number);
                }
                String title = article.title();
                if (!cells.add(x.articleId())) {
                    throw UserFacingException.of("library.comparison.refusal.cellTwice", number, title);
                }
                if (!x.how().isEmpty() && !CARRYING.contains(x.how())) {
                    throw UserFacingException.of("library.comparison.refusal.carrying", number, title);
                }
                if (!CARRYING.containsAll(x.alsoAccepted())
                        || new HashSet<>(x.alsoAccepted()).size()
                                != x.alsoAccepted().size()) {
                    throw UserFacingException.of("library.comparison.refusal.carryingAlso", number, title);
                }
                if (x.why().length() > MAX_TEXT) {
                    throw UserFacingException.of(
                            "library.comparison.refusal.carryingWhyTooLong", number, title, MAX_TEXT);
                }
                if (x.quote().length() > MAX_QUOTE) {
                    throw UserFacingException.of("library.comparison.refusal.quoteTooLong", number, title, MAX_QUOTE);
                }
                if (x.at() != null && x.at() < 0) {
                    throw UserFacingException.of("library.comparison.refusal.quotePlace", number, title);
                }
            }
        }
        if (draft.rubric().size() > MAX_LEVELS) {
            throw UserFacingException.of("library.comparison.refusal.tooManyLevels", MAX_LEVELS);
        }
        for (int level = 0; level < draft.rubric().size(); level++) {
            ComparisonDraft.Level l = draft.rubric().get(level);
            if (l.name().length() > MAX_LEVEL_NAME) {
                throw UserFacingException.of("library.comparison.refusal.levelNameTooLong", level, MAX_LEVEL_NAME);
            }
            if (l.descriptor().length() > MAX_DESCRIPTOR) {
                throw UserFacingException.of(
                        "library.comparison.refusal.levelDescriptorTooLong", level, MAX_DESCRIPTOR);
            }
        }
    }

    /** The article's count of named or anonymous sources; the keys take the title, then the limit. */
    private static void checkCount(int min, @Nullable Integer max, String countKey, String maxKey, String title) {
        if (min < 0 || min > MAX_COUNT) {
            throw UserFacingException.of(countKey, title, MAX_COUNT);
        }
        if (max != null && (max < min || max > MAX_COUNT)) {
            throw UserFacingException.of(maxKey, title);
        }
    }

    /** One of the article's texts; the key takes the title, then the limit. */
    private static void checkText(String value, int max, String key, String title) {
        if (value.length() > max) {
            throw UserFacingException.of(key, title, max);
        }
    }

    /** One of the article's word lists; the keys take the title, then the limit. */
    private static void checkWords(List<String> words, String tooManyKey, String tooLongKey, String title) {
        if (words.size() > MAX_WORDS) {
            throw UserFacingException.of(tooManyKey, title, MAX_WORDS);
        }
        for (String w : words) {
            if (w.isBlank() || w.length() > MAX_WORD) {
                throw UserFacingException.of(tooLongKey, title, MAX_WORD);
            }
        }
    }

    // --- publishing --------------------------------------------------------------------------

    /**
     * What the draft still needs before it can be published, as texts for the teacher (worded by
     * the page, DD034), in the order the page shows the fields; empty when it can be published.
     * Assumes {@link #checkLimits}.
     */
    public static List<KeyedText> publishProblems(ComparisonDraft draft, List<SetArticle> articles) {
        List<KeyedText> problems = new ArrayList<>();
        if (articles.size() < 2) {
            problems.add(KeyedText.of("library.comparison.problem.tooFewArticles", articles.size()));
        }
        for (SetArticle article : articles) {
            ComparisonDraft.Entry e = entry(draft, article.articleId());
            String title = article.title();
            if (e.framing().isEmpty()) {
                problems.add(KeyedText.of("library.comparison.problem.framing", title));
            }
            if (e.headlineFraming().isBlank()) {
                problems.add(KeyedText.of("library.comparison.problem.headlineFraming", title));
            }
            if (!e.framingAlsoAccepted().isEmpty() && e.framingWhy().isBlank()) {
                problems.add(KeyedText.of("library.comparison.problem.framingWhy", title));
            }
            if (e.reporting().isEmpty()) {
                problems.add(KeyedText.of("library.comparison.problem.reporting", title));
            }
            for (String hedge : e.hedges()) {
                if (!article.text().contains(hedge)) {
                    problems.add(KeyedText.of("library.comparison.problem.hedge", title, hedge));
                }
            }
            for (String word : e.loadedWords()) {
                if (!article.text().contains(word)) {
                    problems.add(KeyedText.of("library.comparison.problem.loadedWord", title, word));
                }
            }
        }
        int number = 0;
        for (ComparisonDraft.CoreClaim c : draft.claims()) {
            number++;
            if (c.claim().isBlank()) {
                problems.add(KeyedText.of("library.comparison.problem.claim", number));
            }
            for (SetArticle article : articles) {
                ComparisonDraft.Carriage x = carriage(c, article.articleId());
                String title = article.title();
                if (x.how().isEmpty()) {
                    problems.add(KeyedText.of("library.comparison.problem.how", number, title));
                    continue;
                }
                if (!x.alsoAccepted().isEmpty() && x.why().isBlank()) {
                    problems.add(KeyedText.of("library.comparison.problem.howWhy", number, title));
                }
                if (x.quote().isEmpty()) {
                    if (!x.how().equals("absent")) {
                        problems.add(KeyedText.of("library.comparison.problem.quote", number, title));
                    }
                } else if (place(article.text(), x).isEmpty()) {
                    problems.add(
                            KeyedText.of("library.comparison.problem.quoteNotFound", number, title, shown(x.quote())));
                }
            }
        }
        if (draft.rubric().size() < MIN_LEVELS) {
            problems.add(KeyedText.of("library.comparison.problem.rubric", MIN_LEVELS));
        }
        for (int level = 0; level < draft.rubric().size(); level++) {
            ComparisonDraft.Level l = draft.rubric().get(level);
            if (l.name().isBlank()) {
                problems.add(KeyedText.of("library.comparison.problem.levelName", level));
            }
            if (l.descriptor().isBlank()) {
                problems.add(KeyedText.of("library.comparison.problem.levelDescriptor", level));
            }
        }
        return problems;
    }

    /**
     * Where the cell's quote is in the text: at the place it was copied from when the text still
     * has it there, else its first place; empty when the text does not have it.
     */
    static Optional<Integer> place(String text, ComparisonDraft.Carriage x) {
        if (x.quote().isEmpty()) {
            return Optional.empty();
        }
        Integer at = x.at();
        if (at != null && at >= 0 && text.startsWith(x.quote(), at)) {
            return Optional.of(at);
        }
        int found = text.indexOf(x.quote());
        return found < 0 ? Optional.empty() : Optional.of(found);
    }

    private static String shown(String quote) {
        return quote.length() <= 60 ? quote : quote.substring(0, 59) + "\u2026";
    }

    /**
     * The comparison key version a publishable draft stores, in the pack's model so that it is
     * stored and hashed exactly as a pack's is (articles are named by id, the model's "slug").
     * Rows and cells follow the set's order; an "also accepted" that repeats the answer is left out.
     *
     * @throws IllegalArgumentException when {@link #publishProblems} is not empty
     */
    public static SeedPack.Comparison toComparison(
            ComparisonDraft draft, UUID comparisonKeyId, List<SetArticle> articles) {
        if (!publishProblems(draft, articles).isEmpty()) {
            throw new IllegalArgumentException("The draft is not ready to publish");
        }
        List<SeedPack.ComparisonEntry> entries = new ArrayList<>();
        for (SetArticle article : articles) {
            ComparisonDraft.Entry e = entry(draft, article.articleId());
            SeedPack.Framing framing = code(SeedPack.Framing::fromCode, e.framing());
            List<SeedPack.Framing> also = e.framingAlsoAccepted().stream()
                    .map(f -> code(SeedPack.Framing::fromCode, f))
                    .filter(f -> f != framing)
                    .toList();
            entries.add(new SeedPack.ComparisonEntry(
                    slug(article),
                    e.headlineFraming().strip(),
                    new SeedPack.SourceCount(e.named(), e.namedMax()),
                    new SeedPack.SourceCount(e.anonymous(), e.anonymousMax()),
                    e.hedges(),
                    e.loadedWords(),
                    SeedPack.Reporting.valueOf(e.reporting().toUpperCase(java.util.Locale.ROOT)),
                    e.relayedFrom(),
                    e.omissions().strip(),
                    e.notes().strip(),
                    framing,
                    also,
                    also.isEmpty() && e.framingWhy().isBlank()
                            ? null
                            : e.framingWhy().strip(),
                    e.outletKindNote().isBlank() ? null : e.outletKindNote().strip()));
        }
        List<SeedPack.CoreClaim> claims = new ArrayList<>();
        for (ComparisonDraft.CoreClaim c : draft.claims()) {
            List<SeedPack.CarriedBy> cells = new ArrayList<>();
            for (SetArticle article : articles) {
                ComparisonDraft.Carriage x = carriage(c, article.articleId());
                SeedPack.Carrying how = code(SeedPack.Carrying::fromCode, x.how());
                List<SeedPack.Carrying> also = x.alsoAccepted().stream()
                        .map(a -> code(SeedPack.Carrying::fromCode, a))
                        .filter(a -> a != how)
                        .toList();
                AnchoredSpan quote = place(article.text(), x)
                        .map(at -> AnchoredSpan.of(
                                article.text(), at, at + x.quote().length()))
                        .orElse(null);
                cells.add(new SeedPack.CarriedBy(
                        slug(article),
                        how,
                        also,
                        x.why().isBlank() ? null : x.why().strip(),
                        quote));
            }
            claims.add(new SeedPack.CoreClaim(c.id(), c.claim().strip(), cells));
        }
        List<SeedPack.RubricLevel> rubric = new ArrayList<>();
        for (int level = 0; level < draft.rubric().size(); level++) {
            ComparisonDraft.Level l = draft.rubric().get(level);
            rubric.add(new SeedPack.RubricLevel(
                    level, l.name().strip(), l.descriptor().strip()));
        }
        return new SeedPack.Comparison(comparisonKeyId, entries, claims, rubric);
    }

    /** The name {@link #toComparison} gives an article, which the article versions are mapped by. */
    public static String slug(SetArticle article) {
        return article.articleId().toString();
    }

    private static <T> T code(Function<String, Optional<T>> parse, String code) {
        return parse.apply(code).orElseThrow(() -> new IllegalArgumentException("Unknown code " + code));
    }
}
