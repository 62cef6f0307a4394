package org.lateral.library.suggest;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.lateral.base.text.Tokens;
import org.lateral.library.ClaimType;
import org.lateral.library.suggest.Suggestions.LoadedPhrase;
import org.lateral.library.suggest.Suggestions.ProposedClaim;
import org.lateral.library.suggest.Suggestions.ProposedSource;
import org.lateral.library.suggest.Text.Sentence;
import org.lateral.library.suggest.Text.Tok;

/**
 * Proposes a draft answer key for a canonical article text (issue 16, DD019). Pure and
 * explainable: the same text always gives the same proposals, and each names the cue that fired.
 *
 * <p><b>Claims</b> are sentences, or clauses where a sentence joins two statements ("…, but …",
 * "…; …", "…, while …", a closing "…, which …"). A clause is proposed when a rule fires, in this
 * order of precedence for its cue: a hedge (hedged; a hedge that points at reports is attributed
 * too), a prediction or conditional (speculation), an attribution in its sentence or a quotation
 * (attributed), checkable detail: a number, a date, a name, an event verb (factual, and
 * unsupported when nobody is credited), and last loaded language alone (opinion). Rhetorical
 * questions are not proposed.
 *
 * <p><b>Sources</b> come from the attribution rules of {@link SourceFinder}. <b>Loaded
 * language</b> is every phrase of the emotive lexicon.
 *
 * <p>Thread-safe: the lexicons and models are shared read-only; OpenNLP's taggers are made per call.
 */
public final class DraftKeySuggester {

