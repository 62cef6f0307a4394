import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  DEFAULT_CONTEXT,
  localOffset,
  quote,
  splitParagraphs,
  toCanonicalRange,
  trimRange,
} from '../claim-highlighter/offsets.js';

const ARTICLE = 'Mayor bans bicycles\n\nThe city council met on Monday.\n\nCritics were not convinced.';

// --- splitParagraphs ---------------------------------------------------------------

test('splitParagraphs gives each paragraph the offset of its first character', () => {
  assert.deepEqual(splitParagraphs(ARTICLE), [
    { index: 0, start: 0, text: 'Mayor bans bicycles' },
    { index: 1, start: 21, text: 'The city council met on Monday.' },
    { index: 2, start: 54, text: 'Critics were not convinced.' },
  ]);
});

test('splitParagraphs start offsets index the paragraph text in the full text', () => {
  for (const para of splitParagraphs(ARTICLE)) {
    assert.equal(ARTICLE.slice(para.start, para.start + para.text.length), para.text);
  }
});

test('splitParagraphs makes the headline paragraph 0', () => {
  const [headline] = splitParagraphs(ARTICLE);
  assert.equal(headline.index, 0);
  assert.equal(headline.start, 0);
  assert.equal(headline.text, 'Mayor bans bicycles');
});

test('splitParagraphs returns the whole text as one paragraph when there is no blank line', () => {
  assert.deepEqual(splitParagraphs('Only a headline'), [{ index: 0, start: 0, text: 'Only a headline' }]);
});

test('splitParagraphs keeps a single line break inside its paragraph', () => {
  assert.deepEqual(splitParagraphs('Head\n\nline one\nline two'), [
    { index: 0, start: 0, text: 'Head' },
    { index: 1, start: 6, text: 'line one\nline two' },
  ]);
});

test('splitParagraphs splits only on LF blank lines, leaving CRLF text untouched', () => {
  // Canonical text is CRLF-free; normalising here would move offsets away from the server's.
  assert.deepEqual(splitParagraphs('Head\r\n\r\nBody'), [{ index: 0, start: 0, text: 'Head\r\n\r\nBody' }]);
});

test('splitParagraphs returns no paragraphs for empty or missing text', () => {
  assert.deepEqual(splitParagraphs(''), []);
  assert.deepEqual(splitParagraphs(null), []);
  assert.deepEqual(splitParagraphs(undefined), []);
});

test('splitParagraphs skips an empty last paragraph after a trailing blank line', () => {
  assert.deepEqual(splitParagraphs('Head\n\nBody\n\n'), [
    { index: 0, start: 0, text: 'Head' },
    { index: 1, start: 6, text: 'Body' },
  ]);
});

test('splitParagraphs skips an empty first paragraph but keeps later offsets and numbers the headline 0', () => {
  assert.deepEqual(splitParagraphs('\n\nHead\n\nBody'), [
    { index: 0, start: 2, text: 'Head' },
    { index: 1, start: 8, text: 'Body' },
  ]);
});

test('splitParagraphs counts an emoji as two UTF-16 units, shifting later offsets by 2', () => {
  const plain = splitParagraphs('Head X\n\nBody');
  const emoji = splitParagraphs('Head \u{1F600}\n\nBody');
  assert.equal(plain[1].start, 8);
  assert.equal(emoji[1].start, 9);
  assert.equal(emoji[0].text, 'Head \u{1F600}');
  assert.equal(emoji[0].text.length, 7);
});

test('splitParagraphs rejects non-string text', () => {
  assert.throws(() => splitParagraphs(42), TypeError);
  // An array has indexOf and slice too, and would otherwise come back as "paragraphs".
  assert.throws(() => splitParagraphs(['Head\n\nBody']), TypeError);
});

// --- localOffset -------------------------------------------------------------------

test('localOffset adds the lengths of the text nodes before the boundary node', () => {
  const lengths = [5, 3, 7];
  assert.equal(localOffset(lengths, 0, 2), 2);
  assert.equal(localOffset(lengths, 1, 0), 5);
  assert.equal(localOffset(lengths, 1, 3), 8);
  assert.equal(localOffset(lengths, 2, 4), 12);
});

test('localOffset clamps to the start and the end of the paragraph', () => {
  const lengths = [5, 3, 7];
  assert.equal(localOffset(lengths, 0, -4), 0);
  assert.equal(localOffset(lengths, 2, 99), 15);
  assert.equal(localOffset(lengths, 3, 0), 15);
  assert.equal(localOffset([], 0, 3), 0);
});

// --- toCanonicalRange --------------------------------------------------------------

test('toCanonicalRange adds each paragraph start to its local offset', () => {
  const [, body] = splitParagraphs(ARTICLE);
  const range = toCanonicalRange(body, 4, body, 8);
  assert.deepEqual(range, { start: 25, end: 29 });
  assert.equal(ARTICLE.slice(range.start, range.end), 'city');
});

test('toCanonicalRange swaps the ends of a backwards selection', () => {
  const [, body] = splitParagraphs(ARTICLE);
  assert.deepEqual(toCanonicalRange(body, 8, body, 4), { start: 25, end: 29 });
});

test('toCanonicalRange spans paragraphs including the blank-line separator', () => {
  const [headline, body] = splitParagraphs(ARTICLE);
  const range = toCanonicalRange(headline, 11, body, 8);
  assert.deepEqual(range, { start: 11, end: 29 });
  assert.equal(ARTICLE.slice(range.start, range.end), 'bicycles\n\nThe city');
});

test('toCanonicalRange orders a backwards selection across paragraphs', () => {
  const [headline, body] = splitParagraphs(ARTICLE);
  assert.deepEqual(toCanonicalRange(body, 8, headline, 11), { start: 11, end: 29 });
});

