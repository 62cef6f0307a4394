package org.lateral.submission.scoring;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.lateral.library.SourceKind;
import org.lateral.library.text.QuoteMatcher;
import org.lateral.submission.scoring.Scoring.Span;

/**
 * The scoring rules of the "Who says so?" exercise (identify-sources), version
 * {@value #RULES_VERSION}. Pure, like {@link Scoring}, whose tokens and Jaccard index it reuses.
 *
 * <p><b>Matching sources.</b> A student source and a key source are a candidate pair
 * <ul>
 *   <li>by <em>mention</em> when one of the student's mentions and one of the key's attribution
 *       spans have a token Jaccard index of at least the assignment's threshold (the claims rule;
 *       the best pair of spans counts), and/or</li>
 *   <li>by <em>name</em> when the student's name for the source, normalised by
 *       {@link #normaliseName}, equals the key's normalised name or one of its aliases.</li>
 * </ul>
 * Matching is one-to-one and greedy, in this order: pairs matched by mention and name first, then
 * by mention only, then by name only ({@link MatchedBy}); within a tier by Jaccard descending,
 * then by the key source's position in the key, then by student source id.
 *
 * <p><b>Classifying.</b> For a matched source the kind is right when it is one of the key's
 * accepted kinds (its {@code kind} and {@code also_accepted_kinds}). The origin is right when a
 * primary key source is called first-hand, or when a secondary (relayed) key source is called
 * relayed from an outlet whose normalised name equals the normalised name or an alias of the
 * key's {@code relayed_from} outlet. A kind or origin the student did not give is wrong.
 *
 * <p><b>Links.</b> A link is a pair (key claim, source), or (key claim, no source). The key's
 * pairs: for every key claim in scope, one pair per source the key links to it, or one "no source"
 * pair when it links none. The student's pairs: each student claim reference is mapped to a key
 * claim ({@link ClaimMapping}), each linked student source stands for the key source it matched
 * (an unmatched source stands for itself and so can never be right), and "no source given" is the
 * "no source" pair. The key claims in scope are those the mapping reaches: all of them when the
 * student links the key's own claims, the ones the student found in step 1 in a lesson (so a claim
 * missed there is not penalised twice). Pairs are sets: the same pair given twice counts once. A
 * reference that maps to no key claim, or to one the key's links do not list, is reported as
 * {@link LinkVerdict#NOT_SCORED} and counts nowhere (like extra claim marks). Link precision =
 * right ÷ student pairs, link recall = right ÷ key pairs, F1 = 2 × right ÷ (student pairs + key
 * pairs).
 *
 * <p><b>Score</b> = 100 × ({@value #RECALL_WEIGHT} × recall of key sources + {@value #KIND_WEIGHT}
 * × kind accuracy over matched sources + {@value #ORIGIN_WEIGHT} × origin accuracy over matched
 * sources + {@value #LINKS_WEIGHT} × link F1), rounded to one decimal. Student sources that match
 * no key source are shown, not penalised (a link to one is a wrong link, though).
 *
 * <p><b>Edge cases.</b>
 * <ul>
 *   <li>Key sources exist but none is matched: recall 0, and kind and origin accuracy are 0
 *       (nothing found, nothing credited; as {@link Scoring} treats type accuracy).</li>
 *   <li>The key has no sources: recall, kind and origin measure nothing and are left out; the
 *       score is 100 × link F1 (saying "no source given" where the key agrees is the exercise).</li>
 *   <li>No link in scope on either side (no key claim in scope, and no scored student link): the
 *       links measure nothing and are left out; the other three weights are scaled up to sum to 1.</li>
 *   <li>Nothing measurable at all (no key sources and no links in scope): the score is 0, like
 *       {@link Scoring} with an empty key.</li>
 * </ul>
 * A figure that is left out is reported as 0 with its {@code …Scored} flag false.
 */
public final class SourceScoring {

    public static final String RULES_VERSION = "1";
    public static final double RECALL_WEIGHT = 0.40;
    public static final double KIND_WEIGHT = 0.20;
    public static final double ORIGIN_WEIGHT = 0.15;
    public static final double LINKS_WEIGHT = 0.25;

    private SourceScoring() {}

    /** How the outlet reached a source (DD000, "Primary and secondary sources"). */
    public enum Origin {
        /** First-hand: the outlet's reporter spoke to the source, read the document or report. */
        PRIMARY,
        /** Relayed: it reached the outlet through another outlet. */
        SECONDARY
    }

