import { test } from 'node:test';
import assert from 'node:assert/strict';

import { SaveQueue } from '../claim-highlighter/save-queue.js';
import {
  blockedBy,
  emptyOutbox,
  entryKey,
  itemForServer,
  normaliseItem,
  normaliseState,
  parseOutbox,
  pendingEntries,
  putEntry,
  serializeOutbox,
} from '../claim-highlighter/outbox.js';
import {
  checkSourceForm,
  flattenServerWork,
  linkChanges,
  linkableClaims,
  linkIndex,
  overLimit,
  shownWork,
  sourceDeletion,
} from '../claim-highlighter/source-work.js';
import { fakeStorage, settle, fakeClock } from './fakes.js';

// Source work (sources, mentions, claim links) in the shared outbox and save queue, without a
// browser: a fake server per item kind, a fake clock and fake storage, as in save-queue.test.js.

const KEY = 'lateral-outbox:student1:sub-1:1';
const S1 = '00000000-0000-4000-8000-000000000001';
const S2 = '00000000-0000-4000-8000-000000000002';

function source(sourceId, seq, changes = {}) {
  return {
    item: 'source',
    sourceId,
    seq,
    name: 'a source',
    kind: 'anonymous',
    origin: 'relayed',
    relayedFrom: 'The Daily Mail',
    deleted: false,
    ...changes,
  };
}

function mention(mentionId, sourceId, seq, changes = {}) {
  return {
    item: 'mention',
    mentionId,
    seq,
    sourceId,
    start: 5,
    end: 13,
    exact: 'a source',
    prefix: 'said ',
    suffix: ' told',
    deleted: false,
    ...changes,
  };
}

function link(linkId, claimRef, sourceId, seq, changes = {}) {
  return { item: 'link', linkId, seq, claimRef, sourceId, deleted: false, ...changes };
}

