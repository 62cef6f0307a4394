package org.lateral.library.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.Fixtures;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.lateral.base.UserFacingException;
import org.lateral.base.i18n.KeyedText;
import org.lateral.base.i18n.Translations;
import org.lateral.library.ClaimType;
import org.lateral.library.LibraryPins;
import org.lateral.library.LibraryService;
import org.lateral.library.OutletKind;
import org.lateral.library.SourceKind;
import org.lateral.library.importing.ArticleDraft;
import org.lateral.library.importing.ArticleImportService;
import org.lateral.library.importing.PastedArticle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The key editor's service on PostgreSQL (DD021): drafts saved with every change and checked on
 * the server, stale pages refused, publishing an immutable key version that lessons pin, and keys
 * that belong to one teacher, which others can copy but never change.
 */
@LateralServerTest
class KeyEditorServiceIT {

    @Autowired
    Fixtures fixtures;

    @Autowired
    KeyEditorService keys;

    @Autowired
    ArticleImportService imports;

    @Autowired
    LibraryService library;

    @Autowired
    LibraryPins pins;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    static final String FERRY = "Harbour town keeps its ferry\n\n"
            + "The council reportedly voted on Thursday to keep the ferry, officials said.\n\n"
            + "Fares may rise next year, according to the mayor, Ana Pereira.";

    private UUID importFerry(String teacher) {
        try (var s = SignedIn.as(users, teacher)) {
            ArticleDraft draft = imports.preview(
                    new PastedArticle(FERRY, null, "The Coastal Ledger", null, LocalDate.of(2026, 11, 5), null));
            return imports.save(draft.corrected(
                            draft.title(),
                            draft.body(),
                            null,
                            draft.outletName(),
                            OutletKind.NEWSPAPER,
                            draft.byline(),
                            draft.published()))
                    .articleId();
        }
    }

    private UUID accountId(String username) {
        return jdbc.sql("SELECT id FROM account WHERE username = :u")
                .param("u", username)
                .query(UUID.class)
                .single();
    }

    private int versionsOfKeysOf(UUID articleId) {
        return jdbc.sql("""
                SELECT count(*) FROM answer_key_version v JOIN answer_key k ON k.id = v.key_id WHERE k.article_id = :a
                """).param("a", articleId).query(Integer.class).single();
    }

    private String draftBody(UUID keyId) {
        return jdbc.sql("SELECT body::text FROM key_draft WHERE key_id = :k")
                .param("k", keyId)
                .query(String.class)
                .single();
    }

    static int at(String words) {
        return FERRY.indexOf(words);
    }

    /** The ferry key, complete: a hedged claim backed by "officials", and a speculation. */
    static KeyDraft ferryKey(KeyDraft start) {
        String first = "The council reportedly voted on Thursday to keep the ferry";
        KeyDraft d = KeyDrafts.addClaim(start, at(first), at(first) + first.length());
        String id = d.claims().getLast().id();
        d = KeyDrafts.updateClaim(
                d,
                id,
                c -> new KeyDraft.Claim(
                        c.id(),
                        c.start(),
                        c.end(),
                        Set.of(ClaimType.HEDGED, ClaimType.ATTRIBUTED),
                        3,
                        "\u201cReportedly\u201d: the paper does not vouch for it.",
                        List.of("reportedly"),
                        c.sourceIds()));
        d = KeyDrafts.addSource(d, "officials", SourceKind.OFFICIAL_BODY, at("officials"), at("officials") + 9);
        return KeyDrafts.link(d, id, Set.of(d.sources().getLast().id()));
    }