    /** An outlet as the key names it, and the other names it accepts for it (the cited outlet's aliases). */
    public record Outlet(String name, List<String> aliases) {
        public Outlet {
            aliases = List.copyOf(aliases);
        }
    }

    /**
     * A key source.
     *
     * @param acceptedKinds the key's kind and its {@code also_accepted_kinds}
     * @param relayedFrom the outlet it was relayed through: set exactly when the origin is secondary
     * @param attributions where the text points at this source
     */
    public record KeySource(
            String id,
            String name,
            List<String> aliases,
            Set<SourceKind> acceptedKinds,
            Origin origin,
            @Nullable Outlet relayedFrom,
            List<Span> attributions) {
        public KeySource {
            aliases = List.copyOf(aliases);
            acceptedKinds = Set.copyOf(acceptedKinds);
            attributions = List.copyOf(attributions);
            if ((origin == Origin.SECONDARY) != (relayedFrom != null)) {
                throw new IllegalArgumentException("Key source " + id
                        + ": a secondary source names the outlet it was relayed from, a primary one none");
            }
        }
    }

    /** Which sources the key links to a key claim; none means the key finds the claim unsourced. */
    public record KeyLink(String claimId, Set<String> sourceIds) {
        public KeyLink {
            sourceIds = Set.copyOf(sourceIds);
        }
    }

    /** The key of one article: its sources and the links of every one of its claims. */
    public record Key(List<KeySource> sources, List<KeyLink> links) {
        public Key {
            sources = List.copyOf(sources);
            links = List.copyOf(links);
        }
    }

    /**
     * A source as the student gave it.
     *
     * @param name the name as the student wrote it
     * @param kind null when the student gave none
     * @param origin null when the student gave none
     * @param relayedFrom the outlet the student says it was relayed from; kept only for a secondary origin
     * @param mentions where the student pointed at it in the text (may be empty)
     */
    public record StudentSource(
            String id,
            String name,
            @Nullable SourceKind kind,
            @Nullable Origin origin,
            @Nullable String relayedFrom,
            List<Span> mentions) {
        public StudentSource {
            mentions = List.copyOf(mentions);
            if (origin != Origin.SECONDARY) {
                relayedFrom = null;
            }
        }
    }

    /**
     * The student's link of one claim: the student sources that say so, or none for "no source given".
     *
     * @param claimRef the student's own claim mark in a lesson, the key claim's id when alone
     */
    public record StudentLink(String claimRef, Set<String> sourceIds) {
        public StudentLink {
            sourceIds = Set.copyOf(sourceIds);
        }
    }

    /** Which key claim each of the student's claim references stands for; its values are the claims in scope. */
    public record ClaimMapping(Map<String, String> keyClaimOf) {
        public ClaimMapping {
            keyClaimOf = Map.copyOf(keyClaimOf);
        }

        /** The student links the key's own claims: every key claim is in scope, under its own id. */
        public static ClaimMapping identity(Collection<String> keyClaimIds) {
            Map<String, String> same = new HashMap<>();
            keyClaimIds.forEach(id -> same.put(id, id));
            return new ClaimMapping(same);
        }

        /** In a lesson: the student's claim marks, as claims scoring matched them to key claims. */
        public static ClaimMapping fromClaims(Scoring.Result claims) {
            Map<String, String> byMark = new HashMap<>();
            claims.matches().forEach(m -> byMark.put(m.markId(), m.claimId()));
            return new ClaimMapping(byMark);
        }
    }

    /** The student's sources, their links, and what their claim references stand for. */
    public record Answer(List<StudentSource> sources, List<StudentLink> links, ClaimMapping claims) {
        public Answer {
            sources = List.copyOf(sources);
            links = List.copyOf(links);
        }
    }

    /** How a student source matched a key source; also the order in which pairs are taken. */
    public enum MatchedBy {
        MENTION_AND_NAME,
        MENTION,
        NAME
    }

    public enum OriginVerdict {
        RIGHT,
        /** The student gave no origin. */
        NOT_GIVEN,
        /** The student said first-hand; the key says relayed. */
        FIRST_HAND_BUT_RELAYED,
        /** The student said relayed; the key says first-hand. */
        RELAYED_BUT_FIRST_HAND,
        /** Relayed, as the key says, but from another outlet (or none named). */
        WRONG_OUTLET
    }