test('toCanonicalRange keeps each boundary inside its own paragraph', () => {
  const [headline, body] = splitParagraphs(ARTICLE);
  assert.deepEqual(toCanonicalRange(headline, 500, body, -3), { start: 19, end: 21 });
});

// --- quote -------------------------------------------------------------------------

test('quote returns the exact text with context on both sides', () => {
  const text = 'abcdefghij';
  assert.deepEqual(quote(text, 4, 6, 2), { start: 4, end: 6, exact: 'ef', prefix: 'cd', suffix: 'gh' });
});

test('quote uses 32 characters of context by default', () => {
  const text = `${'p'.repeat(40)}CLAIM${'s'.repeat(40)}`;
  const result = quote(text, 40, 45);
  assert.equal(DEFAULT_CONTEXT, 32);
  assert.equal(result.exact, 'CLAIM');
  assert.equal(result.prefix, 'p'.repeat(32));
  assert.equal(result.suffix, 's'.repeat(32));
});

test('quote has an empty prefix at the start of the text and a short suffix near the end', () => {
  assert.deepEqual(quote('Mayor bans bicycles', 0, 5, 8), {
    start: 0,
    end: 5,
    exact: 'Mayor',
    prefix: '',
    suffix: ' bans bi',
  });
  assert.deepEqual(quote('Mayor bans bicycles', 11, 19, 8), {
    start: 11,
    end: 19,
    exact: 'bicycles',
    prefix: 'or bans ',
    suffix: '',
  });
});

test('quote keeps only the characters that exist when the context reaches past the text', () => {
  assert.deepEqual(quote('ab', 1, 1), { start: 1, end: 1, exact: '', prefix: 'a', suffix: 'b' });
  assert.deepEqual(quote('abcdefghij', 3, 4, 5), { start: 3, end: 4, exact: 'd', prefix: 'abc', suffix: 'efghi' });
});

test('quote shortens the context rather than cut an emoji in half', () => {
  const text = '\u{1F600}abc\u{1F600}';
  // Two units of context before offset 3 would start inside the first emoji.
  assert.equal(quote(text, 3, 4, 2).prefix, 'a');
  // Two units after offset 4 would end inside the second emoji.
  assert.equal(quote(text, 3, 4, 2).suffix, 'c');
  // With room for the whole pair, the emoji is kept.
  assert.equal(quote(text, 2, 3, 2).prefix, '\u{1F600}');
  assert.equal(quote(text, 4, 5, 2).suffix, '\u{1F600}');
});

test('quote rejects ranges outside the text or reversed', () => {
  assert.throws(() => quote('abc', -1, 2), RangeError);
  assert.throws(() => quote('abc', 0, 4), RangeError);
  assert.throws(() => quote('abc', 2, 1), RangeError);
  assert.throws(() => quote('abc', 0.5, 2), RangeError);
  assert.throws(() => quote('abc', 0, Number.NaN), RangeError);
});

test('quote rejects a negative or fractional context', () => {
  assert.throws(() => quote('abc', 0, 1, -1), RangeError);
  assert.throws(() => quote('abc', 0, 1, 1.5), RangeError);
});

test('quote rejects non-string text', () => {
  assert.throws(() => quote(['a', 'b', 'c'], 0, 1), TypeError);
});

test('quote accepts a range ending exactly at the end of the text', () => {
  assert.equal(quote('abc', 0, 3).exact, 'abc');
});

// --- trimRange ---------------------------------------------------------------------

test('trimRange drops a trailing space picked up by a drag', () => {
  const text = 'The city council met';
  assert.deepEqual(trimRange(text, 4, 9), { start: 4, end: 8 });
});

test('trimRange drops leading whitespace', () => {
  assert.deepEqual(trimRange('The city council', 3, 8), { start: 4, end: 8 });
});

test('trimRange drops blank-line separators at either end of a cross-paragraph range', () => {
  const text = 'Head\n\nBody\n\nMore';
  assert.deepEqual(trimRange(text, 4, 12), { start: 6, end: 10 });
});

test('trimRange keeps whitespace inside the range', () => {
  assert.deepEqual(trimRange('a b\n\nc d', 0, 8), { start: 0, end: 8 });
});

test('trimRange collapses an all-whitespace range to its start', () => {
  assert.deepEqual(trimRange('a \t\n b', 1, 5), { start: 1, end: 1 });
});

test('trimRange leaves an already trimmed or empty range unchanged', () => {
  assert.deepEqual(trimRange('abc', 0, 3), { start: 0, end: 3 });
  assert.deepEqual(trimRange('abc', 2, 2), { start: 2, end: 2 });
});

test('trimRange rejects ranges outside the text', () => {
  assert.throws(() => trimRange('abc', 0, 4), RangeError);
  assert.throws(() => trimRange('abc', 2, 1), RangeError);
  assert.throws(() => trimRange(['a', ' '], 0, 2), TypeError);
});

// --- together ----------------------------------------------------------------------

test('a selection after an emoji in a split paragraph maps to the right canonical words', () => {
  const text = 'Head \u{1F600}\n\nLocal \u{1F600} news is fake';
  const [, body] = splitParagraphs(text);
  // The paragraph is split into three text nodes: "Local ", emoji, " news is fake".
  const lengths = [6, 2, 13];
  const startLocal = localOffset(lengths, 2, 0);
  const endLocal = localOffset(lengths, 2, 6);
  const raw = toCanonicalRange(body, endLocal, body, startLocal);
  const { start, end } = trimRange(text, raw.start, raw.end);
  const result = quote(text, start, end, 4);
  assert.equal(result.exact, 'news');
  assert.equal(result.start, 18);
  assert.equal(result.prefix, ' \u{1F600} ');
});
