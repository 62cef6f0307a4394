package org.lateral.classroom.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.UUID;
import java.util.function.Supplier;
import org.lateral.base.UserFacingException;
import org.lateral.classroom.StudentDataService;
import org.lateral.security.NotYoursException;
import org.springframework.security.access.AccessDeniedException;

/**
 * A student's data (DD023), from a teacher's roster or the school admin's page: download
 * everything stored about them, as JSON or CSV, or delete it. Each download is built when the link
 * is followed, by {@link StudentDataService}, which checks again who asks: a link is only a
 * request, never a grant.
 */
final class StudentDataDialogs {

    private StudentDataDialogs() {}

    /** Opens the dialog; {@code afterDelete} runs once the student's data is gone. */
    static void open(
            StudentDataService studentData, UUID studentId, String displayName, String username, Runnable afterDelete) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("classroom.data.title", displayName));
        Paragraph what = new Paragraph(getTranslation("classroom.data.what", displayName, username));
        Anchor json = download(
                getTranslation("classroom.data.json"),
                "student-export-json",
                "student.json",
                () -> studentData.exportJson(studentId));
        Anchor csv = download(
                getTranslation("classroom.data.csv"),
                "student-export-csv",
                "student-csv.zip",
                () -> studentData.exportCsv(studentId));
        Button delete = new Button(getTranslation("classroom.data.delete"), e -> {
            dialog.close();
            deleteDialog(studentData, studentId, displayName, username, afterDelete);
        });
        delete.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        delete.setTestId("student-delete");
        Div items = new Div(json, csv, delete);
        items.addClassName("student-data-actions");
        dialog.add(what, items);
        dialog.getFooter().add(new Button(getTranslation("classroom.form.close"), e -> dialog.close()));
        dialog.open();
    }

    private static Anchor download(
            String text, String testId, String fallbackName, Supplier<StudentDataService.StudentDataFile> build) {
        // The refusals are worded when the dialog opens, in its page's language: the download is
        // answered later, outside the page's request.
        UI ui = UI.getCurrent();
        String notAllowed = getTranslation("classroom.data.notAllowed");
        Anchor anchor = new Anchor(
                DownloadHandler.fromInputStream(
                        event -> {
                            try {
                                StudentDataService.StudentDataFile file = build.get();
                                return new DownloadResponse(
                                        new ByteArrayInputStream(file.bytes()),
                                        file.filename(),
                                        file.contentType(),
                                        file.bytes().length);
                            } catch (NotYoursException e) {
                                return DownloadResponse.error(403, e.getMessage());
                            } catch (AccessDeniedException e) {
                                return DownloadResponse.error(403, notAllowed);
                            } catch (UserFacingException e) {
                                return DownloadResponse.error(
                                        409, e.key() == null ? e.getMessage() : ui.getTranslation(e.key(), e.args()));
                            }
                        },
                        fallbackName),
                text);
        anchor.setTestId(testId);
        return anchor;
    }

    /**
     * Deleting is final, so the teacher types the student's username to confirm (like deleting a
     * repository elsewhere): the button stays off until it matches, and the service checks again.
     */
    private static void deleteDialog(
            StudentDataService studentData, UUID studentId, String displayName, String username, Runnable afterDelete) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("classroom.data.delete.title", displayName));
        Paragraph what = new Paragraph(getTranslation("classroom.data.delete.text"));
        TextField typed = new TextField(getTranslation("classroom.data.delete.type", username));
        typed.setWidthFull();
        typed.setTestId("student-delete-username");
        typed.setValueChangeMode(ValueChangeMode.EAGER);
        Button confirm = new Button(getTranslation("classroom.data.delete.confirm"), e -> {
            try {
                StudentDataService.StudentDataDeletion done =
                        studentData.deleteStudentData(studentId, typed.getValue());
                dialog.close();
                showDeleted(done);
                afterDelete.run();
            } catch (UserFacingException ex) {
                typed.setInvalid(true);
                typed.setErrorMessage(ex.getLocalizedMessage());
            }
        });
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        confirm.setTestId("student-delete-confirm");
        confirm.setEnabled(false);
        typed.addValueChangeListener(
                e -> confirm.setEnabled(e.getValue().strip().equalsIgnoreCase(username)));
        dialog.add(what, typed);
        dialog.getFooter().add(new Button(getTranslation("classroom.form.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    /** The text of a key in the page's language: the dialogs open on a page, for it. */
    private static String getTranslation(String key, Object... args) {
        return UI.getCurrent().getTranslation(key, args);
    }

    private static void showDeleted(StudentDataService.StudentDataDeletion done) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("classroom.data.deleted.title"));
        Paragraph text = new Paragraph(getTranslation("classroom.data.deleted.text", done.displayName(), done.total()));
        text.setTestId("student-delete-done");
        dialog.add(text);
        dialog.getFooter().add(new Button(getTranslation("classroom.form.done"), e -> dialog.close()));
        dialog.open();
    }
}