    /**
     * @param jaccard the best Jaccard of a mention with an attribution span; 0 for a match by name only
     */
    public record SourceMatch(
            String keySourceId,
            String studentSourceId,
            MatchedBy matchedBy,
            double jaccard,
            boolean kindAccepted,
            OriginVerdict origin) {

        public boolean originRight() {
            return origin == OriginVerdict.RIGHT;
        }
    }

    public enum LinkVerdict {
        /** The student's pair is the key's: the right source, or "no source given" where the key has none. */
        RIGHT,
        /** The key links this claim, but not to this source. */
        WRONG_SOURCE,
        /** The key finds the claim unsourced; the student linked a source anyway. */
        LINKED_BUT_KEY_UNSOURCED,
        /** The student said "no source given"; the key links a source. */
        UNSOURCED_BUT_KEY_LINKS,
        /** A key pair the student did not give (a source, or "no source given"). */
        MISSED,
        /** The student's claim maps to no claim of the key's links: shown, counted nowhere. */
        NOT_SCORED
    }

    /**
     * One pair, the student's or the key's. Every student pair gets one of RIGHT, WRONG_SOURCE,
     * LINKED_BUT_KEY_UNSOURCED, UNSOURCED_BUT_KEY_LINKS or NOT_SCORED; every key pair the student
     * did not give is MISSED. Null sources mean "no source".
     *
     * @param keyClaimId null only for NOT_SCORED
     * @param claimRef the student's claim reference; for MISSED the one that maps to the claim, if any
     * @param studentSourceId for MISSED, the student source that matched the missed key source, if any
     * @param keySourceId the key source of the pair (for a student pair: the one its source matched)
     */
    public record LinkOutcome(
            @Nullable String keyClaimId,
            @Nullable String claimRef,
            @Nullable String studentSourceId,
            @Nullable String keySourceId,
            LinkVerdict verdict) {}

    /**
     * The outcome for one attempt.
     *
     * @param score 0–100, rounded to one decimal
     * @param sourcesScored false when the key has no sources (recall, kind and origin left out)
     * @param linksScored false when no link is in scope on either side (links left out)
     * @param matches in key source order
     * @param missedSources key source ids, in key order
     * @param extraSources student source ids that matched nothing, in the student's order
     * @param links by key claim in key order (the student's pairs, then the missed ones), then the
     *     not scored ones in the student's order
     */
    public record Result(
            double score,
            double sourceRecall,
            double kindAccuracy,
            double originAccuracy,
            double linkPrecision,
            double linkRecall,
            double linkF1,
            boolean sourcesScored,
            boolean linksScored,
            List<SourceMatch> matches,
            List<String> missedSources,
            List<String> extraSources,
            List<LinkOutcome> links) {

        public Result {
            matches = List.copyOf(matches);
            missedSources = List.copyOf(missedSources);
            extraSources = List.copyOf(extraSources);
            links = List.copyOf(links);
        }

        public List<SourceMatch> wrongKind() {
            return matches.stream().filter(m -> !m.kindAccepted()).toList();
        }

        public List<SourceMatch> wrongOrigin() {
            return matches.stream().filter(m -> !m.originRight()).toList();
        }

        public List<LinkOutcome> links(LinkVerdict verdict) {
            return links.stream().filter(l -> l.verdict() == verdict).toList();
        }
    }

    /**
     * Scores a student's sources and links against a key over one canonical text, given as its
     * token spans ({@code Tokens.words}).
     *
     * @throws IllegalArgumentException for a threshold outside (0, 1], duplicate ids, or a link
     *     to a source that does not exist
     */
    public static Result score(int[] tokens, Key key, Answer answer, double threshold) {
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("The match threshold must be in (0, 1], got " + threshold);
        }
        Map<String, KeySource> keySources = byId(key.sources(), KeySource::id, "key source");
        Map<String, StudentSource> studentSources = byId(answer.sources(), StudentSource::id, "student source");
        Map<String, KeyLink> keyLinks = byId(key.links(), KeyLink::claimId, "key claim");
        for (KeyLink link : key.links()) {
            for (String id : link.sourceIds()) {
                if (!keySources.containsKey(id)) {
                    throw new IllegalArgumentException(
                            "Key claim " + link.claimId() + " links an unknown source " + id);
                }
            }
        }
        for (StudentLink link : answer.links()) {
            for (String id : link.sourceIds()) {
                if (!studentSources.containsKey(id)) {
                    throw new IllegalArgumentException("Claim " + link.claimRef() + " links an unknown source " + id);
                }
            }
        }

