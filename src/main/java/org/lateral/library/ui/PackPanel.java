package org.lateral.library.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.lateral.base.UserFacingException;
import org.lateral.base.i18n.KeyedText;
import org.lateral.base.i18n.Translations;
import org.lateral.library.PackService;
import org.lateral.library.pack.PackZip;
import org.lateral.security.NotYoursException;
import org.springframework.security.access.AccessDeniedException;

/**
 * Packs travel (DD020): download a story set of the school as a pack zip, or upload one. Thin:
 * the service checks who may and what is in the zip; this shows its report. On the teachers'
 * library page and on the admins' school view (an admin who does not teach has no library page).
 */
public class PackPanel extends Div {

    private final PackService packs;
    private final Div report = new Div();

    public PackPanel(PackService packs) {
        this.packs = packs;
        addClassName("card");
        H3 heading = new H3(getTranslation("library.packs.heading"));
        heading.setTestId("pack-heading");
        Paragraph about = new Paragraph(getTranslation("library.packs.about"));
        about.setTestId("pack-about");
        add(heading, about);
        List<PackService.StorySetChoice> sets = packs.storySets();
        if (!sets.isEmpty()) {
            // Worded here: the download runs outside the page, where its language is not known.
            String notYours = getTranslation("library.packs.notYours");
            Locale language = getLocale();
            Optional<Translations> translations = Translations.of(VaadinService.getCurrent());
            Select<PackService.StorySetChoice> set = new Select<>();
            set.setLabel(getTranslation("library.packs.storySet"));
            set.setItems(sets);
            set.setItemLabelGenerator(PackService.StorySetChoice::title);
            set.setValue(sets.getFirst());
            Anchor download = new Anchor(
                    DownloadHandler.fromInputStream(
                            event -> {
                                try {
                                    PackService.PackDownload file =
                                            packs.exportPack(set.getValue().id());
                                    return new DownloadResponse(
                                            new ByteArrayInputStream(file.zip()),
                                            file.fileName(),
                                            "application/zip",
                                            file.zip().length);
                                } catch (NotYoursException | AccessDeniedException e) {
                                    return DownloadResponse.error(403, notYours);
                                } catch (UserFacingException e) {
                                    return DownloadResponse.error(
                                            404,
                                            translations
                                                    .map(t -> e.messageIn(language, t))
                                                    .orElseGet(e::getMessage));
                                }
                            },
                            "pack.zip"),
                    getTranslation("library.packs.download"));
            download.setTestId("export-pack");
            add(set, download);
        }
        // The in-memory handler runs its callback inside UI.access: the report can be shown at once.
        Upload upload = new Upload(
                UploadHandler.inMemory((metadata, bytes) -> show(packs.importPack(metadata.fileName(), bytes))));
        upload.setAcceptedFileTypes(".zip", "application/zip");
        upload.setMaxFileSize(PackZip.MAX_ZIP_BYTES);
        upload.setMaxFiles(1);
        upload.setI18n(UploadTexts.of(this));
        upload.setTestId("import-pack");
        report.setTestId("import-pack-report");
        add(new Paragraph(getTranslation("library.packs.importIntro")), upload, report);
    }

    private void show(PackService.ImportReport result) {
        report.removeAll();
        if (!result.imported()) {
            report.add(
                    new Paragraph(getTranslation("library.packs.nothingImported", result.pack())),
                    list(result.refused()));
            return;
        }
        report.add(new Paragraph(getTranslation("library.packs.imported", result.pack())));
        if (!result.added().isEmpty()) {
            report.add(new Paragraph(getTranslation("library.packs.added")), list(result.added()));
        }
        if (!result.alreadyThere().isEmpty()) {
            report.add(new Paragraph(getTranslation("library.packs.alreadyThere")), list(result.alreadyThere()));
        }
    }

    private UnorderedList list(List<KeyedText> lines) {
        UnorderedList list = new UnorderedList();
        lines.forEach(l -> list.add(new ListItem(l.in(this))));
        return list;
    }
}
