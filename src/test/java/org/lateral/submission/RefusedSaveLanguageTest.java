package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lateral.base.highlighter.MarkState;
import org.lateral.base.highlighter.SaveResult;
import org.lateral.base.highlighter.SaveStatus;

/**
 * A refused save reaches the browser in the language of the page that saved (DD034): the rules
 * give a key, and the answer is worded in the request of that page.
 */
// No routes are needed: only the UI's language is used.
@ViewPackages(packages = "org.lateral.submission.none")
class RefusedSaveLanguageTest extends BrowserlessTest {

    private static final UUID ID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

    private static SaveResult refusedMark() {
        MarkClaimsModel.Decision d =
                MarkClaimsModel.check("Headline", new MarkState(ID, 1, 500, 504, "Head", "", "", "factual", false));
        assertThat(d).isInstanceOf(MarkClaimsModel.Decision.Reject.class);
        return SaveResult.rejected(ID.toString(), 1, ((MarkClaimsModel.Decision.Reject) d).message());
    }

    @Test
    void a_mark_outside_the_article_is_refused_in_spanish_on_a_spanish_page() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("es-ES"));

        SaveResult answer = refusedMark();

        assertThat(answer.status()).isEqualTo(SaveStatus.REJECTED);
        assertThat(answer.message())
                .isEqualTo("Esta marca está fuera del artículo. Vuelve a marcar las palabras.")
                .doesNotContain("outside the article");
    }

    @Test
    void a_comparison_answer_with_a_number_is_refused_in_spanish_with_the_number() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("es-MX"));

        SaveResult answer = SaveResult.rejected("grid", 2, CompareWorkModel.BAD_COUNT);

        assertThat(answer.message()).isEqualTo("Un número de fuentes es un número entero de 0 a 200.");
    }

    @Test
    void the_same_refusal_reads_in_english_on_an_english_page() {
        UI.getCurrent().setLocale(Locale.ENGLISH);

        assertThat(refusedMark().message()).isEqualTo("This mark is outside the article. Please mark the words again.");
    }
}
