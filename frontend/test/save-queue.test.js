import { test } from 'node:test';
import assert from 'node:assert/strict';

import { REQUEST_TIMEOUT_MS, SaveQueue } from '../claim-highlighter/save-queue.js';
import { parseOutbox } from '../claim-highlighter/outbox.js';
import { fakeStorage, settle, fakeClock } from './fakes.js';

// The save queue without a browser: a fake $server whose answers each test gives by hand, a
// fake clock that runs timers when told (no test waits for real), and fake storage and window.

const KEY = 'lateral-outbox:student1:sub-1:1';

function state(markId, seq, changes = {}) {
  return {
    markId,
    seq,
    start: 0,
    end: 10,
    exact: 'Reportedly',
    prefix: '',
    suffix: ' defects',
    type: 'hedged',
    deleted: false,
    ...changes,
  };
}




/**
 * A $server whose saveMark answers only when the test says so (or at once, through `auto`).
 * Every call is kept with the time it was made.
 */
function fakeServer(clock) {
  const server = {
    saves: [],
    refreshes: 0,
    serverMarks: [],
    /** When set, every save is answered at once with its result (an Error rejects). */
    auto: null,
    saveMark(sent) {
      return new Promise((resolve, reject) => {
        const call = { sent, at: clock.now, resolve, reject };
        server.saves.push(call);
        if (server.auto) {
          const answer = server.auto(sent);
          if (answer instanceof Error) {
            reject(answer);
          } else {
            resolve(answer);
          }
        }
      });
    },
    refreshMarks() {
      server.refreshes++;
      return Promise.resolve(server.serverMarks);
    },
  };
  return server;
}

function answer(sent, status, changes = {}) {
  return { markId: sent.markId, seq: sent.seq, status, message: '', ...changes };
}

function setUp({ storage = fakeStorage(), marks = [] } = {}) {
  const clock = fakeClock();
  const server = fakeServer(clock);
  const window = new EventTarget();
  const document = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  const states = [];
  const rejected = [];
  const queue = new SaveQueue(null, {
    server: () => server,
    storage: () => storage,
    timers: clock,
    random: () => 0.5, // no jitter: the delays are exact
    window,
    document,
    onStateChange: (s) => states.push(s),
    onRejected: (message) => rejected.push(message),
    rejectedMessage: () => 'Not saved',
  });
  queue.hostConnected();
  queue.setServerMarks(marks);
  queue.open(KEY);
  return { clock, server, storage, window, queue, states, rejected };
}

function outbox(storage) {
  return parseOutbox(storage.getItem(KEY)).entries;
}

test('an acknowledged save empties the outbox, and the state goes from saving to saved', async () => {
  const { server, storage, queue, states } = setUp();
  queue.commit(state('m1', 1));

  assert.equal(server.saves.length, 1, 'sent at once');
  assert.deepEqual(server.saves[0].sent, state('m1', 1));
  assert.equal(outbox(storage).m1.seq, 1, 'stored before the answer');
  assert.equal(queue.state, 'saving');
  assert.equal(queue.hasPendingChanges(), true);

  server.saves[0].resolve(answer(server.saves[0].sent, 'saved'));
  await settle();

  assert.equal(storage.getItem(KEY), null, 'an empty outbox leaves storage');
  assert.equal(queue.state, 'saved');
  assert.deepEqual(states, ['saving', 'saved']);
  assert.equal(queue.hasPendingChanges(), false);
  assert.deepEqual(queue.marks().map((m) => [m.markId, m.seq]), [['m1', 1]], 'the mark is known to be on the server');
});

test('an answer that comes after the timeout still counts, and the retry is then not sent', async () => {
  const { clock, server, storage, queue } = setUp();
  queue.commit(state('m1', 1));

  await clock.advance(REQUEST_TIMEOUT_MS);
  assert.equal(queue.state, 'retrying', 'no answer within 10 s is a failure');
  assert.equal(outbox(storage).m1.seq, 1);

  await clock.advance(500); // the retry is due after 1 s; the late answer comes first
  server.saves[0].resolve(answer(server.saves[0].sent, 'saved'));
  await settle();

  assert.equal(queue.state, 'saved');
  assert.equal(storage.getItem(KEY), null);
  await clock.advance(60_000);
  assert.equal(server.saves.length, 1, 'nothing sent again');
});