function mark(markId, seq, changes = {}) {
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




/** Every save of every kind, in the order sent, answered by the test (or `auto`). */
function fakeServer(clock) {
  const server = {
    saves: [],
    refreshes: 0,
    snapshot: { sources: [], links: [] },
    auto: null,
    refreshSourceWork() {
      server.refreshes++;
      return Promise.resolve(server.snapshot);
    },
    refreshMarks() {
      return Promise.resolve([]);
    },
  };
  for (const method of ['saveMark', 'saveSource', 'saveMention', 'saveLink']) {
    server[method] = (sent) =>
      new Promise((resolve, reject) => {
        const call = { method, sent, at: clock.now, resolve, reject };
        server.saves.push(call);
        if (server.auto) {
          const result = server.auto(method, sent);
          if (result instanceof Error) {
            reject(result);
          } else if (result) {
            resolve(result);
          }
        }
      });
  }
  return server;
}

function idOf(sent) {
  return sent.markId ?? sent.sourceId ?? sent.mentionId ?? sent.linkId;
}

function answer(sent, status, changes = {}) {
  // The server puts any item's id in markId (SaveResult.java).
  return { markId: idOf(sent), seq: sent.seq, status, message: '', ...changes };
}

function setUp({ storage = fakeStorage(), snapshot = { sources: [], links: [] } } = {}) {
  const clock = fakeClock();
  const server = fakeServer(clock);
  const rejected = [];
  const queue = new SaveQueue(null, {
    server: () => server,
    storage: () => storage,
    timers: clock,
    random: () => 0.5,
    window: new EventTarget(),
    document: Object.assign(new EventTarget(), { visibilityState: 'visible' }),
    sourceWork: () => true,
    onRejected: (message) => rejected.push(message),
  });
  queue.hostConnected();
  queue.setServerSourceWork(snapshot);
  queue.open(KEY);
  return { clock, server, storage, queue, rejected };
}

function stored(storage) {
  return parseOutbox(storage.getItem(KEY)).entries;
}

// --- the outbox --------------------------------------------------------------------------

test('normaliseItem keeps exactly the fields of each kind and refuses what cannot be sent', () => {
  assert.deepEqual(normaliseItem({ ...source(S1, 1), extra: 1 }), source(S1, 1));
  assert.deepEqual(normaliseItem(mention('m1', S1, 2)), mention('m1', S1, 2));
  assert.deepEqual(normaliseItem(link('l1', 'c05', null, 1)), link('l1', 'c05', null, 1));
  assert.deepEqual(normaliseItem({ item: 'source', sourceId: S1, seq: 1 }), {
    item: 'source',
    sourceId: S1,
    seq: 1,
    name: '',
    kind: null,
    origin: null,
    relayedFrom: null,
    deleted: false,
  });
  assert.equal(normaliseItem(source('', 1)), null);
  assert.equal(normaliseItem(source(S1, 0)), null);
  assert.equal(normaliseItem(mention('m1', '', 1)), null, 'a mention names its source');
  assert.equal(normaliseItem(mention('m1', S1, 1, { start: 9, end: 9 })), null);
  assert.equal(normaliseItem(link('l1', '', S1, 1)), null, 'a link names its claim');
  assert.equal(normaliseItem({ ...source(S1, 1), item: 'quote' }), null, 'an unknown kind is left alone');
  assert.deepEqual(normaliseItem(mark('m1', 1)), mark('m1', 1), 'no item field: a mark, as before');
});

test('a mention tombstone is never taken for a mark tombstone', () => {
  const tomb = mention('x', S1, 2, { deleted: true, markId: 'x' });
  assert.equal(normaliseState(tomb), null);
  assert.equal(normaliseItem(tomb).item, 'mention');
});

test('an outbox written before source work (marks under bare ids) is read unchanged', () => {
  const old = JSON.stringify({
    v: 1,
    entries: { m1: { ...mark('m1', 2), at: 5 }, m2: { ...mark('m2', 1, { deleted: true, type: '' }), at: 6 } },
  });
  const outbox = parseOutbox(old);
  assert.deepEqual(Object.keys(outbox.entries).sort(), ['m1', 'm2']);
  assert.deepEqual(outbox.entries.m1, { ...mark('m1', 2), at: 5 });
  assert.equal(outbox.entries.m2.deleted, true);
});

test('marks and source work share the outbox, each kind under its own key, and round-trip', () => {
  let outbox = emptyOutbox();
  outbox = putEntry(outbox, mark('m1', 1), 1);
  outbox = putEntry(outbox, source(S1, 1), 2);
  outbox = putEntry(outbox, mention(S1, S1, 1), 3); // the same id as the source: no clash
  outbox = putEntry(outbox, link('l1', 'c01', S1, 1), 4);
  assert.deepEqual(Object.keys(outbox.entries).sort(), ['link:l1', 'm1', `mention:${S1}`, `source:${S1}`]);
  assert.deepEqual(parseOutbox(serializeOutbox(outbox)), outbox);
  assert.equal(entryKey(source(S1, 1)), `source:${S1}`);
  assert.equal(entryKey(mark('m1', 1)), 'm1');
});

test('the latest state per item wins in the outbox', () => {
  let outbox = putEntry(emptyOutbox(), source(S1, 3, { name: 'new' }), 1);
  outbox = putEntry(outbox, source(S1, 2, { name: 'old' }), 2);
  assert.equal(outbox.entries[`source:${S1}`].name, 'new');
});

test('changes made together are sent sources first, then mentions, then links', () => {
  let outbox = emptyOutbox();
  outbox = putEntry(outbox, link('l1', 'c01', S1, 1), 7);
  outbox = putEntry(outbox, mention('m1', S1, 1), 7);
  outbox = putEntry(outbox, source(S1, 1), 7);
  outbox = putEntry(outbox, source(S2, 1), 9);
  assert.deepEqual(
    pendingEntries(outbox).map(entryKey),
    [`source:${S1}`, 'mention:m1', 'link:l1', `source:${S2}`],
  );
});

test('a live mention or link waits for its unsent source; tombstones and "no source given" do not', () => {
  let outbox = putEntry(emptyOutbox(), source(S1, 1), 1);
  assert.equal(blockedBy(outbox, mention('m1', S1, 1)), `source:${S1}`);
  assert.equal(blockedBy(outbox, link('l1', 'c01', S1, 1)), `source:${S1}`);
  assert.equal(blockedBy(outbox, mention('m1', S1, 2, { deleted: true })), null);
  assert.equal(blockedBy(outbox, link('l1', 'c01', null, 1)), null);
  assert.equal(blockedBy(outbox, mention('m2', S2, 1)), null, 'its source is not waiting');
  assert.equal(blockedBy(outbox, source(S1, 1)), null);
  assert.equal(blockedBy(outbox, mark('m1', 1)), null);
});

test('only the fields of the server records are sent', () => {
  assert.deepEqual(Object.keys(itemForServer({ ...source(S1, 1), at: 3 })), [
    'sourceId',
    'seq',
    'name',
    'kind',
    'origin',
    'relayedFrom',
    'deleted',
  ]);
  assert.deepEqual(Object.keys(itemForServer(mention('m1', S1, 1))), [
    'mentionId',
    'seq',
    'sourceId',
    'start',
    'end',
    'exact',
    'prefix',
    'suffix',
    'deleted',
  ]);
  assert.deepEqual(itemForServer(link('l1', 'c01', null, 1)), { linkId: 'l1', seq: 1, claimRef: 'c01', sourceId: null, deleted: false });
});

// --- the save queue ----------------------------------------------------------------------

test('a new source with its mention and link: the source is sent first, the others once it is saved', async () => {
  const { server, storage, queue } = setUp();
  queue.commit(source(S1, 1));
  queue.commit(mention('m1', S1, 1));
  queue.commit(link('l1', 'c01', S1, 1));
  queue.commit(link('l2', 'c02', null, 1));

  assert.deepEqual(
    server.saves.map((c) => c.method),
    ['saveSource', 'saveLink'],
    'only the source and the "no source given" link go; the rest wait for the source',
  );
  assert.equal(server.saves[1].sent.linkId, 'l2');
  assert.equal(Object.keys(stored(storage)).length, 4, 'all four are stored before any answer');
  assert.equal(queue.state, 'saving');

  server.saves[0].resolve(answer(server.saves[0].sent, 'saved'));
  await settle();
  assert.deepEqual(server.saves.slice(2).map((c) => c.method).sort(), ['saveLink', 'saveMention']);
  assert.equal(queue.state, 'saving', 'not saved before every item is');

  for (const call of server.saves.slice(1)) {
    call.resolve(answer(call.sent, 'saved'));
  }
  await settle();
  assert.equal(queue.state, 'saved');
  assert.equal(storage.getItem(KEY), null);
  const shown = queue.sourceWork();
  assert.deepEqual(shown.sources.map((s) => s.sourceId), [S1]);
  assert.deepEqual(shown.mentions.map((m) => m.mentionId), ['m1']);
  assert.deepEqual(shown.links.map((l) => l.linkId), ['l1', 'l2']);
});

test('while the source is retried, its mention keeps waiting and nothing is lost', async () => {
  const { clock, server, storage, queue } = setUp();
  server.auto = (method) => (method === 'saveSource' ? { markId: S1, seq: 1, status: 'busy', message: '' } : null);
  queue.commit(source(S1, 1));
  queue.commit(mention('m1', S1, 1));
  await clock.advance(10_000);
  assert.ok(server.saves.length > 2, 'the source was retried');
  assert.ok(server.saves.every((c) => c.method === 'saveSource'), 'the mention was never sent');
  assert.equal(queue.state, 'retrying');
  assert.ok(stored(storage)['mention:m1']);

  server.auto = (method, sent) => answer(sent, 'saved');
  await clock.advance(30_000);
  assert.equal(server.saves.filter((c) => c.method === 'saveMention').length, 1);
  assert.equal(queue.state, 'saved');
  assert.equal(storage.getItem(KEY), null);
});

test('a rejected edit rolls the source back to the server’s state and shows the server’s words', async () => {
  const snapshot = {
    sources: [{ sourceId: S1, seq: 2, name: 'Abu Khaled', kind: 'pseudonymous', origin: 'first-hand', relayedFrom: null, mentions: [] }],
    links: [],
  };
  const { server, queue, rejected } = setUp({ snapshot });
  queue.commit(source(S1, 3, { name: 'x'.repeat(400) }));
  assert.equal(queue.sourceWork().sources[0].name.length, 400, 'shown at once');
  server.saves[0].resolve(answer(server.saves[0].sent, 'rejected', { message: 'Write a shorter name.' }));
  await settle();
  assert.equal(queue.sourceWork().sources[0].name, 'Abu Khaled');
  assert.deepEqual(rejected, ['Write a shorter name.']);
  assert.equal(queue.state, 'error');
  assert.equal(queue.error, 'Write a shorter name.');
  assert.equal(queue.hasPendingChanges(), false);
});

test('a stale answer settles the item and asks the server what it has', async () => {
  const { clock, server, storage, queue } = setUp();
  queue.commit(source(S1, 1));
  server.snapshot = {
    sources: [{ sourceId: S1, seq: 4, name: 'from another tab', kind: null, origin: null, relayedFrom: null, mentions: [] }],
    links: [],
  };
  server.saves[0].resolve(answer(server.saves[0].sent, 'stale', { seq: 4 }));
  await clock.advance(100);
  assert.equal(storage.getItem(KEY), null);
  assert.equal(server.refreshes, 1, 'refreshSourceWork, not refreshMarks');
  assert.equal(queue.sourceWork().sources[0].name, 'from another tab');
  assert.equal(queue.state, 'saved');
});

test('a replay is harmless: the same state answered stale twice leaves one item', async () => {
  const { server, queue } = setUp();
  server.auto = (method, sent) => answer(sent, 'saved');
  queue.commit(link('l1', 'c01', null, 1));
  await settle();
  server.auto = (method, sent) => answer(sent, 'stale');
  queue.commit(link('l1', 'c01', null, 1));
  await settle();
  assert.deepEqual(queue.sourceWork().links.map((l) => [l.linkId, l.seq]), [['l1', 1]]);
  assert.equal(queue.state, 'saved');
});

test('after a reload, what the last page left is shown and sent again, source first', async () => {
  const storage = fakeStorage();
  let outbox = emptyOutbox();
  outbox = putEntry(outbox, mention('m1', S1, 1), 10);
  outbox = putEntry(outbox, source(S1, 1), 11); // edited after the mention: still goes first
  outbox = putEntry(outbox, mark('k1', 1), 12);
  storage.setItem(KEY, serializeOutbox(outbox));

  const { clock, server, queue } = setUp({ storage });
  assert.deepEqual(queue.sourceWork().mentions.map((m) => m.mentionId), ['m1'], 'shown before any answer');
  await clock.advance(0);
  assert.deepEqual(server.saves.map((c) => c.method), ['saveSource', 'saveMark']);
  server.saves[0].resolve(answer(server.saves[0].sent, 'saved'));
  await settle();
  assert.deepEqual(server.saves.map((c) => c.method), ['saveSource', 'saveMark', 'saveMention']);
});

test('the server’s work drops outbox entries it already has and keeps newer ones', () => {
  const storage = fakeStorage();
  let outbox = putEntry(emptyOutbox(), source(S1, 2), 1);
  outbox = putEntry(outbox, source(S2, 5), 2);
  storage.setItem(KEY, serializeOutbox(outbox));
  const { queue } = setUp({
    storage,
    snapshot: {
      sources: [
        { sourceId: S1, seq: 2, name: 'a', kind: null, origin: null, relayedFrom: null, mentions: [] },
        { sourceId: S2, seq: 4, name: 'b', kind: null, origin: null, relayedFrom: null, mentions: [] },
      ],
      links: [],
    },
  });
  assert.deepEqual(Object.keys(stored(storage)), [`source:${S2}`]);
  assert.equal(queue.hasPendingChanges(), true);
});

test('deleting a source sends its mentions’ and links’ tombstones and its own, and nothing waits', async () => {
  const snapshot = {
    sources: [
      {
        sourceId: S1,
        seq: 1,
        name: 'a source',
        kind: 'anonymous',
        origin: null,
        relayedFrom: null,
        mentions: [{ mentionId: 'm1', seq: 1, sourceId: S1, start: 5, end: 13, exact: 'a source' }],
      },
    ],
    links: [{ linkId: 'l1', seq: 1, claimRef: 'c01', sourceId: S1 }],
  };
  const { server, queue } = setUp({ snapshot });
  const changes = sourceDeletion(queue.sourceWork(), S1);
  assert.deepEqual(changes.map((c) => [c.item, c.seq, c.deleted]), [
    ['mention', 2, true],
    ['link', 2, true],
    ['source', 2, true],
  ]);
  changes.forEach((c) => queue.commit(c));
  assert.deepEqual(server.saves.map((c) => c.method), ['saveMention', 'saveLink', 'saveSource'], 'tombstones do not wait');
  assert.deepEqual(queue.sourceWork(), { sources: [], mentions: [], links: [] });
});

// --- what is shown, and what a tick changes ------------------------------------------------

test('shownWork hides deleted items, mentions of hidden sources and links to them', () => {
  const base = flattenServerWork({
    sources: [
      { sourceId: S1, seq: 1, name: 'b', kind: null, origin: null, relayedFrom: null, mentions: [{ mentionId: 'm1', seq: 1, start: 40, end: 45, exact: 'x' }] },
      { sourceId: S2, seq: 1, name: 'a', kind: null, origin: null, relayedFrom: null, mentions: [{ mentionId: 'm2', seq: 1, start: 10, end: 15, exact: 'y' }] },
    ],
    links: [
      { linkId: 'l1', seq: 1, claimRef: 'c01', sourceId: S1 },
      { linkId: 'l2', seq: 1, claimRef: 'c02', sourceId: null },
    ],
  });
  assert.equal(base.mentions[0].sourceId, S1, 'a mention takes its source from where it is listed');
  let shown = shownWork(base, []);
  assert.deepEqual(shown.sources.map((s) => s.sourceId), [S2, S1], 'in the order of their first mention');
  shown = shownWork(base, [source(S1, 2, { deleted: true })]);
  assert.deepEqual(shown.sources.map((s) => s.sourceId), [S2]);
  assert.deepEqual(shown.mentions.map((m) => m.mentionId), ['m2']);
  assert.deepEqual(shown.links.map((l) => l.linkId), ['l2']);
  shown = shownWork(base, [source(S1, 1, { name: 'older or same' })]);
  assert.equal(shown.sources.find((s) => s.sourceId === S1).name, 'b', 'on a tie the server wins');
});

test('ticking a source ends "no source given"; ticking "no source given" ends every source', () => {
  let n = 0;
  const newId = () => `new${++n}`;
  const links = [link('l1', 'c01', S1, 3), link('l2', 'c01', S2, 1), link('l3', 'c02', null, 2)];

  assert.deepEqual(linkChanges(links, 'c01', null, true, newId), [
    link('l1', 'c01', S1, 4, { deleted: true }),
    link('l2', 'c01', S2, 2, { deleted: true }),
    link('new1', 'c01', null, 1),
  ]);
  assert.deepEqual(linkChanges(links, 'c02', S1, true, newId), [link('l3', 'c02', null, 3, { deleted: true }), link('new2', 'c02', S1, 1)]);
  assert.deepEqual(linkChanges(links, 'c01', S1, true, newId), [], 'already linked');
  assert.deepEqual(linkChanges(links, 'c01', S2, false, newId), [link('l2', 'c01', S2, 2, { deleted: true })]);
  assert.deepEqual(linkChanges(links, 'c03', S2, false, newId), []);
});

test('linkIndex tells the claims of each source and the sources of each claim', () => {
  const { claimsBySource, sourcesByClaim } = linkIndex([link('l1', 'c01', S1, 1), link('l2', 'c02', S1, 1), link('l3', 'c03', null, 1)]);
  assert.deepEqual([...claimsBySource.get(S1)], ['c01', 'c02']);
  assert.deepEqual([...sourcesByClaim.get('c03')], [null]);
});

test('the form is checked as the server will: a name, short enough, the outlet only when relayed', () => {
  assert.deepEqual(checkSourceForm({ name: '  ', kind: null, origin: null, relayedFrom: '' }), { ok: false, problem: 'noName' });
  assert.deepEqual(checkSourceForm({ name: 'x'.repeat(301), kind: null, origin: null, relayedFrom: '' }), { ok: false, problem: 'longName' });
  assert.deepEqual(checkSourceForm({ name: ' Abu Khaled ', kind: 'pseudonymous', origin: 'first-hand', relayedFrom: 'Kept?' }), {
    ok: true,
    name: 'Abu Khaled',
    kind: 'pseudonymous',
    origin: 'first-hand',
    relayedFrom: null,
  });
  assert.deepEqual(checkSourceForm({ name: 'a source', kind: 'bogus', origin: 'relayed', relayedFrom: ' The Daily Mail ' }), {
    ok: true,
    name: 'a source',
    kind: null,
    origin: 'relayed',
    relayedFrom: 'The Daily Mail',
  });
});

test('the limits of the server are known before anything is sent', () => {
  const many = { sources: Array.from({ length: 50 }, (_, i) => source(`s${i}`, 1)), mentions: [], links: [] };
  assert.equal(overLimit(many, 'source'), 'tooManySources');
  const mentions = { sources: [source(S1, 1)], mentions: Array.from({ length: 20 }, (_, i) => mention(`m${i}`, S1, 1)), links: [] };
  assert.equal(overLimit(mentions, 'mention', S1), 'tooManyMentions');
  assert.equal(overLimit(mentions, 'mention', S2), null);
  assert.equal(overLimit(mentions, 'link'), null);
});

test('claims to link are checked, ordered by where they start, and numbered when unnamed', () => {
  const claims = linkableClaims(
    [
      { ref: 'b', start: 30, end: 40, label: '' },
      { ref: 'a', start: 0, end: 10, label: '' },
      { ref: 'a', start: 50, end: 60, label: 'dup' },
      { ref: 'bad', start: 5, end: 5 },
      { ref: 'far', start: 10, end: 999 },
      null,
    ],
    100,
  );
  assert.deepEqual(claims, [
    { ref: 'a', start: 0, end: 10, label: 'Claim 1' },
    { ref: 'b', start: 30, end: 40, label: 'Claim 2' },
  ]);
});

test('a mention that waited for its source goes once the server turns out to have the source', async () => {
  const storage = fakeStorage();
  let outbox = putEntry(emptyOutbox(), source(S1, 1), 1);
  outbox = putEntry(outbox, mention('m1', S1, 1), 2);
  storage.setItem(KEY, serializeOutbox(outbox));
  const { clock, server, queue } = setUp({ storage });
  server.auto = (method) => (method === 'saveSource' ? new TypeError('Failed to fetch') : null);
  await clock.advance(0);
  assert.deepEqual(server.saves.map((c) => c.method), ['saveSource']);

  // Another tab saved it: the server's work (a refresh, or the view) now lists the source.
  queue.setServerSourceWork({
    sources: [{ sourceId: S1, seq: 1, name: 'a source', kind: null, origin: null, relayedFrom: null, mentions: [] }],
    links: [],
  });
  await clock.advance(0);
  assert.deepEqual(server.saves.map((c) => c.method), ['saveSource', 'saveMention']);
});

test('every source kind has an English name and a one-line explanation, which the server may replace', async () => {
  const { DEFAULT_LABELS, kindLabel } = await import('../claim-highlighter/labels.js');
  const { SOURCE_KINDS } = await import('../claim-highlighter/source-work.js');
  for (const kind of SOURCE_KINDS) {
    const { name, help } = kindLabel({}, kind);
    assert.equal(name, DEFAULT_LABELS[`kind:${kind}`]);
    assert.ok(help.length > 10 && help.length < 100 && !help.includes('\n'), `${kind}: one line`);
  }
  assert.deepEqual(kindLabel({ 'kind:document': 'Dokument' }, 'document').name, 'Dokument');
  assert.deepEqual(kindLabel({ kinds: { document: { name: 'Dokument', help: 'Ein Bericht.' } } }, 'document'), {
    name: 'Dokument',
    help: 'Ein Bericht.',
  });
});
