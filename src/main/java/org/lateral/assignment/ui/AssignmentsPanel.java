package org.lateral.assignment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.AssignmentSummary;
import org.lateral.assignment.DueDates;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.NewAssignment;
import org.lateral.base.UserFacingException;
import org.lateral.base.ui.EmptyState;
import org.lateral.base.ui.NamedRoutes;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.RosterEntry;
import org.lateral.library.LibraryEntry;
import org.lateral.library.LibraryService;
import org.lateral.library.ui.CareNotes;
import org.lateral.library.ui.LibraryNavigation;

/**
 * The assignment part of the class page: the class's assignments with their counts, assigning an
 * article, and a later due date for one student. {@link AssignmentService} checks the teacher.
 */
final class AssignmentsPanel {

    private final AssignmentService assignments;
    private final LibraryService library;
    private final ClassDetail c;
    private final Runnable refresh;

    AssignmentsPanel(AssignmentService assignments, LibraryService library, ClassDetail c, Runnable refresh) {
        this.assignments = assignments;
        this.library = library;
        this.c = c;
        this.refresh = refresh;
    }

    /** The class's assignments, with assigning an article and later due dates for single students. */
    Component section() {
        Div section = new Div();
        section.addClassName("class-assignments");
        section.add(new H3("Assignments"));
        Button assign = new Button("Assign an article", e -> assignDialog());
        assign.setTestId("assign-article");
        assign.setEnabled(!c.archived());
        section.add(assign);
        List<AssignmentSummary> list = assignments.assignmentsOf(c.id());
        if (list.isEmpty()) {
            section.add(new EmptyState(
                    "assignments-empty",
                    "Nothing assigned yet.",
                    "Assign an article from the library: students mark its claims and get feedback against the key."));
            return section;
        }
        Div rows = new Div();
        rows.addClassName("article-list");
        rows.setTestId("class-assignments");
        for (AssignmentSummary a : list) {
            Div row = new Div();
            row.addClassName("article-row");
            row.getElement().setAttribute("data-testid", "class-assignment");
            Span name = new Span(a.title());
            name.addClassName("article-headline");
            Span meta = new Span("Opens " + Dates.opens(a.openAt(), a.timeZone()) + " · Due "
                    + Dates.due(a.dueAt(), a.timeZone())
                    + " · Feedback: " + a.feedbackPolicy().label().toLowerCase(Locale.ROOT)
                    + (a.revisionAllowed() ? " · revision allowed" : "") + " · " + a.submitted() + " submitted");
            meta.addClassName("article-meta");
            Button extend = new Button("Later due date for a student", e -> overrideDialog(a));
            extend.addThemeVariants(ButtonVariant.TERTIARY);
            extend.setEnabled(!c.roster().isEmpty());
            // The results screen belongs to the submission feature, which depends on this one; it is
            // reached by its route name.
            Anchor results = NamedRoutes.results(a.id()).anchor("Results");
            results.getElement().setAttribute("router-link", true);
            results.getElement().setAttribute("data-testid", "open-results");
            row.add(name, meta, results, extend);
            rows.add(row);
        }
        section.add(rows);
        return section;
    }

