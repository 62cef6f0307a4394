package org.lateral.library.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lateral.Fixtures;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.lateral.base.UserFacingException;
import org.lateral.library.ArticleReading;
import org.lateral.library.LibraryService;
import org.lateral.library.OutletKind;
import org.lateral.library.PublicationDate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Importing and saving teachers' own articles, against the real database (DD017). */
@LateralServerTest
class ArticleImportServiceIT {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ArticleImportService imports;

    @Autowired
    LibraryService library;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private static final String FERRY = "Harbour town votes to keep its ferry\n\nBy Ana Pereira\n\n"
            + "Residents voted on Thursday to keep the ferry.\n\nAdvertisement\n\nThe council will respect the vote.";

    private UUID accountId(String username) {
        return jdbc.sql("SELECT id FROM account WHERE username = :u")
                .param("u", username)
                .query(UUID.class)
                .single();
    }

    /** Rows of the school's library, to show that a refused import stored nothing. */
    private Map<String, Integer> rows(UUID school) {
        return Map.of(
                "article",
                count("SELECT count(*) FROM article WHERE school_id = :s", school),
                "article_version",
                count(
                        "SELECT count(*) FROM article_version v JOIN article a ON a.id = v.article_id WHERE a.school_id = :s",
                        school),
                "outlet",
                count("SELECT count(*) FROM outlet WHERE school_id = :s", school),
                "outlet_version",
                count(
                        "SELECT count(*) FROM outlet_version v JOIN outlet o ON o.id = v.outlet_id WHERE o.school_id = :s",
                        school));
    }

    private int count(String sql, UUID school) {
        return jdbc.sql(sql).param("s", school).query(Integer.class).single();
    }

    @Test
    void a_pasted_article_is_saved_as_the_teachers_own_with_its_first_version_and_a_new_outlet() {
        UUID school = fixtures.school("Import paste school");
        String teacher = fixtures.teacher(school, "import-paste");
        try (var signedIn = SignedIn.as(users, teacher)) {
            ArticleDraft draft = imports.preview(new PastedArticle(
                    FERRY,
                    null,
                    "The Coastal Ledger",
                    null,
                    LocalDate.of(2024, 3, 14),
                    "https://www.coastal-ledger.example/ferry"));
            assertThat(draft.title()).isEqualTo("Harbour town votes to keep its ferry");
            assertThat(draft.byline()).isEqualTo("Ana Pereira");
            assertThat(draft.outletId())
                    .as("no outlet yet: a new one is proposed")
                    .isNull();
            assertThat(draft.outletName()).isEqualTo("The Coastal Ledger");
            assertThat(draft.outletHome()).isEqualTo("https://coastal-ledger.example/");
            assertThat(draft.removed()).containsExactly("Advertisement");
            assertThat(draft.canonicalText())
                    .isEqualTo("Harbour town votes to keep its ferry\n\nResidents voted on Thursday to keep the ferry."
                            + "\n\nThe council will respect the vote.");

            SavedImport saved = imports.save(draft.corrected(
                    draft.title(),
                    draft.body(),
                    null,
                    draft.outletName(),
                    OutletKind.NEWSPAPER,
                    draft.byline(),
                    draft.published()));
            assertThat(saved).isInstanceOf(SavedImport.Created.class);
            assertThat(((SavedImport.Created) saved).outletCreated()).isTrue();

            Map<String, Object> article =
                    jdbc.sql("""
                    SELECT a.school_id, a.owner_id, a.story_set_id, v.content_hash, v.import_origin, v.original_url,
                           v.original_url_source, v.removed_chrome, o.owner_id AS outlet_owner, o.current_version_id
                      FROM article a JOIN article_version v ON v.id = a.current_version_id JOIN outlet o ON o.id = a.outlet_id
                     WHERE a.id = :id
                    """).param("id", saved.articleId()).query().singleRow();
            assertThat(article.get("school_id")).isEqualTo(school);
            assertThat(article.get("owner_id")).isEqualTo(accountId(teacher));
            assertThat(article.get("outlet_owner")).isEqualTo(accountId(teacher));
            assertThat(article.get("current_version_id"))
                    .as("the new outlet has its first profile version")
                    .isNotNull();
            assertThat(article.get("story_set_id")).isNull();
            assertThat((String) article.get("content_hash")).matches("[0-9a-f]{64}");
            assertThat(article.get("import_origin")).isEqualTo("paste");
            assertThat(article.get("original_url")).isEqualTo("https://www.coastal-ledger.example/ferry");
            assertThat(article.get("original_url_source")).isNotNull();

            ArticleReading reading = library.reading(saved.articleId()).orElseThrow();
            assertThat(reading.canonicalText()).isEqualTo(draft.canonicalText());
            assertThat(reading.title()).isEqualTo("Harbour town votes to keep its ferry");
            assertThat(reading.byline()).isEqualTo("Ana Pereira");
            assertThat(reading.published())
                    .isEqualTo(new PublicationDate(LocalDate.of(2024, 3, 14), PublicationDate.Precision.DAY, null));
            assertThat(reading.removedChrome()).containsExactly("Advertisement");
            assertThat(library.articles("")).extracting(e -> e.articleId()).containsExactly(saved.articleId());
        }
    }

