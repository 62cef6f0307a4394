package org.lateral.submission.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.lateral.library.SourceKind;
import org.lateral.submission.SourceHints;
import org.lateral.submission.SourceReview;
import org.lateral.submission.scoring.SourceScoring.Origin;

/**
 * The feedback of the "Who says so?" step: the whole review once the key may be shown, and the
 * hints while a revision is possible (DD006). The two are built from different records on
 * purpose: {@link #hints} sees only {@link SourceHints}, which holds nothing of the key, so a view
 * that shows hints cannot leak a source's name or kind_why by accident.
 */
final class SourceFeedbackParts {

    private SourceFeedbackParts() {}

    /** Everything, top to bottom: the score, found, missed, kinds, where it came from, claim links, extras. */
    static Component review(SourceReview r) {
        Div root = new Div();
        root.addClassName("source-feedback");
        root.setTestId("source-feedback");
        root.add(summary(r), found(r), missed(r), kinds(r), origins(r), claimLinks(r), extras(r));
        return root;
    }

    /** "Score 56.5 of 100 · sources found 1 of 2 · kinds right 100% · origins right 100% · links 6%". */
    static Component summary(SourceReview r) {
        SourceReview.Components c = r.score();
        StringBuilder text =
                new StringBuilder("Score ").append(ReviewParts.score(c.score())).append(" of 100");
        if (c.sourcesScored()) {
            text.append(" · sources found ")
                    .append(r.found().size())
                    .append(" of ")
                    .append(r.found().size() + r.missed().size())
                    .append(" · kinds right ")
                    .append(percent(c.kindAccuracy()))
                    .append(" · origins right ")
                    .append(percent(c.originAccuracy()));
        }
        if (c.linksScored()) {
            text.append(" · claim links ").append(percent(c.linkF1()));
        }
        Paragraph p = new Paragraph(text.toString());
        p.addClassName("feedback-summary");
        p.setTestId("source-score");
        return p;
    }

    static Component found(SourceReview r) {
        Div section = section("Sources you found", "source-found-list");
        if (r.found().isEmpty()) {
            section.add(note("You found none of the sources in the answer key yet. Look for who says so: "
                    + "\u201ctold\u201d, \u201csaid\u201d, \u201caccording to\u201d."));
            return section;
        }
        UnorderedList list = new UnorderedList();
        for (SourceReview.FoundSource f : r.found()) {
            ListItem item = item("source-found");
            item.getElement().setAttribute("data-key-source", f.keySourceId());
            item.add(new Paragraph("You: \u201c" + f.yourName() + "\u201d \u00b7 the answer key: " + f.keyName()));
            Paragraph verdict = new Paragraph((f.kindRight() ? "Kind right" : "Kind to look at again")
                    + " (" + kindLabel(f.yourKind()) + ") \u00b7 "
                    + (f.originRight() ? "where it came from right" : "where it came from to look at again"));
            verdict.addClassName("reader-note");
            item.add(verdict);
            list.add(item);
        }
        section.add(list);
        return section;
    }

    static Component missed(SourceReview r) {
        Div section = section("Sources you missed", "source-missed-list");
        if (r.missed().isEmpty()) {
            section.add(note("You found every source."));
            return section;
        }
        UnorderedList list = new UnorderedList();
        for (SourceReview.MissedSource m : r.missed()) {
            ListItem item = item("source-missed");
            item.getElement().setAttribute("data-key-source", m.keySourceId());
            item.add(new Paragraph(m.name() + " \u00b7 " + m.kind().label()));
            Paragraph origin = new Paragraph(m.origin());
            origin.addClassName("reader-note");
            item.add(origin);
            list.add(item);
        }
        section.add(list);
        return section;
    }

