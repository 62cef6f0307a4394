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
        StringBuilder text = new StringBuilder(
                Texts.getTranslation("submission.review.summary.score", ReviewParts.score(c.score())));
        if (c.sourcesScored()) {
            text.append(" · ")
                    .append(Texts.getTranslation(
                            "submission.sources.summary.sources",
                            r.found().size(),
                            r.found().size() + r.missed().size(),
                            percent(c.kindAccuracy()),
                            percent(c.originAccuracy())));
        }
        if (c.linksScored()) {
            text.append(" · ").append(Texts.getTranslation("submission.sources.summary.links", percent(c.linkF1())));
        }
        Paragraph p = new Paragraph(text.toString());
        p.addClassName("feedback-summary");
        p.setTestId("source-score");
        return p;
    }

    static Component found(SourceReview r) {
        Div section = section(Texts.getTranslation("submission.sources.found"), "source-found-list");
        if (r.found().isEmpty()) {
            section.add(note(Texts.getTranslation("submission.sources.foundNone")));
            return section;
        }
        UnorderedList list = new UnorderedList();
        for (SourceReview.FoundSource f : r.found()) {
            ListItem item = item("source-found");
            item.getElement().setAttribute("data-key-source", f.keySourceId());
            item.add(new Paragraph(Texts.getTranslation("submission.sources.youAndKey", f.yourName(), f.keyName())));
            Paragraph verdict = new Paragraph(Texts.getTranslation(
                            f.kindRight() ? "submission.sources.kindRight" : "submission.sources.kindAgain",
                            kindLabel(f.yourKind()))
                    + " \u00b7 "
                    + Texts.getTranslation(
                            f.originRight() ? "submission.sources.originRight" : "submission.sources.originAgain"));
            verdict.addClassName("reader-note");
            item.add(verdict);
            list.add(item);
        }
        section.add(list);
        return section;
    }

    static Component missed(SourceReview r) {
        Div section = section(Texts.getTranslation("submission.sources.missed"), "source-missed-list");
        if (r.missed().isEmpty()) {
            section.add(note(Texts.getTranslation("submission.sources.missedNone")));
            return section;
        }
        UnorderedList list = new UnorderedList();
        for (SourceReview.MissedSource m : r.missed()) {
            ListItem item = item("source-missed");
            item.getElement().setAttribute("data-key-source", m.keySourceId());
            item.add(new Paragraph(
                    m.name() + " \u00b7 " + Texts.getTranslation(m.kind().labelKey())));
            Paragraph origin = new Paragraph(Texts.text(m.origin()));
            origin.addClassName("reader-note");
            item.add(origin);
            list.add(item);
        }
        section.add(list);
        return section;
    }

    static Component kinds(SourceReview r) {
        Div section = section(Texts.getTranslation("submission.sources.kinds"), "kind-wrong-list");
        if (r.kindsWrong().isEmpty()) {
            section.add(note(Texts.getTranslation(
                    r.found().isEmpty() ? "submission.sources.kindsNoneFound" : "submission.sources.kindsAllRight")));
            return section;
        }
        UnorderedList list = new UnorderedList();
        for (SourceReview.KindIssue k : r.kindsWrong()) {
            ListItem item = item("kind-wrong");
            item.getElement().setAttribute("data-key-source", k.keySourceId());
            item.add(new Paragraph(Texts.getTranslation(
                    "submission.sources.kindChosen",
                    k.yourName(),
                    kindLabel(k.yourKind()),
                    Texts.or(k.accepted().stream()
                            .map(kind -> Texts.getTranslation(kind.labelKey()))
                            .toList()))));
            Paragraph why =
                    new Paragraph(Texts.getTranslation("submission.review.whyItMatters", Texts.text(k.whyItMatters())));
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
        Div section = section(Texts.getTranslation("submission.sources.origins"), "source-origins");
        section.add(note(Texts.getTranslation("submission.sources.arrows")));
        if (r.keyChains().isEmpty()) {
            section.add(note(Texts.getTranslation("submission.sources.noKeySource", r.outlet())));
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
                item.add(new Paragraph("\u201c" + o.yourName() + "\u201d: " + Texts.text(o.explained())));
                list.add(item);
            }
            section.add(new H4(Texts.getTranslation("submission.sources.originsAgain")), list);
        }
        if (!r.yourChains().isEmpty()) {
            section.add(new H4(Texts.getTranslation("submission.sources.chains")));
            for (SourceReview.ChainPair p : r.yourChains()) {
                Div yours = new Div(
                        label(Texts.getTranslation("submission.sources.yourAnswer")),
                        chain(p.yours(), "relay-chain-student"));
                Div key = new Div(
                        label(Texts.getTranslation("submission.sources.theKey")), chain(p.key(), "relay-chain"));
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
        div.getElement().setAttribute("data-chain", chain.text(Texts::text));
        div.getElement().setAttribute("aria-label", chain.text(Texts::text));
        div.getElement().setAttribute("role", "group");
        Div heads = new Div();
        heads.addClassName("relay-heads");
        for (int i = 0; i < chain.heads().size(); i++) {
            if (i > 0) {
                Span and = new Span(Texts.getTranslation("submission.sources.and"));
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
        Span box = new Span(node.label(Texts::text));
        box.addClassNames("relay-box", "relay-" + node.role().name().toLowerCase(Locale.ROOT));
        if (node.keySourceId() != null) {
            box.getElement().setAttribute("data-key-source", node.keySourceId());
        }
        return box;
    }

    static Component claimLinks(SourceReview r) {
        Div section = section(Texts.getTranslation("submission.sources.claimLinks"), "claim-link-issues");
        if (r.claimLinks().isEmpty()) {
            section.add(note(Texts.getTranslation("submission.sources.claimLinksRight")));
            return section;
        }
        section.add(note(Texts.getTranslation("submission.sources.noSourceIsAFinding")));
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
            item.add(new Paragraph(Texts.text(i.claimLabel())));
            Paragraph explained = new Paragraph(Texts.text(i.explained()));
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
        section.add(new H3(Texts.getTranslation("submission.sources.extras")));
        section.add(note(Texts.getTranslation("submission.sources.extrasNote")));
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
        Paragraph score = new Paragraph(Texts.getTranslation(
                "submission.sources.hints.score", ReviewParts.score(h.score()), h.keySources(), h.found()));
        score.addClassName("feedback-summary");
        score.setTestId("source-hint-score");
        Paragraph hidden = new Paragraph(Texts.getTranslation("submission.sources.hints.keyHidden"));
        hidden.setTestId("hint-key-hidden");
        root.add(score, hidden);

        Div section = section(Texts.getTranslation("submission.sources.hints.lookAgain"), "source-hint-list");
        UnorderedList list = new UnorderedList();
        if (h.missed() > 0) {
            list.add(item("source-hint", Texts.getTranslation("submission.sources.hints.toFind", h.missed())));
        }
        for (SourceHints.MissedHint m : h.missedParagraphs()) {
            if (!m.paragraphs().isEmpty()) {
                ListItem item = item(
                        "source-hint-paragraph",
                        Texts.getTranslation("submission.sources.hints.namedIn", where(m.paragraphs())));
                item.getElement()
                        .setAttribute(
                                "data-paragraphs",
                                m.paragraphs().stream().map(String::valueOf).collect(Collectors.joining(" ")));
                list.add(item);
            }
        }
        if (h.kindsToCheck() > 0) {
            list.add(item("source-hint", Texts.getTranslation("submission.sources.hints.kinds", h.kindsToCheck())));
        }
        if (h.originsToCheck() > 0) {
            list.add(item("source-hint", Texts.getTranslation("submission.sources.hints.origins", h.originsToCheck())));
        }
        if (h.claimsToRelink() > 0) {
            list.add(item("source-hint", Texts.getTranslation("submission.sources.hints.links", h.claimsToRelink())));
        }
        if (list.getChildren().findAny().isEmpty()) {
            section.add(note(Texts.getTranslation("submission.sources.hints.allRight")));
        } else {
            section.add(list);
        }
        root.add(section);

        if (!h.yourSources().isEmpty()) {
            Div own = section(Texts.getTranslation("submission.sources.hints.yours"), "source-hint-own");
            UnorderedList sources = new UnorderedList();
            for (SourceHints.OwnSource s : h.yourSources()) {
                String what = Texts.getTranslation(
                        !s.matched()
                                ? "submission.sources.hints.own.notInKey"
                                : s.checkKind() && s.checkOrigin()
                                        ? "submission.sources.hints.own.checkBoth"
                                        : s.checkKind()
                                                ? "submission.sources.hints.own.checkKind"
                                                : s.checkOrigin()
                                                        ? "submission.sources.hints.own.checkOrigin"
                                                        : "submission.sources.hints.own.found");
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
        String body = numbers.isEmpty()
                ? ""
                : numbers.size() == 1
                        ? Texts.getTranslation("submission.sources.where.paragraph", numbers.getFirst())
                        : Texts.getTranslation(
                                "submission.sources.where.paragraphs",
                                String.join(", ", numbers.subList(0, numbers.size() - 1)),
                                numbers.getLast());
        return headline
                ? (body.isEmpty()
                        ? Texts.getTranslation("submission.sources.where.headline")
                        : Texts.getTranslation("submission.sources.where.headlineAnd", body))
                : body;
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
        return kind == null ? Texts.getTranslation("submission.sources.noKind") : Texts.getTranslation(kind.labelKey());
    }

    private static String originLabel(@Nullable Origin origin, @Nullable String relayedFrom) {
        if (origin == null) {
            return Texts.getTranslation("submission.sources.origin.none");
        }
        return origin == Origin.PRIMARY
                ? Texts.getTranslation("submission.sources.origin.firstHand")
                : relayedFrom == null
                        ? Texts.getTranslation("submission.sources.origin.relayed")
                        : Texts.getTranslation("submission.sources.origin.relayedThrough", relayedFrom);
    }

    private static String percent(double share) {
        return Math.round(100 * share) + "%";
    }
}
