package org.lateral.submission.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.lateral.submission.CompareFeedback;
import org.lateral.submission.CompareHints;
import org.lateral.submission.StudentFeedback;
import org.lateral.submission.scoring.CompareScoring.Verdict;

/**
 * The feedback of the "Compare outlets" step (DD015): once the key may be shown, each article's
 * grid with the key's answers beside the student's, the claims-by-outlets matrix cell by cell with
 * the class's answers, and the story's relay picture drawn and told; while a revision is possible,
 * only {@link CompareHints}, which hold nothing of the key (DD006). Right and wrong are said in
 * words and a sign, never by colour alone.
 */
final class CompareFeedbackParts {

    /** The id of the relay picture's text, which the drawing names as its label. */
    static final String RELAY_TEXT_ID = "relay-graph-text";

    private CompareFeedbackParts() {}

    /** Everything: the score with its parts, the grids, the matrix, the relay picture. */
    static Component review(CompareFeedback f, StudentFeedback.@Nullable CompareScore score) {
        Div root = new Div();
        root.addClassName("compare-feedback");
        root.setTestId("compare-feedback");
        if (score != null) {
            root.add(score(score));
        }
        Div grids = new Div(new H3(Texts.getTranslation("submission.compareFeedback.grids")));
        grids.addClassName("compare-feedback-grids");
        f.articles().forEach(a -> grids.add(grid(a)));
        root.add(grids);
        if (!f.matrix().isEmpty()) {
            root.add(matrix(f));
        }
        root.add(relay(f.relay()));
        return root;
    }

    /** "Score 78.1 of 100 · grid 80% · matrix 75%", and the provisional note while it is. */
    static Component score(StudentFeedback.CompareScore s) {
        StringBuilder text = new StringBuilder(
                Texts.getTranslation("submission.review.summary.score", ReviewParts.score(s.score())));
        if (s.grid() != null) {
            text.append(" \u00b7 ").append(Texts.getTranslation("submission.compareFeedback.grid", percent(s.grid())));
        }
        if (s.matrix() != null) {
            text.append(" \u00b7 ")
                    .append(Texts.getTranslation("submission.compareFeedback.matrix", percent(s.matrix())));
        }
        if (s.judgement() != null) {
            text.append(" \u00b7 ")
                    .append(Texts.getTranslation("submission.compareFeedback.judgement", percent(s.judgement())));
        }
        Paragraph p = new Paragraph(text.toString());
        p.addClassName("feedback-summary");
        p.setTestId("compare-score");
        Div div = new Div(p);
        if (s.provisional()) {
            Paragraph note = new Paragraph(Texts.getTranslation("submission.compareFeedback.provisional"));
            note.addClassName("reader-note");
            note.setTestId("compare-score-provisional");
            div.add(note);
        }
        return div;
    }

