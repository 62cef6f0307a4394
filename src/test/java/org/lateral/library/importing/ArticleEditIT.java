package org.lateral.library.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lateral.Fixtures;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.lateral.base.UserFacingException;
import org.lateral.library.LibraryService;
import org.lateral.library.PublicationDate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Correcting an imported article: a new immutable version, for its owner only (DD017, "Editing"). */
@LateralServerTest
class ArticleEditIT {

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

    private static final String FERRY = "Harbour town votes to keep its ferry\n\nBy Ana Pereira\n\n"
            + "Residents voted on Thursday to keep the ferry.\n\nThe council will respect the vote.";

    /** Every column of a version, the array as text so that two reads compare equal. */
    private static final String VERSION_COLUMNS =
            "v.id, v.article_id, v.content_hash, v.title, v.byline, v.published_on, "
                    + "v.published_precision, v.published_note, v.original_url, v.original_url_source, v.language, "
                    + "v.canonical_text, v.removed_chrome::text AS removed_chrome, v.source_file, v.import_origin, "
                    + "v.content_note, v.created_at";

    private UUID importFerry(String teacher) {
        try (var signedIn = SignedIn.as(users, teacher)) {
            return imports.save(imports.preview(new PastedArticle(
                            FERRY,
                            null,
                            "The Coastal Ledger",
                            null,
                            LocalDate.of(2024, 3, 14),
                            "https://coastal-ledger.example/ferry")))
                    .articleId();
        }
    }

    /** The article row and every version of it, to show that a refusal wrote nothing. */
    private Map<String, Object> state(UUID articleId) {
        return Map.of(
                "article",
                jdbc.sql("SELECT current_version_id, version, updated_at FROM article WHERE id = :id")
                        .param("id", articleId)
                        .query()
                        .singleRow(),
                "versions",
                jdbc.sql(
                                "SELECT id, content_hash, canonical_text FROM article_version WHERE article_id = :id ORDER BY id")
                        .param("id", articleId)
                        .query()
                        .listOfRows());
    }

    private static ArticleCorrection unchanged(EditableArticle a) {
        return new ArticleCorrection(a.title(), a.body(), a.byline(), a.published(), a.address());
    }

    @Test
    void the_owners_correction_is_a_new_current_version_and_the_old_one_stays_as_it_was() {
        UUID school = fixtures.school("Edit owner school");
        String teacher = fixtures.teacher(school, "edit-owner");
        UUID id = importFerry(teacher);
        Map<String, Object> first = jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM article a JOIN article_version v "
                        + "ON v.id = a.current_version_id WHERE a.id = :id")
                .param("id", id)
                .query()
                .singleRow();
        try (var signedIn = SignedIn.as(users, teacher)) {
            assertThat(imports.mayEdit(id)).isTrue();
            EditableArticle opened = imports.editable(id);
            assertThat(opened.title()).isEqualTo("Harbour town votes to keep its ferry");
            assertThat(opened.byline()).isEqualTo("Ana Pereira");
            assertThat(opened.body())
                    .isEqualTo("Residents voted on Thursday to keep the ferry.\n\nThe council will respect the vote.");
            assertThat(opened.address()).isEqualTo("https://coastal-ledger.example/ferry");

            UUID second = imports.saveEdit(
                    id,
                    opened.version(),
                    new ArticleCorrection(
                            "Harbour town votes to keep its ferry service",
                            opened.body().replace("Thursday", "Wednesday"),
                            "Ana Pereira and Tom Hale",
                            new PublicationDate(LocalDate.of(2024, 3, 13), PublicationDate.Precision.DAY, null),
                            "https://coastal-ledger.example/news/ferry"));

            Map<String, Object> article = jdbc.sql("SELECT current_version_id, version FROM article WHERE id = :id")
                    .param("id", id)
                    .query()
                    .singleRow();
            assertThat(article.get("current_version_id")).isEqualTo(second);
            assertThat(article.get("version")).isEqualTo(opened.version() + 1);
            Map<String, Object> now = jdbc.sql("SELECT * FROM article_version WHERE id = :id")
                    .param("id", second)
                    .query()
                    .singleRow();
            assertThat(now.get("canonical_text"))
                    .isEqualTo("Harbour town votes to keep its ferry service\n\nResidents voted on Wednesday to keep "
                            + "the ferry.\n\nThe council will respect the vote.");
            assertThat(now.get("title")).isEqualTo("Harbour town votes to keep its ferry service");
            assertThat(now.get("byline")).isEqualTo("Ana Pereira and Tom Hale");
            assertThat(now.get("original_url")).isEqualTo("https://coastal-ledger.example/news/ferry");
            assertThat(now.get("original_url_source")).isEqualTo("Given by the teacher who imported the article.");
            assertThat(now.get("import_origin")).as("still the way it came in").isEqualTo("paste");
            assertThat((String) now.get("content_hash"))
                    .matches("[0-9a-f]{64}")
                    .isNotEqualTo(first.get("content_hash"));

            Map<String, Object> old = jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM article_version v WHERE v.id = :id")
                    .param("id", first.get("id"))
                    .query()
                    .singleRow();
            assertThat(old).isEqualTo(first);
            assertThat(library.reading(id).orElseThrow().canonicalText()).isEqualTo(now.get("canonical_text"));

            // Back to exactly the first content: the first version is current again, none is added.
            EditableArticle reopened = imports.editable(id);
            UUID back = imports.saveEdit(id, reopened.version(), unchanged(opened));
            assertThat(back).isEqualTo(first.get("id"));
            assertThat(jdbc.sql("SELECT count(*) FROM article_version WHERE article_id = :id")
                            .param("id", id)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(2);
        }
    }

