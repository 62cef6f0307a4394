package org.lateral.submission.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.dom.Element;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.lateral.base.TextSpan;
import org.lateral.base.highlighter.ClaimHighlighter;
import org.lateral.base.highlighter.ClaimStatus;
import org.lateral.base.highlighter.HighlighterClaimType;
import org.lateral.library.ClaimType;
import org.lateral.submission.AttemptReview;
import org.lateral.submission.ClaimReview;
import org.lateral.submission.ScoreEntry;

/** The parts the student's feedback page and the teacher's attempt page share. */
final class ReviewParts {

    private ReviewParts() {}

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(Locale.UK);

    /** The key's claims with their outcome, the cue words, and the marks that matched nothing. */
    static List<ClaimHighlighter.Overlay> overlays(AttemptReview review) {
        List<ClaimHighlighter.Overlay> overlays = new ArrayList<>();
        for (ClaimReview c : review.claims()) {
            ClaimStatus status = switch (c.outcome()) {
                case FOUND -> ClaimStatus.FOUND;
                case MISLABELLED -> ClaimStatus.MISLABELLED;
                case MISSED -> ClaimStatus.MISSED;
            };
            ClaimType type = c.yourMark() != null ? c.yourMark().type() : primary(c);
            overlays.add(ClaimHighlighter.Overlay.claim(
                    "key-" + c.claimId(),
                    c.start(),
                    c.end(),
                    HighlighterClaimType.of(type.code()),
                    c.outcome().label() + " · " + types(c),
                    status));
            int n = 0;
            for (TextSpan cue : c.cues()) {
                overlays.add(ClaimHighlighter.Overlay.cue("cue-" + c.claimId() + "-" + n++, cue.start(), cue.end()));
            }
        }
        for (ClaimReview.ReviewedMark m : review.extras()) {
            overlays.add(ClaimHighlighter.Overlay.claim(
                    "extra-" + m.markId(),
                    m.start(),
                    m.end(),
                    HighlighterClaimType.of(m.type().code()),
                    "Not in the key · " + m.type().code(),
                    ClaimStatus.EXTRA));
        }
        return overlays;
    }

    static ClaimType primary(ClaimReview c) {
        return c.accepted().stream().sorted().findFirst().orElseThrow();
    }

    static String types(ClaimReview c) {
        return c.accepted().stream().sorted().map(ClaimType::code).collect(Collectors.joining(" or "));
    }

