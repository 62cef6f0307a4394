package org.lateral.assignment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.lateral.base.ui.RouteIds;
import java.util.function.Supplier;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.AssignmentSummary;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.NewAssignment;
import org.lateral.base.UserFacingException;
import org.lateral.base.ui.EmptyState;
import org.lateral.base.ui.NamedRoute;
import org.lateral.base.ui.NamedRoutes;
import org.lateral.base.ui.RouteName;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.JoinCodes;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.classroom.RosterEntry;
import org.lateral.classroom.ui.ClassroomNavigation;
import org.lateral.library.LibraryEntry;
import org.lateral.library.ui.LibraryNavigation;
import org.lateral.library.LibraryService;

/**
 * One class for its teacher: the join code (shown large for projecting), the roster with its
 * account actions, and the class's assignments. Every action goes through a service that checks
 * this teacher teaches this class; refusals come back as sentences and are shown as they are.
 */
@Route("class")
@NamedRoute(RouteName.CLASS)
@RolesAllowed("TEACHER")
class ClassView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private final ClassroomService classroom;
    private final AssignmentService assignments;
    private final LibraryService library;
    private UUID classId = new UUID(0, 0);
    private String title = "Class · Lateral";

    ClassView(ClassroomService classroom, AssignmentService assignments, LibraryService library) {
        this.classroom = classroom;
        this.assignments = assignments;
        this.library = library;
        addClassNames("page", "class-page");
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        classId = RouteIds.parse(parameter);
        ClassDetail detail = classroom.classDetail(classId).orElseThrow(NotFoundException::new);
        render(detail);
    }

    private void render(ClassDetail c) {
        title = c.name() + " · Lateral";
        removeAll();
        Anchor back = ClassroomNavigation.classes().anchor("\u2190 Your classes");
        back.getElement().setAttribute("router-link", true);
        back.addClassName("back-link");
        H2 heading = new H2(c.name());
        heading.setTestId("class-name");
        StringBuilder meta = new StringBuilder();
        if (c.subject() != null) {
            meta.append(c.subject()).append(" · ");
        }
        if (c.schoolYear() != null) {
            meta.append(c.schoolYear()).append(" · ");
        }
        meta.append("Time zone ").append(c.timeZone().getId()).append(" (due dates end at midnight there)");
        Paragraph info = new Paragraph(meta.toString());
        info.addClassName("reader-note");
        add(back, heading, info);
        if (c.archived()) {
            add(new EmptyState("class-archived", "This class is archived. Its work is kept; nobody can join it."));
        }

        Div columns = new Div(rosterSection(c), sideSection(c));
        columns.addClassName("class-columns");
        add(columns);
    }

    private Component sideSection(ClassDetail c) {
        Div side = new Div();
        side.addClassName("class-side");
        side.add(joinCodePanel(c), assignmentsSection(c));
        if (!c.archived()) {
            Button archive = new Button("Archive this class", e -> confirm("Archive " + c.name() + "?",
                    "It leaves your class list and nobody can join it any more. Students' work is kept.", "Archive",
                    () -> {
                        try {
                            classroom.archiveClass(classId);
                            getUI().ifPresent(ui -> ClassroomNavigation.classes().navigate(ui));
                        } catch (UserFacingException ex) {
                            error(ex.getMessage());
                        }
                    }));
            archive.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            archive.setTestId("archive-class");
            side.add(archive);
        }
        return side;
    }

    private Component joinCodePanel(ClassDetail c) {
        Div panel = new Div();
        panel.addClassNames("card", "join-panel");
        panel.setTestId("join-panel");
        panel.add(new H3("Join code"));
        if (c.joinCode() != null && c.joinEnabled()) {
            Span code = new Span(JoinCodes.display(c.joinCode()));
            code.addClassName("join-code");
            code.setTestId("join-code");
            panel.add(new Paragraph("Students open Lateral, choose \u201cJoin a class\u201d and type:"), code);
            Button large = new Button("Show large", e -> showLarge(c));
            large.setTestId("join-code-large");
            panel.add(large);
        } else {
            Paragraph off = new Paragraph("Joining is switched off. Students cannot use a code to join this class.");
            off.setTestId("join-off");
            panel.add(off);
        }
        Checkbox enabled = new Checkbox("Students can join with the code", c.joinEnabled());
        enabled.setTestId("join-enabled");
        enabled.setEnabled(!c.archived());
        enabled.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                act(() -> classroom.setJoinEnabled(classId, e.getValue()));
            }
        });
        Button rotate = new Button("Make a new code", e -> confirm("Make a new join code?",
                "The current code stops working at once. Students already in the class are not affected.",
                "Make a new code", () -> act(() -> classroom.rotateJoinCode(classId))));
        rotate.setTestId("join-code-rotate");
        rotate.setEnabled(!c.archived());
        panel.add(enabled, rotate);
        return panel;
    }

    private void showLarge(ClassDetail c) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Join " + c.name());
        Span code = new Span(JoinCodes.display(c.joinCode() == null ? "" : c.joinCode()));
        code.addClassName("join-code-projected");
        dialog.add(new Paragraph("Open Lateral, choose \u201cJoin a class\u201d, and type this code:"), code);
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.setWidth("min(90vw, 60rem)");
        dialog.open();
    }

    private Component rosterSection(ClassDetail c) {
        Div section = new Div();
        section.addClassName("roster");
        section.add(new H3("Students (" + c.roster().size() + ")"));
        Button add = new Button("Add students", e -> addStudentsDialog());
        add.setTestId("add-students");
        add.setEnabled(!c.archived());
        section.add(add);
        if (c.roster().isEmpty()) {
            section.add(new EmptyState("roster-empty", "No students yet.",
                    "Share the join code, or add students from a list of names and print their sign-in details."));
            return section;
        }
        Div list = new Div();
        list.addClassName("roster-list");
        list.setTestId("roster");
        for (RosterEntry r : c.roster()) {
            list.add(rosterRow(r));
        }
        section.add(list);
        return section;
    }

    private Component rosterRow(RosterEntry r) {
        Div row = new Div();
        row.addClassName("roster-row");
        row.getElement().setAttribute("data-testid", "roster-row");
        Span name = new Span(r.displayName());
        name.addClassName("roster-name");
        Span username = new Span(r.username());
        username.addClassName("roster-username");
        row.add(name, username);
        if (!r.enabled()) {
            Span pill = new Span("Account switched off");
            pill.addClassName("status-pill");
            pill.getElement().setAttribute("data-testid", "roster-disabled");
            row.add(pill);
        } else if (r.mustChangePassword()) {
            Span pill = new Span("Has a one-time password");
            pill.addClassName("status-pill");
            row.add(pill);
        }
        Button rename = new Button("Rename", e -> renameDialog(r));
        rename.addThemeVariants(ButtonVariant.TERTIARY);
        Button reset = new Button("Reset password", e -> confirm("Reset " + r.displayName() + "\u2019s password?",
                "They get a one-time password and choose their own at their next sign-in.", "Reset",
                () -> {
                    try {
                        OneTimeCredential credential = classroom.resetPassword(classId, r.studentId());
                        showCredentials("New one-time password", List.of(credential));
                        refresh();
                    } catch (UserFacingException ex) {
                        error(ex.getMessage());
                    }
                }));
        reset.addThemeVariants(ButtonVariant.TERTIARY);
        Button remove = new Button("Remove", e -> confirm("Remove " + r.displayName() + " from this class?",
                "Their work is kept. They lose access to this class right away.", "Remove",
                () -> act(() -> classroom.removeStudent(classId, r.studentId()))));
        remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        Button access = r.enabled()
                ? new Button("Switch off account", e -> confirm("Switch off " + r.displayName() + "\u2019s account?",
                        "They are signed out at once, on every computer, and cannot sign in until you switch the "
                                + "account on again. Their work is kept.", "Switch off",
                        () -> act(() -> classroom.disableStudent(classId, r.studentId()))))
                : new Button("Switch on account", e -> act(() -> classroom.enableStudent(classId, r.studentId())));
        access.addThemeVariants(ButtonVariant.TERTIARY);
        access.setTestId(r.enabled() ? "roster-disable" : "roster-enable");
        if (r.sharedWithOtherTeacher()) {
            rename.getElement().setAttribute("title", "Also in another teacher's class: a school admin changes this account");
            reset.getElement().setAttribute("title", "Also in another teacher's class: a school admin changes this account");
            access.getElement().setAttribute("title", "Also in another teacher's class: a school admin changes this account");
        }
        Div actions = new Div(rename, reset, access, remove);
        actions.addClassName("roster-actions");
        row.add(actions);
        return row;
    }

    private void renameDialog(RosterEntry r) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Rename " + r.displayName());
        TextField name = new TextField("Name you see for this student");
        name.setValue(r.displayName());
        name.setMaxLength(100);
        name.setWidthFull();
        dialog.add(name);
        Button save = new Button("Save", e -> {
            try {
                classroom.renameStudent(classId, r.studentId(), name.getValue());
                dialog.close();
                refresh();
            } catch (UserFacingException ex) {
                name.setInvalid(true);
                name.setErrorMessage(ex.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private void addStudentsDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Add students");
        TextArea names = new TextArea("Names, one per line");
        names.setHelperText("Each student gets a username and a one-time password to print. No e-mail addresses needed.");
        names.setWidth("min(80vw, 32rem)");
        names.setMinHeight("12rem");
        names.setTestId("add-students-names");
        dialog.add(names);
        Button create = new Button("Create accounts", e -> {
            try {
                List<OneTimeCredential> credentials = classroom.createStudents(classId, names.getValue());
                dialog.close();
                showCredentials("Sign-in details for " + credentials.size() + " new students", credentials);
                refresh();
            } catch (UserFacingException ex) {
                names.setInvalid(true);
                names.setErrorMessage(ex.getMessage());
            }
        });
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.setTestId("add-students-create");
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), create);
        dialog.open();
    }

    /** One-time passwords are shown once, here; Lateral keeps only their hashes. */
    private void showCredentials(String heading, List<OneTimeCredential> credentials) {
        Dialog dialog = new Dialog();
        dialog.addClassName("credentials-dialog");
        dialog.setHeaderTitle(heading);
        Div sheet = new Div();
        sheet.addClassName("credential-sheet");
        sheet.setTestId("credentials");
        for (OneTimeCredential c : credentials) {
            Div slip = new Div(new Span(c.displayName()), new Span("Username: " + c.username()),
                    new Span("One-time password: " + c.password()),
                    new Span("Sign in at this Lateral and choose your own password."));
            slip.addClassName("credential-slip");
            slip.getElement().setAttribute("data-testid", "credential");
            sheet.add(slip);
        }
        dialog.add(new Paragraph("Print these now or copy them: they are not shown again."), sheet);
        Button print = new Button("Print", e -> dialog.getElement().executeJs("window.print()"));
        print.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(print, new Button("Done", e -> dialog.close()));
        dialog.open();
    }

    private Component assignmentsSection(ClassDetail c) {
        Div section = new Div();
        section.addClassName("class-assignments");
        section.add(new H3("Assignments"));
        Button assign = new Button("Assign an article", e -> assignDialog(c));
        assign.setTestId("assign-article");
        assign.setEnabled(!c.archived());
        section.add(assign);
        List<AssignmentSummary> list = assignments.assignmentsOf(classId);
        if (list.isEmpty()) {
            section.add(new EmptyState("assignments-empty", "Nothing assigned yet.",
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
            Span meta = new Span("Opens " + Dates.opens(a.openAt(), a.timeZone()) + " · Due " + Dates.due(a.dueAt(), a.timeZone())
                    + " · Feedback: " + a.feedbackPolicy().label().toLowerCase(java.util.Locale.ROOT)
                    + (a.revisionAllowed() ? " · revision allowed" : "") + " · " + a.submitted() + " submitted");
            meta.addClassName("article-meta");
            Button extend = new Button("Later due date for a student", e -> overrideDialog(c, a));
            extend.addThemeVariants(ButtonVariant.TERTIARY);
            extend.setEnabled(!c.roster().isEmpty());
            // The results screen belongs to the submission feature, which depends on this one; it is
            // reached by its route name.
            com.vaadin.flow.component.html.Anchor results = NamedRoutes.results(a.id()).anchor("Results");
            results.getElement().setAttribute("router-link", true);
            results.getElement().setAttribute("data-testid", "open-results");
            row.add(name, meta, results, extend);
            rows.add(row);
        }
        section.add(rows);
        return section;
    }

    private void assignDialog(ClassDetail c) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Assign an article to " + c.name());
        Select<LibraryEntry> article = new Select<>();
        article.setLabel("Article (exercise: mark the claims)");
        article.setItems(library.articles(""));
        article.setItemLabelGenerator(e -> e.outletName() + ": " + e.title()
                + (e.keyStatus() == LibraryEntry.KeyStatus.COMPLETE ? "" : " (" + e.keyStatus().label().toLowerCase(java.util.Locale.ROOT) + ")"));
        article.setTestId("assign-article-select");
        article.setWidthFull();
        Paragraph maturity = new Paragraph();
        maturity.addClassName("maturity-note");
        maturity.setVisible(false);
        article.addValueChangeListener(e -> {
            String note = e.getValue() == null ? null : e.getValue().maturityNote();
            maturity.setText(note == null ? "" : "Maturity note: " + note);
            maturity.setVisible(note != null);
        });
        LocalDate today = LocalDate.now(c.timeZone());
        DatePicker opens = new DatePicker("Opens on", today);
        opens.setHelperText("Leave today to open it now");
        DatePicker due = new DatePicker("Due on (end of the day, " + c.timeZone().getId() + ")", today.plusDays(7));
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
        FormLayout form = new FormLayout(article, opens, due, late, feedback, revision, revisionUntil, classmates);
        form.setColspan(article, 2);
        form.setColspan(feedback, 2);
        form.setColspan(classmates, 2);
        Div message = new Div();
        message.addClassName("form-error");
        message.getElement().setAttribute("role", "alert");
        dialog.add(form, maturity, message);
        Button save = new Button("Assign", e -> {
            if (article.getValue() == null || due.getValue() == null) {
                message.setText("Choose an article and a due date.");
                return;
            }
            try {
                assignments.assignMarkClaims(classId, new NewAssignment(article.getValue().articleId(),
                        opens.getValue() == null || opens.getValue().equals(today) ? null : opens.getValue(),
                        due.getValue(), late.getValue(), feedback.getValue(), revision.getValue(),
                        revision.getValue() ? revisionUntil.getValue() : null, classmates.getValue()));
                dialog.close();
                Notification.show("Assigned: " + article.getValue().title()).addThemeVariants(NotificationVariant.SUCCESS);
                refresh();
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
    private void overrideDialog(ClassDetail c, AssignmentSummary a) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Later due date for one student");
        Select<RosterEntry> student = new Select<>();
        student.setLabel("Student");
        student.setItems(c.roster());
        student.setItemLabelGenerator(RosterEntry::displayName);
        DatePicker due = new DatePicker("New due date (end of the day, " + c.timeZone().getId() + ")",
                org.lateral.assignment.DueDates.dayOf(a.dueAt(), c.timeZone()).plusDays(7));
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
                assignments.setDueDateFor(a.id(), student.getValue().studentId(), due.getValue(),
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

    private void act(Supplier<ClassDetail> action) {
        try {
            render(action.get());
        } catch (UserFacingException ex) {
            error(ex.getMessage());
            refresh();
        }
    }

    private void refresh() {
        classroom.classDetail(classId).ifPresentOrElse(this::render, () -> getUI().ifPresent(ui -> ClassroomNavigation.classes().navigate(ui)));
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.ERROR);
    }

    private static void confirm(String header, String text, String confirmText, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog(header, text, confirmText, e -> action.run());
        dialog.setCancelable(true);
        dialog.open();
    }
}
