package org.lateral.library.pack;

import java.util.List;
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

    public record Comparison(UUID id, List<ComparisonEntry> entries) {
        public Comparison {
            entries = List.copyOf(entries);
        }
    }

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
            String notes) {
        public ComparisonEntry {
            hedges = List.copyOf(hedges);
            loadedWords = List.copyOf(loadedWords);
            relayedFrom = List.copyOf(relayedFrom);
        }
    }

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
