import { test } from 'node:test';
import assert from 'node:assert/strict';

import { CompareQueue, REQUEST_TIMEOUT_MS } from '../compare-work/compare-queue.js';
import { parseCompareOutbox, putCompareEntry, emptyCompareOutbox, serializeCompareOutbox } from '../compare-work/compare-outbox.js';
import { fakeStorage, settle, fakeClock } from './fakes.js';

// The compare save queue without a browser: a fake $server answering when each test says, a
// clock that only moves when advanced (no test waits for real), fake storage and window.

const KEY = 'lateral-outbox:student1:sub-1:1:step2';
const A = '00000000-0000-4000-8000-0000000000a1';




/** Every save method records its call; `auto` answers at once, otherwise the test resolves it. */
function fakeServer(clock) {
  const server = { calls: [], auto: null, work: null, refreshes: 0 };
  for (const method of ['saveGrid', 'saveSpan', 'saveCell', 'saveNote', 'saveJudgement']) {
    server[method] = (sent) =>
      new Promise((resolve, reject) => {
        server.calls.push({ method, sent, at: clock.now, resolve, reject });
        if (server.auto) {
          const answer = server.auto(sent);
          answer instanceof Error ? reject(answer) : resolve(answer);
        }
      });
  }
  server.refreshCompareWork = () => {
    server.refreshes++;
    return Promise.resolve(server.work);
  };
  return server;
}

const answer = (key, seq, status, message = '') => ({ markId: key, seq, status, message });

function setUp({ storage = fakeStorage(), work = null } = {}) {
  const clock = fakeClock();
  const server = fakeServer(clock);
  const window = new EventTarget();
  const states = [];
  const rejected = [];
  const queue = new CompareQueue({
    server: () => server,
    storage: () => storage,
    timers: clock,
    random: () => 0.5,
    window,
    document: null,
    onStateChange: (state, message) => states.push([state, message]),
    onRejected: (key, message) => rejected.push([key, message]),
  });
  queue.connect();
  const replayed = queue.open(KEY, work);
  return { clock, server, storage, window, queue, states, rejected, replayed };
}

const grid = (seq, framing = 'hedged') => ({ articleId: A, seq, framing, namedSources: null, anonymousSources: null, reporting: null, relayedFrom: [], includes: null, outletKind: null });

test('a change is in storage before it is sent, and leaves it when saved', async () => {
  const { server, storage, queue, states } = setUp();
  queue.change('grid', grid(queue.nextSeq(`grid:${A}`)));
  assert.equal(parseCompareOutbox(storage.getItem(KEY)).entries[`grid:${A}`].state.seq, 1);
  await settle();
  assert.equal(server.calls.length, 1);
  assert.equal(server.calls[0].method, 'saveGrid');
  assert.deepEqual(server.calls[0].sent, grid(1));
  assert.equal(queue.state, 'saving');
  server.calls[0].resolve(answer(`grid:${A}`, 1, 'saved'));
  await settle();
  assert.equal(storage.getItem(KEY), null);
  assert.equal(queue.state, 'saved');
  assert.deepEqual(states.map((s) => s[0]), ['saving', 'saved']);
});

test('seqs continue from the stored work', async () => {
  const { queue } = setUp({ work: { grids: [grid(6)], notes: [{ outletId: 'o1', seq: 2 }], judgement: { seq: 4 } } });
  assert.equal(queue.nextSeq(`grid:${A}`), 7);
  assert.equal(queue.nextSeq('note:o1'), 3);
  assert.equal(queue.nextSeq('judgement'), 5);
  assert.equal(queue.nextSeq('note:o2'), 1);
});

