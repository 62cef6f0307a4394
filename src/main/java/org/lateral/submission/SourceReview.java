package org.lateral.submission;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
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
 * {@link SourceHints} instead, which holds nothing of the key.
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

    /** Why "no source given" is an answer of its own, for the claims whose links are looked at again. */
    public static final String NO_SOURCE_IS_A_FINDING = "\u201cNo source given\u201d is an answer, not a blank: a "
            + "claim told as fact with nobody behind it is one you cannot check, and noticing that is part of the "
            + "work. A claim someone backs should name who.";

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
            String origin) {}

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
            String whyItMatters,
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
            String explained) {}

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
     * @param keySourceId the key source this box is, when it is one (a relay outlet can be one too)
     */
    public record ChainNode(
            String label, Role role, @Nullable String keySourceId) {}

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

        /** "Abu Khaled (a pseudonym) → The Daily Mail → The Frisky"; several heads joined by " and ". */
        public String text() {
            return heads.stream().map(ChainNode::label).collect(Collectors.joining(" and "))
                    + via.stream().map(n -> ARROW + n.label()).collect(Collectors.joining());
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
     * @param claimLabel a short label for the claim, as the caller gives it
     * @param keySources the names of the sources the key links, in key order; empty: nobody backs it
     * @param yourSources the names of the sources the student linked; empty when they linked none
     * @param explained what the key says, in a sentence
     */
    public record ClaimLinkIssue(
            String keyClaimId,
            String claimLabel,
            LinkIssueKind kind,
            List<String> keySources,
            List<String> yourSources,
            String explained) {
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
     * @param claimLabels a short label per student claim reference or key claim id ("Claim 3:
     *     “Abu Khaled said…”"); a claim without one is called by its key claim id
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
    public static String kindReason(@Nullable SourceKind yours, SourceKind key) {
        if (yours == null) {
            return "You did not choose a kind for this source. The kind tells a reader how far they can check "
                    + "it: the answer key sees it as " + description(key) + ".";
        }
        if (yours == key) {
            return "The answer key accepts this kind.";
        }
        String specific = switch (key) {
            case PSEUDONYMOUS ->
                switch (yours) {
                    case NAMED_PERSON ->
                        "Nobody can look that person up: the name was made up to protect them. A real "
                                + "name is something you could check; this one is not.";
                    case ANONYMOUS ->
                        "The text does give a name, but a made-up one. Say so: a name makes a source "
                                + "look easier to check than it is.";
                    default -> null;
                };
            case ANONYMOUS ->
                switch (yours) {
                    case NAMED_PERSON ->
                        "The text gives no name at all, so nobody can look this source up or ask them. "
                                + "You have to take the writer's word for it.";
                    case PSEUDONYMOUS ->
                        "The text gives no name here, not even a made-up one: it only says someone " + "said it.";
                    case MEDIA_OUTLET ->
                        "This is an unnamed person, not the outlet that reported what they said. Ask "
                                + "who they are: the text does not say.";
                    default -> null;
                };
            case NAMED_PERSON ->
                switch (yours) {
                    case ANONYMOUS, PSEUDONYMOUS ->
                        "The text gives this person's real name, so you could look them up and check "
                                + "that they said it.";
                    case MEDIA_OUTLET -> "This is a person who said it, not a news outlet that passed it on.";
                    default -> null;
                };
            case MEDIA_OUTLET ->
                switch (yours) {
                    case NAMED_PERSON, ANONYMOUS, PSEUDONYMOUS ->
                        "This is a news outlet, not someone who was there. An outlet reports what its own "
                                + "sources told it: it is a step between the story and the people who "
                                + "know.";
                    case DOCUMENT ->
                        "This is the outlet that published a report, not a document such as a study or "
                                + "a record. Its report passes on what its own sources said.";
                    default -> null;
                };
            case DOCUMENT ->
                switch (yours) {
                    case NAMED_PERSON, ANONYMOUS, PSEUDONYMOUS, OFFICIAL_BODY, EXPERT_OR_ORGANISATION ->
                        "This is a document: a report, a letter or a record. You can read a document "
                                + "yourself and check what it says; a person you would have to ask.";
                    default -> null;
                };
            case OFFICIAL_BODY ->
                switch (yours) {
                    case EXPERT_OR_ORGANISATION ->
                        "This speaks for a government or an authority. It has power over what it talks "
                                + "about and may want the story told its way; an expert speaks from "
                                + "outside.";
                    case DOCUMENT ->
                        "The text points at the authority that said it, not at a document you could " + "read.";
                    default -> null;
                };
            case EXPERT_OR_ORGANISATION ->
                switch (yours) {
                    case OFFICIAL_BODY ->
                        "This is an expert or an independent organisation, not a government or an "
                                + "authority: it does not speak for the people in power.";
                    case NAMED_PERSON ->
                        "The text presents this source for what they know (an expert or an "
                                + "organisation), which is the reason to believe them.";
                    default -> null;
                };
        };
        return specific != null
                ? specific
                : "The answer key sees this source as " + description(key) + ", not " + description(yours) + ".";
    }

    /** A kind in general words, for a sentence ("someone given a made-up name"). */
    public static String description(SourceKind kind) {
        return switch (kind) {
            case NAMED_PERSON -> "a person the text names, whom you could look up";
            case ANONYMOUS -> "someone the text does not name";
            case PSEUDONYMOUS -> "someone given a made-up name";
            case OFFICIAL_BODY -> "a government, ministry, army, police or court speaking for itself";
            case EXPERT_OR_ORGANISATION -> "an expert, researcher or organisation outside government";
            case MEDIA_OUTLET -> "a newspaper, broadcaster or website that reported it";
            case DOCUMENT -> "a report, study, letter or record you could read";
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
    static String firstHandOrRelayed(KeySource k, SourceKind kind, String outlet) {
        if (k.origin() == Origin.SECONDARY && k.relayedFrom() != null) {
            return "Relayed: it reached " + outlet + " through "
                    + k.relayedFrom().name() + ".";
        }
        return "First-hand: " + outlet
                + switch (kind) {
                    // Reading another outlet's report is first-hand too: the outlet saw it itself.
                    case MEDIA_OUTLET -> " read its report itself.";
                    case DOCUMENT -> " read the document itself.";
                    default -> " cites it directly, with no other outlet in between.";
                };
    }

    private static String originExplained(
            OriginVerdict verdict, KeySource k, SourceKind kind, StudentSource s, String outlet) {
        String relay = k.relayedFrom() == null ? "" : k.relayedFrom().name();
        return switch (verdict) {
            case RIGHT -> firstHandOrRelayed(k, kind, outlet);
            case NOT_GIVEN -> "You did not say where " + outlet + " got it. " + firstHandOrRelayed(k, kind, outlet);
            case FIRST_HAND_BUT_RELAYED ->
                "You said " + outlet + " got it first-hand, but it came through " + relay + ": " + outlet
                        + " did not speak to this source itself, it passed on what " + relay + " reported.";
            case RELAYED_BUT_FIRST_HAND ->
                "You said it was relayed"
                        + (s.relayedFrom() == null ? "" : " through " + s.relayedFrom())
                        + ", but no other outlet stands in between. "
                        + firstHandOrRelayed(k, kind, outlet);
            case WRONG_OUTLET ->
                "Relayed, yes, but through " + relay + ", not "
                        + (s.relayedFrom() == null || s.relayedFrom().isBlank()
                                ? "an outlet you left unnamed"
                                : s.relayedFrom())
                        + ". Naming the right outlet tells a reader where to check.";
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
            via.add(new ChainNode("origin not given", Role.GAP, null));
        } else if (s.origin() == Origin.SECONDARY) {
            via.add(
                    s.relayedFrom() == null || s.relayedFrom().isBlank()
                            ? new ChainNode("an outlet not named", Role.GAP, null)
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
            String label = ref != null ? claimLabels.get(ref) : claimLabels.getOrDefault(claim, "Claim " + claim);
            LinkIssueKind kind;
            String explained;
            if (keyNames.isEmpty()) {
                kind = yourNames.isEmpty()
                        ? LinkIssueKind.YOU_LEFT_AN_UNSOURCED_CLAIM_OPEN
                        : LinkIssueKind.YOU_LINKED_AN_UNSOURCED_CLAIM;
                explained = yourNames.isEmpty()
                        ? "Nobody in the text backs this claim: mark it \u201cno source given\u201d."
                        : "Nobody in the text backs this claim. You linked " + String.join(" and ", yourNames)
                                + ", but the text does not say they said it.";
            } else {
                kind = verdicts.contains(LinkVerdict.UNSOURCED_BUT_KEY_LINKS)
                        ? LinkIssueKind.YOU_SAID_NO_SOURCE
                        : LinkIssueKind.YOU_MISSED_A_SOURCE;
                explained = (kind == LinkIssueKind.YOU_SAID_NO_SOURCE
                                ? "You said no source is given, but the text says who: "
                                : "The text says who backs this claim: ")
                        + String.join(" and ", keyNames) + ".";
            }
            issues.add(new ClaimLinkIssue(claim, label, kind, keyNames, yourNames, explained));
        });
        return issues;
    }

    /** An origin as the exports write it: "first-hand", "relayed from" an outlet, or "relayed". */
    static String originWords(Origin origin, @Nullable String relayedFrom) {
        if (origin == Origin.PRIMARY) {
            return "first-hand";
        }
        return relayedFrom == null || relayedFrom.isBlank() ? "relayed" : "relayed from " + relayedFrom;
    }
}
