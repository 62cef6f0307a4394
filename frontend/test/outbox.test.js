import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  MAX_DELAY_MS,
  OUTBOX_VERSION,
  acknowledge,
  applyOutbox,
  createOutboxStore,
  emptyOutbox,
  isEmpty,
  nextDelay,
  normaliseState,
  parseOutbox,
  pendingEntries,
  pruneOutbox,
  putEntry,
  serializeOutbox,
  stateForServer,
} from '../claim-highlighter/outbox.js';

const KEY = 'lateral-outbox:acc-1:sub-1';

function state(markId, seq, changes = {}) {
  return {
    markId,
    seq,
    start: 10,
    end: 20,
    exact: 'is believed',
    prefix: 'He ',
    suffix: ' to',
    type: 'hedged',
    deleted: false,
    ...changes,
  };
}

/** A Web Storage stand-in; `fail` makes every call throw, as blocked storage does. */
function fakeStorage() {
  const map = new Map();
  return {
    map,
    fail: false,
    getItem(key) {
      if (this.fail) throw new Error('SecurityError');
      return map.has(key) ? map.get(key) : null;
    },
    setItem(key, value) {
      if (this.fail) throw new Error('QuotaExceededError');
      map.set(key, String(value));
    },
    removeItem(key) {
      if (this.fail) throw new Error('SecurityError');
      map.delete(key);
    },
  };
}

// --- normaliseState ------------------------------------------------------------------

test('normaliseState keeps exactly the fields of a full mark state', () => {
  assert.deepEqual(normaliseState({ ...state('m1', 1), extra: 'x' }), state('m1', 1));
});

test('normaliseState fills missing quote fields and refuses broken states', () => {
  assert.deepEqual(normaliseState({ markId: 'm', seq: 2, start: 0, end: 3, type: 'factual' }), {
    markId: 'm',
    seq: 2,
    start: 0,
    end: 3,
    exact: '',
    prefix: '',
    suffix: '',
    type: 'factual',
    deleted: false,
  });
  for (const broken of [
    null,
    'x',
    state('', 1),
    state('m', 0),
    state('m', 1.5),
    state('m', 1, { start: 5, end: 5 }),
    state('m', 1, { start: -1 }),
    state('m', 1, { type: '' }),
  ]) {
    assert.equal(normaliseState(broken), null, JSON.stringify(broken));
  }
});

test('a tombstone needs no type', () => {
  assert.equal(normaliseState(state('m', 3, { type: undefined, deleted: true })).deleted, true);
});

test('stateForServer drops the local timestamp', () => {
  assert.deepEqual(stateForServer({ ...state('m', 1), at: 123 }), state('m', 1));
});

// --- putEntry and acknowledge --------------------------------------------------------

test('putEntry records the latest full state per mark without changing the old outbox', () => {
  const empty = emptyOutbox();
  const one = putEntry(empty, state('m1', 1), 1000);
  assert.deepEqual(empty.entries, {});
  assert.deepEqual(one.entries.m1, { ...state('m1', 1), at: 1000 });
  const retyped = putEntry(one, state('m1', 2, { type: 'opinion' }), 2000);
  assert.equal(retyped.entries.m1.type, 'opinion');
  assert.equal(retyped.entries.m1.seq, 2);
});

test('putEntry ignores an older state than the waiting one', () => {
  const outbox = putEntry(emptyOutbox(), state('m1', 3, { deleted: true }), 1);
  assert.equal(putEntry(outbox, state('m1', 2), 2).entries.m1.deleted, true);
});

test('putEntry refuses a broken state', () => {
  assert.throws(() => putEntry(emptyOutbox(), { markId: 'm' }), TypeError);
});

test('saved and stale remove the entry when the answer is at least as new', () => {
  const outbox = putEntry(emptyOutbox(), state('m1', 2), 1);
  assert.ok(isEmpty(acknowledge(outbox, { markId: 'm1', seq: 2, status: 'saved' })));
  assert.ok(isEmpty(acknowledge(outbox, { markId: 'm1', seq: 5, status: 'stale' })));
});

test('an answer to an older request keeps the newer change', () => {
  const outbox = putEntry(emptyOutbox(), state('m1', 3), 1);
  assert.equal(acknowledge(outbox, { markId: 'm1', seq: 2, status: 'saved' }), outbox);
});

test('rejected removes the entry it answers', () => {
  const outbox = putEntry(putEntry(emptyOutbox(), state('m1', 1), 1), state('m2', 1), 2);
  const after = acknowledge(outbox, { markId: 'm1', seq: 1, status: 'rejected', message: 'Too many marks.' });
  assert.deepEqual(Object.keys(after.entries), ['m2']);
});

