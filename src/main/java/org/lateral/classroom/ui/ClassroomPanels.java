package org.lateral.classroom.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.lateral.base.UserFacingException;
import org.lateral.base.ui.EmptyState;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.JoinCodes;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.classroom.RosterEntry;
import org.lateral.classroom.SameNames;
import org.lateral.classroom.StudentDataService;

/**
 * The classroom parts of the class page, which the assignment feature composes with its own: the
 * roster with its account actions, the join code and archiving. Every action goes through
 * {@link ClassroomService}, which checks this teacher teaches this class; refusals come back as
 * keys and are shown in the page's language (DD034).
 */
public final class ClassroomPanels {

    private final ClassroomService classroom;
    private final StudentDataService studentData;
    private final ClassDetail c;
    private final Consumer<ClassDetail> show;
    private final Runnable refresh;
    private final SameNames sameNames;

    /**
     * @param show shows the class as an action left it
     * @param refresh reads the class again and shows it (or leaves the page when it is gone)
     */
    public ClassroomPanels(
            ClassroomService classroom,
            StudentDataService studentData,
            ClassDetail c,
            Consumer<ClassDetail> show,
            Runnable refresh) {
        this.classroom = classroom;
        this.studentData = studentData;
        this.c = c;
        this.show = show;
        this.refresh = refresh;
        this.sameNames = SameNames.inRoster(c.roster());
    }

    /** "Archive this class", or nothing for an archived class; {@code archived} runs after archiving. */
    public Optional<Component> archive(Runnable archived) {
        if (c.archived()) {
            return Optional.empty();
        }
        Button archive = new Button(
                getTranslation("classroom.class.archive"),
                e -> confirm(
                        getTranslation("classroom.class.archive.title", c.name()),
                        getTranslation("classroom.class.archive.text"),
                        getTranslation("classroom.class.archive.confirm"),
                        () -> {
                            try {
                                classroom.archiveClass(c.id(), c.version());
                                archived.run();
                            } catch (UserFacingException ex) {
                                error(ex.getLocalizedMessage());
                            }
                        }));
        archive.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        archive.setTestId("archive-class");
        return Optional.of(archive);
    }

