package org.lateral.submission;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.lateral.base.AnchoredSpan;
import org.lateral.base.highlighter.LinkState;
import org.lateral.base.highlighter.MentionState;
import org.lateral.base.highlighter.SourceState;
import org.lateral.base.i18n.KeyedText;
import org.lateral.base.text.PlainText;
import org.lateral.library.SourceKind;

/**
 * The rules for one item of "Who says so?" work (DD013, "Source work"), with no database and no UI,
 * so they are tested on their own: what a student source, a source mention and a claim link must
 * hold, and the limits one attempt keeps. A mention's span is checked against the canonical text
 * exactly as a mark's is ({@link MarkClaimsModel}): inside the text, at most {@link #MAX_SPAN}
 * characters, and when the offsets and the quote disagree the quote wins and is re-anchored (DD004).
 * Anything else is refused with a sentence a student understands.
 */
public final class SourceWorkModel {

    public static final int MAX_SOURCES_PER_ATTEMPT = 50;
    public static final int MAX_MENTIONS_PER_SOURCE = 20;
    public static final int MAX_LINKS_PER_ATTEMPT = 200;
    public static final int MAX_SPAN = MarkClaimsModel.MAX_SPAN;
    public static final int MAX_NAME = 300;
    public static final int MAX_CLAIM_REF = 64;
    /**
     * Rows one attempt may hold, tombstones included, as for marks: a deleted item keeps its row so
     * that a replayed older save cannot bring it back, and these bound what a flood of
     * create-and-delete saves can store.
     */
    public static final int MAX_STORED_SOURCES_PER_ATTEMPT = 3 * MAX_SOURCES_PER_ATTEMPT;

    public static final int MAX_STORED_MENTIONS_PER_ATTEMPT = 3 * MAX_SOURCES_PER_ATTEMPT * MAX_MENTIONS_PER_SOURCE;
    public static final int MAX_STORED_LINKS_PER_ATTEMPT = 3 * MAX_LINKS_PER_ATTEMPT;

    public static final String FIRST_HAND = "first-hand";
    public static final String RELAYED = "relayed";

    static final KeyedText UNREADABLE_SOURCE = KeyedText.of("submission.save.source.unreadable");
    static final KeyedText UNREADABLE_MENTION = KeyedText.of("submission.save.source.mentionUnreadable");
    static final KeyedText UNREADABLE_LINK = KeyedText.of("submission.save.source.linkUnreadable");
    static final KeyedText NO_NAME = KeyedText.of("submission.save.source.noName");
    static final KeyedText LONG_NAME = KeyedText.of("submission.save.source.longName", MAX_NAME);
    static final KeyedText LONG_OUTLET = KeyedText.of("submission.save.source.longOutlet", MAX_NAME);
    static final KeyedText BAD_KIND = KeyedText.of("submission.save.source.badKind");
    static final KeyedText BAD_ORIGIN = KeyedText.of("submission.save.source.badOrigin");
    static final KeyedText NO_WORDS = KeyedText.of("submission.save.source.noWords");
    static final KeyedText LONG_SPAN = KeyedText.of("submission.save.source.longSpan", MAX_SPAN);
    static final KeyedText OUTSIDE = KeyedText.of("submission.save.source.outside");
    static final KeyedText MOVED = KeyedText.of("submission.save.source.moved");
    static final KeyedText UNKNOWN_CLAIM = KeyedText.of("submission.save.source.unknownClaim");
    static final KeyedText NO_SOURCE = KeyedText.of("submission.save.source.noSource");
    static final KeyedText TOO_MANY_SOURCES =
            KeyedText.of("submission.save.source.tooManySources", MAX_SOURCES_PER_ATTEMPT);
    static final KeyedText TOO_MANY_STORED_SOURCES =
            KeyedText.of("submission.save.source.tooManyStoredSources", MAX_STORED_SOURCES_PER_ATTEMPT);
    static final KeyedText TOO_MANY_MENTIONS =
            KeyedText.of("submission.save.source.tooManyMentions", MAX_MENTIONS_PER_SOURCE);
    static final KeyedText TOO_MANY_STORED_MENTIONS =
            KeyedText.of("submission.save.source.tooManyStoredMentions", MAX_STORED_MENTIONS_PER_ATTEMPT);
    static final KeyedText TOO_MANY_LINKS = KeyedText.of("submission.save.source.tooManyLinks", MAX_LINKS_PER_ATTEMPT);
    static final KeyedText TOO_MANY_STORED_LINKS =
            KeyedText.of("submission.save.source.tooManyStoredLinks", MAX_STORED_LINKS_PER_ATTEMPT);

