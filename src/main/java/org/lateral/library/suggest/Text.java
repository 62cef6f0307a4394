package org.lateral.library.suggest;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.util.Span;

/**
 * A canonical text cut into paragraphs, sentences and tagged tokens by OpenNLP. Sentences never
 * cross a paragraph break (a blank line), like the scorer's {@code Tokens.sentences}; all offsets
 * are UTF-16 offsets into the whole text.
 */
final class Text {

    /** A token with its part-of-speech tag (Universal Dependencies tags from the EWT model). */
    record Tok(int start, int end, String text, String folded, String tag) {

        boolean isWord() {
            return text.codePoints().anyMatch(Character::isLetterOrDigit);
        }

        /** Its first letter is a capital ("Tamimi" in "al-Tamimi" tokenised as "-Tamimi" counts). */
        boolean capitalised() {
            return text.codePoints().filter(Character::isLetter).findFirst().stream()
                    .anyMatch(Character::isUpperCase);
        }

        boolean verbal() {
            return tag.equals("VERB") || tag.equals("AUX") || tag.startsWith("VB") || tag.equals("MD");
        }

        boolean pronoun() {
            return tag.equals("PRON") || tag.startsWith("PRP");
        }

        boolean properNoun() {
            return tag.equals("PROPN") || tag.startsWith("NNP");
        }
    }

    record Sentence(int paragraph, int start, int end, List<Tok> tokens) {
        Sentence {
            tokens = List.copyOf(tokens);
        }
    }

    final String raw;
    final String folded;
    final List<Sentence> sentences;

    private Text(String raw, List<Sentence> sentences) {
        this.raw = raw;
        this.folded = Lexicon.fold(raw);
        this.sentences = List.copyOf(sentences);
    }

    static Text of(String raw) {
        SentenceDetectorME detector = new SentenceDetectorME(Models.sentences());
        TokenizerME tokenizer = new TokenizerME(Models.tokens());
        POSTaggerME tagger = new POSTaggerME(Models.pos());
        List<Sentence> sentences = new ArrayList<>();
        int paragraph = 0;
        int from = 0;
        while (from <= raw.length()) {
            int to = raw.indexOf("\n\n", from);
            if (to < 0) {
                to = raw.length();
            }
            String body = raw.substring(from, to);
            if (!body.isBlank()) {
                for (Span s : detector.sentPosDetect(body)) {
                    int start = from + s.getStart();
                    int end = from + s.getEnd();
                    while (start < end && Character.isWhitespace(raw.charAt(start))) {
                        start++;
                    }
                    while (end > start && Character.isWhitespace(raw.charAt(end - 1))) {
                        end--;
                    }
                    if (end > start) {
                        sentences.add(sentence(raw, paragraph, start, end, tokenizer, tagger));
                    }
                }
                paragraph++;
            }
            if (to == raw.length()) {
                break;
            }
            from = to + 2;
        }
        return new Text(raw, sentences);
    }

    private static Sentence sentence(
            String raw, int paragraph, int start, int end, TokenizerME tokenizer, POSTaggerME tagger) {
        String body = raw.substring(start, end);
        Span[] spans = tokenizer.tokenizePos(body);
        String[] words = Span.spansToStrings(spans, body);
        String[] tags = tagger.tag(words);
        List<Tok> tokens = new ArrayList<>(spans.length);
        for (int i = 0; i < spans.length; i++) {
            tokens.add(new Tok(
                    start + spans[i].getStart(), start + spans[i].getEnd(), words[i], Lexicon.fold(words[i]), tags[i]));
        }
        return new Sentence(paragraph, start, end, tokens);
    }
}
