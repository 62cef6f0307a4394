import { test } from 'node:test';
import assert from 'node:assert/strict';

import { splitParagraphs } from '../claim-highlighter/offsets.js';
import {
  compareOverlays,
  isUsableOverlay,
  nestSegments,
  segmentParagraph,
  segmentParagraphs,
  usableOverlays,
} from '../claim-highlighter/segments.js';

const ARTICLE = 'Mayor bans bicycles\n\nThe city council met on Monday.\n\nCritics were not convinced.';
const [HEADLINE, BODY, LAST] = splitParagraphs(ARTICLE);

/** The canonical range of the first occurrence of a phrase, as an overlay. */
function over(id, phrase, text = ARTICLE) {
  const start = text.indexOf(phrase);
  assert.notEqual(start, -1, `"${phrase}" is not in the text`);
  return { id, start, end: start + phrase.length };
}

/** Segments reduced to what most tests look at. */
function brief(segments) {
  return segments.map(({ text, overlays, first }) => ({ text, overlays, first }));
}

/** The invariants every segmentation must keep, whatever the overlays. */
function assertCovers(paragraph, segments) {
  assert.equal(segments.map((s) => s.text).join(''), paragraph.text);
  let at = paragraph.start;
  for (const segment of segments) {
    assert.equal(segment.start, at, 'segments must follow each other without gap or overlap');
    assert.ok(segment.end > segment.start, 'segments must not be empty');
    assert.equal(segment.text, ARTICLE.slice(segment.start, segment.end), 'start and end must be canonical offsets');
    at = segment.end;
  }
  assert.equal(at, paragraph.start + paragraph.text.length);
}

// --- segmentParagraph --------------------------------------------------------------

test('without overlays a paragraph is one uncovered segment', () => {
  const expected = [{ text: BODY.text, start: 21, end: 52, overlays: [], first: [] }];
  assert.deepEqual(segmentParagraph(BODY, []), expected);
  assert.deepEqual(segmentParagraph(BODY, undefined), expected);
});

test('an overlay in the middle cuts the paragraph into three, with canonical offsets', () => {
  const segments = segmentParagraph(BODY, [over('c1', 'city council')]);
  assert.deepEqual(segments, [
    { text: 'The ', start: 21, end: 25, overlays: [], first: [] },
    { text: 'city council', start: 25, end: 37, overlays: ['c1'], first: ['c1'] },
    { text: ' met on Monday.', start: 37, end: 52, overlays: [], first: [] },
  ]);
  assert.equal(ARTICLE.slice(25, 37), 'city council');
});

test('an overlay covering the whole paragraph gives one covered segment', () => {
  const segments = segmentParagraph(BODY, [over('c1', BODY.text)]);
  assert.deepEqual(brief(segments), [{ text: BODY.text, overlays: ['c1'], first: ['c1'] }]);
});

test('overlapping overlays give a segment covered by both, earlier start first', () => {
  // "city council" and "council met" share "council".
  const segments = segmentParagraph(BODY, [over('b', 'council met'), over('a', 'city council')]);
  assert.deepEqual(brief(segments), [
    { text: 'The ', overlays: [], first: [] },
    { text: 'city ', overlays: ['a'], first: ['a'] },
    { text: 'council', overlays: ['a', 'b'], first: ['b'] },
    { text: ' met', overlays: ['b'], first: [] },
    { text: ' on Monday.', overlays: [], first: [] },
  ]);
});

test('a nested overlay is inside the one containing it, whatever the input order', () => {
  const outer = over('z-outer', 'city council met');
  const inner = over('a-inner', 'council');
  const expected = [
    { text: 'The ', overlays: [], first: [] },
    { text: 'city ', overlays: ['z-outer'], first: ['z-outer'] },
    { text: 'council', overlays: ['z-outer', 'a-inner'], first: ['a-inner'] },
    { text: ' met', overlays: ['z-outer'], first: [] },
    { text: ' on Monday.', overlays: [], first: [] },
  ];
  assert.deepEqual(brief(segmentParagraph(BODY, [inner, outer])), expected);
  assert.deepEqual(brief(segmentParagraph(BODY, [outer, inner])), expected);
});

test('of two overlays starting together the longer is outer; equal ranges go by id', () => {
  const long = over('b', 'city council');
  const short = over('c', 'city');
  const twin = over('a', 'city');
  const segments = segmentParagraph(BODY, [short, twin, long]);
  assert.deepEqual(brief(segments).slice(1, 3), [
    { text: 'city', overlays: ['b', 'a', 'c'], first: ['b', 'a', 'c'] },
    { text: ' council', overlays: ['b'], first: [] },
  ]);
});