    @Test
    void a_teacher_writes_saves_and_publishes_a_key_that_new_lessons_pin() {
        UUID school = fixtures.school("Key editor school");
        String teacher = fixtures.teacher(school, "key-writer");
        UUID article = importFerry(teacher);
        try (var s = SignedIn.as(users, teacher)) {
            KeyEditorService.Workspace before = keys.open(article).orElseThrow();
            assertThat(before.key()).isNull();
            assertThat(before.copyable())
                    .as("nobody has a key for a new article")
                    .isNull();
            assertThat(before.article().mine()).isTrue();

            KeyEditorService.EditedKey started = keys.start(article, false).key();
            assertThat(started.version()).isZero();
            assertThat(started.draft()).isEqualTo(KeyDraft.EMPTY);
            assertThat(started.publishedAt()).isNull();
            assertThat(keys.start(article, false).key().keyId())
                    .as("starting again opens the same key")
                    .isEqualTo(started.keyId());

            // A claim without a type or why is saved as a draft, but cannot be published.
            KeyDraft half = KeyDrafts.addClaim(KeyDraft.EMPTY, at("Fares may rise"), at("Fares may rise") + 24);
            int v1 = keys.save(article, 0, half).version();
            assertThat(v1).isEqualTo(1);
            KeyEditorService.Publication refused = keys.publish(article, v1);
            assertThat(refused.published()).isFalse();
            assertThat(refused.problems().stream().map(KeyedText::english))
                    .containsExactly(
                            "Claim \u201cFares may rise next year\u201d: choose at least one type.",
                            "Claim \u201cFares may rise next year\u201d: write why, in a sentence students will see in their feedback.");
            assertThat(versionsOfKeysOf(article)).isZero();

            KeyDraft full = KeyDrafts.updateClaim(
                    ferryKey(half),
                    "c1",
                    c -> new KeyDraft.Claim(
                            c.id(),
                            c.start(),
                            c.end(),
                            Set.of(ClaimType.SPECULATION, ClaimType.HEDGED),
                            2,
                            "A guess about next year, hedged by \u201cmay\u201d.",
                            List.of("may"),
                            List.of()));
            int v2 = keys.save(article, v1, full).version();
            KeyEditorService.Publication published = keys.publish(article, v2);
            assertThat(published.problems()).isEmpty();
            assertThat(published.added()).isTrue();

            Map<String, Object> version =
                    jdbc.sql("""
                    SELECT v.status, v.key_id, k.owner_id, k.current_version_id, v.article_version_id, a.current_version_id AS article_version
                      FROM answer_key_version v JOIN answer_key k ON k.id = v.key_id JOIN article a ON a.id = k.article_id
                     WHERE v.id = :v
                    """).param("v", published.versionId()).query().singleRow();
            assertThat(version.get("status")).isEqualTo("complete");
            assertThat(version.get("owner_id")).isEqualTo(accountId(teacher));
            assertThat(version.get("current_version_id")).isEqualTo(published.versionId());
            assertThat(version.get("article_version_id")).isEqualTo(version.get("article_version"));
            assertThat(jdbc.sql("SELECT claim_id, exact FROM key_claim WHERE key_version_id = :v ORDER BY position")
                            .param("v", published.versionId())
                            .query((rs, n) -> rs.getString(1) + "=" + rs.getString(2))
                            .list())
                    .containsExactly(
                            "c2=The council reportedly voted on Thursday to keep the ferry",
                            "c1=Fares may rise next year");
            assertThat(jdbc.sql("SELECT claim_id || '>' || source_id FROM key_claim_source WHERE key_version_id = :v")
                            .param("v", published.versionId())
                            .query(String.class)
                            .list())
                    .containsExactly("c2>s1");

            assertThat(pins.current(school, article, accountId(teacher))
                            .orElseThrow()
                            .keyVersionId())
                    .isEqualTo(published.versionId());
            assertThat(library.reading(article)
                            .orElseThrow()
                            .keyOverlay()
                            .orElseThrow()
                            .versionId())
                    .isEqualTo(published.versionId());

            KeyEditorService.EditedKey reopened =
                    keys.open(article).orElseThrow().key();
            assertThat(reopened.draftPublished()).isTrue();
            // Saving tells the page whether the draft still is the published key.
            KeyDraft renamed = KeyDrafts.withChanges(reopened.draft(), "A note.");
            KeyEditorService.Saved changed = keys.save(article, reopened.version(), renamed);
            assertThat(changed.published()).isFalse();
            KeyEditorService.Saved back = keys.save(article, changed.version(), reopened.draft());
            assertThat(back.published()).isTrue();
            reopened = keys.open(article).orElseThrow().key();
            assertThat(reopened.publishedVersions()).isEqualTo(1);
            KeyEditorService.Publication again = keys.publish(article, reopened.version());
            assertThat(again.added())
                    .as("publishing an unchanged draft adds no version")
                    .isFalse();
            assertThat(again.versionId()).isEqualTo(published.versionId());
            assertThat(versionsOfKeysOf(article)).isEqualTo(1);

            // A second version: the first stays as it was, for the lessons that pinned it.
            int v3 = keys.save(
                            article,
                            reopened.version(),
                            KeyDrafts.withChanges(
                                    KeyDrafts.removeClaim(reopened.draft(), "c1"), "Dropped the claim about fares."))
                    .version();
            KeyEditorService.Publication second = keys.publish(article, v3);
            assertThat(second.added()).isTrue();
            assertThat(versionsOfKeysOf(article)).isEqualTo(2);
            assertThat(jdbc.sql("SELECT count(*) FROM key_claim WHERE key_version_id = :v")
                            .param("v", published.versionId())
                            .query(Integer.class)
                            .single())
                    .isEqualTo(2);
            assertThat(keys.open(article).orElseThrow().key().draftPublished()).isTrue();
        }
    }