        List<SourceMatch> matches = matchSources(tokens, key.sources(), answer.sources(), threshold);
        Map<String, SourceMatch> matchOfKey = new HashMap<>();
        Map<String, String> keyOfStudent = new HashMap<>();
        for (SourceMatch m : matches) {
            matchOfKey.put(m.keySourceId(), m);
            keyOfStudent.put(m.studentSourceId(), m.keySourceId());
        }
        List<SourceMatch> ordered = key.sources().stream()
                .filter(k -> matchOfKey.containsKey(k.id()))
                .map(k -> matchOfKey.get(k.id()))
                .toList();
        List<String> missed = key.sources().stream()
                .map(KeySource::id)
                .filter(id -> !matchOfKey.containsKey(id))
                .toList();
        List<String> extras = answer.sources().stream()
                .map(StudentSource::id)
                .filter(id -> !keyOfStudent.containsKey(id))
                .toList();

        boolean sourcesScored = !key.sources().isEmpty();
        double recall = sourcesScored ? (double) matches.size() / key.sources().size() : 0;
        double kindAccuracy = share(ordered, SourceMatch::kindAccepted);
        double originAccuracy = share(ordered, SourceMatch::originRight);

        Links links = link(key, keyLinks, answer, keyOfStudent);
        boolean linksScored = links.studentPairs + links.keyPairs > 0;
        double precision = links.studentPairs == 0 ? 0 : (double) links.right / links.studentPairs;
        double linkRecall = links.keyPairs == 0 ? 0 : (double) links.right / links.keyPairs;
        double f1 = linksScored ? 2.0 * links.right / (links.studentPairs + links.keyPairs) : 0;