test('an unknown status, a missing seq or an unknown mark changes nothing', () => {
  const outbox = putEntry(emptyOutbox(), state('m1', 1), 1);
  assert.equal(acknowledge(outbox, { markId: 'm1', seq: 1, status: 'error' }), outbox);
  assert.equal(acknowledge(outbox, { markId: 'm1', status: 'saved' }), outbox);
  assert.equal(acknowledge(outbox, { markId: 'other', seq: 9, status: 'saved' }), outbox);
  assert.equal(acknowledge(outbox, null), outbox);
});

test('pruneOutbox drops entries the server already has and keeps the rest', () => {
  let outbox = putEntry(emptyOutbox(), state('m1', 2), 1);
  outbox = putEntry(outbox, state('m2', 4), 2);
  outbox = putEntry(outbox, state('m3', 1), 3);
  const pruned = pruneOutbox(outbox, [
    { markId: 'm1', seq: 2 },
    { markId: 'm2', seq: 3 },
  ]);
  assert.deepEqual(Object.keys(pruned.entries).sort(), ['m2', 'm3']);
  assert.equal(pruneOutbox(outbox, []), outbox);
  assert.equal(pruneOutbox(outbox, null), outbox);
});

test('pendingEntries orders by time of change, then markId', () => {
  let outbox = putEntry(emptyOutbox(), state('b', 1), 5);
  outbox = putEntry(outbox, state('a', 1), 5);
  outbox = putEntry(outbox, state('c', 1), 1);
  assert.deepEqual(pendingEntries(outbox).map((e) => e.markId), ['c', 'a', 'b']);
  assert.deepEqual(pendingEntries(undefined), []);
});

// --- applyOutbox ---------------------------------------------------------------------

const SERVER = [
  { markId: 'm1', seq: 1, start: 10, end: 20, exact: 'is believed', type: 'hedged' },
  { markId: 'm2', seq: 3, start: 30, end: 40, exact: 'the mayor', type: 'factual' },
];

test('applyOutbox shows the server marks when nothing is pending', () => {
  assert.deepEqual(
    applyOutbox(SERVER, emptyOutbox()).map((m) => [m.markId, m.seq, m.type]),
    [
      ['m1', 1, 'hedged'],
      ['m2', 3, 'factual'],
    ],
  );
});

test('applyOutbox shows unsent new marks, retypes and deletions on top', () => {
  let outbox = putEntry(emptyOutbox(), state('new', 1, { start: 0, end: 5, type: 'opinion' }), 1);
  outbox = putEntry(outbox, state('m1', 2, { type: 'speculation' }), 2);
  outbox = putEntry(outbox, state('m2', 4, { start: 30, end: 40, deleted: true }), 3);
  assert.deepEqual(
    applyOutbox(SERVER, outbox).map((m) => [m.markId, m.seq, m.type]),
    [
      ['new', 1, 'opinion'],
      ['m1', 2, 'speculation'],
    ],
  );
});

test('applyOutbox lets the server win when it is at least as new', () => {
  const outbox = putEntry(emptyOutbox(), state('m2', 3, { start: 30, end: 40, deleted: true }), 1);
  assert.deepEqual(
    applyOutbox(SERVER, outbox).map((m) => m.markId),
    ['m1', 'm2'],
  );
});

test('applyOutbox accepts a plain entry list and ignores broken or deleted server marks', () => {
  const shown = applyOutbox(
    [...SERVER, null, { markId: 'x', seq: 1, start: 5, end: 2, type: 'factual' }, { markId: 'y', seq: 2, start: 1, end: 3, type: 'factual', deleted: true }],
    [state('z', 1, { start: 50, end: 55, type: 'opinion' })],
  );
  assert.deepEqual(shown.map((m) => m.markId), ['m1', 'm2', 'z']);
});

test('applyOutbox orders by start, longer first, then markId, and keeps only the display fields', () => {
  const shown = applyOutbox(
    [
      { markId: 'b', seq: 1, start: 0, end: 5, exact: 'x', type: 'factual', prefix: 'p' },
      { markId: 'a', seq: 1, start: 0, end: 5, exact: 'x', type: 'factual' },
      { markId: 'c', seq: 1, start: 0, end: 9, exact: 'x', type: 'factual' },
    ],
    [],
  );
  assert.deepEqual(shown.map((m) => m.markId), ['c', 'a', 'b']);
  assert.deepEqual(Object.keys(shown[0]).sort(), ['end', 'exact', 'markId', 'seq', 'start', 'type']);
});

test('a server mark without seq loses to any local change', () => {
  const shown = applyOutbox(
    [{ markId: 'm', start: 10, end: 20, exact: 'is believed', type: 'factual' }],
    [state('m', 1, { type: 'opinion' })],
  );
  assert.equal(shown[0].type, 'opinion');
});

// --- parse / serialize ---------------------------------------------------------------

test('the stored format round-trips', () => {
  const outbox = putEntry(emptyOutbox(), state('m1', 2), 1234);
  const json = serializeOutbox(outbox);
  assert.deepEqual(JSON.parse(json), { v: OUTBOX_VERSION, entries: { m1: { ...state('m1', 2), at: 1234 } } });
  assert.deepEqual(parseOutbox(json), outbox);
});

