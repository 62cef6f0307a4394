package org.lateral.library.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.lateral.base.UserFacingException;
import org.lateral.base.i18n.DatePickers;
import org.lateral.library.OutletKind;
import org.lateral.library.PublicationDate;
import org.lateral.library.importing.ArticleDraft;
import org.lateral.library.importing.ArticleImportService;
import org.lateral.library.importing.OutletOption;
import org.lateral.library.importing.PastedArticle;
import org.lateral.library.importing.SavedImport;

/**
 * Adding an article of the teacher's own (DD017): paste its text or upload a saved page, check and
 * correct the preview, then save it and land on it in the reader. Nothing is stored before "Save".
 * The preview shows the text exactly as students will get it, as plain text.
 */
@Route("library/import")
@RolesAllowed("TEACHER")
class ImportView extends VerticalLayout implements HasDynamicTitle {

    private static final int MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

    /** The outlet choice: one of the school's outlets, or a new one (id null). */
    record OutletChoice(@Nullable OutletOption outlet) {}

    private static final OutletChoice NEW_OUTLET = new OutletChoice(null);

    private final ArticleImportService imports;
    private final Div message = new Div();
    private final Div previewArea = new Div();
    private @Nullable UI ui;

    ImportView(ArticleImportService imports) {
        this.imports = imports;
        addClassName("page");
        Anchor back = LibraryNavigation.library().anchor("\u2190 " + getTranslation("library.title"));
        back.getElement().setAttribute("router-link", true);
        back.addClassName("back-link");
        add(back, new H2(getTranslation("library.import.title")));
        add(new Paragraph(getTranslation("library.import.intro")));

        message.addClassName("form-error");
        message.setTestId("import-error");
        message.getElement().setAttribute("role", "alert");

        previewArea.setWidthFull();
        previewArea.setTestId("import-preview-area");
        add(pasteForm(), fetchForm(), uploadForm(), message, previewArea);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        ui = event.getUI();
    }

    private Div pasteForm() {
        TextArea text = new TextArea(getTranslation("library.import.paste.text"));
        text.setTestId("import-text");
        text.setWidthFull();
        text.setMinHeight("12rem");
        text.setMaxLength(200_000);
        text.setHelperText(getTranslation("library.import.paste.textHelp"));
        TextField title = new TextField(getTranslation("library.import.paste.headline"));
        title.setTestId("import-title");
        title.setMaxLength(500);
        TextField outlet = new TextField(getTranslation("library.import.paste.outlet"));
        outlet.setTestId("import-outlet");
        outlet.setMaxLength(200);
        TextField byline = new TextField(getTranslation("library.import.paste.byline"));
        byline.setTestId("import-byline");
        byline.setMaxLength(300);
        DatePicker date =
                DatePickers.localized(new DatePicker(getTranslation("library.import.paste.date")), getLocale());
        date.setTestId("import-date");
        TextField address = new TextField(getTranslation("library.import.paste.address"));
        address.setTestId("import-address");
        address.setMaxLength(2000);
        address.setPlaceholder("https://");
        FormLayout details = new FormLayout(title, outlet, byline, date, address);
        Button preview = new Button(
                getTranslation("library.import.paste.preview"),
                e -> attempt(() -> imports.preview(new PastedArticle(
                        text.getValue(),
                        title.getValue(),
                        outlet.getValue(),
                        byline.getValue(),
                        date.getValue(),
                        address.getValue()))));
        preview.addThemeVariants(ButtonVariant.PRIMARY);
        preview.setTestId("import-preview-button");
        Div section = new Div(new H3(getTranslation("library.import.paste.heading")), text, details, preview);
        section.addClassName("import-paste");
        section.setWidthFull();
        return section;
    }

    /** The third way in: the page at a web address, fetched by Lateral with its address checks. */
    private Div fetchForm() {
        TextField address = new TextField(getTranslation("library.import.fetch.address"));
        address.setTestId("import-fetch-address");
        address.setPlaceholder("https://");
        address.setMaxLength(2048);
        address.setWidthFull();
        Button fetch = new Button(getTranslation("library.import.fetch.button"));
        fetch.setTestId("import-fetch");
        // One fetch at a time per page: it can take up to the fetch timeout.
        fetch.setDisableOnClick(true);
        fetch.addClickListener(e -> {
            try {
                attempt(() -> imports.previewAddress(address.getValue()));
            } finally {
                fetch.setEnabled(true);
            }
        });
        Div section = new Div(
                new H3(getTranslation("library.import.fetch.heading")),
                new Paragraph(getTranslation("library.import.fetch.intro")),
                address,
                fetch);
        section.addClassName("import-fetch");
        section.setWidthFull();
        return section;
    }

