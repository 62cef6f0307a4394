import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  NOT_A_COUNT,
  buildState,
  deletedSpan,
  fieldValues,
  readWork,
  shownSpans,
  workSeqs,
} from '../compare-work/compare-state.js';

const A = '00000000-0000-4000-8000-0000000000a1';
const B = '00000000-0000-4000-8000-0000000000b2';

test('a grid state has every field, blanks as null, counts as numbers and outlets as a list', () => {
  const built = buildState(
    'grid',
    { articleId: A },
    { framing: 'hedged', namedSources: '2', anonymousSources: '', reporting: 'relay', relayedFrom: ['Wire', ' '], includes: '  ' },
    4,
  );
  assert.deepEqual(built, {
    state: {
      articleId: A,
      seq: 4,
      framing: 'hedged',
      namedSources: 2,
      anonymousSources: null,
      reporting: 'relay',
      relayedFrom: ['Wire'],
      includes: null,
      outletKind: null,
    },
  });
});

test('a count that is no whole number is not sent, with a sentence', () => {
  assert.deepEqual(buildState('grid', { articleId: A }, { namedSources: '2.5' }, 1), { problem: NOT_A_COUNT });
  assert.deepEqual(buildState('grid', { articleId: A }, { namedSources: '99999999999' }, 1), { problem: NOT_A_COUNT });
  assert.equal(buildState('grid', { articleId: A }, { namedSources: '-1' }, 1).state.namedSources, -1, 'the server says why');
});

test('a cell keeps the wording it had; a note and the judgement carry their texts', () => {
  const previous = { claimId: 'c01', articleId: A, seq: 2, carried: 'fact', start: 5, end: 9, exact: 'said', prefix: 'x', suffix: 'y' };
  assert.deepEqual(buildState('cell', { claimId: 'c01', articleId: A }, { carried: 'hedged' }, 3, previous).state, {
    claimId: 'c01', articleId: A, seq: 3, carried: 'hedged', start: 5, end: 9, exact: 'said', prefix: 'x', suffix: 'y',
  });
  assert.deepEqual(buildState('cell', { claimId: 'c01', articleId: A }, { carried: '' }, 1).state, {
    claimId: 'c01', articleId: A, seq: 1, carried: null, start: null, end: null, exact: null, prefix: null, suffix: null,
  });
  assert.deepEqual(buildState('note', { outletId: 'o1' }, { address: 'https://x.example', note: 'Owned by a party.' }, 1).state, {
    outletId: 'o1', seq: 1, address: 'https://x.example', note: 'Owned by a party.',
  });
  assert.deepEqual(buildState('judgement', {}, { judgement: 'B relays A.' }, 6).state, { seq: 6, judgement: 'B relays A.' });
  assert.ok('problem' in buildState('note', {}, {}, 1), 'an item without its id is not sent');
});

test('a state goes back into its fields as texts and lists', () => {
  assert.deepEqual(
    fieldValues('grid', { articleId: A, seq: 1, framing: null, namedSources: 3, relayedFrom: ['Wire'] }),
    { framing: '', namedSources: '3', anonymousSources: '', reporting: '', relayedFrom: ['Wire'], includes: '', outletKind: '' },
  );
});

const stored = {
  grids: [{ articleId: A, seq: 3, framing: 'neutral' }],
  spans: [
    { spanId: 's1', seq: 1, articleId: A, kind: 'hedge', start: 10, end: 20, exact: 'reportedly' },
    { spanId: 's2', seq: 2, articleId: B, kind: 'loaded', start: 0, end: 4, exact: 'Rats' },
    { spanId: 'bad', seq: 1, articleId: B, kind: 'gossip', start: 0, end: 4, exact: 'Rats' },
  ],
  cells: [{ claimId: 'c01', articleId: B, seq: 2, carried: 'fact' }],
  notes: [{ outletId: 'o1', seq: 5, note: 'x' }],
  judgement: { seq: 7, judgement: 'y' },
};

test('the stored work gives every item its seq, malformed items left out', () => {
  const seqs = workSeqs(readWork(stored));
  assert.deepEqual(Object.fromEntries(seqs), {
    [`grid:${A}`]: 3,
    [`cell:c01:${B}`]: 2,
    'note:o1': 5,
    judgement: 7,
    'span:s1': 1,
    'span:s2': 2,
  });
  assert.deepEqual(workSeqs(readWork(null)), new Map());
});

test('unsent span changes are shown over the stored spans: new, moved and removed', () => {
  const work = readWork(stored);
  const unsent = [
    { kind: 'span', state: { spanId: 's3', seq: 1, articleId: A, kind: 'hedge', start: 2, end: 5, exact: 'may' } },
    { kind: 'span', state: deletedSpan(work.spans[1], 3) },
    { kind: 'span', state: { spanId: 's1', seq: 1, articleId: A, kind: 'hedge', start: 0, end: 1, exact: 'o' } },
    { kind: 'grid', state: { articleId: A, seq: 9 } },
  ];
  assert.deepEqual(shownSpans(work.spans, unsent).map((s) => [s.spanId, s.start]), [['s3', 2], ['s1', 10]]);
});
