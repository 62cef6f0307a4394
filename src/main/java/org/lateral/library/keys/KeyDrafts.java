package org.lateral.library.keys;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.lateral.base.AnchoredSpan;
import org.lateral.base.UserFacingException;
import org.lateral.base.i18n.KeyedText;
import org.lateral.library.ClaimType;
import org.lateral.library.SourceKind;
import org.lateral.library.pack.SeedPack;
import org.lateral.library.suggest.Suggestions;

/**
 * What the key editor does to a draft, as pure functions (DD021): every change returns a new draft,
 * the limits every saved draft keeps, what publishing still needs, and the key version a draft
 * publishes as. The service applies the limits on the server; the view only calls these.
 */
public final class KeyDrafts {

    public static final int MAX_CLAIMS = 300;
    public static final int MAX_SOURCES = 150;
    public static final int MAX_MENTIONS = 60;
    public static final int MAX_WHY = 2000;
    public static final int MAX_NAME = 300;
    public static final int MAX_ALIASES = 20;
    public static final int MAX_CUES = 20;
    public static final int MAX_CUE = 100;
    public static final int MAX_CHANGES = 2000;
    public static final int MAX_DISMISSED = 3000;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int QUOTE_SHOWN = 60;

    private KeyDrafts() {}

    // --- changes ---------------------------------------------------------------------------

    /** A new claim on the passage, with nothing decided yet but a middling check-worthiness. */
    public static KeyDraft addClaim(KeyDraft draft, int start, int end) {
        List<KeyDraft.Claim> claims = new ArrayList<>(draft.claims());
        claims.add(new KeyDraft.Claim(
                nextId("c", draft.claims().stream().map(KeyDraft.Claim::id).toList()),
                start,
                end,
                Set.of(),
                2,
                "",
                List.of(),
                List.of()));
        return withClaims(draft, claims);
    }

    public static KeyDraft updateClaim(KeyDraft draft, String claimId, UnaryOperator<KeyDraft.Claim> change) {
        return withClaims(
                draft,
                draft.claims().stream()
                        .map(c -> c.id().equals(claimId) ? change.apply(c) : c)
                        .toList());
    }

    public static KeyDraft removeClaim(KeyDraft draft, String claimId) {
        return withClaims(
                draft,
                draft.claims().stream().filter(c -> !c.id().equals(claimId)).toList());
    }

    /** A new source named by the passage, which becomes its first mention. */
    public static KeyDraft addSource(KeyDraft draft, String name, SourceKind kind, int start, int end) {
        List<KeyDraft.Source> sources = new ArrayList<>(draft.sources());
        sources.add(new KeyDraft.Source(
                nextId("s", draft.sources().stream().map(KeyDraft.Source::id).toList()),
                clip(name.strip(), MAX_NAME),
                List.of(),
                kind,
                List.of(),
                null,
                true,
                null,
                List.of(new KeyDraft.Span(start, end))));
        return new KeyDraft(draft.claims(), sources, draft.dismissed(), draft.changes());
    }

    public static KeyDraft updateSource(KeyDraft draft, String sourceId, UnaryOperator<KeyDraft.Source> change) {
        return new KeyDraft(
                draft.claims(),
                draft.sources().stream()
                        .map(s -> s.id().equals(sourceId) ? change.apply(s) : s)
                        .toList(),
                draft.dismissed(),
                draft.changes());
    }

    /** Removes a source and every link to it. */
    public static KeyDraft removeSource(KeyDraft draft, String sourceId) {
        List<KeyDraft.Claim> claims = draft.claims().stream()
                .map(c -> c.sourceIds().contains(sourceId)
                        ? c.withSourceIds(c.sourceIds().stream()
                                .filter(id -> !id.equals(sourceId))
                                .toList())
                        : c)
                .toList();
        return new KeyDraft(
                claims,
                draft.sources().stream().filter(s -> !s.id().equals(sourceId)).toList(),
                draft.dismissed(),
                draft.changes());
    }