    @Test
    void a_stale_page_and_a_draft_over_a_limit_are_refused_and_change_nothing() {
        UUID school = fixtures.school("Key editor stale school");
        String teacher = fixtures.teacher(school, "key-stale");
        UUID article = importFerry(teacher);
        try (var s = SignedIn.as(users, teacher)) {
            UUID keyId = keys.start(article, false).key().keyId();
            int v1 = keys.save(article, 0, ferryKey(KeyDraft.EMPTY)).version();
            String saved = draftBody(keyId);

            // Another tab saved first (from version 0 too): this page's save is refused.
            assertThatThrownBy(() -> keys.save(article, 0, KeyDraft.EMPTY))
                    .isInstanceOf(StaleDraftException.class)
                    .hasMessage(Translations.english("library.key.refusal.stale"));
            assertThatThrownBy(() -> keys.publish(article, 0))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage(Translations.english("library.key.refusal.stale"));
            KeyDraft outside = KeyDrafts.addClaim(KeyDraft.EMPTY, 5, FERRY.length() + 10);
            assertThatThrownBy(() -> keys.save(article, v1, outside))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("not in the article\u2019s text");
            assertThat(draftBody(keyId)).isEqualTo(saved);
            assertThat(keys.open(article).orElseThrow().key().version()).isEqualTo(v1);
            assertThat(versionsOfKeysOf(article)).isZero();
        }
    }

    @Test
    void a_colleague_can_copy_a_key_but_never_change_it_and_each_lesson_pins_its_teachers_own() {
        UUID school = fixtures.school("Key editor colleagues school");
        String author = fixtures.teacher(school, "key-author");
        String colleague = fixtures.teacher(school, "key-colleague");
        UUID article = importFerry(author);
        UUID authorsVersion;
        UUID authorsKey;
        try (var s = SignedIn.as(users, author)) {
            authorsKey = keys.start(article, false).key().keyId();
            int v = keys.save(article, 0, ferryKey(KeyDraft.EMPTY)).version();
            authorsVersion = keys.publish(article, v).versionId();
        }
        String authorsDraft = draftBody(authorsKey);
        try (var s = SignedIn.as(users, colleague)) {
            KeyEditorService.Workspace seen = keys.open(article).orElseThrow();
            assertThat(seen.article().mine()).isFalse();
            assertThat(seen.key()).as("the colleague has no key of their own").isNull();
            assertThat(seen.copyable()).isNotNull();
            assertThat(seen.copyable().fromPack()).isFalse();
            assertThat(seen.copyable().claims()).isEqualTo(1);
            // Every call works on the caller's own key: without one, nothing of the author's is touched.
            assertThatThrownBy(() -> keys.save(article, 1, KeyDraft.EMPTY))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage("Start a key for this article first.");
            assertThatThrownBy(() -> keys.publish(article, 1))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage("Start a key for this article first.");
            assertThat(pins.current(school, article, accountId(colleague))
                            .orElseThrow()
                            .keyVersionId())
                    .as("until they have their own, the colleague's lessons pin the author's key")
                    .isEqualTo(authorsVersion);

            KeyEditorService.EditedKey copy = keys.start(article, true).key();
            assertThat(copy.keyId()).isNotEqualTo(authorsKey);
            assertThat(copy.draft().claims()).hasSize(1);
            assertThat(copy.draft().claims().getFirst().cues()).containsExactly("reportedly");
            assertThat(copy.draft().claims().getFirst().sourceIds()).containsExactly("s1");
            assertThat(copy.draft().sources().getFirst().name()).isEqualTo("officials");
            int v = keys.save(article, copy.version(), KeyDrafts.removeSource(copy.draft(), "s1"))
                    .version();
            UUID colleaguesVersion = keys.publish(article, v).versionId();

            assertThat(pins.current(school, article, accountId(colleague))
                            .orElseThrow()
                            .keyVersionId())
                    .isEqualTo(colleaguesVersion);
        }
        assertThat(draftBody(authorsKey)).as("the author's draft is untouched").isEqualTo(authorsDraft);
        assertThat(pins.current(school, article, accountId(author))
                        .orElseThrow()
                        .keyVersionId())
                .isEqualTo(authorsVersion);
        assertThat(jdbc.sql("SELECT current_version_id FROM answer_key WHERE id = :k")
                        .param("k", authorsKey)
                        .query(UUID.class)
                        .single())
                .isEqualTo(authorsVersion);
    }