test('numeric ids are ordered numerically', () => {
  const segments = segmentParagraph(BODY, [over(10, 'city'), over(2, 'city')]);
  assert.deepEqual(segments[1].overlays, [2, 10]);
});

test('an overlay crossing into the next paragraph is first only in the paragraph it starts in', () => {
  const crossing = over('x', 'bicycles\n\nThe city');
  const [head, body] = segmentParagraphs([HEADLINE, BODY], [crossing]);
  assert.deepEqual(brief(head), [
    { text: 'Mayor bans ', overlays: [], first: [] },
    { text: 'bicycles', overlays: ['x'], first: ['x'] },
  ]);
  assert.deepEqual(brief(body), [
    { text: 'The city', overlays: ['x'], first: [] },
    { text: ' council met on Monday.', overlays: [], first: [] },
  ]);
  // The same with segmentParagraph alone: by default an overlay starting before the
  // paragraph is not first there.
  assert.deepEqual(segmentParagraph(BODY, [crossing]), body);
});

test('an overlay spanning a whole middle paragraph covers it without being first there', () => {
  const spanning = over('x', 'bicycles\n\nThe city council met on Monday.\n\nCritics');
  const [, body, last] = segmentParagraphs([HEADLINE, BODY, LAST], [spanning]);
  assert.deepEqual(brief(body), [{ text: BODY.text, overlays: ['x'], first: [] }]);
  assert.deepEqual(brief(last)[0], { text: 'Critics', overlays: ['x'], first: [] });
});

test('an overlay starting in the blank line before a paragraph is first in that paragraph', () => {
  // Starts on the second "\n" of the separator, which belongs to no paragraph.
  const overlay = { id: 'gap', start: BODY.start - 1, end: BODY.start + 3 };
  const [head, body] = segmentParagraphs([HEADLINE, BODY], [overlay]);
  assert.deepEqual(brief(head), [{ text: HEADLINE.text, overlays: [], first: [] }]);
  assert.deepEqual(brief(body)[0], { text: 'The', overlays: ['gap'], first: ['gap'] });
  // With previousEnd given, segmentParagraph agrees.
  assert.deepEqual(segmentParagraph(BODY, [overlay], HEADLINE.start + HEADLINE.text.length), body);
});

test('an overlay starting before the text is first in the headline', () => {
  const [head] = segmentParagraphs([HEADLINE], [{ id: 'early', start: -3, end: 5 }]);
  assert.deepEqual(brief(head)[0], { text: 'Mayor', overlays: ['early'], first: ['early'] });
});

test('overlays wholly in other paragraphs leave a paragraph untouched', () => {
  const overlays = [over('h', 'bicycles'), over('l', 'Critics'), { id: 'sep', start: 19, end: 21 }];
  assert.deepEqual(brief(segmentParagraph(BODY, overlays)), [{ text: BODY.text, overlays: [], first: [] }]);
});

test('overlays ending where the paragraph starts or starting where it ends do not touch it', () => {
  const bodyEnd = BODY.start + BODY.text.length;
  const overlays = [{ id: 'before', start: 0, end: BODY.start }, { id: 'after', start: bodyEnd, end: bodyEnd + 4 }];
  assert.deepEqual(brief(segmentParagraph(BODY, overlays)), [{ text: BODY.text, overlays: [], first: [] }]);
});

test('empty, reversed and malformed overlays are ignored', () => {
  const good = over('ok', 'city');
  const broken = [
    { id: 'empty', start: 25, end: 25 },
    { id: 'reversed', start: 29, end: 25 },
    { id: 'fraction', start: 25.5, end: 29 },
    { id: 'text', start: '25', end: '29' },
    { id: 'nan', start: Number.NaN, end: 29 },
    { id: '', start: 25, end: 29 },
    { id: null, start: 25, end: 29 },
    { id: Number.POSITIVE_INFINITY, start: 25, end: 29 },
    { start: 25, end: 29 },
    null,
    'c1',
    42,
  ];
  assert.deepEqual(brief(segmentParagraph(BODY, [...broken, good])), [
    { text: 'The ', overlays: [], first: [] },
    { text: 'city', overlays: ['ok'], first: ['ok'] },
    { text: ' council met on Monday.', overlays: [], first: [] },
  ]);
  // A single overlay not wrapped in an array is a caller's mistake, not a reason to fail.
  assert.deepEqual(brief(segmentParagraph(BODY, good)), [{ text: BODY.text, overlays: [], first: [] }]);
});

