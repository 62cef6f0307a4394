package org.lateral.library.pack;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.base.AnchoredSpan;
import org.lateral.library.ClaimType;
import org.lateral.library.OutletKind;
import org.lateral.library.PublicationDate;
import org.lateral.library.SourceKind;

/** A whole exercise pack, read and checked: every key span already resolved in its article. */
public record SeedPack(
        String name,
        Manifest manifest,
        List<Outlet> outlets,
        List<CitedOutlet> citedOutlets,
        List<Article> articles,
        List<Key> keys,
        @Nullable Comparison comparison) {

    public SeedPack {
        outlets = List.copyOf(outlets);
        citedOutlets = List.copyOf(citedOutlets);
        articles = List.copyOf(articles);
        keys = List.copyOf(keys);
    }

    /**
     * The pack's story set. The maturity note, age band, analysis note and support note are shown
     * to teachers wherever they choose or read an article of the set.
     */
    public record Manifest(
            UUID id,
            String title,
            String description,
            String maturity,
            @Nullable String ageBand,
            @Nullable String analysisNote,
            @Nullable String supportNote,
            List<String> articleOrder) {
        public Manifest {
            articleOrder = List.copyOf(articleOrder);
        }
    }

    public record Outlet(
            UUID id,
            String slug,
            String name,
            OutletKind kind,
            @Nullable String country,
            @Nullable String ownership,
            @Nullable String ownershipSource,
            @Nullable String publisher,
            @Nullable String publisherSource,
            @Nullable String description,
            @Nullable String homeUrl,
            List<OutletFact> facts) {
        public Outlet {
            facts = List.copyOf(facts);
        }
    }

    /** A sourced fact about an outlet, and what the outlet says about it (with its source), if anything. */
    public record OutletFact(
            String fact,
            String source,
            @Nullable String response,
            @Nullable String responseSource) {}

    /** An outlet the articles cite that is not one of the pack's own outlets (e.g. The Daily Mail). */
    public record CitedOutlet(
            String name, List<String> aliases, @Nullable String url) {
        public CitedOutlet {
            aliases = List.copyOf(aliases);
        }
    }

    public record Article(
            String slug,
            UUID id,
            String outletSlug,
            @Nullable String byline,
            PublicationDate published,
            @Nullable String originalUrl,
            @Nullable String originalUrlSource,
            @Nullable String contentNote,
            String language,
            String sourceFile,
            List<String> removed,
            String canonicalText) {
        public Article {
            removed = List.copyOf(removed);
        }
    }

    public enum KeyStatus {
        COMPLETE,
        DRAFT
    }

    /**
     * @param changes what this version corrects, for the teachers whose assignments are offered it
     *     ("" when the key says nothing)
     */
    public record Key(
            String articleSlug,
            UUID id,
            KeyStatus status,
            String changes,
            String notes,
            List<Claim> claims,
            List<Source> sources) {
        public Key {
            claims = List.copyOf(claims);
            sources = List.copyOf(sources);
        }
    }

    public record Claim(
            String id,
            AnchoredSpan span,
            Set<ClaimType> types,
            int worthiness,
            String why,
            List<String> cues,
            List<String> sourceIds) {
        public Claim {
            types = Set.copyOf(types);
            cues = List.copyOf(cues);
            sourceIds = List.copyOf(sourceIds);
        }
    }

    public enum Origin {
        PRIMARY,
        SECONDARY
    }

    public record Source(
            String id,
            String name,
            List<String> aliases,
            SourceKind kind,
            List<SourceKind> alsoAcceptedKinds,
            @Nullable String kindWhy,
            Origin origin,
            @Nullable String relayedFrom,
            List<AnchoredSpan> attributions) {
        public Source {
            aliases = List.copyOf(aliases);
            alsoAcceptedKinds = List.copyOf(alsoAcceptedKinds);
            attributions = List.copyOf(attributions);
        }
    }

    public enum Reporting {
        ORIGINAL,
        RELAY,
        MIXED
    }

    /**
     * The story set's comparison key. {@code coreClaims} and {@code rubric} came with the compare
     * exercise; a pack written before it has neither and reads with both empty.
     */
    public record Comparison(
            UUID id, List<ComparisonEntry> entries, List<CoreClaim> coreClaims, List<RubricLevel> rubric) {
        public Comparison {
            entries = List.copyOf(entries);
            coreClaims = List.copyOf(coreClaims);
            rubric = List.copyOf(rubric);
        }

        /** A comparison key without the compare exercise's fields (the format before issue 14). */
        public Comparison(UUID id, List<ComparisonEntry> entries) {
            this(id, entries, List.of(), List.of());
        }
    }

    /**
     * One article's row of the comparison grid. {@code framing} (with the other categories a
     * student may defend, and why) and {@code outletKindNote} are null or empty in a pack written
     * before the compare exercise.
     */
    public record ComparisonEntry(
            String articleSlug,
            String headlineFraming,
            SourceCount namedSources,
            SourceCount anonymousSources,
            List<String> hedges,
            List<String> loadedWords,
            Reporting reporting,
            List<String> relayedFrom,
            String omissions,
            String notes,
            @Nullable Framing framing,
            List<Framing> framingAlsoAccepted,
            @Nullable String framingWhy,
            @Nullable String outletKindNote) {
        public ComparisonEntry {
            hedges = List.copyOf(hedges);
            loadedWords = List.copyOf(loadedWords);
            relayedFrom = List.copyOf(relayedFrom);
            framingAlsoAccepted = List.copyOf(framingAlsoAccepted);
        }

        /** An entry without the compare exercise's fields (the format before issue 14). */
        public ComparisonEntry(
                String articleSlug,
                String headlineFraming,
                SourceCount namedSources,
                SourceCount anonymousSources,
                List<String> hedges,
                List<String> loadedWords,
                Reporting reporting,
                List<String> relayedFrom,
                String omissions,
                String notes) {
            this(
                    articleSlug,
                    headlineFraming,
                    namedSources,
                    anonymousSources,
                    hedges,
                    loadedWords,
                    reporting,
                    relayedFrom,
                    omissions,
                    notes,
                    null,
                    List.of(),
                    null,
                    null);
        }
    }

    /** How a headline frames its story, as a category a student picks. */
    public enum Framing {
        NEUTRAL,
        HEDGED,
        SENSATIONAL,
        QUESTION;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Framing> fromCode(String code) {
            for (Framing f : values()) {
                if (f.code().equals(code)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * How an article carries a core claim: stated in its own voice, credited to someone, with an
     * uncertainty cue, or not at all.
     */
    public enum Carrying {
        FACT,
        ATTRIBUTED,
        HEDGED,
        ABSENT;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Carrying> fromCode(String code) {
            for (Carrying c : values()) {
                if (c.code().equals(code)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * A claim of the story, for the claims-by-outlets matrix, with how every article of the set
     * carries it (in the set's article order).
     */
    public record CoreClaim(String id, String claim, List<CarriedBy> carriedBy) {
        public CoreClaim {
            carriedBy = List.copyOf(carriedBy);
        }

        public Optional<CarriedBy> in(String articleSlug) {
            return carriedBy.stream()
                    .filter(c -> c.articleSlug().equals(articleSlug))
                    .findFirst();
        }
    }

    /**
     * One cell of the matrix: the key's answer, the other answers a careful student may give and
     * why, and the article's words that carry the claim (resolved in its canonical text; null
     * when the claim is absent and no other answer is accepted).
     */
    public record CarriedBy(
            String articleSlug,
            Carrying how,
            List<Carrying> alsoAccepted,
            @Nullable String why,
            @Nullable AnchoredSpan quote) {
        public CarriedBy {
            alsoAccepted = List.copyOf(alsoAccepted);
        }
    }

    /** A level of the rubric for the closing judgement, 0 (lowest) to 3. */
    public record RubricLevel(int level, String name, String descriptor) {}

    /**
     * How many sources of a kind an article has: exactly {@code min} when {@code max} is null, else
     * between the two (when the text does not allow an exact count).
     */
    public record SourceCount(int min, @Nullable Integer max) {
        public SourceCount {
            if (min < 0 || (max != null && max < min)) {
                throw new IllegalArgumentException("A source count needs 0 <= min <= max");
            }
            if (max != null && max == min) {
                max = null;
            }
        }

        public static SourceCount exactly(int count) {
            return new SourceCount(count, null);
        }
    }
}
