// @ts-check
/**
 * The student's unsent changes (marks, and the "Who says so?" sources, mentions and claim
 * links), kept so that nothing is lost: pure functions plus a thin store around an injected Web
 * Storage object (localStorage in the browser, a fake in tests).
 *
 * Marks are versioned (see the product guide): every mark has a client-made `markId` and a
 * per-mark `seq` that grows by one on every change; every save carries the mark's full state;
 * a delete is a tombstone (`deleted: true`); the server applies a save only if its seq is
 * higher than the stored one. The outbox therefore only needs the latest full state per mark,
 * and replaying an entry is always harmless.
 *
 * Stored format, under the component's `outboxKey` (one key per account and submission):
 *
 *   {"v":1,"entries":{"<markId>":{"markId":"…","seq":2,"start":10,"end":24,"exact":"…",
 *     "prefix":"…","suffix":"…","type":"hedged","deleted":false,"at":1732190000000}}}
 *
 * `at` is when the change was made (ms since the epoch); it orders re-sending and is not sent.
 * An empty outbox is removed from storage rather than stored.
 *
 * Source work (DD013) shares the outbox and its rules, one entry per item, with an `item` field
 * naming what it is ("source", "mention", "link") and an entry key of `<item>:<id>`:
 *
 *   "source:<sourceId>": {"item":"source","sourceId":"…","seq":1,"name":"…","kind":"anonymous",
 *     "origin":"relayed","relayedFrom":"The Daily Mail","deleted":false,"at":…}
 *   "mention:<mentionId>": {"item":"mention","mentionId":"…","seq":1,"sourceId":"…","start":5,
 *     "end":20,"exact":"…","prefix":"…","suffix":"…","deleted":false,"at":…}
 *   "link:<linkId>": {"item":"link","linkId":"…","seq":1,"claimRef":"…","sourceId":null,
 *     "deleted":false,"at":…}
 *
 * A mark has no `item` field and is keyed by its bare markId, exactly as before source work
 * existed, so an outbox written by an older page is read unchanged (the version stays 1). The
 * server refuses a mention or link whose source it does not have yet, so a live mention or link
 * waits while its source has an unsent entry (see blockedBy); tombstones never wait (the server
 * takes them whatever became of their source).
 */

export const OUTBOX_VERSION = 1;

/** Statuses after which an entry leaves the outbox. */
const SETTLED = new Set(['saved', 'stale', 'rejected']);

/** The first retry waits this long; each further one twice as long, up to MAX_DELAY_MS. */
export const BASE_DELAY_MS = 1000;
export const MAX_DELAY_MS = 30000;

/**
 * @typedef {object} MarkState the full state of one mark, as saveMark receives it
 * @property {string} markId
 * @property {number} seq 1 for a new mark, +1 per change
 * @property {number} start
 * @property {number} end
 * @property {string} exact
 * @property {string} prefix
 * @property {string} suffix
 * @property {string} type
 * @property {boolean} deleted
 */

/**
 * @typedef {object} SourceItemState the full state of one student source, as saveSource receives
 *   it (SourceState.java) plus `item`
 * @property {'source'} item
 * @property {string} sourceId
 * @property {number} seq
 * @property {string} name the name as the article gives it
 * @property {string | null} kind a source kind code ("named-person", …) or null while not chosen
 * @property {string | null} origin "first-hand", "relayed" or null while not chosen
 * @property {string | null} relayedFrom the outlet it was relayed from (only when relayed)
 * @property {boolean} deleted
 */

/**
 * @typedef {object} MentionItemState the full state of one mention (MentionState.java) plus `item`
 * @property {'mention'} item
 * @property {string} mentionId
 * @property {number} seq
 * @property {string} sourceId the source it names
 * @property {number} start
 * @property {number} end
 * @property {string} exact
 * @property {string} prefix
 * @property {string} suffix
 * @property {boolean} deleted
 */

/**
 * @typedef {object} LinkItemState the full state of one claim link (LinkState.java) plus `item`
 * @property {'link'} item
 * @property {string} linkId
 * @property {number} seq
 * @property {string} claimRef the claim it is about
 * @property {string | null} sourceId the source the claim rests on; null for "no source given"
 * @property {boolean} deleted
 */

/**
 * @typedef {'mark' | 'source' | 'mention' | 'link'} ItemKind
 * @typedef {MarkState | SourceItemState | MentionItemState | LinkItemState} ItemState
 * @typedef {ItemState & {at: number}} OutboxEntry
 * @typedef {{v: number, entries: Object<string, OutboxEntry>}} Outbox
 */

