package org.lateral.submission.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.lateral.base.highlighter.ClaimHighlighter;
import org.lateral.base.highlighter.ClaimStatus;
import org.lateral.base.highlighter.HighlighterClaimType;
import org.lateral.library.ClaimType;
import org.lateral.submission.ClaimReview;
import org.lateral.submission.RevisionHints;

/**
 * The feedback page while a revision is possible (DD006): the score, the counts, and per
 * paragraph the kind of claim still to find with the cue words to look for. Everything here comes
 * from {@link RevisionHints}, which holds nothing of the key's spans, quotes or reasons.
 */
final class HintParts {

    private HintParts() {}

    /** "You found 5 of 12 claims" and why the key is not shown yet, in words a 13-year-old reads. */
    static Component summary(RevisionHints h) {
        StringBuilder text = new StringBuilder();
        if (h.score() != null) {
            text.append(Texts.getTranslation(
                            h.scoreSetByTeacher() ? "submission.hints.scoreByTeacher" : "submission.hints.score",
                            ReviewParts.score(h.score())))
                    .append(' ');
        }
        int found = h.found() + h.mislabelled();
        text.append(
                h.mislabelled() > 0
                        ? Texts.getTranslation("submission.hints.foundMislabelled", found, h.claims(), h.mislabelled())
                        : Texts.getTranslation("submission.hints.found", found, h.claims()));
        Paragraph score = new Paragraph(text.toString());
        score.addClassName("feedback-summary");
        score.setTestId("hint-score");
        Paragraph hidden = new Paragraph(Texts.getTranslation("submission.hints.keyHidden", h.attemptNumber() + 1));
        hidden.setTestId("hint-key-hidden");
        return new Div(score, hidden);
    }

    /** How many claims of each kind the key has and how many of them the student found. */
    static Component counts(RevisionHints h) {
        Div section = new Div(new H3(Texts.getTranslation("submission.hints.byKind")));
        UnorderedList list = new UnorderedList();
        list.setTestId("hint-counts");
        for (RevisionHints.TypeCount c : h.byType()) {
            String type = capitalised(Texts.type(c.type()));
            ListItem item = new ListItem(
                    c.mislabelled() > 0
                            ? Texts.getTranslation(
                                    "submission.hints.kindCountMislabelled",
                                    type,
                                    c.found(),
                                    c.inKey(),
                                    c.mislabelled())
                            : Texts.getTranslation("submission.hints.kindCount", type, c.found(), c.inKey()));
            item.getElement().setAttribute("data-testid", "hint-count");
            item.getElement().setAttribute("data-type", c.type().code());
            list.add(item);
        }
        section.add(list);
        return section;
    }

    /** The claims still to find, grouped by paragraph, each with what kind of claim it is and what to look for. */
    static Component whereToLook(RevisionHints h) {
        Div section = new Div(new H3(Texts.getTranslation("submission.hints.whereToLook")));
        section.setTestId("hint-list");
        if (h.hints().isEmpty()) {
            Paragraph none = new Paragraph(Texts.getTranslation("submission.hints.allFound"));
            none.addClassName("reader-note");
            section.add(none);
            return section;
        }
        Paragraph how = new Paragraph(Texts.getTranslation("submission.hints.paragraphsNumbered"));
        how.addClassName("reader-note");
        section.add(how);
        Map<Integer, List<RevisionHints.Hint>> byParagraph = new LinkedHashMap<>();
        h.hints()
                .forEach(hint -> byParagraph
                        .computeIfAbsent(hint.paragraph(), p -> new ArrayList<>())
                        .add(hint));
        byParagraph.forEach((paragraph, hints) -> {
            Div group = new Div(new H4(
                    paragraph == 0
                            ? Texts.getTranslation("submission.hints.headline")
                            : Texts.getTranslation("submission.hints.paragraph", paragraph)));
            group.addClassName("hint-paragraph");
            group.getElement().setAttribute("data-testid", "hint-paragraph");
            group.getElement().setAttribute("data-paragraph", String.valueOf(paragraph));
            UnorderedList list = new UnorderedList();
            for (RevisionHints.Hint hint : hints) {
                list.add(hint(hint));
            }
            group.add(list);
            section.add(group);
        });
        return section;
    }

    private static ListItem hint(RevisionHints.Hint hint) {
        ListItem item = new ListItem();
        item.getElement().setAttribute("data-testid", "hint");
        item.getElement().setAttribute("data-outcome", hint.outcome().name().toLowerCase(Locale.ROOT));
        item.getElement()
                .setAttribute(
                        "data-types", hint.types().stream().map(ClaimType::code).collect(Collectors.joining(" ")));
        String kinds = Texts.or(hint.types().stream().map(Texts::type).toList());
        String what;
        if (hint.outcome() == ClaimReview.Outcome.MISLABELLED && hint.yourMark() != null) {
            what = Texts.getTranslation(
                    "submission.hints.mislabelled",
                    hint.yourMark().exact(),
                    Texts.type(hint.yourMark().type()),
                    kinds);
        } else if (hint.types().size() == 1) {
            what = notMarked(hint.types().getFirst());
        } else {
            what = Texts.getTranslation("submission.hints.notMarkedOneOf", kinds);
        }
        Paragraph head = new Paragraph(what);
        head.addClassName("hint-what");
        item.add(head);
        for (ClaimType type : hint.types()) {
            Paragraph about = new Paragraph(description(type));
            about.addClassName("reader-note");
            item.add(about);
        }
        if (!hint.cues().isEmpty()) {
            Paragraph cues = new Paragraph(Texts.getTranslation(
                    "submission.hints.lookFor",
                    hint.cues().stream().map(w -> "\u201c" + w + "\u201d").collect(Collectors.joining(", "))));
            cues.addClassName("feedback-cues");
            cues.setTestId("hint-cues");
            item.add(cues);
        }
        return item;
    }