    @Test
    void a_colleagues_article_is_refused_with_a_sentence_and_left_as_it_was() {
        UUID school = fixtures.school("Edit colleague school");
        String owner = fixtures.teacher(school, "edit-colleague-owner");
        String colleague = fixtures.teacher(school, "edit-colleague");
        UUID id = importFerry(owner);
        EditableArticle opened;
        try (var signedIn = SignedIn.as(users, owner)) {
            opened = imports.editable(id);
        }
        Map<String, Object> before = state(id);
        try (var signedIn = SignedIn.as(users, colleague)) {
            assertThat(imports.mayEdit(id)).isFalse();
            assertThat(library.reading(id)).as("a colleague still reads it").isPresent();
            String belongs = "This article belongs to another teacher; you can read and assign it but not change it.";
            assertThatThrownBy(() -> imports.editable(id))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage(belongs);
            ArticleCorrection change =
                    new ArticleCorrection("Changed by a colleague", opened.body(), null, opened.published(), null);
            assertThatThrownBy(() -> imports.saveEdit(id, opened.version(), change))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage(belongs);
        }
        assertThat(state(id)).isEqualTo(before);
    }

    @Test
    void a_pack_article_is_refused_to_every_teacher() {
        try (var signedIn = SignedIn.as(users, "teacher")) {
            UUID id = library.articles("sputnik").getFirst().articleId();
            Map<String, Object> before = state(id);
            assertThat(imports.mayEdit(id)).isFalse();
            assertThatThrownBy(() -> imports.editable(id))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageStartingWith("This article comes from a pack");
            ArticleCorrection change = new ArticleCorrection(
                    "A new headline",
                    "Text.",
                    null,
                    new PublicationDate(LocalDate.of(2017, 4, 1), PublicationDate.Precision.DAY, null),
                    null);
            int version = (Integer) ((Map<?, ?>) before.get("article")).get("version");
            assertThatThrownBy(() -> imports.saveEdit(id, version, change))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageStartingWith("This article comes from a pack");
            assertThat(state(id)).isEqualTo(before);
        }
    }

    @Test
    void saving_over_a_change_made_since_opening_is_refused_and_writes_nothing() {
        UUID school = fixtures.school("Edit stale school");
        String teacher = fixtures.teacher(school, "edit-stale");
        UUID id = importFerry(teacher);
        try (var signedIn = SignedIn.as(users, teacher)) {
            EditableArticle firstTab = imports.editable(id);
            EditableArticle secondTab = imports.editable(id);
            imports.saveEdit(
                    id,
                    firstTab.version(),
                    new ArticleCorrection(
                            firstTab.title(),
                            firstTab.body() + "\n\nA paragraph added in the first tab.",
                            firstTab.byline(),
                            firstTab.published(),
                            firstTab.address()));
            Map<String, Object> before = state(id);
            assertThatThrownBy(() -> imports.saveEdit(
                            id,
                            secondTab.version(),
                            new ArticleCorrection(
                                    "A headline from the second tab",
                                    secondTab.body(),
                                    secondTab.byline(),
                                    secondTab.published(),
                                    secondTab.address())))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage("Someone changed this article since you opened it; reload to see their version.");
            assertThat(state(id)).isEqualTo(before);
            assertThat(library.reading(id).orElseThrow().canonicalText())
                    .endsWith("A paragraph added in the first tab.");
        }
    }

    @Test
    void saving_without_a_change_says_so_and_adds_no_version() {
        UUID school = fixtures.school("Edit unchanged school");
        String teacher = fixtures.teacher(school, "edit-unchanged");
        UUID id = importFerry(teacher);
        try (var signedIn = SignedIn.as(users, teacher)) {
            EditableArticle opened = imports.editable(id);
            Map<String, Object> before = state(id);
            assertThatThrownBy(() -> imports.saveEdit(id, opened.version(), unchanged(opened)))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage("Nothing was changed, so no new version was saved.");
            ArticleCorrection onlySpacing = new ArticleCorrection(
                    "  " + opened.title() + " ",
                    opened.body().replace("\n\n", "\n\n\n"),
                    opened.byline(),
                    opened.published(),
                    opened.address());
            assertThatThrownBy(() -> imports.saveEdit(id, opened.version(), onlySpacing))
                    .as("the stored text would be the same")
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage("Nothing was changed, so no new version was saved.");
            assertThatThrownBy(() -> imports.saveEdit(
                            id,
                            opened.version(),
                            new ArticleCorrection(" ", opened.body(), null, opened.published(), null)))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage("Give the article its headline.");
            assertThat(state(id)).isEqualTo(before);
            assertThat((List<?>) before.get("versions")).hasSize(1);
        }
    }
}