test('one request per item is in flight; the newest change goes when it is answered', async () => {
  const { server, queue, storage } = setUp();
  queue.change('grid', grid(1, 'neutral'));
  await settle();
  queue.change('grid', grid(2, 'hedged'));
  queue.change('grid', grid(3, 'question'));
  await settle();
  assert.equal(server.calls.length, 1, 'the others wait');
  server.calls[0].resolve(answer(`grid:${A}`, 1, 'saved'));
  await settle();
  assert.equal(server.calls.length, 2);
  assert.equal(server.calls[1].sent.seq, 3, 'only the latest full state');
  assert.ok(parseCompareOutbox(storage.getItem(KEY)).entries[`grid:${A}`], 'still waiting until answered');
  server.calls[1].resolve(answer(`grid:${A}`, 3, 'saved'));
  await settle();
  assert.equal(storage.getItem(KEY), null);
});

test('busy, a failure and no answer within 10 s are retried after 1 s, 2 s, 4 s', async () => {
  const { clock, server, queue } = setUp();
  queue.change('judgement', { seq: 1, judgement: 'x' });
  await settle();
  server.calls[0].resolve(answer('judgement', 1, 'busy', 'Saving is paused'));
  await settle();
  assert.equal(queue.state, 'retrying');
  await clock.advance(999);
  assert.equal(server.calls.length, 1);
  await clock.advance(1);
  assert.equal(server.calls.length, 2);
  server.calls[1].reject(new Error('offline'));
  await clock.advance(2000);
  assert.equal(server.calls.length, 3);
  await clock.advance(REQUEST_TIMEOUT_MS);
  assert.equal(queue.state, 'retrying', 'no answer is a failure');
  await clock.advance(4000);
  assert.equal(server.calls.length, 4);
  server.calls[4 - 1].resolve(answer('judgement', 1, 'saved'));
  await settle();
  assert.equal(queue.state, 'saved');
});

test('an answer arriving after its timeout still settles the entry', async () => {
  const { clock, server, queue, storage } = setUp();
  queue.change('judgement', { seq: 1, judgement: 'x' });
  await clock.advance(REQUEST_TIMEOUT_MS);
  server.calls[0].resolve(answer('judgement', 1, 'saved'));
  await settle();
  assert.equal(storage.getItem(KEY), null);
  assert.equal(queue.state, 'saved');
});

test('going online retries at once', async () => {
  const { server, queue, window } = setUp();
  queue.change('judgement', { seq: 1, judgement: 'x' });
  await settle();
  server.calls[0].reject(new Error('offline'));
  await settle();
  window.dispatchEvent(new Event('online'));
  await settle();
  assert.equal(server.calls.length, 2);
});

test('a refused save leaves the outbox, says why and keeps the state at error until the item saves', async () => {
  const { server, queue, rejected, storage } = setUp();
  server.auto = (sent) => answer('note:o1', sent.seq, 'rejected', 'Write the address of a web page.');
  queue.change('note', { outletId: 'o1', seq: 1, address: 'ftp://x', note: null });
  await settle();
  assert.equal(storage.getItem(KEY), null);
  assert.deepEqual(rejected, [['note:o1', 'Write the address of a web page.']]);
  assert.equal(queue.state, 'error');
  assert.deepEqual(queue.itemState('note:o1'), ['error', 'Write the address of a web page.']);
  assert.equal(await queue.whenAllSaved(), false, 'a refused change is not saved');
  server.auto = (sent) => answer('note:o1', sent.seq, 'saved');
  queue.change('note', { outletId: 'o1', seq: queue.nextSeq('note:o1'), address: 'https://x.example', note: null });
  await settle();
  assert.equal(queue.state, 'saved');
  assert.equal(await queue.whenAllSaved(), true);
});

test('a refused span disappears from the shown spans', async () => {
  const { server, queue } = setUp();
  server.auto = (sent) => answer(`span:${sent.spanId}`, sent.seq, 'rejected', 'You can pick at most 40 of these.');
  queue.change('span', { spanId: 's9', seq: 1, articleId: A, kind: 'hedge', start: 0, end: 3, exact: 'may', prefix: '', suffix: '', deleted: false });
  assert.equal(queue.spans().length, 1, 'shown at once');
  await settle();
  assert.deepEqual(queue.spans(), []);
  assert.equal(queue.state, 'error');
});

