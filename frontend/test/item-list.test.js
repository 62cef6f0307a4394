import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  NO_FILTER,
  filterOverlays,
  markItems,
  overlayFacets,
  overlayItems,
  shortQuote,
  withType,
} from '../claim-highlighter/item-list.js';
import { overlayKey } from '../claim-highlighter/overlays.js';

const ARTICLE =
  'Dam to close\n\nReportedly, the dam will close in May. If true, farmers lose their water.\n\nOfficials said nothing.';

function span(phrase) {
  const start = ARTICLE.indexOf(phrase);
  assert.notEqual(start, -1, `"${phrase}" is not in the text`);
  return { start, end: start + phrase.length };
}

function over(kind, id, phrase, extra = {}) {
  return { id, kind, ...span(phrase), ...extra };
}

// A small feedback overlay: a found hedge with its cue, a missed speculation with its cue, an
// extra opinion, and a source.
const FEEDBACK = [
  over('claim', 'key-1', 'Reportedly, the dam will close in May.', { type: 'hedged', status: 'found', label: 'Found · hedged' }),
  over('cue', 'cue-1', 'Reportedly'),
  over('claim', 'key-2', 'If true, farmers lose their water.', { type: 'speculation', status: 'missed', label: 'Missed · speculation' }),
  over('cue', 'cue-2', 'If true'),
  over('claim', 'extra-1', 'Dam to close', { type: 'opinion', status: 'extra', label: 'Not in the key' }),
  over('source', 'src-1', 'Officials', { label: 'Officials' }),
];

const ids = (overlays) => overlays.map((o) => o.id);

test('the list of marks is in reading order, longer first at one start, with type and words', () => {
  const marks = [
    { markId: 'b', ...span('farmers lose'), type: 'speculation', exact: 'farmers lose' },
    { markId: 'a2', ...span('Reportedly'), type: 'hedged', exact: '' },
    { markId: 'a1', ...span('Reportedly, the dam'), type: 'factual', exact: 'Reportedly, the dam' },
  ];
  const items = markItems(marks, ARTICLE);
  assert.deepEqual(
    items.map((i) => [i.markId, i.type, i.quote]),
    [
      ['a1', 'factual', 'Reportedly, the dam'],
      // A mark without a quote (an old outbox entry) quotes the text.
      ['a2', 'hedged', 'Reportedly'],
      ['b', 'speculation', 'farmers lose'],
    ],
  );
  assert.deepEqual(markItems([], ARTICLE), []);
});

test('a long quote is shortened and its white space collapsed', () => {
  assert.equal(shortQuote('one\n\n two   three'), 'one two three');
  const long = 'word '.repeat(60);
  const short = shortQuote(long, 20);
  assert.equal(short.length <= 20, true);
  assert.equal(short.endsWith('…'), true);
});

test('the facets name only what the overlay holds, types in palette order, cues uncounted', () => {
  const facets = overlayFacets(FEEDBACK);
  assert.deepEqual(facets.types, ['hedged', 'speculation', 'opinion']);
  assert.deepEqual(facets.statuses, ['extra', 'found', 'missed']);
  assert.deepEqual(facets.kinds, ['claim', 'cue', 'source']);
  assert.equal(facets.total, 4);
  assert.deepEqual(overlayFacets('not an array'), { types: [], statuses: [], kinds: [], total: 0 });
  // An overlay of an unknown kind is not drawn, so it is not offered either.
  assert.equal(overlayFacets([over('comment', 'x', 'Dam')]).total, 0);
});

test('no filter lets everything through', () => {
  assert.deepEqual(ids(filterOverlays(FEEDBACK, NO_FILTER)), ids(FEEDBACK));
});

test('hiding a type hides its claims and the cue words inside them, nothing else', () => {
  const filter = withType(NO_FILTER, 'speculation', false);
  assert.deepEqual(ids(filterOverlays(FEEDBACK, filter)), ['key-1', 'cue-1', 'extra-1', 'src-1']);
  // Shown again, it is back; the filter it came from is unchanged.
  assert.deepEqual(ids(filterOverlays(FEEDBACK, withType(filter, 'speculation', true))), ids(FEEDBACK));
  assert.equal(NO_FILTER.hiddenTypes.size, 0);
});

test('missed only keeps the missed claims and their cue words', () => {
  assert.deepEqual(ids(filterOverlays(FEEDBACK, { ...NO_FILTER, show: 'missed' })), ['key-2', 'cue-2']);
  // ...and a hidden type still hides a missed claim.
  const hidden = { ...withType(NO_FILTER, 'speculation', false), show: 'missed' };
  assert.deepEqual(ids(filterOverlays(FEEDBACK, hidden)), []);
});

test('sources only keeps the sources', () => {
  assert.deepEqual(ids(filterOverlays(FEEDBACK, { ...NO_FILTER, show: 'sources' })), ['src-1']);
});

test('a cue word in no claim goes with "everything" only', () => {
  const lonely = [over('cue', 'cue-x', 'nothing'), over('claim', 'c', 'Dam to close', { type: 'factual' })];
  assert.deepEqual(ids(filterOverlays(lonely, NO_FILTER)), ['cue-x', 'c']);
  assert.deepEqual(ids(filterOverlays(lonely, withType(NO_FILTER, 'factual', false))), ['cue-x']);
  assert.deepEqual(ids(filterOverlays(lonely, { ...NO_FILTER, show: 'missed' })), []);
});

test('the items of the list are the shown claims and sources in reading order, keyed as drawn', () => {
  const items = overlayItems(filterOverlays(FEEDBACK, NO_FILTER), ARTICLE);
  assert.deepEqual(
    items.map((i) => [i.kind, i.type, i.status, i.quote]),
    [
      ['claim', 'opinion', 'extra', 'Dam to close'],
      ['claim', 'hedged', 'found', 'Reportedly, the dam will close in May.'],
      ['claim', 'speculation', 'missed', 'If true, farmers lose their water.'],
      ['source', null, null, 'Officials'],
    ],
  );
  // The key is the one the text's <mark> is laid out under, so Jump finds it.
  assert.equal(items[0].key, overlayKey(FEEDBACK[4]));
  // The list follows the filter: a hidden type is gone from it as from the text.
  const filtered = overlayItems(filterOverlays(FEEDBACK, withType(NO_FILTER, 'opinion', false)), ARTICLE);
  assert.deepEqual(
    filtered.map((i) => i.type),
    ['hedged', 'speculation', null],
  );
});