    private static final Pattern CLAIM_REF = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_CLAIM_REF + "}");

    private SourceWorkModel() {}

    /** The outcome of a check: the value to store, or why it is refused. */
    public sealed interface Checked<T> {
        record Ok<T>(T value) implements Checked<T> {}

        record Refused<T>(KeyedText message) implements Checked<T> {}
    }

    /** A source as it is stored: the name trimmed, the outlet only when relayed. */
    public record CheckedSource(
            String name,
            @Nullable String kind,
            @Nullable String origin,
            @Nullable String relayedFrom) {}

    /** The id and seq every save needs, deletes included; null when readable. */
    static @Nullable KeyedText unreadable(SourceState s) {
        return s.sourceId() == null || s.seq() < 1 ? UNREADABLE_SOURCE : null;
    }

    static @Nullable KeyedText unreadable(MentionState m) {
        return m.mentionId() == null || m.seq() < 1 || m.sourceId() == null ? UNREADABLE_MENTION : null;
    }

    static @Nullable KeyedText unreadable(LinkState l) {
        return l.linkId() == null
                        || l.seq() < 1
                        || l.claimRef() == null
                        || !CLAIM_REF.matcher(l.claimRef()).matches()
                ? UNREADABLE_LINK
                : null;
    }

    /**
     * A source that is not deleted: a name of 1 to {@value #MAX_NAME} characters, a known kind and
     * origin or none yet. The outlet is kept only for a relayed source (a student who switches to
     * first-hand does not lose the change for an outlet left in the form).
     */
    public static Checked<CheckedSource> check(SourceState s) {
        String name = s.name() == null ? "" : PlainText.storable(s.name()).strip();
        if (name.isEmpty()) {
            return new Checked.Refused<>(NO_NAME);
        }
        if (name.length() > MAX_NAME) {
            return new Checked.Refused<>(LONG_NAME);
        }
        String kind = blankToNull(s.kind());
        if (kind != null) {
            kind = kind.toLowerCase(Locale.ROOT);
            if (SourceKind.fromCode(kind).isEmpty()) {
                return new Checked.Refused<>(BAD_KIND);
            }
        }
        String origin = blankToNull(s.origin());
        if (origin != null) {
            origin = origin.toLowerCase(Locale.ROOT);
            if (!origin.equals(FIRST_HAND) && !origin.equals(RELAYED)) {
                return new Checked.Refused<>(BAD_ORIGIN);
            }
        }
        String relayedFrom = RELAYED.equals(origin) ? blankToNull(s.relayedFrom()) : null;
        if (relayedFrom != null && relayedFrom.length() > MAX_NAME) {
            return new Checked.Refused<>(LONG_OUTLET);
        }
        return new Checked.Ok<>(new CheckedSource(name, kind, origin, relayedFrom));
    }

    /** A mention's span against the canonical text, checked and re-anchored as a mark's is. */
    public static Checked<AnchoredSpan> check(String text, MentionState m) {
        String exact = m.exact() == null ? "" : m.exact();
        if (exact.isEmpty()) {
            return new Checked.Refused<>(NO_WORDS);
        }
        if (m.end() - m.start() > MAX_SPAN || exact.length() > MAX_SPAN) {
            return new Checked.Refused<>(LONG_SPAN);
        }
        if (m.start() < 0 || m.end() > text.length() || m.start() >= m.end()) {
            // Offsets outside the text come from a tampered or broken request, not a stale page.
            return new Checked.Refused<>(OUTSIDE);
        }
        if (text.substring(m.start(), m.end()).equals(exact)) {
            return new Checked.Ok<>(AnchoredSpan.of(text, m.start(), m.end()));
        }
        int at = MarkClaimsModel.reanchor(
                text, exact, m.prefix() == null ? "" : m.prefix(), m.suffix() == null ? "" : m.suffix(), m.start());
        if (at < 0) {
            return new Checked.Refused<>(MOVED);
        }
        return new Checked.Ok<>(AnchoredSpan.of(text, at, at + exact.length()));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        String text = value == null ? null : PlainText.storable(value);
        return text == null || text.isBlank() ? null : text.strip();
    }
}
