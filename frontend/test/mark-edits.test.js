import { test } from 'node:test';
import assert from 'node:assert/strict';

import { MAX_LANE, dragEdge, markLanes, markToSelect, marksAt, moveEdge } from '../claim-highlighter/mark-edits.js';
import { tokenizeWords } from '../claim-highlighter/snapping.js';

//                   0         1         2         3         4
//                   0123456789012345678901234567890123456789012345
const TEXT = 'The mayor said the bridge will reopen in May.';
const WORDS = tokenizeWords(TEXT);

/** The text a span covers. */
const words = (span) => (span ? TEXT.slice(span.start, span.end) : null);
/** The span of a phrase of TEXT. */
function span(phrase) {
  const start = TEXT.indexOf(phrase);
  assert.ok(start >= 0, phrase);
  return { start, end: start + phrase.length };
}
const mark = (markId, phrase) => ({ markId, ...span(phrase) });

test('marks apart share the first lane', () => {
  const lanes = markLanes([mark('a', 'The mayor'), mark('b', 'the bridge')]);
  assert.equal(lanes.get('a'), 0);
  assert.equal(lanes.get('b'), 0);
});

test('a mark inside another gets a lane of its own, and so does one overlapping both', () => {
  const lanes = markLanes([
    mark('inner', 'the bridge'),
    mark('outer', 'The mayor said the bridge will reopen'),
    mark('overlap', 'bridge will reopen in May'),
  ]);
  assert.equal(lanes.get('outer'), 0);
  assert.equal(lanes.get('inner'), 1);
  assert.equal(lanes.get('overlap'), 2);
});

test('a lane is reused once the mark in it has ended', () => {
  const lanes = markLanes([
    mark('outer', 'The mayor said the bridge will reopen in May'),
    mark('first', 'mayor said'),
    mark('second', 'will reopen'),
  ]);
  assert.equal(lanes.get('first'), 1);
  assert.equal(lanes.get('second'), 1);
});

test('lanes stop at the deepest one drawn apart', () => {
  const nested = ['The mayor said the bridge will reopen in May', 'mayor said the bridge will reopen in', 'said the bridge will reopen', 'the bridge will', 'bridge'];
  const lanes = markLanes(nested.map((p, i) => mark(`m${i}`, p)));
  assert.deepEqual([...lanes.values()], [0, 1, 2, 3, MAX_LANE]);
});

test('empty and broken marks get no lane', () => {
  const lanes = markLanes([{ markId: 'x', start: 4, end: 4 }, { markId: 'y', start: Number.NaN, end: 3 }]);
  assert.equal(lanes.size, 0);
});

test('the marks under a word, innermost first', () => {
  const marks = [mark('outer', 'The mayor said the bridge will reopen'), mark('inner', 'the bridge'), mark('other', 'in May')];
  assert.deepEqual(
    marksAt(marks, TEXT.indexOf('bridge')).map((m) => m.markId),
    ['inner', 'outer'],
  );
  assert.deepEqual(
    marksAt(marks, TEXT.indexOf('mayor')).map((m) => m.markId),
    ['outer'],
  );
  assert.deepEqual(marksAt(marks, TEXT.indexOf('reopen') + 6), []);
});

test('a click selects the innermost mark, the next click the one around it, then round again', () => {
  const under = ['inner', 'outer'];
  assert.equal(markToSelect(under, null), 'inner');
  assert.equal(markToSelect(under, 'inner'), 'outer');
  assert.equal(markToSelect(under, 'outer'), 'inner');
  // A mark selected elsewhere does not change where the cycle starts.
  assert.equal(markToSelect(under, 'elsewhere'), 'inner');
  // Where one mark covers the word, a click selects that one, also when clicked again.
  assert.equal(markToSelect(['only'], null), 'only');
  assert.equal(markToSelect(['only'], 'only'), 'only');
  assert.equal(markToSelect([], null), null);
});

test('dragging the start snaps to the start of the word at or after the point', () => {
  const base = span('the bridge');
  // Into the middle of "said": the whole word.
  assert.equal(words(dragEdge(WORDS, base, 'start', TEXT.indexOf('said') + 2)), 'said the bridge');
  // Onto the space before "said": the word after it.
  assert.equal(words(dragEdge(WORDS, base, 'start', TEXT.indexOf('said') - 1)), 'said the bridge');
  // Inwards: drops the first word.
  assert.equal(words(dragEdge(WORDS, base, 'start', TEXT.indexOf('bridge') + 1)), 'bridge');
  // Past the other end: stops at the last word.
  assert.equal(words(dragEdge(WORDS, base, 'start', TEXT.indexOf('May'))), 'bridge');
});

test('dragging the end snaps to the end of the word at or before the point', () => {
  const base = span('the bridge');
  assert.equal(words(dragEdge(WORDS, base, 'end', TEXT.indexOf('reopen') + 2)), 'the bridge will reopen');
  // Right after a word: that word.
  assert.equal(words(dragEdge(WORDS, base, 'end', TEXT.indexOf('will') + 4)), 'the bridge will');
  // On the space after a word: that word.
  assert.equal(words(dragEdge(WORDS, base, 'end', TEXT.indexOf('will') + 5)), 'the bridge will');
  // Past the other end: stops at the first word.
  assert.equal(words(dragEdge(WORDS, base, 'end', 0)), 'the');
  // To the end of the text: the last word, not the full stop.
  assert.equal(words(dragEdge(WORDS, base, 'end', TEXT.length)), 'the bridge will reopen in May');
});

test('a mark that started inside a word is snapped to whole words when dragged', () => {
  const base = { start: TEXT.indexOf('ayor'), end: TEXT.indexOf('said') + 2 };
  assert.equal(words(dragEdge(WORDS, base, 'end', TEXT.indexOf('the bridge') + 3)), 'mayor said the');
  assert.equal(words(dragEdge(WORDS, base, 'start', 0)), 'The mayor said');
});

test('no words, no drag', () => {
  assert.equal(dragEdge([], span('the'), 'end', 10), null);
});

test('the keys move one end by a word, keeping at least one word', () => {
  const base = span('the bridge');
  assert.equal(words(moveEdge(WORDS, base, 'start', -1)), 'said the bridge');
  assert.equal(words(moveEdge(WORDS, base, 'start', 1)), 'bridge');
  assert.equal(words(moveEdge(WORDS, base, 'end', 1)), 'the bridge will');
  assert.equal(words(moveEdge(WORDS, base, 'end', -1)), 'the');
  const one = span('bridge');
  assert.equal(moveEdge(WORDS, one, 'start', 1), null);
  assert.equal(moveEdge(WORDS, one, 'end', -1), null);
});

test('the keys stop at either end of the text', () => {
  assert.equal(moveEdge(WORDS, span('The mayor'), 'start', -1), null);
  assert.equal(moveEdge(WORDS, span('in May'), 'end', 1), null);
  assert.equal(words(moveEdge(WORDS, span('in May'), 'start', -1)), 'reopen in May');
});