    static Component kinds(SourceReview r) {
        Div section = section("Kinds to look at again", "kind-wrong-list");
        if (r.kindsWrong().isEmpty()) {
            section.add(note(
                    r.found().isEmpty()
                            ? "No kinds to check: you have not found a source of the answer key yet."
                            : "Every kind you chose is one the answer key accepts."));
            return section;
        }
        UnorderedList list = new UnorderedList();
        for (SourceReview.KindIssue k : r.kindsWrong()) {
            ListItem item = item("kind-wrong");
            item.getElement().setAttribute("data-key-source", k.keySourceId());
            item.add(new Paragraph("\u201c" + k.yourName() + "\u201d: you chose " + kindLabel(k.yourKind())
                    + "; the answer key says "
                    + k.accepted().stream().map(SourceKind::label).collect(Collectors.joining(" or "))
                    + "."));
            Paragraph why = new Paragraph("Why it matters: " + k.whyItMatters());
            why.addClassName("key-links");
            item.add(why);
            if (k.kindWhy() != null) {
                Paragraph kindWhy = new Paragraph(k.kindWhy());
                kindWhy.addClassName("reader-note");
                kindWhy.setTestId("kind-why");
                item.add(kindWhy);
            }
            list.add(item);
        }
        section.add(list);
        return section;
    }

    /**
     * "Where it came from": the key's chains, the origins taken wrongly, and for each source found
     * the key's chain beside the student's, so the step they skipped or added shows as a box.
     */
    static Component origins(SourceReview r) {
        Div section = section("Where it came from", "source-origins");
        section.add(note("Each arrow is a step between the people who know and you. Every step is someone "
                + "passing on what they were told."));
        if (r.keyChains().isEmpty()) {
            section.add(note("The answer key finds no source in this text: nobody stands behind what " + r.outlet()
                    + " says here."));
        }
        Div keyChains = new Div();
        keyChains.addClassName("relay-chains");
        r.keyChains().forEach(c -> keyChains.add(chain(c, "relay-chain")));
        section.add(keyChains);
        if (!r.originsWrong().isEmpty()) {
            UnorderedList list = new UnorderedList();
            for (SourceReview.OriginIssue o : r.originsWrong()) {
                ListItem item = item("origin-wrong");
                item.getElement().setAttribute("data-key-source", o.keySourceId());
                item.getElement()
                        .setAttribute("data-verdict", o.verdict().name().toLowerCase(Locale.ROOT));
                item.add(new Paragraph("\u201c" + o.yourName() + "\u201d: " + o.explained()));
                list.add(item);
            }
            section.add(new H4("Origins to look at again"), list);
        }
        if (!r.yourChains().isEmpty()) {
            section.add(new H4("Your chains beside the answer key's"));
            for (SourceReview.ChainPair p : r.yourChains()) {
                Div yours = new Div(label("Your answer"), chain(p.yours(), "relay-chain-student"));
                Div key = new Div(label("The answer key"), chain(p.key(), "relay-chain"));
                yours.addClassName("relay-side");
                key.addClassName("relay-side");
                Div row = new Div(yours, key);
                row.addClassName("relay-compare");
                row.getElement().setAttribute("data-key-source", p.keySourceId());
                row.getElement().setAttribute("data-same", String.valueOf(p.same()));
                section.add(row);
            }
        }
        return section;
    }

    /**
     * A chain as boxes and arrows: the heads, then each outlet it passed through, the article's
     * outlet last. The arrows are text, so the chain reads the same to a screen reader; the
     * element's aria-label says it once in full.
     */
    static Div chain(SourceReview.Chain chain, String testId) {
        Div div = new Div();
        div.addClassName("relay-chain");
        div.setTestId(testId);
        div.getElement().setAttribute("data-chain", chain.text());
        div.getElement().setAttribute("aria-label", chain.text());
        div.getElement().setAttribute("role", "group");
        Div heads = new Div();
        heads.addClassName("relay-heads");
        for (int i = 0; i < chain.heads().size(); i++) {
            if (i > 0) {
                Span and = new Span(" and ");
                and.addClassName("relay-and");
                heads.add(and);
            }
            heads.add(box(chain.heads().get(i)));
        }
        div.add(heads);
        for (SourceReview.ChainNode node : chain.via()) {
            Span arrow = new Span(SourceReview.ARROW);
            arrow.addClassName("relay-arrow");
            div.add(arrow, box(node));
        }
        return div;
    }

