package org.lateral.submission;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.lateral.base.i18n.KeyedText;
import org.lateral.library.LibraryPins;
import org.lateral.library.SourceKind;
import org.lateral.submission.scoring.SourceScoring;
import org.lateral.submission.scoring.SourceScoring.Answer;
import org.lateral.submission.scoring.SourceScoring.Key;
import org.lateral.submission.scoring.SourceScoring.KeySource;
import org.lateral.submission.scoring.SourceScoring.LinkOutcome;
import org.lateral.submission.scoring.SourceScoring.LinkVerdict;
import org.lateral.submission.scoring.SourceScoring.Origin;
import org.lateral.submission.scoring.SourceScoring.OriginVerdict;
import org.lateral.submission.scoring.SourceScoring.Result;
import org.lateral.submission.scoring.SourceScoring.SourceMatch;
import org.lateral.submission.scoring.SourceScoring.StudentSource;

/**
 * The full feedback on one attempt of the "Who says so?" step, once the key may be shown (DD006,
 * DD013): which of the key's sources the student found and missed, the kinds and origins to look
 * at again with the reason each one matters, the key's relay chains beside the student's, the
 * claims whose links differ from the key's, and the score's parts. Built by {@link #of}, a pure
 * function of the scoring's input and result; while a revision is possible the student gets
 * {@link SourceHints} instead, which holds nothing of the key. Its sentences are keys and their
 * arguments ({@link KeyedText}), worded in the student's language by the page that shows them
 * (DD034).
 *
 * @param outlet the outlet that published the article, where every chain ends
 * @param found the matched sources, in key order
 * @param missed the key sources nobody matched, in key order
 * @param kindsWrong the matched sources whose kind the key does not accept, in key order
 * @param originsWrong the matched sources whose origin is not the key's, in key order
 * @param keyChains how every key source reached the outlet, merged where chains share their end
 * @param yourChains per matched source, the key's chain beside the one the student's answer draws
 * @param claimLinks the claims whose links differ from the key's on "who backs it, or nobody"
 * @param extras the student's sources that matched none of the key's: shown, not penalised
 */
