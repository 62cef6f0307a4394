package org.lateral.library.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.Fixtures;
import org.lateral.LateralTest;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.library.importing.ImportFixtures;
import org.lateral.library.importing.WordFixtures;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

/** Adding an article from the library: paste, preview, correct, save, read it (DD017). */
@LateralTest
class ImportViewTest extends SpringBrowserlessTest {

    static final String IMPORT_TEACHER = "import-view-teacher";

    /** A school of its own, so the articles saved here do not change the demo school's library. */
    static @Nullable UUID importSchool;

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    Fixtures fixtures;

    @BeforeEach
    void aTeacherOfAnEmptySchool() {
        if (importSchool != null) {
            return;
        }
        UUID school = fixtures.school("Import view school");
        administration.ensureAccount(school, IMPORT_TEACHER, "Mx Import", Set.of(Role.TEACHER), Fixtures.PASSWORD);
        importSchool = school;
    }

    private void paste(String text) {
        test($(TextArea.class).withTestId("import-text").single()).setValue(text);
        test($(Button.class).withTestId("import-preview-button").single()).click();
    }

    private String preview() {
        return $(Pre.class).withTestId("import-preview").single().getText();
    }

    @Test
    @WithUserDetails(value = IMPORT_TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_library_page_links_to_adding_an_article() {
        navigate(LibraryView.class);
        Anchor link = $(Anchor.class).withTestId("import-paste").single();
        assertThat(link.getText()).isEqualTo("Add an article");
        assertThat(link.getHref()).isEqualTo("library/import");
    }

    @Test
    @WithUserDetails(value = IMPORT_TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void pasted_text_is_previewed_corrected_saved_and_opened_in_the_key_editor() {
        navigate(ImportView.class);
        paste("Town keeps its ferry\n\nBy Ana Pereira\n\nShare\n\nResidents voted to keep the ferry.\n\n"
                + "The council will respect the vote.");
        assertThat(preview())
                .isEqualTo(
                        "Town keeps its ferry\n\nResidents voted to keep the ferry.\n\nThe council will respect the vote.");
        assertThat($(TextField.class)
                        .withTestId("import-preview-byline")
                        .single()
                        .getValue())
                .isEqualTo("Ana Pereira");
        assertThat($(Div.class)
                        .withTestId("import-removed")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .contains("Share");

        test($(TextField.class).withTestId("import-preview-title").single()).setValue("Harbour town keeps its ferry");
        assertThat(preview()).startsWith("Harbour town keeps its ferry\n\nResidents voted");
        test($(TextField.class).withTestId("import-new-outlet-name").single()).setValue("The Coastal Ledger");

        test($(Button.class).withTestId("import-save").single()).click();
        // Saved, the article opens in the key editor: its key is what makes it usable in a lesson.
        assertThat(getCurrentView()).isInstanceOf(KeyEditorView.class);
        assertThat(((KeyEditorView) getCurrentView()).getPageTitle())
                .isEqualTo("Answer key: Harbour town keeps its ferry · Lateral");
    }

    @Test
    @WithUserDetails(value = IMPORT_TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void an_address_inside_the_network_is_refused_in_plain_words_and_the_button_works_again() {
        navigate(ImportView.class);
        test($(TextField.class).withTestId("import-fetch-address").single()).setValue("http://127.0.0.1/admin");
        com.vaadin.flow.component.button.Button fetch = $(com.vaadin.flow.component.button.Button.class)
                .withTestId("import-fetch")
                .single();
        test(fetch).click();
        assertThat($(Div.class).withTestId("import-error").single().getText())
                .isNotBlank()
                .doesNotContain("Exception");
        assertThat($(Pre.class).withTestId("import-preview").all()).isEmpty();
        assertThat(fetch.isEnabled()).isTrue();
    }

    @Test
    @WithUserDetails(value = IMPORT_TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void nothing_pasted_is_said_in_plain_words_and_shows_no_preview() {
        navigate(ImportView.class);
        paste("  ");
        assertThat($(Div.class).withTestId("import-error").single().getText())
                .isEqualTo("Paste the article\u2019s text first.");
        assertThat($(Pre.class).withTestId("import-preview").all()).isEmpty();
    }

    /**
     * A page in Spanish (the browser asked for es-ES) says everything in Spanish: its own words, the
     * upload box's and the service's refusal, which travels as a key and is worded in the page's
     * language (DD034).
     */
    @Test
    @WithUserDetails(value = IMPORT_TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_spanish_page_and_the_services_refusal_on_it_read_in_spanish() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("es-ES"));
        navigate(ImportView.class);
        assertThat($(H2.class).single().getText()).isEqualTo("Añadir un artículo");
        assertThat(((HasDynamicTitle) getCurrentView()).getPageTitle()).isEqualTo("Añadir un artículo · Lateral");
        assertThat($(Upload.class)
                        .withTestId("import-upload")
                        .single()
                        .getI18n()
                        .getAddFiles()
                        .getOne())
                .isEqualTo("Subir archivo...");
        paste("  ");
        assertThat($(Div.class).withTestId("import-error").single().getText())
                .isEqualTo("Primero pega el texto del artículo.");
    }

    @Test
    @WithUserDetails(value = IMPORT_TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void saving_a_text_the_library_already_has_links_to_it_instead_of_copying_it() {
        String text = "Volunteers count the winter birds\n\nMore than forty volunteers counted birds.";
        navigate(ImportView.class);
        paste(text);
        test($(TextField.class).withTestId("import-new-outlet-name").single()).setValue("Marsh News");
        test($(Button.class).withTestId("import-save").single()).click();
        assertThat(getCurrentView()).isInstanceOf(KeyEditorView.class);

        navigate(ImportView.class);
        paste(text);
        @SuppressWarnings("unchecked")
        Select<ImportView.OutletChoice> outlet =
                $(Select.class).withTestId("import-preview-outlet").single();
        assertThat(outlet.getItemLabelGenerator().apply(outlet.getValue()))
                .as("no outlet to match in pasted text")
                .isEqualTo("A new outlet");
        test($(TextField.class).withTestId("import-new-outlet-name").single()).setValue("Marsh News");
        test($(Button.class).withTestId("import-save").single()).click();
        assertThat(getCurrentView()).isInstanceOf(ImportView.class);
        assertThat($(Div.class).withTestId("import-error").single().getElement().getTextRecursively())
                .startsWith("Nothing was saved: your school\u2019s library already has this text");
        assertThat($(Anchor.class).withTestId("import-duplicate").single().getText())
                .isEqualTo("Volunteers count the winter birds");
    }

    @Test
    @WithUserDetails(value = IMPORT_TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void an_uploaded_page_is_previewed_and_a_wrong_file_is_refused_in_plain_words() throws Exception {
        ImportView view = navigate(ImportView.class);
        view.uploaded("notes.pdf", "%PDF-1.7".getBytes(StandardCharsets.UTF_8));
        assertThat($(Div.class).withTestId("import-error").single().getText())
                .startsWith("Lateral imports .txt, .md, .html (a web page saved from the browser) and .docx files");
        assertThat($(Pre.class).withTestId("import-preview").all()).isEmpty();

        view.uploaded("birds.html", ImportFixtures.page("plain-page.html").getBytes(StandardCharsets.UTF_8));
        assertThat($(Div.class).withTestId("import-error").single().getText()).isEmpty();
        assertThat(preview())
                .startsWith("Volunteers count the winter birds on the marsh\n\nMore than forty volunteers");
        assertThat($(DatePicker.class)
                        .withTestId("import-preview-date")
                        .single()
                        .getHelperText())
                .startsWith("No publication date was found");
    }

    @Test
    @WithUserDetails(value = IMPORT_TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void an_uploaded_word_document_is_previewed_and_an_old_one_is_refused_in_plain_words() {
        ImportView view = navigate(ImportView.class);
        view.uploaded("minutes.doc", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0});
        assertThat($(Div.class).withTestId("import-error").single().getText())
                .startsWith("\u201cminutes.doc\u201d is an older Word document (.doc)");
        assertThat($(Pre.class).withTestId("import-preview").all()).isEmpty();

        view.uploaded("ferry.docx", WordFixtures.ferry());
        assertThat($(Div.class).withTestId("import-error").single().getText()).isEmpty();
        assertThat(preview())
                .isEqualTo("Harbour town votes to keep its ferry\n\nResidents voted on Thursday to keep the ferry."
                        + "\n\nWhat happens next\n\nThe council will respect the vote.");
        assertThat($(TextField.class)
                        .withTestId("import-preview-byline")
                        .single()
                        .getValue())
                .isEqualTo("Ana Pereira");
    }
}
