package org.lateral.library.pack;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.lateral.base.AnchoredSpan;
import org.lateral.library.ClaimType;
import org.lateral.library.OutletKind;
import org.lateral.library.PublicationDate;
import org.lateral.library.SourceKind;
import org.lateral.library.pack.SeedPack.Carrying;
import org.lateral.library.pack.SeedPack.Framing;
import org.lateral.library.pack.SeedPack.KeyStatus;
import org.lateral.library.pack.SeedPack.Origin;
import org.lateral.library.pack.SeedPack.Reporting;
import org.lateral.library.text.CanonicalText;
import org.lateral.library.text.QuoteMatcher;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a pack in the format of seeds/README.md and checks all of it before anything is stored:
 * every file parses, every reference (outlet, article, source) exists, every key quote resolves
 * to exactly one place in its article's canonical text. All problems are collected and reported
 * together, each naming its file and item, so a pack author fixes them in one pass.
 */
public final class SeedPackReader {

    static final int MAX_ARTICLE_CHARS = 200_000;

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private SeedPackReader() {}

    // The files as written; checked and converted below.
    record RawManifest(
            @Nullable UUID id,
            @Nullable String title,
            @Nullable String description,
            @Nullable String maturity,
            @Nullable String ageBand,
            @Nullable String analysisNote,
            @Nullable String supportNote,
            @Nullable List<String> articles) {}

    record RawOutlets(
            @Nullable List<RawOutlet> outlets, @Nullable List<RawCitedOutlet> citedOutlets) {}

    record RawCitedOutlet(
            @Nullable String name,
            @Nullable List<String> aliases,
            @Nullable String url) {}

    record RawFact(
            @Nullable String fact,
            @Nullable String source,
            @Nullable String response,
            @Nullable String responseSource) {}

    record RawOutlet(
            @Nullable String slug,
            @Nullable UUID id,
            @Nullable String name,
            @Nullable String kind,
            @Nullable String country,
            @Nullable String ownership,
            @Nullable String ownershipSource,
            @Nullable String publisher,
            @Nullable String publisherSource,
            @Nullable String description,
            @Nullable String url,
            @Nullable List<RawFact> facts) {}

    record RawFrontMatter(
            @Nullable UUID id,
            @Nullable String outlet,
            @Nullable String byline,
            @Nullable String published,
            @Nullable String publishedPrecision,
            @Nullable String publishedNote,
            @Nullable String originalUrl,
            @Nullable String originalUrlSource,
            @Nullable String contentNote,
            @Nullable String language,
            @Nullable String sourceFile,
            @Nullable List<String> removed) {}

    record RawKey(
            @Nullable UUID id,
            @Nullable String status,
            @Nullable String changes,
            @Nullable String notes,
            @Nullable List<RawClaim> claims,
            @Nullable List<RawSource> sources) {}

    record RawClaim(
            @Nullable String id,
            @Nullable String quote,
            @Nullable String prefix,
            @Nullable List<String> types,
            @Nullable Integer worthiness,
            @Nullable String why,
            @Nullable List<String> cues,
            @Nullable List<String> sources) {}

    record RawSource(
            @Nullable String id,
            @Nullable String name,
            @Nullable List<String> aliases,
            @Nullable String kind,
            @Nullable List<String> alsoAcceptedKinds,
            @Nullable String kindWhy,
            @Nullable String origin,
            @Nullable String relayedFrom,
            @Nullable List<RawQuote> attributions) {}

    record RawQuote(@Nullable String quote, @Nullable String prefix) {}

    record RawComparison(
            @Nullable UUID id,
            @Nullable List<RawEntry> articles,
            @Nullable List<RawCoreClaim> coreClaims,
            @Nullable List<RawRubricLevel> rubric) {}

    record RawCoreClaim(
            @Nullable String id,
            @Nullable String claim,
            @Nullable Map<String, RawCarried> carriedBy) {}

    record RawCarried(
            @Nullable String how,
            @Nullable List<String> alsoAccepted,
            @Nullable String why,
            @Nullable String quote,
            @Nullable String prefix) {}

    record RawRubricLevel(
            @Nullable Integer level,
            @Nullable String name,
            @Nullable String descriptor) {}