/** The item kinds of source work; anything without `item` is a mark. */
export const SOURCE_WORK_ITEMS = Object.freeze(/** @type {const} */ (['source', 'mention', 'link']));

/**
 * What an item is: its `item` field, or "mark" for a state without one (marks predate it).
 *
 * @param {ItemState} state
 * @returns {ItemKind}
 */
export function itemKind(state) {
  return 'item' in state ? state.item : 'mark';
}

/**
 * The browser-made id of an item, whatever its kind.
 *
 * @param {ItemState} state
 * @returns {string}
 */
export function itemId(state) {
  if (!('item' in state)) {
    return state.markId;
  }
  switch (state.item) {
    case 'source':
      return state.sourceId;
    case 'mention':
      return state.mentionId;
    default:
      return state.linkId;
  }
}

/**
 * The outbox key of an item: a mark's bare id (as outboxes have always stored it), else
 * `<kind>:<id>`, so that ids of different kinds can never replace each other's entry.
 *
 * @param {ItemKind} kind
 * @param {string} id
 */
export function itemKey(kind, id) {
  return kind === 'mark' ? id : `${kind}:${id}`;
}

/** @param {ItemState} state */
export function entryKey(state) {
  return itemKey(itemKind(state), itemId(state));
}

/** @returns {Outbox} */
export function emptyOutbox() {
  return { v: OUTBOX_VERSION, entries: {} };
}

/**
 * Checks and completes a mark state. Anything that could not be saved is refused, so a broken
 * entry (from an older version, or edited by hand) never blocks the outbox.
 *
 * @param {unknown} state
 * @returns {MarkState | null}
 */
export function normaliseState(state) {
  if (state === null || typeof state !== 'object') {
    return null;
  }
  // Anything may be in it (an old version, a hand edit): every field is checked below.
  const fields = /** @type {Record<string, any>} */ (state);
  const { markId, seq, start, end } = fields;
  if (fields.item !== undefined && fields.item !== 'mark') {
    return null; // A source-work item, never a mark.
  }
  if (typeof markId !== 'string' || markId === '') {
    return null;
  }
  if (!Number.isInteger(seq) || seq < 1) {
    return null;
  }
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start >= end) {
    return null;
  }
  const deleted = fields.deleted === true;
  const type = typeof fields.type === 'string' ? fields.type : '';
  if (!deleted && type === '') {
    return null;
  }
  return {
    markId,
    seq,
    start,
    end,
    exact: typeof fields.exact === 'string' ? fields.exact : '',
    prefix: typeof fields.prefix === 'string' ? fields.prefix : '',
    suffix: typeof fields.suffix === 'string' ? fields.suffix : '',
    type,
    deleted,
  };
}


/** @param {unknown} value */
function nonEmptyString(value) {
  return typeof value === 'string' && value !== '';
}

/** @param {unknown} value */
function stringOrNull(value) {
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * Checks and completes any item's state, as normaliseState does for marks: a broken entry is
 * refused rather than sent. Only what a save needs is required (an id and a seq, the source of a
 * live mention, the claim of a link); whether the content is acceptable is the server's word.
 *
 * @param {unknown} state
 * @returns {ItemState | null}
 */
export function normaliseItem(state) {
  if (state === null || typeof state !== 'object') {
    return null;
  }
  const fields = /** @type {Record<string, any>} */ (state);
  if (fields.item === undefined || fields.item === 'mark') {
    return normaliseState(state);
  }
  const { seq } = fields;
  if (!Number.isInteger(seq) || seq < 1) {
    return null;
  }
  const deleted = fields.deleted === true;
  switch (fields.item) {
    case 'source':
      if (!nonEmptyString(fields.sourceId)) {
        return null;
      }
      return {
        item: 'source',
        sourceId: fields.sourceId,
        seq,
        name: typeof fields.name === 'string' ? fields.name : '',
        kind: stringOrNull(fields.kind),
        origin: stringOrNull(fields.origin),
        relayedFrom: stringOrNull(fields.relayedFrom),
        deleted,
      };
    case 'mention': {
      const { start, end } = fields;
      if (!nonEmptyString(fields.mentionId) || !nonEmptyString(fields.sourceId)) {
        return null;
      }
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start >= end) {
        return null;
      }
      return {
        item: 'mention',
        mentionId: fields.mentionId,
        seq,
        sourceId: fields.sourceId,
        start,
        end,
        exact: typeof fields.exact === 'string' ? fields.exact : '',
        prefix: typeof fields.prefix === 'string' ? fields.prefix : '',
        suffix: typeof fields.suffix === 'string' ? fields.suffix : '',
        deleted,
      };
    }
    case 'link':
      if (!nonEmptyString(fields.linkId) || !nonEmptyString(fields.claimRef)) {
        return null;
      }
      return {
        item: 'link',
        linkId: fields.linkId,
        seq,
        claimRef: fields.claimRef,
        sourceId: stringOrNull(fields.sourceId),
        deleted,
      };
    default:
      return null; // A kind this version does not know: left alone rather than guessed at.
  }
}