    private static Span box(SourceReview.ChainNode node) {
        Span box = new Span(node.label());
        box.addClassNames("relay-box", "relay-" + node.role().name().toLowerCase(Locale.ROOT));
        if (node.keySourceId() != null) {
            box.getElement().setAttribute("data-key-source", node.keySourceId());
        }
        return box;
    }

    static Component claimLinks(SourceReview r) {
        Div section = section("Claims to link again", "claim-link-issues");
        if (r.claimLinks().isEmpty()) {
            section.add(note("Every claim you linked says who backs it, or that nobody does, as the answer key does."));
            return section;
        }
        section.add(note(SourceReview.NO_SOURCE_IS_A_FINDING));
        UnorderedList list = new UnorderedList();
        // What the student said and the key contradicts first; the claims left open, often many
        // minor ones, last. The sort is stable, so within a kind the key's order stays.
        List<SourceReview.ClaimLinkIssue> ordered = r.claimLinks().stream()
                .sorted(Comparator.comparingInt(i -> i.kind().ordinal()))
                .toList();
        for (SourceReview.ClaimLinkIssue i : ordered) {
            ListItem item = item("claim-link-issue");
            item.getElement().setAttribute("data-claim", i.keyClaimId());
            item.getElement().setAttribute("data-kind", i.kind().name().toLowerCase(Locale.ROOT));
            item.add(new Paragraph(i.claimLabel()));
            Paragraph explained = new Paragraph(i.explained());
            explained.addClassName("reader-note");
            item.add(explained);
            list.add(item);
        }
        section.add(list);
        return section;
    }

    /** The student's sources that matched none of the key's: theirs to look at, not a mistake. */
    static Component extras(SourceReview r) {
        Div section = new Div();
        if (r.extras().isEmpty()) {
            return section;
        }
        section.add(new H3("Your other sources"));
        section.add(note("These cost you nothing. Ask yourself: does the text say this source said something?"));
        UnorderedList list = new UnorderedList();
        for (SourceReview.ExtraSource e : r.extras()) {
            list.add(item("source-extra", "\u201c" + e.name() + "\u201d \u00b7 " + kindLabel(e.kind())));
        }
        section.add(list);
        return section;
    }