    record RawEntry(
            @Nullable String article,
            @Nullable String headlineFraming,
            // An integer or a range {min, max}.
            @Nullable Object namedSources,
            @Nullable Object anonymousSources,
            @Nullable List<String> hedges,
            @Nullable List<String> loadedWords,
            @Nullable String reporting,
            // A list of outlet names; a single string (the old form) is refused with a message.
            @Nullable Object relayedFrom,
            @Nullable String omissions,
            @Nullable String notes,
            // The compare exercise's fields (issue 14): optional, so older packs still read.
            @Nullable String framing,
            @Nullable List<String> framingAlsoAccepted,
            @Nullable String framingWhy,
            @Nullable String outletKindNote) {}

    /** Reads and checks a pack; throws {@link PackFormatException} listing every problem. */
    public static SeedPack read(PackFiles files) {
        Problems problems = new Problems();
        RawManifest rawManifest = parse(files, "pack.yaml", RawManifest.class, problems);
        RawOutlets rawOutlets = parse(files, "outlets.yaml", RawOutlets.class, problems);
        if (rawManifest == null || rawOutlets == null) {
            throw problems.failure(files.name());
        }

        SeedPack.Manifest manifest = manifest(rawManifest, problems);
        Map<String, SeedPack.Outlet> outlets = new HashMap<>();
        List<SeedPack.Outlet> outletList = new ArrayList<>();
        for (RawOutlet raw : orEmpty(rawOutlets.outlets())) {
            outlet(raw, problems).ifPresent(o -> {
                if (outlets.putIfAbsent(o.slug(), o) != null) {
                    problems.add("outlets.yaml", "outlet '" + o.slug() + "' is listed twice");
                } else {
                    outletList.add(o);
                }
            });
        }
        List<SeedPack.CitedOutlet> cited = new ArrayList<>();
        for (RawCitedOutlet raw : orEmpty(rawOutlets.citedOutlets())) {
            citedOutlet(raw, problems).ifPresent(cited::add);
        }
        // What a relayed_from may name: an outlet of the pack or a cited outlet, by name or alias.
        Set<String> outletNames = new HashSet<>();
        for (SeedPack.Outlet o : outletList) {
            if (!outletNames.add(o.name())) {
                problems.add("outlets.yaml", "the name '" + o.name() + "' is used by two outlets");
            }
        }
        for (SeedPack.CitedOutlet c : cited) {
            for (String name : concat(c.name(), c.aliases())) {
                if (!outletNames.add(name)) {
                    problems.add(
                            "outlets.yaml: cited outlet '" + c.name() + "'",
                            "the name '" + name + "' is already used by another outlet");
                }
            }
        }

        List<SeedPack.Article> articles = new ArrayList<>();
        List<SeedPack.Key> keys = new ArrayList<>();
        Map<String, String> texts = new HashMap<>();
        Set<UUID> ids = new HashSet<>();
        for (String slug : manifest.articleOrder()) {
            String articlePath = "articles/" + slug + ".txt";
            Optional<String> content = files.read(articlePath);
            if (content.isEmpty()) {
                problems.add(articlePath, "the file is missing (pack.yaml lists '" + slug + "')");
            }
            Optional<SeedPack.Article> article =
                    content.flatMap(c -> article(slug, articlePath, c, outlets.keySet(), problems));
            if (article.isEmpty()) {
                continue;
            }
            articles.add(article.get());
            texts.put(slug, article.get().canonicalText());
            if (!ids.add(article.get().id())) {
                problems.add(articlePath, "its id is used by another article");
            }
            String keyPath = "keys/" + slug + ".yaml";
            RawKey rawKey = files.read(keyPath).isPresent() ? parse(files, keyPath, RawKey.class, problems) : null;
            if (rawKey != null) {
                key(slug, keyPath, rawKey, article.get().canonicalText(), outletNames, problems)
                        .ifPresent(keys::add);
            }
        }

        SeedPack.Comparison comparison = null;
        if (files.read("comparison.yaml").isPresent()) {
            RawComparison raw = parse(files, "comparison.yaml", RawComparison.class, problems);
            if (raw != null) {
                comparison = comparison(raw, manifest.articleOrder(), texts, outletNames, problems);
            }
        }
        if (problems.any()) {
            throw problems.failure(files.name());
        }
        return new SeedPack(files.name(), manifest, outletList, cited, articles, keys, comparison);
    }

