package org.lateral.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.lateral.audit.AuditLog;
import org.lateral.base.UserFacingException;
import org.lateral.security.AuditAction;

/**
 * The school's audit trail for its admin (DD022): who did what, when, from where and how it ended,
 * newest first, a hundred to a page, filtered by action, account and days (UTC, as stored). Every
 * value is text; nothing here can be changed.
 */
@Route("admin/audit")
@PageTitle("Audit trail · Lateral")
@RolesAllowed("ADMIN")
class AuditView extends Div {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final AuditLog log;
    private final Select<String> action = new Select<>();
    private final TextField user = new TextField("Account (username)");
    private final DatePicker from = new DatePicker("From (UTC)");
    private final DatePicker to = new DatePicker("To (UTC)");
    private final Paragraph problem = new Paragraph();
    private final NativeTable table = new NativeTable();
    private final Paragraph pageInfo = new Paragraph();
    private final Button newer = new Button("Newer");
    private final Button older = new Button("Older");
    private AuditLog.Filter filter = AuditLog.Filter.NONE;
    private int page;

    AuditView(AuditLog log) {
        this.log = log;
        addClassNames("page", "audit-page");
        add(new H2("Audit trail"));
        add(new Paragraph("Sign-ins, refusals, score and key changes, packs, roster actions and views of "
                + "students' work in your school. Times are UTC. Events are kept for the retention the "
                + "operator set and cannot be changed or deleted here."));
        List<String> actions = new ArrayList<>();
        actions.add("");
        actions.addAll(Arrays.stream(AuditAction.values()).map(Enum::name).toList());
        action.setLabel("Action");
        action.setItems(actions);
        action.setItemLabelGenerator(
                a -> a.isEmpty() ? "Any action" : AuditAction.valueOf(a).label());
        action.setValue("");
        action.setTestId("audit-filter-action");
        user.setTestId("audit-filter-user");
        user.setMaxLength(100);
        from.setTestId("audit-filter-from");
        to.setTestId("audit-filter-to");
        Button apply = new Button("Apply", e -> apply());
        apply.setTestId("audit-apply");
        Div filters = new Div(action, user, from, to, apply);
        filters.addClassName("audit-filters");
        problem.setTestId("audit-problem");
        problem.setVisible(false);
        table.setTestId("audit-table");
        table.addClassName("overview-table");
        table.setCaptionText("Events, newest first");
        NativeTableRow head = new NativeTableRow();
        head.add(
                col("Time"),
                col("Account"),
                col("Role"),
                col("Action"),
                col("Outcome"),
                col("Object"),
                col("From"),
                col("Details"));
        table.getHead().addRows(head);
        pageInfo.setTestId("audit-page-info");
        newer.setTestId("audit-newer");
        older.setTestId("audit-older");
        newer.addClickListener(e -> show(page - 1));
        older.addClickListener(e -> show(page + 1));
        add(filters, problem, table, new Div(newer, pageInfo, older));
        show(0);
    }

    private void apply() {
        String chosen = action.getValue();
        filter = new AuditLog.Filter(
                chosen == null || chosen.isEmpty() ? null : AuditAction.valueOf(chosen),
                user.getValue(),
                from.getValue(),
                to.getValue());
        show(0);
    }

    private void show(int wanted) {
        AuditLog.Page result;
        try {
            result = log.events(filter, Math.max(0, wanted));
        } catch (UserFacingException e) {
            problem.setText(e.getMessage());
            problem.setVisible(true);
            return;
        }
        problem.setVisible(false);
        page = result.page();
        table.getBody().removeAll();
        for (AuditLog.Event e : result.events()) {
            NativeTableRow row = new NativeTableRow();
            row.getElement().setAttribute("data-testid", "audit-row");
            row.getElement().setAttribute("data-action", e.action());
            row.add(
                    cell(TIME.format(e.at())),
                    cell(e.username().isEmpty() ? "(nobody signed in)" : e.username()),
                    cell(e.role()),
                    cell(e.label()),
                    cell(outcome(e.outcome())),
                    cell(object(e)),
                    cell(e.address()),
                    cell(e.detail()));
            table.getBody().addRows(row);
        }
        pageInfo.setText(
                result.events().isEmpty()
                        ? "No event matches."
                        : "Page " + (page + 1) + ": " + result.events().size() + " events");
        newer.setEnabled(page > 0);
        older.setEnabled(result.older());
    }

    private static String outcome(String outcome) {
        return switch (outcome) {
            case "SUCCESS" -> "Done";
            case "FAILURE" -> "Failed";
            case "DENIED" -> "Refused";
            default -> outcome;
        };
    }

    private static String object(AuditLog.Event e) {
        if (e.objectIds().isEmpty()) {
            return e.objectType();
        }
        return e.objectType() + " "
                + e.objectIds().stream().map(Object::toString).collect(Collectors.joining(", "));
    }

    private static NativeTableCell cell(@Nullable String text) {
        return new NativeTableCell(text == null ? "" : text);
    }

    private static NativeTableHeaderCell col(String text) {
        NativeTableHeaderCell th = new NativeTableHeaderCell(text);
        th.getElement().setAttribute("scope", "col");
        return th;
    }
}
