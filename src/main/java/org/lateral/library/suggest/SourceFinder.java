package org.lateral.library.suggest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.lateral.library.SourceKind;
import org.lateral.library.suggest.Suggestions.Mention;
import org.lateral.library.suggest.Suggestions.ProposedSource;
import org.lateral.library.suggest.Text.Sentence;
import org.lateral.library.suggest.Text.Tok;

/**
 * The attribution rules: who the text says a statement comes from. Each rule yields a raw
 * candidate (a name, where the text points at it, the cue); candidates are then merged into
 * sources by name, pronouns ("he said") and role nouns ("the analyst said") go to the last source
 * they can refer to, and first-person reporting ("told me", "I contacted") goes to the writer.
 */
final class SourceFinder {

    /** One place the text points at a source, before merging. */
    record Candidate(
            String name,
            int nameStart,
            int nameEnd,
            @Nullable SourceKind kind,
            String cue,
            int start,
            int end,
            Role role,
            boolean attributes) {}

    enum Role {
        /** A name or description of its own. */
        NAMED,
        /** "he", "she", "they": refers back. */
        PRONOUN,
        /** "the analyst", "the military": a role noun that refers back to a source of its kind. */
        DEFINITE,
        /** The writer speaking in the first person. */
        WRITER
    }

    private static final Set<String> SKIP_BEFORE_VERB = Set.of(
            "has",
            "have",
            "had",
            "is",
            "are",
            "was",
            "were",
            "would",
            "will",
            "also",
            "further",
            "later",
            "previously",
            "then",
            "been",
            "currently",
            "recently",
            "repeatedly",
            "even",
            "first",
            "again",
            "once",
            "still",
            "did",
            "does",
            "do",
            "reportedly",
            "publicly",
            "privately",
            "now",
            "could",
            "can",
            "may",
            "might",
            "should",
            "must",
            "'ll");
    private static final Set<String> BOUNDARY_WORDS = Set.of(
            "that",
            "which",
            "who",
            "whom",
            "whose",
            "but",
            "and",
            "or",
            "while",
            "as",
            "if",
            "when",
            "because",
            "so",
            "since",
            "although",
            "though",
            "after",
            "before",
            "where",
            "to",
            "what",
            "how",
            "why",
            "than",
            "until",
            "unless",
            "whether",
            "yet",
            "however",
            "meanwhile",
            "also",
            "not",
            "in",
            "on",
            "at",
            "with",
            "by",
            "from",
            "about",
            "into",
            "over",
            "under",
            "against",
            "last",
            "next",
            "yesterday",
            "today",
            "earlier",
            "later");
    private static final Set<String> INNER_CONNECTORS = Set.of("of", "for", "the", "de", "al", "and");
    private static final Set<String> NOT_SUBJECTS = Set.of(
            "it", "there", "this", "that", "which", "what", "who", "these", "those", "one", "you", "here", "it's",
            "that's", "there's", "here's", "what's");
    /** Quantifiers that are a vague subject on their own: "many are predicting". */
    private static final Set<String> QUANTIFIERS = Set.of("many", "some", "others", "few", "most", "several");