    private static SeedPack.Manifest manifest(RawManifest raw, Problems problems) {
        String file = "pack.yaml";
        List<String> order = orEmpty(raw.articles());
        if (order.isEmpty()) {
            problems.add(file, "lists no articles");
        }
        if (new HashSet<>(order).size() != order.size()) {
            problems.add(file, "lists an article twice");
        }
        return new SeedPack.Manifest(
                required(raw.id(), file, "id", problems, UUID.randomUUID()),
                required(raw.title(), file, "title", problems, ""),
                orBlank(raw.description()),
                required(raw.maturity(), file, "maturity", problems, ""),
                blankToNull(raw.ageBand()),
                blankToNull(raw.analysisNote()),
                blankToNull(raw.supportNote()),
                order);
    }

    private static Optional<SeedPack.Outlet> outlet(RawOutlet raw, Problems problems) {
        String where = "outlets.yaml: outlet '" + raw.slug() + "'";
        if (raw.slug() == null || !raw.slug().matches("[a-z0-9][a-z0-9-]{0,63}")) {
            problems.add(where, "needs a slug of lower-case letters, digits and dashes");
            return Optional.empty();
        }
        Optional<OutletKind> kind = raw.kind() == null ? Optional.empty() : OutletKind.fromCode(raw.kind());
        if (kind.isEmpty()) {
            problems.add(
                    where, "kind '" + raw.kind() + "' is not one of " + codes(OutletKind.values(), OutletKind::code));
        }
        String url = raw.url();
        if (url != null && !url.matches("https?://\\S+")) {
            problems.add(where, "url must start with http:// or https://");
        }
        List<SeedPack.OutletFact> facts = new ArrayList<>();
        int n = 0;
        for (RawFact f : orEmpty(raw.facts())) {
            String fact = where + ": fact " + ++n;
            if (blankToNull(f.fact()) == null || blankToNull(f.source()) == null) {
                problems.add(fact, "needs a 'fact' and its 'source'");
                continue;
            }
            if (blankToNull(f.response()) != null && blankToNull(f.responseSource()) == null) {
                problems.add(fact, "has a 'response' but no 'response_source' (where the outlet says so)");
                continue;
            }
            if (blankToNull(f.response()) == null && blankToNull(f.responseSource()) != null) {
                problems.add(fact, "has a 'response_source' but no 'response'");
                continue;
            }
            facts.add(new SeedPack.OutletFact(
                    f.fact().strip(), f.source().strip(), blankToNull(f.response()), blankToNull(f.responseSource())));
        }
        if (raw.id() == null || raw.name() == null || raw.name().isBlank()) {
            problems.add(where, "needs an id and a name");
            return Optional.empty();
        }
        return kind.map(k -> new SeedPack.Outlet(
                raw.id(),
                raw.slug(),
                raw.name().strip(),
                k,
                raw.country(),
                raw.ownership(),
                raw.ownershipSource(),
                blankToNull(raw.publisher()),
                blankToNull(raw.publisherSource()),
                raw.description(),
                url,
                facts));
    }

    private static Optional<SeedPack.CitedOutlet> citedOutlet(RawCitedOutlet raw, Problems problems) {
        String where = "outlets.yaml: cited outlet '" + raw.name() + "'";
        if (blankToNull(raw.name()) == null) {
            problems.add(where, "needs a name");
            return Optional.empty();
        }
        if (raw.url() != null && !raw.url().matches("https?://\\S+")) {
            problems.add(where, "url must start with http:// or https://");
            return Optional.empty();
        }
        List<String> aliases = orEmpty(raw.aliases()).stream()
                .filter(a -> a != null && !a.isBlank())
                .map(String::strip)
                .toList();
        return Optional.of(new SeedPack.CitedOutlet(raw.name().strip(), aliases, raw.url()));
    }

