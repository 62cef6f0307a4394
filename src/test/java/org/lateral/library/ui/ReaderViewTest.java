package org.lateral.library.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lateral.LateralTest;
import org.lateral.SignedIn;
import org.lateral.base.highlighter.ClaimHighlighter;
import org.lateral.base.ui.NotFoundView;
import org.lateral.library.ArticleReading;
import org.lateral.library.LibraryService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

@LateralTest
class ReaderViewTest extends SpringBrowserlessTest {

    @Autowired
    LibraryService library;

    @Autowired
    UserDetailsService users;

    private ArticleReading sputnik() {
        try (var signedIn = SignedIn.as(users, "teacher")) {
            return library.reading(library.articles("sputnik").getFirst().articleId())
                    .orElseThrow();
        }
    }

    @Test
    @WithUserDetails("teacher")
    void in_spanish_the_reader_and_its_outlet_card_are_spanish() {
        ArticleReading article = sputnik();
        UI.getCurrent().setLocale(Locale.forLanguageTag("es-ES"));
        navigate(ReaderView.class, article.articleId().toString());
        assertThat($(Div.class).withTestId("article-meta").single().getElement().getTextRecursively())
                .contains("Sin autor indicado")
                .doesNotContain("No author shown");
        assertThat($(Details.class).withTestId("removed-chrome").single().getSummaryText())
                .startsWith("Quitado de la página original");
        assertThat(((ReaderView) getCurrentView()).getPageTitle()).isEqualTo(article.title() + " · Lateral");
    }

    @Test
    @WithUserDetails("teacher")
    void in_spanish_the_key_legend_names_the_types_and_sources_in_spanish() {
        ArticleReading article = sputnik();
        UI.getCurrent().setLocale(Locale.forLanguageTag("es-ES"));
        navigate(ReaderView.class, article.articleId().toString());
        test($(Checkbox.class).withTestId("key-toggle").single()).click();

        String legend =
                $(Div.class).withTestId("key-legend").single().getElement().getTextRecursively();
        assertThat(legend)
                .contains("Matizada", "Especulación", "Sin respaldo", "fuente")
                .doesNotContain("hedged", "speculation", "source");
        var key = article.keyOverlay().orElseThrow();
        assertThat(ReaderView.overlays(key, k -> UI.getCurrent().getTranslation(k)))
                .extracting(ClaimHighlighter.Overlay::label)
                .anySatisfy(l -> assertThat(l).endsWith(" · fuente"))
                .noneSatisfy(l -> assertThat(l).endsWith(" · source"));
    }

    @Test
    @WithUserDetails("teacher")
    void the_reader_shows_the_text_read_only_with_the_outlet_and_what_was_cleaned_from_the_page() {
        ArticleReading article = sputnik();
        navigate(ReaderView.class, article.articleId().toString());
        ClaimHighlighter highlighter = $(ClaimHighlighter.class).single();
        assertThat(highlighter.getText()).isEqualTo(article.canonicalText());
        assertThat(highlighter.getElement().getProperty("readonly", false)).isTrue();
        assertThat($(Div.class).withTestId("outlet-card").single().getElement().getTextRecursively())
                .contains("Sputnik International")
                .contains("State-owned or state-linked media")
                .contains("Rossiya Segodnya");
        assertThat($(Div.class).withTestId("article-meta").single().getElement().getTextRecursively())
                .contains("No author shown")
                .contains("around April 2017");
        assertThat($(Details.class).withTestId("removed-chrome").single().getSummaryText())
                .contains("Removed from the original page");
        assertThat($(Button.class).withTestId("article-edit").all())
                .as("a pack's article is not the teacher's to change")
                .isEmpty();
    }

    @Test
    @WithUserDetails("teacher")
    void the_key_toggle_lays_every_claim_and_source_over_the_text_and_lists_them() {
        ArticleReading article = sputnik();
        navigate(ReaderView.class, article.articleId().toString());
        ClaimHighlighter highlighter = $(ClaimHighlighter.class).single();
        // Browserless queries see visible components only: the key panel is hidden until asked for.
        assertThat($(Div.class).withTestId("key-panel").exists()).isFalse();

        test($(Checkbox.class).withTestId("key-toggle").single()).click();
        Div panel = $(Div.class).withTestId("key-panel").single();

        var key = article.keyOverlay().orElseThrow();
        assertThat(panel.isVisible()).isTrue();
        assertThat($(ListItem.class).withAttribute("data-testid", "key-claim").all())
                .hasSize(key.claims().size());
        assertThat($(ListItem.class).withAttribute("data-testid", "key-source").all())
                .hasSize(key.sources().size());
        assertThat(ReaderView.overlays(key, k -> k))
                .hasSize(key.claims().size()
                        + key.sources().stream()
                                .mapToInt(s -> s.attributions().size())
                                .sum());
        assertThat(highlighter.getElement().getPropertyRaw("overlays")).isNotNull();
        assertThat(panel.getElement().getTextRecursively()).contains("Who says so? Nobody");

        test($(Checkbox.class).withTestId("key-toggle").single()).click();
        assertThat(panel.isVisible()).isFalse();
    }

    @Test
    @WithUserDetails("teacher")
    void an_unknown_article_is_not_found() {
        navigate("library/article/" + UUID.randomUUID(), NotFoundView.class);
        navigate("library/article/not-a-uuid", NotFoundView.class);
    }
}
