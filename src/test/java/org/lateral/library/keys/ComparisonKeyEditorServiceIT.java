package org.lateral.library.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.Fixtures;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.NewAssignment;
import org.lateral.assignment.NewStep;
import org.lateral.base.UserFacingException;
import org.lateral.base.i18n.KeyedText;
import org.lateral.base.i18n.Translations;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.library.LibraryPins;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The comparison key editor's service on PostgreSQL (DD021, "Comparison keys"): the pack's
 * comparison key copied to adapt, saved with every change, published as an immutable version that
 * the teacher's own compare steps pin; colleagues copy but never change it; stale pages and bad
 * drafts change nothing.
 */
@LateralServerTest
class ComparisonKeyEditorServiceIT {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ComparisonKeyEditorService comparisons;

    @Autowired
    LibraryPins pins;

    @Autowired
    AssignmentService assignments;

    @Autowired
    ClassroomService classroom;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    private UUID accountId(String username) {
        return jdbc.sql("SELECT id FROM account WHERE username = :u")
                .param("u", username)
                .query(UUID.class)
                .single();
    }

    private String draftBody(UUID keyId) {
        return jdbc.sql("SELECT body::text FROM comparison_key_draft WHERE comparison_key_id = :k")
                .param("k", keyId)
                .query(String.class)
                .single();
    }

    private int versionsOf(UUID keyId) {
        return jdbc.sql("SELECT count(*) FROM comparison_key_version WHERE comparison_key_id = :k")
                .param("k", keyId)
                .query(Integer.class)
                .single();
    }

    private UUID currentVersion(UUID keyId) {
        return jdbc.sql("SELECT current_version_id FROM comparison_key WHERE id = :k")
                .param("k", keyId)
                .query(UUID.class)
                .single();
    }

    /** The rows of a comparison key version, without the version's id: to compare two versions' contents. */
    private List<String> rowsOf(UUID versionId) {
        List<String> rows = new java.util.ArrayList<>();
        rows.addAll(jdbc.sql("""
                SELECT concat_ws('|', article_version_id, position, headline_framing, named_sources, named_sources_max,
                                 anonymous_sources, anonymous_sources_max, hedges::text, loaded_words::text, reporting,
                                 relayed_from_outlets::text, omissions, notes, framing, framing_also_accepted::text,
                                 framing_why, outlet_kind_note)
                  FROM comparison_key_entry WHERE version_id = :v ORDER BY position
                """).param("v", versionId).query(String.class).list());
        rows.addAll(jdbc.sql("""
                SELECT concat_ws('|', claim_id, position, claim) FROM comparison_core_claim WHERE version_id = :v
                 ORDER BY position
                """).param("v", versionId).query(String.class).list());
        rows.addAll(jdbc.sql("""
                SELECT concat_ws('|', claim_id, article_version_id, how, also_accepted::text, why, start_offset,
                                 end_offset, exact)
                  FROM comparison_claim_carriage WHERE version_id = :v ORDER BY claim_id, article_version_id
                """).param("v", versionId).query(String.class).list());
        rows.addAll(jdbc.sql("""
                SELECT concat_ws('|', level, name, descriptor) FROM comparison_rubric_level WHERE version_id = :v
                 ORDER BY level
                """).param("v", versionId).query(String.class).list());
        return rows;
    }

    /** A compare lesson on the set's first two articles, assigned by the signed-in teacher; its pinned key. */
    private UUID compareLessonPins(List<UUID> articles) {
        UUID classId = classroom
                .createClass(
                        new NewClass("Media " + UUID.randomUUID().toString().substring(0, 6), "", "", "UTC"))
                .id();
        UUID lesson = assignments
                .assignMarkClaims(
                        classId,
                        new NewAssignment(
                                articles.get(0),
                                null,
                                LocalDate.now().plusDays(3),
                                false,
                                FeedbackPolicy.AFTER_SUBMIT,
                                false,
                                null,
                                false,
                                List.of(NewStep.compare(articles.subList(0, 2), BigDecimal.ONE, false))))
                .id();
        return jdbc.sql("SELECT comparison_key_version_id FROM lesson_step WHERE assignment_id = :a")
                .param("a", lesson)
                .query(UUID.class)
                .single();
    }