    @Test
    void the_packs_key_is_copied_whole_to_adapt_and_the_pack_key_stays_as_it_was(@TempDir Path temp) throws Exception {
        UUID school = fixtures.schoolWithOwnPack("Key editor pack school", temp);
        String teacher = fixtures.teacher(school, "key-adapter");
        try (var s = SignedIn.as(users, teacher)) {
            UUID article = library.articles("frisky").getFirst().articleId();
            UUID packVersion = pins.current(school, article).orElseThrow().keyVersionId();
            int packClaims = jdbc.sql("SELECT count(*) FROM key_claim WHERE key_version_id = :v")
                    .param("v", packVersion)
                    .query(Integer.class)
                    .single();
            KeyEditorService.Workspace seen = keys.open(article).orElseThrow();
            assertThat(seen.article().mine()).isFalse();
            assertThat(seen.copyable().fromPack()).isTrue();
            assertThat(seen.copyable().claims()).isEqualTo(packClaims);

            KeyEditorService.EditedKey copy = keys.start(article, true).key();
            assertThat(copy.draft().claims()).hasSize(packClaims);
            assertThat(KeyDrafts.publishProblems(copy.draft(), seen.article().text()))
                    .as("a copy of a complete key can be published as it is")
                    .isEmpty();
            KeyEditorService.Publication mine = keys.publish(article, copy.version());
            assertThat(mine.added()).isTrue();
            // The same claims, sources, mentions and links as the pack's version, row for row.
            for (String table : List.of("key_claim", "key_source", "key_source_attribution", "key_claim_source")) {
                String columns =
                        jdbc.sql("""
                        SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) FROM information_schema.columns
                         WHERE table_name = :t AND column_name <> 'key_version_id'
                        """).param("t", table).query(String.class).single();
                int differing = jdbc.sql("SELECT count(*) FROM ((SELECT " + columns + " FROM " + table
                                + " WHERE key_version_id = :a EXCEPT SELECT " + columns + " FROM " + table
                                + " WHERE key_version_id = :b) UNION ALL (SELECT " + columns + " FROM " + table
                                + " WHERE key_version_id = :b EXCEPT SELECT " + columns + " FROM " + table
                                + " WHERE key_version_id = :a)) d")
                        .param("a", packVersion)
                        .param("b", mine.versionId())
                        .query(Integer.class)
                        .single();
                assertThat(differing).as(table).isZero();
            }
            assertThat(pins.current(school, article).orElseThrow().keyVersionId())
                    .as("other teachers still pin the pack's key")
                    .isEqualTo(packVersion);
            assertThat(pins.current(school, article, accountId(teacher))
                            .orElseThrow()
                            .keyVersionId())
                    .isEqualTo(mine.versionId());

            // Lessons this teacher gave on the pack's key are offered the adapted one; others' are not.
            UUID articleVersion = pins.current(school, article).orElseThrow().articleVersionId();
            assertThat(pins.newerKeyVersion(school, articleVersion, packVersion, accountId(teacher)))
                    .get()
                    .extracting(LibraryPins.KeyVersion::id)
                    .isEqualTo(mine.versionId());
            assertThat(pins.newerKeyVersion(school, articleVersion, packVersion, null))
                    .isEmpty();
            assertThat(pins.newerKeyVersion(school, articleVersion, mine.versionId(), accountId(teacher)))
                    .as("a lesson already on the teacher's key is offered nothing")
                    .isEmpty();
        }
    }

