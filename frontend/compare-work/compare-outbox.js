// @ts-check
import { createStorageStore } from '../claim-highlighter/outbox.js';
/**
 * The unsent compare-outlets changes (DD015), kept in Web Storage so that nothing typed or picked
 * is lost: pure functions plus a thin store around an injected Storage (localStorage in the
 * browser, a fake in tests). The rules are those of the highlighter's outbox (DD004, outbox.js):
 * one entry per item holding its latest full state, a per-item seq that grows by one per change,
 * replays harmless because the server applies a seq only once.
 *
 * The highlighter's store cannot hold these items (it drops kinds it does not know), so this one
 * has its own format, under the step's own outbox key:
 *
 *   {"v":1,"compare":true,"entries":{"grid:<articleId>":{"kind":"grid","at":1732190000000,
 *     "state":{"articleId":"…","seq":3,"framing":"hedged",…}}, "span:<spanId>":{…}, …}}
 *
 * The entry key is the item key of the protocol (grid:<articleId>, cell:<claimId>:<articleId>,
 * note:<outletId>, judgement, span:<spanId>), and `state` is exactly what the server method takes.
 */

export const COMPARE_OUTBOX_VERSION = 1;

/** @typedef {'grid' | 'span' | 'cell' | 'note' | 'judgement'} CompareKind */

/** The item kinds, in the order changes made in the same millisecond are sent. */
export const COMPARE_KINDS = Object.freeze(/** @type {const} */ (['grid', 'span', 'cell', 'note', 'judgement']));

/** Statuses after which an entry leaves the outbox; anything else (busy, no answer) is retried. */
export const SETTLED = Object.freeze(new Set(['saved', 'stale', 'rejected']));

/**
 * @typedef {{kind: CompareKind, at: number, state: Record<string, any>}} CompareEntry
 * @typedef {{v: number, compare: true, entries: Record<string, CompareEntry>}} CompareOutbox
 */

/** @returns {CompareOutbox} */
export function emptyCompareOutbox() {
  return { v: COMPARE_OUTBOX_VERSION, compare: true, entries: {} };
}

/** @param {unknown} value */
function id(value) {
  return typeof value === 'string' && value !== '' && !value.includes(':') ? value : null;
}

/**
 * The item key of a state of the given kind, or null when its ids are missing.
 *
 * @param {string} kind
 * @param {Record<string, any>} state
 * @returns {string | null}
 */
export function keyOf(kind, state) {
  switch (kind) {
    case 'grid':
      return id(state.articleId) ? `grid:${state.articleId}` : null;
    case 'span':
      return id(state.spanId) ? `span:${state.spanId}` : null;
    case 'cell':
      return id(state.claimId) && id(state.articleId) ? `cell:${state.claimId}:${state.articleId}` : null;
    case 'note':
      return id(state.outletId) ? `note:${state.outletId}` : null;
    case 'judgement':
      return 'judgement';
    default:
      return null;
  }
}

/**
 * The kind named by an item key ("grid:…" → "grid"), or null for a key of no known kind.
 *
 * @param {string} key
 * @returns {CompareKind | null}
 */
export function kindOfKey(key) {
  const kind = key === 'judgement' ? 'judgement' : key.slice(0, key.indexOf(':'));
  return /** @type {readonly string[]} */ (COMPARE_KINDS).includes(kind) ? /** @type {CompareKind} */ (kind) : null;
}

/**
 * Checks an entry read from storage (an older page or a hand edit may have left anything): a
 * known kind, a state whose ids make the key it is stored under, and a whole seq of at least 1.
 *
 * @param {string} key
 * @param {unknown} value
 * @returns {CompareEntry | null}
 */
export function normaliseEntry(key, value) {
  if (value === null || typeof value !== 'object') {
    return null;
  }
  const fields = /** @type {Record<string, any>} */ (value);
  const { kind, state } = fields;
  if (typeof kind !== 'string' || state === null || typeof state !== 'object') {
    return null;
  }
  if (!Number.isInteger(state.seq) || state.seq < 1 || keyOf(kind, state) !== key) {
    return null;
  }
  return { kind: /** @type {CompareKind} */ (kind), at: Number.isFinite(fields.at) ? fields.at : 0, state: { ...state } };
}

/**
 * Reads a stored outbox; unreadable JSON or another format gives an empty one, broken entries are
 * dropped one by one.
 *
 * @param {string | null | undefined} json
 * @returns {CompareOutbox}
 */
