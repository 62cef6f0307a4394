package org.lateral.library.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A saved page's title, outlet, byline, date and address, each taken from the first place that has
 * it, in this order: a JSON-LD {@code NewsArticle} (or another schema.org article type), OpenGraph
 * and {@code article:} properties, plain meta tags and {@code <title>}, and last a {@code <time>}
 * element. JSON-LD is read as data; nothing in a script is run.
 */
record PageMetadata(
        @Nullable String title,
        @Nullable String outlet,
        @Nullable String byline,
        @Nullable LocalDate date,
        @Nullable String address,
        @Nullable String addressSource,
        @Nullable String language) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One place metadata can come from, with the name shown to the teacher. */
    private record Layer(
            String name,
            @Nullable String title,
            @Nullable String outlet,
            @Nullable String byline,
            @Nullable String date,
            @Nullable String address) {}

    static PageMetadata read(Document page) {
        List<Layer> layers = new ArrayList<>();
        jsonLd(page).ifPresent(layers::add);
        layers.add(new Layer(
                "the page's OpenGraph tags",
                meta(page, "property", "og:title"),
                meta(page, "property", "og:site_name"),
                firstNonBlank(meta(page, "property", "article:author"), meta(page, "name", "article:author")),
                firstNonBlank(
                        meta(page, "property", "article:published_time"), meta(page, "name", "article:published_time")),
                meta(page, "property", "og:url")));
        Element canonical = page.selectFirst("link[rel=canonical][href]");
        layers.add(new Layer(
                "the page's meta tags",
                firstNonBlank(meta(page, "name", "title"), meta(page, "name", "twitter:title"), page.title()),
                firstNonBlank(meta(page, "name", "application-name"), meta(page, "name", "publisher")),
                firstNonBlank(meta(page, "name", "author"), meta(page, "name", "byl")),
                firstNonBlank(
                        meta(page, "name", "date"),
                        meta(page, "name", "pubdate"),
                        meta(page, "name", "publish-date"),
                        meta(page, "name", "dc.date"),
                        meta(page, "itemprop", "datePublished")),
                canonical == null ? null : canonical.absUrl("href")));
        Element time = page.selectFirst("time[datetime]");
        layers.add(new Layer(
                "the page's <time> element", null, null, null, time == null ? null : time.attr("datetime"), null));

        String title = first(layers, Layer::title).map(Found::value).orElse(null);
        String outlet = first(layers, Layer::outlet).map(Found::value).orElse(null);
        String byline = first(layers, Layer::byline).map(Found::value).orElse(null);
        LocalDate date = null;
        for (Layer l : layers) {
            Optional<LocalDate> d = Boilerplate.parseDate(l.date());
            if (d.isPresent()) {
                date = d.get();
                break;
            }
        }
        Optional<Found> address = first(layers, l -> httpAddress(l.address()));
        String lang = page.selectFirst("html[lang]") == null
                ? null
                : page.selectFirst("html[lang]").attr("lang").strip();
        return new PageMetadata(
                title,
                outlet,
                byline,
                date,
                address.map(Found::value).orElse(null),
                address.map(f -> "The address given in " + f.layer() + ".").orElse(null),
                lang == null || !lang.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?")
                        ? null
                        : lang.toLowerCase(Locale.ROOT));
    }

    private record Found(String layer, String value) {}

    private static Optional<Found> first(List<Layer> layers, Function<Layer, @Nullable String> field) {
        for (Layer l : layers) {
            String v = field.apply(l);
            if (v != null && !v.isBlank()) {
                return Optional.of(new Found(l.name(), v.strip().replaceAll("\\s+", " ")));
            }
        }
        return Optional.empty();
    }

    private static @Nullable String httpAddress(@Nullable String value) {
        return value != null && value.matches("(?i)https?://\\S+") && value.length() <= 2000 ? value : null;
    }

    private static @Nullable String meta(Document page, String attribute, String name) {
        for (Element e : page.select("meta[" + attribute + "][content]")) {
            if (e.attr(attribute).equalsIgnoreCase(name)) {
                return e.attr("content");
            }
        }
        return null;
    }

    private static @Nullable String firstNonBlank(@Nullable String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    /** The first schema.org article object in the page's JSON-LD blocks, if any. */
    private static Optional<Layer> jsonLd(Document page) {
        for (Element script : page.select("script[type=application/ld+json]")) {
            JsonNode root;
            try {
                root = JSON.readTree(script.data());
            } catch (JacksonException e) {
                continue; // a broken block is ignored, like a browser would
            }
            Optional<JsonNode> article = findArticle(root, 0);
            if (article.isPresent()) {
                JsonNode a = article.get();
                return Optional.of(new Layer(
                        "the page's JSON-LD article data",
                        firstNonBlank(text(a.get("headline")), text(a.get("name"))),
                        names(a.get("publisher")),
                        names(a.get("author")),
                        firstNonBlank(text(a.get("datePublished")), text(a.get("dateCreated"))),
                        firstNonBlank(text(a.get("url")), text(a.get("mainEntityOfPage")))));
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> findArticle(@Nullable JsonNode node, int depth) {
        if (node == null || depth > 4) {
            return Optional.empty();
        }
        if (node.isArray()) {
            for (JsonNode n : node) {
                Optional<JsonNode> found = findArticle(n, depth + 1);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (!node.isObject()) {
            return Optional.empty();
        }
        if (isArticleType(node.get("@type"))) {
            return Optional.of(node);
        }
        return findArticle(node.get("@graph"), depth + 1);
    }

    private static boolean isArticleType(@Nullable JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (isArticleType(t)) {
                    return true;
                }
            }
            return false;
        }
        String t = type.isString() ? type.asString() : "";
        return t.endsWith("NewsArticle")
                || t.equals("Article")
                || t.equals("ReportageNewsArticle")
                || t.equals("BlogPosting");
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isString() || node.isNumber()) {
            return node.asString();
        }
        if (node.isObject()) {
            return firstNonBlank(text(node.get("@id")), text(node.get("url")));
        }
        return null;
    }

    /** An author or publisher: a name, an object with a name, or a list of them joined by "and". */
    private static @Nullable String names(@Nullable JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isString()) {
            return node.asString();
        }
        if (node.isObject()) {
            return node.get("name") == null ? null : node.get("name").asString();
        }
        if (node.isArray()) {
            List<String> all = new ArrayList<>();
            for (JsonNode n : node) {
                String name = names(n);
                if (name != null && !name.isBlank()) {
                    all.add(name.strip());
                }
            }
            return all.isEmpty() ? null : String.join(" and ", all);
        }
        return null;
    }
}