    @Test
    void the_packs_comparison_key_is_copied_adapted_and_published_and_the_teachers_compare_lessons_pin_it(
            @TempDir Path temp) throws Exception {
        UUID school = fixtures.schoolWithOwnPack("Comparison editor pack school", temp);
        String teacher = fixtures.teacher(school, "cmp-writer");
        String colleague = fixtures.teacher(school, "cmp-other");
        UUID set = pins.storySetOfPack(school, "defectors").orElseThrow();
        List<UUID> articles = pins.articlesOfStorySet(school, set);
        UUID packVersion = pins.comparisonPin(school, set).orElseThrow().versionId();
        UUID packKey = jdbc.sql("SELECT comparison_key_id FROM comparison_key_version WHERE id = :v")
                .param("v", packVersion)
                .query(UUID.class)
                .single();
        int packClaims = jdbc.sql("SELECT count(*) FROM comparison_core_claim WHERE version_id = :v")
                .param("v", packVersion)
                .query(Integer.class)
                .single();

        UUID mine;
        UUID myKey;
        try (var s = SignedIn.as(users, teacher)) {
            ComparisonKeyEditorService.Workspace before = comparisons.open(set).orElseThrow();
            assertThat(before.key()).isNull();
            assertThat(before.storySet().articles())
                    .extracting(ComparisonDrafts.SetArticle::articleId)
                    .containsExactlyElementsOf(articles);
            assertThat(before.copyable()).isNotNull();
            assertThat(before.copyable().fromPack()).isTrue();
            assertThat(before.copyable().versionId()).isEqualTo(packVersion);
            assertThat(before.copyable().claims()).isEqualTo(packClaims);
            assertThat(before.copyable().levels()).isEqualTo(4);

            ComparisonKeyEditorService.EditedComparison copy =
                    comparisons.start(set, true).key();
            myKey = copy.comparisonKeyId();
            assertThat(myKey).isNotEqualTo(packKey);
            assertThat(copy.version()).isZero();
            assertThat(copy.publishedAt()).isNull();
            assertThat(copy.draft().entries()).hasSize(articles.size());
            assertThat(copy.draft().claims()).hasSize(packClaims);
            assertThat(copy.draft().rubric()).hasSize(4);
            assertThat(ComparisonDrafts.publishProblems(
                            copy.draft(), before.storySet().articles()))
                    .as("the pack's key copies whole: it can be published as it is")
                    .isEmpty();
            assertThat(comparisons.start(set, true).key().comparisonKeyId())
                    .as("starting again opens the same key")
                    .isEqualTo(myKey);

            // Adapt it: a fifth rubric level and another framing accepted for the first article.
            ComparisonDraft adapted = ComparisonDrafts.updateLevel(
                    ComparisonDrafts.addLevel(copy.draft()),
                    4,
                    l -> new ComparisonDraft.Level("Beyond", "Finds what none of the outlets checked."));
            adapted = ComparisonDrafts.updateEntry(
                    adapted,
                    articles.getFirst(),
                    e -> new ComparisonDraft.Entry(
                            e.articleId(),
                            e.headlineFraming(),
                            "question",
                            List.of(),
                            "",
                            e.outletKindNote(),
                            e.named(),
                            e.namedMax(),
                            e.anonymous(),
                            e.anonymousMax(),
                            e.hedges(),
                            e.loadedWords(),
                            e.reporting(),
                            e.relayedFrom(),
                            e.omissions(),
                            e.notes()));
            ComparisonKeyEditorService.Saved saved = comparisons.save(set, 0, adapted);
            assertThat(saved.version()).isEqualTo(1);
            assertThat(saved.published()).isFalse();

            ComparisonKeyEditorService.Publication published = comparisons.publish(set, 1);
            assertThat(published.problems()).isEmpty();
            assertThat(published.added()).isTrue();
            mine = published.versionId();
            assertThat(currentVersion(myKey)).isEqualTo(mine);
            assertThat(jdbc.sql("SELECT count(*) FROM comparison_rubric_level WHERE version_id = :v")
                            .param("v", mine)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(5);
            assertThat(jdbc.sql("SELECT framing FROM comparison_key_entry WHERE version_id = :v AND position = 0")
                            .param("v", mine)
                            .query(String.class)
                            .single())
                    .isEqualTo("question");
            assertThat(comparisons.open(set).orElseThrow().key().draftPublished())
                    .as("the draft is what is published")
                    .isTrue();
            assertThat(comparisons.publish(set, 1).added())
                    .as("publishing it again adds nothing")
                    .isFalse();
            assertThat(versionsOf(myKey)).isEqualTo(1);

            assertThat(pins.comparisonPin(school, set, accountId(teacher))
                            .orElseThrow()
                            .versionId())
                    .isEqualTo(mine);
            assertThat(compareLessonPins(articles))
                    .as("the teacher's new compare lesson pins their own key")
                    .isEqualTo(mine);
        }
        assertThat(currentVersion(packKey)).as("the pack's key is as it was").isEqualTo(packVersion);
        assertThat(pins.comparisonPin(school, set).orElseThrow().versionId()).isEqualTo(packVersion);
        try (var s = SignedIn.as(users, colleague)) {
            assertThat(compareLessonPins(articles))
                    .as("a colleague's compare lesson pins the pack's key")
                    .isEqualTo(packVersion);
        }
    }

    @Test
    void a_colleague_may_copy_a_comparison_key_but_never_change_it(@TempDir Path temp) throws Exception {
        UUID school = fixtures.schoolWithOwnPack("Comparison editor colleagues school", temp);
        String author = fixtures.teacher(school, "cmp-author");
        String colleague = fixtures.teacher(school, "cmp-colleague");
        UUID set = pins.storySetOfPack(school, "defectors").orElseThrow();
        UUID authorsKey;
        UUID authorsVersion;
        try (var s = SignedIn.as(users, author)) {
            ComparisonKeyEditorService.EditedComparison copy =
                    comparisons.start(set, true).key();
            authorsKey = copy.comparisonKeyId();
            int v = comparisons
                    .save(set, 0, ComparisonDrafts.removeLevel(ComparisonDrafts.addLevel(copy.draft()), 4))
                    .version();
            authorsVersion = comparisons.publish(set, v).versionId();
        }
        UUID packVersion = pins.comparisonPin(school, set).orElseThrow().versionId();
        assertThat(authorsVersion).isNotEqualTo(packVersion);
        assertThat(rowsOf(authorsVersion))
                .as("a copy published unchanged has the pack's rows, row for row")
                .isNotEmpty()
                .containsExactlyElementsOf(rowsOf(packVersion));
        String authorsDraft = draftBody(authorsKey);
        try (var s = SignedIn.as(users, colleague)) {
            ComparisonKeyEditorService.Workspace seen = comparisons.open(set).orElseThrow();
            assertThat(seen.key())
                    .as("the colleague has no comparison key of their own")
                    .isNull();
            assertThat(seen.copyable().fromPack())
                    .as("the pack's key is offered first")
                    .isTrue();
            // Every call works on the caller's own key: without one, nothing of the author's is touched.
            assertThatThrownBy(() -> comparisons.save(set, 1, ComparisonDraft.EMPTY))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage("Start a comparison key for this story set first.");
            assertThatThrownBy(() -> comparisons.publish(set, 1))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage("Start a comparison key for this story set first.");

            ComparisonKeyEditorService.EditedComparison own =
                    comparisons.start(set, false).key();
            assertThat(own.comparisonKeyId()).isNotEqualTo(authorsKey);
            assertThat(own.draft()).isEqualTo(ComparisonDraft.EMPTY);
            comparisons.save(set, 0, ComparisonDrafts.addClaim(ComparisonDraft.EMPTY));
        }
        assertThat(draftBody(authorsKey)).as("the author's draft is untouched").isEqualTo(authorsDraft);
        assertThat(currentVersion(authorsKey)).isEqualTo(authorsVersion);
        assertThat(versionsOf(authorsKey)).isEqualTo(1);
    }

    @Test
    void a_stale_page_or_a_bad_draft_changes_nothing_and_an_admin_cannot_edit(@TempDir Path temp) throws Exception {
        UUID school = fixtures.schoolWithOwnPack("Comparison editor stale school", temp);
        String teacher = fixtures.teacher(school, "cmp-tabs");
        String admin = fixtures.admin(school, "cmp-admin");
        UUID set = pins.storySetOfPack(school, "defectors").orElseThrow();
        try (var s = SignedIn.as(users, admin)) {
            assertThatThrownBy(() -> comparisons.start(set, true))
                    .as("the story set rule lets admins in; the editor does not")
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM comparison_key WHERE story_set_id = :s AND owner_id IS NOT NULL")
                        .param("s", set)
                        .query(Integer.class)
                        .single())
                .isZero();
        try (var s = SignedIn.as(users, teacher)) {
            UUID key = comparisons.start(set, false).key().comparisonKeyId();
            ComparisonDraft first = ComparisonDrafts.addClaim(ComparisonDraft.EMPTY);
            assertThat(comparisons.save(set, 0, first).version()).isEqualTo(1);
            String stored = draftBody(key);

            // A second tab that loaded version 0 saves: refused, whole.
            assertThatThrownBy(() -> comparisons.save(set, 0, ComparisonDrafts.addLevel(ComparisonDraft.EMPTY)))
                    .isInstanceOf(StaleDraftException.class)
                    .hasMessage(Translations.english("library.comparison.refusal.stale"));
            assertThatThrownBy(() -> comparisons.publish(set, 0)).isInstanceOf(StaleDraftException.class);
            // A count the tables refuse: refused with a sentence.
            ComparisonDraft negative = ComparisonDrafts.updateEntry(
                    first,
                    pins.articlesOfStorySet(school, set).getFirst(),
                    e -> new ComparisonDraft.Entry(
                            e.articleId(),
                            "",
                            "",
                            List.of(),
                            "",
                            "",
                            2,
                            1,
                            0,
                            null,
                            List.of(),
                            List.of(),
                            "",
                            List.of(),
                            "",
                            ""));
            assertThatThrownBy(() -> comparisons.save(set, 1, negative))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("cannot be fewer than the least");
            assertThat(draftBody(key)).isEqualTo(stored);
            assertThat(comparisons.open(set).orElseThrow().key().version()).isEqualTo(1);

            // Publishing an unfinished draft lists what is missing and stores nothing.
            ComparisonKeyEditorService.Publication refused = comparisons.publish(set, 1);
            assertThat(refused.published()).isFalse();
            assertThat(refused.problems().stream().map(KeyedText::english))
                    .contains(
                            "Core claim 1: write the claim in neutral words.",
                            "Give the closing judgement\u2019s rubric at least 2 levels.");
            assertThat(versionsOf(key)).isZero();
            assertThat(pins.comparisonPin(school, set, accountId(teacher))
                            .orElseThrow()
                            .versionId())
                    .as("an unpublished key is never pinned")
                    .isNotIn(jdbc.sql("SELECT id FROM comparison_key_version WHERE comparison_key_id = :k")
                            .param("k", key)
                            .query(UUID.class)
                            .list());
        }
    }
}