export function parseCompareOutbox(json) {
  const outbox = emptyCompareOutbox();
  if (typeof json !== 'string' || json === '') {
    return outbox;
  }
  let data;
  try {
    data = JSON.parse(json);
  } catch {
    return outbox;
  }
  if (!data || typeof data !== 'object' || data.v !== COMPARE_OUTBOX_VERSION || data.compare !== true) {
    return outbox;
  }
  for (const [key, value] of Object.entries(data.entries ?? {})) {
    const entry = normaliseEntry(key, value);
    if (entry) {
      outbox.entries[key] = entry;
    }
  }
  return outbox;
}

/** @param {CompareOutbox} outbox */
export function serializeCompareOutbox(outbox) {
  return JSON.stringify({ v: COMPARE_OUTBOX_VERSION, compare: true, entries: outbox.entries });
}

/**
 * Records an item's new full state; an older state (lower seq) than the waiting one is ignored.
 *
 * @param {CompareOutbox} outbox
 * @param {CompareKind} kind
 * @param {Record<string, any>} state
 * @param {number} [now]
 * @returns {CompareOutbox} a new outbox
 * @throws {TypeError} for a state without its ids or seq
 */
export function putCompareEntry(outbox, kind, state, now = Date.now()) {
  const key = keyOf(kind, state);
  if (key === null || !Number.isInteger(state.seq) || state.seq < 1) {
    throw new TypeError(`not a valid ${kind} state`);
  }
  const existing = outbox.entries[key];
  if (existing && existing.state.seq > state.seq) {
    return outbox;
  }
  return { ...outbox, entries: { ...outbox.entries, [key]: { kind, at: now, state: { ...state } } } };
}

/**
 * Applies the server's answer: saved, stale and rejected settle the entry unless it is newer than
 * the answer (changed while the request was on its way: it stays to be sent).
 *
 * @param {CompareOutbox} outbox
 * @param {string} key
 * @param {number} seq the seq the answer settles
 * @param {unknown} status
 * @returns {CompareOutbox}
 */
export function settleCompareEntry(outbox, key, seq, status) {
  const entry = outbox.entries[key];
  if (!entry || typeof status !== 'string' || !SETTLED.has(status) || entry.state.seq > seq) {
    return outbox;
  }
  const entries = { ...outbox.entries };
  delete entries[key];
  return { ...outbox, entries };
}

/**
 * Drops the entries whose item the server already has at their seq or a newer one.
 *
 * @param {CompareOutbox} outbox
 * @param {ReadonlyMap<string, number>} seqs stored seq by item key
 * @returns {CompareOutbox} the same outbox when nothing was dropped
 */
export function pruneCompareOutbox(outbox, seqs) {
  let changed = false;
  /** @type {Record<string, CompareEntry>} */
  const entries = {};
  for (const [key, entry] of Object.entries(outbox.entries)) {
    if ((seqs.get(key) ?? 0) >= entry.state.seq) {
      changed = true;
    } else {
      entries[key] = entry;
    }
  }
  return changed ? { ...outbox, entries } : outbox;
}

/**
 * The waiting entries, oldest change first (then by kind and key), with their keys.
 *
 * @param {CompareOutbox} outbox
 * @returns {Array<CompareEntry & {key: string}>}
 */
export function pendingCompareEntries(outbox) {
  return Object.entries(outbox.entries)
    .map(([key, entry]) => ({ ...entry, key }))
    .sort(
      (a, b) =>
        a.at - b.at ||
        COMPARE_KINDS.indexOf(a.kind) - COMPARE_KINDS.indexOf(b.kind) ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
}

/**
 * The seq of an item's next change: one more than any seq it is known to have had (stored on the
 * server, waiting in the outbox, or already sent from this page).
 *
 * @param {ReadonlyMap<string, number>} known
 * @param {CompareOutbox} outbox
 * @param {string} key
 */
export function nextSeq(known, outbox, key) {
  return Math.max(known.get(key) ?? 0, outbox.entries[key]?.state.seq ?? 0) + 1;
}

/**
 * The compare step's outbox of one key, kept by the same store as the highlighter's
 * ({@link createStorageStore}: read afresh and written back in one step, memory when storage
 * fails); only the format differs.
 *
 * @param {Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null | undefined} storage
 * @param {string} key
 */
export function createCompareStore(storage, key) {
  /** @type {import('../claim-highlighter/outbox.js').OutboxCodec<CompareOutbox>} */
  const codec = {
    empty: emptyCompareOutbox,
    parse: parseCompareOutbox,
    serialize: serializeCompareOutbox,
    isEmpty: (outbox) => Object.keys(outbox.entries).length === 0,
  };
  const store = createStorageStore(storage, key, codec);
  return {
    ...store,
    get persistent() {
      return store.persistent;
    },
    /** @param {string} itemKey */
    get(itemKey) {
      return store.load().entries[itemKey] ?? null;
    },
  };
}

/** @typedef {ReturnType<typeof createCompareStore>} CompareStore */