    /** One article: a table of the grid's items, the student's answer beside the key's, and a verdict. */
    static Component grid(CompareFeedback.ArticleFeedback a) {
        Div div = new Div(new H4(a.outlet() + ": " + a.title()));
        div.addClassName("compare-feedback-grid");
        div.setTestId("compare-feedback-grid");
        div.getElement().setAttribute("data-article-id", a.articleId().toString());
        NativeTable table = new NativeTable();
        table.addClassName("compare-table");
        NativeTableRow head = table.getHead().addRow();
        head.addHeaderCell().setText("");
        head.addHeaderCell().setText(Texts.getTranslation("submission.sources.yourAnswer"));
        head.addHeaderCell().setText(Texts.getTranslation("submission.sources.theKey"));
        head.addHeaderCell().setText("");
        row(
                        table,
                        "framing",
                        Texts.getTranslation("submission.compareFeedback.framing"),
                        or(a.framing().yours()),
                        choice(a.framing()),
                        a.framing().verdict())
                .ifWhy(a.framing().why());
        row(
                table,
                "named",
                Texts.getTranslation("submission.compareFeedback.named"),
                count(a.named().yours()),
                range(a.named()),
                a.named().verdict());
        row(
                table,
                "anonymous",
                Texts.getTranslation("submission.compareFeedback.anonymous"),
                count(a.anonymous().yours()),
                range(a.anonymous()),
                a.anonymous().verdict());
        row(
                table,
                "reporting",
                Texts.getTranslation("submission.compareFeedback.reporting"),
                reportingLabel(a.reporting().yours()),
                alsoRight(
                        reportingLabel(a.reporting().key()),
                        a.reporting().alsoAccepted().stream()
                                .map(CompareFeedbackParts::reportingLabel)
                                .toList()),
                a.reporting().verdict());
        CompareFeedback.Relays relays = a.relayedFrom();
        boolean relaysRight =
                relays.given() && relays.missed().isEmpty() && relays.extra().isEmpty();
        row(
                        table,
                        "relayed-from",
                        Texts.getTranslation("submission.compareFeedback.relayedFrom"),
                        relays.yours().isEmpty()
                                ? Texts.getTranslation("submission.compareFeedback.noneNamed")
                                : String.join(", ", relays.yours()),
                        relays.key().isEmpty()
                                ? Texts.getTranslation("submission.compareFeedback.noOutletNamed")
                                : String.join(", ", relays.key()),
                        !relays.given() ? Verdict.NOT_GIVEN : relaysRight ? Verdict.RIGHT : Verdict.WRONG)
                .ifWhy(relayNote(relays));
        picks(table, "hedges", Texts.getTranslation("submission.compareFeedback.hedges"), a.hedges());
        picks(table, "loaded", Texts.getTranslation("submission.compareFeedback.loaded"), a.loadedWords());
        NativeTableRow kind = table.getBody().addRow();
        kind.getElement().setAttribute("data-item", "outlet-kind");
        kind.addHeaderCell().setText(Texts.getTranslation("submission.compareFeedback.outletKind"));
        kind.addDataCell().setText(or(a.yourOutletKind()));
        kind.addDataCell().setText(a.keyOutletKind() == null ? "\u2014" : a.keyOutletKind());
        kind.addDataCell().setText(Texts.getTranslation("submission.compareFeedback.notScored"));
        div.add(table);
        if (a.yourIncludes() != null) {
            Paragraph includes =
                    new Paragraph(Texts.getTranslation("submission.compareFeedback.includes", a.yourIncludes()));
            includes.addClassName("reader-note");
            div.add(includes);
        }
        return div;
    }

    /** A row of a grid table, with a place for the key's reason under it. */
    private record Row(NativeTable table, NativeTableRow row) {
        void ifWhy(@Nullable String why) {
            if (why == null || why.isBlank()) {
                return;
            }
            NativeTableRow reason = table.getBody().addRow();
            reason.addClassName("compare-why");
            NativeTableCell cell = reason.addDataCell();
            cell.getElement().setAttribute("colspan", "4");
            cell.setText(why);
        }
    }

    private static Row row(NativeTable table, String item, String label, String yours, String key, Verdict verdict) {
        NativeTableRow row = table.getBody().addRow();
        row.getElement().setAttribute("data-item", item);
        row.getElement().setAttribute("data-verdict", verdict(verdict));
        row.addHeaderCell().setText(label);
        row.addDataCell().setText(yours);
        row.addDataCell().setText(key);
        row.addDataCell().add(verdictBadge(verdict));
        return new Row(table, row);
    }

    private static void picks(NativeTable table, String item, String label, CompareFeedback.Picks p) {
        NativeTableRow row = table.getBody().addRow();
        row.getElement().setAttribute("data-item", item);
        row.addHeaderCell().setText(label);
        List<String> yours = new ArrayList<>();
        p.found().forEach(w -> yours.add("\u201c" + w.yours() + "\u201d \u2713"));
        p.extra().forEach(w -> yours.add(Texts.getTranslation("submission.compareFeedback.pickNotInKey", w)));
        row.addDataCell()
                .setText(
                        yours.isEmpty()
                                ? Texts.getTranslation("submission.compareFeedback.nonePicked")
                                : String.join(", ", yours));
        List<String> key = new ArrayList<>();
        p.found().forEach(w -> key.add(Texts.getTranslation("submission.compareFeedback.pickFound", w.key())));
        p.missed().forEach(w -> key.add(Texts.getTranslation("submission.compareFeedback.pickMissed", w)));
        row.addDataCell()
                .setText(
                        key.isEmpty()
                                ? Texts.getTranslation("submission.compareFeedback.noneInArticle")
                                : String.join(", ", key));
        int all = p.found().size() + p.missed().size();
        row.addDataCell()
                .setText(Texts.getTranslation(
                                "submission.compareFeedback.pickCount",
                                p.found().size(),
                                all)
                        + (p.extra().isEmpty()
                                ? ""
                                : " \u00b7 "
                                        + Texts.getTranslation(
                                                "submission.compareFeedback.pickExtra",
                                                p.extra().size())));
    }