    private static Optional<SeedPack.Article> article(
            String slug, String file, String content, Set<String> outletSlugs, Problems problems) {
        String normalised = content.replace("\r\n", "\n");
        if (!normalised.startsWith("---\n")) {
            problems.add(file, "must start with front matter between two '---' lines");
            return Optional.empty();
        }
        int end = normalised.indexOf("\n---\n", 3);
        if (end < 0) {
            problems.add(file, "the front matter has no closing '---' line");
            return Optional.empty();
        }
        RawFrontMatter front;
        try {
            front = YAML.readValue(normalised.substring(4, end + 1), RawFrontMatter.class);
        } catch (JacksonException e) {
            problems.add(file, "front matter: " + e.getOriginalMessage());
            return Optional.empty();
        }
        String text = CanonicalText.normalise(normalised.substring(end + 5));
        int before = problems.count();
        if (text.isEmpty()) {
            problems.add(file, "has no text after the front matter");
        }
        if (text.length() > MAX_ARTICLE_CHARS) {
            problems.add(file, "the text is longer than " + MAX_ARTICLE_CHARS + " characters");
        }
        if (front.id() == null) {
            problems.add(file, "front matter needs an id");
        }
        if (front.outlet() == null || !outletSlugs.contains(front.outlet())) {
            problems.add(file, "outlet '" + front.outlet() + "' is not in outlets.yaml");
        }
        if (front.originalUrl() != null && !front.originalUrl().matches("https?://\\S+")) {
            problems.add(file, "original_url must start with http:// or https://");
        }
        if (front.originalUrl() != null && blankToNull(front.originalUrlSource()) == null) {
            problems.add(
                    file,
                    "original_url needs original_url_source: where the address was found (e.g. an archive capture)");
        }
        if (front.originalUrl() == null && front.originalUrlSource() != null) {
            problems.add(file, "original_url_source is set but original_url is not");
        }
        PublicationDate published = null;
        try {
            PublicationDate.Precision precision = PublicationDate.Precision.valueOf(
                    required(front.publishedPrecision(), file, "published_precision", problems, "day")
                            .toUpperCase(Locale.ROOT));
            published = PublicationDate.parse(
                    required(front.published(), file, "published", problems, "1970-01-01"),
                    precision,
                    front.publishedNote());
            if (precision == PublicationDate.Precision.APPROXIMATE && front.publishedNote() == null) {
                problems.add(file, "an approximate date needs a published_note saying how it was worked out");
            }
        } catch (IllegalArgumentException e) {
            problems.add(file, "published: " + e.getMessage());
        }
        if (problems.count() > before || published == null || front.id() == null || front.outlet() == null) {
            return Optional.empty();
        }
        return Optional.of(new SeedPack.Article(
                slug,
                front.id(),
                front.outlet(),
                front.byline(),
                published,
                front.originalUrl(),
                blankToNull(front.originalUrlSource()),
                blankToNull(front.contentNote()),
                orBlank(front.language()).isBlank() ? "en" : front.language(),
                orBlank(front.sourceFile()),
                orEmpty(front.removed()),
                text));
    }

