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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.lateral.audit.ui.AuditNavigation;
import org.lateral.base.UserFacingException;
import org.lateral.base.i18n.Formats;
import org.lateral.base.ui.EmptyState;
import org.lateral.base.ui.ScrollRegions;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.classroom.SameNames;
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
 * {@link SchoolAdminService}, which checks the rules; this page only shows what it answers. Two
 * people of the same name in a list are told apart by their usernames wherever the page names
 * them ({@link SameNames}).
 */
@Route("admin/school")
@Menu(title = "base.menu.schoolAdmin", order = 4, icon = "vaadin:cog")
@RolesAllowed("ADMIN")
class SchoolAdminView extends Div implements HasDynamicTitle {

    private final SchoolAdminService admin;
    private final StudentDataService studentData;
    private final java.util.UUID self;
    private final Paragraph status = new Paragraph();
    private final Paragraph problem = new Paragraph();
    private final Div staff = new Div();
    private final Div invites = new Div();
    private final Div students = new Div();
    private final Div retention = new Div();
    private final TextField search = new TextField();
    private SameNames staffNames = SameNames.among(List.of());
    private SameNames studentNames = SameNames.among(List.of());

    SchoolAdminView(SchoolAdminService admin, StudentDataService studentData, CurrentUser currentUser) {
        this.admin = admin;
        this.studentData = studentData;
        this.self = currentUser.require(Role.ADMIN).accountId();
        addClassNames("page", "school-admin-page");
        SchoolSettings settings = admin.settings();
        H2 heading = new H2(getTranslation("classroom.admin.heading", settings.schoolName()));
        heading.setTestId("school-admin-name");
        add(heading);
        var audit = AuditNavigation.audit().anchor(getTranslation("classroom.admin.auditLink"));
        audit.setTestId("school-admin-audit-link");
        add(new Paragraph(
                new Span(getTranslation("classroom.admin.intro") + " "),
                audit,
                new Span(getTranslation("classroom.admin.introEnd"))));
        status.setTestId("school-admin-status");
        status.getElement().setAttribute("role", "status");
        status.addClassName("form-success");
        problem.setTestId("school-admin-problem");
        problem.getElement().setAttribute("role", "alert");
        problem.addClassName("form-error");
        add(status, problem);

        Button invite = new Button(getTranslation("classroom.admin.invite"), e -> inviteDialog());
        invite.addThemeVariants(ButtonVariant.PRIMARY);
        invite.setTestId("invite-open");
        add(
                new H3(getTranslation("classroom.admin.staff")),
                invite,
                staff,
                new H3(getTranslation("classroom.admin.invitations")),
                invites);

        search.setLabel(getTranslation("classroom.admin.search"));
        search.setMaxLength(100);
        search.setPlaceholder(getTranslation("classroom.admin.search.placeholder"));
        search.setClearButtonVisible(true);
        search.setTestId("student-search");
        // The list follows the typing (after a short pause); Enter and the button search at once.
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                showStudents();
            }
        });
        Button find = new Button(getTranslation("classroom.admin.search.button"), e -> showStudents());
        find.setTestId("student-search-button");
        find.addClickShortcut(Key.ENTER).listenOn(search);
        Div searchRow = new Div(search, find);
        searchRow.addClassName("admin-search");
        add(new H3(getTranslation("classroom.admin.students")), searchRow, students);

        add(new H3(getTranslation("classroom.admin.address")), addressPanel());
        add(new H3(getTranslation("classroom.admin.retention")), retention);
        showStaff();
        showInvites();
        showStudents();
        showRetention(settings);
    }

    // Teachers and admins

    private void showStaff() {
        staff.removeAll();
        NativeTable table = table(
                "staff-table",
                getTranslation("classroom.admin.staff"),
                getTranslation("classroom.admin.column.name"),
                getTranslation("classroom.admin.column.username"),
                getTranslation("classroom.admin.column.role"),
                getTranslation("classroom.admin.column.classes"),
                getTranslation("classroom.admin.column.account"),
                getTranslation("classroom.admin.column.actions"));
        List<SchoolMember> members = admin.staff();
        staffNames =
                SameNames.among(members.stream().map(SchoolMember::displayName).toList());
        for (SchoolMember m : members) {
            NativeTableRow row = row("staff-row", m);
            row.add(
                    cell(getTranslation(
                            m.isAdmin() && m.roles().contains(Role.TEACHER)
                                    ? "classroom.admin.role.teacherAdmin"
                                    : (m.isAdmin() ? Role.ADMIN : Role.TEACHER).labelKey())),
                    cell(classNames(m)),
                    accountCell(m),
                    new NativeTableCell(staffActions(m)));
            table.getBody().addRows(row);
        }
        staff.add(ScrollRegions.wideTable(table, table.getCaption().getText()));
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
                        getTranslation("classroom.admin.removeAdmin"),
                        "member-remove-admin",
                        () -> confirm(
                                getTranslation("classroom.admin.removeAdmin.title", who(m)),
                                getTranslation("classroom.admin.removeAdmin.text"),
                                getTranslation("classroom.admin.removeAdmin"),
                                () -> act(() -> admin.setAdmin(m.id(), false, m.version()), "staff")));
                actions.add(remove);
            } else if (m.enabled()) {
                actions.add(tertiary(
                        getTranslation("classroom.admin.makeAdmin"),
                        "member-make-admin",
                        () -> confirm(
                                getTranslation("classroom.admin.makeAdmin.title", who(m)),
                                getTranslation("classroom.admin.makeAdmin.text"),
                                getTranslation("classroom.admin.makeAdmin"),
                                () -> act(() -> admin.setAdmin(m.id(), true, m.version()), "staff"))));
            }
        } else {
            Span you = new Span(getTranslation("classroom.admin.you"));
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
        dialog.setHeaderTitle(getTranslation("classroom.admin.inviteDialog.title"));
        TextField meantFor = new TextField(getTranslation("classroom.admin.inviteDialog.for"));
        meantFor.setHelperText(getTranslation("classroom.admin.inviteDialog.forHelp"));
        meantFor.setMaxLength(100);
        meantFor.setWidthFull();
        meantFor.setTestId("invite-meant-for");
        Checkbox asAdmin = new Checkbox(getTranslation("classroom.admin.inviteDialog.asAdmin"));
        asAdmin.setTestId("invite-as-admin");
        Paragraph about =
                new Paragraph(getTranslation("classroom.admin.inviteDialog.about", SchoolAdminService.INVITE_DAYS));
        about.addClassName("reader-note");
        Paragraph error = new Paragraph();
        error.addClassName("form-error");
        error.getElement().setAttribute("role", "alert");
        Button create = new Button(getTranslation("classroom.admin.inviteDialog.create"), e -> {
            try {
                TeacherInvite.Issued issued = admin.invite(meantFor.getValue(), asAdmin.getValue());
                dialog.close();
                showInvites();
                showIssued(issued);
            } catch (UserFacingException ex) {
                error.setText(ex.getLocalizedMessage());
            }
        });
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.setTestId("invite-create");
        dialog.add(meantFor, asAdmin, about, error);
        dialog.getFooter().add(new Button(getTranslation("classroom.form.cancel"), e -> dialog.close()), create);
        dialog.open();
        meantFor.focus();
    }

    /** The code is shown once, here: only its hash is kept. */
    private void showIssued(TeacherInvite.Issued issued) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(
                getTranslation("classroom.admin.issued.title", issued.invite().meantFor()));
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
                new Paragraph(getTranslation(
                        "classroom.admin.issued.text",
                        issued.invite().meantFor(),
                        day(issued.invite().expiresAt()))),
                new Div(new Span(getTranslation("classroom.admin.issued.link") + " "), link),
                new Div(new Span(getTranslation("classroom.admin.issued.code") + " "), code),
                new Paragraph(getTranslation("classroom.admin.issued.copy")));
        Button done = new Button(getTranslation("classroom.form.done"), e -> dialog.close());
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
                    getTranslation("classroom.admin.invites.empty.title"),
                    getTranslation("classroom.admin.invites.empty.text")));
            return;
        }
        NativeTable table = table(
                "invites-table",
                getTranslation("classroom.admin.invites.caption"),
                getTranslation("classroom.admin.column.for"),
                getTranslation("classroom.admin.column.role"),
                getTranslation("classroom.admin.column.made"),
                getTranslation("classroom.admin.column.until"),
                getTranslation("classroom.admin.column.state"),
                "");
        for (TeacherInvite i : list) {
            NativeTableRow row = new NativeTableRow();
            row.getElement().setAttribute("data-testid", "invite-row");
            row.getElement().setAttribute("data-state", i.state().name());
            NativeTableHeaderCell who = new NativeTableHeaderCell(i.meantFor());
            who.getElement().setAttribute("scope", "row");
            Div action = new Div();
            if (i.state() == TeacherInvite.State.PENDING) {
                action.add(tertiary(getTranslation("classroom.admin.invites.withdraw"), "invite-withdraw", () -> {
                    try {
                        admin.withdrawInvite(i.id());
                        said(getTranslation("classroom.admin.invites.withdrawn", i.meantFor()));
                    } catch (UserFacingException ex) {
                        problem(ex.getLocalizedMessage());
                    }
                    showInvites();
                }));
            }
            row.add(
                    who,
                    cell(getTranslation(i.asAdmin() ? "classroom.admin.role.teacherAdmin" : Role.TEACHER.labelKey())),
                    cell(day(i.createdAt())),
                    cell(day(i.expiresAt())),
                    cell(state(i)),
                    new NativeTableCell(action));
            table.getBody().addRows(row);
        }
        invites.add(ScrollRegions.wideTable(table, table.getCaption().getText()));
    }

    private String state(TeacherInvite i) {
        return switch (i.state()) {
            case PENDING -> getTranslation("classroom.admin.invites.state.pending");
            case USED -> getTranslation("classroom.admin.invites.state.used", i.usedBy());
            case EXPIRED -> getTranslation("classroom.admin.invites.state.expired");
            case WITHDRAWN -> getTranslation("classroom.admin.invites.state.withdrawn");
        };
    }

    /** A day as the reader's language writes it, in the server's zone (as the invitation's week runs). */
    private String day(Instant instant) {
        return Formats.day(LocalDate.ofInstant(instant, ZoneId.systemDefault()), getLocale());
    }

    // Students

    private void showStudents() {
        students.removeAll();
        SchoolAdminService.StudentPage page;
        try {
            page = admin.students(search.getValue());
        } catch (UserFacingException ex) {
            problem(ex.getLocalizedMessage());
            return;
        }
        Paragraph count = new Paragraph(countText(page));
        count.setTestId("student-count");
        students.add(count);
        if (page.students().isEmpty()) {
            return;
        }
        List<SchoolMember.ClassRef> classes = admin.openClasses();
        studentNames = SameNames.among(
                page.students().stream().map(SchoolMember::displayName).toList());
        NativeTable table = table(
                "student-table",
                getTranslation("classroom.admin.students"),
                getTranslation("classroom.admin.column.name"),
                getTranslation("classroom.admin.column.username"),
                getTranslation("classroom.admin.column.classesNow"),
                getTranslation("classroom.admin.column.account"),
                getTranslation("classroom.admin.column.actions"));
        for (SchoolMember m : page.students()) {
            NativeTableRow row = row("student-row", m);
            row.add(cell(classNames(m)), accountCell(m), new NativeTableCell(studentActions(m, classes)));
            table.getBody().addRows(row);
        }
        students.add(ScrollRegions.wideTable(table, table.getCaption().getText()));
    }

    private String countText(SchoolAdminService.StudentPage page) {
        if (page.total() == 0) {
            return page.filter().isEmpty()
                    ? getTranslation("classroom.admin.count.none")
                    : getTranslation("classroom.admin.count.noMatch", page.filter());
        }
        if (page.students().size() < page.total()) {
            return page.filter().isEmpty()
                    ? getTranslation(
                            "classroom.admin.count.some", page.students().size(), page.total())
                    : getTranslation(
                            "classroom.admin.count.someMatching",
                            page.students().size(),
                            page.total(),
                            page.filter());
        }
        return page.filter().isEmpty()
                ? getTranslation("classroom.admin.count.all", page.total())
                : getTranslation("classroom.admin.count.allMatching", page.total(), page.filter());
    }

    private Component studentActions(SchoolMember m, List<SchoolMember.ClassRef> classes) {
        Div actions = new Div();
        actions.addClassName("admin-actions");
        actions.add(tertiary(getTranslation("classroom.class.roster.rename"), "student-rename", () -> renameDialog(m)));
        actions.add(resetButton(m));
        actions.add(accessButton(m));
        actions.add(tertiary(getTranslation("classroom.admin.move"), "student-move", () -> moveDialog(m, classes)));
        actions.add(tertiary(
                getTranslation("classroom.data.open"),
                "student-data",
                () -> StudentDataDialogs.open(studentData, m.id(), who(m), m.username(), this::showStudents)));
        if (m.signInHeldBack()) {
            actions.add(unlockSignIn(m, "students"));
        }
        if (m.joinHeldBack()) {
            actions.add(tertiary(
                    getTranslation("classroom.admin.unlockJoin"),
                    "member-unlock-join",
                    () -> act(
                            () -> admin.unlockJoin(m.id()),
                            "students",
                            getTranslation("classroom.admin.unlockJoin.said", who(m)))));
        }
        return actions;
    }

    private void renameDialog(SchoolMember m) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("classroom.class.rename.title", who(m)));
        TextField name = new TextField(getTranslation("classroom.admin.rename.name"));
        name.setValue(m.displayName());
        name.setMaxLength(100);
        name.setWidthFull();
        name.setTestId("rename-name");
        Button save = new Button(getTranslation("classroom.form.save"), e -> {
            dialog.close();
            act(() -> admin.renameStudent(m.id(), name.getValue(), m.version()), "students");
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setTestId("rename-save");
        dialog.add(name);
        dialog.getFooter().add(new Button(getTranslation("classroom.form.cancel"), e -> dialog.close()), save);
        dialog.open();
        name.focus();
    }

    private void moveDialog(SchoolMember m, List<SchoolMember.ClassRef> classes) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("classroom.admin.move.title", who(m)));
        if (m.classes().isEmpty()) {
            dialog.add(new Paragraph(getTranslation("classroom.admin.move.noClass", who(m))));
            dialog.getFooter().add(new Button(getTranslation("classroom.form.close"), e -> dialog.close()));
            dialog.open();
            return;
        }
        Select<SchoolMember.ClassRef> from = new Select<>();
        from.setLabel(getTranslation("classroom.admin.move.from"));
        from.setItems(m.classes());
        from.setItemLabelGenerator(SchoolMember.ClassRef::name);
        from.setValue(m.classes().getFirst());
        from.setTestId("move-from");
        Select<SchoolMember.ClassRef> to = new Select<>();
        to.setLabel(getTranslation("classroom.admin.move.to"));
        List<SchoolMember.ClassRef> targets = new ArrayList<>(classes);
        targets.removeIf(c -> m.classes().stream().anyMatch(own -> own.id().equals(c.id())));
        to.setItems(targets);
        to.setItemLabelGenerator(SchoolMember.ClassRef::name);
        to.setEmptySelectionAllowed(false);
        to.setTestId("move-to");
        Paragraph note = new Paragraph(getTranslation("classroom.admin.move.note"));
        note.addClassName("reader-note");
        Button move = new Button(getTranslation("classroom.admin.move.button"), e -> {
            if (to.getValue() == null) {
                to.setInvalid(true);
                to.setErrorMessage(getTranslation("classroom.admin.move.choose"));
                return;
            }
            dialog.close();
            act(
                    () -> admin.moveStudent(
                            m.id(), from.getValue().id(), to.getValue().id()),
                    "students",
                    getTranslation(
                            "classroom.admin.move.said", who(m), to.getValue().name()));
        });
        move.addThemeVariants(ButtonVariant.PRIMARY);
        move.setTestId("move-save");
        if (targets.isEmpty()) {
            move.setEnabled(false);
            note.setText(getTranslation("classroom.admin.move.noOther"));
        }
        dialog.add(new Div(from, to), note);
        dialog.getFooter().add(new Button(getTranslation("classroom.form.cancel"), e -> dialog.close()), move);
        dialog.open();
    }

    // Shared by both lists

    private Button resetButton(SchoolMember m) {
        return tertiary(
                getTranslation("classroom.class.roster.reset"),
                "member-reset",
                () -> confirm(
                        getTranslation("classroom.class.roster.reset.title", who(m)),
                        getTranslation("classroom.admin.reset.text"),
                        getTranslation("classroom.class.roster.reset.confirm"),
                        () -> {
                            try {
                                OneTimeCredential c = admin.resetPassword(m.id());
                                showCredential(c);
                                refresh(m);
                            } catch (UserFacingException ex) {
                                problem(ex.getLocalizedMessage());
                            }
                        }));
    }

    private Button accessButton(SchoolMember m) {
        if (m.enabled()) {
            return tertiary(
                    getTranslation("classroom.class.roster.switchOff"),
                    "member-disable",
                    () -> confirm(
                            getTranslation("classroom.class.roster.switchOff.title", who(m)),
                            getTranslation("classroom.admin.switchOff.text"),
                            getTranslation("classroom.class.roster.switchOff.confirm"),
                            () -> act(() -> admin.setEnabled(m.id(), false), section(m))));
        }
        return tertiary(
                getTranslation("classroom.class.roster.switchOn"),
                "member-enable",
                () -> act(() -> admin.setEnabled(m.id(), true), section(m)));
    }

    private Button unlockSignIn(SchoolMember m, String section) {
        return tertiary(
                getTranslation("classroom.admin.unlockSignIn"),
                "member-unlock-sign-in",
                () -> act(
                        () -> admin.unlockSignIn(m.id()),
                        section,
                        getTranslation("classroom.admin.unlockSignIn.said", who(m))));
    }

    private void showCredential(OneTimeCredential c) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("classroom.credential.title"));
        Div slip = new Div(
                new Span(c.displayName()),
                new Span(getTranslation("classroom.credential.username", c.username())),
                new Span(getTranslation("classroom.credential.password", c.password())),
                new Span(getTranslation("classroom.admin.credential.signIn")));
        slip.addClassName("credential-slip");
        slip.setTestId("admin-credential");
        dialog.add(new Paragraph(getTranslation("classroom.admin.credential.giveNow")), slip);
        String key = SlipSheets.keep(
                VaadinSession.getCurrent(), getTranslation("classroom.credential.title"), null, List.of(c));
        Anchor print =
                ClassroomNavigation.signInSlips(key, true).anchor(getTranslation("classroom.admin.credential.print"));
        print.setTarget("_blank");
        print.addClassName("button-link");
        print.setTestId("admin-credential-print");
        dialog.getFooter().add(print, new Button(getTranslation("classroom.form.done"), e -> dialog.close()));
        dialog.open();
    }

    // Addresses

    private Component addressPanel() {
        Paragraph about = new Paragraph(getTranslation("classroom.admin.address.about"));
        about.addClassName("reader-note");
        TextField address = new TextField(getTranslation("classroom.admin.address.label"));
        address.setPlaceholder("203.0.113.7");
        address.setMaxLength(45);
        address.setTestId("address-input");
        Paragraph result = new Paragraph();
        result.setTestId("address-result");
        result.getElement().setAttribute("aria-live", "polite");
        Button check = new Button(getTranslation("classroom.admin.address.check"), e -> {
            try {
                result.setText(holds(admin.addressHolds(address.getValue())));
            } catch (UserFacingException ex) {
                result.setText(ex.getLocalizedMessage());
            }
        });
        check.setTestId("address-check");
        Button unlock = new Button(getTranslation("classroom.admin.address.unlock"), e -> {
            try {
                SchoolAdminService.AddressHolds holds = admin.unlockAddress(address.getValue());
                result.setText(getTranslation("classroom.admin.address.unlocked", holds(holds)));
            } catch (UserFacingException ex) {
                result.setText(ex.getLocalizedMessage());
            }
        });
        unlock.setTestId("address-unlock");
        Div row = new Div(address, check, unlock);
        row.addClassName("admin-search");
        return new Div(about, row, result);
    }

    private String holds(SchoolAdminService.AddressHolds h) {
        if (h.signIn() && h.join()) {
            return getTranslation("classroom.admin.address.heldBoth", h.address());
        }
        if (h.signIn()) {
            return getTranslation("classroom.admin.address.heldSignIn", h.address());
        }
        if (h.join()) {
            return getTranslation("classroom.admin.address.heldJoin", h.address());
        }
        return getTranslation("classroom.admin.address.nothing", h.address());
    }

    // Retention

    private void showRetention(SchoolSettings s) {
        retention.removeAll();
        Paragraph now = new Paragraph(getTranslation("classroom.admin.retention.text", s.effectiveDays()) + " "
                + (s.archivedClassDays() == null
                        ? getTranslation("classroom.admin.retention.follows")
                        : getTranslation("classroom.admin.retention.own", s.instanceDays())));
        now.setTestId("retention-now");
        IntegerField days = new IntegerField(getTranslation("classroom.admin.retention.days"));
        days.setMin(30);
        days.setMax(3650);
        days.setStepButtonsVisible(true);
        days.setValue(s.effectiveDays());
        days.setHelperText(getTranslation("classroom.admin.retention.help"));
        days.setTestId("retention-days");
        Button save = new Button(getTranslation("classroom.form.save"), e -> {
            if (days.getValue() == null) {
                problem(getTranslation("classroom.admin.retention.type"));
                return;
            }
            try {
                showRetention(admin.setArchivedClassDays(days.getValue()));
                said(getTranslation("classroom.admin.retention.saved", days.getValue()));
            } catch (UserFacingException ex) {
                problem(ex.getLocalizedMessage());
            }
        });
        save.setTestId("retention-save");
        Div row = new Div(days, save);
        row.addClassName("admin-search");
        retention.add(now, row);
        if (s.archivedClassDays() != null) {
            Button follow = new Button(getTranslation("classroom.admin.retention.follow", s.instanceDays()), e -> {
                showRetention(admin.setArchivedClassDays(null));
                said(getTranslation("classroom.admin.retention.followSaved"));
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
            said(message.isEmpty() ? getTranslation("classroom.admin.said", who(changed)) : message);
        } catch (UserFacingException ex) {
            problem(ex.getLocalizedMessage());
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

    /**
     * The member's name, with the username after it when another of the same list has the same
     * name: a dialog or a message naming only "Alex Kim" would not say which of two it is.
     */
    private String who(SchoolMember m) {
        return (section(m).equals("staff") ? staffNames : studentNames).label(m.displayName(), m.username());
    }

    private String classNames(SchoolMember m) {
        return m.classes().isEmpty()
                ? getTranslation("classroom.admin.noClasses")
                : m.classes().stream().map(SchoolMember.ClassRef::name).collect(Collectors.joining(", "));
    }

    private NativeTableCell accountCell(SchoolMember m) {
        NativeTableCell cell = new NativeTableCell();
        Span state =
                new Span(getTranslation(m.enabled() ? "classroom.admin.account.on" : "classroom.admin.account.off"));
        state.addClassName("status-pill");
        state.getElement().setAttribute("data-testid", "member-state");
        cell.add(state);
        if (m.signInHeldBack()) {
            Span held = new Span(getTranslation("classroom.admin.account.signInHeld"));
            held.addClassName("status-pill");
            held.getElement().setAttribute("data-testid", "member-sign-in-held");
            cell.add(held);
        }
        if (m.joinHeldBack()) {
            Span held = new Span(getTranslation("classroom.admin.account.joinHeld"));
            held.addClassName("status-pill");
            held.getElement().setAttribute("data-testid", "member-join-held");
            cell.add(held);
        }
        return cell;
    }

    private NativeTableRow row(String testId, SchoolMember m) {
        NativeTableRow row = new NativeTableRow();
        row.getElement().setAttribute("data-testid", testId);
        row.getElement().setAttribute("data-username", m.username());
        // The row's header names the row for a screen reader: two of the same name need their usernames.
        NativeTableHeaderCell name = new NativeTableHeaderCell(who(m));
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

    private void confirm(String header, String text, String confirmText, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog(header, text, confirmText, e -> action.run());
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("classroom.form.cancel"));
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("base.pageTitle", getTranslation("classroom.admin.pageTitle"));
    }
}
