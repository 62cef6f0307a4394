package org.lateral.classroom.ui;

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
        dialog.setHeaderTitle(displayName + "\u2019s data");
        Paragraph what = new Paragraph("Everything Lateral stores about " + displayName + " (" + username
                + "): the account, the classes joined, the work on every assignment, scores, comments and due-date "
                + "changes. The password is never included.");
        Anchor json = download(
                "Download this student\u2019s data (JSON)",
                "student-export-json",
                "student.json",
                () -> studentData.exportJson(studentId));
        Anchor csv = download(
                "Download this student\u2019s data (CSV)",
                "student-export-csv",
                "student-csv.zip",
                () -> studentData.exportCsv(studentId));
        Button delete = new Button("Delete this student\u2019s data\u2026", e -> {
            dialog.close();
            deleteDialog(studentData, studentId, displayName, username, afterDelete);
        });
        delete.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        delete.setTestId("student-delete");
        Div items = new Div(json, csv, delete);
        items.addClassName("student-data-actions");
        dialog.add(what, items);
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    private static Anchor download(
            String text, String testId, String fallbackName, Supplier<StudentDataService.StudentDataFile> build) {
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
                                return DownloadResponse.error(
                                        403, "Only the student's teacher or a school admin can " + "download this.");
                            } catch (UserFacingException e) {
                                return DownloadResponse.error(409, e.getMessage());
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
        dialog.setHeaderTitle("Delete all of " + displayName + "\u2019s data?");
        Paragraph what = new Paragraph("This deletes everything Lateral stores about this student, in every class: "
                + "their account, their work on every assignment, their scores, your comments and their due-date "
                + "changes. They can no longer sign in. This cannot be undone; download their data first if the "
                + "school needs a copy.");
        TextField typed = new TextField("Type " + username + " to confirm");
        typed.setWidthFull();
        typed.setTestId("student-delete-username");
        typed.setValueChangeMode(ValueChangeMode.EAGER);
        Button confirm = new Button("Delete for good", e -> {
            try {
                StudentDataService.StudentDataDeletion done =
                        studentData.deleteStudentData(studentId, typed.getValue());
                dialog.close();
                showDeleted(done);
                afterDelete.run();
            } catch (UserFacingException ex) {
                typed.setInvalid(true);
                typed.setErrorMessage(ex.getMessage());
            }
        });
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        confirm.setTestId("student-delete-confirm");
        confirm.setEnabled(false);
        typed.addValueChangeListener(
                e -> confirm.setEnabled(e.getValue().strip().equalsIgnoreCase(username)));
        dialog.add(what, typed);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
    }

    private static void showDeleted(StudentDataService.StudentDataDeletion done) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Data deleted");
        Paragraph text = new Paragraph("Everything Lateral stored about " + done.displayName() + " is deleted ("
                + done.total() + " records). They can no longer sign in.");
        text.setTestId("student-delete-done");
        dialog.add(text);
        dialog.getFooter().add(new Button("Done", e -> dialog.close()));
        dialog.open();
    }
}
