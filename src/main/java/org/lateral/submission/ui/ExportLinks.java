package org.lateral.submission.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.lateral.base.UserFacingException;
import org.lateral.base.i18n.Translations;
import org.lateral.security.NotYoursException;
import org.lateral.submission.ExportService;
import org.springframework.security.access.AccessDeniedException;

/**
 * The downloads of an assignment's results for its teacher (DD016, "Exports"): scores per student,
 * outcomes per key item, and the marks as W3C Web Annotations. Each file is built when the link is
 * followed, by {@link ExportService}, which checks again that the caller teaches the class: a link
 * is only a request, never a grant.
 */
public final class ExportLinks extends Div {

    public ExportLinks(ExportService exports, UUID assignmentId) {
        addClassName("export-links");
        // Worded here: the download runs outside the page, where its language is not known.
        Refusals refusals = new Refusals(
                getTranslation("submission.export.notYours"), getLocale(), Translations.of(VaadinService.getCurrent()));
        add(link(
                getTranslation("submission.export.scores"),
                "export-scores-csv",
                "scores.csv",
                () -> exports.scoresCsv(assignmentId),
                refusals));
        add(link(
                getTranslation("submission.export.items"),
                "export-items-csv",
                "items.csv",
                () -> exports.itemsCsv(assignmentId),
                refusals));
        add(link(
                getTranslation("submission.export.annotations"),
                "export-annotations",
                "annotations.jsonld",
                () -> exports.annotations(assignmentId),
                refusals));
    }

    /** What a refused download says, in the language of the page the link is on. */
    private record Refusals(String notYours, Locale language, Optional<Translations> translations) {

        String of(UserFacingException e) {
            return translations.map(t -> e.messageIn(language, t)).orElseGet(e::getMessage);
        }
    }

    private static Anchor link(
            String text, String testId, String fallbackName, Supplier<ExportService.Export> build, Refusals refusals) {
        Anchor anchor = new Anchor(
                DownloadHandler.fromInputStream(
                        event -> {
                            try {
                                ExportService.Export file = build.get();
                                return new DownloadResponse(
                                        new ByteArrayInputStream(file.bytes()),
                                        file.filename(),
                                        file.contentType(),
                                        file.bytes().length);
                            } catch (NotYoursException | AccessDeniedException e) {
                                return DownloadResponse.error(403, refusals.notYours());
                            } catch (UserFacingException e) {
                                return DownloadResponse.error(404, refusals.of(e));
                            }
                        },
                        fallbackName),
                text);
        anchor.setTestId(testId);
        return anchor;
    }
}