test('a later overlay with an id already used is ignored', () => {
  const segments = segmentParagraph(BODY, [over('dup', 'council'), over('dup', 'city')]);
  assert.deepEqual(brief(segments), [
    { text: 'The city ', overlays: [], first: [] },
    { text: 'council', overlays: ['dup'], first: ['dup'] },
    { text: ' met on Monday.', overlays: [], first: [] },
  ]);
});

test('an emoji counts as two units and stays whole in one segment', () => {
  const text = 'Head \u{1F600}\n\nLocal \u{1F600} news is fake';
  const [, body] = splitParagraphs(text);
  const segments = segmentParagraph(body, [over('n', '\u{1F600} news', text)]);
  assert.deepEqual(segments, [
    { text: 'Local ', start: 9, end: 15, overlays: [], first: [] },
    { text: '\u{1F600} news', start: 15, end: 22, overlays: ['n'], first: ['n'] },
    { text: ' is fake', start: 22, end: 30, overlays: [], first: [] },
  ]);
});

test('an overlay end inside a surrogate pair is widened to the whole emoji', () => {
  const text = 'Head\n\nab\u{1F600}cd';
  const [, body] = splitParagraphs(text);
  // 8 is between the two halves of the emoji at 8..10; so are the ends 9 of both overlays.
  const endsInside = segmentParagraph(body, [{ id: 'e', start: 6, end: 9 }]);
  const startsInside = segmentParagraph(body, [{ id: 's', start: 9, end: 11 }]);
  assert.deepEqual(brief(endsInside), [
    { text: 'ab\u{1F600}', overlays: ['e'], first: ['e'] },
    { text: 'cd', overlays: [], first: [] },
  ]);
  assert.deepEqual(brief(startsInside), [
    { text: 'ab', overlays: [], first: [] },
    { text: '\u{1F600}c', overlays: ['s'], first: ['s'] },
    { text: 'd', overlays: [], first: [] },
  ]);
  // With the u flag a whole pair is one code point, so this matches only a lone half.
  for (const segment of [...endsInside, ...startsInside]) {
    assert.doesNotMatch(segment.text, /[\ud800-\udfff]/u);
  }
});

test('segments always concatenate back to the paragraph and cover it in order', () => {
  const overlays = [
    over('a', 'city council'),
    over('b', 'council met on'),
    over('c', 'met'),
    over('d', 'bicycles\n\nThe'),
    over('e', 'Monday.\n\nCritics were'),
    over('f', 'T'),
    { id: 'g', start: 0, end: ARTICLE.length },
  ];
  for (const paragraph of [HEADLINE, BODY, LAST]) {
    assertCovers(paragraph, segmentParagraph(paragraph, overlays));
  }
  // Every possible single overlay over the body, including ones reaching outside it.
  for (let start = BODY.start - 3; start < BODY.start + BODY.text.length + 3; start++) {
    for (let end = start + 1; end <= BODY.start + BODY.text.length + 3; end++) {
      const segments = segmentParagraph(BODY, [{ id: 'x', start, end }]);
      assertCovers(BODY, segments);
      const covered = segments.filter((s) => s.overlays.length > 0);
      const from = Math.max(start, BODY.start);
      const to = Math.min(end, BODY.start + BODY.text.length);
      assert.equal(covered.map((s) => s.text).join(''), ARTICLE.slice(from, Math.max(from, to)));
    }
  }
});

test('neighbouring segments never have the same overlays', () => {
  const overlays = [over('a', 'city council'), over('b', 'council met'), over('c', 'city'), over('d', 'met')];
  const segments = segmentParagraph(BODY, overlays);
  for (let i = 1; i < segments.length; i++) {
    assert.notDeepEqual(segments[i].overlays, segments[i - 1].overlays);
  }
});

test('every overlay is first exactly once across all paragraphs, on its first segment', () => {
  const overlays = [
    over('a', 'bicycles\n\nThe city council met on Monday.\n\nCritics'),
    over('b', 'council'),
    over('c', 'Monday.\n\nCritics were'),
    over('d', 'Mayor'),
  ];
  const all = segmentParagraphs([HEADLINE, BODY, LAST], overlays).flat();
  for (const { id } of overlays) {
    const firstIn = all.filter((s) => s.first.includes(id));
    assert.equal(firstIn.length, 1, `${id} must be first exactly once`);
    assert.equal(firstIn[0], all.find((s) => s.overlays.includes(id)));
  }
});