/**
 * Only the fields saveMark takes, in a fixed order.
 *
 * @param {MarkState} entry
 * @returns {MarkState}
 */
export function stateForServer(entry) {
  const { markId, seq, start, end, exact, prefix, suffix, type, deleted } = entry;
  return { markId, seq, start, end, exact, prefix, suffix, type, deleted };
}

/**
 * Only the fields the item's save takes (SourceState, MentionState, LinkState, MarkState): the
 * local `item` and `at` are not sent, the server's records know no such fields.
 *
 * @param {ItemState} entry
 * @returns {Record<string, unknown>}
 */
export function itemForServer(entry) {
  if (!('item' in entry)) {
    return stateForServer(entry);
  }
  switch (entry.item) {
    case 'source': {
      const { sourceId, seq, name, kind, origin, relayedFrom, deleted } = entry;
      return { sourceId, seq, name, kind, origin, relayedFrom, deleted };
    }
    case 'mention': {
      const { mentionId, seq, sourceId, start, end, exact, prefix, suffix, deleted } = entry;
      return { mentionId, seq, sourceId, start, end, exact, prefix, suffix, deleted };
    }
    default: {
      const { linkId, seq, claimRef, sourceId, deleted } = entry;
      return { linkId, seq, claimRef, sourceId, deleted };
    }
  }
}

/**
 * The key of the unsent source entry a live mention or link must wait for (the server refuses
 * either while it does not have the source), or null when it may go. A tombstone, a mark, a
 * source and a "no source given" link never wait.
 *
 * @param {Outbox} outbox
 * @param {ItemState} entry
 * @returns {string | null}
 */
export function blockedBy(outbox, entry) {
  if (!('item' in entry) || entry.deleted || entry.item === 'source' || entry.sourceId == null) {
    return null;
  }
  const key = itemKey('source', entry.sourceId);
  return outbox?.entries?.[key] ? key : null;
}

/**
 * Reads a stored outbox. Unreadable JSON or an unknown version gives an empty outbox; broken
 * entries are dropped one by one.
 *
 * @param {string | null | undefined} json
 * @returns {Outbox}
 */
export function parseOutbox(json) {
  const outbox = emptyOutbox();
  if (typeof json !== 'string' || json === '') {
    return outbox;
  }
  let data;
  try {
    data = JSON.parse(json);
  } catch {
    return outbox;
  }
  if (data === null || typeof data !== 'object' || data.v !== OUTBOX_VERSION || typeof data.entries !== 'object' || data.entries === null) {
    return outbox;
  }
  for (const value of Object.values(data.entries)) {
    const state = normaliseItem(value);
    if (!state) {
      continue;
    }
    const key = entryKey(state);
    const existing = outbox.entries[key];
    if (existing && existing.seq > state.seq) {
      continue;
    }
    outbox.entries[key] = { ...state, at: Number.isFinite(value.at) ? value.at : 0 };
  }
  return outbox;
}

/** @param {Outbox} outbox */
export function serializeOutbox(outbox) {
  return JSON.stringify({ v: OUTBOX_VERSION, entries: outbox?.entries ?? {} });
}

/**
 * Whether there is nothing left to send.
 *
 * @param {Outbox | null | undefined} outbox
 */
export function isEmpty(outbox) {
  return !outbox || Object.keys(outbox.entries ?? {}).length === 0;
}

/**
 * Records a change. The latest state per item wins: a state with a lower seq than the one
 * already waiting is ignored (it is older).
 *
 * @param {Outbox} outbox
 * @param {ItemState} state the item's full new state
 * @param {number} [now=Date.now()]
 * @returns {Outbox} a new outbox (the old one is unchanged)
 * @throws {TypeError} if the state is not a valid item state
 */
export function putEntry(outbox, state, now = Date.now()) {
  const clean = normaliseItem(state);
  if (!clean) {
    throw new TypeError('not a valid mark state');
  }
  const key = entryKey(clean);
  const entries = { ...(outbox?.entries ?? {}) };
  const existing = entries[key];
  if (existing && existing.seq > clean.seq) {
    return { v: OUTBOX_VERSION, entries };
  }
  entries[key] = { ...clean, at: now };
  return { v: OUTBOX_VERSION, entries };
}

