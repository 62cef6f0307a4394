package org.lateral.library.pack;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.lateral.base.AnchoredSpan;
import org.lateral.library.ClaimType;
import org.lateral.library.PublicationDate;
import org.lateral.library.SourceKind;
import org.lateral.library.text.QuoteMatcher;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes a pack back in the format of seeds/README.md, so that {@link SeedPackReader} reads the
 * same pack again (the round trip is tested). Spans are written by quote, with the shortest
 * prefix that makes a repeated quote unique, as a pack author would.
 */
public final class SeedPackWriter {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .build();

    private SeedPackWriter() {}

    /** The pack's files, path inside the pack → text, in a stable order. */
    public static Map<String, String> write(SeedPack pack) {
        Map<String, String> files = new LinkedHashMap<>();
        SeedPack.Manifest m = pack.manifest();
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("id", m.id().toString());
        manifest.put("title", m.title());
        manifest.put("description", m.description());
        manifest.put("maturity", m.maturity());
        putIfSet(manifest, "age_band", m.ageBand());
        putIfSet(manifest, "analysis_note", m.analysisNote());
        putIfSet(manifest, "support_note", m.supportNote());
        manifest.put("articles", m.articleOrder());
        files.put("pack.yaml", yaml(manifest));

        List<Object> outlets = new ArrayList<>();
        for (SeedPack.Outlet o : pack.outlets()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("slug", o.slug());
            out.put("id", o.id().toString());
            out.put("name", o.name());
            out.put("kind", o.kind().code());
            out.put("country", o.country());
            out.put("ownership", o.ownership());
            out.put("ownership_source", o.ownershipSource());
            putIfSet(out, "publisher", o.publisher());
            putIfSet(out, "publisher_source", o.publisherSource());
            out.put("description", o.description());
            out.put("url", o.homeUrl());
            List<Object> facts = new ArrayList<>();
            for (SeedPack.OutletFact f : o.facts()) {
                Map<String, Object> fact = new LinkedHashMap<>();
                fact.put("fact", f.fact());
                fact.put("source", f.source());
                putIfSet(fact, "response", f.response());
                putIfSet(fact, "response_source", f.responseSource());
                facts.add(fact);
            }
            if (!facts.isEmpty()) {
                out.put("facts", facts);
            }
            outlets.add(out);
        }
        List<Object> cited = new ArrayList<>();
        for (SeedPack.CitedOutlet c : pack.citedOutlets()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("name", c.name());
            out.put("aliases", c.aliases());
            putIfSet(out, "url", c.url());
            cited.add(out);
        }
        Map<String, Object> outletsFile = new LinkedHashMap<>();
        outletsFile.put("outlets", outlets);
        outletsFile.put("cited_outlets", cited);
        files.put("outlets.yaml", yaml(outletsFile));

        Map<String, String> texts = new LinkedHashMap<>();
        for (SeedPack.Article a : pack.articles()) {
            texts.put(a.slug(), a.canonicalText());
            files.put("articles/" + a.slug() + ".txt", article(a));
        }
        for (SeedPack.Key k : pack.keys()) {
            files.put("keys/" + k.articleSlug() + ".yaml", yaml(key(k, texts.get(k.articleSlug()))));
        }
        if (pack.comparison() != null) {
            files.put("comparison.yaml", yaml(comparison(pack.comparison(), texts)));
        }
        return files;
    }

    private static String article(SeedPack.Article a) {
        Map<String, Object> front = new LinkedHashMap<>();
        front.put("id", a.id().toString());
        front.put("outlet", a.outletSlug());
        front.put("byline", a.byline());
        PublicationDate published = a.published();
        front.put(
                "published",
                published.precision() == PublicationDate.Precision.MONTH
                        ? published.date().format(DateTimeFormatter.ofPattern("yyyy-MM"))
                        : published.date().toString());
        front.put("published_precision", published.precision().code());
        putIfSet(front, "published_note", published.note());
        front.put("original_url", a.originalUrl());
        putIfSet(front, "original_url_source", a.originalUrlSource());
        putIfSet(front, "content_note", a.contentNote());
        front.put("language", a.language());
        front.put("source_file", a.sourceFile());
        front.put("removed", a.removed());
        return "---\n" + yaml(front) + "---\n" + a.canonicalText() + "\n";
    }

