import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  createCompareStore,
  keyOf,
  kindOfKey,
  nextSeq,
  parseCompareOutbox,
  pendingCompareEntries,
  pruneCompareOutbox,
  putCompareEntry,
  settleCompareEntry,
  emptyCompareOutbox,
} from '../compare-work/compare-outbox.js';

const A = '00000000-0000-4000-8000-0000000000a1';
const KEY = 'lateral-outbox:student1:sub-1:1:step2';

function fakeStorage() {
  const map = new Map();
  return {
    map,
    getItem: (key) => (map.has(key) ? map.get(key) : null),
    setItem: (key, value) => map.set(key, String(value)),
    removeItem: (key) => map.delete(key),
  };
}

test('each kind of item has the key the protocol names', () => {
  assert.equal(keyOf('grid', { articleId: A }), `grid:${A}`);
  assert.equal(keyOf('span', { spanId: 's1' }), 'span:s1');
  assert.equal(keyOf('cell', { claimId: 'c01', articleId: A }), `cell:c01:${A}`);
  assert.equal(keyOf('note', { outletId: 'o1' }), 'note:o1');
  assert.equal(keyOf('judgement', {}), 'judgement');
  assert.equal(keyOf('grid', { articleId: null }), null, 'no id, no key');
  assert.equal(keyOf('cell', { claimId: 'a:b', articleId: A }), null, 'an id with a colon would make keys ambiguous');
  assert.equal(kindOfKey(`cell:c01:${A}`), 'cell');
  assert.equal(kindOfKey('judgement'), 'judgement');
  assert.equal(kindOfKey('mark-1'), null);
});

test('the latest state of an item wins and an older one is ignored', () => {
  let outbox = putCompareEntry(emptyCompareOutbox(), 'grid', { articleId: A, seq: 2, framing: 'hedged' }, 10);
  outbox = putCompareEntry(outbox, 'grid', { articleId: A, seq: 1, framing: 'neutral' }, 11);
  assert.equal(outbox.entries[`grid:${A}`].state.framing, 'hedged');
  outbox = putCompareEntry(outbox, 'grid', { articleId: A, seq: 3, framing: 'question' }, 12);
  assert.equal(outbox.entries[`grid:${A}`].state.framing, 'question');
  assert.throws(() => putCompareEntry(outbox, 'grid', { articleId: A, seq: 0 }), TypeError);
});

test('saved, stale and rejected settle an entry, but not one changed since it was sent', () => {
  const outbox = putCompareEntry(emptyCompareOutbox(), 'note', { outletId: 'o1', seq: 4, note: 'x' }, 1);
  assert.deepEqual(settleCompareEntry(outbox, 'note:o1', 4, 'saved').entries, {});
  assert.deepEqual(settleCompareEntry(outbox, 'note:o1', 5, 'stale').entries, {});
  assert.deepEqual(settleCompareEntry(outbox, 'note:o1', 4, 'rejected').entries, {});
  assert.equal(settleCompareEntry(outbox, 'note:o1', 3, 'saved'), outbox, 'a newer change stays');
  assert.equal(settleCompareEntry(outbox, 'note:o1', 4, 'busy'), outbox, 'busy is a failure to retry');
});

test('the next seq continues from the highest of the stored and the waiting one', () => {
  const known = new Map([[`grid:${A}`, 7]]);
  assert.equal(nextSeq(known, emptyCompareOutbox(), `grid:${A}`), 8);
  const outbox = putCompareEntry(emptyCompareOutbox(), 'grid', { articleId: A, seq: 9 }, 1);
  assert.equal(nextSeq(known, outbox, `grid:${A}`), 10);
  assert.equal(nextSeq(known, outbox, 'judgement'), 1, 'a new item starts at 1');
});

test('entries the server already has are pruned; others stay', () => {
  let outbox = putCompareEntry(emptyCompareOutbox(), 'judgement', { seq: 3, judgement: 'a' }, 1);
  outbox = putCompareEntry(outbox, 'note', { outletId: 'o1', seq: 2, note: 'b' }, 2);
  const pruned = pruneCompareOutbox(outbox, new Map([['judgement', 3], ['note:o1', 1]]));
  assert.deepEqual(Object.keys(pruned.entries), ['note:o1']);
  assert.equal(pruneCompareOutbox(pruned, new Map()), pruned);
});

test('waiting entries are sent oldest first', () => {
  let outbox = putCompareEntry(emptyCompareOutbox(), 'judgement', { seq: 1 }, 30);
  outbox = putCompareEntry(outbox, 'span', { spanId: 's1', seq: 1 }, 10);
  outbox = putCompareEntry(outbox, 'grid', { articleId: A, seq: 1 }, 10);
  assert.deepEqual(pendingCompareEntries(outbox).map((e) => e.key), [`grid:${A}`, 'span:s1', 'judgement']);
});

test('the store writes to storage at once, reads what another tab wrote, and removes an empty outbox', () => {
  const storage = fakeStorage();
  const store = createCompareStore(storage, KEY);
  store.update((o) => putCompareEntry(o, 'judgement', { seq: 1, judgement: 'It relays.' }, 5));
  assert.equal(parseCompareOutbox(storage.getItem(KEY)).entries.judgement.state.judgement, 'It relays.');
  const otherTab = createCompareStore(storage, KEY);
  otherTab.update((o) => putCompareEntry(o, 'note', { outletId: 'o1', seq: 1 }, 6));
  assert.deepEqual(Object.keys(store.load().entries).sort(), ['judgement', 'note:o1']);
  store.clear();
  assert.equal(storage.map.has(KEY), false);
});

test('storage that throws keeps the outbox in memory', () => {
  const broken = { getItem() { throw new Error('blocked'); }, setItem() { throw new Error('full'); }, removeItem() {} };
  const store = createCompareStore(broken, KEY);
  store.update((o) => putCompareEntry(o, 'judgement', { seq: 1 }, 5));
  assert.equal(store.persistent, false);
  assert.equal(store.get('judgement').state.seq, 1);
});

test('broken stored entries are dropped one by one, another format entirely', () => {
  const json = JSON.stringify({
    v: 1,
    compare: true,
    entries: {
      judgement: { kind: 'judgement', at: 1, state: { seq: 2, judgement: 'ok' } },
      'grid:x': { kind: 'grid', at: 1, state: { articleId: 'y', seq: 1 } },
      'note:o1': { kind: 'note', at: 1, state: { outletId: 'o1', seq: 0 } },
      'cell:c:a': { kind: 'cell', state: 'nonsense' },
    },
  });
  assert.deepEqual(Object.keys(parseCompareOutbox(json).entries), ['judgement']);
  assert.deepEqual(parseCompareOutbox('{"v":1,"entries":{"m1":{"markId":"m1","seq":1}}}').entries, {}, 'a highlighter outbox is not read');
  assert.deepEqual(parseCompareOutbox('not json').entries, {});
});
