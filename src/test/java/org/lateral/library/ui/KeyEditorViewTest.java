package org.lateral.library.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.Fixtures;
import org.lateral.LateralTest;
import org.lateral.base.highlighter.ClaimHighlighter;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.library.ClaimType;
import org.lateral.library.LibraryPins;
import org.lateral.library.LibraryService;
import org.lateral.library.OutletKind;
import org.lateral.library.importing.ArticleDraft;
import org.lateral.library.importing.ArticleImportService;
import org.lateral.library.importing.PastedArticle;
import org.lateral.library.keys.KeyDraft;
import org.lateral.library.keys.KeyEditorService;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.util.FileSystemUtils;

/** The key editor as a teacher uses it, keyboard path included (DD021). */
@LateralTest
class KeyEditorViewTest extends SpringBrowserlessTest {

    static final String KEY_TEACHER = "key-view-teacher";

    /** A school of its own with its own copy of the seed pack, so the demo school is not changed. */
    static @Nullable UUID keySchool;

    static @Nullable Path packCopy;

    static final String TEXT = "Harbour town keeps its ferry\n\n"
            + "The council reportedly voted on Thursday to keep the ferry, officials said.\n\n"
            + "Fares may rise next year, according to the mayor, Ana Pereira.";

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ArticleImportService imports;

    @Autowired
    KeyEditorService keys;

    @Autowired
    LibraryService library;

    @Autowired
    LibraryPins pins;

    @BeforeEach
    void aTeacherOfASchoolWithItsOwnPack() throws Exception {
        if (keySchool != null) {
            return;
        }
        packCopy = Files.createTempDirectory("key-view-pack");
        UUID school = fixtures.schoolWithOwnPack("Key view school", packCopy);
        administration.ensureAccount(school, KEY_TEACHER, "Mx Key", Set.of(Role.TEACHER), Fixtures.PASSWORD);
        keySchool = school;
    }

    @AfterAll
    static void removePackCopy() {
        if (packCopy != null) {
            FileSystemUtils.deleteRecursively(packCopy.toFile());
        }
    }