/**
 * Applies the server's answer to a save. "saved" and "stale" (the server already had that
 * seq or a newer one) and "rejected" (the student is told why; the change is dropped) all
 * settle the entry, but only if it is not newer than the answer: a change made while the
 * request was in flight has a higher seq and stays to be sent.
 *
 * @param {Outbox} outbox
 * @param {{markId: string, key?: string, seq: number, status: string}} result `key` is the
 *   entry's outbox key (see itemKey); without it, the markId (a mark's key)
 * @returns {Outbox} a new outbox, or the same one when nothing changed
 */
export function acknowledge(outbox, result) {
  if (!result || !SETTLED.has(result.status) || !Number.isInteger(result.seq)) {
    return outbox;
  }
  const key = result.key ?? result.markId;
  const entry = outbox?.entries?.[key];
  if (!entry || entry.seq > result.seq) {
    return outbox;
  }
  const entries = { ...outbox.entries };
  delete entries[key];
  return { v: OUTBOX_VERSION, entries };
}

/**
 * Drops the entries the server already has (its seq for the mark is at least the entry's).
 * A mark missing from the list proves nothing (it may be new, or deleted), so its entry stays.
 *
 * @param {Outbox} outbox
 * @param {Array<{markId: string, seq: number}>} serverMarks
 * @returns {Outbox}
 */
export function pruneOutbox(outbox, serverMarks) {
  /** @type {Map<string, number>} */
  const seqs = new Map();
  for (const mark of Array.isArray(serverMarks) ? serverMarks : []) {
    if (mark && typeof mark.markId === 'string' && Number.isInteger(mark.seq)) {
      seqs.set(mark.markId, Math.max(mark.seq, seqs.get(mark.markId) ?? 0));
    }
  }
  return pruneSeqs(outbox, seqs);
}

/**
 * Drops the entries whose stored seq (by outbox key) is at least theirs; pruneOutbox for any
 * item kind. A key missing from `seqs` proves nothing, so its entry stays.
 *
 * @param {Outbox} outbox
 * @param {ReadonlyMap<string, number>} seqs
 * @returns {Outbox}
 */
export function pruneSeqs(outbox, seqs) {
  let changed = false;
  /** @type {Record<string, OutboxEntry>} */
  const entries = {};
  for (const [key, entry] of Object.entries(outbox?.entries ?? {})) {
    if ((seqs.get(key) ?? -1) >= entry.seq) {
      changed = true;
    } else {
      entries[key] = entry;
    }
  }
  return changed ? { v: OUTBOX_VERSION, entries } : outbox;
}

/** Of changes made in the same millisecond, sources go before what rests on them. */
const SEND_RANK = Object.freeze({ mark: 0, source: 1, mention: 2, link: 3 });

/**
 * The entries in the order they should be (re)sent: oldest change first, then sources before
 * mentions before links, then by key. (A live mention or link still waits for its source, see
 * blockedBy; this order only makes the wait short.)
 *
 * @param {Outbox} outbox
 * @returns {OutboxEntry[]}
 */