    @Test
    void a_later_import_is_matched_to_the_schools_outlet_by_name_or_by_the_addresss_domain() {
        UUID school = fixtures.school("Import match school");
        String teacher = fixtures.teacher(school, "import-match");
        try (var signedIn = SignedIn.as(users, teacher)) {
            ArticleDraft first = imports.preview(new PastedArticle(
                    FERRY, null, "The Coastal Ledger", null, null, "https://www.coastal-ledger.example/ferry"));
            UUID articleId = imports.save(first).articleId();
            UUID outletId = library.reading(articleId).orElseThrow().outlet().id();

            ArticleDraft byName = imports.preview(
                    new PastedArticle("Another story\n\nMore text.", null, "the coastal ledger", null, null, null));
            assertThat(byName.outletId()).isEqualTo(outletId);
            assertThat(byName.outletName()).isEqualTo("The Coastal Ledger");

            ArticleDraft byDomain = imports.preview(new PastedArticle(
                    "Another story\n\nMore text.", null, null, null, null, "https://coastal-ledger.example/other"));
            assertThat(byDomain.outletId()).isEqualTo(outletId);

            assertThat(imports.outlets()).extracting(OutletOption::id).containsExactly(outletId);
            SavedImport second = imports.save(byName);
            assertThat(second).isEqualTo(new SavedImport.Created(second.articleId(), false));
        }
    }

    @Test
    void saving_the_same_text_twice_says_where_it_already_is_and_adds_nothing() {
        UUID school = fixtures.school("Import twice school");
        String teacher = fixtures.teacher(school, "import-twice");
        try (var signedIn = SignedIn.as(users, teacher)) {
            ArticleDraft draft =
                    imports.preview(new PastedArticle(FERRY, null, "The Coastal Ledger", null, null, null));
            UUID first = imports.save(draft).articleId();
            Map<String, Integer> before = rows(school);
            ArticleDraft again =
                    imports.preview(new PastedArticle(FERRY, null, "The Coastal Ledger", "Someone", null, null));
            assertThat(imports.save(again))
                    .isEqualTo(new SavedImport.AlreadyInLibrary(first, "Harbour town votes to keep its ferry"));
            assertThat(rows(school)).isEqualTo(before);
        }
    }

