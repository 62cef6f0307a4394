package org.lateral.library.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.lateral.library.OutletKind;
import org.lateral.library.PublicationDate;
import org.lateral.library.text.CanonicalText;

/** Extraction of pasted text, files and saved pages, on fixtures under src/test/resources/import. */
class ArticleExtractorTest {

    private final ArticleExtractor extractor = new ArticleExtractor(new ReadabilityMainText());

    private Extraction page(String name) throws IOException {
        Document page = Jsoup.parse(ImportFixtures.page(name), "");
        return extractor.fromHtml(page, "", ArticleDraft.Origin.UPLOAD, name, null);
    }

    private static String bodyOf(Extraction e) {
        return String.join("\n\n", e.paragraphs());
    }

    @Test
    void a_news_page_keeps_the_article_in_order_and_lists_navigation_ads_and_comments_as_removed() throws IOException {
        Extraction e = page("news-page.html");
        assertThat(e.title()).isEqualTo("Harbour town votes to keep its ferry");
        assertThat(e.paragraphs())
                .containsExactly(
                        "Residents of Porthwen voted on Thursday to keep the town\u2019s ferry running for at least "
                                + "another five years, after a campaign that filled the village hall three nights in a row.",
                        "The council had proposed replacing the crossing with a bus link, saying the ferry cost "
                                + "\u00a3400,000 a year to run. \u201cThe boat is how half of us get to work,\u201d said "
                                + "Mari Evans, who organised the petition.",
                        "According to the council\u2019s own figures, about 1,200 people use the ferry each weekday, "
                                + "most of them commuters travelling to the port on the far side of the estuary.",
                        "A spokesperson for the operator, who asked not to be named, said fares were likely to rise "
                                + "by about ten per cent next spring to cover rising fuel costs.",
                        "The vote is not binding, but councillors have said they will respect it when they set next "
                                + "year\u2019s budget in February.");
        String body = bodyOf(e);
        assertThat(body)
                .doesNotContain(
                        "Local news", "Advertisement", "bicycle", "Most read", "twenty years", "Typical council")
                .doesNotContain("Share", "Subscribe", "Photo:", "All rights reserved", "By Ana Pereira");
        assertThat(e.removed())
                .contains("Local news", "Subscribe for \u00a31 a week", "Most read", "12 comments", "Leave a comment")
                .contains("I have taken that ferry every day for twenty years and I would be lost without it.")
                .anySatisfy(r -> assertThat(r).contains("bicycle"));
        assertThat(e.removed()).noneSatisfy(r -> assertThat(r).contains("Residents of Porthwen"));
    }

    @Test
    void a_news_page_takes_its_metadata_from_json_ld_first() throws IOException {
        Extraction e = page("news-page.html");
        assertThat(e.outletName()).isEqualTo("The Coastal Ledger");
        assertThat(e.byline()).isEqualTo("Ana Pereira and Tom Hale");
        assertThat(e.date()).isEqualTo(LocalDate.of(2024, 3, 14));
        assertThat(e.address()).isEqualTo("https://www.coastal-ledger.example/news/ferry-vote");
        assertThat(e.addressSource()).contains("JSON-LD");
        assertThat(e.language()).isEqualTo("en-gb");
    }

