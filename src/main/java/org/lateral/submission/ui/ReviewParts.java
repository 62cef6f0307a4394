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
import org.lateral.base.i18n.Formats;
import org.lateral.library.ClaimType;
import org.lateral.submission.AttemptReview;
import org.lateral.submission.ClaimReview;
import org.lateral.submission.ScoreEntry;

/** The parts the student's feedback page and the teacher's attempt page share. */
final class ReviewParts {

    private ReviewParts() {}

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
                    outcome(c.outcome()) + " · " + types(c),
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
                    Texts.getTranslation("submission.review.notInKeyLabel", Texts.type(m.type())),
                    ClaimStatus.EXTRA));
        }
        return overlays;
    }

    static ClaimType primary(ClaimReview c) {
        return c.accepted().stream().sorted().findFirst().orElseThrow();
    }

    static String types(ClaimReview c) {
        return Texts.or(c.accepted().stream().sorted().map(Texts::type).toList());
    }

    /** What came of a claim of the key: "Found", "Found, other type", "Missed". */
    static String outcome(ClaimReview.Outcome outcome) {
        return switch (outcome) {
            case FOUND -> Texts.getTranslation("submission.review.outcome.found");
            case MISLABELLED -> Texts.getTranslation("submission.review.outcome.mislabelled");
            case MISSED -> Texts.getTranslation("submission.review.outcome.missed");
        };
    }

    /** A score with one decimal as the page's language writes it: "64.5", "64,5". */
    static String score(double value) {
        return String.format(Texts.locale(), "%.1f", value);
    }

    static String signed(double value) {
        return (value > 0 ? "+" : "") + String.format(Texts.locale(), "%.1f", value);
    }

    /** "Score 64.5 of 100 · found 10 · other type 3 · missed 16 · extra 2". */
    static Paragraph summary(AttemptReview review) {
        StringBuilder text = new StringBuilder();
        if (review.score() != null) {
            text.append(Texts.getTranslation(
                            review.score().overridden()
                                    ? "submission.review.summary.scoreByTeacher"
                                    : "submission.review.summary.score",
                            score(review.score().score())))
                    .append(" · ");
        }
        text.append(Texts.getTranslation(
                "submission.review.summary.counts",
                review.count(ClaimReview.Outcome.FOUND),
                review.count(ClaimReview.Outcome.MISLABELLED),
                review.count(ClaimReview.Outcome.MISSED),
                review.extras().size()));
        Paragraph p = new Paragraph(text.toString());
        p.addClassName("feedback-summary");
        p.setTestId("feedback-score");
        return p;
    }

    /** The key claims, missed and mislabelled first, each with what the student did and why it matters. */
    static Component claimList(AttemptReview review, boolean forTeacher) {
        Div section = new Div();
        section.add(new H3(Texts.getTranslation("submission.review.claimsInKey")));
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
            Span pill = new Span(outcome(c.outcome()));
            pill.addClassNames("status-pill", "outcome-" + c.outcome().name().toLowerCase(Locale.ROOT));
            Paragraph head = new Paragraph(
                    pill,
                    new Span(" "
                            + (c.worthiness() > 1
                                    ? Texts.getTranslation("submission.review.keyWeighted", types(c), c.worthiness())
                                    : Texts.getTranslation("submission.review.key", types(c)))));
            head.addClassName("key-claim-head");
            Paragraph quote = new Paragraph("\u201c" + c.exact() + "\u201d");
            quote.addClassName("key-quote");
            item.add(head, quote);
            if (c.yourMark() != null) {
                boolean same = c.yourMark().exact().equals(c.exact());
                String type = Texts.type(c.yourMark().type());
                item.add(new Paragraph(
                        forTeacher
                                ? same
                                        ? Texts.getTranslation("submission.review.markedAs", type)
                                        : Texts.getTranslation(
                                                "submission.review.markedAsWords",
                                                type,
                                                c.yourMark().exact())
                                : same
                                        ? Texts.getTranslation("submission.review.youMarkedAs", type)
                                        : Texts.getTranslation(
                                                "submission.review.youMarkedAsWords",
                                                type,
                                                c.yourMark().exact())));
            }
            if (!c.cues().isEmpty()) {
                String words = c.cues().stream()
                        .map(TextSpan::exact)
                        .distinct()
                        .map(w -> "\u201c" + w + "\u201d")
                        .collect(Collectors.joining(", "));
                Paragraph cues = new Paragraph(Texts.getTranslation(
                        c.accepted().contains(ClaimType.HEDGED)
                                ? "submission.review.cuesHedge"
                                : "submission.review.cuesSpeculation",
                        words));
                cues.addClassName("feedback-cues");
                cues.setTestId("feedback-cues");
                item.add(cues);
            }
            if (!c.sources().isEmpty()) {
                item.add(whoSaysSo(c, kindsExplained));
            }
            Paragraph why = new Paragraph(Texts.getTranslation("submission.review.whyItMatters", c.why()));
            why.addClassName("key-links");
            item.add(why);
            list.add(item);
        }
        section.add(list);
        if (!review.extras().isEmpty()) {
            section.add(new H3(Texts.getTranslation("submission.review.extrasHeading")));
            Paragraph note = new Paragraph(Texts.getTranslation(
                    forTeacher ? "submission.review.extrasTeacher" : "submission.review.extrasStudent"));
            note.addClassName("reader-note");
            UnorderedList extras = new UnorderedList();
            for (ClaimReview.ReviewedMark m : review.extras()) {
                ListItem item =
                        new ListItem(Texts.getTranslation("submission.review.markAs", m.exact(), Texts.type(m.type())));
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
        who.add(new Paragraph(Texts.getTranslation("submission.review.whoSaysSo")));
        UnorderedList sources = new UnorderedList();
        for (ClaimReview.Source s : c.sources()) {
            ListItem item = new ListItem(explained(s));
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

    /** "The Daily Mail — primary: The Frisky read its report itself." */
    static String explained(ClaimReview.Source s) {
        return s.name() + " \u2014 " + Texts.text(s.origin());
    }

    /** A moment as the page's language writes it, with its zone. */
    static String when(java.time.ZonedDateTime time) {
        return Formats.dateTime(time, Texts.locale());
    }

    static Component comments(AttemptReview review, ZoneId zone, String emptyText) {
        return comments(review.comments(), zone, emptyText);
    }

    static Component comments(List<AttemptReview.Comment> comments, ZoneId zone, String emptyText) {
        Div section = new Div();
        section.setTestId("attempt-comments");
        section.add(new H3(Texts.getTranslation("submission.review.comments")));
        if (comments.isEmpty()) {
            Paragraph none = new Paragraph(emptyText);
            none.addClassName("reader-note");
            section.add(none);
        }
        for (AttemptReview.Comment c : comments) {
            Div comment = new Div(new Paragraph(c.body()));
            Paragraph by = new Paragraph(c.author() + " · " + when(c.at().atZone(zone)));
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
                        sample("found", Texts.getTranslation("submission.review.legend.found")),
                        sample("mislabelled", Texts.getTranslation("submission.review.legend.mislabelled")),
                        sample("missed", Texts.getTranslation("submission.review.legend.missed")),
                        sample("extra", Texts.getTranslation("submission.review.legend.extra")));
        Element cue = new Element("mark");
        cue.setText(Texts.getTranslation("submission.review.legend.cues"));
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
        return Texts.getTranslation(e.cause().labelKey()) + (e.causedBy() == null ? "" : " (" + e.causedBy() + ")");
    }
}