test('parseOutbox survives garbage, other versions and broken entries', () => {
  assert.deepEqual(parseOutbox(null), emptyOutbox());
  assert.deepEqual(parseOutbox('{not json'), emptyOutbox());
  assert.deepEqual(parseOutbox('{"v":99,"entries":{}}'), emptyOutbox());
  assert.deepEqual(parseOutbox('[]'), emptyOutbox());
  const mixed = JSON.stringify({ v: 1, entries: { good: state('good', 1), bad: { markId: 'bad' } } });
  assert.deepEqual(Object.keys(parseOutbox(mixed).entries), ['good']);
  assert.equal(parseOutbox(mixed).entries.good.at, 0);
});

// --- nextDelay -----------------------------------------------------------------------

test('nextDelay doubles from one second up to thirty', () => {
  const none = () => 0.5;
  assert.deepEqual(
    [0, 1, 2, 3, 4, 5, 6, 50].map((n) => nextDelay(n, none)),
    [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000],
  );
});

test('nextDelay jitters by at most a fifth and never exceeds the cap', () => {
  assert.equal(nextDelay(0, () => 0), 800);
  assert.equal(nextDelay(0, () => 0.999999), 1200);
  assert.equal(nextDelay(10, () => 0.999999), MAX_DELAY_MS);
  assert.equal(nextDelay(-3, () => 0.5), 1000);
  assert.equal(nextDelay(Number.NaN, () => 0.5), 1000);
  for (let i = 0; i < 100; i++) {
    const delay = nextDelay(i % 8);
    assert.ok(delay >= 800 && delay <= MAX_DELAY_MS, String(delay));
  }
});

// --- the store -----------------------------------------------------------------------

test('the store writes every change to storage before anything else happens', () => {
  const storage = fakeStorage();
  const store = createOutboxStore(storage, KEY);
  store.update((o) => putEntry(o, state('m1', 1), 7));
  assert.deepEqual(JSON.parse(storage.map.get(KEY)).entries.m1.seq, 1);
  assert.equal(store.get('m1').seq, 1);
  assert.equal(store.get('nope'), null);
  assert.equal(store.persistent, true);
});

test('the store removes the key when the outbox becomes empty, and clear() does too', () => {
  const storage = fakeStorage();
  const store = createOutboxStore(storage, KEY);
  store.update((o) => putEntry(o, state('m1', 1), 7));
  store.update((o) => acknowledge(o, { markId: 'm1', seq: 1, status: 'saved' }));
  assert.equal(storage.map.has(KEY), false);
  store.update((o) => putEntry(o, state('m2', 1), 8));
  store.clear();
  assert.equal(storage.map.has(KEY), false);
  assert.ok(isEmpty(store.load()));
});

test('two stores on one key (two tabs) never overwrite each other’s entries', () => {
  const storage = fakeStorage();
  const tabA = createOutboxStore(storage, KEY);
  const tabB = createOutboxStore(storage, KEY);
  tabA.update((o) => putEntry(o, state('a', 1), 1));
  tabB.update((o) => putEntry(o, state('b', 1), 2));
  tabA.update((o) => acknowledge(o, { markId: 'a', seq: 1, status: 'saved' }));
  assert.deepEqual(Object.keys(tabB.load().entries), ['b']);
});

test('a new store on the same key finds what an earlier page left (reload)', () => {
  const storage = fakeStorage();
  createOutboxStore(storage, KEY).update((o) => putEntry(o, state('m1', 4, { deleted: true }), 1));
  const reloaded = createOutboxStore(storage, KEY);
  assert.equal(reloaded.get('m1').deleted, true);
  assert.ok(isEmpty(createOutboxStore(storage, 'lateral-outbox:acc-1:other').load()), 'keys are separate');
});

test('the store falls back to memory when storage is missing or throws', () => {
  const memoryOnly = createOutboxStore(null, KEY);
  memoryOnly.update((o) => putEntry(o, state('m1', 1), 1));
  assert.equal(memoryOnly.get('m1').seq, 1);
  assert.equal(memoryOnly.persistent, false);

  const storage = fakeStorage();
  const store = createOutboxStore(storage, KEY);
  storage.fail = true;
  store.update((o) => putEntry(o, state('m2', 1), 1));
  assert.equal(store.persistent, false);
  assert.equal(store.get('m2').seq, 1, 'the change is still known in memory');
});

test('an update that changes nothing does not write', () => {
  const storage = fakeStorage();
  let writes = 0;
  const setItem = storage.setItem.bind(storage);
  storage.setItem = (k, v) => {
    writes++;
    setItem(k, v);
  };
  const store = createOutboxStore(storage, KEY);
  store.update((o) => putEntry(o, state('m1', 1), 1));
  store.update((o) => acknowledge(o, { markId: 'm1', seq: 0, status: 'saved' }));
  assert.equal(writes, 1);
});