    private void assignDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Assign an article to " + c.name());
        Select<LibraryEntry> article = new Select<>();
        article.setLabel("Article (exercise: mark the claims)");
        article.setItems(library.articles(""));
        article.setItemLabelGenerator(e -> e.outletName() + ": " + e.title()
                + (e.keyStatus() == LibraryEntry.KeyStatus.COMPLETE
                        ? ""
                        : " (" + e.keyStatus().label().toLowerCase(Locale.ROOT) + ")"));
        article.setTestId("assign-article-select");
        article.setWidthFull();
        // What to read before assigning: the story set's care notes and the article's content note.
        Div careNotes = new Div();
        careNotes.setTestId("assign-care-notes");
        article.addValueChangeListener(e -> {
            careNotes.removeAll();
            if (e.getValue() != null) {
                careNotes.add(CareNotes.forAssigning(e.getValue()));
            }
        });
        LocalDate today = LocalDate.now(c.timeZone());
        DatePicker opens = new DatePicker("Opens on", today);
        opens.setHelperText("Leave today to open it now");
        DatePicker due =
                new DatePicker("Due on (end of the day, " + c.timeZone().getId() + ")", today.plusDays(7));
        due.setTestId("assign-due");
        Checkbox late = new Checkbox("Accept late work", true);
        RadioButtonGroup<FeedbackPolicy> feedback = new RadioButtonGroup<>("Students see feedback");
        feedback.setItems(FeedbackPolicy.values());
        feedback.setItemLabelGenerator(FeedbackPolicy::label);
        feedback.setValue(FeedbackPolicy.AFTER_SUBMIT);
        Checkbox revision = new Checkbox("Allow a revision after feedback", true);
        DatePicker revisionUntil = new DatePicker("Revision possible until (optional)");
        revision.addValueChangeListener(e -> revisionUntil.setEnabled(e.getValue()));
        Checkbox classmates = new Checkbox("After submitting, students may see classmates' anonymised answers", false);
        // The notes sit right under the article they are about, so they are read before the dates.
        FormLayout form =
                new FormLayout(article, careNotes, opens, due, late, feedback, revision, revisionUntil, classmates);
        form.setColspan(article, 2);
        form.setColspan(careNotes, 2);
        form.setColspan(feedback, 2);
        form.setColspan(classmates, 2);
        Div message = new Div();
        message.addClassName("form-error");
        message.getElement().setAttribute("role", "alert");
        dialog.add(form, message);
        Button save = new Button("Assign", e -> {
            if (article.getValue() == null || due.getValue() == null) {
                message.setText("Choose an article and a due date.");
                return;
            }
            try {
                assignments.assignMarkClaims(
                        c.id(),
                        new NewAssignment(
                                article.getValue().articleId(),
                                opens.getValue() == null || opens.getValue().equals(today) ? null : opens.getValue(),
                                due.getValue(),
                                late.getValue(),
                                feedback.getValue(),
                                revision.getValue(),
                                revision.getValue() ? revisionUntil.getValue() : null,
                                classmates.getValue()));
                dialog.close();
                Notification.show("Assigned: " + article.getValue().title())
                        .addThemeVariants(NotificationVariant.SUCCESS);
                refresh.run();
            } catch (UserFacingException ex) {
                message.setText(ex.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setTestId("assign-save");
        Anchor libraryLink = LibraryNavigation.library().anchor("Browse the library");
        libraryLink.setTarget("_blank");
        dialog.getFooter().add(libraryLink, new Button("Cancel", e -> dialog.close()), save);
        dialog.setWidth("min(95vw, 48rem)");
        dialog.open();
    }

    /** Accommodations: one student gets a later due date; the class's date stays for everyone else. */
    private void overrideDialog(AssignmentSummary a) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Later due date for one student");
        Select<RosterEntry> student = new Select<>();
        student.setLabel("Student");
        student.setItems(c.roster());
        student.setItemLabelGenerator(RosterEntry::displayName);
        DatePicker due = new DatePicker(
                "New due date (end of the day, " + c.timeZone().getId() + ")",
                DueDates.dayOf(a.dueAt(), c.timeZone()).plusDays(7));
        TextField reason = new TextField("Reason (optional, only you see it)");
        reason.setMaxLength(500);
        Div message = new Div();
        message.addClassName("form-error");
        dialog.add(new Paragraph(a.title()), new FormLayout(student, due, reason), message);
        Button save = new Button("Save", e -> {
            if (student.getValue() == null || due.getValue() == null) {
                message.setText("Choose a student and a date.");
                return;
            }
            try {
                assignments.setDueDateFor(
                        a.id(),
                        student.getValue().studentId(),
                        due.getValue(),
                        reason.getValue().isBlank() ? null : reason.getValue());
                dialog.close();
                Notification.show(student.getValue().displayName() + " now has until " + due.getValue());
            } catch (UserFacingException ex) {
                message.setText(ex.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }
}
