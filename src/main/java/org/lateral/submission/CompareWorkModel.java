package org.lateral.submission;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.lateral.base.AnchoredSpan;
import org.lateral.base.i18n.KeyedText;
import org.lateral.base.text.PlainText;

/**
 * The rules for the items of a compare-outlets step (DD015), with no database and no UI, so they
 * are tested on their own: what a grid of one article, a picked span, a matrix cell, a
 * lateral-reading note and the closing judgement must hold. Like {@link SourceWorkModel}, a
 * refusal is a sentence a student understands and the item is then stored as it was.
 */
public final class CompareWorkModel {

    public static final Set<String> FRAMINGS = Set.of("neutral", "hedged", "sensational", "question");
    public static final Set<String> REPORTING = Set.of("original", "relay", "mixed");
    public static final Set<String> CARRIED = Set.of("fact", "attributed", "hedged", "absent");
    public static final Set<String> SPAN_KINDS = Set.of("hedge", "loaded");
    public static final int MAX_COUNT = 200;
    public static final int MAX_RELAYED_FROM = 10;
    public static final int MAX_NAME = SourceWorkModel.MAX_NAME;
    public static final int MAX_TEXT = 2000;
    public static final int MAX_NOTE = 600;
    public static final int MAX_ADDRESS = 2000;
    public static final int MAX_SPANS_PER_ARTICLE_AND_KIND = 40;

    static final KeyedText BAD_FRAMING = KeyedText.of("submission.save.compare.badFraming");
    static final KeyedText BAD_COUNT = KeyedText.of("submission.save.compare.badCount", MAX_COUNT);
    static final KeyedText BAD_REPORTING = KeyedText.of("submission.save.compare.badReporting");
    static final KeyedText TOO_MANY_OUTLETS = KeyedText.of("submission.save.compare.tooManyOutlets", MAX_RELAYED_FROM);
    static final KeyedText LONG_OUTLET = KeyedText.of("submission.save.compare.longOutlet", MAX_NAME);
    static final KeyedText LONG_TEXT = KeyedText.of("submission.save.compare.longText", MAX_TEXT);
    static final KeyedText BAD_KIND_OF_SPAN = KeyedText.of("submission.save.compare.badKindOfSpan");
    static final KeyedText NO_WORDS = KeyedText.of("submission.save.compare.noWords");
    static final KeyedText LONG_SPAN = KeyedText.of("submission.save.compare.longSpan", MarkClaimsModel.MAX_SPAN);
    static final KeyedText OUTSIDE = KeyedText.of("submission.save.compare.outside");
    static final KeyedText MOVED = KeyedText.of("submission.save.compare.moved");
    static final KeyedText BAD_CARRIED = KeyedText.of("submission.save.compare.badCarried");
    static final KeyedText BAD_ADDRESS = KeyedText.of("submission.save.compare.badAddress");
    static final KeyedText LONG_NOTE = KeyedText.of("submission.save.compare.longNote", MAX_NOTE);

    private CompareWorkModel() {}

    /** One article's grid as stored: every field optional (not answered yet), texts trimmed. */
    public record Grid(
            @Nullable String framing,
            @Nullable Integer namedSources,
            @Nullable Integer anonymousSources,
            @Nullable String reporting,
            List<String> relayedFrom,
            @Nullable String includes,
            @Nullable String outletKind) {
        public Grid {
            relayedFrom = List.copyOf(relayedFrom);
        }
    }

    /** A grid as the student sent it; checked by {@link #check(Grid)}. */
    public static SourceWorkModel.Checked<Grid> check(Grid sent) {
        String framing = code(sent.framing());
        if (framing != null && !FRAMINGS.contains(framing)) {
            return new SourceWorkModel.Checked.Refused<>(BAD_FRAMING);
        }
        for (Integer count : new Integer[] {sent.namedSources(), sent.anonymousSources()}) {
            if (count != null && (count < 0 || count > MAX_COUNT)) {
                return new SourceWorkModel.Checked.Refused<>(BAD_COUNT);
            }
        }
        String reporting = code(sent.reporting());
        if (reporting != null && !REPORTING.contains(reporting)) {
            return new SourceWorkModel.Checked.Refused<>(BAD_REPORTING);
        }
        List<String> outlets = new ArrayList<>();
        for (String outlet : sent.relayedFrom()) {
            String name = blankToNull(outlet);
            if (name == null || outlets.contains(name)) {
                continue;
            }
            if (name.length() > MAX_NAME) {
                return new SourceWorkModel.Checked.Refused<>(LONG_OUTLET);
            }
            outlets.add(name);
        }
        if (outlets.size() > MAX_RELAYED_FROM) {
            return new SourceWorkModel.Checked.Refused<>(TOO_MANY_OUTLETS);
        }
        String includes = blankToNull(sent.includes());
        String outletKind = blankToNull(sent.outletKind());
        if ((includes != null && includes.length() > MAX_TEXT)
                || (outletKind != null && outletKind.length() > MAX_TEXT)) {
            return new SourceWorkModel.Checked.Refused<>(LONG_TEXT);
        }
        // Outlets matter only for an article that relays; a student who switches to "original"
        // keeps nothing they cannot see any more.
        if ("original".equals(reporting)) {
            outlets = List.of();
        }
        return new SourceWorkModel.Checked.Ok<>(new Grid(
                framing, sent.namedSources(), sent.anonymousSources(), reporting, outlets, includes, outletKind));
    }