    private static final int MIN_CLAUSE_WORDS = 4;
    private static final int MIN_SENTENCE_WORDS = 5;
    private static final Set<String> CLAUSE_SUBJECT_TAGS =
            Set.of("DET", "PRON", "NOUN", "PROPN", "NUM", "DT", "PRP", "NN", "NNS", "NNP");
    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            ";\\s+|,\\s+(?:but|while|whereas|yet)\\s+|\\s*[\u2014\u2013]\\s*(?:but|and|yet)\\s+|,\\s+as\\s+(?=(?:the|its|his|her|their|a|an)\\s)|:\\s+");
    private static final Pattern COORDINATION = Pattern.compile(",\\s+and\\s+");
    private static final Pattern TRAILING_RELATIVE = Pattern.compile(",\\s+(?=(?:which|who)\\s)");
    private static final Pattern NUMBER_WORD = Pattern.compile(
            "(?<![\\p{L}])(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|dozen|dozens)(?![\\p{L}])");
    private static final Pattern DATE = Pattern.compile(
            "(?<![\\p{L}])(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|aug|sept|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|last (?:year|month|week)|this (?:year|month|week)|(?:19|20)\\d\\d)(?![\\p{L}\\p{N}])");

    private final Lexicons lex;
    private final SourceFinder finder;

    public DraftKeySuggester() {
        this.lex = new Lexicons();
        this.finder = new SourceFinder(lex);
    }

    public Suggestions suggest(String canonicalText) {
        Text text = Text.of(canonicalText);
        List<SourceFinder.Candidate> candidates = finder.candidates(text);
        List<ProposedSource> sources = finder.merge(text, candidates);
        List<int[]> quotes = quotations(canonicalText);
        List<ProposedClaim> claims = new ArrayList<>();
        for (Sentence s : statements(text)) {
            if (canonicalText.charAt(s.end() - 1) == '?') {
                continue;
            }
            for (int[] clause : clauses(text, s)) {
                ProposedClaim claim = claim(text, s, clause[0], clause[1], candidates, quotes);
                if (claim != null) {
                    claims.add(claim);
                }
            }
        }
        List<LoadedPhrase> loaded = lex.loaded.find(text.folded, 0, canonicalText.length()).stream()
                .map(h -> new LoadedPhrase(h.start(), h.end(), canonicalText.substring(h.start(), h.end())))
                .toList();
        return new Suggestions(claims, sources, loaded);
    }

    /**
     * Sentences, with a very short one joined to the one before it in its paragraph: "He nodded.",
     * "I mean, every day." and a fragment left by an abbreviation ("Nov. | 13 massacre.") are not
     * statements of their own.
     */
    static List<Sentence> statements(Text text) {
        List<Sentence> out = new ArrayList<>();
        for (Sentence s : text.sentences) {
            int words = Tokens.words(text.raw.substring(s.start(), s.end())).length / 2;
            if (!out.isEmpty() && words < MIN_SENTENCE_WORDS && out.getLast().paragraph() == s.paragraph()) {
                Sentence previous = out.removeLast();
                List<Tok> tokens = new ArrayList<>(previous.tokens());
                tokens.addAll(s.tokens());
                out.add(new Sentence(s.paragraph(), previous.start(), s.end(), tokens));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /** The clauses of a sentence, as offset pairs; a clause too short to stand alone joins the one before. */
    List<int[]> clauses(Text text, Sentence s) {
        record Piece(int start, int end, boolean leadIn) {}
        // 1. Where punctuation and a conjunction join two statements.
        List<Piece> pieces = new ArrayList<>();
        int from = s.start();
        Matcher m = CLAUSE_BREAK.matcher(text.folded).region(s.start(), s.end());
        while (m.find()) {
            pieces.add(new Piece(from, m.start(), m.group().startsWith(":")));
            from = m.end();
        }
        pieces.add(new Piece(from, s.end(), false));
        // 2. "…, and people from around the world were …": a coordinated clause with its own subject.
        List<Piece> cut = new ArrayList<>();
        for (Piece p : pieces) {
            int start = p.start();
            Matcher and = COORDINATION.matcher(text.folded).region(p.start(), p.end());
            while (and.find()) {
                Tok next = tokenAt(s, and.end());
                int before = wordCount(text, start, and.start());
                int after = wordCount(text, and.end(), p.end());
                if (next != null && CLAUSE_SUBJECT_TAGS.contains(next.tag()) && before >= 5 && after >= 5) {
                    cut.add(new Piece(start, and.start(), start == p.start() && p.leadIn()));
                    start = and.end();
                }
            }
            cut.add(new Piece(start, p.end(), start == p.start() && p.leadIn()));
        }
        // 3. A closing non-restrictive "…, which …" (no comma after it) is a statement of its own.
        Piece last = cut.removeLast();
        Matcher r = TRAILING_RELATIVE.matcher(text.folded).region(last.start(), last.end());
        int relative = -1;
        while (r.find()) {
            relative = r.end();
        }
        if (relative > 0 && text.folded.substring(relative, last.end()).indexOf(',') < 0) {
            cut.add(new Piece(last.start(), relative - 2, false));
            cut.add(new Piece(relative, last.end(), false));
        } else {
            cut.add(last);
        }
        // 4. A lead-in such as "Someone writes:" is an attribution, not a claim; any other piece too
        // short to stand alone joins its neighbour.
        List<int[]> merged = new ArrayList<>();
        for (Piece p : cut) {
            int[] trimmed = trim(text.raw, p.start(), p.end());
            if (trimmed == null) {
                continue;
            }
            boolean shortPiece = wordCount(text, trimmed[0], trimmed[1]) < MIN_CLAUSE_WORDS;
            if (shortPiece && p.leadIn()) {
                continue;
            }
            if (shortPiece && !merged.isEmpty()) {
                merged.getLast()[1] = trimmed[1];
            } else {
                merged.add(trimmed);
            }
        }
        if (merged.size() > 1) {
            int[] first = merged.getFirst();
            if (wordCount(text, first[0], first[1]) < MIN_CLAUSE_WORDS) {
                merged.get(1)[0] = first[0];
                merged.removeFirst();
            }
        }
        return merged;
    }

    private static int wordCount(Text text, int start, int end) {
        return Tokens.words(text.raw.substring(start, end)).length / 2;
    }

    private static @Nullable Tok tokenAt(Sentence s, int offset) {
        for (Tok t : s.tokens()) {
            if (t.start() >= offset) {
                return t;
            }
        }
        return null;
    }

    private static int @Nullable [] trim(String raw, int start, int end) {
        while (start < end
                && !Character.isLetterOrDigit(raw.charAt(start))
                && "“\"‘'(".indexOf(raw.charAt(start)) < 0) {
            start++;
        }
        while (end > start && Character.isWhitespace(raw.charAt(end - 1))
                || end > start && raw.charAt(end - 1) == ',') {
            end--;
        }
        return end > start ? new int[] {start, end} : null;
    }

    private @Nullable ProposedClaim claim(
            Text text, Sentence s, int start, int end, List<SourceFinder.Candidate> sources, List<int[]> quotes) {
        String exact = text.raw.substring(start, end);
        boolean headline = s.paragraph() == 0;
        EnumSet<ClaimType> types = EnumSet.noneOf(ClaimType.class);
        String cue = null;
        String why = null;

        List<Lexicon.Hit> hedges = modal(text, s, lex.hedges.find(text.folded, start, end));
        List<Lexicon.Hit> reports = lex.reportHedges.find(text.folded, start, end);
        List<Lexicon.Hit> speculation = modal(text, s, lex.speculation.find(text.folded, start, end));
        SourceFinder.Candidate attribution = sources.stream()
                .filter(c -> c.attributes() && c.start() < s.end() && c.end() > s.start())
                .findFirst()
                .orElse(null);
        boolean quoted = quotes.stream().anyMatch(q -> q[0] <= start && end <= q[1] + 1);

        if (!hedges.isEmpty()) {
            types.add(ClaimType.HEDGED);
            cue = text.raw.substring(hedges.get(0).start(), hedges.get(0).end());
            why = "Hedge “" + cue + "”: the text does not vouch for this; ask who is unsure and why.";
            if (!reports.isEmpty()) {
                types.add(ClaimType.ATTRIBUTED);
            }
        }
        if (!speculation.isEmpty()) {
            types.add(ClaimType.SPECULATION);
            if (cue == null) {
                cue = text.raw.substring(
                        speculation.get(0).start(), speculation.get(0).end());
                why = "Prediction or conditional “" + cue + "”: it says what may happen, not what did.";
            }
        }
        if (attribution != null || quoted) {
            types.add(ClaimType.ATTRIBUTED);
            if (cue == null) {
                cue = attribution != null ? attribution.cue() : "quotation marks";
                why = attribution != null
                        ? "Attributed (“" + attribution.cue() + "”) to " + attribution.name()
                                + ": check what that source could know."
                        : "A quotation: someone else's words; find who says them.";
            }
        }
        String checkable = checkable(text, s, start, end, headline);
        if (checkable != null) {
            if (types.isEmpty()) {
                types.add(ClaimType.FACTUAL);
                types.add(ClaimType.UNSUPPORTED);
                cue = checkable;
                why = "Checkable detail (“" + checkable + "”) stated with no source: look it up or ask who says so.";
            }
        }
        List<Lexicon.Hit> loaded = lex.loaded.find(text.folded, start, end);
        if (types.isEmpty() && !loaded.isEmpty()) {
            types.add(ClaimType.OPINION);
            cue = text.raw.substring(loaded.get(0).start(), loaded.get(0).end());
            why = "Loaded word “" + cue + "”: the writer's judgement, not a neutral report.";
        }
        if (types.isEmpty() || cue == null || why == null) {
            return null;
        }
        int worthiness = 1 + (checkable != null ? 1 : 0) + (attribution != null || !hedges.isEmpty() ? 1 : 0);
        return new ProposedClaim(start, end, exact, types, Math.min(3, worthiness), cue, why);
    }

    /** Drops "May" the month: a capitalised "may" that does not start its sentence is not the modal verb. */
    private static List<Lexicon.Hit> modal(Text text, Sentence s, List<Lexicon.Hit> hits) {
        return hits.stream()
                .filter(h -> !(h.phrase().equals("may")
                        && h.start() > s.start()
                        && Character.isUpperCase(text.raw.charAt(h.start()))))
                .toList();
    }

    /** The first checkable detail of a clause: a number, a date, a name or an event verb; null if none. */
    private @Nullable String checkable(Text text, Sentence s, int start, int end, boolean headline) {
        for (Tok t : s.tokens()) {
            if (t.start() < start || t.end() > end) {
                continue;
            }
            if (t.text().codePoints().anyMatch(Character::isDigit)) {
                return t.text();
            }
        }
        Matcher n = NUMBER_WORD.matcher(text.folded).region(start, end);
        if (n.find()) {
            return text.raw.substring(n.start(), n.end());
        }
        Matcher d = DATE.matcher(text.folded).region(start, end);
        if (d.find()
                && !(text.folded.startsWith("may", d.start()) && !Character.isUpperCase(text.raw.charAt(d.start())))) {
            return text.raw.substring(d.start(), d.end());
        }
        boolean sentenceStart = true;
        for (Tok t : s.tokens()) {
            boolean inside = t.start() >= start && t.end() <= end;
            if (inside && t.isWord() && t.capitalised() && !t.folded().equals("i")) {
                boolean acronym = t.text().length() >= 2
                        && t.text().chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
                if (acronym || (!headline && !sentenceStart && t.start() != start)) {
                    return t.text();
                }
            }
            if (t.isWord()) {
                sentenceStart = false;
            }
        }
        for (Lexicon.Hit h : lex.eventVerbs.find(text.folded, start, end)) {
            return text.raw.substring(h.start(), h.end());
        }
        return null;
    }

    /** Quotations in the text, as offset pairs from the opening to the closing mark, within a paragraph. */
    static List<int[]> quotations(String text) {
        List<int[]> out = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                open = -1;
            } else if (c == '“') {
                open = i;
            } else if (c == '”' && open >= 0) {
                out.add(new int[] {open, i});
                open = -1;
            }
        }
        return out;
    }
}