    /**
     * One more place the text names the source. A place that starts where one of its places starts
     * replaces it ("Ana" then "Ana Pereira"): a key version keeps one place per source and start.
     */
    public static KeyDraft addMention(KeyDraft draft, String sourceId, int start, int end) {
        KeyDraft.Span span = new KeyDraft.Span(start, end);
        return updateSource(draft, sourceId, s -> withMentions(s, sorted(s, span)));
    }

    public static KeyDraft removeMention(KeyDraft draft, String sourceId, KeyDraft.Span span) {
        return updateSource(
                draft,
                sourceId,
                s -> withMentions(
                        s, s.mentions().stream().filter(m -> !m.equals(span)).toList()));
    }

    /** Whether the claim is backed by the source; links to unknown sources are ignored. */
    public static KeyDraft link(KeyDraft draft, String claimId, Set<String> sourceIds) {
        List<String> known = draft.sources().stream()
                .map(KeyDraft.Source::id)
                .filter(sourceIds::contains)
                .toList();
        return updateClaim(draft, claimId, c -> c.withSourceIds(known));
    }

    public static KeyDraft withChanges(KeyDraft draft, String changes) {
        return new KeyDraft(draft.claims(), draft.sources(), draft.dismissed(), changes);
    }

    // --- suggestions -----------------------------------------------------------------------

    /** The identity of a suggestion, kept in {@link KeyDraft#dismissed} when it is turned down. */
    public static String suggestionKey(Suggestions.ProposedClaim claim) {
        return "claim:" + claim.start() + ":" + claim.end();
    }

    public static String suggestionKey(Suggestions.ProposedSource source) {
        return "source:" + source.name().strip().toLowerCase(Locale.ROOT);
    }

    /** Whether a proposed claim is still open: not turned down and not already a claim of the draft. */
    public static boolean open(KeyDraft draft, Suggestions.ProposedClaim claim) {
        return !draft.dismissed().contains(suggestionKey(claim))
                && draft.claims().stream().noneMatch(c -> c.start() == claim.start() && c.end() == claim.end());
    }

    /** Whether a proposed source is still open: not turned down, and no source of the draft has its name. */
    public static boolean open(KeyDraft draft, Suggestions.ProposedSource source) {
        String name = source.name().strip().toLowerCase(Locale.ROOT);
        return !draft.dismissed().contains(suggestionKey(source))
                && draft.sources().stream()
                        .noneMatch(s ->
                                s.name().strip().toLowerCase(Locale.ROOT).equals(name)
                                        || s.aliases().stream()
                                                .anyMatch(a -> a.strip()
                                                        .toLowerCase(Locale.ROOT)
                                                        .equals(name)));
    }

    /**
     * The proposed claim as a claim of the draft: its types, worthiness and cue as proposed, and the
     * rule's explanation as a first "why" the teacher is expected to rewrite for students.
     */
    public static KeyDraft accept(KeyDraft draft, Suggestions.ProposedClaim claim) {
        if (!open(draft, claim)) {
            return draft;
        }
        boolean cued = claim.types().contains(ClaimType.HEDGED) || claim.types().contains(ClaimType.SPECULATION);
        List<KeyDraft.Claim> claims = new ArrayList<>(draft.claims());
        claims.add(new KeyDraft.Claim(
                nextId("c", draft.claims().stream().map(KeyDraft.Claim::id).toList()),
                claim.start(),
                claim.end(),
                claim.types(),
                Math.clamp(claim.worthiness(), 1, 3),
                clip(claim.why(), MAX_WHY),
                cued && !claim.cue().isBlank() ? List.of(clip(claim.cue(), MAX_CUE)) : List.of(),
                List.of()));
        return withClaims(draft, claims);
    }

    /** The proposed source as a primary source of the draft, with every mention the rules found. */
    public static KeyDraft accept(KeyDraft draft, Suggestions.ProposedSource source) {
        if (!open(draft, source)) {
            return draft;
        }
        List<KeyDraft.Source> sources = new ArrayList<>(draft.sources());
        sources.add(new KeyDraft.Source(
                nextId("s", draft.sources().stream().map(KeyDraft.Source::id).toList()),
                clip(source.name().strip(), MAX_NAME),
                List.of(),
                source.kind(),
                List.of(),
                null,
                true,
                null,
                source.mentions().stream()
                        .limit(MAX_MENTIONS)
                        .map(m -> new KeyDraft.Span(m.start(), m.end()))
                        .distinct()
                        .sorted(Comparator.comparingInt(KeyDraft.Span::start))
                        .toList()));
        return new KeyDraft(draft.claims(), sources, draft.dismissed(), draft.changes());
    }