export function pendingEntries(outbox) {
  return Object.values(outbox?.entries ?? {})
    .map((entry) => ({ entry, key: entryKey(entry), rank: SEND_RANK[itemKind(entry)] }))
    .sort((a, b) => (a.entry.at ?? 0) - (b.entry.at ?? 0) || a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((sorted) => sorted.entry);
}

/**
 * What the student sees: the server's marks with the unsent changes applied on top.
 *
 * Per markId the state with the highest seq wins; on a tie the server's (it is committed). A
 * winning tombstone hides the mark. Server marks that are malformed or flagged `deleted` are
 * not shown.
 *
 * @param {ReadonlyArray<any>} serverMarks `{markId, seq, start, end, exact, type}` (extra fields
 *   kept); anything else in the list is skipped
 * @param {Outbox | ReadonlyArray<ItemState>} outbox the outbox or its entries (only marks count)
 * @returns {Array<{markId: string, seq: number, start: number, end: number, exact: string,
 *   type: string}>} live marks, ordered by start, then longer first, then markId
 */
export function applyOutbox(serverMarks, outbox) {
  /** @type {Map<string, MarkState>} */
  const byId = new Map();
  for (const mark of Array.isArray(serverMarks) ? serverMarks : []) {
    // A server mark without a seq counts as seq 0: any local change beats it.
    const seq = Number.isInteger(mark?.seq) && mark.seq > 0 ? mark.seq : 0;
    const clean = normaliseState({ ...mark, seq: Math.max(seq, 1) });
    if (!clean) {
      continue;
    }
    const existing = byId.get(clean.markId);
    if (!existing || existing.seq < seq) {
      byId.set(clean.markId, { ...clean, seq, deleted: mark.deleted === true });
    }
  }
  const entries = Array.isArray(outbox) ? outbox : Object.values(outbox?.entries ?? {});
  for (const entry of entries) {
    const clean = normaliseState(entry);
    if (!clean) {
      continue;
    }
    const existing = byId.get(clean.markId);
    if (!existing || existing.seq < clean.seq) {
      byId.set(clean.markId, clean);
    }
  }
  const shown = [];
  for (const mark of byId.values()) {
    if (!mark.deleted) {
      shown.push({
        markId: mark.markId,
        seq: mark.seq,
        start: mark.start,
        end: mark.end,
        exact: mark.exact,
        type: mark.type,
      });
    }
  }
  return shown.sort(
    (a, b) => a.start - b.start || b.end - a.end || (a.markId < b.markId ? -1 : a.markId > b.markId ? 1 : 0),
  );
}

/**
 * How long to wait before retry number `attempt` (0 for the first retry): 1 s, 2 s, 4 s, …
 * at most 30 s, with ±20 % jitter so that many students coming back online at once do not
 * all retry in the same instant.
 *
 * @param {number} attempt 0, 1, 2, …
 * @param {() => number} [random=Math.random] returns [0, 1); 0.5 means no jitter
 * @returns {number} milliseconds, within [800, 30000]
 */
export function nextDelay(attempt, random = Math.random) {
  const n = Number.isFinite(attempt) && attempt > 0 ? Math.floor(attempt) : 0;
  // 2 ** 15 s is already far beyond the cap; stop growing before the number gets silly.
  const base = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.min(n, 15));
  const jitter = 1 + (random() - 0.5) * 0.4;
  return Math.round(Math.min(MAX_DELAY_MS, base * jitter));
}

/**
 * How one kind of outbox is kept in storage: what an empty one is, how it is read and written,
 * and when it is empty (an empty outbox is removed from storage rather than stored).
 *
 * @template T
 * @typedef {object} OutboxCodec
 * @property {() => T} empty
 * @property {(json: string | null) => T} parse
 * @property {(outbox: T) => string} serialize
 * @property {(outbox: T) => boolean} isEmpty
 */

/**
 * An outbox of one key in a Web Storage object, whatever its entries (the highlighter's, the
 * compare step's).
 *
 * Every update reads the stored outbox afresh, changes it and writes it back, within one
 * synchronous step. Two tabs of the same student share the key, so neither may overwrite
 * the other's unsent entries with an old copy of its own.
 *
 * Storage may be missing or may throw (private mode, quota full, disabled cookies); the store
 * then keeps the outbox in memory so the page still works, and `persistent` tells so.
 *
 * @template T
 * @param {Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null | undefined} storage
 * @param {string} key
 * @param {OutboxCodec<T>} codec
 */
export function createStorageStore(storage, key, codec) {
  let memory = codec.empty();
  let persistent = Boolean(storage && key);

  /** @returns {T} */
  function load() {
    if (storage && key) {
      try {
        memory = codec.parse(storage.getItem(key));
        return memory;
      } catch {
        persistent = false;
      }
    }
    return memory;
  }

  /** @param {T} outbox */
  function save(outbox) {
    memory = outbox;
    if (!storage || !key) {
      return;
    }
    try {
      if (codec.isEmpty(outbox)) {
        storage.removeItem(key);
      } else {
        storage.setItem(key, codec.serialize(outbox));
      }
      persistent = true;
    } catch {
      persistent = false;
    }
  }

  return {
    key,
    load,
    /** @param {(outbox: T) => T} change */
    update(change) {
      const before = load();
      const after = change(before);
      if (after !== before) {
        save(after);
      }
      return after;
    },
    clear() {
      save(codec.empty());
    },
    get persistent() {
      return persistent;
    },
  };
}

/**
 * The highlighter's outbox of one key (marks and source work), see {@link createStorageStore}.
 *
 * @param {Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null | undefined} storage
 * @param {string} key
 */
export function createOutboxStore(storage, key) {
  /** @type {OutboxCodec<Outbox>} */
  const codec = { empty: emptyOutbox, parse: parseOutbox, serialize: serializeOutbox, isEmpty };
  const store = createStorageStore(storage, key, codec);
  return {
    ...store,
    get persistent() {
      return store.persistent;
    },
    /**
     * The waiting entry of one item (by outbox key; a mark's is its markId), or null.
     *
     * @param {string} itemKey
     */
    get(itemKey) {
      return store.load().entries[itemKey] ?? null;
    },
  };
}
