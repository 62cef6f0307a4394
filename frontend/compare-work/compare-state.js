// @ts-check
/**
 * The compare-outlets items as data (DD015): an item's full state built from its fields' values,
 * the values put back from a state, and the stored work (the `work` property) read into seqs and
 * spans with the unsent changes on top. No DOM here: compare-work.js reads and writes the fields,
 * Node's tests drive these functions directly.
 */

import { keyOf } from './compare-outbox.js';

/** The fields of each item kind, in the order of the server's records (CompareItems.java). */
export const FIELDS = Object.freeze({
  grid: Object.freeze(['framing', 'namedSources', 'anonymousSources', 'reporting', 'relayedFrom', 'includes', 'outletKind']),
  cell: Object.freeze(['carried']),
  note: Object.freeze(['address', 'note']),
  judgement: Object.freeze(['judgement']),
});

/** Fields whose value is a whole number, and the one that is a list. */
const NUMBERS = new Set(['namedSources', 'anonymousSources']);
const LISTS = new Set(['relayedFrom']);

export const NOT_A_COUNT = 'A number of sources is a whole number, such as 0, 1 or 2.';
export const NOT_KNOWN = 'This part of the work is not known.';
export const NOT_READABLE = 'This part of the work could not be read. Please reload the page.';

/**
 * @typedef {{articleId?: string | null, claimId?: string | null, outletId?: string | null}} ItemIds
 * @typedef {{state: Record<string, any>} | {problem: string}} Built
 */

/**
 * A text field's value as the state has it: blank is null (not answered).
 *
 * @param {unknown} value
 * @returns {string | null}
 */
function text(value) {
  if (value === null || value === undefined) {
    return null;
  }
  const s = String(value);
  return s.trim() === '' ? null : s;
}

/**
 * A count as the state has it: blank is null; anything else must be a whole number (a number the
 * server could not even read would fail the call itself, and be retried for ever).
 *
 * @param {unknown} value
 * @returns {{ok: true, value: number | null} | {ok: false}}
 */
export function count(value) {
  if (typeof value === 'number') {
    return Number.isInteger(value) && Math.abs(value) < 1e9 ? { ok: true, value } : { ok: false };
  }
  const s = value === null || value === undefined ? '' : String(value).trim();
  if (s === '') {
    return { ok: true, value: null };
  }
  return /^-?\d{1,9}$/.test(s) ? { ok: true, value: Number(s) } : { ok: false };
}

/**
 * A list field's value: the chosen names, blanks dropped; a string is one name per line.
 *
 * @param {unknown} value
 * @returns {string[]}
 */