    @Test
    void a_saved_web_page_is_previewed_from_its_metadata_and_saved_with_its_file_name() throws Exception {
        UUID school = fixtures.school("Import upload school");
        String teacher = fixtures.teacher(school, "import-upload");
        byte[] page = ImportFixtures.page("news-page.html").getBytes(StandardCharsets.UTF_8);
        try (var signedIn = SignedIn.as(users, teacher)) {
            ArticleDraft draft = imports.previewFile("ferry.html", page);
            assertThat(draft.title()).isEqualTo("Harbour town votes to keep its ferry");
            assertThat(draft.outletName()).isEqualTo("The Coastal Ledger");
            assertThat(draft.outletHome()).isEqualTo("https://coastal-ledger.example/");
            assertThat(draft.byline()).isEqualTo("Ana Pereira and Tom Hale");
            assertThat(draft.published().date()).isEqualTo(LocalDate.of(2024, 3, 14));
            assertThat(draft.language()).isEqualTo("en-gb");
            assertThat(draft.origin()).isEqualTo(ArticleDraft.Origin.UPLOAD);
            assertThat(draft.removed()).contains("Local news", "12 comments");
            UUID id = imports.save(draft).articleId();
            Map<String, Object> row = jdbc.sql("SELECT v.source_file, v.import_origin, v.removed_chrome FROM article a "
                            + "JOIN article_version v ON v.id = a.current_version_id WHERE a.id = :id")
                    .param("id", id)
                    .query()
                    .singleRow();
            assertThat(row.get("source_file")).isEqualTo("ferry.html");
            assertThat(row.get("import_origin")).isEqualTo("upload");
            assertThat(library.reading(id).orElseThrow().removedChrome()).contains("Local news");

            ArticleDraft fetched = imports.previewPage(
                    page, "text/html; charset=UTF-8", "https://www.coastal-ledger.example/news/ferry-vote?from=feed");
            assertThat(fetched.origin()).isEqualTo(ArticleDraft.Origin.ADDRESS);
            assertThat(fetched.address()).isEqualTo("https://www.coastal-ledger.example/news/ferry-vote?from=feed");
            assertThat(fetched.outletId())
                    .as("matched to the outlet the upload created")
                    .isNotNull();
        }
    }

    @Test
    void a_word_document_is_previewed_like_pasted_text_and_saved_as_an_upload() {
        UUID school = fixtures.school("Import docx school");
        String teacher = fixtures.teacher(school, "import-docx");
        try (var signedIn = SignedIn.as(users, teacher)) {
            ArticleDraft draft = imports.previewFile("ferry.docx", WordFixtures.ferry());
            assertThat(draft.title())
                    .as("the Title paragraph, not the document's Title property")
                    .isEqualTo("Harbour town votes to keep its ferry");
            assertThat(draft.byline())
                    .as("the Author property, as the text has no byline")
                    .isEqualTo("Ana Pereira");
            assertThat(draft.removed()).containsExactly("Advertisement");
            assertThat(draft.canonicalText())
                    .isEqualTo("Harbour town votes to keep its ferry\n\nResidents voted on Thursday to keep the ferry."
                            + "\n\nWhat happens next\n\nThe council will respect the vote.");
            assertThat(draft.origin()).isEqualTo(ArticleDraft.Origin.UPLOAD);

            ArticleDraft titled = imports.previewFile(
                    "untitled.docx",
                    WordFixtures.docx(
                            "Ferry stays", null, "By Tom Hale", "Residents voted to keep the ferry.", "More text."));
            assertThat(titled.title())
                    .as("no Title paragraph: the document's Title property")
                    .isEqualTo("Ferry stays");
            assertThat(titled.byline()).isEqualTo("Tom Hale");
            assertThat(titled.body()).isEqualTo("Residents voted to keep the ferry.\n\nMore text.");

            UUID id = imports.save(draft.corrected(
                            draft.title(),
                            draft.body(),
                            null,
                            "The Coastal Ledger",
                            OutletKind.NEWSPAPER,
                            draft.byline(),
                            draft.published()))
                    .articleId();
            Map<String, Object> row = jdbc.sql("SELECT v.source_file, v.import_origin, v.canonical_text FROM article a "
                            + "JOIN article_version v ON v.id = a.current_version_id WHERE a.id = :id")
                    .param("id", id)
                    .query()
                    .singleRow();
            assertThat(row.get("source_file")).isEqualTo("ferry.docx");
            assertThat(row.get("import_origin")).isEqualTo("upload");
            assertThat(row.get("canonical_text")).isEqualTo(draft.canonicalText());
        }
    }