test('an empty paragraph has no segments', () => {
  assert.deepEqual(segmentParagraph({ start: 4, text: '' }, [{ id: 'a', start: 0, end: 9 }]), []);
});

// --- usableOverlays, compareOverlays, isUsableOverlay ------------------------------

test('usableOverlays sorts by start, then longer first, then id, and drops the unusable', () => {
  const a = { id: 'a', start: 5, end: 9 };
  const b = { id: 'b', start: 2, end: 4 };
  const c = { id: 'c', start: 5, end: 12 };
  const d = { id: 'd', start: 5, end: 9 };
  assert.deepEqual(usableOverlays([d, a, { id: 'x', start: 3, end: 3 }, c, b]), [b, c, a, d]);
  assert.deepEqual(usableOverlays(null), []);
});

test('compareOverlays puts numbers before strings and never calls different ids equal', () => {
  const at = (id) => ({ id, start: 0, end: 1 });
  assert.ok(compareOverlays(at(3), at('3')) < 0);
  assert.ok(compareOverlays(at('3'), at(3)) > 0);
  assert.ok(compareOverlays(at('B'), at('a')) < 0);
  assert.equal(compareOverlays(at('a'), at('a')), 0);
});

test('isUsableOverlay accepts string and number ids with a non-empty integer range', () => {
  assert.equal(isUsableOverlay({ id: 'c1', start: 0, end: 1 }), true);
  assert.equal(isUsableOverlay({ id: 0, start: -2, end: 1 }), true);
  assert.equal(isUsableOverlay({ id: 'c1', start: 1, end: 1 }), false);
  assert.equal(isUsableOverlay({ id: {}, start: 0, end: 1 }), false);
  assert.equal(isUsableOverlay(undefined), false);
});

// --- nestSegments ------------------------------------------------------------------

test('nestSegments leaves uncovered text as plain text nodes', () => {
  assert.deepEqual(nestSegments(segmentParagraph(BODY, [])), [{ text: BODY.text, start: 21, end: 52 }]);
  assert.deepEqual(nestSegments([]), []);
});

test('nestSegments wraps a nested overlay inside one fragment of the outer one', () => {
  const tree = nestSegments(segmentParagraph(BODY, [over('outer', 'city council met'), over('inner', 'council')]));
  assert.deepEqual(tree, [
    { text: 'The ', start: 21, end: 25 },
    {
      id: 'outer',
      first: true,
      start: 25,
      end: 41,
      children: [
        { text: 'city ', start: 25, end: 30 },
        { id: 'inner', first: true, start: 30, end: 37, children: [{ text: 'council', start: 30, end: 37 }] },
        { text: ' met', start: 37, end: 41 },
      ],
    },
    { text: ' on Monday.', start: 41, end: 52 },
  ]);
});

test('nestSegments splits a crossing overlay into fragments, first only on the first', () => {
  const tree = nestSegments(segmentParagraph(BODY, [over('a', 'city council'), over('b', 'council met')]));
  assert.deepEqual(tree.slice(1, 3), [
    {
      id: 'a',
      first: true,
      start: 25,
      end: 37,
      children: [
        { text: 'city ', start: 25, end: 30 },
        { id: 'b', first: true, start: 30, end: 37, children: [{ text: 'council', start: 30, end: 37 }] },
      ],
    },
    { id: 'b', first: false, start: 37, end: 41, children: [{ text: ' met', start: 37, end: 41 }] },
  ]);
});

test('nestSegments keeps a crossing overlay unlabelled in the later paragraph', () => {
  const [, body] = segmentParagraphs([HEADLINE, BODY], [over('x', 'bicycles\n\nThe')]);
  assert.deepEqual(nestSegments(body)[0], {
    id: 'x',
    first: false,
    start: 21,
    end: 24,
    children: [{ text: 'The', start: 21, end: 24 }],
  });
});

test('nestSegments keeps all the text, in order', () => {
  const overlays = [over('a', 'city council'), over('b', 'council met on'), over('c', 'met'), over('d', 'The')];
  const texts = [];
  const walk = (nodes) => {
    for (const node of nodes) {
      if (node.children) {
        walk(node.children);
      } else {
        texts.push(node.text);
      }
    }
  };
  walk(nestSegments(segmentParagraph(BODY, overlays)));
  assert.equal(texts.join(''), BODY.text);
  assert.equal(texts.length, segmentParagraph(BODY, overlays).length);
});