export function list(value) {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split('\n') : [];
  return items.filter((v) => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
}

/**
 * The full state of a grid, cell, note or judgement from its fields' values (every field, blank
 * ones as null), with the given seq; or the problem when a value cannot be sent.
 *
 * @param {'grid' | 'cell' | 'note' | 'judgement'} kind
 * @param {ItemIds} ids from the item element's data-article-id, data-claim-id, data-outlet-id
 * @param {Record<string, unknown>} values by field name; a field missing here is null
 * @param {number} seq
 * @param {Record<string, any> | null} [previous] the item's last known state: a cell keeps its
 *   wording (which no field of the layout edits)
 * @returns {Built}
 */
export function buildState(kind, ids, values, seq, previous = null) {
  /** @type {Record<string, any>} */
  let state;
  switch (kind) {
    case 'grid':
      state = { articleId: ids.articleId ?? null, seq };
      break;
    case 'cell':
      state = { claimId: ids.claimId ?? null, articleId: ids.articleId ?? null, seq };
      break;
    case 'note':
      state = { outletId: ids.outletId ?? null, seq };
      break;
    case 'judgement':
      state = { seq };
      break;
    default:
      return { problem: NOT_KNOWN };
  }
  for (const field of FIELDS[kind]) {
    const value = values[field];
    if (NUMBERS.has(field)) {
      const n = count(value);
      if (!n.ok) {
        return { problem: NOT_A_COUNT };
      }
      state[field] = n.value;
    } else if (LISTS.has(field)) {
      state[field] = list(value);
    } else {
      state[field] = text(value);
    }
  }
  if (kind === 'cell') {
    const wording = previous && Number.isInteger(previous.start) && Number.isInteger(previous.end);
    state.start = wording ? previous.start : null;
    state.end = wording ? previous.end : null;
    state.exact = wording ? previous.exact ?? null : null;
    state.prefix = wording ? previous.prefix ?? null : null;
    state.suffix = wording ? previous.suffix ?? null : null;
  }
  if (keyOf(kind, state) === null) {
    return { problem: NOT_READABLE };
  }
  return { state };
}

/**
 * The values to put back into an item's fields from a state (an unsent change replayed after a
 * reload, or another tab's saved work): every field of the kind, null as an empty text.
 *
 * @param {'grid' | 'cell' | 'note' | 'judgement'} kind
 * @param {Record<string, any>} state
 * @returns {Record<string, string | string[]>}
 */
export function fieldValues(kind, state) {
  /** @type {Record<string, string | string[]>} */
  const values = {};
  for (const field of FIELDS[kind] ?? []) {
    const value = state[field];
    if (LISTS.has(field)) {
      values[field] = list(value);
    } else {
      values[field] = value === null || value === undefined ? '' : String(value);
    }
  }
  return values;
}

/**
 * @typedef {{spanId: string, seq: number, articleId: string, kind: string, start: number,
 *   end: number, exact: string, prefix?: string | null, suffix?: string | null,
 *   deleted?: boolean}} Span
 * @typedef {{items: Map<string, {kind: string, state: Record<string, any>}>, spans: Span[]}} Work
 */

/** @param {unknown} value */
function isSpan(value) {
  const s = /** @type {Record<string, any>} */ (value);
  return (
    s !== null &&
    typeof s === 'object' &&
    typeof s.spanId === 'string' &&
    typeof s.articleId === 'string' &&
    (s.kind === 'hedge' || s.kind === 'loaded') &&
    Number.isInteger(s.start) &&
    Number.isInteger(s.end) &&
    s.start >= 0 &&
    s.start < s.end &&
    Number.isInteger(s.seq)
  );
}

/**
 * Reads the stored work (the `work` property, CompareWorkArea.java): `{grids, spans, cells,
 * notes, judgement}`, each item with its seq. Anything malformed is skipped.
 *
 * @param {unknown} work
 * @returns {Work}
 */
export function readWork(work) {
  const w = /** @type {Record<string, any>} */ (work && typeof work === 'object' ? work : {});
  /** @type {Work} */
  const read = { items: new Map(), spans: [] };
  /** @param {string} kind @param {unknown} states */
  const add = (kind, states) => {
    for (const state of Array.isArray(states) ? states : states ? [states] : []) {
      if (!state || typeof state !== 'object' || !Number.isInteger(state.seq)) {
        continue;
      }
      const key = keyOf(kind, state);
      if (key !== null) {
        read.items.set(key, { kind, state: { ...state } });
      }
    }
  };
  add('grid', w.grids);
  add('cell', w.cells);
  add('note', w.notes);
  add('judgement', w.judgement);
  for (const span of Array.isArray(w.spans) ? w.spans : []) {
    if (isSpan(span) && !span.deleted) {
      read.spans.push({ ...span });
      read.items.set(`span:${span.spanId}`, { kind: 'span', state: { ...span } });
    }
  }
  return read;
}

/**
 * The stored seq of every item, by item key: where each item's next change continues.
 *
 * @param {Work} work
 * @returns {Map<string, number>}
 */
export function workSeqs(work) {
  return new Map([...work.items].map(([key, item]) => [key, item.state.seq]));
}

/**
 * The spans the student sees: the stored ones with the unsent span changes on top (per span the
 * higher seq wins, the stored one on a tie; a winning deletion hides it), ordered by article,
 * kind and place in the text.
 *
 * @param {ReadonlyArray<Span>} stored
 * @param {Iterable<{kind: string, state: Record<string, any>}>} unsent outbox entries (any kind)
 * @returns {Span[]}
 */
export function shownSpans(stored, unsent) {
  /** @type {Map<string, Span>} */
  const byId = new Map();
  for (const span of stored) {
    byId.set(span.spanId, span);
  }
  for (const entry of unsent) {
    const span = /** @type {Span} */ (entry.state);
    if (entry.kind !== 'span' || typeof span.spanId !== 'string') {
      continue;
    }
    const existing = byId.get(span.spanId);
    if (existing && existing.seq >= span.seq) {
      continue;
    }
    if (span.deleted === true) {
      byId.set(span.spanId, { ...(existing ?? span), seq: span.seq, deleted: true });
    } else if (isSpan(span)) {
      byId.set(span.spanId, { ...span });
    }
  }
  return [...byId.values()]
    .filter((s) => !s.deleted)
    .sort(
      (a, b) =>
        (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0) ||
        (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) ||
        a.start - b.start ||
        a.end - b.end ||
        (a.spanId < b.spanId ? -1 : 1),
    );
}

/**
 * A span's deletion: its last state, flagged deleted, with the next seq.
 *
 * @param {Span} span
 * @param {number} seq
 */
export function deletedSpan(span, seq) {
  return spanState({ ...span, seq, deleted: true });
}

/**
 * Only the fields saveSpan takes (CompareItems.SpanState), in its order.
 *
 * @param {Span} span
 */
export function spanState(span) {
  return {
    spanId: span.spanId,
    seq: span.seq,
    articleId: span.articleId,
    kind: span.kind,
    start: span.start,
    end: span.end,
    exact: span.exact,
    prefix: span.prefix ?? '',
    suffix: span.suffix ?? '',
    deleted: span.deleted === true,
  };
}
