package org.lateral.library.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.Fixtures;
import org.lateral.LateralTest;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.library.LibraryPins;
import org.lateral.library.keys.ComparisonDrafts;
import org.lateral.library.keys.ComparisonKeyEditorService;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.util.FileSystemUtils;

/** The comparison key editor as a teacher uses it (DD021, "Comparison keys"). */
@LateralTest
class ComparisonKeyEditorViewTest extends SpringBrowserlessTest {

    static final String COPIER = "cmp-view-copier";
    static final String STARTER = "cmp-view-starter";
    static final String SPANISH = "cmp-view-spanish";

    /** A school of its own with its own copy of the seed pack, so the demo school is not changed. */
    static @Nullable UUID school;

    static @Nullable Path packCopy;

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ComparisonKeyEditorService comparisons;

    @Autowired
    LibraryPins pins;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void teachersOfASchoolWithItsOwnPack() throws Exception {
        if (school != null) {
            return;
        }
        packCopy = Files.createTempDirectory("cmp-view-pack");
        UUID id = fixtures.schoolWithOwnPack("Comparison view school", packCopy);
        administration.ensureAccount(id, COPIER, "Mx Copier", Set.of(Role.TEACHER), Fixtures.PASSWORD);
        administration.ensureAccount(id, STARTER, "Mx Starter", Set.of(Role.TEACHER), Fixtures.PASSWORD);
        administration.ensureAccount(id, SPANISH, "Mx Spanish", Set.of(Role.TEACHER), Fixtures.PASSWORD);
        school = id;
    }

    @AfterAll
    static void removePackCopy() {
        if (packCopy != null) {
            FileSystemUtils.deleteRecursively(packCopy.toFile());
        }
    }

    private UUID storySet() {
        return pins.storySetOfPack(school, "defectors").orElseThrow();
    }

    private Div status() {
        return $(Div.class).withTestId("cmp-status").single();
    }

    private String draftVersion() {
        return status().getElement().getAttribute("data-draft-version");
    }

    private Div problems() {
        return $(Div.class).withTestId("cmp-problems").single();
    }

    private List<Div> all(String testId) {
        return $(Div.class).withAttribute("data-testid", testId).all();
    }