test('stale settles the entry and refreshes the stored work', async () => {
  const { clock, server, queue, storage } = setUp({ work: { judgement: { seq: 1 } } });
  server.work = { judgement: { seq: 5, judgement: 'other tab' } };
  queue.change('judgement', { seq: 2, judgement: 'x' });
  await settle();
  server.calls[0].resolve(answer('judgement', 5, 'stale'));
  await clock.advance(100);
  assert.equal(storage.getItem(KEY), null);
  assert.equal(server.refreshes, 1);
  assert.equal(queue.nextSeq('judgement'), 6);
});

test('an outbox left by a crash is sent on open, minus what the server already has', async () => {
  const storage = fakeStorage();
  let left = putCompareEntry(emptyCompareOutbox(), 'grid', grid(4), 1);
  left = putCompareEntry(left, 'judgement', { seq: 2, judgement: 'old' }, 2);
  storage.setItem(KEY, serializeCompareOutbox(left));
  const { server, replayed } = setUp({ storage, work: { grids: [grid(3)], judgement: { seq: 2 } } });
  assert.deepEqual(replayed.map((e) => e.key), [`grid:${A}`]);
  await settle();
  assert.deepEqual(server.calls.map((c) => [c.method, c.sent.seq]), [['saveGrid', 4]]);
});

test('typing is stored at once and sent after the pause; whenAllSaved sends it at once', async () => {
  const { clock, server, queue, storage } = setUp();
  server.auto = (sent) => answer('judgement', sent.seq, 'saved');
  queue.change('judgement', { seq: 1, judgement: 'I' }, 800);
  queue.change('judgement', { seq: 2, judgement: 'It' }, 800);
  assert.equal(parseCompareOutbox(storage.getItem(KEY)).entries.judgement.state.judgement, 'It');
  await clock.advance(799);
  assert.equal(server.calls.length, 0);
  await clock.advance(1);
  assert.deepEqual(server.calls.map((c) => c.sent.seq), [2]);
  queue.change('judgement', { seq: 3, judgement: 'It is' }, 800);
  assert.equal(await queue.whenAllSaved(), true);
  assert.deepEqual(server.calls.map((c) => c.sent.seq), [2, 3]);
});

test('whenAllSaved answers false after about 10 s offline', async () => {
  const { clock, server, queue } = setUp();
  server.auto = () => new Error('offline');
  queue.change('judgement', { seq: 1, judgement: 'x' });
  let result = null;
  queue.whenAllSaved().then((r) => (result = r));
  await clock.advance(REQUEST_TIMEOUT_MS - 1);
  assert.equal(result, null);
  await clock.advance(1);
  assert.equal(result, false);
});

test('clearing forgets every unsent change and ignores answers still on their way', async () => {
  const { server, queue, storage } = setUp();
  queue.change('judgement', { seq: 1, judgement: 'x' });
  await settle();
  queue.clear();
  assert.equal(storage.getItem(KEY), null);
  server.calls[0].resolve(answer('judgement', 1, 'rejected', 'too late'));
  await settle();
  assert.equal(queue.state, 'saved');
});

test('a late answer for an older state does not bring a deleted span back', async () => {
  const { clock, server, queue } = setUp();
  const span = { spanId: 's7', articleId: A, kind: 'loaded', start: 0, end: 3, exact: 'may', prefix: '', suffix: '', deleted: false };
  queue.change('span', { ...span, seq: 1 });
  await clock.advance(REQUEST_TIMEOUT_MS);
  queue.change('span', { ...span, seq: 2, deleted: true });
  await clock.advance(2000);
  const deletion = server.calls.find((c) => c.sent.seq === 2);
  assert.ok(deletion, 'the deletion was sent');
  deletion.resolve(answer('span:s7', 2, 'saved'));
  await settle();
  assert.deepEqual(queue.spans(), []);
  server.calls[0].resolve(answer('span:s7', 1, 'saved'));
  await settle();
  assert.deepEqual(queue.spans(), [], 'the older save, answered late, stays behind the deletion');
});