    private static Optional<SeedPack.Key> key(
            String slug, String file, RawKey raw, String text, Set<String> outletNames, Problems problems) {
        int before = problems.count();
        Map<String, SeedPack.Source> sources = new HashMap<>();
        List<SeedPack.Source> sourceList = new ArrayList<>();
        for (RawSource s : orEmpty(raw.sources())) {
            String where = file + ": source '" + s.id() + "'";
            if (s.id() == null || s.name() == null || s.name().isBlank()) {
                problems.add(where, "needs an id and a name");
                continue;
            }
            Optional<SourceKind> kind = s.kind() == null ? Optional.empty() : SourceKind.fromCode(s.kind());
            if (kind.isEmpty()) {
                problems.add(
                        where, "kind '" + s.kind() + "' is not one of " + codes(SourceKind.values(), SourceKind::code));
            }
            List<SourceKind> alsoAccepted = new ArrayList<>();
            for (String code : orEmpty(s.alsoAcceptedKinds())) {
                Optional<SourceKind> other = SourceKind.fromCode(code);
                if (other.isEmpty()) {
                    problems.add(
                            where,
                            "also_accepted_kinds: '" + code + "' is not one of "
                                    + codes(SourceKind.values(), SourceKind::code));
                } else if (kind.equals(other) || alsoAccepted.contains(other.get())) {
                    problems.add(where, "also_accepted_kinds repeats '" + code + "'");
                } else {
                    alsoAccepted.add(other.get());
                }
            }
            // A second accepted kind is a judgement the student must be told about.
            if (!alsoAccepted.isEmpty() && (s.kindWhy() == null || s.kindWhy().isBlank())) {
                problems.add(where, "also_accepted_kinds needs kind_why: why the other kinds are right too");
            }
            Origin origin = "primary".equals(s.origin())
                    ? Origin.PRIMARY
                    : "secondary".equals(s.origin()) ? Origin.SECONDARY : null;
            if (origin == null) {
                problems.add(where, "origin must be primary or secondary");
            } else if (origin == Origin.SECONDARY
                    && (s.relayedFrom() == null || s.relayedFrom().isBlank())) {
                problems.add(where, "a secondary source needs relayed_from (the outlet it came through)");
            }
            if (s.relayedFrom() != null && !s.relayedFrom().isBlank() && !outletNames.contains(s.relayedFrom())) {
                problems.add(where, notAnOutlet(s.relayedFrom()));
            }
            List<AnchoredSpan> attributions = new ArrayList<>();
            for (RawQuote q : orEmpty(s.attributions())) {
                resolve(text, q.quote(), q.prefix(), where + " attribution", problems)
                        .ifPresent(attributions::add);
            }
            if (orEmpty(s.attributions()).isEmpty()) {
                problems.add(where, "needs at least one attribution: where the text points at this source");
            }
            if (kind.isPresent() && origin != null) {
                SeedPack.Source source = new SeedPack.Source(
                        s.id(),
                        s.name().strip(),
                        orEmpty(s.aliases()),
                        kind.get(),
                        alsoAccepted,
                        s.kindWhy() == null || s.kindWhy().isBlank()
                                ? null
                                : s.kindWhy().strip(),
                        origin,
                        s.relayedFrom(),
                        attributions);
                if (sources.putIfAbsent(s.id(), source) != null) {
                    problems.add(where, "the id is used twice");
                } else {
                    sourceList.add(source);
                }
            }
        }
        List<SeedPack.Claim> claims = new ArrayList<>();
        Set<String> claimIds = new HashSet<>();
        for (RawClaim c : orEmpty(raw.claims())) {
            String where = file + ": claim '" + c.id() + "'";
            if (c.id() == null || !c.id().matches("[A-Za-z0-9_-]{1,32}")) {
                problems.add(where, "needs an id of letters, digits, '-' or '_'");
                continue;
            }
            if (!claimIds.add(c.id())) {
                problems.add(where, "the id is used twice");
            }
            Set<ClaimType> types = EnumSet.noneOf(ClaimType.class);
            for (String t : orEmpty(c.types())) {
                ClaimType.fromCode(t)
                        .ifPresentOrElse(
                                types::add,
                                () -> problems.add(
                                        where,
                                        "type '" + t + "' is not one of "
                                                + codes(ClaimType.values(), ClaimType::code)));
            }
            if (orEmpty(c.types()).isEmpty()) {
                problems.add(where, "needs at least one accepted type");
            }
            if (c.worthiness() == null || c.worthiness() < 1 || c.worthiness() > 3) {
                problems.add(where, "worthiness must be 1, 2 or 3");
            }
            if (c.why() == null || c.why().isBlank()) {
                problems.add(where, "needs a 'why': students read it in their feedback");
            }
            for (String sourceId : orEmpty(c.sources())) {
                if (!sources.containsKey(sourceId)) {
                    problems.add(where, "links to source '" + sourceId + "', which the key does not list");
                }
            }
            Optional<AnchoredSpan> span = resolve(text, c.quote(), c.prefix(), where, problems);
            span.ifPresent(sp -> {
                String folded = QuoteMatcher.fold(sp.exact()).toLowerCase(Locale.ROOT);
                for (String cue : orEmpty(c.cues())) {
                    if (!folded.contains(QuoteMatcher.fold(cue).toLowerCase(Locale.ROOT))) {
                        problems.add(where, "cue '" + cue + "' is not inside the claim's quote");
                    }
                }
            });
            if (span.isPresent() && c.worthiness() != null && c.why() != null) {
                claims.add(new SeedPack.Claim(
                        c.id(),
                        span.get(),
                        types,
                        c.worthiness(),
                        c.why().strip(),
                        orEmpty(c.cues()),
                        orEmpty(c.sources())));
            }
        }
        KeyStatus status = "complete".equals(raw.status())
                ? KeyStatus.COMPLETE
                : "draft".equals(raw.status()) ? KeyStatus.DRAFT : null;
        if (status == null) {
            problems.add(file, "status must be complete or draft");
        }
        if (raw.id() == null) {
            problems.add(file, "needs an id");
        }
        if (status == KeyStatus.COMPLETE && claims.isEmpty()) {
            problems.add(file, "a complete key needs claims");
        }
        if (problems.count() > before || raw.id() == null || status == null) {
            return Optional.empty();
        }
        return Optional.of(new SeedPack.Key(
                slug,
                raw.id(),
                status,
                orBlank(raw.changes()).strip(),
                orBlank(raw.notes()).strip(),
                claims,
                sourceList));
    }