    @Test
    void without_json_ld_metadata_comes_from_opengraph_then_meta_tags_then_time() {
        String og = """
                <html><head><meta property="og:title" content="OG headline">
                <meta property="og:site_name" content="OG Outlet">
                <meta property="article:published_time" content="2022-05-06T10:00:00Z">
                <meta name="author" content="Meta Author"><title>Tab title</title></head>
                <body><time datetime="2020-01-01">then</time><p>Some text of the article.</p></body></html>""";
        PageMetadata fromOg = PageMetadata.read(Jsoup.parse(og));
        assertThat(fromOg.title()).isEqualTo("OG headline");
        assertThat(fromOg.outlet()).isEqualTo("OG Outlet");
        assertThat(fromOg.byline()).isEqualTo("Meta Author");
        assertThat(fromOg.date()).isEqualTo(LocalDate.of(2022, 5, 6));

        String meta = """
                <html><head><title>Tab title</title><meta name="date" content="2021-02-03"></head>
                <body><time datetime="2020-01-01">then</time></body></html>""";
        PageMetadata fromMeta = PageMetadata.read(Jsoup.parse(meta));
        assertThat(fromMeta.title()).isEqualTo("Tab title");
        assertThat(fromMeta.date()).isEqualTo(LocalDate.of(2021, 2, 3));

        PageMetadata fromTime =
                PageMetadata.read(Jsoup.parse("<body><time datetime=\"2020-01-01T12:00\">then</time></body>"));
        assertThat(fromTime.date()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(fromTime.title()).isNull();
    }

    @Test
    void a_broken_json_ld_block_is_ignored() {
        String html = """
                <html><head><script type="application/ld+json">{ not json</script>
                <meta property="og:title" content="Still found"></head><body></body></html>""";
        assertThat(PageMetadata.read(Jsoup.parse(html)).title()).isEqualTo("Still found");
    }

    @Test
    void a_page_with_no_metadata_and_no_furniture_keeps_every_paragraph_and_takes_its_headline_from_h1()
            throws IOException {
        Extraction e = page("plain-page.html");
        assertThat(e.title()).isEqualTo("Volunteers count the winter birds on the marsh");
        assertThat(e.paragraphs()).hasSize(3);
        assertThat(e.paragraphs().getFirst()).startsWith("More than forty volunteers");
        assertThat(e.paragraphs().getLast()).startsWith("The figures will be sent");
        assertThat(e.outletName()).isNull();
        assertThat(e.byline()).isNull();
        assertThat(e.date()).isNull();
        assertThat(e.address()).isNull();
        assertThat(e.removed()).isEmpty();
    }

    @Test
    void nothing_of_a_pages_scripts_handlers_or_embedded_objects_survives() throws IOException {
        Extraction e = page("hostile-page.html");
        assertThat(e.title()).isEqualTo("Library extends its opening hours");
        assertThat(e.paragraphs())
                .hasSize(4)
                .anySatisfy(p -> assertThat(p).contains("from the council\u2019s culture budget, which"));
        List<String> everything = new java.util.ArrayList<>(e.paragraphs());
        everything.addAll(e.removed());
        everything.add(e.title());
        for (String text : everything) {
            assertThat(text)
                    .doesNotContain("<", ">", "alert", "steal", "cookie", "evil", "javascript", "onload", "onclick")
                    .doesNotContain("onerror", "onmouseover", "window.location", "SCRIPT-IN-BODY", "STYLE-TEXT")
                    .doesNotContain("IFRAME-FALLBACK", "OBJECT-FALLBACK", "SVG-TEXT", "NOSCRIPT-TEXT")
                    .doesNotContain("TEMPLATE-TEXT", "INPUT-VALUE", "BUTTON-TEXT");
        }
    }

    @Test
    void pasted_text_gives_headline_byline_and_date_and_drops_the_pages_furniture() {
        String pasted = "Harbour town votes to keep its ferry\r\n\r\n"
                + "By Ana Pereira\r\n\r\n"
                + "Published 14 March 2024\r\n\r\n"
                + "Share\r\n\r\n"
                + "Residents\u00a0voted on Thursday to keep the \u201cferry\u201d.\r\n\r\n\r\n\r\n"
                + "Advertisement\r\n\r\n"
                + "The council will respect the vote.\r\n\r\n"
                + "12 comments\r\n";
        Extraction e = extractor.fromPaste(PastedArticle.of(pasted));
        assertThat(e.title()).isEqualTo("Harbour town votes to keep its ferry");
        assertThat(e.byline()).isEqualTo("Ana Pereira");
        assertThat(e.date()).isEqualTo(LocalDate.of(2024, 3, 14));
        assertThat(e.paragraphs())
                .containsExactly(
                        "Residents voted on Thursday to keep the \u201cferry\u201d.",
                        "The council will respect the vote.");
        assertThat(e.removed()).containsExactly("Share", "Advertisement", "12 comments");
        assertThat(e.origin()).isEqualTo(ArticleDraft.Origin.PASTE);
    }

    @Test
    void typed_details_win_and_a_typed_headline_repeated_in_the_text_is_not_kept_twice() {
        PastedArticle pasted = new PastedArticle(
                "Ferry saved\n\nBy Someone Else\n\nThe council will respect the vote.",
                "Ferry saved",
                "The Coastal Ledger",
                "Ana Pereira",
                LocalDate.of(2024, 3, 15),
                "https://coastal-ledger.example/ferry");
        Extraction e = extractor.fromPaste(pasted);
        assertThat(e.title()).isEqualTo("Ferry saved");
        assertThat(e.paragraphs()).containsExactly("The council will respect the vote.");
        assertThat(e.byline()).isEqualTo("Ana Pereira");
        assertThat(e.date()).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(e.outletName()).isEqualTo("The Coastal Ledger");
        assertThat(e.addressSource()).isNotBlank();
    }

    @Test
    void a_short_article_sentence_that_starts_like_a_button_is_kept() {
        Extraction e = extractor.fromPaste(
                PastedArticle.of("Headline\n\nShare prices fell sharply on Monday.\n\nComments were closed."));
        assertThat(e.paragraphs()).containsExactly("Share prices fell sharply on Monday.", "Comments were closed.");
    }

    @Test
    void markdown_is_read_as_text_without_its_marks() {
        Extraction e = extractor.fromMarkdown(
                "# Ferry saved\n\nThe **council** will [respect](https://x.example) the *vote*.\n\n![a photo](p.jpg)\n",
                "ferry.md");
        assertThat(e.title()).isEqualTo("Ferry saved");
        assertThat(e.paragraphs()).containsExactly("The council will respect the vote.");
        assertThat(e.sourceFile()).isEqualTo("ferry.md");
    }

    @Test
    void the_canonical_text_has_the_headline_as_paragraph_zero_and_follows_the_canonical_rules() {
        ArticleDraft draft = new ArticleDraft(
                "  Ferry\nsaved ",
                "First\u00a0paragraph \u201cquoted\u201d.\r\n\r\n\r\n\r\nSecond paragraph.\n  \n",
                null,
                "The Coastal Ledger",
                null,
                OutletKind.NEWSPAPER,
                null,
                new PublicationDate(LocalDate.of(2024, 3, 14), PublicationDate.Precision.DAY, null),
                null,
                null,
                "en",
                List.of(),
                ArticleDraft.Origin.PASTE,
                null);
        String canonical = draft.canonicalText();
        assertThat(canonical).isEqualTo("Ferry saved\n\nFirst paragraph \u201cquoted\u201d.\n\nSecond paragraph.");
        assertThat(CanonicalText.headline(canonical)).isEqualTo("Ferry saved");
        assertThat(CanonicalText.normalise(canonical)).isEqualTo(canonical);
    }
}
