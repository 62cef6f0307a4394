import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  adjacentMark,
  compareMarks,
  decodeSpans,
  extendToSentences,
  groupOfWord,
  moveBySentence,
  nextWord,
  prevWord,
  rangeOfWords,
  sentenceGroups,
  snapToWords,
  toSpans,
  tokenizeWords,
  wordAt,
  wordAtOrAfter,
  wordAtOrBefore,
} from '../claim-highlighter/snapping.js';

const TEXT = 'Mayor bans bikes\n\nThe council met. It reportedly voted “yes”, 7–2.';
const WORDS = tokenizeWords(TEXT);
/** Sentence spans as the server would send them: the headline, then two sentences. */
const SENTENCES = toSpans([0, 16, 18, 34, 35, TEXT.length]);

function words(...phrases) {
  return phrases.map((p) => TEXT.slice(WORDS[p].start, WORDS[p].end));
}

function slice(span) {
  return span ? TEXT.slice(span.start, span.end) : null;
}

function at(phrase) {
  const i = TEXT.indexOf(phrase);
  assert.notEqual(i, -1, `"${phrase}" is not in the text`);
  return i;
}

// --- toSpans and tokenizeWords -------------------------------------------------------

test('toSpans turns flat pairs into sorted spans', () => {
  assert.deepEqual(toSpans([6, 10, 0, 5]), [
    { start: 0, end: 5 },
    { start: 6, end: 10 },
  ]);
});

test('toSpans drops broken pairs, an odd tail and overlaps, and accepts typed arrays', () => {
  assert.deepEqual(toSpans([0, 5, 7, 7, 9, 8, 1.5, 3, -1, 2, 3, 6, 11, 12, 99]), [
    { start: 0, end: 5 },
    { start: 11, end: 12 },
  ]);
  assert.deepEqual(toSpans(new Int32Array([2, 4])), [{ start: 2, end: 4 }]);
  assert.deepEqual(toSpans(null), []);
  assert.deepEqual(toSpans('0,5'), []);
});

test('decodeSpans reads the span code the server sends (the pair SpanCodecTest checks too)', () => {
  assert.deepEqual(decodeSpans('0a28B!s3'), [0, 5, 6, 10, 1000, 998]);
  assert.deepEqual(toSpans(decodeSpans('0a28')), [
    { start: 0, end: 5 },
    { start: 6, end: 10 },
  ]);
  assert.deepEqual(decodeSpans(''), []);
});

test('decodeSpans leaves arrays alone and gives nothing for a broken code', () => {
  assert.deepEqual(decodeSpans([0, 5]), [0, 5]);
  assert.equal(decodeSpans(null), null);
  assert.deepEqual(decodeSpans('0a,2'), []);
  assert.deepEqual(decodeSpans('0aB'), []);
  assert.deepEqual(toSpans(decodeSpans('0a,2')), []);
});

test('tokenizeWords finds runs of letters and digits in UTF-16 offsets', () => {
  assert.deepEqual(
    WORDS.map((w) => TEXT.slice(w.start, w.end)),
    ['Mayor', 'bans', 'bikes', 'The', 'council', 'met', 'It', 'reportedly', 'voted', 'yes', '7', '2'],
  );
  const emoji = 'a 😀 bé';
  assert.deepEqual(tokenizeWords(emoji), [
    { start: 0, end: 1 },
    { start: 5, end: 7 },
  ]);
  assert.deepEqual(tokenizeWords(undefined), []);
});

// --- word lookup ---------------------------------------------------------------------

test('wordAt finds the word containing an offset, or -1 between words', () => {
  assert.equal(wordAt(WORDS, 0), 0);
  assert.equal(wordAt(WORDS, 4), 0);
  assert.equal(wordAt(WORDS, 5), -1, 'the space after "Mayor"');
  assert.equal(wordAt(WORDS, 6), 1);
  assert.equal(wordAt(WORDS, TEXT.length), -1);
  assert.equal(wordAt([], 3), -1);
});

test('wordAtOrAfter and wordAtOrBefore fall back to the neighbouring word', () => {
  assert.equal(wordAtOrAfter(WORDS, 5), 1);
  assert.equal(wordAtOrBefore(WORDS, 5), 0);
  assert.equal(wordAtOrAfter(WORDS, 16), 3, 'the paragraph break leads to the next paragraph');
  assert.equal(wordAtOrBefore(WORDS, 17), 2);
  assert.equal(wordAtOrAfter(WORDS, TEXT.length), -1);
  assert.equal(wordAtOrBefore(WORDS, 0), 0);
  assert.equal(wordAtOrBefore([{ start: 3, end: 5 }], 1), -1);
});

