package org.lateral.library.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.Fixtures;
import org.lateral.LateralTest;
import org.lateral.SignedIn;
import org.lateral.base.highlighter.ClaimHighlighter;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.library.LibraryService;
import org.lateral.library.importing.ArticleCorrection;
import org.lateral.library.importing.ArticleImportService;
import org.lateral.library.importing.EditableArticle;
import org.lateral.library.importing.PastedArticle;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

/** Correcting an imported article from the reader: owner only, a new version, back to the reader (DD017). */
@LateralTest
class ArticleEditViewTest extends SpringBrowserlessTest {

    static final String OWNER = "edit-view-owner";
    static final String COLLEAGUE = "edit-view-colleague";

    static @Nullable UUID school;

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ArticleImportService imports;

    @Autowired
    LibraryService library;

    @Autowired
    UserDetailsService users;

    @BeforeEach
    void twoTeachersOfOneSchool() {
        if (school != null) {
            return;
        }
        UUID id = fixtures.school("Edit view school");
        administration.ensureAccount(id, OWNER, "Mx Owner", Set.of(Role.TEACHER), Fixtures.PASSWORD);
        administration.ensureAccount(id, COLLEAGUE, "Mx Colleague", Set.of(Role.TEACHER), Fixtures.PASSWORD);
        school = id;
    }

    /** A fresh article of the owner's, so each test starts from its first version. */
    private UUID ownersArticle(String headline) {
        try (var signedIn = SignedIn.as(users, OWNER)) {
            return imports.save(imports.preview(new PastedArticle(
                            headline + "\n\nBy Ana Pereira\n\nResidents voted to keep the ferry.",
                            null,
                            "The Coastal Ledger",
                            null,
                            null,
                            null)))
                    .articleId();
        }
    }

    @Test
    @WithUserDetails(value = OWNER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_owner_edits_from_the_reader_and_lands_on_the_new_version() {
        UUID id = ownersArticle("Town keeps its ferry");
        navigate(ReaderView.class, id.toString());
        test($(Button.class).withTestId("article-edit").single()).click();
        assertThat(getCurrentView()).isInstanceOf(ArticleEditView.class);
        assertThat($(TextField.class).withTestId("edit-title").single().getValue())
                .isEqualTo("Town keeps its ferry");
        assertThat($(TextField.class).withTestId("edit-byline").single().getValue())
                .isEqualTo("Ana Pereira");
        assertThat($(TextArea.class).withTestId("edit-text").single().getValue())
                .isEqualTo("Residents voted to keep the ferry.");
        assertThat($(com.vaadin.flow.component.html.Paragraph.class)
                        .withTestId("edit-key-note")
                        .single()
                        .getText())
                .contains("not carried over automatically");

        test($(TextField.class).withTestId("edit-title").single()).setValue("Harbour town keeps its ferry");
        test($(TextArea.class).withTestId("edit-text").single())
                .setValue("Residents voted on Thursday to keep the ferry.");
        assertThat($(Pre.class).withTestId("edit-preview").single().getText())
                .isEqualTo("Harbour town keeps its ferry\n\nResidents voted on Thursday to keep the ferry.");
        test($(Button.class).withTestId("edit-save").single()).click();

        assertThat(getCurrentView()).isInstanceOf(ReaderView.class);
        assertThat($(ClaimHighlighter.class).single().getText())
                .isEqualTo("Harbour town keeps its ferry\n\nResidents voted on Thursday to keep the ferry.");
    }

    @Test
    @WithUserDetails(value = OWNER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void saving_unchanged_or_over_a_newer_version_says_so_and_stays_on_the_form() {
        UUID id = ownersArticle("Ferry timetable changes");
        navigate(ArticleEditView.class, id.toString());
        test($(Button.class).withTestId("edit-save").single()).click();
        assertThat($(Div.class).withTestId("edit-error").single().getText())
                .isEqualTo("Nothing was changed, so no new version was saved.");

        // Another tab saves a correction meanwhile.
        try (var signedIn = SignedIn.as(users, OWNER)) {
            EditableArticle other = imports.editable(id);
            imports.saveEdit(
                    id,
                    other.version(),
                    new ArticleCorrection(
                            other.title(), other.body() + "\n\nAdded elsewhere.", null, other.published(), null));
        }

        test($(TextField.class).withTestId("edit-title").single()).setValue("Ferry timetable changes again");
        test($(Button.class).withTestId("edit-save").single()).click();
        assertThat(getCurrentView()).isInstanceOf(ArticleEditView.class);
        assertThat($(Div.class).withTestId("edit-error").single().getText())
                .isEqualTo("Someone changed this article since you opened it; reload to see their version.");
        try (var signedIn = SignedIn.as(users, OWNER)) {
            assertThat(library.reading(id).orElseThrow().canonicalText())
                    .startsWith("Ferry timetable changes\n\n")
                    .endsWith("Added elsewhere.");
        }
    }

    @Test
    @WithUserDetails(value = COLLEAGUE, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_colleague_reads_the_article_without_an_edit_button_and_the_form_refuses_them() {
        UUID id = ownersArticle("Ferry fares stay the same");
        navigate(ReaderView.class, id.toString());
        assertThat($(ClaimHighlighter.class).single().getText()).startsWith("Ferry fares stay the same");
        assertThat($(Button.class).withTestId("article-edit").all()).isEmpty();

        navigate(ArticleEditView.class, id.toString());
        assertThat($(Div.class).withTestId("edit-error").single().getText())
                .isEqualTo("This article belongs to another teacher; you can read and assign it but not change it.");
        assertThat($(Button.class).withTestId("edit-save").all()).isEmpty();
    }
}