    private static Map<String, Object> key(SeedPack.Key k, String text) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("id", k.id().toString());
        key.put("status", k.status().name().toLowerCase(Locale.ROOT));
        if (!k.changes().isEmpty()) {
            key.put("changes", k.changes());
        }
        key.put("notes", k.notes());
        List<Object> claims = new ArrayList<>();
        for (SeedPack.Claim c : k.claims()) {
            Map<String, Object> claim = new LinkedHashMap<>();
            claim.put("id", c.id());
            quote(claim, c.span(), text);
            claim.put("types", c.types().stream().map(ClaimType::code).sorted().toList());
            claim.put("worthiness", c.worthiness());
            claim.put("why", c.why());
            claim.put("cues", c.cues());
            claim.put("sources", c.sourceIds());
            claims.add(claim);
        }
        key.put("claims", claims);
        List<Object> sources = new ArrayList<>();
        for (SeedPack.Source s : k.sources()) {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("id", s.id());
            source.put("name", s.name());
            source.put("aliases", s.aliases());
            source.put("kind", s.kind().code());
            if (!s.alsoAcceptedKinds().isEmpty()) {
                source.put(
                        "also_accepted_kinds",
                        s.alsoAcceptedKinds().stream().map(SourceKind::code).toList());
            }
            putIfSet(source, "kind_why", s.kindWhy());
            source.put("origin", s.origin().name().toLowerCase(Locale.ROOT));
            putIfSet(source, "relayed_from", s.relayedFrom());
            List<Object> attributions = new ArrayList<>();
            for (AnchoredSpan span : s.attributions()) {
                Map<String, Object> q = new LinkedHashMap<>();
                quote(q, span, text);
                attributions.add(q);
            }
            source.put("attributions", attributions);
            sources.add(source);
        }
        key.put("sources", sources);
        return key;
    }

    private static Map<String, Object> comparison(SeedPack.Comparison c, Map<String, String> texts) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", c.id().toString());
        List<Object> entries = new ArrayList<>();
        for (SeedPack.ComparisonEntry e : c.entries()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("article", e.articleSlug());
            entry.put("headline_framing", e.headlineFraming());
            entry.put("named_sources", count(e.namedSources()));
            entry.put("anonymous_sources", count(e.anonymousSources()));
            entry.put("hedges", e.hedges());
            entry.put("loaded_words", e.loadedWords());
            entry.put("reporting", e.reporting().name().toLowerCase(Locale.ROOT));
            entry.put("relayed_from", e.relayedFrom());
            entry.put("omissions", e.omissions());
            entry.put("notes", e.notes());
            if (e.framing() != null) {
                entry.put("framing", e.framing().code());
            }
            if (!e.framingAlsoAccepted().isEmpty()) {
                entry.put(
                        "framing_also_accepted",
                        e.framingAlsoAccepted().stream()
                                .map(SeedPack.Framing::code)
                                .toList());
            }
            putIfSet(entry, "framing_why", e.framingWhy());
            putIfSet(entry, "outlet_kind_note", e.outletKindNote());
            entries.add(entry);
        }
        out.put("articles", entries);
        if (!c.coreClaims().isEmpty()) {
            List<Object> claims = new ArrayList<>();
            for (SeedPack.CoreClaim claim : c.coreClaims()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", claim.id());
                row.put("claim", claim.claim());
                Map<String, Object> carried = new LinkedHashMap<>();
                for (SeedPack.CarriedBy cell : claim.carriedBy()) {
                    Map<String, Object> how = new LinkedHashMap<>();
                    how.put("how", cell.how().code());
                    if (!cell.alsoAccepted().isEmpty()) {
                        how.put(
                                "also_accepted",
                                cell.alsoAccepted().stream()
                                        .map(SeedPack.Carrying::code)
                                        .toList());
                    }
                    putIfSet(how, "why", cell.why());
                    if (cell.quote() != null) {
                        quote(how, cell.quote(), texts.get(cell.articleSlug()));
                    }
                    carried.put(cell.articleSlug(), how);
                }
                row.put("carried_by", carried);
                claims.add(row);
            }
            out.put("core_claims", claims);
        }
        if (!c.rubric().isEmpty()) {
            List<Object> rubric = new ArrayList<>();
            for (SeedPack.RubricLevel r : c.rubric()) {
                Map<String, Object> level = new LinkedHashMap<>();
                level.put("level", r.level());
                level.put("name", r.name());
                level.put("descriptor", r.descriptor());
                rubric.add(level);
            }
            out.put("rubric", rubric);
        }
        return out;
    }

    private static Object count(SeedPack.SourceCount count) {
        if (count.max() == null) {
            return count.min();
        }
        Map<String, Object> range = new LinkedHashMap<>();
        range.put("min", count.min());
        range.put("max", count.max());
        return range;
    }

    /** The span as {@code quote}, plus the shortest {@code prefix} that finds it alone. */
    static void quote(Map<String, Object> into, AnchoredSpan span, String text) {
        into.put("quote", span.exact());
        if (finds(text, span, null)) {
            return;
        }
        for (int length = 1; length <= span.start(); length++) {
            String prefix = text.substring(span.start() - length, span.start());
            if (finds(text, span, prefix)) {
                into.put("prefix", prefix);
                return;
            }
        }
        // Cannot happen for a span the reader resolved: the whole text before it is unique.
        throw new IllegalStateException("No prefix makes the quote unique: " + span.exact());
    }

    private static boolean finds(String text, AnchoredSpan span, @Nullable String prefix) {
        return QuoteMatcher.find(text, span.exact(), prefix) instanceof QuoteMatcher.Result.Found found
                && found.span().start() == span.start();
    }

    private static void putIfSet(Map<String, Object> map, String key, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    private static String yaml(Object value) {
        return YAML.writeValueAsString(value);
    }
}