test('nextWord and prevWord step by one and stop at the ends', () => {
  assert.equal(nextWord(WORDS, 0), 1);
  assert.equal(nextWord(WORDS, WORDS.length - 1), WORDS.length - 1);
  assert.equal(prevWord(WORDS, 1), 0);
  assert.equal(prevWord(WORDS, 0), 0);
  assert.equal(nextWord([], 0), -1);
  assert.equal(prevWord([], 0), -1);
});

test('rangeOfWords spans from one word to another in either order', () => {
  assert.equal(slice(rangeOfWords(WORDS, 3, 5)), 'The council met');
  assert.equal(slice(rangeOfWords(WORDS, 5, 3)), 'The council met');
  assert.equal(slice(rangeOfWords(WORDS, 4, 4)), 'council');
  assert.equal(rangeOfWords(WORDS, -1, 2), null);
  assert.equal(rangeOfWords(WORDS, 0, 99), null);
});

// --- snapToWords ---------------------------------------------------------------------

test('snapToWords moves a start inside a word to the word start and an end to the word end', () => {
  const start = at('ouncil');
  const end = at('et.') + 1;
  assert.equal(slice(snapToWords(WORDS, start, end, TEXT)), 'council met');
});

test('snapToWords leaves edges that are already on word boundaries', () => {
  const start = at('council');
  assert.deepEqual(snapToWords(WORDS, start, start + 'council'.length, TEXT), { start, end: start + 7 });
});

test('snapToWords trims whitespace before snapping', () => {
  const start = at(' council');
  const end = at('council met') + 'council '.length;
  assert.equal(slice(snapToWords(WORDS, start, end, TEXT)), 'council');
});

test('snapToWords keeps punctuation at an edge that is not inside a word', () => {
  const start = at('“yes”');
  assert.equal(slice(snapToWords(WORDS, start, start + 3, TEXT)), '“yes');
  assert.equal(slice(snapToWords(WORDS, at('met.'), at('met.') + 4, TEXT)), 'met.');
});

test('snapToWords accepts a reversed range', () => {
  assert.equal(slice(snapToWords(WORDS, at('et.') + 1, at('ouncil'), TEXT)), 'council met');
});

test('snapToWords snaps across a paragraph break', () => {
  assert.equal(slice(snapToWords(WORDS, at('ikes'), at('he council'), TEXT)), 'bikes\n\nThe');
});

test('snapToWords returns null for whitespace only or punctuation only', () => {
  assert.equal(snapToWords(WORDS, 5, 6, TEXT), null);
  assert.equal(snapToWords(WORDS, at('.'), at('.') + 1, TEXT), null);
  assert.equal(snapToWords(WORDS, 3, 3, TEXT), null);
  assert.equal(snapToWords(WORDS, 1.5, 3, TEXT), null);
});

test('snapToWords without words only trims', () => {
  assert.deepEqual(snapToWords([], 5, 10, TEXT), { start: 6, end: 10 });
});

test('snapToWords selects a whole word from a single character in it', () => {
  assert.equal(slice(snapToWords(WORDS, at('portedly'), at('portedly') + 1, TEXT)), 'reportedly');
});

// --- sentences -----------------------------------------------------------------------

test('sentenceGroups groups word indices by the sentence they start in', () => {
  assert.deepEqual(sentenceGroups(WORDS, SENTENCES), [
    { first: 0, last: 2 },
    { first: 3, last: 5 },
    { first: 6, last: 11 },
  ]);
});

test('sentenceGroups puts words outside every sentence into groups of their own', () => {
  const onlySecond = toSpans([18, 34]);
  assert.deepEqual(sentenceGroups(WORDS, onlySecond), [
    { first: 0, last: 2 },
    { first: 3, last: 5 },
    { first: 6, last: 11 },
  ]);
  assert.deepEqual(sentenceGroups(WORDS, []), [{ first: 0, last: WORDS.length - 1 }]);
  assert.deepEqual(sentenceGroups([], SENTENCES), []);
});