    /**
     * The claims-by-outlets matrix: a row per core claim, a column per article; each cell says the
     * verdict in a sign and a word, the student's answer and the key's, the key's reason, and how
     * the class answered when enough students submitted.
     */
    static Component matrix(CompareFeedback f) {
        Div div = new Div(new H3(Texts.getTranslation("submission.compareFeedback.matrixHeading")));
        div.addClassName("compare-feedback-matrix-section");
        if (f.classStudents() != null) {
            Paragraph how =
                    new Paragraph(Texts.getTranslation("submission.compareFeedback.classHow", f.classStudents()));
            how.addClassName("reader-note");
            div.add(how);
        }
        NativeTable table = new NativeTable();
        table.addClassNames("compare-table", "compare-matrix");
        table.setTestId("compare-feedback-matrix");
        NativeTableRow head = table.getHead().addRow();
        head.addHeaderCell().setText(Texts.getTranslation("submission.compareFeedback.claim"));
        f.matrix().getFirst().cells().forEach(c -> head.addHeaderCell().setText(c.outlet()));
        for (CompareFeedback.ClaimRow claim : f.matrix()) {
            NativeTableRow row = table.getBody().addRow();
            row.getElement().setAttribute("data-claim-id", claim.claimId());
            row.addHeaderCell().setText(claim.claim());
            for (CompareFeedback.Cell c : claim.cells()) {
                NativeTableCell cell = row.addDataCell();
                cell.getElement().setAttribute("data-testid", "compare-feedback-cell");
                cell.getElement().setAttribute("data-claim-id", claim.claimId());
                cell.getElement().setAttribute("data-article-id", c.articleId().toString());
                cell.getElement().setAttribute("data-verdict", verdict(c.verdict()));
                cell.add(verdictBadge(c.verdict()));
                cell.add(new Paragraph(Texts.getTranslation(
                        "submission.compareFeedback.you",
                        c.yours() == null
                                ? Texts.getTranslation("submission.compareFeedback.noAnswer")
                                : carriageLabel(c.yours()))));
                cell.add(new Paragraph(Texts.getTranslation(
                        "submission.review.key",
                        alsoRight(
                                carriageLabel(c.key()),
                                c.alsoAccepted().stream()
                                        .map(CompareFeedbackParts::carriageLabel)
                                        .toList()))));
                if (c.keyWords() != null) {
                    Paragraph words = new Paragraph("\u201c" + c.keyWords() + "\u201d");
                    words.addClassName("compare-key-words");
                    cell.add(words);
                }
                if (c.why() != null) {
                    Paragraph why = new Paragraph(c.why());
                    why.addClassName("reader-note");
                    cell.add(why);
                }
                if (c.classCounts() != null) {
                    cell.add(classCounts(c.classCounts()));
                }
            }
        }
        Div scroll = new Div(table);
        scroll.addClassName("compare-table-scroll");
        div.add(scroll);
        return div;
    }

    /** "Class: as fact 1 · attributed 2 · hedged 1 · absent 0 · no answer 1". */
    static Component classCounts(Map<String, Integer> counts) {
        Span span = new Span(Texts.getTranslation(
                "submission.compareFeedback.class",
                counts.entrySet().stream()
                        .map(e -> ("none".equals(e.getKey())
                                        ? Texts.getTranslation("submission.compareFeedback.noAnswer")
                                        : carriageLabel(e.getKey()))
                                + " "
                                + e.getValue())
                        .collect(Collectors.joining(" \u00b7 "))));
        span.addClassName("compare-class-counts");
        span.getElement().setAttribute("data-testid", "compare-class-counts");
        counts.forEach((answer, n) -> span.getElement().setAttribute("data-" + answer, String.valueOf(n)));
        return span;
    }

