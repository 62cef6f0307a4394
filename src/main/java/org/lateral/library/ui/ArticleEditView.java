package org.lateral.library.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Objects;
import java.util.UUID;
import org.lateral.base.UserFacingException;
import org.lateral.base.i18n.DatePickers;
import org.lateral.base.ui.RouteIds;
import org.lateral.library.PublicationDate;
import org.lateral.library.importing.ArticleCorrection;
import org.lateral.library.importing.ArticleImportService;
import org.lateral.library.importing.EditableArticle;
import org.lateral.library.text.CanonicalText;

/**
 * Correcting one of the teacher's own articles (DD017, "Editing"): headline, byline, date, address
 * and text, saved as a new version, then back to the reader. The form remembers the version it
 * was opened at; the service refuses the save if the article changed meanwhile.
 */
@Route("library/article/edit")
@RolesAllowed("TEACHER")
class ArticleEditView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private final ArticleImportService imports;
    private final Div message = new Div();

    ArticleEditView(ArticleImportService imports) {
        this.imports = imports;
        addClassNames("page", "article-edit");
        message.addClassName("form-error");
        message.setTestId("edit-error");
        message.getElement().setAttribute("role", "alert");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        UUID id = RouteIds.parse(parameter);
        removeAll();
        message.setText("");
        Anchor back = LibraryNavigation.reader(id).anchor("\u2190 " + getTranslation("library.articleEdit.back"));
        back.getElement().setAttribute("router-link", true);
        back.addClassName("back-link");
        add(back, new H2(getTranslation("library.articleEdit.heading")));
        try {
            render(imports.editable(id));
        } catch (UserFacingException ex) {
            // Not the teacher's own (a pack's or a colleague's): the sentence, and no form.
            message.setText(ex.getLocalizedMessage());
            add(message);
        }
    }

    private void render(EditableArticle article) {
        add(new Paragraph(getTranslation("library.articleEdit.intro")));
        // DD021: the key editor moves the teacher's draft to the corrected text when next opened.
        Paragraph keyNote = new Paragraph(getTranslation("library.articleEdit.keyNote"));
        keyNote.setTestId("edit-key-note");
        add(keyNote);

        TextField title = new TextField(getTranslation("library.import.check.headline"));
        title.setTestId("edit-title");
        title.setMaxLength(500);
        title.setValue(article.title());
        title.setValueChangeMode(ValueChangeMode.LAZY);
        TextField byline = new TextField(getTranslation("library.import.check.byline"));
        byline.setTestId("edit-byline");
        byline.setMaxLength(300);
        byline.setValue(Objects.requireNonNullElse(article.byline(), ""));
        DatePicker date =
                DatePickers.localized(new DatePicker(getTranslation("library.import.check.date")), getLocale());
        date.setTestId("edit-date");
        date.setValue(article.published().date());
        if (article.published().note() != null) {
            date.setHelperText(article.published().note());
        }
        TextField address = new TextField(getTranslation("library.articleEdit.address"));
        address.setTestId("edit-address");
        address.setMaxLength(2000);
        address.setPlaceholder("https://");
        address.setValue(Objects.requireNonNullElse(article.address(), ""));
        TextArea body = new TextArea(getTranslation("library.import.check.body"));
        body.setTestId("edit-text");
        body.setWidthFull();
        body.setMinHeight("16rem");
        body.setMaxLength(200_000);
        body.setValue(article.body());
        body.setValueChangeMode(ValueChangeMode.LAZY);

        Pre canonical = new Pre();
        canonical.setTestId("edit-preview");
        canonical.addClassName("import-canonical");
        canonical.getElement().setAttribute("aria-label", getTranslation("library.import.check.canonicalLabel"));
        Runnable refresh = () -> canonical.setText(preview(title.getValue(), body.getValue()));
        refresh.run();
        title.addValueChangeListener(e -> refresh.run());
        body.addValueChangeListener(e -> refresh.run());

        Button save = new Button(getTranslation("library.edit.saveVersion"), e -> {
            try {
                imports.saveEdit(
                        article.articleId(),
                        article.version(),
                        new ArticleCorrection(
                                title.getValue(),
                                body.getValue(),
                                byline.getValue(),
                                published(article.published(), date),
                                address.getValue()));
                getUI().ifPresent(ui ->
                        LibraryNavigation.reader(article.articleId()).navigate(ui));
            } catch (UserFacingException ex) {
                message.setText(ex.getLocalizedMessage());
                message.scrollIntoView();
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setTestId("edit-save");

        add(new FormLayout(title, byline, date, address), body, message, save);
        add(new Paragraph(getTranslation("library.articleEdit.asStudentsRead")), canonical);
    }

    /** The date as stored unless the teacher picked another day, which is then the day it was published. */
    private static PublicationDate published(PublicationDate stored, DatePicker date) {
        if (date.getValue() == null || date.getValue().equals(stored.date())) {
            return stored;
        }
        return new PublicationDate(date.getValue(), PublicationDate.Precision.DAY, null);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("base.pageTitle", getTranslation("library.articleEdit.title"));
    }

    private static String preview(String title, String body) {
        String headline = title.strip().replaceAll("\\s+", " ");
        String text = CanonicalText.normalise(body);
        return text.isEmpty() ? headline : CanonicalText.normalise(headline + CanonicalText.PARAGRAPH_SEPARATOR + text);
    }
}