    /**
     * What a type means, in general terms a 13-year-old follows. Fixed per type on purpose: the
     * key's own reasons talk about one claim and would point at its words.
     */
    static String description(ClaimType type) {
        return switch (type) {
            case FACTUAL -> Texts.getTranslation("submission.hints.about.factual");
            case ATTRIBUTED -> Texts.getTranslation("submission.hints.about.attributed");
            case HEDGED -> Texts.getTranslation("submission.hints.about.hedged");
            case SPECULATION -> Texts.getTranslation("submission.hints.about.speculation");
            case OPINION -> Texts.getTranslation("submission.hints.about.opinion");
            case UNSUPPORTED -> Texts.getTranslation("submission.hints.about.unsupported");
        };
    }

    /** "A hedged claim you have not marked.": one sentence per type, since languages inflect the type. */
    private static String notMarked(ClaimType type) {
        return switch (type) {
            case FACTUAL -> Texts.getTranslation("submission.hints.notMarked.factual");
            case ATTRIBUTED -> Texts.getTranslation("submission.hints.notMarked.attributed");
            case HEDGED -> Texts.getTranslation("submission.hints.notMarked.hedged");
            case SPECULATION -> Texts.getTranslation("submission.hints.notMarked.speculation");
            case OPINION -> Texts.getTranslation("submission.hints.notMarked.opinion");
            case UNSUPPORTED -> Texts.getTranslation("submission.hints.notMarked.unsupported");
        };
    }

    /** The student's marks that matched no claim: theirs to look at again, not a mistake. */
    static Component extras(RevisionHints h) {
        Div section = new Div();
        List<RevisionHints.OwnMark> extras = h.yourMarks().stream()
                .filter(m -> m.outcome() == RevisionHints.MarkOutcome.EXTRA)
                .toList();
        if (extras.isEmpty()) {
            return section;
        }
        section.add(new H3(Texts.getTranslation("submission.hints.extrasHeading")));
        Paragraph note = new Paragraph(Texts.getTranslation("submission.review.extrasStudent"));
        note.addClassName("reader-note");
        UnorderedList list = new UnorderedList();
        for (RevisionHints.OwnMark m : extras) {
            ListItem item = new ListItem(Texts.getTranslation(
                    "submission.review.markAs",
                    m.mark().exact(),
                    Texts.type(m.mark().type())));
            item.getElement().setAttribute("data-testid", "hint-extra");
            list.add(item);
        }
        section.add(note, list);
        return section;
    }

    /** The student's own marks over the article with their outcome; no span of the key is drawn. */
    static List<ClaimHighlighter.Overlay> overlays(RevisionHints h) {
        List<ClaimHighlighter.Overlay> overlays = new ArrayList<>();
        for (RevisionHints.OwnMark m : h.yourMarks()) {
            ClaimStatus status = switch (m.outcome()) {
                case FOUND -> ClaimStatus.FOUND;
                case MISLABELLED -> ClaimStatus.MISLABELLED;
                case EXTRA -> ClaimStatus.EXTRA;
            };
            String label = switch (m.outcome()) {
                case FOUND -> Texts.getTranslation("submission.review.outcome.found");
                case MISLABELLED -> Texts.getTranslation("submission.review.outcome.mislabelled");
                case EXTRA -> Texts.getTranslation("submission.hints.notInKey");
            };
            overlays.add(ClaimHighlighter.Overlay.claim(
                    "yours-" + m.mark().markId(),
                    m.mark().start(),
                    m.mark().end(),
                    HighlighterClaimType.of(m.mark().type().code()),
                    label + " \u00b7 " + Texts.type(m.mark().type()),
                    status));
        }
        return overlays;
    }

    /** The outcome styles of the student's own marks, in words. */
    static Component legend() {
        Div legend = new Div();
        legend.addClassNames("key-legend", "ch-legend");
        legend.setTestId("hint-legend");
        legend.getElement()
                .appendChild(
                        ReviewParts.sample("found", Texts.getTranslation("submission.hints.legend.found")),
                        ReviewParts.sample("mislabelled", Texts.getTranslation("submission.hints.legend.mislabelled")),
                        ReviewParts.sample("extra", Texts.getTranslation("submission.hints.legend.extra")));
        return legend;
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