test('a failing save is retried after 1 s, 2 s, 4 s, 8 s, 16 s and then every 30 s', async () => {
  const { clock, server, storage, queue } = setUp();
  server.auto = () => new TypeError('Failed to fetch');
  queue.commit(state('m1', 1));

  await clock.advance(200_000);

  const gaps = server.saves.slice(1, 9).map((call, i) => call.at - server.saves[i].at);
  assert.deepEqual(gaps, [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  assert.equal(queue.state, 'retrying');
  assert.equal(outbox(storage).m1.seq, 1, 'the change is kept while it fails');
  assert.ok(server.saves.every((call) => call.sent.seq === 1));
});

test('offline the change waits in the outbox; back online it is sent at once', async () => {
  const { clock, server, storage, window, queue } = setUp();
  server.auto = () => new TypeError('Failed to fetch');
  queue.commit(state('m1', 1));
  await clock.advance(1000); // the first retry fails too; the next is due 2 s later
  assert.equal(server.saves.length, 2);
  await clock.advance(500);
  assert.equal(server.saves.length, 2, 'nothing is sent before the retry is due');
  assert.equal(queue.state, 'retrying');
  assert.equal(outbox(storage).m1.seq, 1);

  server.auto = (sent) => answer(sent, 'saved');
  window.dispatchEvent(new Event('online'));
  await settle();

  assert.equal(server.saves.length, 3, 'sent when the browser came back online');
  assert.equal(server.saves[2].at, 1500);
  assert.equal(queue.state, 'saved');
  assert.equal(storage.getItem(KEY), null);
  await clock.advance(60_000);
  assert.equal(server.saves.length, 3, 'the retry timer was dropped');
});

test('one request per mark is in flight; a change made meanwhile is sent after its answer', async () => {
  const { server, storage, queue } = setUp();
  queue.commit(state('m1', 1));
  queue.commit(state('m1', 2, { type: 'factual' }));
  assert.equal(server.saves.length, 1, 'the newer change waits');

  server.saves[0].resolve(answer(server.saves[0].sent, 'saved'));
  await settle();

  assert.equal(server.saves.length, 2);
  assert.equal(server.saves[1].sent.seq, 2);
  assert.equal(outbox(storage).m1.seq, 2, 'the answer for seq 1 did not take seq 2 with it');
  assert.equal(queue.state, 'saving');
});

test('a late answer for an older seq does not settle the newer change', async () => {
  const { clock, server, storage, queue } = setUp();
  queue.commit(state('m1', 1));
  await clock.advance(REQUEST_TIMEOUT_MS); // seq 1 timed out
  queue.commit(state('m1', 2, { type: 'factual' }));
  assert.equal(server.saves.length, 2, 'a new change is sent at once, not at the retry');

  server.saves[0].resolve(answer(server.saves[0].sent, 'saved')); // late answer for seq 1
  await settle();
  assert.equal(outbox(storage).m1.seq, 2, 'seq 2 is still to be saved');
  assert.equal(queue.state, 'saving');

  server.saves[1].resolve(answer(server.saves[1].sent, 'saved'));
  await clock.advance(60_000);
  assert.equal(queue.state, 'saved');
  assert.equal(storage.getItem(KEY), null);
  assert.equal(server.saves.length, 2);
  assert.deepEqual(queue.marks().map((m) => [m.markId, m.seq, m.type]), [['m1', 2, 'factual']]);
});

test('the same save answered twice (its retry, then the original late) counts once', async () => {
  const { clock, server, storage, queue, states } = setUp();
  queue.commit(state('m1', 1));
  await clock.advance(REQUEST_TIMEOUT_MS + 1000); // timed out, then retried
  assert.equal(server.saves.length, 2);
  assert.deepEqual(server.saves[1].sent, server.saves[0].sent, 'the retry replays the same state');

  server.saves[1].resolve(answer(server.saves[1].sent, 'saved'));
  await settle();
  assert.equal(queue.state, 'saved');
  const before = states.length;

  server.saves[0].resolve(answer(server.saves[0].sent, 'stale')); // the original, answered at last
  await clock.advance(60_000);
  assert.equal(states.length, before, 'the state did not change again');
  assert.equal(queue.state, 'saved');
  assert.equal(storage.getItem(KEY), null);
  assert.equal(server.saves.length, 2, 'nothing was sent again');
  assert.deepEqual(queue.marks().map((m) => [m.markId, m.seq]), [['m1', 1]]);
});

test('stale: the server already has this or a newer change; the entry goes and the list is fetched', async () => {
  const { clock, server, storage, queue } = setUp();
  server.serverMarks = [{ ...state('m1', 3, { type: 'opinion' }) }];
  queue.commit(state('m1', 2));
  server.saves[0].resolve(answer(server.saves[0].sent, 'stale', { seq: 3 }));
  await clock.advance(100);

  assert.equal(storage.getItem(KEY), null);
  assert.equal(queue.state, 'saved');
  assert.equal(server.refreshes, 1, 'another tab got there first: learn what the server has');
  assert.deepEqual(queue.marks().map((m) => [m.seq, m.type]), [[3, 'opinion']]);
});

test("a rejected save is an error with the server's words, and the change is dropped", async () => {
  const { clock, server, storage, queue, rejected } = setUp();
  queue.commit(state('m1', 1));
  server.saves[0].resolve(answer(server.saves[0].sent, 'rejected', { message: 'The due date has passed.' }));
  await settle();

  assert.equal(queue.state, 'error');
  assert.equal(queue.error, 'The due date has passed.');
  assert.deepEqual(rejected, ['The due date has passed.']);
  assert.equal(storage.getItem(KEY), null, 'a refused change is not sent again');
  assert.equal(queue.hasPendingChanges(), false);

  queue.commit(state('m2', 1));
  server.saves[1].resolve(answer(server.saves[1].sent, 'rejected', { message: '  ' }));
  await settle();
  assert.equal(queue.error, 'Not saved', 'without words of its own the answer gets the label');

  queue.commit(state('m3', 1));
  server.saves[2].resolve(answer(server.saves[2].sent, 'saved'));
  await clock.advance(60_000);
  assert.equal(queue.state, 'saved', 'the next accepted save clears the error');
  assert.equal(queue.error, null);
  assert.equal(server.saves.length, 3);
});

test('busy (DD007), and any status the queue does not know, is retried later', async () => {
  const { clock, server, storage, queue } = setUp();
  queue.commit(state('m1', 1));
  server.saves[0].resolve(answer(server.saves[0].sent, 'busy', { message: 'Saving is paused for a moment.' }));
  await settle();
  assert.equal(queue.state, 'retrying');
  assert.equal(queue.error, null, 'busy is not an error the student has to act on');
  assert.equal(outbox(storage).m1.seq, 1);

  await clock.advance(1000);
  assert.equal(server.saves.length, 2);
  server.saves[1].resolve(answer(server.saves[1].sent, 'paused'));
  await clock.advance(2000);
  assert.equal(server.saves.length, 3, 'an unknown status counts as busy');

  server.saves[2].resolve(answer(server.saves[2].sent, 'saved'));
  await settle();
  assert.equal(queue.state, 'saved');
  assert.equal(storage.getItem(KEY), null);
});

test('an outbox left by an earlier page is sent, except what the server already has', async () => {
  const storage = fakeStorage();
  storage.setItem(
    KEY,
    JSON.stringify({ v: 1, entries: { old: { ...state('old', 2), at: 1 }, done: { ...state('done', 1), at: 2 } } }),
  );
  const { clock, server, queue } = setUp({ storage, marks: [{ ...state('done', 1) }] });
  assert.equal(queue.hasPendingChanges(), true);

  await clock.advance(0);

  assert.deepEqual(server.saves.map((call) => [call.sent.markId, call.sent.seq]), [['old', 2]]);
});

test('clearing the outbox forgets the unsent changes and the answers still on their way', async () => {
  const { clock, server, storage, queue } = setUp();
  server.auto = () => new TypeError('Failed to fetch');
  queue.commit(state('m1', 1));
  await settle();
  server.auto = null;
  queue.commit(state('m2', 1));

  queue.clear();
  assert.equal(storage.getItem(KEY), null);
  assert.equal(queue.state, 'saved');

  server.saves[1].resolve(answer(server.saves[1].sent, 'rejected', { message: 'too late' }));
  await clock.advance(60_000);
  assert.equal(queue.error, null, 'an answer to a forgotten request is ignored');
  assert.equal(server.saves.length, 2, 'no retry of a forgotten change');
});

test('while the page is away a failed change waits; it is sent when the page is back', async () => {
  const { clock, server, storage, queue } = setUp();
  queue.hostDisconnected();
  server.auto = () => new TypeError('Failed to fetch');
  queue.commit(state('m1', 1));
  await clock.advance(60_000);
  assert.equal(server.saves.length, 1, 'no timer runs for a page that is not shown');
  assert.equal(queue.state, 'retrying');

  server.auto = (sent) => answer(sent, 'saved');
  queue.hostConnected();
  await clock.advance(0);
  assert.equal(server.saves.length, 2);
  assert.equal(queue.state, 'saved');
  assert.equal(storage.getItem(KEY), null);
});
