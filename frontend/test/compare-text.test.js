import { test } from 'node:test';
import assert from 'node:assert/strict';

import { canonicalText, findWords, pieces, selectedWords, wordsAt } from '../compare-work/compare-text.js';

// "Defectors cross\n\nOfficials reportedly said the men may return.\n\nIt is unclear."
const TEXT = 'Defectors cross\n\nOfficials reportedly said the men may return.\n\nIt is unclear.';
const PARAGRAPHS = [
  { start: 0, text: 'Defectors cross' },
  { start: 17, text: 'Officials reportedly said the men may return.' },
  { start: 64, text: 'It is unclear.' },
];

test('the paragraphs and their starts rebuild the canonical text, gaps as line breaks', () => {
  assert.equal(canonicalText(PARAGRAPHS), TEXT);
});

test('a selection inside one paragraph gives canonical offsets and the exact words', () => {
  const words = selectedWords(PARAGRAPHS, { paragraph: 1, offset: 10 }, { paragraph: 1, offset: 20 });
  assert.deepEqual([words.start, words.end, words.exact], [27, 37, 'reportedly']);
  assert.equal(TEXT.slice(words.start, words.end), words.exact);
  assert.equal(words.prefix, TEXT.slice(0, 27).slice(-32));
  assert.equal(words.suffix, TEXT.slice(37, 69));
});

test('a selection made backwards, or with spaces at its ends, gives the same words', () => {
  const words = selectedWords(PARAGRAPHS, { paragraph: 1, offset: 21 }, { paragraph: 1, offset: 9 });
  assert.equal(words.exact, 'reportedly');
});

test('a selection across paragraphs spans the line breaks between them, as the server has them', () => {
  const words = selectedWords(PARAGRAPHS, { paragraph: 1, offset: 34 }, { paragraph: 2, offset: 5 });
  assert.equal(words.exact, 'may return.\n\nIt is');
  assert.equal(TEXT.slice(words.start, words.end), words.exact);
  assert.deepEqual(pieces(PARAGRAPHS, words.start, words.end), [
    { paragraph: 1, from: 34, to: 45 },
    { paragraph: 2, from: 0, to: 5 },
  ]);
});

test('an empty selection or one outside the paragraphs gives nothing', () => {
  assert.equal(selectedWords(PARAGRAPHS, { paragraph: 1, offset: 3 }, { paragraph: 1, offset: 3 }), null);
  assert.equal(selectedWords(PARAGRAPHS, { paragraph: 5, offset: 0 }, { paragraph: 1, offset: 3 }), null);
  assert.equal(wordsAt(TEXT, 15, 17), null, 'only line breaks');
});

test('typed words are found whatever their case and spacing, the first not yet picked', () => {
  const text = 'It may rain. It MAY  snow.';
  const first = findWords(text, 'it may', []);
  assert.deepEqual([first.start, first.end], [0, 6]);
  const second = findWords(text, 'it   may', [{ start: 0, end: 6 }]);
  assert.deepEqual([second.start, second.exact], [13, 'It MAY']);
  assert.equal(findWords(text, 'it may', [{ start: 0, end: 6 }, { start: 13, end: 19 }]), null);
  assert.equal(findWords(text, 'hail'), null);
  assert.equal(findWords(text, '   '), null);
  assert.equal(findWords('a (b) c', '(b)').exact, '(b)', 'punctuation is matched as typed');
});