    private Div uploadForm() {
        Upload upload = new Upload(UploadHandler.inMemory((metadata, data) -> uploaded(metadata.fileName(), data)));
        upload.setTestId("import-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_UPLOAD_BYTES);
        upload.setAcceptedFileTypes(
                ".txt",
                ".md",
                ".html",
                ".htm",
                ".docx",
                "text/plain",
                "text/markdown",
                "text/html",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        upload.setI18n(UploadTexts.of(this));
        upload.addFileRejectedListener(e -> showError(getTranslation("library.import.upload.rejected")));
        Div section = new Div(
                new H3(getTranslation("library.import.upload.heading")),
                new Paragraph(getTranslation("library.import.upload.intro")),
                upload);
        section.addClassName("import-upload");
        section.setWidthFull();
        return section;
    }

    /**
     * An uploaded file, called during the upload request: the service call runs there, signed in
     * as the teacher, and the screen is updated holding the session's lock (at once if this thread
     * already holds it).
     */
    void uploaded(String fileName, byte[] data) {
        ArticleDraft draft = null;
        String error = null;
        try {
            draft = imports.previewFile(fileName, data);
        } catch (UserFacingException ex) {
            error = ex.getLocalizedMessage();
        }
        ArticleDraft found = draft;
        String refused = error;
        Objects.requireNonNull(ui).accessSynchronously(() -> {
            if (found != null) {
                showPreview(found);
            } else {
                showError(Objects.requireNonNullElse(refused, getTranslation("library.import.upload.unreadable")));
            }
        });
    }

    private void attempt(Supplier<ArticleDraft> preview) {
        try {
            showPreview(preview.get());
        } catch (UserFacingException ex) {
            showError(ex.getLocalizedMessage());
        }
    }

    private void showError(String text) {
        message.setText(text);
        // The save button sits under a long preview: bring the sentence into sight.
        message.scrollIntoView();
    }

    private void showPreview(ArticleDraft draft) {
        message.setText("");
        previewArea.removeAll();
        previewArea.add(new H3(getTranslation("library.import.check.heading")));
        previewArea.add(new Paragraph(getTranslation("library.import.check.intro")));

        TextField title = new TextField(getTranslation("library.import.check.headline"));
        title.setTestId("import-preview-title");
        title.setValue(draft.title());
        title.setMaxLength(500);
        title.setValueChangeMode(ValueChangeMode.LAZY);

        List<OutletChoice> choices = new ArrayList<>();
        choices.add(NEW_OUTLET);
        OutletChoice selected = NEW_OUTLET;
        for (OutletOption o : imports.outlets()) {
            OutletChoice c = new OutletChoice(o);
            choices.add(c);
            if (o.id().equals(draft.outletId())) {
                selected = c;
            }
        }
        Select<OutletChoice> outlet = new Select<>();
        outlet.setLabel(getTranslation("library.import.check.outlet"));
        outlet.setTestId("import-preview-outlet");
        outlet.setItems(choices);
        outlet.setItemLabelGenerator(c -> c.outlet() == null
                ? getTranslation("library.import.check.newOutlet")
                : c.outlet().name());
        outlet.setValue(selected);
        TextField newName = new TextField(getTranslation("library.import.check.newOutletName"));
        newName.setTestId("import-new-outlet-name");
        newName.setMaxLength(200);
        newName.setValue(draft.outletId() == null ? draft.outletName() : "");
        Select<OutletKind> kind = new Select<>();
        kind.setLabel(getTranslation("library.outlet.kind"));
        kind.setTestId("import-new-outlet-kind");
        kind.setItems(OutletKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.labelKey()));
        kind.setValue(draft.newOutletKind());
        Runnable newOutletFields = () -> {
            boolean isNew = outlet.getValue() == null || outlet.getValue().outlet() == null;
            newName.setVisible(isNew);
            kind.setVisible(isNew);
        };
        outlet.addValueChangeListener(e -> newOutletFields.run());
        newOutletFields.run();

        TextField byline = new TextField(getTranslation("library.import.check.byline"));
        byline.setTestId("import-preview-byline");
        byline.setMaxLength(300);
        byline.setValue(Objects.requireNonNullElse(draft.byline(), ""));
        DatePicker date =
                DatePickers.localized(new DatePicker(getTranslation("library.import.check.date")), getLocale());
        date.setTestId("import-preview-date");
        date.setValue(draft.published().date());
        if (draft.published().note() != null) {
            date.setHelperText(draft.published().note());
        }

        TextArea body = new TextArea(getTranslation("library.import.check.body"));
        body.setTestId("import-preview-text");
        body.setWidthFull();
        body.setMinHeight("12rem");
        body.setMaxLength(200_000);
        body.setValue(draft.body());
        body.setValueChangeMode(ValueChangeMode.LAZY);

        Pre canonical = new Pre(draft.canonicalText());
        canonical.setTestId("import-preview");
        canonical.addClassName("import-canonical");
        canonical.getElement().setAttribute("aria-label", getTranslation("library.import.check.canonicalLabel"));
        Runnable refresh = () -> canonical.setText(
                current(draft, title, outlet, newName, kind, byline, date, body).canonicalText());
        title.addValueChangeListener(e -> refresh.run());
        body.addValueChangeListener(e -> refresh.run());

        FormLayout form = new FormLayout(title, outlet, newName, kind, byline, date);
        previewArea.add(form, body, new H3(getTranslation("library.import.check.asStudentsRead")), canonical);
        if (draft.address() != null) {
            previewArea.add(new Paragraph(getTranslation("library.import.check.address", draft.address())));
        }
        previewArea.add(removed(draft.removed()));

        Button save = new Button(getTranslation("library.import.save"), e -> {
            try {
                SavedImport saved = imports.save(current(draft, title, outlet, newName, kind, byline, date, body));
                switch (saved) {
                    case SavedImport.Created created ->
                        getUI().ifPresent(u ->
                                LibraryNavigation.keyEditor(created.articleId()).navigate(u));
                    case SavedImport.AlreadyInLibrary already -> {
                        message.removeAll();
                        message.setText("");
                        Anchor open =
                                LibraryNavigation.reader(already.articleId()).anchor(already.title());
                        open.getElement().setAttribute("router-link", true);
                        open.setTestId("import-duplicate");
                        message.add(
                                new com.vaadin.flow.component.html.Span(
                                        getTranslation("library.import.duplicate.before")),
                                open,
                                new com.vaadin.flow.component.html.Span(
                                        getTranslation("library.import.duplicate.after")));
                    }
                }
            } catch (UserFacingException ex) {
                showError(ex.getLocalizedMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setTestId("import-save");
        previewArea.add(save);
    }

    /** The draft with what the teacher changed in the preview. */
    private static ArticleDraft current(
            ArticleDraft draft,
            TextField title,
            Select<OutletChoice> outlet,
            TextField newName,
            Select<OutletKind> kind,
            TextField byline,
            DatePicker date,
            TextArea body) {
        OutletOption existing =
                outlet.getValue() == null ? null : outlet.getValue().outlet();
        PublicationDate published = draft.published();
        if (date.getValue() != null && !date.getValue().equals(published.date())) {
            // A date the teacher typed is the day it was published.
            published = new PublicationDate(date.getValue(), PublicationDate.Precision.DAY, null);
        }
        return draft.corrected(
                title.getValue(),
                body.getValue(),
                existing == null ? null : existing.id(),
                existing == null ? newName.getValue() : existing.name(),
                Objects.requireNonNullElse(kind.getValue(), OutletKind.NEWSPAPER),
                byline.getValue(),
                published);
    }

    private Div removed(List<String> removed) {
        Div box = new Div();
        box.setTestId("import-removed");
        box.addClassName("import-removed");
        if (removed.isEmpty()) {
            box.add(new Paragraph(getTranslation("library.import.removed.none")));
            return box;
        }
        box.add(new Paragraph(getTranslation("library.import.removed.some")));
        UnorderedList list = new UnorderedList();
        removed.forEach(r -> list.add(new ListItem(r)));
        box.add(list);
        return box;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("base.pageTitle", getTranslation("library.import.title"));
    }
}
