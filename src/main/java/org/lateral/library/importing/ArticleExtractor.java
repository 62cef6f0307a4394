package org.lateral.library.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import org.lateral.library.text.CanonicalText;

/**
 * Turns pasted text, a text or Markdown file, or a parsed web page into an {@link Extraction}.
 * Pure apart from the {@link MainTextExtractor} it is given; the limits are checked by the caller.
 */
final class ArticleExtractor {

    /** Byline and date lines are looked for among the first paragraphs only. */
    private static final int TOP = 5;

    private static final int MAX_REMOVED = 100;
    private static final int MAX_REMOVED_LENGTH = 200;

    private final MainTextExtractor mainText;

    ArticleExtractor(MainTextExtractor mainText) {
        this.mainText = mainText;
    }

    /** Pasted text: the teacher's details win over what is found in the text. */
    Extraction fromPaste(PastedArticle pasted) {
        Lines lines = lines(paragraphsOf(pasted.text()), blankToNull(pasted.title()));
        String address = blankToNull(pasted.address());
        return new Extraction(
                lines.title(),
                lines.kept(),
                blankToNull(pasted.outlet()),
                Optional.ofNullable(blankToNull(pasted.byline())).orElse(lines.byline()),
                Optional.ofNullable(pasted.date()).orElse(lines.date()),
                address,
                address == null ? null : "Given by the teacher who imported the article.",
                null,
                lines.removed(),
                ArticleDraft.Origin.PASTE,
                null);
    }

    /** A .txt file: like pasted text without the details. */
    Extraction fromPlainText(String text, String fileName) {
        Lines lines = lines(paragraphsOf(text), null);
        return new Extraction(
                lines.title(),
                lines.kept(),
                null,
                lines.byline(),
                lines.date(),
                null,
                null,
                null,
                lines.removed(),
                ArticleDraft.Origin.UPLOAD,
                fileName);
    }

    /**
     * A .docx file: its paragraphs go the way of a .txt file's, with the Word headline (else the
     * document's Title property) as the headline and its Author property as the byline when the
     * text has no "By …" line.
     */
    Extraction fromWord(WordDocument.Text word, String fileName) {
        String headline = word.headline() != null ? word.headline() : word.coreTitle();
        Lines lines = lines(paragraphsOf(String.join(CanonicalText.PARAGRAPH_SEPARATOR, word.paragraphs())), headline);
        return new Extraction(
                lines.title(),
                lines.kept(),
                null,
                lines.byline() != null ? lines.byline() : word.creator(),
                lines.date(),
                null,
                null,
                null,
                lines.removed(),
                ArticleDraft.Origin.UPLOAD,
                fileName);
    }

    /**
     * A .md file: read as text, never rendered. Heading marks, emphasis and images are dropped
     * and a link keeps only its words, so the canonical text holds what a reader would see.
     */
    Extraction fromMarkdown(String text, String fileName) {
        String plain = text.replaceAll("(?m)^\\s{0,3}#{1,6}\\s+", "")
                .replaceAll("(?m)\\s+#+\\s*$", "")
                .replaceAll("!\\[[^\\]]*]\\([^)]*\\)", "")
                .replaceAll("\\[([^\\]]+)]\\([^)]*\\)", "$1")
                .replaceAll("(\\*\\*|__)(\\S(?:.*?\\S)?)\\1", "$2")
                .replaceAll("(?<![\\w*])\\*(\\S(?:.*?\\S)?)\\*(?![\\w*])", "$1")
                .replaceAll("(?m)^\\s{0,3}(?:[-*_]\\s*){3,}$", "");
        return fromPlainText(plain, fileName);
    }