    public static KeyDraft dismiss(KeyDraft draft, String suggestionKey) {
        if (draft.dismissed().contains(suggestionKey)) {
            return draft;
        }
        List<String> dismissed = new ArrayList<>(draft.dismissed());
        dismissed.add(suggestionKey);
        return new KeyDraft(draft.claims(), draft.sources(), dismissed, draft.changes());
    }

    // --- limits and publishing -------------------------------------------------------------

    /**
     * Refuses, with a sentence, a draft that breaks a limit or does not fit the text: what the
     * server checks before every save, whatever the browser sent.
     */
    public static void checkLimits(KeyDraft draft, String text) {
        if (draft.claims().size() > MAX_CLAIMS) {
            throw UserFacingException.of("library.key.refusal.tooManyClaims", MAX_CLAIMS);
        }
        if (draft.sources().size() > MAX_SOURCES) {
            throw UserFacingException.of("library.key.refusal.tooManySources", MAX_SOURCES);
        }
        if (draft.dismissed().size() > MAX_DISMISSED) {
            throw UserFacingException.of("library.key.refusal.tooManyDismissed");
        }
        if (draft.changes().length() > MAX_CHANGES) {
            throw UserFacingException.of("library.key.refusal.changesTooLong", MAX_CHANGES);
        }
        Set<String> sourceIds = new HashSet<>();
        for (KeyDraft.Source s : draft.sources()) {
            if (!ID.matcher(s.id()).matches() || !sourceIds.add(s.id())) {
                throw UserFacingException.of("library.key.refusal.badSourceId");
            }
            if (s.name().isBlank() || s.name().length() > MAX_NAME) {
                throw UserFacingException.of("library.key.refusal.sourceName", MAX_NAME);
            }
            if (s.aliases().size() > MAX_ALIASES
                    || s.aliases().stream().anyMatch(a -> a.isBlank() || a.length() > MAX_NAME)) {
                throw UserFacingException.of("library.key.refusal.aliases", MAX_ALIASES, MAX_NAME);
            }
            if (s.relayedFrom() != null && s.relayedFrom().length() > MAX_NAME) {
                throw UserFacingException.of("library.key.refusal.relayedTooLong", MAX_NAME);
            }
            if (s.kindWhy() != null && s.kindWhy().length() > MAX_WHY) {
                throw UserFacingException.of("library.key.refusal.sourceNoteTooLong", MAX_WHY);
            }
            if (s.mentions().size() > MAX_MENTIONS) {
                throw UserFacingException.of("library.key.refusal.tooManyMentions", MAX_MENTIONS);
            }
            if (!s.alsoAcceptedKinds().isEmpty()
                    && (s.kindWhy() == null || s.kindWhy().isBlank())) {
                throw UserFacingException.of("library.key.refusal.kindWhyMissing", s.name());
            }
            s.mentions().forEach(m -> checkSpan(m.start(), m.end(), text));
            if (s.mentions().stream().map(KeyDraft.Span::start).distinct().count()
                    < s.mentions().size()) {
                throw UserFacingException.of("library.key.refusal.mentionTwice", s.name());
            }
        }
        Set<String> claimIds = new HashSet<>();
        for (KeyDraft.Claim c : draft.claims()) {
            if (!ID.matcher(c.id()).matches() || !claimIds.add(c.id())) {
                throw UserFacingException.of("library.key.refusal.badClaimId");
            }
            checkSpan(c.start(), c.end(), text);
            if (c.worthiness() < 1 || c.worthiness() > 3) {
                throw UserFacingException.of("library.key.refusal.worthiness");
            }
            if (c.why().length() > MAX_WHY) {
                throw UserFacingException.of("library.key.refusal.whyTooLong", MAX_WHY);
            }
            if (c.cues().size() > MAX_CUES || c.cues().stream().anyMatch(q -> q.isBlank() || q.length() > MAX_CUE)) {
                throw UserFacingException.of("library.key.refusal.cues", MAX_CUES, MAX_CUE);
            }
            if (!sourceIds.containsAll(c.sourceIds())
                    || Set.copyOf(c.sourceIds()).size() < c.sourceIds().size()) {
                throw UserFacingException.of("library.key.refusal.unknownSource");
            }
        }
    }