    /** A picked hedge or loaded word: its kind, and its span checked and re-anchored as a mark's. */
    public static SourceWorkModel.Checked<AnchoredSpan> checkSpan(
            String text,
            @Nullable String kind,
            int start,
            int end,
            @Nullable String exact,
            String prefix,
            String suffix) {
        if (kind == null || !SPAN_KINDS.contains(kind)) {
            return new SourceWorkModel.Checked.Refused<>(BAD_KIND_OF_SPAN);
        }
        return checkWording(text, start, end, exact, prefix, suffix);
    }

    /** Words of the article (a picked span, or a matrix cell's wording), checked and re-anchored as a mark's. */
    public static SourceWorkModel.Checked<AnchoredSpan> checkWording(
            String text, int start, int end, @Nullable String exact, String prefix, String suffix) {
        String words = exact == null ? "" : exact;
        if (words.isEmpty()) {
            return new SourceWorkModel.Checked.Refused<>(NO_WORDS);
        }
        if (end - start > MarkClaimsModel.MAX_SPAN || words.length() > MarkClaimsModel.MAX_SPAN) {
            return new SourceWorkModel.Checked.Refused<>(LONG_SPAN);
        }
        if (start < 0 || end > text.length() || start >= end) {
            // Offsets outside the text come from a tampered or broken request, not a stale page.
            return new SourceWorkModel.Checked.Refused<>(OUTSIDE);
        }
        if (text.substring(start, end).equals(words)) {
            return new SourceWorkModel.Checked.Ok<>(AnchoredSpan.of(text, start, end));
        }
        // A stale page: the quote wins and is found again near where it was (DD004).
        int at = MarkClaimsModel.reanchor(text, words, prefix, suffix, start);
        if (at < 0) {
            return new SourceWorkModel.Checked.Refused<>(MOVED);
        }
        return new SourceWorkModel.Checked.Ok<>(AnchoredSpan.of(text, at, at + words.length()));
    }

    /** How an article carries a core claim: one of four, or not answered (null). */
    public static SourceWorkModel.Checked<@Nullable String> checkCell(@Nullable String carried) {
        String how = code(carried);
        if (how != null && !CARRIED.contains(how)) {
            return new SourceWorkModel.Checked.Refused<>(BAD_CARRIED);
        }
        return new SourceWorkModel.Checked.Ok<>(how);
    }

    /** A lateral-reading note: a web address (kept as text) and one or two sentences. */
    public record Note(@Nullable String address, @Nullable String note) {}

    public static SourceWorkModel.Checked<Note> check(Note sent) {
        String address = blankToNull(sent.address());
        if (address != null && !webAddress(address)) {
            return new SourceWorkModel.Checked.Refused<>(BAD_ADDRESS);
        }
        if (address != null) {
            // "Https://" from a phone keyboard is the same address; stored as browsers write it.
            int colon = address.indexOf(':');
            address = address.substring(0, colon).toLowerCase(Locale.ROOT) + address.substring(colon);
        }
        String note = blankToNull(sent.note());
        if (note != null && note.length() > MAX_NOTE) {
            return new SourceWorkModel.Checked.Refused<>(LONG_NOTE);
        }
        return new SourceWorkModel.Checked.Ok<>(new Note(address, note));
    }

    /** The closing judgement: free text, at most {@value #MAX_TEXT} characters. */
    public static SourceWorkModel.Checked<@Nullable String> checkJudgement(@Nullable String text) {
        String judgement = blankToNull(text);
        if (judgement != null && judgement.length() > MAX_TEXT) {
            return new SourceWorkModel.Checked.Refused<>(LONG_TEXT);
        }
        return new SourceWorkModel.Checked.Ok<>(judgement);
    }

    /**
     * Whether the text is an http or https address with a host: anything else (javascript:,
     * data:, a bare word) is refused, because the teacher's page shows it and a school's IT expects
     * no active content from students.
     */
    static boolean webAddress(String address) {
        if (address.length() > MAX_ADDRESS || address.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        try {
            URI uri = new URI(address);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && !uri.getHost().isBlank();
        } catch (URISyntaxException notAnAddress) {
            return false;
        }
    }

    private static @Nullable String code(@Nullable String value) {
        String v = blankToNull(value);
        return v == null ? null : v.toLowerCase(Locale.ROOT);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        String text = value == null ? null : PlainText.storable(value);
        return text == null || text.isBlank() ? null : text.strip();
    }
}
