package org.lateral.library.keys;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A teacher's comparison key of a story set as it is being written (DD021, "Comparison keys"):
 * what the comparison key editor saves with every change and publishes as a comparison key
 * version. Categories are kept as the codes the tables use ({@code neutral}, {@code fact}, …), ""
 * while not chosen, so a draft may be incomplete; {@link ComparisonDrafts} says what publishing
 * still needs. Articles are named by id: a draft does not depend on an article's version, and a
 * carriage's words are found in the article's current text when it is published.
 */
public record ComparisonDraft(List<Entry> entries, List<CoreClaim> claims, List<Level> rubric) {

    public static final ComparisonDraft EMPTY = new ComparisonDraft(List.of(), List.of(), List.of());

    // Drafts are stored as JSON (comparison_key_draft.body) and read back with the fields of the
    // day: a field missing from an older draft reads as empty rather than failing to open it.
    public ComparisonDraft {
        entries = entries == null ? List.of() : List.copyOf(entries);
        claims = claims == null ? List.of() : List.copyOf(claims);
        rubric = rubric == null ? List.of() : List.copyOf(rubric);
    }

    /**
     * One article's row of the comparison grid.
     *
     * @param headlineFraming the sentence that explains the headline's framing, quoting it
     * @param framing the category a student picks: neutral, hedged, sensational or question
     * @param framingWhy why the other categories are accepted too (needed when there are any)
     * @param namedMax null when the count is exact; else the most sources a student may count
     * @param reporting original, relay or mixed
     * @param relayedFrom the outlets the article relays, by name
     */
    public record Entry(
            UUID articleId,
            String headlineFraming,
            String framing,
            List<String> framingAlsoAccepted,
            String framingWhy,
            String outletKindNote,
            int named,
            @Nullable Integer namedMax,
            int anonymous,
            @Nullable Integer anonymousMax,
            List<String> hedges,
            List<String> loadedWords,
            String reporting,
            List<String> relayedFrom,
            String omissions,
            String notes) {
        public Entry {
            headlineFraming = headlineFraming == null ? "" : headlineFraming;
            framing = framing == null ? "" : framing;
            framingAlsoAccepted = framingAlsoAccepted == null ? List.of() : List.copyOf(framingAlsoAccepted);
            framingWhy = framingWhy == null ? "" : framingWhy;
            outletKindNote = outletKindNote == null ? "" : outletKindNote;
            hedges = hedges == null ? List.of() : List.copyOf(hedges);
            loadedWords = loadedWords == null ? List.of() : List.copyOf(loadedWords);
            reporting = reporting == null ? "" : reporting;
            relayedFrom = relayedFrom == null ? List.of() : List.copyOf(relayedFrom);
            omissions = omissions == null ? "" : omissions;
            notes = notes == null ? "" : notes;
        }

        public Entry withFraming(String framing, List<String> alsoAccepted, String why) {
            return new Entry(
                    articleId,
                    headlineFraming,
                    framing,
                    alsoAccepted,
                    why,
                    outletKindNote,
                    named,
                    namedMax,
                    anonymous,
                    anonymousMax,
                    hedges,
                    loadedWords,
                    reporting,
                    relayedFrom,
                    omissions,
                    notes);
        }

        public Entry withHeadlineFraming(String explanation) {
            return new Entry(
                    articleId,
                    explanation,
                    framing,
                    framingAlsoAccepted,
                    framingWhy,
                    outletKindNote,
                    named,
                    namedMax,
                    anonymous,
                    anonymousMax,
                    hedges,
                    loadedWords,
                    reporting,
                    relayedFrom,
                    omissions,
                    notes);
        }

        public Entry withCounts(int named, @Nullable Integer namedMax, int anonymous, @Nullable Integer anonymousMax) {
            return new Entry(
                    articleId,
                    headlineFraming,
                    framing,
                    framingAlsoAccepted,
                    framingWhy,
                    outletKindNote,
                    named,
                    namedMax,
                    anonymous,
                    anonymousMax,
                    hedges,
                    loadedWords,
                    reporting,
                    relayedFrom,
                    omissions,
                    notes);
        }

        public Entry withWords(List<String> hedges, List<String> loadedWords) {
            return new Entry(
                    articleId,
                    headlineFraming,
                    framing,
                    framingAlsoAccepted,
                    framingWhy,
                    outletKindNote,
                    named,
                    namedMax,
                    anonymous,
                    anonymousMax,
                    hedges,
                    loadedWords,
                    reporting,
                    relayedFrom,
                    omissions,
                    notes);
        }

        public Entry withReporting(String reporting, List<String> relayedFrom) {
            return new Entry(
                    articleId,
                    headlineFraming,
                    framing,
                    framingAlsoAccepted,
                    framingWhy,
                    outletKindNote,
                    named,
                    namedMax,
                    anonymous,
                    anonymousMax,
                    hedges,
                    loadedWords,
                    reporting,
                    relayedFrom,
                    omissions,
                    notes);
        }

        public Entry withNotes(String outletKindNote, String omissions, String notes) {
            return new Entry(
                    articleId,
                    headlineFraming,
                    framing,
                    framingAlsoAccepted,
                    framingWhy,
                    outletKindNote,
                    named,
                    namedMax,
                    anonymous,
                    anonymousMax,
                    hedges,
                    loadedWords,
                    reporting,
                    relayedFrom,
                    omissions,
                    notes);
        }

        /** A row with nothing decided yet. */
        public static Entry blank(UUID articleId) {
            return new Entry(
                    articleId, "", "", List.of(), "", "", 0, null, 0, null, List.of(), List.of(), "", List.of(), "",
                    "");
        }
    }

