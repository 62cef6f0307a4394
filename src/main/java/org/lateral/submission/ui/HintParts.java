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
            text.append("Your score: ")
                    .append(ReviewParts.score(h.score()))
                    .append(" of 100")
                    .append(h.scoreSetByTeacher() ? " (set by your teacher)" : "")
                    .append(". ");
        }
        int found = h.found() + h.mislabelled();
        text.append("You found ")
                .append(found)
                .append(" of ")
                .append(h.claims())
                .append(" claims");
        if (h.mislabelled() > 0) {
            text.append(", and gave ").append(h.mislabelled()).append(" of them a different type than the answer key");
        }
        text.append('.');
        Paragraph score = new Paragraph(text.toString());
        score.addClassName("feedback-summary");
        score.setTestId("hint-score");
        Paragraph hidden = new Paragraph("Before you revise: the answer key stays hidden so your second try shows what "
                + "you learned. You see the whole key after you submit attempt " + (h.attemptNumber() + 1)
                + ", or when the time for revising is over.");
        hidden.setTestId("hint-key-hidden");
        return new Div(score, hidden);
    }

    /** How many claims of each kind the key has and how many of them the student found. */
    static Component counts(RevisionHints h) {
        Div section = new Div(new H3("Claims by kind"));
        UnorderedList list = new UnorderedList();
        list.setTestId("hint-counts");
        for (RevisionHints.TypeCount c : h.byType()) {
            StringBuilder text =
                    new StringBuilder(capitalised(c.type().code()) + ": you found " + c.found() + " of " + c.inKey());
            if (c.mislabelled() > 0) {
                text.append(", and ").append(c.mislabelled()).append(" more with a different type");
            }
            ListItem item = new ListItem(text.append('.').toString());
            item.getElement().setAttribute("data-testid", "hint-count");
            item.getElement().setAttribute("data-type", c.type().code());
            list.add(item);
        }
        section.add(list);
        return section;
    }

    /** The claims still to find, grouped by paragraph, each with what kind of claim it is and what to look for. */
    static Component whereToLook(RevisionHints h) {
        Div section = new Div(new H3("Where to look again"));
        section.setTestId("hint-list");
        if (h.hints().isEmpty()) {
            Paragraph none = new Paragraph("You found every claim and chose a type the answer key accepts.");
            none.addClassName("reader-note");
            section.add(none);
            return section;
        }
        Paragraph how = new Paragraph("Paragraphs are numbered in the article: the headline, then 1, 2, 3 and so on.");
        how.addClassName("reader-note");
        section.add(how);
        Map<Integer, List<RevisionHints.Hint>> byParagraph = new LinkedHashMap<>();
        h.hints()
                .forEach(hint -> byParagraph
                        .computeIfAbsent(hint.paragraph(), p -> new ArrayList<>())
                        .add(hint));
        byParagraph.forEach((paragraph, hints) -> {
            Div group = new Div(new H4(paragraph == 0 ? "The headline" : "Paragraph " + paragraph));
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
        String kinds = hint.types().stream().map(ClaimType::code).collect(Collectors.joining(" or "));
        String what;
        if (hint.outcome() == ClaimReview.Outcome.MISLABELLED && hint.yourMark() != null) {
            what = "You marked \u201c" + hint.yourMark().exact() + "\u201d as "
                    + hint.yourMark().type().code() + ". The answer key sees this claim as " + kinds + ".";
        } else if (hint.types().size() == 1) {
            what = capitalised(article(kinds)) + " claim you have not marked.";
        } else {
            what = "A claim you have not marked. It can be " + kinds + ".";
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
            Paragraph cues = new Paragraph("Look for: "
                    + hint.cues().stream().map(w -> "\u201c" + w + "\u201d").collect(Collectors.joining(", ")));
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
            case FACTUAL -> "Factual claims say something happened or is true, in a way someone could check.";
            case ATTRIBUTED -> "Attributed claims report what someone else said or told: look for who says so.";
            case HEDGED -> "Hedged claims carry words of doubt: the writer is not sure it is true.";
            case SPECULATION -> "Speculation guesses what might happen, or what would follow if something were true.";
            case OPINION ->
                "Opinions are the writer's own judgement: words that say how good, bad or important " + "something is.";
            case UNSUPPORTED -> "Unsupported claims are told as fact, but nobody says where they come from.";
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
        section.add(new H3("Your marks that are not in the answer key"));
        Paragraph note =
                new Paragraph("These marks cost you nothing. Ask yourself: is each one a claim someone could check?");
        note.addClassName("reader-note");
        UnorderedList list = new UnorderedList();
        for (RevisionHints.OwnMark m : extras) {
            ListItem item = new ListItem(
                    "\u201c" + m.mark().exact() + "\u201d as " + m.mark().type().code());
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
                case FOUND -> "Found";
                case MISLABELLED -> "Found, other type";
                case EXTRA -> "Not in the key";
            };
            overlays.add(ClaimHighlighter.Overlay.claim(
                    "yours-" + m.mark().markId(),
                    m.mark().start(),
                    m.mark().end(),
                    HighlighterClaimType.of(m.mark().type().code()),
                    label + " \u00b7 " + m.mark().type().code(),
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
                        ReviewParts.sample("found", "your mark, found"),
                        ReviewParts.sample("mislabelled", "your mark, other type"),
                        ReviewParts.sample("extra", "your mark, not in the key"));
        return legend;
    }

    private static String article(String word) {
        return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