    private static SeedPack.@Nullable Comparison comparison(
            RawComparison raw,
            List<String> order,
            Map<String, String> texts,
            Set<String> outletNames,
            Problems problems) {
        String file = "comparison.yaml";
        List<SeedPack.ComparisonEntry> entries = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (RawEntry e : orEmpty(raw.articles())) {
            String where = file + ": article '" + e.article() + "'";
            if (e.article() == null || !order.contains(e.article())) {
                problems.add(where, "is not an article of this pack");
                continue;
            }
            if (!seen.add(e.article())) {
                problems.add(where, "is listed twice");
            }
            Reporting reporting = e.reporting() == null
                    ? null
                    : switch (e.reporting()) {
                        case "original" -> Reporting.ORIGINAL;
                        case "relay" -> Reporting.RELAY;
                        case "mixed" -> Reporting.MIXED;
                        default -> null;
                    };
            if (reporting == null) {
                problems.add(where, "reporting must be original, relay or mixed");
                continue;
            }
            Optional<SeedPack.SourceCount> named = sourceCount(e.namedSources(), where, "named_sources", problems);
            Optional<SeedPack.SourceCount> anonymous =
                    sourceCount(e.anonymousSources(), where, "anonymous_sources", problems);
            Optional<List<String>> relayedFrom = relayedFrom(e.relayedFrom(), where, outletNames, problems);
            Optional<Framing> framing = Optional.empty();
            if (e.framing() != null) {
                framing = Framing.fromCode(e.framing());
                if (framing.isEmpty()) {
                    problems.add(where, "framing '" + e.framing() + "' is not one of " + FRAMINGS);
                }
            }
            List<Framing> framingAlso = new ArrayList<>();
            for (String code : orEmpty(e.framingAlsoAccepted())) {
                Optional<Framing> other = Framing.fromCode(code);
                if (other.isEmpty()) {
                    problems.add(where, "framing_also_accepted: '" + code + "' is not one of " + FRAMINGS);
                } else if (framing.equals(other) || framingAlso.contains(other.get())) {
                    problems.add(where, "framing_also_accepted repeats '" + code + "'");
                } else {
                    framingAlso.add(other.get());
                }
            }
            if (!orEmpty(e.framingAlsoAccepted()).isEmpty() && e.framing() == null) {
                problems.add(where, "framing_also_accepted needs a framing: the key's own answer");
            }
            // Like a source's other kinds: a second accepted category is a judgement to explain.
            if (!orEmpty(e.framingAlsoAccepted()).isEmpty() && blankToNull(e.framingWhy()) == null) {
                problems.add(where, "framing_also_accepted needs framing_why: why the other categories are right too");
            }
            if (named.isEmpty()
                    || anonymous.isEmpty()
                    || relayedFrom.isEmpty()
                    || (e.framing() != null && framing.isEmpty())) {
                continue;
            }
            entries.add(new SeedPack.ComparisonEntry(
                    e.article(),
                    orBlank(e.headlineFraming()),
                    named.get(),
                    anonymous.get(),
                    orEmpty(e.hedges()),
                    orEmpty(e.loadedWords()),
                    reporting,
                    relayedFrom.get(),
                    orBlank(e.omissions()),
                    orBlank(e.notes()),
                    framing.orElse(null),
                    framingAlso,
                    blankToNull(e.framingWhy()),
                    blankToNull(e.outletKindNote())));
        }
        List<SeedPack.CoreClaim> coreClaims = new ArrayList<>();
        Set<String> claimIds = new HashSet<>();
        for (RawCoreClaim c : orEmpty(raw.coreClaims())) {
            coreClaim(c, order, texts, problems).ifPresent(claim -> {
                if (!claimIds.add(claim.id())) {
                    problems.add(file + ": core claim '" + claim.id() + "'", "the id is used twice");
                } else {
                    coreClaims.add(claim);
                }
            });
        }
        List<SeedPack.RubricLevel> rubric = rubric(orEmpty(raw.rubric()), problems);
        if (raw.id() == null) {
            problems.add(file, "needs an id");
            return null;
        }
        return new SeedPack.Comparison(raw.id(), entries, coreClaims, rubric);
    }

    private static final String FRAMINGS = codes(Framing.values(), Framing::code);
    private static final String CARRYINGS = codes(Carrying.values(), Carrying::code);

