package org.lateral.submission.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.UUID;
import java.util.function.Supplier;
import org.lateral.base.UserFacingException;
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
        add(link(
                getTranslation("submission.export.scores"),
                "export-scores-csv",
                "scores.csv",
                () -> exports.scoresCsv(assignmentId)));
        add(link(
                getTranslation("submission.export.items"),
                "export-items-csv",
                "items.csv",
                () -> exports.itemsCsv(assignmentId)));
        add(link(
                getTranslation("submission.export.annotations"),
                "export-annotations",
                "annotations.jsonld",
                () -> exports.annotations(assignmentId)));
    }

    private static Anchor link(String text, String testId, String fallbackName, Supplier<ExportService.Export> build) {
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
                            } catch (NotYoursException e) {
                                return DownloadResponse.error(403, e.getMessage());
                            } catch (AccessDeniedException e) {
                                return DownloadResponse.error(403, "Only the class's teacher can download this.");
                            } catch (UserFacingException e) {
                                return DownloadResponse.error(404, e.getMessage());
                            }
                        },
                        fallbackName),
                text);
        anchor.setTestId(testId);
        return anchor;
    }
}