    /** A new article of the teacher's own, under a headline of its own so each test has a fresh one. */
    private UUID importArticle(String headline) {
        ArticleDraft draft = imports.preview(new PastedArticle(
                TEXT.replace("Harbour town keeps its ferry", headline),
                null,
                "Key View Gazette",
                null,
                LocalDate.of(2026, 11, 5),
                null));
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

    private void find(String words) {
        test($(TextField.class).withTestId("key-find").single()).setValue(words);
        test($(Button.class).withTestId("key-find-button").single()).click();
    }

    private Div status() {
        return $(Div.class).withTestId("key-status").single();
    }

    private Paragraph error() {
        return $(Paragraph.class).withTestId("key-error").single();
    }

    @Test
    @WithUserDetails(value = KEY_TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_key_is_written_from_suggestions_and_typed_words_and_published() {
        UUID article = importArticle("Harbour town keeps its ferry");
        navigate(KeyEditorView.class, article.toString());
        assertThat($(Div.class).withTestId("key-start").single().getElement().getTextRecursively())
                .contains("You have no key for this article yet");
        assertThat($(Button.class).withTestId("key-copy").exists())
                .as("nothing to copy")
                .isFalse();
        test($(Button.class).withTestId("key-start-empty").single()).click();
        assertThat(status().getElement().getAttribute("data-draft-version")).isEqualTo("0");

        // The suggester finds "officials" (an attribution) and proposes claims with their cues.
        Div officials = $(Div.class).withAttribute("data-testid", "key-suggested-source").all().stream()
                .filter(d -> d.getElement().getTextRecursively().contains("officials"))
                .findFirst()
                .orElseThrow();
        test($(Button.class, officials).withTestId("key-suggestion-accept").single())
                .click();
        assertThat($(Div.class).withAttribute("data-testid", "key-source").all())
                .hasSize(1);
        assertThat(status().getElement().getAttribute("data-draft-version")).isEqualTo("1");
        int claimSuggestions = $(Div.class)
                .withAttribute("data-testid", "key-suggested-claim")
                .all()
                .size();
        assertThat(claimSuggestions).isPositive();
        Div dismissed =
                $(Div.class).withAttribute("data-testid", "key-suggested-claim").first();
        test($(Button.class, dismissed).withTestId("key-suggestion-dismiss").single())
                .click();
        assertThat($(Div.class)
                        .withAttribute("data-testid", "key-suggested-claim")
                        .all())
                .hasSize(claimSuggestions - 1);

        // The keyboard's way to select: type the words.
        find("Fares may rise next year");
        assertThat($(Paragraph.class).withTestId("key-selected").single().getText())
                .isEqualTo("\u201cFares may rise next year\u201d");
        test($(Button.class).withTestId("key-add-claim").single()).click();
        Div claim = $(Div.class).withAttribute("data-testid", "key-claim").single();
        @SuppressWarnings("unchecked")
        CheckboxGroup<Object> types =
                $(CheckboxGroup.class, claim).withTestId("key-claim-types").single();
        test(types).selectItems("Hedged", "Speculation");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Object> worthiness = $(RadioButtonGroup.class, claim)
                .withTestId("key-claim-worthiness")
                .single();
        test(worthiness).selectItem("3 central");
        test($(TextArea.class, claim).withTestId("key-claim-why").single())
                .setValue("\u201cMay\u201d makes it a possibility, not a fact.");
        test($(TextField.class, claim).withTestId("key-claim-cues").single()).setValue("may, , may");
        @SuppressWarnings("unchecked")
        CheckboxGroup<Object> backers =
                $(CheckboxGroup.class, claim).withTestId("key-claim-sources").single();
        test(backers).selectItem("s1 \u00b7 officials");
        assertThat(status().getElement().getAttribute("data-draft-version"))
                .as("every change was saved as it was made")
                .isEqualTo(String.valueOf(keys.open(article).orElseThrow().key().version()));

        test($(Button.class).withTestId("key-publish").single()).click();
        Div outcome = $(Div.class).withTestId("key-problems").single();
        assertThat(outcome.getElement().getAttribute("data-outcome"))
                .as(outcome.getElement().getTextRecursively())
                .isEqualTo("published");

        KeyDraft saved = keys.open(article).orElseThrow().key().draft();
        KeyDraft.Claim c = saved.claims().getFirst();
        assertThat(c.types()).containsExactlyInAnyOrder(ClaimType.HEDGED, ClaimType.SPECULATION);
        assertThat(c.why()).isEqualTo("\u201cMay\u201d makes it a possibility, not a fact.");
        assertThat(c.cues()).containsExactly("may");
        assertThat(c.worthiness()).isEqualTo(3);
        assertThat(c.sourceIds()).containsExactly("s1");
        assertThat(saved.dismissed()).hasSize(1);
        assertThat(pins.current(keySchool, article).orElseThrow().keyVersionId())
                .as("lessons on the article can pin it now")
                .isNotNull();
    }

    @Test
    @WithUserDetails(value = KEY_TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void publishing_a_half_written_key_lists_what_is_missing_and_words_not_in_the_text_are_refused() {
        UUID article = importArticle("Ferry town weighs its options");
        navigate(KeyEditorView.class, article.toString());
        test($(Button.class).withTestId("key-start-empty").single()).click();
        find("Fares may fall");
        assertThat(error().isVisible()).isTrue();
        assertThat(error().getText()).startsWith("Those words are not in the article as typed.");
        find("Fares may rise next year");
        test($(Button.class).withTestId("key-add-claim").single()).click();
        test($(Button.class).withTestId("key-publish").single()).click();
        Div problems = $(Div.class).withTestId("key-problems").single();
        assertThat(problems.getElement().getAttribute("data-outcome")).isEqualTo("problems");
        assertThat(problems.getElement().getTextRecursively())
                .contains("Claim \u201cFares may rise next year\u201d: choose at least one type.");
        assertThat(pins.current(keySchool, article).orElseThrow().keyVersionId())
                .isNull();
    }

    @Test
    @WithUserDetails(value = KEY_TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void in_spanish_the_editor_and_what_publishing_still_needs_are_spanish() {
        UUID article = importArticle("Ferry town asks its readers");
        UI.getCurrent().setLocale(Locale.forLanguageTag("es-ES"));
        navigate(KeyEditorView.class, article.toString());
        test($(Button.class).withTestId("key-start-empty").single()).click();
        find("Fares may rise next year");
        test($(Button.class).withTestId("key-add-claim").single()).click();
        test($(Button.class).withTestId("key-publish").single()).click();

        String problems =
                $(Div.class).withTestId("key-problems").single().getElement().getTextRecursively();
        assertThat(problems)
                .contains("Aún sin publicar. Falta:")
                .contains("Afirmación \u201cFares may rise next year\u201d: elige al menos un tipo.")
                .doesNotContain("choose at least one type")
                .doesNotContain("Still to do");
        assertThat(status().getText()).startsWith("Todos los cambios guardados.");
    }

    @Test
    @WithUserDetails(value = KEY_TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void in_spanish_the_side_panel_is_a_named_keyboard_region_and_the_claims_have_their_list() {
        UUID article = importArticle("Ferry town lists its claims");
        UI.getCurrent().setLocale(Locale.forLanguageTag("es-ES"));
        navigate(KeyEditorView.class, article.toString());
        test($(Button.class).withTestId("key-start-empty").single()).click();

        Div side = $(Div.class).withClassName("reader-side").single();
        assertThat(side.getElement().getAttribute("tabindex")).isEqualTo("0");
        assertThat(side.getElement().getAttribute("role")).isEqualTo("region");
        assertThat(side.getElement().getAttribute("aria-label"))
                .isEqualTo("Afirmaciones y fuentes de la clave")
                .isNotEqualTo("The key’s claims and sources");
        assertThat($(ClaimHighlighter.class).single().getElement().getProperty("overlayList", false))
                .isTrue();
    }

    @Test
    @WithUserDetails(value = KEY_TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_page_left_open_while_another_tab_saved_says_to_reload_and_saves_nothing() {
        UUID article = importArticle("Ferry town counts the votes");
        navigate(KeyEditorView.class, article.toString());
        test($(Button.class).withTestId("key-start-empty").single()).click();
        // Another tab of the same teacher saves first.
        KeyEditorService.EditedKey other = keys.open(article).orElseThrow().key();
        keys.save(
                article,
                other.version(),
                org.lateral.library.keys.KeyDrafts.withChanges(other.draft(), "From the other tab."));

        find("Fares may rise next year");
        test($(Button.class).withTestId("key-add-claim").single()).click();
        assertThat(error().getText()).startsWith("This key was changed in another window or tab");
        assertThat($(Button.class).withTestId("key-publish").single().isEnabled())
                .isFalse();
        KeyDraft stored = keys.open(article).orElseThrow().key().draft();
        assertThat(stored.claims()).isEmpty();
        assertThat(stored.changes()).isEqualTo("From the other tab.");
    }

    @Test
    @WithUserDetails(value = KEY_TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_pack_article_offers_its_key_to_copy_and_the_reader_links_to_the_editor() {
        UUID article = library.articles("frisky").getFirst().articleId();
        navigate(ReaderView.class, article.toString());
        Anchor link = $(Anchor.class).withTestId("key-edit").single();
        assertThat(link.getHref()).isEqualTo("library/key/" + article);

        navigate(KeyEditorView.class, article.toString());
        assertThat($(Div.class).withTestId("key-start").single().getElement().getTextRecursively())
                .contains("the key that came with the exercise pack");
        assertThat($(Anchor.class).withTestId("key-comparison-link").single().getHref())
                .as("the article's story set has a comparison key editor of its own")
                .startsWith("library/story-set-key/");
        test($(Button.class).withTestId("key-copy").single()).click();
        assertThat($(Div.class).withAttribute("data-testid", "key-claim").all()).hasSizeGreaterThan(5);
        assertThat(status().getText()).contains("Not published yet");
    }
}
