package org.lateral.library.suggest;

/** Every cue lexicon the rules use, loaded once from this package's resources. */
final class Lexicons {

    final Lexicon hedges = Lexicon.load("hedges.txt");
    final Lexicon reportHedges = Lexicon.load("report-hedges.txt");
    final Lexicon speculation = Lexicon.load("speculation.txt");
    final Lexicon verbs = Lexicon.load("attribution-verbs.txt");
    final Lexicon vagueSubjects = Lexicon.load("vague-subjects.txt");
    final Lexicon anonymousSources = Lexicon.load("anonymous-sources.txt");
    final Lexicon pseudonymCues = Lexicon.load("pseudonym-cues.txt");
    final Lexicon outletWords = Lexicon.load("outlet-words.txt");
    final Lexicon officialWords = Lexicon.load("official-words.txt");
    final Lexicon expertWords = Lexicon.load("expert-words.txt");
    final Lexicon documentWords = Lexicon.load("document-words.txt");
    final Lexicon eventVerbs = Lexicon.load("event-verbs.txt");
    final Lexicon loaded = Lexicon.load("loaded.txt");
    private final Lexicon anonymousWords = Lexicon.load("anonymous-words.txt");

    Lexicon anonymousWords() {
        return anonymousWords;
    }
}