    /**
     * While a revision is possible: the score, counts, the paragraphs to read again for a missed
     * source, and the student's own sources with what to re-check. Nothing of the key.
     */
    static Component hints(SourceHints h) {
        Div root = new Div();
        root.addClassName("source-feedback");
        root.setTestId("source-hints");
        StringBuilder text = new StringBuilder("Your score: ")
                .append(ReviewParts.score(h.score()))
                .append(" of 100. The article has ")
                .append(count(h.keySources(), "source"))
                .append("; you found ")
                .append(h.found())
                .append('.');
        Paragraph score = new Paragraph(text.toString());
        score.addClassName("feedback-summary");
        score.setTestId("source-hint-score");
        Paragraph hidden = new Paragraph("Before you revise: the answer key stays hidden so your next try shows what "
                + "you learned. You see it after you submit your revision, or when the time for revising is over.");
        hidden.setTestId("hint-key-hidden");
        root.add(score, hidden);

        Div section = section("What to look at again", "source-hint-list");
        UnorderedList list = new UnorderedList();
        if (h.missed() > 0) {
            list.add(item(
                    "source-hint",
                    count(h.missed(), "source") + " still to find. Look for who says so: \u201ctold\u201d, "
                            + "\u201csaid\u201d, \u201caccording to\u201d, a report or a document."));
        }
        for (SourceHints.MissedHint m : h.missedParagraphs()) {
            if (!m.paragraphs().isEmpty()) {
                ListItem item = item(
                        "source-hint-paragraph",
                        "A source you have not found is named in " + where(m.paragraphs()) + ".");
                item.getElement()
                        .setAttribute(
                                "data-paragraphs",
                                m.paragraphs().stream().map(String::valueOf).collect(Collectors.joining(" ")));
                list.add(item);
            }
        }
        if (h.kindsToCheck() > 0) {
            list.add(item(
                    "source-hint",
                    count(h.kindsToCheck(), "source") + " you found "
                            + (h.kindsToCheck() == 1 ? "has" : "have")
                            + " a kind to look at again: is there a real name you could look up, a made-up "
                            + "one, or none?"));
        }
        if (h.originsToCheck() > 0) {
            list.add(item(
                    "source-hint",
                    count(h.originsToCheck(), "source") + " you found "
                            + (h.originsToCheck() == 1 ? "has" : "have")
                            + " an origin to look at again: did the outlet hear it first-hand, or pass on "
                            + "another outlet's report?"));
        }
        if (h.claimsToRelink() > 0) {
            list.add(item(
                    "source-hint",
                    "Look again at the links of " + count(h.claimsToRelink(), "claim")
                            + ". \u201cNo source given\u201d is an answer too."));
        }
        if (list.getChildren().findAny().isEmpty()) {
            section.add(note("You found every source, with kinds and origins the answer key accepts."));
        } else {
            section.add(list);
        }
        root.add(section);

        if (!h.yourSources().isEmpty()) {
            Div own = section("Your sources", "source-hint-own");
            UnorderedList sources = new UnorderedList();
            for (SourceHints.OwnSource s : h.yourSources()) {
                String what = !s.matched()
                        ? "not one the answer key lists"
                        : s.checkKind() && s.checkOrigin()
                                ? "check its kind and where it came from"
                                : s.checkKind()
                                        ? "check its kind"
                                        : s.checkOrigin() ? "check where it came from" : "found";
                sources.add(item(
                        "source-hint-own",
                        "\u201c" + s.name() + "\u201d \u00b7 " + kindLabel(s.kind()) + " \u00b7 "
                                + originLabel(s.origin(), s.relayedFrom()) + " \u2014 " + what));
            }
            own.add(sources);
            root.add(own);
        }
        return root;
    }

    /** "the headline", "paragraph 2", "paragraphs 1 and 3", "the headline and paragraphs 2 and 4". */
    static String where(List<Integer> paragraphs) {
        boolean headline = paragraphs.contains(0);
        List<String> numbers =
                paragraphs.stream().filter(p -> p != 0).map(String::valueOf).toList();
        String body = numbers.isEmpty() ? "" : (numbers.size() == 1 ? "paragraph " : "paragraphs ") + and(numbers);
        return headline ? (body.isEmpty() ? "the headline" : "the headline and " + body) : body;
    }

    private static String and(List<String> items) {
        return items.size() == 1
                ? items.getFirst()
                : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }

    private static Div section(String heading, String testId) {
        Div section = new Div(new H3(heading));
        section.addClassName("source-feedback-section");
        section.setTestId(testId);
        return section;
    }

    private static Paragraph note(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("reader-note");
        return p;
    }

    private static Span label(String text) {
        Span span = new Span(text);
        span.addClassName("relay-side-label");
        return span;
    }

    private static ListItem item(String testId) {
        ListItem item = new ListItem();
        item.getElement().setAttribute("data-testid", testId);
        return item;
    }

    private static ListItem item(String testId, String text) {
        ListItem item = new ListItem(text);
        item.getElement().setAttribute("data-testid", testId);
        return item;
    }

    private static String kindLabel(@Nullable SourceKind kind) {
        return kind == null ? "no kind chosen" : kind.label();
    }

    private static String originLabel(@Nullable Origin origin, @Nullable String relayedFrom) {
        if (origin == null) {
            return "origin not given";
        }
        return origin == Origin.PRIMARY
                ? "first-hand"
                : "relayed" + (relayedFrom == null ? "" : " through " + relayedFrom);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String percent(double share) {
        return Math.round(100 * share) + "%";
    }
}