    /**
     * The relay picture: an SVG drawing (outlets as boxes, an arrow from the outlet relayed to the
     * one that relays it), labelled by the visible text that tells the same in sentences. The
     * drawing is markup set as the wrapper's inner HTML, so the browser makes real SVG elements of
     * it; every name in it is escaped.
     */
    static Component relay(CompareFeedback.RelayGraph graph) {
        Div section = new Div(new H3(Texts.getTranslation("submission.compareFeedback.relayHeading")));
        section.addClassName("compare-relay");
        Div drawing = new Div();
        drawing.addClassName("relay-graph");
        drawing.setTestId("relay-graph");
        drawing.getElement().setAttribute("role", "img");
        drawing.getElement().setAttribute("aria-labelledby", RELAY_TEXT_ID);
        drawing.getElement().setProperty("innerHTML", svg(graph));
        Paragraph text = new Paragraph(graph.text(Texts::text));
        text.setId(RELAY_TEXT_ID);
        text.setTestId("relay-graph-text");
        text.addClassName("relay-graph-text");
        Paragraph legend = new Paragraph(Texts.getTranslation(
                graph.edges().stream().anyMatch(e -> e.traced() != null)
                        ? "submission.compareFeedback.relayLegendTraced"
                        : "submission.compareFeedback.relayLegend"));
        legend.addClassName("reader-note");
        section.add(drawing, text, legend);
        return section;
    }

    static final int BOX_WIDTH = 190;
    static final int BOX_HEIGHT = 36;
    static final int COLUMN_GAP = 90;
    static final int ROW_GAP = 22;