    @Test
    @WithUserDetails(value = COPIER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_packs_comparison_key_is_copied_edited_field_by_field_and_published() {
        UUID set = storySet();
        List<UUID> articles = pins.articlesOfStorySet(school, set);

        // The reader of an article of the set leads here.
        navigate(ReaderView.class, articles.getFirst().toString());
        Anchor link = $(Anchor.class).withTestId("comparison-key-edit").single();
        assertThat(link.getHref()).contains("library/story-set-key/" + set);

        navigate(ComparisonKeyEditorView.class, set.toString());
        assertThat($(Div.class).withTestId("cmp-start").single().getElement().getTextRecursively())
                .contains("You have no comparison key for this story set yet", "exercise pack");
        test($(Button.class).withTestId("cmp-copy").single()).click();
        assertThat(draftVersion()).isEqualTo("0");
        assertThat(all("cmp-entry")).hasSize(articles.size());
        int claims = all("cmp-claim").size();
        assertThat(claims).isPositive();
        assertThat(all("cmp-rubric-level")).hasSize(4);

        // One field of the first article's row: saved at once, the whole draft.
        Div first = all("cmp-entry").getFirst();
        assertThat(first.getElement().getAttribute("data-article-id"))
                .isEqualTo(articles.getFirst().toString());
        @SuppressWarnings("unchecked")
        Select<String> framing =
                $(Select.class, first).withTestId("cmp-framing").single();
        test(framing).selectItem("A question");
        assertThat(draftVersion()).isEqualTo("1");
        @SuppressWarnings("unchecked")
        CheckboxGroup<String> also =
                $(CheckboxGroup.class, first).withTestId("cmp-framing-also").single();
        test(also).deselectAll();
        test(also).selectItem("Hedged");
        test($(TextArea.class, first).withTestId("cmp-framing-why").single())
                .setValue("\u201cMay\u201d hedges the question it asks.");
        test($(TextField.class, first).withTestId("cmp-named-max").single()).setValue("60");
        String savedVersion = draftVersion();
        assertThat(Integer.parseInt(savedVersion)).isGreaterThan(1);
        assertThat(comparisons.open(set).orElseThrow().key().draft().entries().getFirst())
                .satisfies(e -> {
                    assertThat(e.framing()).isEqualTo("question");
                    assertThat(e.framingAlsoAccepted()).containsExactly("hedged");
                    assertThat(e.namedMax()).isEqualTo(60);
                });

        // A rubric level more, then publish: lessons may use it.
        test($(Button.class).withTestId("cmp-add-level").single()).click();
        Div fifth = all("cmp-rubric-level").getLast();
        test($(TextField.class, fifth).withTestId("cmp-level-name").single()).setValue("Beyond");
        test($(TextArea.class, fifth).withTestId("cmp-level-descriptor").single())
                .setValue("Checks what none of the outlets checked.");
        test($(Button.class).withTestId("cmp-publish").single()).click();
        assertThat(problems().getElement().getAttribute("data-outcome")).isEqualTo("published");
        assertThat(status().getText()).contains("This is the published comparison key");

        // A quote the article does not have is saved, but publishing names it.
        Div cell = $(Div.class, all("cmp-claim").getFirst())
                .withAttribute("data-testid", "cmp-cell")
                .all()
                .getFirst();
        @SuppressWarnings("unchecked")
        Select<String> how = $(Select.class, cell).withTestId("cmp-how").single();
        test(how).selectItem("As fact (own voice)");
        test($(TextField.class, cell).withTestId("cmp-quote").single()).setValue("Words no outlet printed");
        test($(Button.class).withTestId("cmp-publish").single()).click();
        assertThat(problems().getElement().getAttribute("data-outcome")).isEqualTo("problems");
        assertThat(problems().getElement().getTextRecursively())
                .contains(
                        "Core claim 1, \u201c",
                        "the words \u201cWords no outlet printed\u201d are not in the article.");
    }

    @Test
    @WithUserDetails(value = STARTER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void an_empty_key_is_started_and_a_stale_page_is_blocked_with_a_sentence() {
        UUID set = storySet();
        navigate(ComparisonKeyEditorView.class, set.toString());
        test($(Button.class).withTestId("cmp-start-empty").single()).click();
        assertThat(draftVersion()).isEqualTo("0");
        assertThat(all("cmp-claim")).isEmpty();
        test($(Button.class).withTestId("cmp-add-claim").single()).click();
        assertThat(all("cmp-claim")).hasSize(1);
        assertThat(draftVersion()).isEqualTo("1");

        // A bad count is refused with a sentence and nothing is saved.
        Div first = all("cmp-entry").getFirst();
        test($(TextField.class, first).withTestId("cmp-named").single()).setValue("5");
        test($(TextField.class, first).withTestId("cmp-named-max").single()).setValue("2");
        Paragraph error = $(Paragraph.class).withTestId("cmp-error").single();
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).contains("cannot be fewer than the least", "Nothing was saved.");
        assertThat(draftVersion()).isEqualTo("2");

        // Another tab saves first: this page is stale, and its next change is not saved.
        ComparisonKeyEditorService.EditedComparison stored =
                comparisons.open(set).orElseThrow().key();
        comparisons.save(set, stored.version(), ComparisonDrafts.addLevel(stored.draft()));
        test($(TextArea.class, all("cmp-claim").getFirst())
                        .withTestId("cmp-claim-text")
                        .single())
                .setValue("The council kept the ferry.");
        assertThat(error.getText()).contains("changed in another window or tab", "nothing was saved from this page");
        ComparisonKeyEditorService.EditedComparison after =
                comparisons.open(set).orElseThrow().key();
        assertThat(after.version()).isEqualTo(stored.version() + 1);
        assertThat(after.draft().claims().getFirst().claim()).isEmpty();
        assertThat($(Button.class).withTestId("cmp-publish").single().isEnabled())
                .isFalse();
    }

    /**
     * A refusal of the saved draft and what publishing still needs are made where the language is
     * not known; they travel as keys and are worded in the page's language (DD034).
     */
    @Test
    @WithUserDetails(value = SPANISH, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_spanish_page_words_the_refusals_and_the_publish_problems_in_spanish() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("es-ES"));
        navigate(ComparisonKeyEditorView.class, storySet().toString());
        test($(Button.class).withTestId("cmp-start-empty").single()).click();
        test($(Button.class).withTestId("cmp-add-claim").single()).click();

        Div first = all("cmp-entry").getFirst();
        test($(TextField.class, first).withTestId("cmp-named").single()).setValue("5");
        test($(TextField.class, first).withTestId("cmp-named-max").single()).setValue("2");
        String error = $(Paragraph.class).withTestId("cmp-error").single().getText();
        assertThat(error)
                .contains("no puede ser menor que el mínimo", "No se guardó nada.")
                .doesNotContain("Nothing was saved");

        test($(Button.class).withTestId("cmp-publish").single()).click();
        assertThat(problems().getElement().getAttribute("data-outcome")).isEqualTo("problems");
        assertThat(problems().getElement().getTextRecursively())
                .contains(
                        "Aún sin publicar. Falta:",
                        "Afirmación central 1: escribe la afirmación en palabras neutrales.",
                        "Da a la rúbrica de la valoración final al menos 2 niveles.")
                .doesNotContain("Core claim", "neutral words", "closing judgement");
    }
}