        double weights =
                (sourcesScored ? RECALL_WEIGHT + KIND_WEIGHT + ORIGIN_WEIGHT : 0) + (linksScored ? LINKS_WEIGHT : 0);
        double weighted = (sourcesScored
                        ? RECALL_WEIGHT * recall + KIND_WEIGHT * kindAccuracy + ORIGIN_WEIGHT * originAccuracy
                        : 0)
                + (linksScored ? LINKS_WEIGHT * f1 : 0);
        double score = weights == 0 ? 0 : Math.round(1000 * weighted / weights) / 10.0;
        return new Result(
                score,
                recall,
                kindAccuracy,
                originAccuracy,
                precision,
                linkRecall,
                f1,
                sourcesScored,
                linksScored,
                ordered,
                missed,
                extras,
                links.outcomes);
    }

    /**
     * A source's name for comparison: Unicode NFC, curly quotes folded to straight ones (as
     * {@link QuoteMatcher#fold}), lower case, runs of spaces collapsed, punctuation at either end
     * dropped, and a leading "the" dropped ("“The Daily Mail.”" and "daily  mail" are equal).
     */
    public static String normaliseName(String name) {
        String folded = QuoteMatcher.fold(Normalizer.normalize(name, Normalizer.Form.NFC))
                .toLowerCase(Locale.ROOT);
        String trimmed = trimEnds(SPACES.matcher(folded).replaceAll(" "));
        if (trimmed.startsWith("the ")) {
            trimmed = trimEnds(trimmed.substring(4));
        }
        return trimmed;
    }

    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** Drops everything but letters and digits from both ends. */
    private static String trimEnds(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && !Character.isLetterOrDigit(s.codePointAt(from))) {
            from += Character.charCount(s.codePointAt(from));
        }
        while (to > from && !Character.isLetterOrDigit(s.codePointBefore(to))) {
            to -= Character.charCount(s.codePointBefore(to));
        }
        return s.substring(from, to);
    }

    private static List<SourceMatch> matchSources(
            int[] tokens, List<KeySource> keySources, List<StudentSource> studentSources, double threshold) {
        record Candidate(int keyIndex, KeySource key, StudentSource student, MatchedBy by, double jaccard) {}
        List<List<int[]>> attributions = keySources.stream()
                .map(k -> k.attributions().stream()
                        .map(a -> Scoring.covered(tokens, a.start(), a.end()))
                        .toList())
                .toList();
        List<List<int[]>> mentions = studentSources.stream()
                .map(s -> s.mentions().stream()
                        .map(m -> Scoring.covered(tokens, m.start(), m.end()))
                        .toList())
                .toList();
        List<Set<String>> keyNames = keySources.stream()
                .map(k -> {
                    Set<String> names = new HashSet<>();
                    names.add(normaliseName(k.name()));
                    k.aliases().forEach(a -> names.add(normaliseName(a)));
                    names.remove("");
                    return names;
                })
                .toList();
        List<Candidate> candidates = new ArrayList<>();
        for (int k = 0; k < keySources.size(); k++) {
            for (int s = 0; s < studentSources.size(); s++) {
                double best = 0;
                for (int[] attribution : attributions.get(k)) {
                    for (int[] mention : mentions.get(s)) {
                        best = Math.max(best, Scoring.jaccard(attribution, mention));
                    }
                }
                boolean byMention = best >= threshold;
                boolean byName = keyNames.get(k)
                        .contains(normaliseName(studentSources.get(s).name()));
                MatchedBy by = byMention && byName
                        ? MatchedBy.MENTION_AND_NAME
                        : byMention ? MatchedBy.MENTION : byName ? MatchedBy.NAME : null;
                if (by != null) {
                    candidates.add(
                            new Candidate(k, keySources.get(k), studentSources.get(s), by, byMention ? best : 0));
                }
            }
        }
        candidates.sort(Comparator.comparing(Candidate::by)
                .thenComparing(Comparator.comparingDouble(Candidate::jaccard).reversed())
                .thenComparingInt(Candidate::keyIndex)
                .thenComparing(c -> c.student().id()));
        Set<String> usedKey = new HashSet<>();
        Set<String> usedStudent = new HashSet<>();
        List<SourceMatch> matches = new ArrayList<>();
        for (Candidate c : candidates) {
            if (usedKey.contains(c.key().id())
                    || usedStudent.contains(c.student().id())) {
                continue;
            }
            usedKey.add(c.key().id());
            usedStudent.add(c.student().id());
            StudentSource student = c.student();
            boolean kindAccepted =
                    student.kind() != null && c.key().acceptedKinds().contains(student.kind());
            matches.add(new SourceMatch(
                    c.key().id(), student.id(), c.by(), c.jaccard(), kindAccepted, origin(c.key(), student)));
        }
        return matches;
    }

    private static OriginVerdict origin(KeySource key, StudentSource student) {
        if (student.origin() == null) {
            return OriginVerdict.NOT_GIVEN;
        }
        if (key.origin() == Origin.PRIMARY) {
            return student.origin() == Origin.PRIMARY ? OriginVerdict.RIGHT : OriginVerdict.RELAYED_BUT_FIRST_HAND;
        }
        if (student.origin() == Origin.PRIMARY) {
            return OriginVerdict.FIRST_HAND_BUT_RELAYED;
        }
        Outlet outlet = key.relayedFrom();
        String given = student.relayedFrom() == null ? "" : normaliseName(student.relayedFrom());
        boolean same = !given.isEmpty()
                && outlet != null
                && (given.equals(normaliseName(outlet.name()))
                        || outlet.aliases().stream().anyMatch(a -> given.equals(normaliseName(a))));
        return same ? OriginVerdict.RIGHT : OriginVerdict.WRONG_OUTLET;
    }

    private record Links(int right, int studentPairs, int keyPairs, List<LinkOutcome> outcomes) {}

    /** What a student pair points at: a key source, an unmatched student source, or nothing ("no source"). */
    private record Target(
            @Nullable String keySourceId, @Nullable String extraStudentSourceId) {
        static final Target NONE = new Target(null, null);
    }

    private record Pair(String keyClaimId, Target target) {}

    private static Links link(Key key, Map<String, KeyLink> keyLinks, Answer answer, Map<String, String> keyOfStudent) {
        Map<String, Integer> studentOrder = new HashMap<>();
        for (int i = 0; i < answer.sources().size(); i++) {
            studentOrder.put(answer.sources().get(i).id(), i);
        }
        Map<String, Integer> keySourceOrder = new HashMap<>();
        Map<String, String> studentOfKey = new HashMap<>();
        for (int i = 0; i < key.sources().size(); i++) {
            keySourceOrder.put(key.sources().get(i).id(), i);
        }
        keyOfStudent.forEach((student, keySource) -> studentOfKey.put(keySource, student));
        // The claims in scope, and the (first, by id) student reference that stands for each.
        Map<String, String> refOfClaim = new TreeMap<>();
        new TreeMap<>(answer.claims().keyClaimOf()).forEach((ref, claim) -> refOfClaim.putIfAbsent(claim, ref));

        Map<String, List<LinkOutcome>> byClaim = new HashMap<>();
        List<LinkOutcome> notScored = new ArrayList<>();
        Set<Pair> given = new HashSet<>();
        int right = 0;
        for (StudentLink link : answer.links()) {
            String claim = answer.claims().keyClaimOf().get(link.claimRef());
            KeyLink keyLink = claim == null ? null : keyLinks.get(claim);
            List<String> sourceIds = link.sourceIds().stream()
                    .sorted(Comparator.comparing(studentOrder::get))
                    .toList();
            if (keyLink == null) {
                if (sourceIds.isEmpty()) {
                    notScored.add(new LinkOutcome(null, link.claimRef(), null, null, LinkVerdict.NOT_SCORED));
                }
                for (String s : sourceIds) {
                    notScored.add(
                            new LinkOutcome(null, link.claimRef(), s, keyOfStudent.get(s), LinkVerdict.NOT_SCORED));
                }
                continue;
            }
            List<LinkOutcome> outcomes = byClaim.computeIfAbsent(claim, c -> new ArrayList<>());
            if (sourceIds.isEmpty()) {
                if (given.add(new Pair(claim, Target.NONE))) {
                    LinkVerdict verdict =
                            keyLink.sourceIds().isEmpty() ? LinkVerdict.RIGHT : LinkVerdict.UNSOURCED_BUT_KEY_LINKS;
                    right += verdict == LinkVerdict.RIGHT ? 1 : 0;
                    outcomes.add(new LinkOutcome(claim, link.claimRef(), null, null, verdict));
                }
                continue;
            }
            for (String s : sourceIds) {
                String keySource = keyOfStudent.get(s);
                Target target = keySource == null ? new Target(null, s) : new Target(keySource, null);
                if (!given.add(new Pair(claim, target))) {
                    continue;
                }
                LinkVerdict verdict = keyLink.sourceIds().isEmpty()
                        ? LinkVerdict.LINKED_BUT_KEY_UNSOURCED
                        : keySource != null && keyLink.sourceIds().contains(keySource)
                                ? LinkVerdict.RIGHT
                                : LinkVerdict.WRONG_SOURCE;
                right += verdict == LinkVerdict.RIGHT ? 1 : 0;
                outcomes.add(new LinkOutcome(claim, link.claimRef(), s, keySource, verdict));
            }
        }
        int studentPairs = given.size();

        int keyPairs = 0;
        List<LinkOutcome> all = new ArrayList<>();
        for (KeyLink keyLink : key.links()) {
            String claim = keyLink.claimId();
            List<LinkOutcome> outcomes = new ArrayList<>(byClaim.getOrDefault(claim, List.of()));
            if (refOfClaim.containsKey(claim)) {
                String ref = refOfClaim.get(claim);
                if (keyLink.sourceIds().isEmpty()) {
                    keyPairs++;
                    if (!given.contains(new Pair(claim, Target.NONE))) {
                        outcomes.add(new LinkOutcome(claim, ref, null, null, LinkVerdict.MISSED));
                    }
                }
                List<String> sources = keyLink.sourceIds().stream()
                        .sorted(Comparator.comparing(keySourceOrder::get))
                        .toList();
                for (String s : sources) {
                    keyPairs++;
                    if (!given.contains(new Pair(claim, new Target(s, null)))) {
                        outcomes.add(new LinkOutcome(claim, ref, studentOfKey.get(s), s, LinkVerdict.MISSED));
                    }
                }
            }
            all.addAll(outcomes);
        }
        all.addAll(notScored);
        return new Links(right, studentPairs, keyPairs, all);
    }

    private static double share(List<SourceMatch> matches, Predicate<SourceMatch> right) {
        return matches.isEmpty() ? 0 : (double) matches.stream().filter(right).count() / matches.size();
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id, String what) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T item : items) {
            if (map.put(id.apply(item), item) != null) {
                throw new IllegalArgumentException("Two " + what + "s have the id " + id.apply(item));
            }
        }
        return map;
    }
}