    /** The drawing's markup: one column per layer, boxes stacked in the order the text names them. */
    static String svg(CompareFeedback.RelayGraph graph) {
        Map<String, int[]> at = new HashMap<>();
        Map<Integer, Integer> filled = new HashMap<>();
        int rows = 1;
        for (CompareFeedback.Node n : graph.nodes()) {
            int row = filled.merge(n.layer(), 1, Integer::sum) - 1;
            rows = Math.max(rows, row + 1);
            at.put(n.id(), new int[] {10 + n.layer() * (BOX_WIDTH + COLUMN_GAP), 10 + row * (BOX_HEIGHT + ROW_GAP)});
        }
        int width = 20 + graph.layers() * BOX_WIDTH + (graph.layers() - 1) * COLUMN_GAP;
        int height = 20 + rows * BOX_HEIGHT + (rows - 1) * ROW_GAP;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\"><defs><marker id=\"relay-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" "
                        + "markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">"
                        + "<path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"currentColor\"/></marker></defs>");
        for (CompareFeedback.Edge e : graph.edges()) {
            int[] from = at.get(e.from());
            int[] to = at.get(e.to());
            svg.append("<line class=\"relay-edge")
                    .append(e.traced() == null ? "" : e.traced() ? " relay-traced" : " relay-not-traced")
                    .append("\" data-from=\"")
                    .append(escape(e.from()))
                    .append("\" data-to=\"")
                    .append(escape(e.to()))
                    .append("\" x1=\"")
                    .append(from[0] + BOX_WIDTH)
                    .append("\" y1=\"")
                    .append(from[1] + BOX_HEIGHT / 2)
                    .append("\" x2=\"")
                    .append(to[0])
                    .append("\" y2=\"")
                    .append(to[1] + BOX_HEIGHT / 2)
                    .append("\" stroke=\"currentColor\" stroke-width=\"")
                    .append(Boolean.TRUE.equals(e.traced()) ? 3 : 1.5)
                    .append('"')
                    .append(Boolean.FALSE.equals(e.traced()) ? " stroke-dasharray=\"2 4\"" : "")
                    .append(" marker-end=\"url(#relay-arrow)\"/>");
        }
        for (CompareFeedback.Node n : graph.nodes()) {
            int[] p = at.get(n.id());
            String label = n.name().length() > 26 ? n.name().substring(0, 25) + "\u2026" : n.name();
            svg.append("<g class=\"relay-node")
                    .append(n.firstHand() ? " relay-first-hand" : " relay-relays")
                    .append(n.compared() ? " relay-compared" : "")
                    .append("\" data-outlet=\"")
                    .append(escape(n.id()))
                    .append("\"><rect x=\"")
                    .append(p[0])
                    .append("\" y=\"")
                    .append(p[1])
                    .append("\" width=\"")
                    .append(BOX_WIDTH)
                    .append("\" height=\"")
                    .append(BOX_HEIGHT)
                    .append("\" rx=\"6\" fill=\"none\" stroke=\"currentColor\"")
                    .append(n.firstHand() ? " stroke-width=\"2\"" : " stroke-dasharray=\"6 3\"")
                    .append("/><text x=\"")
                    .append(p[0] + BOX_WIDTH / 2)
                    .append("\" y=\"")
                    .append(p[1] + BOX_HEIGHT / 2 + 5)
                    .append("\" text-anchor=\"middle\" fill=\"currentColor\"")
                    .append(n.compared() ? " font-weight=\"bold\"" : "")
                    .append('>')
                    .append(escape(label))
                    .append("</text></g>");
        }
        return svg.append("</svg>").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /**
     * While a revision is possible: the score, and per article which grid answers to look at
     * again, how many hedges and loaded words were found, and how many matrix cells are right.
     */
    static Component hints(CompareHints h) {
        Div root = new Div();
        root.addClassName("compare-feedback");
        root.setTestId("compare-hints");
        if (h.score() != null) {
            Paragraph score =
                    new Paragraph(Texts.getTranslation("submission.hints.score", ReviewParts.score(h.score())));
            score.addClassName("feedback-summary");
            score.setTestId("compare-hint-score");
            root.add(score);
            if (h.provisional()) {
                Paragraph note = new Paragraph(Texts.getTranslation("submission.compareFeedback.provisionalShort"));
                note.addClassName("reader-note");
                note.setTestId("compare-score-provisional");
                root.add(note);
            }
        }
        Paragraph hidden = new Paragraph(Texts.getTranslation("submission.sources.hints.keyHidden"));
        hidden.setTestId("hint-key-hidden");
        root.add(hidden);
        UnorderedList list = new UnorderedList();
        for (CompareHints.ArticleHint a : h.articles()) {
            ListItem item = new ListItem();
            item.getElement().setAttribute("data-testid", "compare-hint-article");
            item.getElement().setAttribute("data-article-id", a.articleId().toString());
            item.add(new Paragraph(a.outlet() + ": " + a.title()));
            List<String> lines = new ArrayList<>();
            lines.add(
                    a.lookAgain().isEmpty()
                            ? Texts.getTranslation("submission.compareFeedback.hints.gridRight")
                            : Texts.getTranslation(
                                    "submission.compareFeedback.hints.lookAgain",
                                    a.lookAgain().stream()
                                            .map(CompareFeedbackParts::itemLabel)
                                            .collect(Collectors.joining(", "))));
            lines.add(
                    a.hedgesExtra() > 0
                            ? Texts.getTranslation(
                                    "submission.compareFeedback.hints.hedgesExtra",
                                    a.hedgesFound(),
                                    a.hedges(),
                                    a.hedgesExtra())
                            : Texts.getTranslation(
                                    "submission.compareFeedback.hints.hedges", a.hedgesFound(), a.hedges()));
            lines.add(
                    a.loadedExtra() > 0
                            ? Texts.getTranslation(
                                    "submission.compareFeedback.hints.loadedExtra",
                                    a.loadedFound(),
                                    a.loaded(),
                                    a.loadedExtra())
                            : Texts.getTranslation(
                                    "submission.compareFeedback.hints.loaded", a.loadedFound(), a.loaded()));
            if (a.cells() > 0) {
                lines.add(Texts.getTranslation("submission.compareFeedback.hints.cells", a.rightCells(), a.cells()));
            }
            UnorderedList details = new UnorderedList();
            lines.forEach(l -> details.add(new ListItem(l)));
            item.add(details);
            list.add(item);
        }
        root.add(list);
        return root;
    }

