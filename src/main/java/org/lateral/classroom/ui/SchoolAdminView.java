package org.lateral.classroom.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.lateral.audit.ui.AuditNavigation;
import org.lateral.base.UserFacingException;
import org.lateral.base.ui.EmptyState;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.classroom.SchoolAdminService;
import org.lateral.classroom.SchoolMember;
import org.lateral.classroom.SchoolSettings;
import org.lateral.classroom.StudentDataService;
import org.lateral.classroom.TeacherInvite;
import org.lateral.security.CurrentUser;
import org.lateral.security.Role;

/**
 * The school admin's page (DD026): the school's teachers and admins with their invitations, its
 * students, unlocking an address, and how long archived classes' work is kept. Every button calls
 * {@link SchoolAdminService}, which checks the rules; this page only shows what it answers.
 */
@Route("admin/school")
@PageTitle("School admin · Lateral")
@Menu(title = "base.menu.schoolAdmin", order = 4, icon = "vaadin:cog")
@RolesAllowed("ADMIN")
class SchoolAdminView extends Div {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneId.systemDefault());

    private final SchoolAdminService admin;
    private final StudentDataService studentData;
    private final java.util.UUID self;
    private final Paragraph status = new Paragraph();
    private final Paragraph problem = new Paragraph();
    private final Div staff = new Div();
    private final Div invites = new Div();
    private final Div students = new Div();
    private final Div retention = new Div();
    private final TextField search = new TextField("Find a student");

    SchoolAdminView(SchoolAdminService admin, StudentDataService studentData, CurrentUser currentUser) {
        this.admin = admin;
        this.studentData = studentData;
        this.self = currentUser.require(Role.ADMIN).accountId();
        addClassNames("page", "school-admin-page");
        SchoolSettings settings = admin.settings();
        H2 heading = new H2(settings.schoolName() + ": school admin");
        heading.setTestId("school-admin-name");
        add(heading);
        var audit = AuditNavigation.audit().anchor("Audit trail: who did what, and when");
        audit.setTestId("school-admin-audit-link");
        add(new Paragraph(
                new Span("Teachers and students of your school, invitations, unlocks and how long work is kept. "
                        + "Every change here is recorded in the "),
                audit,
                new Span(".")));
        status.setTestId("school-admin-status");
        status.getElement().setAttribute("role", "status");
        status.addClassName("form-success");
        problem.setTestId("school-admin-problem");
        problem.getElement().setAttribute("role", "alert");
        problem.addClassName("form-error");
        add(status, problem);

        Button invite = new Button("Invite a teacher\u2026", e -> inviteDialog());
        invite.addThemeVariants(ButtonVariant.PRIMARY);
        invite.setTestId("invite-open");
        add(new H3("Teachers and admins"), invite, staff, new H3("Invitations"), invites);

        search.setMaxLength(100);
        search.setPlaceholder("Part of a name or username");
        search.setClearButtonVisible(true);
        search.setTestId("student-search");
        // The list follows the typing (after a short pause); Enter and the button search at once.
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                showStudents();
            }
        });
        Button find = new Button("Search", e -> showStudents());
        find.setTestId("student-search-button");
        find.addClickShortcut(Key.ENTER).listenOn(search);
        Div searchRow = new Div(search, find);
        searchRow.addClassName("admin-search");
        add(new H3("Students"), searchRow, students);

        add(new H3("Unlock an address"), addressPanel());
        add(new H3("Keeping students\u2019 work"), retention);
        showStaff();
        showInvites();
        showStudents();
        showRetention(settings);
    }

    // Teachers and admins

    private void showStaff() {
        staff.removeAll();
        NativeTable table = table(
                "staff-table", "Teachers and admins", "Name", "Username", "Role", "Classes", "Account", "Actions");
        for (SchoolMember m : admin.staff()) {
            NativeTableRow row = row("staff-row", m);
            row.add(
                    cell(
                            m.isAdmin() && m.roles().contains(Role.TEACHER)
                                    ? "Teacher, admin"
                                    : m.isAdmin() ? "Admin" : "Teacher"),
                    cell(classNames(m)),
                    accountCell(m),
                    new NativeTableCell(staffActions(m)));
            table.getBody().addRows(row);
        }
        staff.add(table);
    }

    private Component staffActions(SchoolMember m) {
        Div actions = new Div();
        actions.addClassName("admin-actions");
        boolean me = m.id().equals(self);
        if (!me) {
            actions.add(resetButton(m));
            actions.add(accessButton(m));
            if (m.isAdmin()) {
                Button remove = tertiary(
                        "Remove admin role",
                        "member-remove-admin",
                        () -> confirm(
                                "Remove " + m.displayName() + "\u2019s admin role?",
                                "They are signed out and keep teaching their classes. They no longer see this page.",
                                "Remove admin role",
                                () -> act(() -> admin.setAdmin(m.id(), false, m.version()), "staff")));
                actions.add(remove);
            } else if (m.enabled()) {
                actions.add(tertiary(
                        "Make admin",
                        "member-make-admin",
                        () -> confirm(
                                "Make " + m.displayName() + " a school admin?",
                                "They can then manage every teacher and student of the school and read the audit trail. "
                                        + "They are signed out and see the change when they sign in again.",
                                "Make admin",
                                () -> act(() -> admin.setAdmin(m.id(), true, m.version()), "staff"))));
            }
        } else {
            Span you = new Span("This is you");
            you.addClassName("reader-note");
            actions.add(you);
        }
        if (m.signInHeldBack()) {
            actions.add(unlockSignIn(m, "staff"));
        }
        return actions;
    }

    private void inviteDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Invite a teacher");
        TextField meantFor = new TextField("Who is it for?");
        meantFor.setHelperText("Their name, so you recognise the invitation in the list. It is not sent anywhere.");
        meantFor.setMaxLength(100);
        meantFor.setWidthFull();
        meantFor.setTestId("invite-meant-for");
        Checkbox asAdmin = new Checkbox("Also make them a school admin");
        asAdmin.setTestId("invite-as-admin");
        Paragraph about = new Paragraph("You get a code and a link to give them. It works once, within "
                + SchoolAdminService.INVITE_DAYS + " days. They choose their own username and password.");
        about.addClassName("reader-note");
        Paragraph error = new Paragraph();
        error.addClassName("form-error");
        error.getElement().setAttribute("role", "alert");
        Button create = new Button("Create invitation", e -> {
            try {
                TeacherInvite.Issued issued = admin.invite(meantFor.getValue(), asAdmin.getValue());
                dialog.close();
                showInvites();
                showIssued(issued);
            } catch (UserFacingException ex) {
                error.setText(ex.getMessage());
            }
        });
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.setTestId("invite-create");
        dialog.add(meantFor, asAdmin, about, error);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), create);
        dialog.open();
        meantFor.focus();
    }

    /** The code is shown once, here: only its hash is kept. */
    private void showIssued(TeacherInvite.Issued issued) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Invitation for " + issued.invite().meantFor());
        Span code = new Span(issued.code());
        code.addClassName("invite-code");
        code.setTestId("invite-issued-code");
        Span link = new Span();
        link.addClassName("invite-link");
        link.setTestId("invite-issued-link");
        // The address the admin's browser uses is the one the teacher can reach too, also behind a proxy.
        getUI().ifPresent(ui -> ui.getPage().fetchCurrentURL(url -> {
            String base = url.getProtocol() + "://" + url.getAuthority();
            link.setText(base + "/invite/" + issued.code());
        }));
        dialog.add(
                new Paragraph("Give " + issued.invite().meantFor() + " this link, or the code to type at /invite. "
                        + "It works once, until " + DAY.format(issued.invite().expiresAt()) + "."),
                new Div(new Span("Link: "), link),
                new Div(new Span("Code: "), code),
                new Paragraph("Copy it now: Lateral does not show it again. If it goes astray, withdraw it below."));
        Button done = new Button("Done", e -> dialog.close());
        done.setTestId("invite-issued-done");
        dialog.getFooter().add(done);
        dialog.open();
    }

    private void showInvites() {
        invites.removeAll();
        List<TeacherInvite> list = admin.invites();
        if (list.isEmpty()) {
            invites.add(new EmptyState(
                    "invites-empty",
                    "No invitations yet.",
                    "Invite a teacher to give them a one-time code; it shows here until it is used or runs out."));
            return;
        }
        NativeTable table =
                table("invites-table", "Invitations, newest first", "For", "Role", "Made", "Until", "State", "");
        for (TeacherInvite i : list) {
            NativeTableRow row = new NativeTableRow();
            row.getElement().setAttribute("data-testid", "invite-row");
            row.getElement().setAttribute("data-state", i.state().name());
            NativeTableHeaderCell who = new NativeTableHeaderCell(i.meantFor());
            who.getElement().setAttribute("scope", "row");
            Div action = new Div();
            if (i.state() == TeacherInvite.State.PENDING) {
                action.add(tertiary("Withdraw", "invite-withdraw", () -> {
                    try {
                        admin.withdrawInvite(i.id());
                        said("The invitation for " + i.meantFor() + " is withdrawn: its code no longer works.");
                    } catch (UserFacingException ex) {
                        problem(ex.getMessage());
                    }
                    showInvites();
                }));
            }
            row.add(
                    who,
                    cell(i.asAdmin() ? "Teacher, admin" : "Teacher"),
                    cell(DAY.format(i.createdAt())),
                    cell(DAY.format(i.expiresAt())),
                    cell(state(i)),
                    new NativeTableCell(action));
            table.getBody().addRows(row);
        }
        invites.add(table);
    }

    private static String state(TeacherInvite i) {
        return switch (i.state()) {
            case PENDING -> "Waiting";
            case USED -> "Accepted by " + i.usedBy();
            case EXPIRED -> "Out of date";
            case WITHDRAWN -> "Withdrawn";
        };
    }

    // Students

    private void showStudents() {
        students.removeAll();
        SchoolAdminService.StudentPage page;
        try {
            page = admin.students(search.getValue());
        } catch (UserFacingException ex) {
            problem(ex.getMessage());
            return;
        }
        Paragraph count = new Paragraph(countText(page));
        count.setTestId("student-count");
        students.add(count);
        if (page.students().isEmpty()) {
            return;
        }
        List<SchoolMember.ClassRef> classes = admin.openClasses();
        NativeTable table = table("student-table", "Students", "Name", "Username", "Classes now", "Account", "Actions");
        for (SchoolMember m : page.students()) {
            NativeTableRow row = row("student-row", m);
            row.add(cell(classNames(m)), accountCell(m), new NativeTableCell(studentActions(m, classes)));
            table.getBody().addRows(row);
        }
        students.add(table);
    }

    private static String countText(SchoolAdminService.StudentPage page) {
        if (page.total() == 0) {
            return page.filter().isEmpty()
                    ? "Your school has no students yet. They appear here when they join a class or a teacher adds them."
                    : "No student\u2019s name or username contains \u201c" + page.filter() + "\u201d.";
        }
        String which = page.filter().isEmpty() ? "" : " matching \u201c" + page.filter() + "\u201d";
        return page.students().size() < page.total()
                ? "Showing " + page.students().size() + " of " + page.total() + " students" + which
                        + ", by name. Type part of a name to find the others."
                : page.total() + (page.total() == 1 ? " student" : " students") + which + ".";
    }

    private Component studentActions(SchoolMember m, List<SchoolMember.ClassRef> classes) {
        Div actions = new Div();
        actions.addClassName("admin-actions");
        actions.add(tertiary("Rename", "student-rename", () -> renameDialog(m)));
        actions.add(resetButton(m));
        actions.add(accessButton(m));
        actions.add(tertiary("Move to another class", "student-move", () -> moveDialog(m, classes)));
        actions.add(tertiary(
                "Student data\u2026",
                "student-data",
                () -> StudentDataDialogs.open(studentData, m.id(), m.displayName(), m.username(), this::showStudents)));
        if (m.signInHeldBack()) {
            actions.add(unlockSignIn(m, "students"));
        }
        if (m.joinHeldBack()) {
            actions.add(tertiary(
                    "Unlock joining",
                    "member-unlock-join",
                    () -> act(
                            () -> admin.unlockJoin(m.id()),
                            "students",
                            m.displayName() + " can try join codes again.")));
        }
        return actions;
    }

    private void renameDialog(SchoolMember m) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Rename " + m.displayName());
        TextField name = new TextField("Name teachers see");
        name.setValue(m.displayName());
        name.setMaxLength(100);
        name.setWidthFull();
        name.setTestId("rename-name");
        Button save = new Button("Save", e -> {
            dialog.close();
            act(() -> admin.renameStudent(m.id(), name.getValue(), m.version()), "students");
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setTestId("rename-save");
        dialog.add(name);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
        name.focus();
    }

    private void moveDialog(SchoolMember m, List<SchoolMember.ClassRef> classes) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Move " + m.displayName() + " to another class");
        if (m.classes().isEmpty()) {
            dialog.add(new Paragraph(m.displayName() + " is in no class now. Give them a class\u2019s join code, "
                    + "or ask its teacher to add them."));
            dialog.getFooter().add(new Button("Close", e -> dialog.close()));
            dialog.open();
            return;
        }
        Select<SchoolMember.ClassRef> from = new Select<>();
        from.setLabel("From");
        from.setItems(m.classes());
        from.setItemLabelGenerator(SchoolMember.ClassRef::name);
        from.setValue(m.classes().getFirst());
        from.setTestId("move-from");
        Select<SchoolMember.ClassRef> to = new Select<>();
        to.setLabel("To");
        List<SchoolMember.ClassRef> targets = new ArrayList<>(classes);
        targets.removeIf(c -> m.classes().stream().anyMatch(own -> own.id().equals(c.id())));
        to.setItems(targets);
        to.setItemLabelGenerator(SchoolMember.ClassRef::name);
        to.setEmptySelectionAllowed(false);
        to.setTestId("move-to");
        Paragraph note = new Paragraph("Their work in the old class is kept, and its teacher still sees it in the "
                + "results of assignments given before the move.");
        note.addClassName("reader-note");
        Button move = new Button("Move", e -> {
            if (to.getValue() == null) {
                to.setInvalid(true);
                to.setErrorMessage("Choose the class to move them to.");
                return;
            }
            dialog.close();
            act(
                    () -> admin.moveStudent(
                            m.id(), from.getValue().id(), to.getValue().id()),
                    "students",
                    m.displayName() + " moved to " + to.getValue().name() + ".");
        });
        move.addThemeVariants(ButtonVariant.PRIMARY);
        move.setTestId("move-save");
        if (targets.isEmpty()) {
            move.setEnabled(false);
            note.setText("Your school has no other class to move them to.");
        }
        dialog.add(new Div(from, to), note);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), move);
        dialog.open();
    }

    // Shared by both lists

    private Button resetButton(SchoolMember m) {
        return tertiary(
                "Reset password",
                "member-reset",
                () -> confirm(
                        "Reset " + m.displayName() + "\u2019s password?",
                        "They are signed out everywhere and get a one-time password, then choose their own at the next "
                                + "sign-in.",
                        "Reset",
                        () -> {
                            try {
                                OneTimeCredential c = admin.resetPassword(m.id());
                                showCredential(c);
                                refresh(m);
                            } catch (UserFacingException ex) {
                                problem(ex.getMessage());
                            }
                        }));
    }

    private Button accessButton(SchoolMember m) {
        if (m.enabled()) {
            return tertiary(
                    "Switch off account",
                    "member-disable",
                    () -> confirm(
                            "Switch off " + m.displayName() + "\u2019s account?",
                            "They are signed out at once, on every computer, and cannot sign in until an admin switches the "
                                    + "account on again. Their work and classes are kept.",
                            "Switch off",
                            () -> act(() -> admin.setEnabled(m.id(), false), section(m))));
        }
        return tertiary(
                "Switch on account", "member-enable", () -> act(() -> admin.setEnabled(m.id(), true), section(m)));
    }

    private Button unlockSignIn(SchoolMember m, String section) {
        return tertiary(
                "Unlock sign-in",
                "member-unlock-sign-in",
                () -> act(
                        () -> admin.unlockSignIn(m.id()),
                        section,
                        m.displayName() + " can sign in again now. If they forgot the password, reset it."));
    }

    private void showCredential(OneTimeCredential c) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New one-time password");
        Div slip = new Div(
                new Span(c.displayName()),
                new Span("Username: " + c.username()),
                new Span("One-time password: " + c.password()),
                new Span("Sign in at this Lateral and choose your own password."));
        slip.addClassName("credential-slip");
        slip.setTestId("admin-credential");
        dialog.add(new Paragraph("Give this to them now: it is not shown again."), slip);
        String key = SlipSheets.keep(VaadinSession.getCurrent(), "New one-time password", null, List.of(c));
        Anchor print = ClassroomNavigation.signInSlips(key, true).anchor("Print a sign-in slip");
        print.setTarget("_blank");
        print.addClassName("button-link");
        print.setTestId("admin-credential-print");
        dialog.getFooter().add(print, new Button("Done", e -> dialog.close()));
        dialog.open();
    }

    // Addresses

    private Component addressPanel() {
        Paragraph about = new Paragraph("A school often reaches Lateral from one address. After many wrong passwords "
                + "or join codes from it, Lateral holds everyone behind it back for a few minutes. The audit trail "
                + "shows the address of each held-back try.");
        about.addClassName("reader-note");
        TextField address = new TextField("Address");
        address.setPlaceholder("203.0.113.7");
        address.setMaxLength(45);
        address.setTestId("address-input");
        Paragraph result = new Paragraph();
        result.setTestId("address-result");
        result.getElement().setAttribute("aria-live", "polite");
        Button check = new Button("Check", e -> {
            try {
                result.setText(holds(admin.addressHolds(address.getValue())));
            } catch (UserFacingException ex) {
                result.setText(ex.getMessage());
            }
        });
        check.setTestId("address-check");
        Button unlock = new Button("Unlock", e -> {
            try {
                SchoolAdminService.AddressHolds holds = admin.unlockAddress(address.getValue());
                result.setText("Unlocked. " + holds(holds));
            } catch (UserFacingException ex) {
                result.setText(ex.getMessage());
            }
        });
        unlock.setTestId("address-unlock");
        Div row = new Div(address, check, unlock);
        row.addClassName("admin-search");
        return new Div(about, row, result);
    }

    private static String holds(SchoolAdminService.AddressHolds h) {
        if (!h.signIn() && !h.join()) {
            return "Nothing is held back from " + h.address() + " now.";
        }
        List<String> what = new ArrayList<>();
        if (h.signIn()) {
            what.add("sign-ins");
        }
        if (h.join()) {
            what.add("join codes");
        }
        return String.join(" and ", what) + " from " + h.address() + " are held back now.";
    }

    // Retention

    private void showRetention(SchoolSettings s) {
        retention.removeAll();
        Paragraph now = new Paragraph("When a class is archived, its students\u2019 work is deleted "
                + s.effectiveDays() + " days later, unless they are still in a class that is not archived. Teachers "
                + "see the date on the archived class. "
                + (s.archivedClassDays() == null
                        ? "Your school follows this Lateral\u2019s setting."
                        : "This is your school\u2019s own setting; this Lateral\u2019s is " + s.instanceDays()
                                + " days."));
        now.setTestId("retention-now");
        IntegerField days = new IntegerField("Days to keep work after a class is archived");
        days.setMin(30);
        days.setMax(3650);
        days.setStepButtonsVisible(true);
        days.setValue(s.effectiveDays());
        days.setHelperText("From 30 to 3650 days.");
        days.setTestId("retention-days");
        Button save = new Button("Save", e -> {
            if (days.getValue() == null) {
                problem("Type a number of days from 30 to 3650.");
                return;
            }
            try {
                showRetention(admin.setArchivedClassDays(days.getValue()));
                said("Saved: archived classes\u2019 work is kept " + days.getValue() + " days.");
            } catch (UserFacingException ex) {
                problem(ex.getMessage());
            }
        });
        save.setTestId("retention-save");
        Div row = new Div(days, save);
        row.addClassName("admin-search");
        retention.add(now, row);
        if (s.archivedClassDays() != null) {
            Button follow = new Button("Use this Lateral\u2019s setting (" + s.instanceDays() + " days)", e -> {
                showRetention(admin.setArchivedClassDays(null));
                said("Saved: your school follows this Lateral\u2019s setting.");
            });
            follow.addThemeVariants(ButtonVariant.TERTIARY);
            follow.setTestId("retention-default");
            retention.add(follow);
        }
    }

    // Helpers

    private void act(Supplier<SchoolMember> action, String section) {
        act(action, section, "");
    }

    private void act(Supplier<SchoolMember> action, String section, String message) {
        try {
            SchoolMember changed = action.get();
            said(message.isEmpty() ? "Saved: " + changed.displayName() + "." : message);
        } catch (UserFacingException ex) {
            problem(ex.getMessage());
        }
        if (section.equals("staff")) {
            showStaff();
        } else {
            showStudents();
        }
    }

    private void refresh(SchoolMember m) {
        if (section(m).equals("staff")) {
            showStaff();
        } else {
            showStudents();
        }
    }

    private static String section(SchoolMember m) {
        return m.roles().contains(Role.STUDENT) && m.roles().size() == 1 ? "students" : "staff";
    }

    private void said(String text) {
        problem.setText("");
        status.setText(text);
    }

    private void problem(String text) {
        status.setText("");
        problem.setText(text);
    }

    private static String classNames(SchoolMember m) {
        return m.classes().isEmpty()
                ? "none"
                : m.classes().stream().map(SchoolMember.ClassRef::name).collect(Collectors.joining(", "));
    }

    private static NativeTableCell accountCell(SchoolMember m) {
        NativeTableCell cell = new NativeTableCell();
        Span state = new Span(m.enabled() ? "On" : "Switched off");
        state.addClassName("status-pill");
        state.getElement().setAttribute("data-testid", "member-state");
        cell.add(state);
        if (m.signInHeldBack()) {
            Span held = new Span("Sign-in held back");
            held.addClassName("status-pill");
            held.getElement().setAttribute("data-testid", "member-sign-in-held");
            cell.add(held);
        }
        if (m.joinHeldBack()) {
            Span held = new Span("Joining held back");
            held.addClassName("status-pill");
            held.getElement().setAttribute("data-testid", "member-join-held");
            cell.add(held);
        }
        return cell;
    }

    private static NativeTableRow row(String testId, SchoolMember m) {
        NativeTableRow row = new NativeTableRow();
        row.getElement().setAttribute("data-testid", testId);
        row.getElement().setAttribute("data-username", m.username());
        NativeTableHeaderCell name = new NativeTableHeaderCell(m.displayName());
        name.getElement().setAttribute("scope", "row");
        row.add(name, cell(m.username()));
        return row;
    }

    private static NativeTable table(String testId, String caption, String... headings) {
        NativeTable table = new NativeTable();
        table.addClassNames("overview-table", "admin-table");
        table.setTestId(testId);
        table.setCaptionText(caption);
        NativeTableRow head = new NativeTableRow();
        for (String h : headings) {
            NativeTableHeaderCell cell = new NativeTableHeaderCell(h);
            cell.getElement().setAttribute("scope", "col");
            head.add(cell);
        }
        table.getHead().addRows(head);
        return table;
    }

    private static NativeTableCell cell(String text) {
        return new NativeTableCell(text);
    }

    private static Button tertiary(String text, String testId, Runnable action) {
        Button button = new Button(text, e -> action.run());
        button.addThemeVariants(ButtonVariant.TERTIARY);
        button.getElement().setAttribute("data-testid", testId);
        return button;
    }

    private static void confirm(String header, String text, String confirmText, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog(header, text, confirmText, e -> action.run());
        dialog.setCancelable(true);
        dialog.open();
    }
}