    /** The join code with its switches: shown large for projecting, turned off, replaced. */
    public Component joinCode() {
        Div panel = new Div();
        panel.addClassNames("card", "join-panel");
        panel.setTestId("join-panel");
        panel.add(new H3(getTranslation("classroom.class.join.heading")));
        if (c.joinCode() != null && c.joinEnabled()) {
            Span code = new Span(JoinCodes.display(c.joinCode()));
            code.addClassName("join-code");
            code.setTestId("join-code");
            Span where = new Span();
            where.addClassName("join-panel-address");
            where.getElement().setAttribute("data-testid", "join-panel-address");
            panel.add(
                    new Paragraph(
                            new Span(getTranslation("classroom.class.join.goTo") + " "),
                            where,
                            new Span(" " + getTranslation("classroom.class.join.andType"))),
                    code);
            SignInAddress.get().whenKnown(UI.getCurrent(), known -> where.setText(SignInAddress.joinPage(known)));
            Button large = new Button(getTranslation("classroom.class.join.large"), e -> showLarge());
            large.setTestId("join-code-large");
            panel.add(large);
        } else {
            Paragraph off = new Paragraph(getTranslation("classroom.class.join.off"));
            off.setTestId("join-off");
            panel.add(off);
        }
        Checkbox enabled = new Checkbox(getTranslation("classroom.class.join.enabled"), c.joinEnabled());
        enabled.setTestId("join-enabled");
        enabled.setEnabled(!c.archived());
        enabled.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                act(() -> classroom.setJoinEnabled(c.id(), e.getValue(), c.version()));
            }
        });
        Button rotate = new Button(
                getTranslation("classroom.class.join.rotate"),
                e -> confirm(
                        getTranslation("classroom.class.join.rotate.title"),
                        getTranslation("classroom.class.join.rotate.text"),
                        getTranslation("classroom.class.join.rotate"),
                        () -> act(() -> classroom.rotateJoinCode(c.id(), c.version()))));
        rotate.setTestId("join-code-rotate");
        rotate.setEnabled(!c.archived());
        panel.add(enabled, rotate);
        return panel;
    }

    /**
     * The code for projecting: the class, the address to go to and the code, with a link to the
     * same as a printable poster. The dialog's content has nothing to scroll that a keyboard could
     * not reach: its one link is inside it.
     */
    private void showLarge() {
        Dialog dialog = new Dialog();
        dialog.addClassName("join-code-dialog");
        dialog.setHeaderTitle(getTranslation("classroom.poster.join", c.name()));
        Span where = new Span();
        where.addClassName("join-address");
        where.getElement().setAttribute("data-testid", "join-code-address");
        Span code = new Span(JoinCodes.display(c.joinCode() == null ? "" : c.joinCode()));
        code.addClassName("join-code-projected");
        code.getElement().setAttribute("data-testid", "join-code-projected");
        Anchor poster =
                ClassroomNavigation.joinCodePoster(c.id()).anchor(getTranslation("classroom.class.join.poster"));
        poster.setTarget("_blank");
        poster.getElement().setAttribute("data-testid", "join-code-poster");
        Div content = new Div(
                new Paragraph(getTranslation("classroom.poster.goTo")),
                where,
                new Paragraph(getTranslation("classroom.poster.type")),
                code,
                poster);
        content.addClassName("join-code-large");
        dialog.add(content);
        Button close = new Button(getTranslation("classroom.form.close"), e -> dialog.close());
        close.getElement().setAttribute("data-testid", "join-code-close");
        dialog.getFooter().add(close);
        dialog.setWidth("min(90vw, 60rem)");
        dialog.open();
        SignInAddress.get().whenKnown(UI.getCurrent(), known -> where.setText(SignInAddress.joinPage(known)));
    }

    /** Up to this many students the roster is as tall as its rows, and prints whole (DD029). */
    static final int ROWS_SHOWN_WHOLE = 50;

    /** The roster with each student's account actions, and adding students from a list of names. */
    public Component roster() {
        Div section = new Div();
        section.addClassName("roster");
        section.add(new H3(
                getTranslation("classroom.class.roster.heading", c.roster().size())));
        Button add = new Button(getTranslation("classroom.class.roster.add"), e -> addStudentsDialog());
        add.setTestId("add-students");
        add.setEnabled(!c.archived());
        section.add(add);
        if (c.roster().isEmpty()) {
            section.add(new EmptyState(
                    "roster-empty",
                    getTranslation("classroom.class.roster.empty.title"),
                    getTranslation("classroom.class.roster.empty.text")));
            return section;
        }
        section.add(rosterGrid(c.roster()));
        return section;
    }

    /**
     * The students as a grid that draws only the rows the browser shows (issue 18, DD029): a class
     * of a thousand no longer keeps a thousand rows of buttons on the server. The grid pages over
     * the class's roster, which the page holds anyway as small records (the assignments panel
     * picks students from it). Each row is drawn whole in one cell, as the list was, and carries
     * the student's username: a grid keeps no element per row that a test or a reader could hold.
     */
    private Grid<RosterEntry> rosterGrid(List<RosterEntry> roster) {
        Grid<RosterEntry> grid = new Grid<>();
        grid.addClassName("roster-list");
        grid.setTestId("roster");
        grid.setAriaLabel(getTranslation("classroom.class.roster.label"));
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(this::rosterRow).setKey(STUDENT);
        grid.setItems(query -> roster.stream().skip(query.getOffset()).limit(query.getLimit()), query -> roster.size());
        if (roster.size() <= ROWS_SHOWN_WHOLE) {
            grid.setAllRowsVisible(true);
        } else {
            grid.setHeight("40rem");
        }
        return grid;
    }

    /** The key of the roster grid's one column, each of whose cells is a student's whole row. */
    static final String STUDENT = "student";

    private Component rosterRow(RosterEntry r) {
        // Two students of the same name differ by username, shown with the name wherever it appears.
        String who = sameNames.label(r.displayName(), r.username());
        Div row = new Div();
        row.addClassName("roster-row");
        row.getElement().setAttribute("data-testid", "roster-row");
        row.getElement().setAttribute("data-username", r.username());
        Span name = new Span(who);
        name.addClassName("roster-name");
        name.getElement().setAttribute("data-testid", "roster-name");
        row.add(name);
        if (!sameNames.isShared(r.displayName())) {
            Span username = new Span(r.username());
            username.addClassName("roster-username");
            row.add(username);
        }
        if (!r.enabled()) {
            Span pill = new Span(getTranslation("classroom.class.roster.switchedOff"));
            pill.addClassName("status-pill");
            pill.getElement().setAttribute("data-testid", "roster-disabled");
            row.add(pill);
        } else if (r.mustChangePassword()) {
            Span pill = new Span(getTranslation("classroom.class.roster.oneTime"));
            pill.addClassName("status-pill");
            row.add(pill);
        }
        Button rename = new Button(getTranslation("classroom.class.roster.rename"), e -> renameDialog(r, who));
        rename.addThemeVariants(ButtonVariant.TERTIARY);
        Button reset = new Button(
                getTranslation("classroom.class.roster.reset"),
                e -> confirm(
                        getTranslation("classroom.class.roster.reset.title", who),
                        getTranslation("classroom.class.roster.reset.text"),
                        getTranslation("classroom.class.roster.reset.confirm"),
                        () -> {
                            try {
                                OneTimeCredential credential = classroom.resetPassword(c.id(), r.studentId());
                                showCredentials(getTranslation("classroom.credential.title"), List.of(credential));
                                refresh.run();
                            } catch (UserFacingException ex) {
                                error(ex.getLocalizedMessage());
                            }
                        }));
        reset.addThemeVariants(ButtonVariant.TERTIARY);
        Button remove = new Button(
                getTranslation("classroom.class.roster.remove"),
                e -> confirm(
                        getTranslation("classroom.class.roster.remove.title", who),
                        getTranslation("classroom.class.roster.remove.text"),
                        getTranslation("classroom.class.roster.remove"),
                        () -> act(() -> classroom.removeStudent(c.id(), r.studentId()))));
        remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        Button access = r.enabled()
                ? new Button(
                        getTranslation("classroom.class.roster.switchOff"),
                        e -> confirm(
                                getTranslation("classroom.class.roster.switchOff.title", who),
                                getTranslation("classroom.class.roster.switchOff.text"),
                                getTranslation("classroom.class.roster.switchOff.confirm"),
                                () -> act(() -> classroom.disableStudent(c.id(), r.studentId()))))
                : new Button(
                        getTranslation("classroom.class.roster.switchOn"),
                        e -> act(() -> classroom.enableStudent(c.id(), r.studentId())));
        access.addThemeVariants(ButtonVariant.TERTIARY);
        access.setTestId(r.enabled() ? "roster-disable" : "roster-enable");
        if (r.sharedWithOtherTeacher()) {
            String shared = getTranslation("classroom.class.roster.shared");
            rename.getElement().setAttribute("title", shared);
            reset.getElement().setAttribute("title", shared);
            access.getElement().setAttribute("title", shared);
        }
        Div actions = new Div(rename, reset, access, remove, studentDataMenu(r, who));
        actions.addClassName("roster-actions");
        row.add(actions);
        return row;
    }

    /**
     * The student's data (DD023): download everything stored about them, as JSON or CSV, or delete
     * it. Each download is built when the link is followed, by {@link StudentDataService}, which
     * checks again who asks: a link is only a request, never a grant.
     */
    private Component studentDataMenu(RosterEntry r, String who) {
        Button open = new Button(
                getTranslation("classroom.data.open"),
                e -> StudentDataDialogs.open(studentData, r.studentId(), who, r.username(), refresh));
        open.addThemeVariants(ButtonVariant.TERTIARY);
        open.setTestId("student-data");
        if (r.sharedWithOtherTeacher()) {
            open.getElement().setAttribute("title", getTranslation("classroom.class.roster.sharedData"));
        }
        return open;
    }

    private void renameDialog(RosterEntry r, String who) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("classroom.class.rename.title", who));
        TextField name = new TextField(getTranslation("classroom.class.rename.name"));
        name.setValue(r.displayName());
        name.setMaxLength(100);
        name.setWidthFull();
        dialog.add(name);
        Button save = new Button(getTranslation("classroom.form.save"), e -> {
            try {
                classroom.renameStudent(c.id(), r.studentId(), name.getValue(), r.version());
                dialog.close();
                refresh.run();
            } catch (UserFacingException ex) {
                name.setInvalid(true);
                name.setErrorMessage(ex.getLocalizedMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("classroom.form.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void addStudentsDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("classroom.class.add.title"));
        TextArea names = new TextArea(getTranslation("classroom.class.add.names"));
        names.setHelperText(getTranslation("classroom.class.add.help"));
        names.setWidth("min(80vw, 32rem)");
        names.setMinHeight("12rem");
        names.setTestId("add-students-names");
        dialog.add(names);
        Button create = new Button(getTranslation("classroom.class.add.create"), e -> {
            try {
                List<OneTimeCredential> credentials = classroom.createStudents(c.id(), names.getValue());
                dialog.close();
                showCredentials(getTranslation("classroom.class.credentials.title", credentials.size()), credentials);
                refresh.run();
            } catch (UserFacingException ex) {
                names.setInvalid(true);
                names.setErrorMessage(ex.getLocalizedMessage());
            }
        });
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.setTestId("add-students-create");
        dialog.getFooter().add(new Button(getTranslation("classroom.form.cancel"), e -> dialog.close()), create);
        dialog.open();
    }

    /**
     * One-time passwords are shown once, here; Lateral keeps only their hashes. The list scrolls on
     * its own and can take the keyboard's focus (a region that scrolls must), and printing opens
     * the slips as a page of their own ({@link SignInSlipsView}): a dialog prints with its buttons
     * and whatever is behind it, and cuts a long list at the first page.
     */
    private void showCredentials(String heading, List<OneTimeCredential> credentials) {
        Dialog dialog = new Dialog();
        dialog.addClassName("credentials-dialog");
        dialog.setHeaderTitle(heading);
        Div sheet = new Div();
        sheet.addClassName("credential-sheet");
        sheet.setTestId("credentials");
        sheet.getElement().setAttribute("tabindex", "0");
        sheet.getElement().setAttribute("role", "region");
        sheet.getElement().setAttribute("aria-label", getTranslation("classroom.class.credentials.label"));
        for (OneTimeCredential c : credentials) {
            Div slip = new Div(
                    new Span(c.displayName()),
                    new Span(getTranslation("classroom.credential.username", c.username())),
                    new Span(getTranslation("classroom.credential.password", c.password())));
            slip.addClassName("credential-slip");
            slip.getElement().setAttribute("data-testid", "credential");
            sheet.add(slip);
        }
        String key = SlipSheets.keep(VaadinSession.getCurrent(), this.c.name(), this.c.id(), credentials);
        Anchor print =
                ClassroomNavigation.signInSlips(key, true).anchor(getTranslation("classroom.class.credentials.print"));
        print.setTarget("_blank");
        print.addClassName("button-link");
        print.getElement().setAttribute("data-testid", "credentials-print");
        dialog.add(new Paragraph(getTranslation("classroom.class.credentials.text")), sheet);
        Button done = new Button(getTranslation("classroom.form.done"), e -> dialog.close());
        done.getElement().setAttribute("data-testid", "credentials-done");
        dialog.getFooter().add(print, done);
        dialog.open();
    }

    private void act(Supplier<ClassDetail> action) {
        try {
            show.accept(action.get());
        } catch (UserFacingException ex) {
            error(ex.getLocalizedMessage());
            refresh.run();
        }
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.ERROR);
    }

    /** The text of a key in the page's language: these parts are built inside a page, for it. */
    private static String getTranslation(String key, Object... args) {
        return UI.getCurrent().getTranslation(key, args);
    }

    private static void confirm(String header, String text, String confirmText, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog(header, text, confirmText, e -> action.run());
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("classroom.form.cancel"));
        dialog.open();
    }
}
