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
    private String title = "Assignment dashboard · Lateral";
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
        return title;
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
    static final String NOTHING_SUBMITTED = "No one has submitted yet.";

    private void render(AssignmentDashboard d) {
        removeAll();
        title = d.title() + " · Dashboard · Lateral";
        Anchor back = AssignmentNavigation.classPage(d.classId()).anchor("\u2190 " + d.className());
        back.getElement().setAttribute("router-link", true);
        Anchor results = SubmissionNavigation.results(d.assignmentId()).anchor("Results and grading");
        results.getElement().setAttribute("router-link", true);
        back.addClassName("no-print");
        results.addClassName("no-print");
        H2 heading = new H2(d.title());
        heading.setTestId("dashboard-title");
        // The class is named in words too, not only in the back link: the printed report has no links.
        Paragraph about = new Paragraph("Class: " + d.className() + " \u00b7 Assignment dashboard");
        about.setTestId("dashboard-class");
        about.addClassName("report-subtitle");
        Button print = new Button(
                "Print report",
                e -> e.getSource().getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.setTestId("print-report");
        print.addClassName("no-print");
        print.getElement().setAttribute("title", "Print this page as a report, or save it as a PDF");
        add(back, heading, about, results, print);
        // The count is of the claims step; a lesson without one (a comparison alone) says only that
        // the page keeps itself up to date.
        Paragraph live = new Paragraph((d.hasClaimsKey()
                        ? d.submitters() + (d.submitters() == 1 ? " student has" : " students have")
                                + " submitted the claims step. "
                        : "")
                + "This page updates by itself while students work.");
        live.addClassName("reader-note");
        live.setTestId("dashboard-live");
        live.getElement().setAttribute("data-submitters", String.valueOf(d.submitters()));
        add(live);
        if (d.hasClaimsKey()) {
            add(heatmap(d), unkeyed(d), confusion(d));
        } else {
            add(new Paragraph("This assignment has no claims step with an answer key, so there is no heatmap."));
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
        section.add(new H3("Compare outlets: how the class agrees, cell by cell"));
        if (c.submitters() == 0) {
            section.add(new Paragraph("No student has submitted the comparison yet."));
            return section;
        }
        section.add(new Paragraph("From the latest submitted comparison of " + c.submitters()
                + (c.submitters() == 1 ? " student" : " students")
                + ". Each cell gives the key's answer, the share of the class that agrees with it (for relayed "
                + "from, hedges and loaded words, which are scored by overlap, the average overlap with the key), "
                + "the most common answer with its share, and how many answered. A darker cell agrees more with "
                + "the key; the numbers are always written in it."));
        Paragraph summary = new Paragraph(agreementSummary(c));
        summary.setTestId("compare-agreement-summary");
        section.add(summary);
        section.add(agreementTable("compare-agreement-grid", "Grid: item by article", "Item", c, c.grid()));
        if (!c.matrix().isEmpty()) {
            section.add(agreementTable(
                    "compare-agreement-matrix",
                    "Claims by outlets: core claim by article",
                    "Core claim",
                    c,
                    c.matrix()));
        }
        return section;
    }

    /**
     * Where the class agreed least with the key, as a sentence: the lowest agreement, how many
     * cells have it and (up to three of) which; then the highest.
     */
    static String agreementSummary(CompareAgreement c) {
        record Where(String where, double share) {}
        List<Where> all = new java.util.ArrayList<>();
        for (CompareAgreement.Row row : c.grid()) {
            for (CompareAgreement.Cell cell : row.cells()) {
                if (cell.keyShare() != null) {
                    all.add(new Where(cell.outlet() + ", " + row.label().toLowerCase(Locale.ROOT), cell.keyShare()));
                }
            }
        }
        for (CompareAgreement.Row row : c.matrix()) {
            for (CompareAgreement.Cell cell : row.cells()) {
                if (cell.keyShare() != null) {
                    all.add(new Where(cell.outlet() + ", \u201c" + row.label() + "\u201d", cell.keyShare()));
                }
            }
        }
        if (all.isEmpty()) {
            return "Nothing to compare with the key yet.";
        }
        double low = all.stream().mapToDouble(Where::share).min().orElseThrow();
        double high = all.stream().mapToDouble(Where::share).max().orElseThrow();
        List<String> lows =
                all.stream().filter(w -> w.share() == low).map(Where::where).toList();
        List<String> highs =
                all.stream().filter(w -> w.share() == high).map(Where::where).toList();
        return "Least agreement with the key: " + Math.round(100 * low) + "% in " + cells(lows) + ". Most: "
                + Math.round(100 * high) + "% in " + cells(highs) + ".";
    }

    /** "1 cell (A)" or "5 cells, among them A; B; C". */
    private static String cells(List<String> where) {
        if (where.size() == 1) {
            return "1 cell (" + where.getFirst() + ")";
        }
        return where.size() + " cells, among them " + String.join("; ", where.subList(0, Math.min(3, where.size())));
    }

    private static NativeTable agreementTable(
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
            NativeTableHeaderCell label = new NativeTableHeaderCell(row.label());
            label.getElement().setAttribute("scope", "row");
            tr.add(label);
            for (CompareAgreement.Cell cell : row.cells()) {
                tr.add(agreementCell(row, cell, c.submitters()));
            }
            body.addRows(tr);
        }
        return table;
    }

    private static NativeTableCell agreementCell(CompareAgreement.Row row, CompareAgreement.Cell cell, int submitters) {
        NativeTableCell td = new NativeTableCell();
        td.addClassName("agreement-cell");
        td.getElement().setAttribute("data-item", row.item());
        td.getElement().setAttribute("data-outlet", cell.outlet());
        td.add(line("Key: " + cell.key()));
        if (cell.keyShare() == null) {
            td.add(line("Not scored: neither the key nor anyone's answer has one."));
        } else {
            td.setTestId("compare-agreement-cell");
            td.getElement().setAttribute("data-share", share(cell.keyShare()));
            td.getElement()
                    .getStyle()
                    .set("background", "rgba(0, 110, 160, " + share(0.08 + 0.5 * cell.keyShare()) + ")");
            td.add(line(
                    cell.overlap()
                            ? "Average overlap with the key: " + Math.round(100 * cell.keyShare()) + "% ("
                                    + cell.counted() + (cell.counted() == 1 ? " student)" : " students)")
                            : "Agree with the key: " + Math.round(100 * cell.keyShare()) + "% (" + cell.agreeing()
                                    + " of " + submitters + ")"));
        }
        if (cell.common() != null && cell.commonShare() != null) {
            td.getElement().setAttribute("data-common-share", share(cell.commonShare()));
            td.add(line("Most common: " + cell.common() + ", " + Math.round(100 * cell.commonShare()) + "% ("
                    + cell.commonCount() + ")"));
        }
        td.add(line("Answered: " + cell.answered() + " of " + submitters));
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
        section.add(new H3("Where the class found the key's claims"));
        if (d.submitters() == 0) {
            // The key's claims are still drawn, each at 0%, so the page can fill in live; but the
            // teacher reads first that the shares are of nobody's work.
            section.add(new EmptyState(
                    "heatmap-empty",
                    NOTHING_SUBMITTED,
                    "The key's claims are shown below; each one's share fills in as students submit."));
        }
        section.add(new Paragraph("Each key claim is shaded by the share of the students who submitted that found it; "
                + "the percentage follows each claim, darker means more found it."));
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
                        .toList()));
        if (d.hasSources()) {
            text.add(new H3("Who says so? Where the class found the key's sources"));
            List<Shaded> mentions = new java.util.ArrayList<>();
            for (AssignmentDashboard.SourceShare src : d.sources()) {
                String words = "Source " + src.number() + " (" + src.name() + "): found by " + src.found() + " of "
                        + d.sourceSubmitters() + " students";
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
            text.add(shadedText(d.text(), mentions));
        }
        section.add(text);
        Html table = new Html(table(
                "heatmap-table",
                "Key claims found by the class",
                List.of("Claim", "Words", "Found by", "Share"),
                d.claims().stream()
                        .map(c -> List.of(
                                String.valueOf(c.number()),
                                c.exact(),
                                c.found() + " of " + d.submitters(),
                                Math.round(100 * c.share()) + "%"))
                        .toList()));
        section.add(table);
        if (d.hasSources()) {
            section.add(new Html(table(
                    "heatmap-sources-table",
                    "Key sources found by the class",
                    List.of("Source", "Name", "Found by", "Share"),
                    d.sources().stream()
                            .map(src -> List.of(
                                    "S" + src.number(),
                                    src.name(),
                                    src.found() + " of " + d.sourceSubmitters(),
                                    Math.round(100 * src.share()) + "%"))
                            .toList())));
        }
        return section;
    }

    /**
     * The article as paragraphs with the shaded passages. A passage inside an earlier one (a
     * source's name inside another source's attribution) is drawn inside it; one that only
     * partly overlaps an earlier one is left to the table.
     */
    private static Div shadedText(String body, List<Shaded> items) {
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
                    outer.add(nested, percent(inner));
                    inside = inner.end();
                }
            }
            outer.add(new Span(body.substring(inside, c.end())));
            paragraphs.current().add(outer, percent(c));
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
    private static Span percent(Shaded c) {
        Span percent = new Span(" [" + c.tag() + ": " + Math.round(100 * c.share()) + "%]");
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
        section.add(new H3("Marked by many students, not in the key"));
        section.add(new Paragraph("Spans at least " + d.unkeyedMinimum()
                + " students marked (or 30% of those who submitted, when that is more). Accepting one changes this "
                + "assignment's key only and re-scores every submitted attempt."));
        if (d.submitters() == 0) {
            section.add(new EmptyState("unkeyed-empty", NOTHING_SUBMITTED));
        } else if (d.unkeyed().isEmpty()) {
            section.add(new Paragraph("None so far."));
        }
        for (Results.PopularSpan p : d.unkeyed()) {
            Div row = new Div();
            row.addClassName("article-row");
            row.getElement().setAttribute("data-testid", "unkeyed-span");
            row.getElement().setAttribute("data-students", String.valueOf(p.students()));
            Span quote = new Span("\u201c" + p.exact() + "\u201d");
            quote.addClassName("article-headline");
            Span meta =
                    new Span(p.students() + " students · mostly as " + p.type().code()
                            + (p.claimId() == null
                                    ? " · overlaps no claim of the key"
                                    : " · overlaps the key's \u201c" + p.claimExact() + "\u201d"));
            meta.addClassName("article-meta");
            UUID id = d.assignmentId();
            Button accept =
                    new Button(p.claimId() == null ? "Add to this assignment's key" : "Accept as alternative", e -> {
                        try {
                            int n = keys.acceptSpan(id, p.start(), p.end(), p.claimId(), p.type());
                            Notification.show(
                                            "Key of this assignment changed; " + n + " attempts re-scored.",
                                            4000,
                                            Notification.Position.BOTTOM_START)
                                    .addThemeVariants(NotificationVariant.SUCCESS);
                            refresh();
                        } catch (UserFacingException ex) {
                            Notification.show(ex.getMessage(), 6000, Notification.Position.MIDDLE)
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
        section.add(new H3("Types: the key's against the students'"));
        section.add(new Paragraph("Counts of matched claims, by the key's type (rows) and the type students chose "
                + "(columns). Cells on the diagonal, where students agreed with the key, say \u201cagrees\u201d."));
        if (d.submitters() == 0) {
            section.add(new EmptyState(
                    "confusion-empty", NOTHING_SUBMITTED, "The counts appear once students submit their claims."));
            return section;
        }
        List<String> header = new java.util.ArrayList<>();
        header.add("Key type \\ chosen");
        for (ClaimType t : ClaimType.values()) {
            header.add(t.code());
        }
        List<List<String>> rows = new java.util.ArrayList<>();
        for (Map.Entry<ClaimType, Map<ClaimType, Integer>> row : d.confusion().entrySet()) {
            List<String> cells = new java.util.ArrayList<>();
            cells.add(row.getKey().code());
            for (ClaimType t : ClaimType.values()) {
                int n = row.getValue().get(t);
                cells.add(t == row.getKey() ? n + " (agrees)" : String.valueOf(n));
            }
            rows.add(cells);
        }
        section.add(new Html(table("confusion-matrix", "Claim types: key against chosen", header, rows)));
        if (d.hasSources()) {
            section.add(new H3("Source kinds: the key's against the students'"));
            List<String> kindHeader = new java.util.ArrayList<>();
            kindHeader.add("Key kind \\ chosen");
            for (SourceKind k : SourceKind.values()) {
                kindHeader.add(k.code());
            }
            List<List<String>> kindRows = new java.util.ArrayList<>();
            for (Map.Entry<SourceKind, Map<SourceKind, Integer>> row :
                    d.kindConfusion().entrySet()) {
                List<String> cells = new java.util.ArrayList<>();
                cells.add(row.getKey().code());
                for (SourceKind k : SourceKind.values()) {
                    int n = row.getValue().get(k);
                    cells.add(k == row.getKey() ? n + " (agrees)" : String.valueOf(n));
                }
                kindRows.add(cells);
            }
            section.add(
                    new Html(table("source-kind-matrix", "Source kinds: key against chosen", kindHeader, kindRows)));
        }
        return section;
    }

    private Div distribution(AssignmentDashboard d) {
        Div section = new Div();
        section.add(new H3("Score distribution"));
        if (d.scores().isEmpty()) {
            section.add(new EmptyState(
                    "score-distribution-empty",
                    d.submitters() == 0 ? NOTHING_SUBMITTED : "No score counts yet.",
                    "The distribution of scores appears once submitted work is scored."));
            return section;
        }
        int[] bins = d.bins();
        int max = 1;
        for (int b : bins) {
            max = Math.max(max, b);
        }
        StringBuilder svg = new StringBuilder();
        String summary = "Counted scores of " + d.scores().size() + " students in 10-point bins"
                + (d.median() == null ? "" : "; median " + d.median());
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
        section.add(new Html(table("score-distribution-table", "Scores by bin", List.of("Score", "Students"), rows)));
        return section;
    }

    private static String binLabel(int i) {
        return i == DashboardFigures.BINS - 1 ? "90–100" : (10 * i) + "–" + (10 * i + 9.9);
    }

    /**
     * The students as a grid that draws only the rows on screen (issue 18): a class of a thousand
     * keeps its rows on the server, in the dashboard it was built from, and sends the page shown.
     * Every cell carries the student's name, so one row's cells can be found together.
     */
    private Div students(AssignmentDashboard d) {
        Div section = new Div();
        section.add(new H3("Students"));
        List<AssignmentDashboard.StudentRow> rows = d.students();
        Grid<AssignmentDashboard.StudentRow> grid = new Grid<>();
        grid.setTestId("dashboard-students");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.addComponentColumn(s -> named(new Span(s.name()), s, "dashboard-student"))
                .setHeader("Student")
                .setKey("student")
                .setFlexGrow(2);
        grid.addComponentColumn(s -> named(new Span(s.status().label()), s, null))
                .setHeader("Status")
                .setKey("status");
        grid.addComponentColumn(s -> {
                    Span score = named(new Span(s.score() == null ? "none yet" : String.valueOf(s.score())), s, null);
                    score.getElement().setAttribute("data-testid", "dashboard-student-score");
                    score.getElement().setAttribute("data-score", s.score() == null ? "" : String.valueOf(s.score()));
                    return score;
                })
                .setHeader("Score")
                .setKey("score");
        grid.addComponentColumn(s -> named(new Span(s.gain() == null ? "none" : String.valueOf(s.gain())), s, null))
                .setHeader("Gain")
                .setKey("gain");
        grid.addComponentColumn(s -> named(new Span(duration(s.timeSpent())), s, null))
                .setHeader("Time")
                .setKey("time");
        grid.addComponentColumn(s -> {
                    Span attempts = named(new Span(), s, null);
                    int n = 1;
                    for (UUID attempt : s.attemptIds()) {
                        Anchor open = SubmissionNavigation.review(attempt).anchor("Attempt " + n++);
                        open.getElement().setAttribute("router-link", true);
                        open.getElement().setAttribute("data-testid", "dashboard-attempt");
                        attempts.add(open, new Span(" "));
                    }
                    return attempts;
                })
                .setHeader("Attempts")
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

    private static <C extends Component> C named(C content, AssignmentDashboard.StudentRow s, @Nullable String testId) {
        content.getElement().setAttribute("data-name", s.name());
        if (testId != null) {
            content.getElement().setAttribute("data-testid", testId);
        }
        return content;
    }

    private static String duration(@Nullable Duration d) {
        if (d == null) {
            return "none yet";
        }
        long minutes = d.toMinutes();
        return minutes < 1 ? "under a minute" : minutes + " min";
    }

    static String share(double share) {
        return String.format(Locale.ROOT, "%.2f", share);
    }

    static String label(AssignmentDashboard.ClaimShare c, int submitters) {
        return "Claim " + c.number() + ": found by " + c.found() + " of " + submitters + " students";
    }

    /** A plain HTML table with a caption and header row, its cells escaped. */
    private static String table(String testId, String caption, List<String> header, List<List<String>> rows) {
        StringBuilder b =
                new StringBuilder("<table data-testid=\"").append(testId).append("\" class=\"dashboard-table\">");
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
        return b.append("</tbody></table>").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