    /**
     * A core claim of the story and, for every article of the pack, how it carries the claim.
     * Every article must be there: an article left out would be a blank cell in the matrix that
     * the scorer could only guess at.
     */
    private static Optional<SeedPack.CoreClaim> coreClaim(
            RawCoreClaim raw, List<String> order, Map<String, String> texts, Problems problems) {
        String where = "comparison.yaml: core claim '" + raw.id() + "'";
        if (raw.id() == null || !raw.id().matches("[A-Za-z0-9_-]{1,32}")) {
            problems.add(where, "needs an id of letters, digits, '-' or '_'");
            return Optional.empty();
        }
        int before = problems.count();
        if (blankToNull(raw.claim()) == null) {
            problems.add(where, "needs a 'claim': the claim in neutral words");
        }
        Map<String, RawCarried> cells = raw.carriedBy() == null ? Map.of() : raw.carriedBy();
        for (String slug : cells.keySet()) {
            if (!order.contains(slug)) {
                problems.add(where, "carried_by names '" + slug + "', which is not an article of this pack");
            }
        }
        List<SeedPack.CarriedBy> carriedBy = new ArrayList<>();
        for (String slug : order) {
            RawCarried cell = cells.get(slug);
            if (cell == null) {
                problems.add(
                        where,
                        "carried_by has no entry for article '" + slug
                                + "' (write how: absent if it does not carry the claim)");
                continue;
            }
            carried(slug, cell, where + ": article '" + slug + "'", texts.get(slug), problems)
                    .ifPresent(carriedBy::add);
        }
        if (problems.count() > before) {
            return Optional.empty();
        }
        return Optional.of(new SeedPack.CoreClaim(raw.id(), raw.claim().strip(), carriedBy));
    }

    private static Optional<SeedPack.CarriedBy> carried(
            String slug, RawCarried raw, String where, @Nullable String text, Problems problems) {
        int before = problems.count();
        Optional<Carrying> how = raw.how() == null ? Optional.empty() : Carrying.fromCode(raw.how());
        if (how.isEmpty()) {
            problems.add(where, "how '" + raw.how() + "' is not one of " + CARRYINGS);
        }
        List<Carrying> also = new ArrayList<>();
        for (String code : orEmpty(raw.alsoAccepted())) {
            Optional<Carrying> other = Carrying.fromCode(code);
            if (other.isEmpty()) {
                problems.add(where, "also_accepted: '" + code + "' is not one of " + CARRYINGS);
            } else if (how.equals(other) || also.contains(other.get())) {
                problems.add(where, "also_accepted repeats '" + code + "'");
            } else {
                also.add(other.get());
            }
        }
        if (!orEmpty(raw.alsoAccepted()).isEmpty() && blankToNull(raw.why()) == null) {
            problems.add(where, "also_accepted needs why: why the other answers are right too");
        }
        // Any answer other than absent points at words of the article, so it needs them.
        boolean carries = how.filter(h -> h != Carrying.ABSENT).isPresent()
                || also.stream().anyMatch(a -> a != Carrying.ABSENT);
        AnchoredSpan quote = null;
        if (raw.quote() != null || carries) {
            if (raw.quote() == null || raw.quote().isEmpty()) {
                problems.add(where, "needs a quote: the article's words that carry the claim");
            } else if (text != null) {
                quote = resolve(text, raw.quote(), raw.prefix(), where, problems)
                        .orElse(null);
            }
        }
        if (problems.count() > before || how.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SeedPack.CarriedBy(slug, how.get(), also, blankToNull(raw.why()), quote));
    }

    /** The rubric for the closing judgement: none, or the levels 0 to 3, each once and in order. */
    private static List<SeedPack.RubricLevel> rubric(List<RawRubricLevel> raw, Problems problems) {
        String file = "comparison.yaml";
        if (raw.isEmpty()) {
            return List.of();
        }
        List<SeedPack.RubricLevel> levels = new ArrayList<>();
        boolean complete = raw.size() == 4;
        for (int i = 0; i < raw.size(); i++) {
            RawRubricLevel r = raw.get(i);
            if (r.level() == null || r.level() != i) {
                complete = false;
            }
            if (blankToNull(r.name()) == null || blankToNull(r.descriptor()) == null) {
                problems.add(file + ": rubric level " + r.level(), "needs a name and a descriptor");
            } else if (r.level() != null) {
                levels.add(new SeedPack.RubricLevel(
                        r.level(), r.name().strip(), r.descriptor().strip()));
            }
        }
        if (!complete) {
            problems.add(file, "rubric needs the levels 0, 1, 2 and 3, each once and in that order");
        }
        return levels;
    }