test('groupOfWord finds the group of a word index', () => {
  const groups = sentenceGroups(WORDS, SENTENCES);
  assert.equal(groupOfWord(groups, 0), 0);
  assert.equal(groupOfWord(groups, 5), 1);
  assert.equal(groupOfWord(groups, 11), 2);
  assert.equal(groupOfWord(groups, 12), -1);
});

test('moveBySentence forwards goes to the next sentence start, and to the last word at the end', () => {
  const groups = sentenceGroups(WORDS, SENTENCES);
  assert.equal(moveBySentence(groups, 1, 1), 3);
  assert.equal(moveBySentence(groups, 3, 1), 6);
  assert.equal(moveBySentence(groups, 7, 1), 11);
  assert.equal(moveBySentence(groups, 11, 1), 11);
});

test('moveBySentence backwards goes to this sentence start, then to the previous one', () => {
  const groups = sentenceGroups(WORDS, SENTENCES);
  assert.equal(moveBySentence(groups, 8, -1), 6);
  assert.equal(moveBySentence(groups, 6, -1), 3);
  assert.equal(moveBySentence(groups, 0, -1), 0);
});

test('moveBySentence to the end (extending) stops at the sentence end first', () => {
  const groups = sentenceGroups(WORDS, SENTENCES);
  assert.equal(moveBySentence(groups, 3, 1, 'end'), 5);
  assert.equal(moveBySentence(groups, 5, 1, 'end'), 11);
  assert.equal(moveBySentence(groups, 11, 1, 'end'), 11);
  assert.equal(moveBySentence(groups, 99, 1), 99, 'an unknown word stays');
});

test('extendToSentences covers every sentence the range touches', () => {
  assert.equal(slice(extendToSentences(SENTENCES, at('council'), at('council') + 3)), 'The council met.');
  assert.equal(
    slice(extendToSentences(SENTENCES, at('met'), at('reportedly'))),
    'The council met. It reportedly voted “yes”, 7–2.',
  );
});

test('extendToSentences treats a collapsed range as touching its sentence', () => {
  assert.equal(slice(extendToSentences(SENTENCES, at('voted'), at('voted'))), 'It reportedly voted “yes”, 7–2.');
});

test('extendToSentences keeps a range that touches no sentence', () => {
  assert.deepEqual(extendToSentences(SENTENCES, 16, 18), { start: 16, end: 18 });
  assert.deepEqual(extendToSentences([], 3, 9), { start: 3, end: 9 });
});

// --- adjacentMark --------------------------------------------------------------------

const MARKS = [
  { markId: 'c', start: 40, end: 50 },
  { markId: 'a', start: 0, end: 5 },
  { markId: 'b', start: 18, end: 34 },
  { markId: 'b2', start: 18, end: 21 },
];

test('compareMarks orders by start, longer first, then markId', () => {
  assert.deepEqual([...MARKS].sort(compareMarks).map((m) => m.markId), ['a', 'b', 'b2', 'c']);
});

test('adjacentMark steps from the selected mark in drawing order, without wrapping', () => {
  assert.equal(adjacentMark(MARKS, { selectedId: 'a' }, 1).markId, 'b');
  assert.equal(adjacentMark(MARKS, { selectedId: 'b' }, 1).markId, 'b2');
  assert.equal(adjacentMark(MARKS, { selectedId: 'b2' }, -1).markId, 'b');
  assert.equal(adjacentMark(MARKS, { selectedId: 'c' }, 1), null);
  assert.equal(adjacentMark(MARKS, { selectedId: 'a' }, -1), null);
});

test('adjacentMark without a selection starts from an offset', () => {
  assert.equal(adjacentMark(MARKS, { offset: 18 }, 1).markId, 'b', 'a mark starting at the caret is next');
  assert.equal(adjacentMark(MARKS, { offset: 19 }, 1).markId, 'c');
  assert.equal(adjacentMark(MARKS, { offset: 18 }, -1).markId, 'a');
  assert.equal(adjacentMark(MARKS, {}, 1).markId, 'a');
  assert.equal(adjacentMark(MARKS, {}, -1).markId, 'c');
  assert.equal(adjacentMark(MARKS, { selectedId: 'gone', offset: 60 }, 1), null);
  assert.equal(adjacentMark([], {}, 1), null);
});

test('words helper sanity: the fixture words are what the tests assume', () => {
  assert.deepEqual(words(3, 4, 5), ['The', 'council', 'met']);
});
