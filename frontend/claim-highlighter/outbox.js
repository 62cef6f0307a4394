// @ts-check
/**
 * The student's unsent mark changes, kept so that nothing is lost: pure functions plus a thin
 * store around an injected Web Storage object (localStorage in the browser, a fake in tests).
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
 * @typedef {MarkState & {at: number}} OutboxEntry
 * @typedef {{v: number, entries: Object<string, OutboxEntry>}} Outbox
 */

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
    const state = normaliseState(value);
    if (!state) {
      continue;
    }
    const existing = outbox.entries[state.markId];
    if (existing && existing.seq > state.seq) {
      continue;
    }
    outbox.entries[state.markId] = { ...state, at: Number.isFinite(value.at) ? value.at : 0 };
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
 * Records a change. The latest state per mark wins: a state with a lower seq than the one
 * already waiting is ignored (it is older).
 *
 * @param {Outbox} outbox
 * @param {MarkState} state the mark's full new state
 * @param {number} [now=Date.now()]
 * @returns {Outbox} a new outbox (the old one is unchanged)
 * @throws {TypeError} if the state is not a valid mark state
 */
export function putEntry(outbox, state, now = Date.now()) {
  const clean = normaliseState(state);
  if (!clean) {
    throw new TypeError('not a valid mark state');
  }
  const entries = { ...(outbox?.entries ?? {}) };
  const existing = entries[clean.markId];
  if (existing && existing.seq > clean.seq) {
    return { v: OUTBOX_VERSION, entries };
  }
  entries[clean.markId] = { ...clean, at: now };
  return { v: OUTBOX_VERSION, entries };
}

/**
 * Applies the server's answer to a save. "saved" and "stale" (the server already had that
 * seq or a newer one) and "rejected" (the student is told why; the change is dropped) all
 * settle the entry, but only if it is not newer than the answer: a change made while the
 * request was in flight has a higher seq and stays to be sent.
 *
 * @param {Outbox} outbox
 * @param {{markId: string, seq: number, status: string}} result
 * @returns {Outbox} a new outbox, or the same one when nothing changed
 */
export function acknowledge(outbox, result) {
  if (!result || !SETTLED.has(result.status) || !Number.isInteger(result.seq)) {
    return outbox;
  }
  const entry = outbox?.entries?.[result.markId];
  if (!entry || entry.seq > result.seq) {
    return outbox;
  }
  const entries = { ...outbox.entries };
  delete entries[result.markId];
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
  const seqs = new Map();
  for (const mark of Array.isArray(serverMarks) ? serverMarks : []) {
    if (mark && typeof mark.markId === 'string' && Number.isInteger(mark.seq)) {
      seqs.set(mark.markId, Math.max(mark.seq, seqs.get(mark.markId) ?? 0));
    }
  }
  let changed = false;
  /** @type {Record<string, OutboxEntry>} */
  const entries = {};
  for (const [markId, entry] of Object.entries(outbox?.entries ?? {})) {
    if ((seqs.get(markId) ?? -1) >= entry.seq) {
      changed = true;
    } else {
      entries[markId] = entry;
    }
  }
  return changed ? { v: OUTBOX_VERSION, entries } : outbox;
}

/**
 * The entries in the order they should be (re)sent: oldest change first, then by markId.
 *
 * @param {Outbox} outbox
 * @returns {OutboxEntry[]}
 */
export function pendingEntries(outbox) {
  return Object.values(outbox?.entries ?? {}).sort(
    (a, b) => (a.at ?? 0) - (b.at ?? 0) || (a.markId < b.markId ? -1 : a.markId > b.markId ? 1 : 0),
  );
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
 * @param {Outbox | ReadonlyArray<MarkState>} outbox the outbox or its entries
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
 * The outbox of one key in a Web Storage object.
 *
 * Every update reads the stored outbox afresh, changes it and writes it back, within one
 * synchronous step. Two tabs of the same student share the key, so neither may overwrite
 * the other's unsent entries with an old copy of its own.
 *
 * Storage may be missing or may throw (private mode, quota full, disabled cookies); the store
 * then keeps the outbox in memory so the page still works, and `persistent` tells so.
 *
 * @param {Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null | undefined} storage
 * @param {string} key
 */
export function createOutboxStore(storage, key) {
  let memory = emptyOutbox();
  let persistent = Boolean(storage);

  function load() {
    if (storage) {
      try {
        const outbox = parseOutbox(storage.getItem(key));
        memory = outbox;
        return outbox;
      } catch {
        persistent = false;
      }
    }
    return memory;
  }

  /** @param {Outbox} outbox */
  function save(outbox) {
    memory = outbox;
    if (!storage) {
      return;
    }
    try {
      if (isEmpty(outbox)) {
        storage.removeItem(key);
      } else {
        storage.setItem(key, serializeOutbox(outbox));
      }
      persistent = true;
    } catch {
      persistent = false;
    }
  }

  return {
    key,
    load,
    /** @param {(outbox: Outbox) => Outbox} change */
    update(change) {
      const before = load();
      const after = change(before);
      if (after !== before) {
        save(after);
      }
      return after;
    },
    /**
     * The waiting entry of one mark, or null.
     *
     * @param {string} markId
     */
    get(markId) {
      return load().entries[markId] ?? null;
    },
    clear() {
      save(emptyOutbox());
    },
    get persistent() {
      return persistent;
    },
  };
}