    private static String itemLabel(CompareHints.Item item) {
        return switch (item) {
            case FRAMING -> Texts.getTranslation("submission.compareFeedback.item.framing");
            case NAMED_SOURCES -> Texts.getTranslation("submission.compareFeedback.item.named");
            case ANONYMOUS_SOURCES -> Texts.getTranslation("submission.compareFeedback.item.anonymous");
            case REPORTING -> Texts.getTranslation("submission.compareFeedback.item.reporting");
            case RELAYED_FROM -> Texts.getTranslation("submission.compareFeedback.item.relayedFrom");
        };
    }

    private static @Nullable String relayNote(CompareFeedback.Relays r) {
        List<String> parts = new ArrayList<>();
        if (!r.missed().isEmpty()) {
            parts.add(Texts.getTranslation("submission.compareFeedback.relaysMissed", String.join(", ", r.missed())));
        }
        if (!r.extra().isEmpty()) {
            parts.add(Texts.getTranslation("submission.compareFeedback.relaysExtra", String.join(", ", r.extra())));
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    private static Span verdictBadge(Verdict verdict) {
        Span badge = new Span(
                switch (verdict) {
                    case RIGHT -> Texts.getTranslation("submission.compareFeedback.right");
                    case WRONG -> Texts.getTranslation("submission.compareFeedback.wrong");
                    case NOT_GIVEN -> Texts.getTranslation("submission.compareFeedback.notAnswered");
                });
        badge.addClassNames("compare-verdict", "compare-verdict-" + verdict(verdict));
        return badge;
    }

    static String verdict(Verdict verdict) {
        return switch (verdict) {
            case RIGHT -> "right";
            case WRONG -> "wrong";
            case NOT_GIVEN -> "not-given";
        };
    }

    private static String choice(CompareFeedback.Choice c) {
        return alsoRight(c.key(), c.alsoAccepted());
    }

    /** "first-hand (also right: both)", or the key's answer alone. */
    private static String alsoRight(String key, List<String> alsoAccepted) {
        return alsoAccepted.isEmpty()
                ? key
                : Texts.getTranslation("submission.compareFeedback.alsoRight", key, String.join(", ", alsoAccepted));
    }

    private static String range(CompareFeedback.CountCheck c) {
        return Texts.getTranslation(
                "submission.compareFeedback.range",
                c.keyMin() == c.keyMax()
                        ? String.valueOf(c.keyMin())
                        : Texts.getTranslation("submission.compareFeedback.fromTo", c.keyMin(), c.keyMax()));
    }

    private static String count(@Nullable Integer n) {
        return n == null ? Texts.getTranslation("submission.compareFeedback.noAnswer") : String.valueOf(n);
    }

    private static String or(@Nullable String text) {
        return text == null ? Texts.getTranslation("submission.compareFeedback.noAnswer") : text;
    }

    static String reportingLabel(@Nullable String code) {
        if (code == null) {
            return Texts.getTranslation("submission.compareFeedback.noAnswer");
        }
        return switch (code) {
            case "original" -> Texts.getTranslation("submission.compareFeedback.reporting.original");
            case "relay" -> Texts.getTranslation("submission.compareFeedback.reporting.relay");
            case "mixed" -> Texts.getTranslation("submission.compareFeedback.reporting.mixed");
            default -> code;
        };
    }

    static String carriageLabel(String code) {
        return switch (code) {
            case "fact" -> Texts.getTranslation("submission.compareFeedback.carriage.fact");
            case "attributed" -> Texts.getTranslation("submission.type.attributed");
            case "hedged" -> Texts.getTranslation("submission.type.hedged");
            case "absent" -> Texts.getTranslation("submission.compareFeedback.carriage.absent");
            default -> code.toLowerCase(Locale.ROOT);
        };
    }

    private static String percent(double share) {
        return Math.round(100 * share) + "%";
    }
}