public record SourceReview(
        String outlet,
        List<FoundSource> found,
        List<MissedSource> missed,
        List<KindIssue> kindsWrong,
        List<OriginIssue> originsWrong,
        List<Chain> keyChains,
        List<ChainPair> yourChains,
        List<ClaimLinkIssue> claimLinks,
        List<ExtraSource> extras,
        Components score) {

    public SourceReview {
        found = List.copyOf(found);
        missed = List.copyOf(missed);
        kindsWrong = List.copyOf(kindsWrong);
        originsWrong = List.copyOf(originsWrong);
        keyChains = List.copyOf(keyChains);
        yourChains = List.copyOf(yourChains);
        claimLinks = List.copyOf(claimLinks);
        extras = List.copyOf(extras);
    }

    /**
     * A key source the student found.
     *
     * @param yourKind null when the student gave none
     * @param origin how the student's origin compares with the key's
     * @param keyOrigin the key's origin in words: "first-hand" or "relayed from" and the outlet
     * @param yourOrigin the student's, in the same words; empty when they gave none
     */
    public record FoundSource(
            String keySourceId,
            String keyName,
            String yourName,
            SourceKind keyKind,
            @Nullable SourceKind yourKind,
            boolean kindRight,
            OriginVerdict origin,
            String keyOrigin,
            String yourOrigin) {

        public boolean originRight() {
            return origin == OriginVerdict.RIGHT;
        }
    }

    /**
     * A key source the student did not find.
     *
     * @param relayedFrom the outlet it came through; null for a first-hand source
     * @param origin where the outlet got it, in words ("The Frisky read its report itself.")
     */
    public record MissedSource(
            String keySourceId,
            String name,
            SourceKind kind,
            Origin keyOrigin,
            @Nullable String relayedFrom,
            KeyedText origin) {}

    /**
     * A found source given a kind the key does not accept.
     *
     * @param yourKind null when the student gave none
     * @param accepted every kind the key accepts, in the taxonomy's order
     * @param whyItMatters what the difference changes for a reader, per pair of kinds
     * @param kindWhy the key's own note on this source's kind, when it has one
     */
    public record KindIssue(
            String keySourceId,
            String keyName,
            String yourName,
            @Nullable SourceKind yourKind,
            SourceKind keyKind,
            List<SourceKind> accepted,
            KeyedText whyItMatters,
            @Nullable String kindWhy) {
        public KindIssue {
            accepted = List.copyOf(accepted);
        }
    }

    /**
     * A found source given an origin the key does not.
     *
     * @param yourOutlet the outlet the student says it was relayed through, if any
     * @param keyOutlet the outlet the key says it was relayed through; null for a first-hand source
     * @param explained what the key says and why it differs, in a sentence or two
     */
    public record OriginIssue(
            String keySourceId,
            String keyName,
            String yourName,
            OriginVerdict verdict,
            @Nullable String yourOutlet,
            @Nullable String keyOutlet,
            KeyedText explained) {}

    /** One box of a chain. */
    public enum Role {
        /** Who said it, or the document or report it is in. */
        SOURCE,
        /** An outlet in between that passed it on. */
        RELAY,
        /** The outlet that published the article. */
        OUTLET,
        /** A step the student's answer leaves open: no origin, or relayed through an unnamed outlet. */
        GAP
    }

    /**
     * A box of a chain.
     *
     * @param name who or which outlet the box is; empty for a gap
     * @param keySourceId the key source this box is, when it is one (a relay outlet can be one too)
     * @param gap what the student left open, for a {@link Role#GAP} box
     */
    public record ChainNode(
            String name,
            Role role,
            @Nullable String keySourceId,
            @Nullable KeyedText gap) {

        ChainNode(String name, Role role, @Nullable String keySourceId) {
            this(name, role, keySourceId, null);
        }

        static ChainNode gap(KeyedText what) {
            return new ChainNode("", Role.GAP, null, what);
        }

        /** The box's words: the name, or what was left open in the reader's language. */
        public String label(Function<KeyedText, String> words) {
            return gap == null ? name : words.apply(gap);
        }
    }

    /**
     * How what a source says reached the article: {@code heads → via[0] → … → outlet}. Several
     * heads share one path ("a source, an official → The Daily Mail → The Frisky").
     *
     * @param via the outlets in between, then the article's outlet, last
     */
    public record Chain(List<ChainNode> heads, List<ChainNode> via) {
        public Chain {
            heads = List.copyOf(heads);
            via = List.copyOf(via);
            if (heads.isEmpty() || via.isEmpty()) {
                throw new IllegalArgumentException("A chain has at least one head and ends at the outlet");
            }
        }

        /** "Abu Khaled (a pseudonym) → The Daily Mail → The Frisky"; several heads joined by "and". */
        public String text(Function<KeyedText, String> words) {
            Object joined = and(heads.stream().map(n -> n.label(words)).toList());
            return (joined instanceof KeyedText t ? words.apply(t) : joined)
                    + via.stream().map(n -> ARROW + n.label(words)).collect(Collectors.joining());
        }

        /** The chain in English, for exports and logs. */
        public String text() {
            return text(KeyedText::english);
        }
    }

    public static final String ARROW = " \u2192 ";

    /**
     * One matched source's chain as the key draws it and as the student's answer draws it.
     *
     * @param same the student's origin is the key's
     */
    public record ChainPair(String keySourceId, Chain key, Chain yours, boolean same) {}

    /** In the order a student should read them: what they said that the key contradicts, first. */
    public enum LinkIssueKind {
        /** The key links a source; the student said "no source given". */
        YOU_SAID_NO_SOURCE,
        /** The key finds the claim unsourced; the student linked a source to it. */
        YOU_LINKED_AN_UNSOURCED_CLAIM,
        /** The key links a source the student did not link (they linked none, or another one). */
        YOU_MISSED_A_SOURCE,
        /** The key finds the claim unsourced; the student did not say so. */
        YOU_LEFT_AN_UNSOURCED_CLAIM_OPEN
    }

    /**
     * A claim whose links differ from the key's on who backs it.
     *
     * @param claimLabel a short label for the claim: its words as the caller gives them, else its id
     * @param keySources the names of the sources the key links, in key order; empty: nobody backs it
     * @param yourSources the names of the sources the student linked; empty when they linked none
     * @param explained what the key says, in a sentence
     */
    public record ClaimLinkIssue(
            String keyClaimId,
            KeyedText claimLabel,
            LinkIssueKind kind,
            List<String> keySources,
            List<String> yourSources,
            KeyedText explained) {
        public ClaimLinkIssue {
            keySources = List.copyOf(keySources);
            yourSources = List.copyOf(yourSources);
        }
    }

    /** A source of the student's that matched no key source. */
    public record ExtraSource(
            String name,
            @Nullable SourceKind kind,
            @Nullable Origin origin,
            @Nullable String relayedFrom) {}

    /**
     * The parts of the score (SourceScoring rules version 1).
     *
     * @param sourcesScored false when the key has no sources (recall, kind and origin left out)
     * @param linksScored false when no link was in scope (links left out)
     */
    public record Components(
            double score,
            double sourceRecall,
            double kindAccuracy,
            double originAccuracy,
            double linkPrecision,
            double linkRecall,
            double linkF1,
            boolean sourcesScored,
            boolean linksScored) {

        static Components of(Result r) {
            return new Components(
                    r.score(),
                    r.sourceRecall(),
                    r.kindAccuracy(),
                    r.originAccuracy(),
                    r.linkPrecision(),
                    r.linkRecall(),
                    r.linkF1(),
                    r.sourcesScored(),
                    r.linksScored());
        }
    }

    /**
     * The feedback on one attempt.
     *
     * @param key the key the attempt was scored against
     * @param answer the student's answer as it was scored
     * @param result what {@link SourceScoring#score} made of them
     * @param cited the article's outlet and the key's sources as feedback explains them (kind,
     *     kind_why); a key source missing there falls back to the scoring key's name and first kind
     * @param claimLabels a claim's words, shortened to a line, per student claim reference or key
     *     claim id; a claim without them is called by its key claim id ("Claim c06")
     */
    public static SourceReview of(
            Key key, Answer answer, Result result, LibraryPins.KeySources cited, Map<String, String> claimLabels) {
        String outlet = cited.outlet();
        Map<String, KeySource> keySources = new LinkedHashMap<>();
        key.sources().forEach(s -> keySources.put(s.id(), s));
        Map<String, StudentSource> studentSources = new HashMap<>();
        answer.sources().forEach(s -> studentSources.put(s.id(), s));

        List<FoundSource> found = new ArrayList<>();
        List<KindIssue> kinds = new ArrayList<>();
        List<OriginIssue> origins = new ArrayList<>();
        List<ChainPair> pairs = new ArrayList<>();
        for (SourceMatch m : result.matches()) {
            KeySource k = keySources.get(m.keySourceId());
            StudentSource s = studentSources.get(m.studentSourceId());
            SourceKind keyKind = kind(k, cited);
            found.add(new FoundSource(
                    k.id(),
                    k.name(),
                    s.name(),
                    keyKind,
                    s.kind(),
                    m.kindAccepted(),
                    m.origin(),
                    originWords(
                            k.origin(),
                            k.relayedFrom() == null ? null : k.relayedFrom().name()),
                    s.origin() == null ? "" : originWords(s.origin(), s.relayedFrom())));
            if (!m.kindAccepted()) {
                kinds.add(new KindIssue(
                        k.id(),
                        k.name(),
                        s.name(),
                        s.kind(),
                        keyKind,
                        k.acceptedKinds().stream().sorted().toList(),
                        kindReason(s.kind(), keyKind),
                        kindWhy(k, cited)));
            }
            if (!m.originRight()) {
                origins.add(new OriginIssue(
                        k.id(),
                        k.name(),
                        s.name(),
                        m.origin(),
                        s.relayedFrom(),
                        k.relayedFrom() == null ? null : k.relayedFrom().name(),
                        originExplained(m.origin(), k, keyKind, s, outlet)));
            }
            pairs.add(new ChainPair(k.id(), keyChain(k, outlet), studentChain(s, outlet), m.originRight()));
        }
        List<MissedSource> missed = result.missedSources().stream()
                .map(keySources::get)
                .map(k -> new MissedSource(
                        k.id(),
                        k.name(),
                        kind(k, cited),
                        k.origin(),
                        k.relayedFrom() == null ? null : k.relayedFrom().name(),
                        firstHandOrRelayed(k, kind(k, cited), outlet)))
                .toList();
        List<ExtraSource> extras = result.extraSources().stream()
                .map(studentSources::get)
                .map(s -> new ExtraSource(s.name(), s.kind(), s.origin(), s.relayedFrom()))
                .toList();
        return new SourceReview(
                outlet,
                found,
                missed,
                kinds,
                origins,
                keyChains(key, outlet),
                pairs,
                claimLinks(result, keySources, studentSources, claimLabels),
                extras,
                Components.of(result));
    }

    /**
     * What taking a source of kind {@code key} for one of kind {@code yours} changes for a reader,
     * in words a 14-year-old follows. Fixed per pair of kinds: the pairs that matter most get their
     * own sentence, the rest say what the key's kind is.
     */
    public static KeyedText kindReason(@Nullable SourceKind yours, SourceKind key) {
        if (yours == null) {
            return KeyedText.of("submission.explain.kind.none", description(key));
        }
        if (yours == key) {
            return KeyedText.of("submission.explain.kind.accepted");
        }
        KeyedText specific = switch (key) {
            case PSEUDONYMOUS ->
                switch (yours) {
                    case NAMED_PERSON -> KeyedText.of("submission.explain.kind.pseudonymousNotNamed");
                    case ANONYMOUS -> KeyedText.of("submission.explain.kind.pseudonymousNotAnonymous");
                    default -> null;
                };
            case ANONYMOUS ->
                switch (yours) {
                    case NAMED_PERSON -> KeyedText.of("submission.explain.kind.anonymousNotNamed");
                    case PSEUDONYMOUS -> KeyedText.of("submission.explain.kind.anonymousNotPseudonymous");
                    case MEDIA_OUTLET -> KeyedText.of("submission.explain.kind.anonymousNotOutlet");
                    default -> null;
                };
            case NAMED_PERSON ->
                switch (yours) {
                    case ANONYMOUS, PSEUDONYMOUS -> KeyedText.of("submission.explain.kind.namedNotUnnamed");
                    case MEDIA_OUTLET -> KeyedText.of("submission.explain.kind.namedNotOutlet");
                    default -> null;
                };
            case MEDIA_OUTLET ->
                switch (yours) {
                    case NAMED_PERSON, ANONYMOUS, PSEUDONYMOUS ->
                        KeyedText.of("submission.explain.kind.outletNotPerson");
                    case DOCUMENT -> KeyedText.of("submission.explain.kind.outletNotDocument");
                    default -> null;
                };
            case DOCUMENT ->
                switch (yours) {
                    case NAMED_PERSON, ANONYMOUS, PSEUDONYMOUS, OFFICIAL_BODY, EXPERT_OR_ORGANISATION ->
                        KeyedText.of("submission.explain.kind.documentNotSpeaker");
                    default -> null;
                };
            case OFFICIAL_BODY ->
                switch (yours) {
                    case EXPERT_OR_ORGANISATION -> KeyedText.of("submission.explain.kind.officialNotExpert");
                    case DOCUMENT -> KeyedText.of("submission.explain.kind.officialNotDocument");
                    default -> null;
                };
            case EXPERT_OR_ORGANISATION ->
                switch (yours) {
                    case OFFICIAL_BODY -> KeyedText.of("submission.explain.kind.expertNotOfficial");
                    case NAMED_PERSON -> KeyedText.of("submission.explain.kind.expertNotNamed");
                    default -> null;
                };
        };
        return specific != null
                ? specific
                : KeyedText.of("submission.explain.kind.otherwise", description(key), description(yours));
    }

    /** A kind in general words, for a sentence ("someone given a made-up name"). */
    public static KeyedText description(SourceKind kind) {
        return switch (kind) {
            case NAMED_PERSON -> KeyedText.of("submission.explain.kindIs.namedPerson");
            case ANONYMOUS -> KeyedText.of("submission.explain.kindIs.anonymous");
            case PSEUDONYMOUS -> KeyedText.of("submission.explain.kindIs.pseudonymous");
            case OFFICIAL_BODY -> KeyedText.of("submission.explain.kindIs.officialBody");
            case EXPERT_OR_ORGANISATION -> KeyedText.of("submission.explain.kindIs.expertOrOrganisation");
            case MEDIA_OUTLET -> KeyedText.of("submission.explain.kindIs.mediaOutlet");
            case DOCUMENT -> KeyedText.of("submission.explain.kindIs.document");
        };
    }

    private static SourceKind kind(KeySource k, LibraryPins.KeySources cited) {
        LibraryPins.KeySource explained = cited.sources().get(k.id());
        return explained != null
                ? explained.kind()
                : k.acceptedKinds().stream().sorted().findFirst().orElseThrow();
    }

    private static @Nullable String kindWhy(KeySource k, LibraryPins.KeySources cited) {
        LibraryPins.KeySource explained = cited.sources().get(k.id());
        return explained == null ? null : explained.kindWhy();
    }

    /** Where the outlet got what the source says, as a sentence. */
    static KeyedText firstHandOrRelayed(KeySource k, SourceKind kind, String outlet) {
        if (k.origin() == Origin.SECONDARY && k.relayedFrom() != null) {
            return KeyedText.of(
                    "submission.explain.origin.relayed", outlet, k.relayedFrom().name());
        }
        return switch (kind) {
            // Reading another outlet's report is first-hand too: the outlet saw it itself.
            case MEDIA_OUTLET -> KeyedText.of("submission.explain.origin.readReport", outlet);
            case DOCUMENT -> KeyedText.of("submission.explain.origin.readDocument", outlet);
            default -> KeyedText.of("submission.explain.origin.direct", outlet);
        };
    }

    private static KeyedText originExplained(
            OriginVerdict verdict, KeySource k, SourceKind kind, StudentSource s, String outlet) {
        String relay = k.relayedFrom() == null ? "" : k.relayedFrom().name();
        return switch (verdict) {
            case RIGHT -> firstHandOrRelayed(k, kind, outlet);
            case NOT_GIVEN ->
                KeyedText.of("submission.explain.origin.notGiven", outlet, firstHandOrRelayed(k, kind, outlet));
            case FIRST_HAND_BUT_RELAYED -> KeyedText.of("submission.explain.origin.notFirstHand", outlet, relay);
            case RELAYED_BUT_FIRST_HAND ->
                s.relayedFrom() == null
                        ? KeyedText.of("submission.explain.origin.notRelayed", firstHandOrRelayed(k, kind, outlet))
                        : KeyedText.of(
                                "submission.explain.origin.notRelayedThrough",
                                s.relayedFrom(),
                                firstHandOrRelayed(k, kind, outlet));
            case WRONG_OUTLET ->
                s.relayedFrom() == null || s.relayedFrom().isBlank()
                        ? KeyedText.of("submission.explain.origin.unnamedOutlet", relay)
                        : KeyedText.of("submission.explain.origin.otherOutlet", relay, s.relayedFrom());
        };
    }

    /** One key source's own chain: source → relay → outlet, or source → outlet. */
    static Chain keyChain(KeySource k, String outlet) {
        List<ChainNode> via = new ArrayList<>();
        if (k.relayedFrom() != null) {
            via.add(new ChainNode(k.relayedFrom().name(), Role.RELAY, null));
        }
        via.add(new ChainNode(outlet, Role.OUTLET, null));
        return new Chain(List.of(new ChainNode(k.name(), Role.SOURCE, k.id())), via);
    }

    /** The chain the student's answer draws for one of their sources; a step they left open is a gap. */
    static Chain studentChain(StudentSource s, String outlet) {
        List<ChainNode> via = new ArrayList<>();
        if (s.origin() == null) {
            via.add(ChainNode.gap(KeyedText.of("submission.explain.chain.noOrigin")));
        } else if (s.origin() == Origin.SECONDARY) {
            via.add(
                    s.relayedFrom() == null || s.relayedFrom().isBlank()
                            ? ChainNode.gap(KeyedText.of("submission.explain.chain.noOutlet"))
                            : new ChainNode(s.relayedFrom(), Role.RELAY, null));
        }
        via.add(new ChainNode(outlet, Role.OUTLET, null));
        return new Chain(List.of(new ChainNode(s.name(), Role.SOURCE, null)), via);
    }

    /**
     * The key's chains, merged so each path is drawn once. Secondary sources relayed through the
     * same outlet share one chain; a first-hand key source that is that outlet (by name or alias)
     * is its middle box rather than a chain of its own, since "source → The Daily Mail → The
     * Frisky" already says The Frisky read The Daily Mail. The remaining first-hand sources share
     * one chain "A and B → outlet". Chains come in the key order of their first source.
     */
    static List<Chain> keyChains(Key key, String outlet) {
        record Path(String relayName, Set<String> names, List<ChainNode> heads) {}
        Map<String, Path> relayed = new LinkedHashMap<>();
        for (KeySource k : key.sources()) {
            if (k.relayedFrom() == null) {
                continue;
            }
            String relayKey = SourceScoring.normaliseName(k.relayedFrom().name());
            Path path = relayed.computeIfAbsent(relayKey, n -> {
                Set<String> names = new LinkedHashSet<>();
                names.add(relayKey);
                k.relayedFrom().aliases().forEach(a -> names.add(SourceScoring.normaliseName(a)));
                return new Path(k.relayedFrom().name(), names, new ArrayList<>());
            });
            path.heads().add(new ChainNode(k.name(), Role.SOURCE, k.id()));
        }
        Map<String, String> relayIsSource = new HashMap<>();
        List<ChainNode> firstHand = new ArrayList<>();
        for (KeySource k : key.sources()) {
            if (k.relayedFrom() != null) {
                continue;
            }
            Set<String> names = new LinkedHashSet<>();
            names.add(SourceScoring.normaliseName(k.name()));
            k.aliases().forEach(a -> names.add(SourceScoring.normaliseName(a)));
            String relay = relayed.entrySet().stream()
                    .filter(e -> !relayIsSource.containsKey(e.getKey())
                            && e.getValue().names().stream().anyMatch(names::contains))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(null);
            if (relay != null) {
                relayIsSource.put(relay, k.id());
            } else {
                firstHand.add(new ChainNode(k.name(), Role.SOURCE, k.id()));
            }
        }
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < key.sources().size(); i++) {
            order.put(key.sources().get(i).id(), i);
        }
        List<Chain> chains = new ArrayList<>();
        relayed.forEach((name, path) -> chains.add(new Chain(
                path.heads(),
                List.of(
                        new ChainNode(path.relayName(), Role.RELAY, relayIsSource.get(name)),
                        new ChainNode(outlet, Role.OUTLET, null)))));
        if (!firstHand.isEmpty()) {
            chains.add(new Chain(firstHand, List.of(new ChainNode(outlet, Role.OUTLET, null))));
        }
        chains.sort((a, b) -> Integer.compare(
                order.get(a.heads().getFirst().keySourceId()),
                order.get(b.heads().getFirst().keySourceId())));
        return chains;
    }

    /**
     * One issue per key claim whose "who backs it, or nobody" differs from the key's. Wrong
     * sources on a claim the key links show up as the key's source the student missed.
     */
    private static List<ClaimLinkIssue> claimLinks(
            Result result,
            Map<String, KeySource> keySources,
            Map<String, StudentSource> studentSources,
            Map<String, String> claimLabels) {
        Map<String, List<LinkOutcome>> byClaim = new LinkedHashMap<>();
        for (LinkOutcome l : result.links()) {
            if (l.keyClaimId() != null) {
                byClaim.computeIfAbsent(l.keyClaimId(), c -> new ArrayList<>()).add(l);
            }
        }
        List<ClaimLinkIssue> issues = new ArrayList<>();
        byClaim.forEach((claim, outcomes) -> {
            Set<LinkVerdict> verdicts =
                    outcomes.stream().map(LinkOutcome::verdict).collect(Collectors.toSet());
            if (!verdicts.contains(LinkVerdict.MISSED)
                    && !verdicts.contains(LinkVerdict.UNSOURCED_BUT_KEY_LINKS)
                    && !verdicts.contains(LinkVerdict.LINKED_BUT_KEY_UNSOURCED)) {
                return;
            }
            // The key's sources of the claim: the ones the student got right, and the ones missed.
            List<String> keyNames = keySources.values().stream()
                    .filter(k -> outcomes.stream()
                            .anyMatch(l -> k.id().equals(l.keySourceId())
                                    && (l.verdict() == LinkVerdict.RIGHT || l.verdict() == LinkVerdict.MISSED)))
                    .map(KeySource::name)
                    .toList();
            List<String> yourNames = outcomes.stream()
                    .filter(l -> l.verdict() != LinkVerdict.MISSED && l.studentSourceId() != null)
                    .map(l -> studentSources.get(l.studentSourceId()).name())
                    .toList();
            String ref = outcomes.stream()
                    .map(LinkOutcome::claimRef)
                    .filter(r -> r != null && claimLabels.containsKey(r))
                    .findFirst()
                    .orElse(null);
            String words = ref != null ? claimLabels.get(ref) : claimLabels.get(claim);
            KeyedText label = words != null
                    ? KeyedText.of("submission.explain.claim.words", words)
                    : KeyedText.of("submission.explain.claim.byId", claim);
            LinkIssueKind kind;
            KeyedText explained;
            if (keyNames.isEmpty()) {
                kind = yourNames.isEmpty()
                        ? LinkIssueKind.YOU_LEFT_AN_UNSOURCED_CLAIM_OPEN
                        : LinkIssueKind.YOU_LINKED_AN_UNSOURCED_CLAIM;
                explained = yourNames.isEmpty()
                        ? KeyedText.of("submission.explain.link.leftOpen")
                        : KeyedText.of("submission.explain.link.linkedUnsourced", and(yourNames));
            } else {
                kind = verdicts.contains(LinkVerdict.UNSOURCED_BUT_KEY_LINKS)
                        ? LinkIssueKind.YOU_SAID_NO_SOURCE
                        : LinkIssueKind.YOU_MISSED_A_SOURCE;
                explained = kind == LinkIssueKind.YOU_SAID_NO_SOURCE
                        ? KeyedText.of("submission.explain.link.saidNoSource", and(keyNames))
                        : KeyedText.of("submission.explain.link.missed", and(keyNames));
            }
            issues.add(new ClaimLinkIssue(claim, label, kind, keyNames, yourNames, explained));
        });
        return issues;
    }

    /**
     * Names joined by "and" in the reader's language ("A and B and C", as the feedback has always
     * read): the one name itself, or a text a page words.
     */
    static Object and(List<String> names) {
        Object joined = names.getFirst();
        for (String name : names.subList(1, names.size())) {
            joined = KeyedText.of("submission.explain.and", joined, name);
        }
        return joined;
    }

    /** An origin as the exports write it: "first-hand", "relayed from" an outlet, or "relayed". */
    static String originWords(Origin origin, @Nullable String relayedFrom) {
        if (origin == Origin.PRIMARY) {
            return "first-hand";
        }
        return relayedFrom == null || relayedFrom.isBlank() ? "relayed" : "relayed from " + relayedFrom;
    }
}