    private static void checkSpan(int start, int end, String text) {
        if (start < 0 || end > text.length() || start >= end) {
            throw UserFacingException.of("library.key.refusal.passageOutside");
        }
        if (Character.isLowSurrogate(text.charAt(start))
                || (end < text.length() && Character.isLowSurrogate(text.charAt(end)))) {
            throw UserFacingException.of("library.key.refusal.passageSplits");
        }
    }

    /**
     * What publishing still needs, one sentence per gap, in the order of the text; empty when the
     * draft can be published. A published key is what students' work is scored against, so every
     * claim must say what it is and why, and every source where the text names it.
     */
    public static List<KeyedText> publishProblems(KeyDraft draft, String text) {
        List<KeyedText> problems = new ArrayList<>();
        if (draft.claims().isEmpty()) {
            problems.add(KeyedText.of("library.key.problem.noClaims"));
        }
        for (KeyDraft.Claim c : inTextOrder(draft.claims())) {
            String quote = quote(text, c.start(), c.end());
            if (c.types().isEmpty()) {
                problems.add(KeyedText.of("library.key.problem.claimType", quote));
            }
            if (c.why().isBlank()) {
                problems.add(KeyedText.of("library.key.problem.claimWhy", quote));
            }
        }
        for (KeyDraft.Source s : draft.sources()) {
            if (s.mentions().isEmpty()) {
                problems.add(KeyedText.of("library.key.problem.sourceUnmarked", s.name()));
            }
            if (!s.primary() && (s.relayedFrom() == null || s.relayedFrom().isBlank())) {
                problems.add(KeyedText.of("library.key.problem.sourceRelayed", s.name()));
            }
        }
        return problems;
    }

    /** The draft as the key version it publishes (claims in the order of the text). */
    public static SeedPack.Key toKey(KeyDraft draft, UUID keyId, String text) {
        List<SeedPack.Claim> claims = inTextOrder(draft.claims()).stream()
                .map(c -> new SeedPack.Claim(
                        c.id(),
                        AnchoredSpan.of(text, c.start(), c.end()),
                        c.types(),
                        c.worthiness(),
                        c.why().strip(),
                        c.cues(),
                        c.sourceIds()))
                .toList();
        List<SeedPack.Source> sources = draft.sources().stream()
                .map(s -> new SeedPack.Source(
                        s.id(),
                        s.name().strip(),
                        s.aliases(),
                        s.kind(),
                        s.alsoAcceptedKinds(),
                        s.alsoAcceptedKinds().isEmpty() ? null : s.kindWhy(),
                        s.primary() ? SeedPack.Origin.PRIMARY : SeedPack.Origin.SECONDARY,
                        s.primary() || s.relayedFrom() == null
                                ? null
                                : s.relayedFrom().strip(),
                        s.mentions().stream()
                                .map(m -> AnchoredSpan.of(text, m.start(), m.end()))
                                .toList()))
                .toList();
        return new SeedPack.Key(
                "", keyId, SeedPack.KeyStatus.COMPLETE, draft.changes().strip(), "", claims, sources);
    }

    // --- a new text ------------------------------------------------------------------------

    /** A draft moved to a new text, and what could not be found in it. */
    public record Moved(KeyDraft draft, List<KeyedText> lost) {}