    @Test
    void a_word_file_that_cannot_be_read_is_refused_in_plain_words_and_stores_nothing() {
        UUID school = fixtures.school("Import docx refusal school");
        String teacher = fixtures.teacher(school, "import-docx-refuse");
        try (var signedIn = SignedIn.as(users, teacher)) {
            Map<String, Integer> before = rows(school);
            assertThatThrownBy(() -> imports.previewFile("old.doc", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11}))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageStartingWith("\u201cold.doc\u201d is an older Word document (.doc)");
            byte[] ferry = WordFixtures.ferry();
            assertThatThrownBy(() -> imports.previewFile("broken.docx", Arrays.copyOf(ferry, 200)))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageStartingWith("\u201cbroken.docx\u201d is not a Word document Lateral can read");
            assertThatThrownBy(() -> imports.previewFile("empty.docx", WordFixtures.docx(null, null)))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageStartingWith("\u201cempty.docx\u201d has no text to import.");
            byte[] sixMegabytes = new byte[6 * 1024 * 1024];
            assertThatThrownBy(() -> imports.previewFile("big.docx", sixMegabytes))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageStartingWith("\u201cbig.docx\u201d is too large: Lateral accepts files of up to 5 MB")
                    .hasMessageEndingWith("Save a copy without its pictures, or copy and paste its text.");
            assertThat(rows(school)).isEqualTo(before);
        }
    }

    @Test
    void a_page_without_a_date_gets_the_import_day_marked_approximate() throws Exception {
        UUID school = fixtures.school("Import no date school");
        String teacher = fixtures.teacher(school, "import-nodate");
        try (var signedIn = SignedIn.as(users, teacher)) {
            ArticleDraft draft = imports.previewFile(
                    "birds.htm", ImportFixtures.page("plain-page.html").getBytes(StandardCharsets.UTF_8));
            assertThat(draft.published().precision()).isEqualTo(PublicationDate.Precision.APPROXIMATE);
            assertThat(draft.published().note()).isEqualTo(ArticleImportService.NO_DATE_NOTE);
            assertThat(draft.outletName())
                    .as("nothing to propose: the teacher names it")
                    .isEmpty();
            assertThatThrownBy(() -> imports.save(draft))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage("Choose the outlet that published the article, or type the name of a new one.");
        }
    }

    @Test
    void every_refusal_says_why_in_plain_words_and_stores_nothing() {
        UUID school = fixtures.school("Import refusal school");
        String teacher = fixtures.teacher(school, "import-refuse");
        UUID otherSchool = fixtures.school("Import refusal other school");
        String otherTeacher = fixtures.teacher(otherSchool, "import-refuse-other");
        UUID foreignOutlet;
        try (var signedIn = SignedIn.as(users, otherTeacher)) {
            UUID article = imports.save(
                            imports.preview(new PastedArticle(FERRY, null, "Other Outlet", null, null, null)))
                    .articleId();
            foreignOutlet = library.reading(article).orElseThrow().outlet().id();
        }
        try (var signedIn = SignedIn.as(users, teacher)) {
            Map<String, Integer> before = rows(school);
            String longText = "Headline\n\n" + "word ".repeat(41_000);
            assertThatThrownBy(() -> imports.preview(PastedArticle.of(longText)))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageStartingWith("The text is too long: Lateral keeps articles of up to 200 KB of text");
            byte[] sixMegabytes = new byte[6 * 1024 * 1024];
            Arrays.fill(sixMegabytes, (byte) 'a');
            assertThatThrownBy(() -> imports.previewFile("big.html", sixMegabytes))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage("\u201cbig.html\u201d is too large: Lateral accepts files of up to 5 MB, and this one "
                            + "has 6.0 MB. Save the page again as \u201cHTML only\u201d, or copy and paste its text.");
            assertThatThrownBy(() -> imports.previewFile("story.pdf", "%PDF-1.7".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageStartingWith(
                            "Lateral imports .txt, .md, .html (a web page saved from the browser) and .docx files")
                    .hasMessageContaining("\u201cstory.pdf\u201d is not one of them");
            assertThatThrownBy(() -> imports.previewFile("photo.txt", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageStartingWith(
                            "Lateral imports .txt, .md, .html (a web page saved from the browser) and .docx files");
            assertThatThrownBy(() -> imports.previewFile("latin1.txt", new byte[] {'c', 'a', 'f', (byte) 0xE9}))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageStartingWith("\u201clatin1.txt\u201d is not UTF-8 text.");
            assertThatThrownBy(() -> imports.preview(PastedArticle.of("   \n ")))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage("Paste the article\u2019s text first.");
            assertThatThrownBy(() -> imports.preview(
                            new PastedArticle("Headline\n\nText.", null, null, null, null, "javascript:alert(1)")))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageStartingWith("The address must be a web address starting with http:// or https://");

            ArticleDraft good = imports.preview(new PastedArticle(FERRY, null, "The Coastal Ledger", null, null, null));
            assertThatThrownBy(() -> imports.save(good.corrected(
                            " ", good.body(), null, good.outletName(), OutletKind.BLOG, null, good.published())))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage("Give the article its headline.");
            assertThatThrownBy(() -> imports.save(good.corrected(
                            good.title(), "\n\n", null, good.outletName(), OutletKind.BLOG, null, good.published())))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageStartingWith("The article has no text below its headline.");
            assertThatThrownBy(() -> imports.save(good.corrected(
                            good.title(),
                            "word ".repeat(41_000),
                            null,
                            good.outletName(),
                            OutletKind.BLOG,
                            null,
                            good.published())))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageStartingWith("The text is too long");
            assertThatThrownBy(() -> imports.save(good.corrected(
                            good.title(),
                            good.body(),
                            null,
                            good.outletName(),
                            OutletKind.BLOG,
                            null,
                            new PublicationDate(
                                    LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                                            .plusDays(30),
                                    PublicationDate.Precision.DAY,
                                    null))))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageStartingWith("The publication date is in the future.");
            assertThatThrownBy(() -> imports.save(good.corrected(
                            good.title(),
                            good.body(),
                            foreignOutlet,
                            "Other Outlet",
                            OutletKind.BLOG,
                            null,
                            good.published())))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage("That outlet is not in your school\u2019s library. Choose another one.");
            assertThat(rows(school)).isEqualTo(before);
        }
    }

    @Test
    void students_cannot_import() {
        try (var signedIn = SignedIn.as(users, "student1")) {
            assertThatThrownBy(() -> imports.outlets()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> imports.preview(PastedArticle.of(FERRY)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> imports.previewFile("a.txt", FERRY.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> imports.previewPage(
                            FERRY.getBytes(StandardCharsets.UTF_8), "text/html", "https://example.org/"))
                    .isInstanceOf(AccessDeniedException.class);
        }
        ArticleDraft draft;
        try (var signedIn = SignedIn.as(users, "teacher")) {
            draft = imports.preview(
                    new PastedArticle("A student's try\n\nText.", null, "Student Outlet", null, null, null));
        }
        int articles =
                count("SELECT count(*) FROM article WHERE school_id = :s", org.lateral.base.Schools.DEFAULT_SCHOOL_ID);
        try (var signedIn = SignedIn.as(users, "student1")) {
            assertThatThrownBy(() -> imports.save(draft)).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(count(
                        "SELECT count(*) FROM article WHERE school_id = :s",
                        org.lateral.base.Schools.DEFAULT_SCHOOL_ID))
                .isEqualTo(articles);
    }

    @Test
    void an_imported_article_belongs_to_the_teachers_school_only() {
        UUID school = fixtures.school("Import own school");
        String teacher = fixtures.teacher(school, "import-own");
        UUID otherSchool = fixtures.school("Import stranger school");
        String stranger = fixtures.teacher(otherSchool, "import-stranger");
        UUID id;
        try (var signedIn = SignedIn.as(users, teacher)) {
            id = imports.save(imports.preview(new PastedArticle(FERRY, null, "The Coastal Ledger", null, null, null)))
                    .articleId();
        }
        try (var signedIn = SignedIn.as(users, stranger)) {
            assertThat(library.reading(id)).isEmpty();
            assertThat(library.articles("")).isEmpty();
            assertThat(imports.outlets()).isEmpty();
            ArticleDraft draft =
                    imports.preview(new PastedArticle(FERRY, null, "The Coastal Ledger", null, null, null));
            assertThat(draft.outletId())
                    .as("another school's outlet is never proposed")
                    .isNull();
            SavedImport saved = imports.save(draft);
            assertThat(saved)
                    .as("the same text in another school is that school's own copy, not a duplicate")
                    .isInstanceOf(SavedImport.Created.class);
            assertThat(saved.articleId()).isNotEqualTo(id);
        }
        assertThat(jdbc.sql("SELECT school_id FROM article WHERE id = :id")
                        .param("id", id)
                        .query(UUID.class)
                        .single())
                .isEqualTo(school);
        List<UUID> schools = jdbc.sql("SELECT DISTINCT school_id FROM outlet WHERE name = 'The Coastal Ledger' "
                        + "AND school_id IN (:a, :b)")
                .param("a", school)
                .param("b", otherSchool)
                .query(UUID.class)
                .list();
        assertThat(schools).containsExactlyInAnyOrder(school, otherSchool);
    }
}