    /** A claim of the story in neutral words, with how each article carries it. */
    public record CoreClaim(String id, String claim, List<Carriage> carriages) {
        public CoreClaim {
            id = id == null ? "" : id;
            claim = claim == null ? "" : claim;
            carriages = carriages == null ? List.of() : List.copyOf(carriages);
        }
    }

    /**
     * One cell of the claims-by-outlets matrix.
     *
     * @param how fact, attributed, hedged or absent
     * @param why why the other answers are accepted too (needed when there are any)
     * @param quote the article's words that carry the claim ("" when it is absent)
     * @param at where the quote starts in the article's text when it was copied from a published
     *     version (so a quote the text has twice keeps its place); null otherwise, and ignored
     *     when the text there is not the quote
     */
    public record Carriage(
            UUID articleId,
            String how,
            List<String> alsoAccepted,
            String why,
            String quote,
            @Nullable Integer at) {
        public Carriage {
            how = how == null ? "" : how;
            alsoAccepted = alsoAccepted == null ? List.of() : List.copyOf(alsoAccepted);
            why = why == null ? "" : why;
            quote = quote == null ? "" : quote;
        }
    }

    /** The cell with another answer. */
    public static Carriage how(Carriage c, String how) {
        return new Carriage(c.articleId(), how, c.alsoAccepted(), c.why(), c.quote(), c.at());
    }

    /** The cell with other answers accepted, and why. */
    public static Carriage accepting(Carriage c, List<String> alsoAccepted, String why) {
        return new Carriage(c.articleId(), c.how(), alsoAccepted, why, c.quote(), c.at());
    }

    /** The cell with other words quoted: typed words are found afresh, so the copied place goes. */
    public static Carriage quoting(Carriage c, String quote) {
        return new Carriage(c.articleId(), c.how(), c.alsoAccepted(), c.why(), quote, null);
    }

    /** A level of the closing judgement's rubric; its number is its place in the list, from 0. */
    public record Level(String name, String descriptor) {
        public Level {
            name = name == null ? "" : name;
            descriptor = descriptor == null ? "" : descriptor;
        }
    }
}
