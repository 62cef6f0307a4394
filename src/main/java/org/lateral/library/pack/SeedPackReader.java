package org.lateral.library.pack;

import java.util.ArrayList;
import java.util.Arrays;
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
import org.lateral.base.i18n.KeyedText;
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
                    problems.add("outlets.yaml", KeyedText.of("library.packs.finding.outletTwice", o.slug()));
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
                problems.add("outlets.yaml", KeyedText.of("library.packs.finding.nameOfTwoOutlets", o.name()));
            }
        }
        for (SeedPack.CitedOutlet c : cited) {
            for (String name : concat(c.name(), c.aliases())) {
                if (!outletNames.add(name)) {
                    problems.add(
                            KeyedText.of("library.packs.finding.place.citedOutlet", "outlets.yaml", c.name()),
                            KeyedText.of("library.packs.finding.nameTaken", name));
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
                problems.add(articlePath, KeyedText.of("library.packs.finding.articleMissing", shown(slug)));
            }
            Optional<SeedPack.Article> article =
                    content.flatMap(c -> article(slug, articlePath, c, outlets.keySet(), problems));
            if (article.isEmpty()) {
                continue;
            }
            articles.add(article.get());
            texts.put(slug, article.get().canonicalText());
            if (!ids.add(article.get().id())) {
                problems.add(articlePath, KeyedText.of("library.packs.finding.articleIdTaken"));
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
            problems.add(file, KeyedText.of("library.packs.finding.noArticles"));
        }
        if (new HashSet<>(order).size() != order.size()) {
            problems.add(file, KeyedText.of("library.packs.finding.articleTwice"));
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
        KeyedText where = KeyedText.of("library.packs.finding.place.outlet", "outlets.yaml", shown(raw.slug()));
        if (raw.slug() == null || !raw.slug().matches("[a-z0-9][a-z0-9-]{0,63}")) {
            problems.add(where, KeyedText.of("library.packs.finding.badSlug"));
            return Optional.empty();
        }
        Optional<OutletKind> kind = raw.kind() == null ? Optional.empty() : OutletKind.fromCode(raw.kind());
        if (kind.isEmpty()) {
            problems.add(
                    where,
                    KeyedText.of(
                            "library.packs.finding.unknownKind",
                            shown(raw.kind()),
                            codes(OutletKind.values(), OutletKind::code)));
        }
        String url = raw.url();
        if (url != null && !url.matches("https?://\\S+")) {
            problems.add(where, KeyedText.of("library.packs.finding.badUrl"));
        }
        List<SeedPack.OutletFact> facts = new ArrayList<>();
        int n = 0;
        for (RawFact f : orEmpty(raw.facts())) {
            KeyedText fact = KeyedText.of("library.packs.finding.place.fact", where, ++n);
            if (blankToNull(f.fact()) == null || blankToNull(f.source()) == null) {
                problems.add(fact, KeyedText.of("library.packs.finding.factNeedsSource"));
                continue;
            }
            if (blankToNull(f.response()) != null && blankToNull(f.responseSource()) == null) {
                problems.add(fact, KeyedText.of("library.packs.finding.responseNeedsSource"));
                continue;
            }
            if (blankToNull(f.response()) == null && blankToNull(f.responseSource()) != null) {
                problems.add(fact, KeyedText.of("library.packs.finding.responseSourceAlone"));
                continue;
            }
            facts.add(new SeedPack.OutletFact(
                    f.fact().strip(), f.source().strip(), blankToNull(f.response()), blankToNull(f.responseSource())));
        }
        if (raw.id() == null || raw.name() == null || raw.name().isBlank()) {
            problems.add(where, KeyedText.of("library.packs.finding.needsIdAndName"));
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
        KeyedText where = KeyedText.of("library.packs.finding.place.citedOutlet", "outlets.yaml", shown(raw.name()));
        if (blankToNull(raw.name()) == null) {
            problems.add(where, KeyedText.of("library.packs.finding.needsName"));
            return Optional.empty();
        }
        if (raw.url() != null && !raw.url().matches("https?://\\S+")) {
            problems.add(where, KeyedText.of("library.packs.finding.badUrl"));
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
            problems.add(file, KeyedText.of("library.packs.finding.noFrontMatter"));
            return Optional.empty();
        }
        int end = normalised.indexOf("\n---\n", 3);
        if (end < 0) {
            problems.add(file, KeyedText.of("library.packs.finding.frontMatterUnclosed"));
            return Optional.empty();
        }
        RawFrontMatter front;
        try {
            front = YAML.readValue(normalised.substring(4, end + 1), RawFrontMatter.class);
        } catch (JacksonException e) {
            problems.add(file, KeyedText.of("library.packs.finding.frontMatterYaml", shown(e.getOriginalMessage())));
            return Optional.empty();
        }
        String text = CanonicalText.normalise(normalised.substring(end + 5));
        int before = problems.count();
        if (text.isEmpty()) {
            problems.add(file, KeyedText.of("library.packs.finding.noText"));
        }
        if (text.length() > MAX_ARTICLE_CHARS) {
            problems.add(file, KeyedText.of("library.packs.finding.textTooLong", MAX_ARTICLE_CHARS));
        }
        if (front.id() == null) {
            problems.add(file, KeyedText.of("library.packs.finding.frontMatterNeedsId"));
        }
        if (front.outlet() == null || !outletSlugs.contains(front.outlet())) {
            problems.add(file, KeyedText.of("library.packs.finding.unknownOutlet", shown(front.outlet())));
        }
        if (front.originalUrl() != null && !front.originalUrl().matches("https?://\\S+")) {
            problems.add(file, KeyedText.of("library.packs.finding.badOriginalUrl"));
        }
        if (front.originalUrl() != null && blankToNull(front.originalUrlSource()) == null) {
            problems.add(file, KeyedText.of("library.packs.finding.originalUrlNeedsSource"));
        }
        if (front.originalUrl() == null && front.originalUrlSource() != null) {
            problems.add(file, KeyedText.of("library.packs.finding.originalUrlSourceAlone"));
        }
        PublicationDate published = null;
        String precisionCode = required(front.publishedPrecision(), file, "published_precision", problems, "day");
        Optional<PublicationDate.Precision> precision = Arrays.stream(PublicationDate.Precision.values())
                .filter(p -> p.code().equals(precisionCode.toLowerCase(Locale.ROOT)))
                .findFirst();
        if (precision.isEmpty()) {
            problems.add(
                    file,
                    KeyedText.of(
                            "library.packs.finding.unknownPrecision",
                            precisionCode,
                            codes(PublicationDate.Precision.values(), PublicationDate.Precision::code)));
        } else {
            String date = required(front.published(), file, "published", problems, "1970-01-01");
            try {
                published = PublicationDate.parse(date, precision.get(), front.publishedNote());
                if (precision.get() == PublicationDate.Precision.APPROXIMATE && front.publishedNote() == null) {
                    problems.add(file, KeyedText.of("library.packs.finding.approximateNeedsNote"));
                }
            } catch (IllegalArgumentException e) {
                // The one refusal of PublicationDate.parse: not a day or a month.
                problems.add(file, KeyedText.of("library.packs.finding.badDate", date));
            }
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
            KeyedText where = KeyedText.of("library.packs.finding.place.source", file, shown(s.id()));
            if (s.id() == null || s.name() == null || s.name().isBlank()) {
                problems.add(where, KeyedText.of("library.packs.finding.needsIdAndName"));
                continue;
            }
            Optional<SourceKind> kind = s.kind() == null ? Optional.empty() : SourceKind.fromCode(s.kind());
            if (kind.isEmpty()) {
                problems.add(
                        where,
                        KeyedText.of(
                                "library.packs.finding.unknownKind",
                                shown(s.kind()),
                                codes(SourceKind.values(), SourceKind::code)));
            }
            List<SourceKind> alsoAccepted = new ArrayList<>();
            for (String code : orEmpty(s.alsoAcceptedKinds())) {
                Optional<SourceKind> other = SourceKind.fromCode(code);
                if (other.isEmpty()) {
                    problems.add(
                            where,
                            KeyedText.of(
                                    "library.packs.finding.unknownAlsoAcceptedKind",
                                    shown(code),
                                    codes(SourceKind.values(), SourceKind::code)));
                } else if (kind.equals(other) || alsoAccepted.contains(other.get())) {
                    problems.add(where, KeyedText.of("library.packs.finding.alsoAcceptedKindRepeated", code));
                } else {
                    alsoAccepted.add(other.get());
                }
            }
            // A second accepted kind is a judgement the student must be told about.
            if (!alsoAccepted.isEmpty() && (s.kindWhy() == null || s.kindWhy().isBlank())) {
                problems.add(where, KeyedText.of("library.packs.finding.alsoAcceptedKindsNeedWhy"));
            }
            Origin origin = "primary".equals(s.origin())
                    ? Origin.PRIMARY
                    : "secondary".equals(s.origin()) ? Origin.SECONDARY : null;
            if (origin == null) {
                problems.add(where, KeyedText.of("library.packs.finding.badOrigin"));
            } else if (origin == Origin.SECONDARY
                    && (s.relayedFrom() == null || s.relayedFrom().isBlank())) {
                problems.add(where, KeyedText.of("library.packs.finding.secondaryNeedsRelayedFrom"));
            }
            if (s.relayedFrom() != null && !s.relayedFrom().isBlank() && !outletNames.contains(s.relayedFrom())) {
                problems.add(where, notAnOutlet(s.relayedFrom()));
            }
            List<AnchoredSpan> attributions = new ArrayList<>();
            for (RawQuote q : orEmpty(s.attributions())) {
                resolve(
                                text,
                                q.quote(),
                                q.prefix(),
                                KeyedText.of("library.packs.finding.place.attribution", where),
                                problems)
                        .ifPresent(attributions::add);
            }
            if (orEmpty(s.attributions()).isEmpty()) {
                problems.add(where, KeyedText.of("library.packs.finding.needsAttribution"));
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
                    problems.add(where, KeyedText.of("library.packs.finding.idTwice"));
                } else {
                    sourceList.add(source);
                }
            }
        }
        List<SeedPack.Claim> claims = new ArrayList<>();
        Set<String> claimIds = new HashSet<>();
        for (RawClaim c : orEmpty(raw.claims())) {
            KeyedText where = KeyedText.of("library.packs.finding.place.claim", file, shown(c.id()));
            if (c.id() == null || !c.id().matches("[A-Za-z0-9_-]{1,32}")) {
                problems.add(where, KeyedText.of("library.packs.finding.badId"));
                continue;
            }
            if (!claimIds.add(c.id())) {
                problems.add(where, KeyedText.of("library.packs.finding.idTwice"));
            }
            Set<ClaimType> types = EnumSet.noneOf(ClaimType.class);
            for (String t : orEmpty(c.types())) {
                ClaimType.fromCode(t)
                        .ifPresentOrElse(
                                types::add,
                                () -> problems.add(
                                        where,
                                        KeyedText.of(
                                                "library.packs.finding.unknownType",
                                                shown(t),
                                                codes(ClaimType.values(), ClaimType::code))));
            }
            if (orEmpty(c.types()).isEmpty()) {
                problems.add(where, KeyedText.of("library.packs.finding.needsType"));
            }
            if (c.worthiness() == null || c.worthiness() < 1 || c.worthiness() > 3) {
                problems.add(where, KeyedText.of("library.packs.finding.badWorthiness"));
            }
            if (c.why() == null || c.why().isBlank()) {
                problems.add(where, KeyedText.of("library.packs.finding.claimNeedsWhy"));
            }
            for (String sourceId : orEmpty(c.sources())) {
                if (!sources.containsKey(sourceId)) {
                    problems.add(where, KeyedText.of("library.packs.finding.unknownSource", shown(sourceId)));
                }
            }
            Optional<AnchoredSpan> span = resolve(text, c.quote(), c.prefix(), where, problems);
            span.ifPresent(sp -> {
                String folded = QuoteMatcher.fold(sp.exact()).toLowerCase(Locale.ROOT);
                for (String cue : orEmpty(c.cues())) {
                    if (!folded.contains(QuoteMatcher.fold(cue).toLowerCase(Locale.ROOT))) {
                        problems.add(where, KeyedText.of("library.packs.finding.cueOutside", cue));
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
            problems.add(file, KeyedText.of("library.packs.finding.badStatus"));
        }
        if (raw.id() == null) {
            problems.add(file, KeyedText.of("library.packs.finding.needsId"));
        }
        if (status == KeyStatus.COMPLETE && claims.isEmpty()) {
            problems.add(file, KeyedText.of("library.packs.finding.completeKeyNeedsClaims"));
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
            KeyedText where = KeyedText.of("library.packs.finding.place.article", file, shown(e.article()));
            if (e.article() == null || !order.contains(e.article())) {
                problems.add(where, KeyedText.of("library.packs.finding.notAnArticle"));
                continue;
            }
            if (!seen.add(e.article())) {
                problems.add(where, KeyedText.of("library.packs.finding.listedTwice"));
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
                problems.add(where, KeyedText.of("library.packs.finding.badReporting"));
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
                    problems.add(where, KeyedText.of("library.packs.finding.unknownFraming", e.framing(), FRAMINGS));
                }
            }
            List<Framing> framingAlso = new ArrayList<>();
            for (String code : orEmpty(e.framingAlsoAccepted())) {
                Optional<Framing> other = Framing.fromCode(code);
                if (other.isEmpty()) {
                    problems.add(
                            where, KeyedText.of("library.packs.finding.unknownFramingAlso", shown(code), FRAMINGS));
                } else if (framing.equals(other) || framingAlso.contains(other.get())) {
                    problems.add(where, KeyedText.of("library.packs.finding.framingAlsoRepeated", code));
                } else {
                    framingAlso.add(other.get());
                }
            }
            if (!orEmpty(e.framingAlsoAccepted()).isEmpty() && e.framing() == null) {
                problems.add(where, KeyedText.of("library.packs.finding.framingAlsoNeedsFraming"));
            }
            // Like a source's other kinds: a second accepted category is a judgement to explain.
            if (!orEmpty(e.framingAlsoAccepted()).isEmpty() && blankToNull(e.framingWhy()) == null) {
                problems.add(where, KeyedText.of("library.packs.finding.framingAlsoNeedsWhy"));
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
                    problems.add(
                            KeyedText.of("library.packs.finding.place.coreClaim", file, claim.id()),
                            KeyedText.of("library.packs.finding.idTwice"));
                } else {
                    coreClaims.add(claim);
                }
            });
        }
        List<SeedPack.RubricLevel> rubric = rubric(orEmpty(raw.rubric()), problems);
        if (raw.id() == null) {
            problems.add(file, KeyedText.of("library.packs.finding.needsId"));
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
        KeyedText where = KeyedText.of("library.packs.finding.place.coreClaim", "comparison.yaml", shown(raw.id()));
        if (raw.id() == null || !raw.id().matches("[A-Za-z0-9_-]{1,32}")) {
            problems.add(where, KeyedText.of("library.packs.finding.badId"));
            return Optional.empty();
        }
        int before = problems.count();
        if (blankToNull(raw.claim()) == null) {
            problems.add(where, KeyedText.of("library.packs.finding.coreClaimNeedsClaim"));
        }
        Map<String, RawCarried> cells = raw.carriedBy() == null ? Map.of() : raw.carriedBy();
        for (String slug : cells.keySet()) {
            if (!order.contains(slug)) {
                problems.add(where, KeyedText.of("library.packs.finding.carriedByUnknownArticle", shown(slug)));
            }
        }
        List<SeedPack.CarriedBy> carriedBy = new ArrayList<>();
        for (String slug : order) {
            RawCarried cell = cells.get(slug);
            if (cell == null) {
                problems.add(where, KeyedText.of("library.packs.finding.carriedByMissing", shown(slug)));
                continue;
            }
            carried(
                            slug,
                            cell,
                            KeyedText.of("library.packs.finding.place.article", where, shown(slug)),
                            texts.get(slug),
                            problems)
                    .ifPresent(carriedBy::add);
        }
        if (problems.count() > before) {
            return Optional.empty();
        }
        return Optional.of(new SeedPack.CoreClaim(raw.id(), raw.claim().strip(), carriedBy));
    }

    private static Optional<SeedPack.CarriedBy> carried(
            String slug, RawCarried raw, KeyedText where, @Nullable String text, Problems problems) {
        int before = problems.count();
        Optional<Carrying> how = raw.how() == null ? Optional.empty() : Carrying.fromCode(raw.how());
        if (how.isEmpty()) {
            problems.add(where, KeyedText.of("library.packs.finding.unknownHow", shown(raw.how()), CARRYINGS));
        }
        List<Carrying> also = new ArrayList<>();
        for (String code : orEmpty(raw.alsoAccepted())) {
            Optional<Carrying> other = Carrying.fromCode(code);
            if (other.isEmpty()) {
                problems.add(where, KeyedText.of("library.packs.finding.unknownAlsoAccepted", shown(code), CARRYINGS));
            } else if (how.equals(other) || also.contains(other.get())) {
                problems.add(where, KeyedText.of("library.packs.finding.alsoAcceptedRepeated", code));
            } else {
                also.add(other.get());
            }
        }
        if (!orEmpty(raw.alsoAccepted()).isEmpty() && blankToNull(raw.why()) == null) {
            problems.add(where, KeyedText.of("library.packs.finding.alsoAcceptedNeedsWhy"));
        }
        // Any answer other than absent points at words of the article, so it needs them.
        boolean carries = how.filter(h -> h != Carrying.ABSENT).isPresent()
                || also.stream().anyMatch(a -> a != Carrying.ABSENT);
        AnchoredSpan quote = null;
        if (raw.quote() != null || carries) {
            if (raw.quote() == null || raw.quote().isEmpty()) {
                problems.add(where, KeyedText.of("library.packs.finding.needsCarryingQuote"));
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
                problems.add(
                        KeyedText.of("library.packs.finding.place.rubricLevel", file, shown(r.level())),
                        KeyedText.of("library.packs.finding.needsNameAndDescriptor"));
            } else if (r.level() != null) {
                levels.add(new SeedPack.RubricLevel(
                        r.level(), r.name().strip(), r.descriptor().strip()));
            }
        }
        if (!complete) {
            problems.add(file, KeyedText.of("library.packs.finding.rubricLevels"));
        }
        return levels;
    }

    /** A count written as an integer, or a range written as {min: 1, max: 2}. */
    private static Optional<SeedPack.SourceCount> sourceCount(
            @Nullable Object value, KeyedText where, String field, Problems problems) {
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
        // The example range is an argument: braces in a pattern would be read as a placeholder.
        problems.add(
                where,
                value == null
                        ? KeyedText.of("library.packs.finding.badCount", field, "{min: 1, max: 2}")
                        : KeyedText.of("library.packs.finding.badCountFound", field, "{min: 1, max: 2}", shown(value)));
        return Optional.empty();
    }

    private static Optional<List<String>> relayedFrom(
            @Nullable Object value, KeyedText where, Set<String> outletNames, Problems problems) {
        if (value == null) {
            return Optional.of(List.of());
        }
        if (!(value instanceof List<?> list) || list.stream().anyMatch(v -> !(v instanceof String))) {
            problems.add(where, KeyedText.of("library.packs.finding.relayedFromNotList", shown(value)));
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

    private static KeyedText notAnOutlet(String name) {
        return KeyedText.of("library.packs.finding.relayedFromUnknown", name);
    }

    private static Optional<AnchoredSpan> resolve(
            String text, @Nullable String quote, @Nullable String prefix, KeyedText where, Problems problems) {
        if (quote == null || quote.isEmpty()) {
            problems.add(where, KeyedText.of("library.packs.finding.needsQuote"));
            return Optional.empty();
        }
        return switch (QuoteMatcher.find(text, quote, prefix)) {
            case QuoteMatcher.Result.Found found -> Optional.of(found.span());
            case QuoteMatcher.Result.NotFound notFound -> {
                problems.add(
                        where,
                        prefix == null
                                ? KeyedText.of("library.packs.finding.quoteNotFound", quote)
                                : KeyedText.of("library.packs.finding.quoteNotFoundAfterPrefix", quote, prefix));
                yield Optional.empty();
            }
            case QuoteMatcher.Result.Ambiguous ambiguous -> {
                problems.add(
                        where, KeyedText.of("library.packs.finding.quoteAmbiguous", quote, ambiguous.occurrences()));
                yield Optional.empty();
            }
        };
    }

    private static <T> @Nullable T parse(PackFiles files, String path, Class<T> type, Problems problems) {
        Optional<String> content = files.read(path);
        if (content.isEmpty()) {
            problems.add(path, KeyedText.of("library.packs.finding.fileMissing"));
            return null;
        }
        try {
            T value = YAML.readValue(content.get(), type);
            if (value == null) {
                problems.add(path, KeyedText.of("library.packs.finding.fileEmpty"));
            }
            return value;
        } catch (JacksonException e) {
            problems.add(path, KeyedText.of("library.packs.finding.yaml", shown(e.getOriginalMessage())));
            return null;
        }
    }

    private static <T> T required(@Nullable T value, String file, String field, Problems problems, T fallback) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            problems.add(file, KeyedText.of("library.packs.finding.needsField", field));
            return fallback;
        }
        return value;
    }

    /** A value of the pack in a finding; a finding holds no null, so a missing one reads "null". */
    private static String shown(@Nullable Object value) {
        return String.valueOf(value);
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

    /**
     * Every finding, each a sentence the page words in its language (DD034): where it is, then
     * what is wrong. The file names, fields and values in them are the pack's own and stay as
     * written.
     */
    private static final class Problems {
        private final List<KeyedText> all = new ArrayList<>();

        /** {@code where} is a file's path, or a place in a file (an outlet, a claim, …). */
        void add(String where, KeyedText what) {
            all.add(KeyedText.of("library.packs.finding.at", where, what));
        }

        void add(KeyedText where, KeyedText what) {
            all.add(KeyedText.of("library.packs.finding.at", where, what));
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