    static String score(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String signed(double value) {
        return (value > 0 ? "+" : "") + String.format(Locale.ROOT, "%.1f", value);
    }

    /** "Score 64.5 of 100 · found 10 · other type 3 · missed 16 · extra 2". */
    static Paragraph summary(AttemptReview review) {
        StringBuilder text = new StringBuilder();
        if (review.score() != null) {
            text.append("Score ").append(score(review.score().score())).append(" of 100");
            if (review.score().overridden()) {
                text.append(" (set by your teacher)");
            }
            text.append(" · ");
        }
        text.append("Found ")
                .append(review.count(ClaimReview.Outcome.FOUND))
                .append(" · found with another type ")
                .append(review.count(ClaimReview.Outcome.MISLABELLED))
                .append(" · missed ")
                .append(review.count(ClaimReview.Outcome.MISSED))
                .append(" · marks not in the key ")
                .append(review.extras().size());
        Paragraph p = new Paragraph(text.toString());
        p.addClassName("feedback-summary");
        p.setTestId("feedback-score");
        return p;
    }

    /** The key claims, missed and mislabelled first, each with what the student did and why it matters. */
    static Component claimList(AttemptReview review, boolean forTeacher) {
        Div section = new Div();
        section.add(new H3("Claims in the key"));
        UnorderedList list = new UnorderedList();
        list.addClassName("key-claims");
        List<ClaimReview> ordered = new ArrayList<>(review.claims());
        ordered.sort(Comparator.comparingInt((ClaimReview c) -> switch (c.outcome()) {
                    case MISSED -> 0;
                    case MISLABELLED -> 1;
                    case FOUND -> 2;
                })
                .thenComparingInt(ClaimReview::start));
        Set<String> kindsExplained = new HashSet<>();
        for (ClaimReview c : ordered) {
            ListItem item = new ListItem();
            item.getElement().setAttribute("data-testid", "feedback-claim");
            item.getElement().setAttribute("data-outcome", c.outcome().name().toLowerCase(Locale.ROOT));
            Span pill = new Span(c.outcome().label());
            pill.addClassNames("status-pill", "outcome-" + c.outcome().name().toLowerCase(Locale.ROOT));
            Paragraph head = new Paragraph(
                    pill, new Span(" Key: " + types(c) + (c.worthiness() > 1 ? " · weight " + c.worthiness() : "")));
            head.addClassName("key-claim-head");
            Paragraph quote = new Paragraph("\u201c" + c.exact() + "\u201d");
            quote.addClassName("key-quote");
            item.add(head, quote);
            if (c.yourMark() != null) {
                item.add(new Paragraph((forTeacher ? "Marked as " : "You marked it as ")
                        + c.yourMark().type().code()
                        + (c.yourMark().exact().equals(c.exact())
                                ? "."
                                : ": \u201c" + c.yourMark().exact() + "\u201d")));
            }
            if (!c.cues().isEmpty()) {
                Paragraph cues = new Paragraph("Cue words: "
                        + c.cues().stream()
                                .map(TextSpan::exact)
                                .distinct()
                                .map(w -> "\u201c" + w + "\u201d")
                                .collect(Collectors.joining(", "))
                        + (c.accepted().contains(ClaimType.HEDGED) ? " signal a hedge." : " signal speculation."));
                cues.addClassName("feedback-cues");
                cues.setTestId("feedback-cues");
                item.add(cues);
            }
            if (!c.sources().isEmpty()) {
                item.add(whoSaysSo(c, kindsExplained));
            }
            Paragraph why = new Paragraph("Why it matters: " + c.why());
            why.addClassName("key-links");
            item.add(why);
            list.add(item);
        }
        section.add(list);
        if (!review.extras().isEmpty()) {
            section.add(new H3("Marked, but not in the key"));
            Paragraph note = new Paragraph(
                    forTeacher
                            ? "Extra marks are shown, not penalised."
                            : "These marks cost you nothing. Ask yourself: is each one a claim someone could check?");
            note.addClassName("reader-note");
            UnorderedList extras = new UnorderedList();
            for (ClaimReview.ReviewedMark m : review.extras()) {
                ListItem item = new ListItem(
                        "\u201c" + m.exact() + "\u201d as " + m.type().code());
                item.getElement().setAttribute("data-testid", "feedback-extra");
                extras.add(item);
            }
            section.add(note, extras);
        }
        return section;
    }

    /**
     * "Who says so:" and each source the key links to the claim, with where the outlet got it. A
     * claim that links none gets no line: its why says that nobody backs it.
     */
    static Component whoSaysSo(ClaimReview c, Set<String> kindsExplained) {
        Div who = new Div();
        who.addClassName("key-links");
        who.setTestId("feedback-sources");
        who.add(new Paragraph("Who says so:"));
        UnorderedList sources = new UnorderedList();
        for (ClaimReview.Source s : c.sources()) {
            ListItem item = new ListItem(s.explained());
            if (s.kindWhy() != null && kindsExplained.add(s.name())) {
                // The key accepts more than one kind here: say why, so a student who chose the
                // other one sees it was right; once per list is enough.
                Paragraph kind = new Paragraph(s.kindWhy());
                kind.addClassName("reader-note");
                kind.setTestId("feedback-source-kind");
                item.add(kind);
            }
            item.getElement().setAttribute("data-testid", "feedback-source");
            item.getElement().setAttribute("data-origin", s.primary() ? "primary" : "secondary");
            sources.add(item);
        }
        who.add(sources);
        return who;
    }

    static Component comments(AttemptReview review, ZoneId zone, String emptyText) {
        return comments(review.comments(), zone, emptyText);
    }

    static Component comments(List<AttemptReview.Comment> comments, ZoneId zone, String emptyText) {
        Div section = new Div();
        section.setTestId("attempt-comments");
        section.add(new H3("Comments"));
        if (comments.isEmpty()) {
            Paragraph none = new Paragraph(emptyText);
            none.addClassName("reader-note");
            section.add(none);
        }
        for (AttemptReview.Comment c : comments) {
            Div comment = new Div(new Paragraph(c.body()));
            Paragraph by = new Paragraph(c.author() + " · " + WHEN.format(c.at().atZone(zone)));
            by.addClassName("reader-note");
            comment.add(by);
            comment.addClassName("attempt-comment");
            comment.getElement().setAttribute("data-testid", "attempt-comment");
            section.add(comment);
        }
        return section;
    }

    /** The legend for the outcome styles, in words (the styles are not colour alone). */
    static Component legend() {
        // The highlighter's own mark styles: each outcome has a border or underline pattern, not colour alone.
        Div legend = new Div();
        legend.addClassNames("key-legend", "ch-legend");
        legend.setTestId("feedback-legend");
        legend.getElement()
                .appendChild(
                        sample("found", "found"),
                        sample("mislabelled", "found, other type"),
                        sample("missed", "missed"),
                        sample("extra", "not in the key"));
        Element cue = new Element("mark");
        cue.setText("cue words");
        cue.setAttribute("class", "ch-cue legend-sample");
        legend.getElement().appendChild(cue);
        return legend;
    }

    static Element sample(String status, String text) {
        Element sample = new Element("mark");
        sample.setText(text);
        sample.setAttribute("class", "ch-mark legend-sample");
        sample.setAttribute("data-status", status);
        sample.setAttribute("data-claim-type", "factual");
        return sample;
    }

    static String cause(ScoreEntry e) {
        return e.cause().label() + (e.causedBy() == null ? "" : " (" + e.causedBy() + ")");
    }
}
