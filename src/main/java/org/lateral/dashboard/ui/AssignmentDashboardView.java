package org.lateral.dashboard.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.assignment.ui.AssignmentNavigation;
import org.lateral.base.UserFacingException;
import org.lateral.base.database.DatabaseNotifications;
import org.lateral.base.ui.EmptyState;
import org.lateral.base.ui.NamedRoute;
import org.lateral.base.ui.RouteIds;
import org.lateral.base.ui.RouteName;
import org.lateral.classroom.SameNames;
import org.lateral.library.ClaimType;
import org.lateral.library.SourceKind;
import org.lateral.security.NotYoursException;
import org.lateral.submission.AssignmentDashboard;
import org.lateral.submission.AssignmentInsights;
import org.lateral.submission.CompareAgreement;
import org.lateral.submission.DashboardFigures;
import org.lateral.submission.KeyAmendments;
import org.lateral.submission.Results;
import org.lateral.submission.ui.SubmissionNavigation;

/**
 * One assignment's dashboard: where in the article the class found the key's claims, spans many
 * marked that the key lacks, the types they confused, the score distribution and the students.
 * It stays live while open: every poll compares a version that PostgreSQL's change notifications
 * move, on whichever app node the change was made (DD016, DD030), and re-reads only when it moved;
 * a poll with nothing new costs no query. Thin: the figures
 * come from {@link AssignmentInsights}, which checks the teacher.
 */