    /**
     * A web page, parsed but never run: metadata first (JSON-LD is read as data), then scripts,
     * styles and embedded objects are dropped, the main text is found, and every other line of
     * the page is listed as removed.
     *
     * @param origin {@link ArticleDraft.Origin#UPLOAD} for a saved page, {@code ADDRESS} for a fetched one
     * @param fetchedFrom the address the page was fetched from, which wins over the page's own
     */
    Extraction fromHtml(
            Document page,
            String baseAddress,
            ArticleDraft.Origin origin,
            @Nullable String sourceFile,
            @Nullable String fetchedFrom) {
        PageMetadata meta = PageMetadata.read(page);
        Document clean = page.clone();
        clean.select(PageText.NOT_TEXT).remove();
        clean.select("[hidden], [aria-hidden=true]").remove();
        List<String> everything = PageText.blocks(clean.body());
        List<String> main = mainText.paragraphs(clean, baseAddress);
        if (main.isEmpty()) {
            main = everything;
        }
        String title = meta.title();
        if (title == null) {
            Element h1 = clean.selectFirst("h1");
            title = h1 == null ? null : blankToNull(h1.text());
        }
        title = withoutOutletSuffix(title, meta.outlet());
        Lines lines = lines(main.stream().map(CanonicalText::normalise).toList(), title);
        Set<String> kept = new LinkedHashSet<>();
        for (String p : lines.kept()) {
            kept.add(key(p));
        }
        LinkedHashSet<String> removed = new LinkedHashSet<>(lines.removed());
        for (String block : everything) {
            String k = key(block);
            if (kept.contains(k)
                    || (lines.title() != null && k.equals(key(lines.title())))
                    || Boilerplate.byline(block).isPresent()
                    || Boilerplate.dateLine(block).isPresent()) {
                continue;
            }
            removed.add(shorten(block));
        }
        String address = fetchedFrom != null ? fetchedFrom : meta.address();
        return new Extraction(
                lines.title(),
                lines.kept(),
                meta.outlet(),
                meta.byline() != null ? meta.byline() : lines.byline(),
                meta.date() != null ? meta.date() : lines.date(),
                address,
                fetchedFrom != null ? "The address Lateral fetched the page from." : meta.addressSource(),
                meta.language(),
                removed.stream().limit(MAX_REMOVED).toList(),
                origin,
                sourceFile);
    }

    /** The paragraphs kept, the headline, and what the line rules took out. */
    private record Lines(
            @Nullable String title,
            List<String> kept,
            @Nullable String byline,
            @Nullable LocalDate date,
            List<String> removed) {}

    private static Lines lines(List<String> paragraphs, @Nullable String givenTitle) {
        List<String> kept = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        String byline = null;
        LocalDate date = null;
        for (String p : paragraphs) {
            boolean nearTop = kept.size() < TOP;
            Optional<String> bylineLine = nearTop && byline == null ? Boilerplate.byline(p) : Optional.empty();
            Optional<LocalDate> dateLine = nearTop && date == null ? Boilerplate.dateLine(p) : Optional.empty();
            if (Boilerplate.isChrome(p)) {
                removed.add(shorten(p));
            } else if (bylineLine.isPresent()) {
                byline = bylineLine.get(); // metadata now, not text
            } else if (dateLine.isPresent()) {
                date = dateLine.get();
            } else {
                kept.add(p);
            }
        }
        String title = givenTitle;
        if (title == null && !kept.isEmpty() && kept.getFirst().length() <= 300) {
            title = kept.removeFirst().replaceAll("\\s+", " ");
        } else if (title != null) {
            while (!kept.isEmpty() && key(kept.getFirst()).equals(key(title))) {
                kept.removeFirst(); // the page repeats its headline above the text
            }
        }
        return new Lines(title == null ? null : title.strip(), kept, byline, date, removed);
    }

    private static List<String> paragraphsOf(String text) {
        return CanonicalText.paragraphs(CanonicalText.normalise(text)).stream()
                .map(CanonicalText.Paragraph::text)
                .toList();
    }

    /** "Headline | Outlet" → "Headline", as pages title themselves for browser tabs. */
    private static @Nullable String withoutOutletSuffix(@Nullable String title, @Nullable String outlet) {
        if (title == null || outlet == null) {
            return title;
        }
        for (String separator : List.of(" | ", " - ", " \u2013 ", " \u2014 ", " :: ")) {
            String suffix = separator + outlet;
            if (title.toLowerCase(Locale.ROOT).endsWith(suffix.toLowerCase(Locale.ROOT))
                    && title.length() > suffix.length()) {
                return title.substring(0, title.length() - suffix.length()).strip();
            }
        }
        return title;
    }

    /** Compares lines regardless of spacing and case. */
    private static String key(String text) {
        return text.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    private static String shorten(String text) {
        String one = text.replaceAll("\\s+", " ").strip();
        return one.length() <= MAX_REMOVED_LENGTH ? one : one.substring(0, MAX_REMOVED_LENGTH - 1) + "\u2026";
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
