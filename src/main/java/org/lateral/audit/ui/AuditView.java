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
import com.vaadin.flow.router.HasDynamicTitle;
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
import org.lateral.base.i18n.DatePickers;
import org.lateral.base.ui.ScrollRegions;
import org.lateral.security.AuditAction;
import org.lateral.security.Role;

/**
 * The school's audit trail for its admin (DD022): who did what, when, from where and how it ended,
 * newest first, a hundred to a page, filtered by action, account and days (UTC, as stored). Every
 * value is text; nothing here can be changed.
 */
@Route("admin/audit")
@RolesAllowed("ADMIN")
class AuditView extends Div implements HasDynamicTitle {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final AuditLog log;
    private final Select<String> action = new Select<>();
    private final TextField user = new TextField(getTranslation("audit.filter.user"));
    private final DatePicker from =
            DatePickers.localized(new DatePicker(getTranslation("audit.filter.from")), getLocale());
    private final DatePicker to = DatePickers.localized(new DatePicker(getTranslation("audit.filter.to")), getLocale());
    private final Paragraph problem = new Paragraph();
    private final NativeTable table = new NativeTable();
    private final Paragraph pageInfo = new Paragraph();
    private final Button newer = new Button(getTranslation("audit.page.newer"));
    private final Button older = new Button(getTranslation("audit.page.older"));
    private AuditLog.Filter filter = AuditLog.Filter.NONE;
    private int page;

    AuditView(AuditLog log) {
        this.log = log;
        addClassNames("page", "audit-page");
        add(new H2(getTranslation("audit.title")));
        add(new Paragraph(getTranslation("audit.intro")));
        List<String> actions = new ArrayList<>();
        actions.add("");
        actions.addAll(Arrays.stream(AuditAction.values()).map(Enum::name).toList());
        action.setLabel(getTranslation("audit.filter.action"));
        action.setItems(actions);
        action.setItemLabelGenerator(a -> a.isEmpty()
                ? getTranslation("audit.filter.anyAction")
                : getTranslation(AuditAction.valueOf(a).labelKey()));
        action.setValue("");
        action.setTestId("audit-filter-action");
        user.setTestId("audit-filter-user");
        user.setMaxLength(100);
        from.setTestId("audit-filter-from");
        to.setTestId("audit-filter-to");
        Button apply = new Button(getTranslation("audit.filter.apply"), e -> apply());
        apply.setTestId("audit-apply");
        Div filters = new Div(action, user, from, to, apply);
        filters.addClassName("audit-filters");
        problem.setTestId("audit-problem");
        problem.setVisible(false);
        table.setTestId("audit-table");
        table.addClassName("overview-table");
        table.setCaptionText(getTranslation("audit.table.caption"));
        NativeTableRow head = new NativeTableRow();
        head.add(
                col(getTranslation("audit.column.time")),
                col(getTranslation("audit.column.account")),
                col(getTranslation("audit.column.role")),
                col(getTranslation("audit.column.action")),
                col(getTranslation("audit.column.outcome")),
                col(getTranslation("audit.column.object")),
                col(getTranslation("audit.column.from")),
                col(getTranslation("audit.column.details")));
        table.getHead().addRows(head);
        pageInfo.setTestId("audit-page-info");
        newer.setTestId("audit-newer");
        older.setTestId("audit-older");
        newer.addClickListener(e -> show(page - 1));
        older.addClickListener(e -> show(page + 1));
        add(
                filters,
                problem,
                ScrollRegions.wideTable(table, getTranslation("audit.table.caption")),
                new Div(newer, pageInfo, older));
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
            problem.setText(e.getLocalizedMessage());
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
                    cell(e.username().isEmpty() ? getTranslation("audit.row.nobody") : e.username()),
                    cell(roles(e.role())),
                    cell(actionLabel(e)),
                    cell(outcome(e.outcome())),
                    cell(object(e)),
                    cell(e.address()),
                    cell(e.detail()));
            table.getBody().addRows(row);
        }
        pageInfo.setText(
                result.events().isEmpty()
                        ? getTranslation("audit.page.none")
                        : getTranslation(
                                "audit.page.info", page + 1, result.events().size()));
        newer.setEnabled(page > 0);
        older.setEnabled(result.older());
    }

    private String outcome(String outcome) {
        return switch (outcome) {
            case "SUCCESS" -> getTranslation("audit.outcome.success");
            case "FAILURE" -> getTranslation("audit.outcome.failure");
            case "DENIED" -> getTranslation("audit.outcome.denied");
            default -> outcome;
        };
    }

    /** The action in the page's language; an action this version no longer knows, as stored. */
    private String actionLabel(AuditLog.Event e) {
        return Arrays.stream(AuditAction.values())
                .filter(a -> a.name().equals(e.action()))
                .findFirst()
                .map(a -> getTranslation(a.labelKey()))
                .orElse(e.label());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("base.pageTitle", getTranslation("audit.title"));
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

    /** The stored roles ("ADMIN+TEACHER") by their names in the page's language. */
    private String roles(String stored) {
        return Arrays.stream(stored.split("\\+"))
                .filter(role -> !role.isBlank())
                .map(role -> Arrays.stream(Role.values())
                        .filter(r -> r.name().equals(role))
                        .findFirst()
                        .map(r -> getTranslation(r.labelKey()))
                        // As stored, should an old entry name a role that no longer exists.
                        .orElse(role))
                .collect(Collectors.joining(" + "));
    }
}