@Route("dashboards/assignment")
@NamedRoute(RouteName.ASSIGNMENT_DASHBOARD)
@RolesAllowed("TEACHER")
class AssignmentDashboardView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    /** How often the open page asks whether anything changed. */
    static final int POLL_MILLIS = 5000;

    private final AssignmentInsights insights;
    private final KeyAmendments keys;
    private @Nullable UUID assignmentId;
    private DatabaseNotifications.@Nullable Watch changes;
    private @Nullable String drawnVersion;
    private @Nullable String assignmentTitle;
    private @Nullable Registration poll;

    AssignmentDashboardView(AssignmentInsights insights, KeyAmendments keys) {
        this.insights = insights;
        this.keys = keys;
        addClassNames("page", "report-print", "assignment-dashboard-page");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        assignmentId = RouteIds.parse(parameter);
        changes = null;
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation(
                "base.pageTitle",
                assignmentTitle == null
                        ? getTranslation("dashboard.assignment.title")
                        : getTranslation("dashboard.assignment.titleOf", assignmentTitle));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        ui.setPollInterval(POLL_MILLIS);
        poll = ui.addPollListener(e -> refreshIfChanged());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (poll != null) {
            poll.remove();
            poll = null;
        }
        event.getUI().setPollInterval(-1);
    }

    /** Re-reads and re-draws only when the version moved since the last drawing; no query otherwise. */
    void refreshIfChanged() {
        DatabaseNotifications.Watch watch = changes;
        if (watch != null && !watch.version().equals(drawnVersion)) {
            refresh();
        }
    }

    private void refresh() {
        UUID id = assignmentId;
        if (id == null) {
            return;
        }
        // The version is read before the figures: a change in between is drawn at the next poll.
        try {
            DatabaseNotifications.Watch watch = changes;
            if (watch == null) {
                watch = insights.changes(id);
                changes = watch;
            }
            drawnVersion = watch.version();
        } catch (NotYoursException e) {
            // Someone else's or no assignment: the same "Page not found" as an unknown address.
            throw new NotFoundException();
        }
        render(insights.dashboard(id).orElseThrow(NotFoundException::new));
    }

    /** What every figure of the dashboard says while no student has submitted (issue 19). */
    private String nothingSubmitted() {
        return getTranslation("dashboard.assignment.nothingSubmitted");
    }

    private void render(AssignmentDashboard d) {
        removeAll();
        assignmentTitle = d.title();
        Anchor back = AssignmentNavigation.classPage(d.classId()).anchor("\u2190 " + d.className());
        back.getElement().setAttribute("router-link", true);
        Anchor results = SubmissionNavigation.results(d.assignmentId())
                .anchor(getTranslation("dashboard.assignment.resultsLink"));
        results.getElement().setAttribute("router-link", true);
        back.addClassName("no-print");
        results.addClassName("no-print");
        H2 heading = new H2(d.title());
        heading.setTestId("dashboard-title");
        // The class is named in words too, not only in the back link: the printed report has no links.
        Paragraph about = new Paragraph(getTranslation("dashboard.assignment.about", d.className()));
        about.setTestId("dashboard-class");
        about.addClassName("report-subtitle");
        Button print = new Button(
                getTranslation("dashboard.assignment.print"),
                e -> e.getSource().getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.setTestId("print-report");
        print.addClassName("no-print");
        print.getElement().setAttribute("title", getTranslation("dashboard.assignment.printHint"));
        // The link and the button side by side with room between, wrapping on a narrow screen.
        Div actions = new Div(results, print);
        actions.addClassNames("dashboard-actions", "no-print");
        add(back, heading, about, actions);
        // The count is of the claims step; a lesson without one (a comparison alone) says only that
        // the page keeps itself up to date.
        Paragraph live = new Paragraph(
                d.hasClaimsKey()
                        ? getTranslation("dashboard.assignment.live.submitted", d.submitters()) + " "
                                + getTranslation("dashboard.assignment.live.updates")
                        : getTranslation("dashboard.assignment.live.updates"));
        live.addClassName("reader-note");
        live.setTestId("dashboard-live");
        live.getElement().setAttribute("data-submitters", String.valueOf(d.submitters()));
        add(live);
        if (d.hasClaimsKey()) {
            add(heatmap(d), unkeyed(d), confusion(d));
        } else {
            add(new Paragraph(getTranslation("dashboard.assignment.noHeatmap")));
        }
        // Each step kind with figures of its own draws its panel; a new kind adds a case here.
        for (AssignmentDashboard.StepPanel panel : d.panels()) {
            add(
                    switch (panel) {
                        case CompareAgreement c -> compareAgreement(c);
                    });
        }
        add(distribution(d), students(d));
    }

    /**
     * The compare step's agreement, cell by cell: a sentence naming where the class agreed least
     * with the key, then the grid (item × article) and the matrix (core claim × article) as tables.
     * Each cell is shaded by its agreement with the key and always prints the numbers.
     */
    private Div compareAgreement(CompareAgreement c) {
        Div section = new Div();
        section.setTestId("compare-agreement");
        section.addClassName("dashboard-panel");
        section.getElement().setAttribute("data-step", String.valueOf(c.step() + 1));
        section.add(new H3(getTranslation("dashboard.assignment.compare.heading")));
        if (c.submitters() == 0) {
            section.add(new Paragraph(getTranslation("dashboard.assignment.compare.none")));
            return section;
        }
        section.add(new Paragraph(getTranslation("dashboard.assignment.compare.intro", c.submitters())));
        Paragraph summary = new Paragraph(agreementSummary(c));
        summary.setTestId("compare-agreement-summary");
        section.add(summary);
        section.add(agreementTable(
                "compare-agreement-grid",
                getTranslation("dashboard.assignment.compare.grid.caption"),
                getTranslation("dashboard.assignment.compare.grid.item"),
                c,
                c.grid()));
        if (!c.matrix().isEmpty()) {
            section.add(agreementTable(
                    "compare-agreement-matrix",
                    getTranslation("dashboard.assignment.compare.matrix.caption"),
                    getTranslation("dashboard.assignment.compare.matrix.claim"),
                    c,
                    c.matrix()));
        }
        return section;
    }

    /**
     * Where the class agreed least with the key, as a sentence: the lowest agreement, how many
     * cells have it and (up to three of) which; then the highest.
     */
    private String agreementSummary(CompareAgreement c) {
        record Where(String where, double share) {}
        List<Where> all = new java.util.ArrayList<>();
        for (CompareAgreement.Row row : c.grid()) {
            for (CompareAgreement.Cell cell : row.cells()) {
                if (cell.keyShare() != null) {
                    all.add(new Where(
                            getTranslation(
                                    "dashboard.assignment.compare.where.item",
                                    cell.outlet(),
                                    rowLabel(row).toLowerCase(getLocale())),
                            cell.keyShare()));
                }
            }
        }
        for (CompareAgreement.Row row : c.matrix()) {
            for (CompareAgreement.Cell cell : row.cells()) {
                if (cell.keyShare() != null) {
                    all.add(new Where(
                            getTranslation("dashboard.assignment.compare.where.claim", cell.outlet(), rowLabel(row)),
                            cell.keyShare()));
                }
            }
        }
        if (all.isEmpty()) {
            return getTranslation("dashboard.assignment.compare.summary.nothing");
        }
        double low = all.stream().mapToDouble(Where::share).min().orElseThrow();
        double high = all.stream().mapToDouble(Where::share).max().orElseThrow();
        List<String> lows =
                all.stream().filter(w -> w.share() == low).map(Where::where).toList();
        List<String> highs =
                all.stream().filter(w -> w.share() == high).map(Where::where).toList();
        return getTranslation(
                "dashboard.assignment.compare.summary",
                DashboardText.percent(low, getLocale()),
                cells(lows),
                DashboardText.percent(high, getLocale()),
                cells(highs));
    }

    /** "1 cell (A)" or "5 cells, among them A; B; C". */
    private String cells(List<String> where) {
        if (where.size() == 1) {
            return getTranslation("dashboard.assignment.compare.summary.oneCell", where.getFirst());
        }
        return getTranslation(
                "dashboard.assignment.compare.summary.cells",
                where.size(),
                String.join("; ", where.subList(0, Math.min(3, where.size()))));
    }

    /** A grid item's name in the reader's language, or a core claim's wording. */
    private String rowLabel(CompareAgreement.Row row) {
        if (row.claim() != null) {
            return row.claim();
        }
        return switch (row.item()) {
            case "framing" -> getTranslation("dashboard.assignment.compare.item.framing");
            case "named" -> getTranslation("dashboard.assignment.compare.item.named");
            case "anonymous" -> getTranslation("dashboard.assignment.compare.item.anonymous");
            case "reporting" -> getTranslation("dashboard.assignment.compare.item.reporting");
            case "relayed-from" -> getTranslation("dashboard.assignment.compare.item.relayedFrom");
            case "hedges" -> getTranslation("dashboard.assignment.compare.item.hedges");
            case "loaded" -> getTranslation("dashboard.assignment.compare.item.loaded");
            default -> row.item();
        };
    }

    /** The key's answer in words: "sensational or neutral", "0–1 (±1)", "none", "5 phrases". */
    private String keyAnswer(CompareAgreement.Row row, CompareAgreement.KeyAnswer key) {
        return switch (key) {
            case CompareAgreement.KeyAnswer.Accepted a -> {
                String words = answer(row, a.codes().getFirst());
                for (String code : a.codes().subList(1, a.codes().size())) {
                    words = getTranslation("dashboard.assignment.compare.key.or", words, answer(row, code));
                }
                yield words;
            }
            case CompareAgreement.KeyAnswer.Count n ->
                (n.min() == n.max()
                                ? DashboardText.count(n.min(), getLocale())
                                : DashboardText.count(n.min(), getLocale()) + "\u2013"
                                        + DashboardText.count(n.max(), getLocale()))
                        + " (\u00b1" + DashboardText.count(n.tolerance(), getLocale()) + ")";
            case CompareAgreement.KeyAnswer.Relays r ->
                r.outlets().isEmpty()
                        ? getTranslation("dashboard.assignment.compare.key.none")
                        : String.join("; ", r.outlets());
            case CompareAgreement.KeyAnswer.Phrases p ->
                getTranslation("dashboard.assignment.compare.key.phrases", p.count());
        };
    }

    /** The most common answers, a tie joined by " / "; a relayed-from answer of no outlet as "none". */
    private String common(CompareAgreement.Row row, List<String> answers) {
        return answers.stream()
                .map(a -> row.item().equals("relayed-from") && a.equals(CompareAgreement.NO_OUTLET)
                        ? getTranslation("dashboard.assignment.compare.key.none")
                        : answer(row, a))
                .collect(java.util.stream.Collectors.joining(" / "));
    }

    /**
     * A category answer in the reader's words: a headline framing, a reporting category, or (in a
     * core claim's row) how the article carries the claim. Counts and outlet names stay as they are.
     */
    private String answer(CompareAgreement.Row row, String code) {
        String key;
        if (row.claim() != null) {
            key = switch (code) {
                case "fact" -> "dashboard.assignment.compare.carriage.fact";
                case "attributed" -> "dashboard.assignment.compare.carriage.attributed";
                case "hedged" -> "dashboard.assignment.compare.carriage.hedged";
                case "absent" -> "dashboard.assignment.compare.carriage.absent";
                default -> null;
            };
        } else if (row.item().equals("framing")) {
            key = switch (code) {
                case "neutral" -> "dashboard.assignment.compare.framing.neutral";
                case "hedged" -> "dashboard.assignment.compare.framing.hedged";
                case "sensational" -> "dashboard.assignment.compare.framing.sensational";
                case "question" -> "dashboard.assignment.compare.framing.question";
                default -> null;
            };
        } else if (row.item().equals("reporting")) {
            key = switch (code) {
                case "original" -> "dashboard.assignment.compare.reporting.original";
                case "relay" -> "dashboard.assignment.compare.reporting.relay";
                case "mixed" -> "dashboard.assignment.compare.reporting.mixed";
                default -> null;
            };
        } else {
            key = null;
        }
        return key == null ? code : getTranslation(key);
    }

    private NativeTable agreementTable(
            String testId, String caption, String first, CompareAgreement c, List<CompareAgreement.Row> rows) {
        NativeTable table = new NativeTable();
        table.setTestId(testId);
        table.addClassName("dashboard-table");
        table.addClassName("agreement-table");
        table.setCaptionText(caption);
        NativeTableRow head = new NativeTableRow();
        NativeTableHeaderCell corner = new NativeTableHeaderCell(first);
        corner.getElement().setAttribute("scope", "col");
        head.add(corner);
        for (String outlet : c.outlets()) {
            NativeTableHeaderCell h = new NativeTableHeaderCell(outlet);
            h.getElement().setAttribute("scope", "col");
            head.add(h);
        }
        table.getHead().addRows(head);
        NativeTableBody body = table.getBody();
        for (CompareAgreement.Row row : rows) {
            NativeTableRow tr = new NativeTableRow();
            NativeTableHeaderCell label = new NativeTableHeaderCell(rowLabel(row));
            label.getElement().setAttribute("scope", "row");
            tr.add(label);
            for (CompareAgreement.Cell cell : row.cells()) {
                tr.add(agreementCell(row, cell, c.submitters()));
            }
            body.addRows(tr);
        }
        return table;
    }

    private NativeTableCell agreementCell(CompareAgreement.Row row, CompareAgreement.Cell cell, int submitters) {
        Locale locale = getLocale();
        NativeTableCell td = new NativeTableCell();
        td.addClassName("agreement-cell");
        td.getElement().setAttribute("data-item", row.item());
        td.getElement().setAttribute("data-outlet", cell.outlet());
        td.add(line(getTranslation("dashboard.assignment.compare.cell.key", keyAnswer(row, cell.key()))));
        if (cell.keyShare() == null) {
            td.add(line(getTranslation("dashboard.assignment.compare.cell.notScored")));
        } else {
            td.setTestId("compare-agreement-cell");
            td.getElement().setAttribute("data-share", share(cell.keyShare()));
            td.getElement()
                    .getStyle()
                    .set("background", "rgba(0, 110, 160, " + share(0.08 + 0.5 * cell.keyShare()) + ")");
            String agreement = DashboardText.percent(cell.keyShare(), locale);
            td.add(line(
                    cell.overlap()
                            ? getTranslation("dashboard.assignment.compare.cell.overlap", agreement, cell.counted())
                            : getTranslation(
                                    "dashboard.assignment.compare.cell.agree",
                                    agreement,
                                    cell.agreeing(),
                                    submitters)));
        }
        if (!cell.common().isEmpty() && cell.commonShare() != null) {
            td.getElement().setAttribute("data-common-share", share(cell.commonShare()));
            td.add(line(getTranslation(
                    "dashboard.assignment.compare.cell.common",
                    common(row, cell.common()),
                    DashboardText.percent(cell.commonShare(), locale),
                    cell.commonCount())));
        }
        td.add(line(getTranslation("dashboard.assignment.compare.cell.answered", cell.answered(), submitters)));
        return td;
    }

    private static Div line(String text) {
        Div line = new Div(text);
        line.addClassName("agreement-line");
        return line;
    }

    /** A passage shaded by a share, with what its hover, focus and label say. */
    private record Shaded(int start, int end, double share, String tag, String words, String kind, String id) {}

    private Div heatmap(AssignmentDashboard d) {
        Div section = new Div();
        section.add(new H3(getTranslation("dashboard.assignment.heatmap.heading")));
        if (d.submitters() == 0) {
            // The key's claims are still drawn, each at 0%, so the page can fill in live; but the
            // teacher reads first that the shares are of nobody's work.
            section.add(new EmptyState(
                    "heatmap-empty", nothingSubmitted(), getTranslation("dashboard.assignment.heatmap.empty")));
        }
        section.add(new Paragraph(getTranslation("dashboard.assignment.heatmap.intro")));
        Div text = new Div();
        text.setTestId("heatmap");
        text.addClassName("dashboard-heatmap");
        text.add(shadedText(
                d.text(),
                d.claims().stream()
                        .map(c -> new Shaded(
                                c.start(),
                                c.end(),
                                c.share(),
                                String.valueOf(c.number()),
                                label(c, d.submitters()),
                                "data-claim",
                                c.claimId()))
                        .toList(),
                getLocale()));
        if (d.hasSources()) {
            text.add(new H3(getTranslation("dashboard.assignment.heatmap.sourcesHeading")));
            List<Shaded> mentions = new java.util.ArrayList<>();
            for (AssignmentDashboard.SourceShare src : d.sources()) {
                String words = getTranslation(
                        "dashboard.assignment.heatmap.source",
                        src.number(),
                        src.name(),
                        src.found(),
                        d.sourceSubmitters());
                src.attributions()
                        .forEach(span -> mentions.add(new Shaded(
                                span.start(),
                                span.end(),
                                src.share(),
                                "S" + src.number(),
                                words,
                                "data-source",
                                src.sourceId())));
            }
            mentions.sort(java.util.Comparator.comparingInt(Shaded::start).thenComparingInt(Shaded::end));
            text.add(shadedText(d.text(), mentions, getLocale()));
        }
        section.add(text);
        Html table = new Html(table(
                "heatmap-table",
                getTranslation("dashboard.assignment.heatmap.table.caption"),
                List.of(
                        getTranslation("dashboard.assignment.heatmap.table.claim"),
                        getTranslation("dashboard.assignment.heatmap.table.words"),
                        getTranslation("dashboard.assignment.heatmap.table.foundBy"),
                        getTranslation("dashboard.assignment.heatmap.table.share")),
                d.claims().stream()
                        .map(c -> List.of(
                                DashboardText.count(c.number(), getLocale()),
                                c.exact(),
                                getTranslation("dashboard.assignment.heatmap.table.of", c.found(), d.submitters()),
                                DashboardText.percent(c.share(), getLocale())))
                        .toList()));
        section.add(table);
        if (d.hasSources()) {
            section.add(new Html(table(
                    "heatmap-sources-table",
                    getTranslation("dashboard.assignment.heatmap.sources.caption"),
                    List.of(
                            getTranslation("dashboard.assignment.heatmap.sources.source"),
                            getTranslation("dashboard.assignment.heatmap.sources.name"),
                            getTranslation("dashboard.assignment.heatmap.table.foundBy"),
                            getTranslation("dashboard.assignment.heatmap.table.share")),
                    d.sources().stream()
                            .map(src -> List.of(
                                    "S" + src.number(),
                                    src.name(),
                                    getTranslation(
                                            "dashboard.assignment.heatmap.table.of", src.found(), d.sourceSubmitters()),
                                    DashboardText.percent(src.share(), getLocale())))
                            .toList())));
        }
        return section;
    }

    /**
     * The article as paragraphs with the shaded passages. A passage inside an earlier one (a
     * source's name inside another source's attribution) is drawn inside it; one that only
     * partly overlaps an earlier one is left to the table.
     */
    private static Div shadedText(String body, List<Shaded> items, Locale locale) {
        Div text = new Div();
        text.addClassName("heatmap-text");
        Paragraphs paragraphs = new Paragraphs(text);
        int at = 0;
        for (int i = 0; i < items.size(); i++) {
            Shaded c = items.get(i);
            if (c.start() < at) {
                continue;
            }
            paragraphs.plain(body.substring(at, c.start()));
            Span outer = shaded(c);
            int inside = c.start();
            for (int j = i + 1; j < items.size() && items.get(j).start() < c.end(); j++) {
                Shaded inner = items.get(j);
                if (inner.start() >= inside && inner.end() <= c.end()) {
                    outer.add(new Span(body.substring(inside, inner.start())));
                    Span nested = shaded(inner);
                    nested.add(new Span(body.substring(inner.start(), inner.end())));
                    outer.add(nested, percent(inner, locale));
                    inside = inner.end();
                }
            }
            outer.add(new Span(body.substring(inside, c.end())));
            paragraphs.current().add(outer, percent(c, locale));
            at = c.end();
        }
        paragraphs.plain(body.substring(at));
        return text;
    }

    private static Span shaded(Shaded c) {
        Span span = new Span();
        span.addClassName("heatmap-item");
        span.getElement().setAttribute("data-share", share(c.share()));
        span.getElement().setAttribute(c.kind(), c.id());
        span.getElement().setAttribute("title", c.words());
        span.getElement().setAttribute("aria-label", c.words());
        span.getElement().setAttribute("tabindex", "0");
        span.getElement()
                .getStyle()
                .set("background", "rgba(230, 120, 0, " + share(0.1 + 0.6 * c.share()) + ")")
                .set("border-bottom", "2px dotted currentColor");
        return span;
    }

    /** The share as text after the passage, so colour is never the only cue. */
    private static Span percent(Shaded c, Locale locale) {
        Span percent = new Span(" [" + c.tag() + ": " + DashboardText.percent(c.share(), locale) + "]");
        percent.addClassName("heatmap-percent");
        percent.getElement().setAttribute("aria-hidden", "true");
        return percent;
    }

    /** The article drawn as paragraphs: a blank line in the text starts a new one. */
    private static final class Paragraphs {
        private final Div text;
        private Div current;

        Paragraphs(Div text) {
            this.text = text;
            this.current = next();
        }

        private Div next() {
            Div p = new Div();
            p.addClassName("heatmap-paragraph");
            text.add(p);
            return p;
        }

        Div current() {
            return current;
        }

        void plain(String piece) {
            String[] parts = piece.split("\n\\s*\n", -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    current = next();
                }
                if (!parts[i].isEmpty()) {
                    current.add(new Span(parts[i]));
                }
            }
        }
    }

    private Div unkeyed(AssignmentDashboard d) {
        Div section = new Div();
        section.setTestId("unkeyed-spans");
        section.add(new H3(getTranslation("dashboard.assignment.unkeyed.heading")));
        section.add(new Paragraph(getTranslation("dashboard.assignment.unkeyed.intro", d.unkeyedMinimum())));
        if (d.submitters() == 0) {
            section.add(new EmptyState("unkeyed-empty", nothingSubmitted()));
        } else if (d.unkeyed().isEmpty()) {
            section.add(new Paragraph(getTranslation("dashboard.assignment.unkeyed.none")));
        }
        for (Results.PopularSpan p : d.unkeyed()) {
            Div row = new Div();
            row.addClassName("article-row");
            row.getElement().setAttribute("data-testid", "unkeyed-span");
            row.getElement().setAttribute("data-students", String.valueOf(p.students()));
            Span quote = new Span("\u201c" + p.exact() + "\u201d");
            quote.addClassName("article-headline");
            String type = DashboardText.label(this, p.type()).toLowerCase(getLocale());
            Span meta = new Span(
                    p.claimId() == null
                            ? getTranslation("dashboard.assignment.unkeyed.metaNoClaim", p.students(), type)
                            : getTranslation(
                                    "dashboard.assignment.unkeyed.metaClaim", p.students(), type, p.claimExact()));
            meta.addClassName("article-meta");
            UUID id = d.assignmentId();
            Button accept = new Button(
                    getTranslation(
                            p.claimId() == null
                                    ? "dashboard.assignment.unkeyed.add"
                                    : "dashboard.assignment.unkeyed.alternative"),
                    e -> {
                        try {
                            int n = keys.acceptSpan(id, p.start(), p.end(), p.claimId(), p.type());
                            Notification.show(
                                            getTranslation("dashboard.assignment.unkeyed.changed", n),
                                            4000,
                                            Notification.Position.BOTTOM_START)
                                    .addThemeVariants(NotificationVariant.SUCCESS);
                            refresh();
                        } catch (UserFacingException ex) {
                            Notification.show(ex.getLocalizedMessage(), 6000, Notification.Position.MIDDLE)
                                    .addThemeVariants(NotificationVariant.ERROR);
                        }
                    });
            accept.getElement().setAttribute("data-testid", "accept-unkeyed-span");
            row.add(quote, meta, accept);
            section.add(row);
        }
        return section;
    }

    private Div confusion(AssignmentDashboard d) {
        Div section = new Div();
        section.add(new H3(getTranslation("dashboard.assignment.confusion.heading")));
        section.add(new Paragraph(getTranslation("dashboard.assignment.confusion.intro")));
        if (d.submitters() == 0) {
            section.add(new EmptyState(
                    "confusion-empty", nothingSubmitted(), getTranslation("dashboard.assignment.confusion.empty")));
            return section;
        }
        List<String> header = new java.util.ArrayList<>();
        header.add(getTranslation("dashboard.assignment.confusion.corner"));
        for (ClaimType t : ClaimType.values()) {
            header.add(DashboardText.label(this, t));
        }
        List<List<String>> rows = new java.util.ArrayList<>();
        for (Map.Entry<ClaimType, Map<ClaimType, Integer>> row : d.confusion().entrySet()) {
            List<String> cells = new java.util.ArrayList<>();
            cells.add(DashboardText.label(this, row.getKey()));
            for (ClaimType t : ClaimType.values()) {
                cells.add(agreeing(row.getValue().get(t), t == row.getKey()));
            }
            rows.add(cells);
        }
        section.add(new Html(
                table("confusion-matrix", getTranslation("dashboard.assignment.confusion.caption"), header, rows)));
        if (d.hasSources()) {
            section.add(new H3(getTranslation("dashboard.assignment.kinds.heading")));
            List<String> kindHeader = new java.util.ArrayList<>();
            kindHeader.add(getTranslation("dashboard.assignment.kinds.corner"));
            for (SourceKind k : SourceKind.values()) {
                kindHeader.add(DashboardText.label(this, k));
            }
            List<List<String>> kindRows = new java.util.ArrayList<>();
            for (Map.Entry<SourceKind, Map<SourceKind, Integer>> row :
                    d.kindConfusion().entrySet()) {
                List<String> cells = new java.util.ArrayList<>();
                cells.add(DashboardText.label(this, row.getKey()));
                for (SourceKind k : SourceKind.values()) {
                    cells.add(agreeing(row.getValue().get(k), k == row.getKey()));
                }
                kindRows.add(cells);
            }
            section.add(new Html(table(
                    "source-kind-matrix", getTranslation("dashboard.assignment.kinds.caption"), kindHeader, kindRows)));
        }
        return section;
    }

    /** A count of the matrix; on the diagonal it says that students agreed with the key. */
    private String agreeing(int n, boolean diagonal) {
        String count = DashboardText.count(n, getLocale());
        return diagonal ? getTranslation("dashboard.assignment.confusion.agrees", count) : count;
    }

    private Div distribution(AssignmentDashboard d) {
        Div section = new Div();
        section.add(new H3(getTranslation("dashboard.assignment.distribution.heading")));
        if (d.scores().isEmpty()) {
            section.add(new EmptyState(
                    "score-distribution-empty",
                    d.submitters() == 0
                            ? nothingSubmitted()
                            : getTranslation("dashboard.assignment.distribution.noScores"),
                    getTranslation("dashboard.assignment.distribution.empty")));
            return section;
        }
        int[] bins = d.bins();
        int max = 1;
        for (int b : bins) {
            max = Math.max(max, b);
        }
        StringBuilder svg = new StringBuilder();
        String summary = d.median() == null
                ? getTranslation(
                        "dashboard.assignment.distribution.summary", d.scores().size())
                : getTranslation(
                        "dashboard.assignment.distribution.summaryMedian",
                        d.scores().size(),
                        DashboardText.score(d.median(), getLocale()));
        svg.append("<div data-testid=\"score-distribution\" data-median=\"")
                .append(d.median() == null ? "" : d.median())
                .append("\"><svg role=\"img\" width=\"420\" height=\"160\" viewBox=\"0 0 420 160\" aria-label=\"")
                .append(escape(summary))
                .append("\">");
        for (int i = 0; i < bins.length; i++) {
            int h = Math.round(120f * bins[i] / max);
            int x = 10 + 40 * i;
            svg.append("<rect x=\"")
                    .append(x)
                    .append("\" y=\"")
                    .append(130 - h)
                    .append("\" width=\"34\" height=\"")
                    .append(h)
                    .append("\" fill=\"#b05a00\" stroke=\"#000\"><title>")
                    .append(binLabel(i))
                    .append(": ")
                    .append(bins[i])
                    .append("</title></rect>");
            svg.append("<text x=\"").append(x + 17).append("\" y=\"").append(125 - h);
            svg.append("\" text-anchor=\"middle\" font-size=\"11\">")
                    .append(bins[i])
                    .append("</text>");
            svg.append("<text x=\"").append(x + 17).append("\" y=\"148\" text-anchor=\"middle\" font-size=\"10\">");
            svg.append(10 * i).append("</text>");
        }
        svg.append("</svg><p>").append(escape(summary)).append(".</p></div>");
        section.add(new Html(svg.toString()));
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < bins.length; i++) {
            rows.add(List.of(binLabel(i), String.valueOf(bins[i])));
        }
        section.add(new Html(table(
                "score-distribution-table",
                getTranslation("dashboard.assignment.distribution.caption"),
                List.of(
                        getTranslation("dashboard.assignment.distribution.score"),
                        getTranslation("dashboard.assignment.distribution.students")),
                rows)));
        return section;
    }

    /** A bin's scores: "0–9.9", "90–100" (a decimal comma in Spanish). */
    private String binLabel(int i) {
        Locale locale = getLocale();
        return i == DashboardFigures.BINS - 1
                ? DashboardText.score(90.0, locale) + "\u2013" + DashboardText.score(100.0, locale)
                : DashboardText.score(10.0 * i, locale) + "\u2013" + DashboardText.score(10 * i + 9.9, locale);
    }

    /**
     * The students as a grid that draws only the rows on screen (issue 18): a class of a thousand
     * keeps its rows on the server, in the dashboard it was built from, and sends the page shown.
     * Every cell carries the student's name, so one row's cells can be found together.
     */
    private Div students(AssignmentDashboard d) {
        Div section = new Div();
        section.add(new H3(getTranslation("dashboard.assignment.students.heading")));
        List<AssignmentDashboard.StudentRow> rows = d.students();
        // Two students of the class with the same name are told apart by their usernames.
        SameNames names = SameNames.among(
                rows.stream().map(AssignmentDashboard.StudentRow::name).toList());
        Locale locale = getLocale();
        Grid<AssignmentDashboard.StudentRow> grid = new Grid<>();
        grid.setTestId("dashboard-students");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.addComponentColumn(s -> named(new Span(name(names, s)), names, s, "dashboard-student"))
                .setHeader(getTranslation("dashboard.assignment.students.student"))
                .setKey("student")
                .setFlexGrow(2);
        grid.addComponentColumn(s -> named(new Span(DashboardText.status(this, s.status())), names, s, null))
                .setHeader(getTranslation("dashboard.assignment.students.status"))
                .setKey("status");
        grid.addComponentColumn(s -> {
                    Span score = named(
                            new Span(
                                    s.score() == null
                                            ? getTranslation("dashboard.assignment.students.noneYet")
                                            : DashboardText.score(s.score(), locale)),
                            names,
                            s,
                            null);
                    score.getElement().setAttribute("data-testid", "dashboard-student-score");
                    score.getElement().setAttribute("data-score", s.score() == null ? "" : String.valueOf(s.score()));
                    return score;
                })
                .setHeader(getTranslation("dashboard.assignment.students.score"))
                .setKey("score");
        grid.addComponentColumn(s -> named(
                        new Span(
                                s.gain() == null
                                        ? getTranslation("dashboard.assignment.students.none")
                                        : DashboardText.signed(s.gain(), locale)),
                        names,
                        s,
                        null))
                .setHeader(getTranslation("dashboard.assignment.students.gain"))
                .setKey("gain");
        grid.addComponentColumn(s -> named(new Span(duration(s.timeSpent())), names, s, null))
                .setHeader(getTranslation("dashboard.assignment.students.time"))
                .setKey("time");
        grid.addComponentColumn(s -> {
                    Span attempts = named(new Span(), names, s, null);
                    int n = 1;
                    for (UUID attempt : s.attemptIds()) {
                        Anchor open = SubmissionNavigation.review(attempt)
                                .anchor(getTranslation("dashboard.assignment.students.attempt", n++));
                        open.getElement().setAttribute("router-link", true);
                        open.getElement().setAttribute("data-testid", "dashboard-attempt");
                        attempts.add(open, new Span(" "));
                    }
                    return attempts;
                })
                .setHeader(getTranslation("dashboard.assignment.students.attempts"))
                .setKey("attempts");
        // The rows are the dashboard's own (the service reads them with the figures above), in its
        // order (by name); the grid asks for the slice it shows.
        grid.setItems(query -> rows.stream().skip(query.getOffset()).limit(query.getLimit()), query -> rows.size());
        if (rows.size() <= ALL_ROWS_SHOWN) {
            grid.setAllRowsVisible(true);
        } else {
            grid.setHeight("40rem");
        }
        section.add(grid);
        return section;
    }

    /** Up to this many students the grid is as tall as its rows (a class prints whole). */
    static final int ALL_ROWS_SHOWN = 50;

    private String name(SameNames names, AssignmentDashboard.StudentRow s) {
        return DashboardText.name(this, names, s.name(), s.username());
    }

    /** Every cell of a row carries the name the row shows, so one row's cells can be found together. */
    private <C extends Component> C named(
            C content, SameNames names, AssignmentDashboard.StudentRow s, @Nullable String testId) {
        content.getElement().setAttribute("data-name", name(names, s));
        if (testId != null) {
            content.getElement().setAttribute("data-testid", testId);
        }
        return content;
    }

    private String duration(@Nullable Duration d) {
        if (d == null) {
            return getTranslation("dashboard.assignment.students.noneYet");
        }
        long minutes = d.toMinutes();
        return minutes < 1
                ? getTranslation("dashboard.assignment.students.underAMinute")
                : getTranslation("dashboard.assignment.students.minutes", minutes);
    }

    static String share(double share) {
        return String.format(Locale.ROOT, "%.2f", share);
    }

    private String label(AssignmentDashboard.ClaimShare c, int submitters) {
        return getTranslation("dashboard.assignment.heatmap.claim", c.number(), c.found(), submitters);
    }

    /** A plain HTML table with a caption and header row, its cells escaped. */
    private static String table(String testId, String caption, List<String> header, List<List<String>> rows) {
        // In a box of its own that scrolls sideways on a phone (ScrollRegions.wideTable).
        StringBuilder b = new StringBuilder("<div class=\"wide-table\" tabindex=\"0\" role=\"region\" aria-label=\"")
                .append(escape(caption))
                .append("\"><table data-testid=\"")
                .append(testId)
                .append("\" class=\"dashboard-table\">");
        b.append("<caption>").append(escape(caption)).append("</caption><thead><tr>");
        header.forEach(h -> b.append("<th scope=\"col\">").append(escape(h)).append("</th>"));
        b.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            b.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                String tag = i == 0 ? "th scope=\"row\"" : "td";
                b.append('<')
                        .append(tag)
                        .append('>')
                        .append(escape(row.get(i)))
                        .append("</")
                        .append(i == 0 ? "th" : "td")
                        .append('>');
            }
            b.append("</tr>");
        }
        return b.append("</tbody></table></div>").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