    private static final Set<String> POSSESSIVES = Set.of("his", "her", "its", "their", "our", "my", "your");
    private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "him", "her", "them");
    private static final Set<String> FIRST_PERSON = Set.of("i", "we", "me", "us");
    /** Verbs after which the speaker may follow the verb ("…,” said the analyst). */
    private static final Set<String> INVERTING = Set.of(
            "said", "says", "added", "adds", "wrote", "writes", "explained", "noted", "asked", "continued", "stated");

    private static final Set<String> HEARING = Set.of("told", "tells", "tell");
    private static final Set<String> INTERVIEW = Set.of("spoke", "talked", "interviewed", "spoken", "talking");
    private static final Set<String> FIRST_PERSON_REPORTING = Set.of(
            "contacted",
            "met",
            "asked",
            "interviewed",
            "spoke",
            "answered",
            "visited",
            "reached",
            "called",
            "knew",
            "saw",
            "heard",
            "wrote");
    private static final Set<String> DOCUMENT_PARTICIPLES = Set.of(
            "prepared",
            "published",
            "released",
            "obtained",
            "seen",
            "leaked",
            "issued",
            "compiled",
            "drafted",
            "filed",
            "written");
    private static final String OUTLET_NAME = "outlet name";
    /** Verbs that are always acts of saying, unlike "tell" or "called", which need a likelier speaker. */
    private static final Set<String> SPEECH_ACTS = Set.of(
            "said",
            "says",
            "told",
            "added",
            "wrote",
            "writes",
            "explained",
            "stated",
            "claimed",
            "noted",
            "insisted",
            "warned",
            "announced",
            "confirmed",
            "denied",
            "argued",
            "replied",
            "answered",
            "testified");

    private static final Set<String> WIRE_NAMES = Set.of("reuters", "afp", "bbc", "cnn", "ap");

    private final Lexicons lex;

    SourceFinder(Lexicons lex) {
        this.lex = lex;
    }

    List<Candidate> candidates(Text text) {
        List<Candidate> out = new ArrayList<>();
        for (Sentence s : text.sentences) {
            List<Tok> t = s.tokens();
            for (int i = 0; i < t.size(); i++) {
                Tok tok = t.get(i);
                String w = tok.folded();
                if (w.equals("according")
                        && i + 1 < t.size()
                        && t.get(i + 1).folded().equals("to")) {
                    int[] np = forwardPhrase(t, i + 2);
                    if (np != null) {
                        out.add(named(
                                text,
                                t,
                                np,
                                null,
                                "according to",
                                tok.start(),
                                t.get(np[1]).end(),
                                true));
                    }
                }
                if (lex.verbs.contains(w)) {
                    subjectOf(text, t, i).ifPresent(out::add);
                }
                if (HEARING.contains(w) && i + 1 < t.size()) {
                    Tok next = t.get(i + 1);
                    if (FIRST_PERSON.contains(next.folded())) {
                        out.add(new Candidate(
                                "the writer",
                                next.start(),
                                next.end(),
                                null,
                                tok.text() + " " + next.text(),
                                next.start(),
                                next.end(),
                                Role.WRITER,
                                false));
                    } else {
                        int[] run = capitalisedRun(t, i + 1);
                        if (run != null) {
                            run = hearerOnly(t, run);
                            SourceKind kind = hasWord(t, run, lex.outletWords) ? SourceKind.MEDIA_OUTLET : null;
                            out.add(named(
                                    text,
                                    t,
                                    run,
                                    kind,
                                    tok.text() + " <name>",
                                    t.get(run[0]).start(),
                                    t.get(run[1]).end(),
                                    true));
                        }
                    }
                }
                if (INTERVIEW.contains(w)
                        && i + 2 < t.size()
                        && Set.of("with", "to").contains(t.get(i + 1).folded())) {
                    int[] run = capitalisedRun(t, i + 2);
                    if (run != null) {
                        out.add(named(
                                text,
                                t,
                                run,
                                null,
                                tok.text() + " " + t.get(i + 1).text(),
                                tok.start(),
                                t.get(run[1]).end(),
                                true));
                    }
                }
                if (FIRST_PERSON_REPORTING.contains(w)
                        && i > 0
                        && t.get(i - 1).folded().equals("i")) {
                    Tok me = t.get(i - 1);
                    out.add(new Candidate(
                            "the writer",
                            me.start(),
                            me.end(),
                            null,
                            "I " + tok.text(),
                            me.start(),
                            tok.end(),
                            Role.WRITER,
                            false));
                }
                if (lex.documentWords.contains(w)
                        && i + 2 < t.size()
                        && DOCUMENT_PARTICIPLES.contains(t.get(i + 1).folded())
                        && Set.of("by", "for").contains(t.get(i + 2).folded())) {
                    int from = i;
                    while (from > 0
                            && from > i - 3
                            && t.get(from - 1).isWord()
                            && !BOUNDARY_WORDS.contains(t.get(from - 1).folded())) {
                        from--;
                    }
                    int[] after = forwardPhrase(t, i + 3);
                    int last = after == null ? i + 2 : after[1];
                    out.add(named(
                            text,
                            t,
                            new int[] {from, last},
                            SourceKind.DOCUMENT,
                            tok.text() + " " + t.get(i + 1).text() + " "
                                    + t.get(i + 2).text(),
                            t.get(from).start(),
                            t.get(last).end(),
                            true));
                }
            }
            outletMentions(text, t, out);
            phraseRules(text, s, out);
        }
        out.sort(Comparator.comparingInt(Candidate::start));
        return dropNested(out);
    }

    /** "X said", "X, a …, told", "…,” said X": the speaker of a verb of saying at {@code v}. */
    private java.util.Optional<Candidate> subjectOf(Text text, List<Tok> t, int v) {
        Tok verb = t.get(v);
        int i = v - 1;
        while (i >= 0 && SKIP_BEFORE_VERB.contains(t.get(i).folded())) {
            i--;
        }
        if (i < 0) {
            return java.util.Optional.empty();
        }
        if (t.get(i).text().equals(")")) {
            int open = i - 1;
            while (open >= 0 && !t.get(open).text().equals("(")) {
                open--;
            }
            if (open > 0 && i - open <= 4) {
                i = open - 1;
            }
        }
        Tok before = t.get(i);
        boolean afterPunctuation = !before.isWord();
        if (afterPunctuation && INVERTING.contains(verb.folded())) {
            // "…,” said the analyst." or "…, says the Centre.": the speaker follows the verb.
            int[] np = forwardPhrase(t, v + 1);
            if (np != null && (np[1] + 1 >= t.size() || !t.get(np[1] + 1).isWord())) {
                return java.util.Optional.of(named(
                        text,
                        t,
                        np,
                        null,
                        verb.text(),
                        verb.start(),
                        t.get(np[1]).end(),
                        true));
            }
        }
        if (before.folded().equals(",")) {
            // An apposition: "Abu Khaled, a pseudonym for …, told": the name is before the first comma.
            int j = i - 1;
            while (j >= 0 && !t.get(j).folded().equals(",")) {
                j--;
            }
            if (j <= 0 || i - j > 16) {
                return java.util.Optional.empty();
            }
            i = j - 1;
            int[] run = capitalisedBackward(t, i);
            if (run == null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(
                    named(text, t, run, null, verb.text(), t.get(run[0]).start(), verb.end(), true));
        }
        if (afterPunctuation && !(before.folded().equals("\"") && i > 0)) {
            return java.util.Optional.empty();
        }
        int end = i;
        int start = i;
        while (start >= 0 && end - start < 8) {
            Tok x = t.get(start);
            boolean boundary = !x.isWord()
                            && !x.text().equals("-")
                            && !x.text().equals("(")
                            && !x.text().equals(")")
                    || BOUNDARY_WORDS.contains(x.folded())
                    || (start < end
                            && x.verbal()
                            && !x.capitalised()
                            && !x.folded().equals("number"));
            if (boundary) {
                break;
            }
            start--;
        }
        start++;
        while (start <= end && !t.get(start).isWord()) {
            start++;
        }
        if (start > end) {
            return java.util.Optional.empty();
        }
        String first = t.get(start).folded();
        if (NOT_SUBJECTS.contains(first)) {
            return java.util.Optional.empty();
        }
        Tok s = t.get(start);
        if (QUANTIFIERS.contains(t.get(end).folded())) {
            // "… deserters many are predicting": the quantifier alone is the subject.
            Tok q = t.get(end);
            return java.util.Optional.of(new Candidate(
                    q.text(),
                    q.start(),
                    q.end(),
                    SourceKind.ANONYMOUS,
                    verb.text(),
                    q.start(),
                    verb.end(),
                    Role.NAMED,
                    true));
        }
        if (start == end && PRONOUNS.contains(first)) {
            return java.util.Optional.of(new Candidate(
                    s.text(), s.start(), s.end(), null, verb.text(), s.start(), verb.end(), Role.PRONOUN, true));
        }
        if (start == end && FIRST_PERSON.contains(first)) {
            return java.util.Optional.of(new Candidate(
                    "the writer", s.start(), s.end(), null, verb.text(), s.start(), verb.end(), Role.WRITER, true));
        }
        if (!plausibleSpeaker(t, start, end, SPEECH_ACTS.contains(verb.folded()))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(
                named(text, t, new int[] {start, end}, null, verb.text(), s.start(), verb.end(), true));
    }

    /**
     * A subject can speak when it names someone (a capitalised word), or its head noun is a word of
     * the source lexicons ("the analyst", "experts", "statistics", "the report"), a plural noun, or any
     * noun before an unambiguous verb of saying ("the mayor said");
     * "Only time will tell" and "effects his alleged" are not attributions.
     */
    private boolean plausibleSpeaker(List<Tok> t, int start, int end, boolean speechAct) {
        Tok head = t.get(end);
        if (POSSESSIVES.contains(head.folded())
                || head.tag().equals("DET")
                || head.tag().equals("ADP")) {
            return false;
        }
        for (int i = start; i <= end; i++) {
            Tok x = t.get(i);
            boolean sentenceInitial = i == 0 || (i == 1 && !t.get(0).isWord());
            if (x.capitalised() && (!sentenceInitial || x.properNoun())) {
                return true;
            }
        }
        String h = head.folded();
        return lex.vagueSubjects.contains(h)
                || lex.anonymousWords().contains(h)
                || lex.expertWords.contains(h)
                || lex.officialWords.contains(h)
                || lex.documentWords.contains(h)
                || lex.outletWords.contains(h)
                || ((speechAct || h.endsWith("s"))
                        && (head.tag().equals("NOUN") || head.tag().startsWith("NN")));
    }

    /**
     * "told The Morning Post the minister resigned": a reported clause without "that" can start right
     * after the hearer; when a verb follows the run, the run ends at its last outlet word.
     */
    private int[] hearerOnly(List<Tok> t, int[] run) {
        boolean verbFollows = run[1] + 1 < t.size() && t.get(run[1] + 1).verbal();
        if (!verbFollows || lex.outletWords.contains(t.get(run[1]).folded())) {
            return run;
        }
        for (int k = run[1] - 1; k > run[0]; k--) {
            if (lex.outletWords.contains(t.get(k).folded())) {
                return new int[] {run[0], k};
            }
        }
        return run;
    }

    /** Capitalised names that contain an outlet word: "The Daily Mail", "Radio Sputnik". */
    private void outletMentions(Text text, List<Tok> t, List<Candidate> out) {
        int i = 0;
        while (i < t.size()) {
            int[] run = capitalisedRun(t, i);
            if (run == null) {
                i++;
                continue;
            }
            while (run[0] < run[1]
                    && !t.get(run[0]).folded().equals("the")
                    && Set.of("SCONJ", "ADP", "ADV", "CCONJ", "PRON", "DET", "IN", "RB", "CC", "PRP", "DT")
                            .contains(t.get(run[0]).tag())) {
                run[0]++;
            }
            int words = run[1] - run[0] + 1 - (t.get(run[0]).folded().equals("the") ? 1 : 0);
            boolean wire = words == 1 && WIRE_NAMES.contains(t.get(run[0]).folded());
            if ((words >= 2 || wire) && hasWord(t, run, lex.outletWords)) {
                out.add(named(
                        text,
                        t,
                        run,
                        SourceKind.MEDIA_OUTLET,
                        OUTLET_NAME,
                        t.get(run[0]).start(),
                        t.get(run[1]).end(),
                        false));
            }
            i = run[1] + 1;
        }
    }

    /** Phrase rules: anonymous sources, pseudonyms, unnamed reports. */
    private void phraseRules(Text text, Sentence s, List<Candidate> out) {
        List<Tok> t = s.tokens();
        for (Lexicon.Hit h : lex.reportHedges.find(text.folded, s.start(), s.end())) {
            out.add(new Candidate(
                    "unnamed reports",
                    h.start(),
                    h.end(),
                    SourceKind.ANONYMOUS,
                    h.phrase(),
                    h.start(),
                    h.end(),
                    Role.NAMED,
                    true));
        }
        for (Lexicon.Hit h : lex.anonymousSources.find(text.folded, s.start(), s.end())) {
            if (h.phrase().startsWith("who ")) {
                int at = indexAt(t, h.start());
                int[] run = at > 0 ? backwardPhrase(t, at - 1) : null;
                if (run != null) {
                    out.add(named(
                            text,
                            t,
                            run,
                            SourceKind.ANONYMOUS,
                            h.phrase(),
                            t.get(run[0]).start(),
                            h.end(),
                            true));
                }
            } else {
                out.add(new Candidate(
                        text.raw.substring(h.start(), h.end()),
                        h.start(),
                        h.end(),
                        SourceKind.ANONYMOUS,
                        h.phrase(),
                        h.start(),
                        h.end(),
                        Role.NAMED,
                        true));
            }
        }
        for (Lexicon.Hit h : lex.pseudonymCues.find(text.folded, s.start(), s.end())) {
            if (h.phrase().contains("call") || h.phrase().contains("goes by")) {
                int after = indexAt(t, h.end());
                int[] run = after < 0 ? null : capitalisedRun(t, after);
                if (run != null) {
                    out.add(named(
                            text,
                            t,
                            run,
                            SourceKind.PSEUDONYMOUS,
                            h.phrase(),
                            h.start(),
                            t.get(run[1]).end(),
                            true));
                }
            } else {
                int at = indexAt(t, h.start());
                int i = at - 1;
                while (i >= 0 && !t.get(i).isWord()) {
                    i--;
                }
                int[] run = i < 0 ? null : capitalisedBackward(t, i);
                if (run != null) {
                    out.add(named(
                            text,
                            t,
                            run,
                            SourceKind.PSEUDONYMOUS,
                            h.phrase(),
                            t.get(run[0]).start(),
                            h.end(),
                            true));
                }
            }
        }
    }

    private Candidate named(
            Text text,
            List<Tok> t,
            int[] np,
            @Nullable SourceKind kind,
            String cue,
            int start,
            int end,
            boolean attributes) {
        Tok first = t.get(np[0]);
        Tok last = t.get(np[1]);
        String name = text.raw.substring(first.start(), last.end());
        boolean definite = np[1] - np[0] == 1 && first.folded().equals("the") && !last.capitalised();
        return new Candidate(
                name,
                first.start(),
                last.end(),
                kind,
                cue,
                start,
                end,
                definite ? Role.DEFINITE : Role.NAMED,
                attributes);
    }

    /** A noun phrase starting at {@code from}: up to ten tokens, stopping at punctuation, clauses and verbs. */
    private static int @Nullable [] forwardPhrase(List<Tok> t, int from) {
        int i = from;
        int last = -1;
        while (i < t.size() && i - from < 10) {
            Tok x = t.get(i);
            boolean word = x.isWord() || x.text().equals("(") || x.text().equals(")");
            if (!word
                    || (i > from && (BOUNDARY_WORDS.contains(x.folded()) && !INNER_CONNECTORS.contains(x.folded())))
                    || (i > from && (x.pronoun() || (x.verbal() && !x.capitalised())))) {
                break;
            }
            last = i;
            i++;
        }
        if (last < 0) {
            return null;
        }
        while (last > from && INNER_CONNECTORS.contains(t.get(last).folded())) {
            last--;
        }
        return new int[] {from, last};
    }

    /** A noun phrase ending at {@code end}, read backwards. */
    private static int @Nullable [] backwardPhrase(List<Tok> t, int end) {
        int i = end;
        while (i >= 0
                && end - i < 6
                && t.get(i).isWord()
                && !BOUNDARY_WORDS.contains(t.get(i).folded())) {
            i--;
        }
        return i == end ? null : new int[] {i + 1, end};
    }

    /** Capitalised words (with "The", "of", "for" inside) starting at {@code from}. */
    private static int @Nullable [] capitalisedRun(List<Tok> t, int from) {
        int i = from;
        if (i < t.size() && t.get(i).folded().equals("the")) {
            i++;
        }
        int last = -1;
        while (i < t.size()) {
            Tok x = t.get(i);
            if (x.capitalised() && x.isWord() && !x.folded().equals("i")) {
                last = i;
            } else if (last >= 0 && x.text().startsWith("-") && x.isWord()) {
                last = i;
            } else if (!(last >= 0
                    && INNER_CONNECTORS.contains(x.folded())
                    && !x.folded().equals("and"))) {
                break;
            }
            i++;
        }
        return last < 0 ? null : new int[] {from, last};
    }

    /** Capitalised words ending at {@code end}, read backwards (a name before an apposition). */
    private static int @Nullable [] capitalisedBackward(List<Tok> t, int end) {
        int i = end;
        while (i >= 0
                && (t.get(i).capitalised()
                        || (t.get(i).text().startsWith("-") && t.get(i).isWord()))) {
            i--;
        }
        if (i == end) {
            return null;
        }
        if (i >= 0 && t.get(i).folded().equals("the")) {
            i--;
        }
        return new int[] {i + 1, end};
    }

    private static boolean hasWord(List<Tok> t, int[] run, Lexicon words) {
        for (int i = run[0]; i <= run[1]; i++) {
            if (words.contains(t.get(i).folded())) {
                return true;
            }
        }
        return false;
    }

    private static int indexAt(List<Tok> t, int offset) {
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).end() > offset) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A candidate whose name lies inside another candidate's name ("sources" in "British MSM sources")
     * goes, and so does a bare outlet name that overlaps a name an attribution rule found ("told The
     * Daily Mail" beats the outlet run "The Daily Mail Soulayman").
     */
    private static List<Candidate> dropNested(List<Candidate> all) {
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : all) {
            boolean nested = false;
            for (Candidate o : all) {
                if (o != c
                        && o.nameStart() <= c.nameStart()
                        && c.nameEnd() <= o.nameEnd()
                        && (o.nameEnd() - o.nameStart()) > (c.nameEnd() - c.nameStart())
                        && c.role() == Role.NAMED) {
                    nested = true;
                    break;
                }
            }
            if (!c.attributes() && c.cue().equals(OUTLET_NAME)) {
                for (Candidate o : all) {
                    if (o != c && o.attributes() && o.nameStart() < c.nameEnd() && c.nameStart() < o.nameEnd()) {
                        nested = true;
                        break;
                    }
                }
            }
            if (!nested) {
                kept.add(c);
            }
        }
        return kept;
    }

    // ---- merging ------------------------------------------------------------------------------

    private static final class Building {
        String name;
        SourceKind kind;
        final String cue;
        final List<Mention> mentions = new ArrayList<>();
        int lastSeen;

        Building(String name, SourceKind kind, String cue) {
            this.name = name;
            this.kind = kind;
            this.cue = cue;
        }

        boolean person() {
            return kind == SourceKind.NAMED_PERSON
                    || kind == SourceKind.PSEUDONYMOUS
                    || (kind == SourceKind.ANONYMOUS
                            && !name.toLowerCase(Locale.ROOT).endsWith("s"));
        }
    }

    List<ProposedSource> merge(Text text, List<Candidate> candidates) {
        List<Building> sources = new ArrayList<>();
        @Nullable Building writer = null;
        Building[] writerRef = new Building[1];
        int seen = 0;
        for (Candidate c : candidates) {
            seen++;
            Mention mention = new Mention(c.start(), c.end(), text.raw.substring(c.start(), c.end()), c.cue());
            @Nullable Building target = null;
            switch (c.role()) {
                case PRONOUN -> target = latest(sources, b -> b != writerRef[0] && b.person());
                case DEFINITE -> {
                    SourceKind kind = kindOf(c);
                    target = latest(
                            sources,
                            b -> b.kind == kind
                                    || (kind == SourceKind.EXPERT_OR_ORGANISATION
                                            && b.kind == SourceKind.NAMED_PERSON));
                    if (target == null) {
                        target = new Building(c.name(), kind, c.cue());
                        sources.add(target);
                    }
                }
                case WRITER -> {
                    if (writer == null) {
                        writer = new Building("The writer (first person)", SourceKind.ANONYMOUS, c.cue());
                        writerRef[0] = writer;
                        sources.add(writer);
                    }
                    target = writer;
                }
                case NAMED -> {
                    SourceKind kind = kindOf(c);
                    String key = normalise(c.name());
                    for (Building b : sources) {
                        if (normalise(b.name).equals(key) || sameSurname(b, c.name(), kind) || sameHead(b, c.name())) {
                            target = b;
                            break;
                        }
                    }
                    if (target == null) {
                        target = new Building(c.name(), kind, c.cue());
                        sources.add(target);
                    } else if (kind == SourceKind.PSEUDONYMOUS) {
                        target.kind = kind;
                    }
                    if (c.cue().equals("writes") || c.cue().equals("wrote")) {
                        // "<Name> writes:": a lead-in naming the writer, whose "I" is this person.
                        if (text.raw.startsWith(":", c.end()) && writer == null) {
                            writer = target;
                            writerRef[0] = target;
                        }
                    }
                }
            }
            if (target != null) {
                target.mentions.add(mention);
                target.lastSeen = seen;
            }
        }
        return sources.stream()
                .filter(b -> !b.mentions.isEmpty())
                .map(b -> new ProposedSource(b.name, b.kind, b.cue, b.mentions))
                .toList();
    }

    private static @Nullable Building latest(List<Building> sources, java.util.function.Predicate<Building> ok) {
        Building best = null;
        for (Building b : sources) {
            if (ok.test(b) && (best == null || b.lastSeen > best.lastSeen)) {
                best = b;
            }
        }
        return best;
    }

    /** "the former rebel source" after "a source": a definite description with an earlier source's head noun. */
    private static boolean sameHead(Building b, String name) {
        String[] words = name.strip().split("\\s+");
        String last = words[words.length - 1];
        return Lexicon.fold(name).startsWith("the ")
                && !last.isEmpty()
                && Character.isLowerCase(last.codePointAt(0))
                && b.kind == SourceKind.ANONYMOUS
                && lastWord(b.name).equals(lastWord(name));
    }

    private static boolean sameSurname(Building b, String name, SourceKind kind) {
        if (!(b.kind == SourceKind.NAMED_PERSON || b.kind == SourceKind.PSEUDONYMOUS)
                || !(kind == SourceKind.NAMED_PERSON || kind == SourceKind.PSEUDONYMOUS)) {
            return false;
        }
        String a = lastWord(b.name);
        return a.length() >= 3 && a.equals(lastWord(name));
    }

    private static String lastWord(String name) {
        String[] words = normalise(name).split("[\\s-]+");
        return words[words.length - 1];
    }

    static String normalise(String name) {
        String n = Lexicon.fold(name).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return n.startsWith("the ") ? n.substring(4) : n;
    }

    /** The kind a name suggests, from its rule and its words. */
    SourceKind kindOf(Candidate c) {
        if (c.kind() != null) {
            return c.kind();
        }
        String folded = Lexicon.fold(c.name());
        List<String> words = List.of(normalise(c.name()).split(" "));
        if (WIRE_NAMES.contains(normalise(c.name()))) {
            return SourceKind.MEDIA_OUTLET;
        }
        if (capitalisedWords(c.name()) >= 2) {
            if (anyWord(words, lex.outletWords)) {
                return SourceKind.MEDIA_OUTLET;
            }
            if (anyWord(words, lex.officialWords)) {
                return SourceKind.OFFICIAL_BODY;
            }
            if (anyWord(words, lex.expertWords)) {
                return SourceKind.EXPERT_OR_ORGANISATION;
            }
        }
        if (anyWord(words, lex.documentWords)) {
            return SourceKind.DOCUMENT;
        }
        if (folded.startsWith("a ")
                || folded.startsWith("an ")
                || folded.startsWith("some ")
                || folded.startsWith("many ")
                || lex.vagueSubjects.contains(folded)
                || anyWord(words, lex.anonymousWords())) {
            return SourceKind.ANONYMOUS;
        }
        if (anyWord(words, lex.officialWords)) {
            return SourceKind.OFFICIAL_BODY;
        }
        if (anyWord(words, lex.expertWords)) {
            return SourceKind.EXPERT_OR_ORGANISATION;
        }
        if (capitalisedWords(c.name()) >= 1) {
            return SourceKind.NAMED_PERSON;
        }
        return SourceKind.ANONYMOUS;
    }

    private static long capitalisedWords(String name) {
        return java.util.Arrays.stream(name.split("\\s+"))
                .filter(w -> !w.equals("The") && w.codePoints().anyMatch(Character::isUpperCase))
                .count();
    }

    private static boolean anyWord(List<String> words, Lexicon lexicon) {
        return words.stream().anyMatch(lexicon::contains);
    }
}