    /**
     * Moves a draft written for {@code oldText} to {@code newText} (the article was corrected): each
     * passage goes to the place in the new text with the same words nearest to where it was; a
     * passage whose words are gone is dropped and named in {@code lost}. Dismissed suggestions are
     * forgotten, since they were identified by place.
     */
    public static Moved move(KeyDraft draft, String oldText, String newText) {
        List<KeyedText> lost = new ArrayList<>();
        List<KeyDraft.Claim> claims = new ArrayList<>();
        for (KeyDraft.Claim c : draft.claims()) {
            KeyDraft.@Nullable Span to = find(oldText, newText, c.span());
            if (to == null) {
                lost.add(KeyedText.of("library.key.lost.claim", quote(oldText, c.start(), c.end())));
            } else {
                claims.add(c.withSpan(to));
            }
        }
        List<KeyDraft.Source> sources = new ArrayList<>();
        for (KeyDraft.Source s : draft.sources()) {
            List<KeyDraft.Span> mentions = new ArrayList<>();
            for (KeyDraft.Span m : s.mentions()) {
                KeyDraft.@Nullable Span to = find(oldText, newText, m);
                if (to == null) {
                    lost.add(KeyedText.of("library.key.lost.mention", s.name(), quote(oldText, m.start(), m.end())));
                } else {
                    mentions.add(to);
                }
            }
            sources.add(withMentions(s, mentions));
        }
        return new Moved(new KeyDraft(claims, sources, List.of(), draft.changes()), lost);
    }

    private static KeyDraft.@Nullable Span find(String oldText, String newText, KeyDraft.Span span) {
        if (span.start() < 0 || span.end() > oldText.length() || span.start() >= span.end()) {
            return null;
        }
        String words = oldText.substring(span.start(), span.end());
        int best = -1;
        for (int at = newText.indexOf(words); at >= 0; at = newText.indexOf(words, at + 1)) {
            if (best < 0 || Math.abs(at - span.start()) < Math.abs(best - span.start())) {
                best = at;
            }
        }
        return best < 0 ? null : new KeyDraft.Span(best, best + words.length());
    }

    // --- helpers ---------------------------------------------------------------------------

    /** A passage in quotation marks, shortened for a message. */
    public static String quote(String text, int start, int end) {
        if (start < 0 || end > text.length() || start >= end) {
            return "\u201c\u2026\u201d";
        }
        String words = text.substring(start, end).strip().replaceAll("\\s+", " ");
        if (words.length() > QUOTE_SHOWN) {
            int cut = words.lastIndexOf(' ', QUOTE_SHOWN);
            words = words.substring(0, cut > QUOTE_SHOWN / 2 ? cut : QUOTE_SHOWN) + "\u2026";
        }
        return "\u201c" + words + "\u201d";
    }

    public static List<KeyDraft.Claim> inTextOrder(List<KeyDraft.Claim> claims) {
        return claims.stream()
                .sorted(Comparator.comparingInt(KeyDraft.Claim::start).thenComparingInt(KeyDraft.Claim::end))
                .toList();
    }

    /** The next free id with the prefix: one past the highest number in use. */
    static String nextId(String prefix, List<String> taken) {
        int highest = 0;
        for (String id : taken) {
            if (id.startsWith(prefix)) {
                try {
                    highest = Math.max(highest, Integer.parseInt(id.substring(prefix.length())));
                } catch (NumberFormatException e) {
                    // An id from a copied pack key ("k01", "s-ministry"): not numbered, not in the way.
                }
            }
        }
        return prefix + (highest + 1);
    }

    private static KeyDraft withClaims(KeyDraft draft, List<KeyDraft.Claim> claims) {
        return new KeyDraft(claims, draft.sources(), draft.dismissed(), draft.changes());
    }

    private static KeyDraft.Source withMentions(KeyDraft.Source s, List<KeyDraft.Span> mentions) {
        return new KeyDraft.Source(
                s.id(),
                s.name(),
                s.aliases(),
                s.kind(),
                s.alsoAcceptedKinds(),
                s.kindWhy(),
                s.primary(),
                s.relayedFrom(),
                mentions);
    }

    private static List<KeyDraft.Span> sorted(KeyDraft.Source s, KeyDraft.Span added) {
        List<KeyDraft.Span> mentions = new ArrayList<>(s.mentions());
        mentions.removeIf(m -> m.start() == added.start());
        mentions.add(added);
        mentions.sort(Comparator.comparingInt(KeyDraft.Span::start));
        return mentions;
    }

    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