    /** A count written as an integer, or a range written as {min: 1, max: 2}. */
    private static Optional<SeedPack.SourceCount> sourceCount(
            @Nullable Object value, String where, String field, Problems problems) {
        String expected = field + " must be a count (0 or more) or a range {min: 1, max: 2} with 0 <= min <= max";
        if (value instanceof Integer count && count >= 0) {
            return Optional.of(SeedPack.SourceCount.exactly(count));
        }
        if (value instanceof Map<?, ?> range
                && range.size() == 2
                && range.get("min") instanceof Integer min
                && range.get("max") instanceof Integer max
                && min >= 0
                && max >= min) {
            return Optional.of(new SeedPack.SourceCount(min, max));
        }
        problems.add(where, expected + (value == null ? "" : "; found " + value));
        return Optional.empty();
    }

    private static Optional<List<String>> relayedFrom(
            @Nullable Object value, String where, Set<String> outletNames, Problems problems) {
        if (value == null) {
            return Optional.of(List.of());
        }
        if (!(value instanceof List<?> list) || list.stream().anyMatch(v -> !(v instanceof String))) {
            problems.add(
                    where,
                    "relayed_from must be a list of outlet names, e.g. [\"The Daily Mail\"], or [] when the article"
                            + " relays no outlet; found " + value);
            return Optional.empty();
        }
        List<String> names = list.stream().map(v -> ((String) v).strip()).toList();
        boolean known = true;
        for (String name : names) {
            if (!outletNames.contains(name)) {
                problems.add(where, notAnOutlet(name));
                known = false;
            }
        }
        return known ? Optional.of(names) : Optional.empty();
    }

    private static String notAnOutlet(String name) {
        return "relayed_from '" + name + "' is not the name or alias of an outlet in outlets.yaml"
                + " (add it to cited_outlets if the pack does not profile it)";
    }

    private static Optional<AnchoredSpan> resolve(
            String text, @Nullable String quote, @Nullable String prefix, String where, Problems problems) {
        if (quote == null || quote.isEmpty()) {
            problems.add(where, "needs a quote");
            return Optional.empty();
        }
        return switch (QuoteMatcher.find(text, quote, prefix)) {
            case QuoteMatcher.Result.Found found -> Optional.of(found.span());
            case QuoteMatcher.Result.NotFound notFound -> {
                problems.add(
                        where,
                        "quote \"" + quote + "\"" + (prefix == null ? "" : " (prefix \"" + prefix + "\")")
                                + " is not in the article text");
                yield Optional.empty();
            }
            case QuoteMatcher.Result.Ambiguous ambiguous -> {
                problems.add(
                        where,
                        "quote \"" + quote + "\" occurs " + ambiguous.occurrences()
                                + " times; add a prefix to say which one");
                yield Optional.empty();
            }
        };
    }

    private static <T> @Nullable T parse(PackFiles files, String path, Class<T> type, Problems problems) {
        Optional<String> content = files.read(path);
        if (content.isEmpty()) {
            problems.add(path, "the file is missing");
            return null;
        }
        try {
            T value = YAML.readValue(content.get(), type);
            if (value == null) {
                problems.add(path, "the file is empty");
            }
            return value;
        } catch (JacksonException e) {
            problems.add(path, e.getOriginalMessage());
            return null;
        }
    }

    private static <T> T required(@Nullable T value, String file, String field, Problems problems, T fallback) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            problems.add(file, "needs '" + field + "'");
            return fallback;
        }
        return value;
    }

    private static <T> List<T> orEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String orBlank(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static <E> String codes(E[] values, Function<E, String> code) {
        List<String> all = new ArrayList<>();
        for (E v : values) {
            all.add(code.apply(v));
        }
        return String.join(", ", all);
    }

    private static final class Problems {
        private final List<String> all = new ArrayList<>();

        void add(String where, String what) {
            all.add(where + ": " + what);
        }

        int count() {
            return all.size();
        }

        boolean any() {
            return !all.isEmpty();
        }

        PackFormatException failure(String pack) {
            return new PackFormatException(pack, all);
        }
    }
}