    @Test
    void a_draft_follows_the_articles_corrected_text_and_says_what_it_lost() {
        UUID school = fixtures.school("Key editor moved school");
        String teacher = fixtures.teacher(school, "key-moved");
        UUID article = importFerry(teacher);
        try (var s = SignedIn.as(users, teacher)) {
            KeyEditorService.EditedKey key = keys.start(article, false).key();
            KeyDraft draft =
                    KeyDrafts.addClaim(ferryKey(KeyDraft.EMPTY), at("Fares may rise"), at("Fares may rise") + 24);
            keys.save(article, key.version(), draft);
        }
        // The article's owner corrects the text: a new current version (as the article editor stores it).
        String corrected = "Harbour town keeps its ferry for now\n\n"
                + "The council reportedly voted on Thursday to keep the ferry, officials said.";
        jdbc.sql("""
                INSERT INTO article_version (id, article_id, content_hash, title, byline, published_on, published_precision,
                                             language, canonical_text, created_at)
                SELECT gen_random_uuid(), v.article_id, encode(sha256(convert_to(:text, 'UTF8')), 'hex'), v.title, v.byline,
                       v.published_on, v.published_precision, v.language, :text, now()
                  FROM article a JOIN article_version v ON v.id = a.current_version_id WHERE a.id = :a
                """).param("text", corrected).param("a", article).update();
        jdbc.sql("""
                UPDATE article SET current_version_id = (SELECT id FROM article_version WHERE article_id = :a AND canonical_text = :text)
                 WHERE id = :a
                """).param("text", corrected).param("a", article).update();
        try (var s = SignedIn.as(users, teacher)) {
            // A page opened before the correction cannot save its offsets into the old text.
            int before = jdbc.sql(
                            "SELECT d.version FROM key_draft d JOIN answer_key k ON k.id = d.key_id WHERE k.article_id = :a")
                    .param("a", article)
                    .query(Integer.class)
                    .single();
            assertThatThrownBy(() -> keys.save(article, before, KeyDraft.EMPTY))
                    .isInstanceOf(StaleDraftException.class)
                    .hasMessage(Translations.english("library.key.refusal.articleChanged"));
            KeyEditorService.EditedKey moved = keys.open(article).orElseThrow().key();
            assertThat(moved.lost().stream().map(KeyedText::english))
                    .containsExactly("claim \u201cFares may rise next year\u201d");
            KeyDraft.Claim kept = moved.draft().claims().getFirst();
            assertThat(corrected.substring(kept.start(), kept.end()))
                    .isEqualTo("The council reportedly voted on Thursday to keep the ferry");
            KeyEditorService.Publication published = keys.publish(article, moved.version());
            assertThat(jdbc.sql("SELECT article_version_id FROM answer_key_version WHERE id = :v")
                            .param("v", published.versionId())
                            .query(UUID.class)
                            .single())
                    .as("published against the corrected text")
                    .isEqualTo(pins.current(school, article).orElseThrow().articleVersionId());
        }
    }

    @Test
    void a_draft_stored_before_a_field_existed_still_opens() {
        UUID school = fixtures.school("Key editor old draft school");
        String teacher = fixtures.teacher(school, "key-old-draft");
        UUID article = importFerry(teacher);
        try (var s = SignedIn.as(users, teacher)) {
            UUID keyId = keys.start(article, false).key().keyId();
            // As a later version of Lateral might find it: fields missing at every level.
            int at = at("officials");
            jdbc.sql("UPDATE key_draft SET body = CAST(:b AS jsonb) WHERE key_id = :k")
                    .param(
                            "b",
                            "{\"claims\": [{\"id\": \"c1\", \"start\": " + at + ", \"end\": " + (at + 9)
                                    + ", \"worthiness\": 2}], \"sources\": [{\"id\": \"s1\", \"name\": \"officials\","
                                    + " \"kind\": \"OFFICIAL_BODY\", \"primary\": true}]}")
                    .param("k", keyId)
                    .update();
            KeyDraft read = keys.open(article).orElseThrow().key().draft();
            assertThat(read.claims().getFirst().types()).isEmpty();
            assertThat(read.claims().getFirst().why()).isEmpty();
            assertThat(read.sources().getFirst().mentions()).isEmpty();
            assertThat(read.dismissed()).isEmpty();
            assertThat(read.changes()).isEmpty();
        }
    }
}
