// @ts-check
/**
 * The "Who says so?" work as data (DD013, "Source work"): the student's sources, the mentions
 * that name them in the text, and the links from claims to sources. Pure functions, no DOM and
 * no Lit, so Node's tests (source-work.test.js) cover the rules the sources mode relies on:
 * what is shown (the server's work with the unsent changes on top), which changes a tick or a
 * deletion makes, and the limits the server keeps (SourceWorkModel.java), checked here first so
 * a student is told before anything is sent.
 */

import { itemKey, normaliseItem } from './outbox.js';

/**
 * @typedef {import('./outbox.js').ItemState} ItemState
 * @typedef {import('./outbox.js').SourceItemState} SourceItemState
 * @typedef {import('./outbox.js').MentionItemState} MentionItemState
 * @typedef {import('./outbox.js').LinkItemState} LinkItemState
 * @typedef {import('./outbox.js').Outbox} Outbox
 *
 * Flat lists of item states, e.g. what the server has.
 * @typedef {{sources: SourceItemState[], mentions: MentionItemState[], links: LinkItemState[]}} WorkItems
 */

/** The seven kinds of source, in the order the form offers them (SourceKind.java). */
export const SOURCE_KINDS = Object.freeze([
  'named-person',
  'anonymous',
  'pseudonymous',
  'official-body',
  'expert-or-organisation',
  'media-outlet',
  'document',
]);

/** How the outlet got the source. */
export const ORIGINS = Object.freeze(['first-hand', 'relayed']);

/** The server's limits (SourceWorkModel.java); the server checks them again. */
export const LIMITS = Object.freeze({ sources: 50, mentionsPerSource: 20, links: 200, span: 2000, name: 300 });

/** @returns {WorkItems} */
export function emptyWork() {
  return { sources: [], mentions: [], links: [] };
}

/**
 * The server's snapshot (`{sources: SavedSource[], links: SavedLink[]}`, each source with its
 * mentions) as flat item states. Anything malformed is skipped rather than guessed at.
 *
 * @param {unknown} snapshot
 * @returns {WorkItems}
 */
export function flattenServerWork(snapshot) {
  const work = emptyWork();
  const data = snapshot && typeof snapshot === 'object' ? /** @type {Record<string, unknown>} */ (snapshot) : {};
  for (const source of Array.isArray(data.sources) ? data.sources : []) {
    const state = normaliseItem({ ...source, item: 'source', deleted: false });
    if (!state || !('item' in state) || state.item !== 'source') {
      continue;
    }
    work.sources.push(state);
    for (const mention of Array.isArray(source?.mentions) ? source.mentions : []) {
      const m = normaliseItem({ sourceId: state.sourceId, ...mention, item: 'mention', deleted: false });
      if (m && 'item' in m && m.item === 'mention') {
        work.mentions.push(m);
      }
    }
  }
  for (const link of Array.isArray(data.links) ? data.links : []) {
    const l = normaliseItem({ ...link, item: 'link', deleted: false });
    if (l && 'item' in l && l.item === 'link') {
      work.links.push(l);
    }
  }
  return work;
}

/**
 * The seq the server holds for each item, by outbox key, to prune the outbox with.
 *
 * @param {WorkItems} work
 * @returns {Map<string, number>}
 */
export function workSeqs(work) {
  /** @type {Map<string, number>} */
  const seqs = new Map();
  for (const s of work.sources) {
    seqs.set(itemKey('source', s.sourceId), s.seq);
  }
  for (const m of work.mentions) {
    seqs.set(itemKey('mention', m.mentionId), m.seq);
  }
  for (const l of work.links) {
    seqs.set(itemKey('link', l.linkId), l.seq);
  }
  return seqs;
}

/**
 * Puts states on top of a work: per item the highest seq wins, on a tie the one already there
 * (the server's is committed). Tombstones are kept, so a later, older state cannot revive them.
 *
 * @param {WorkItems} base
 * @param {Iterable<ItemState>} states anything else than source work is ignored
 * @returns {WorkItems}
 */
export function mergeWork(base, states) {
  /** @type {Map<string, SourceItemState>} */
  const sources = new Map(base.sources.map((s) => [s.sourceId, s]));
  /** @type {Map<string, MentionItemState>} */
  const mentions = new Map(base.mentions.map((m) => [m.mentionId, m]));
  /** @type {Map<string, LinkItemState>} */
  const links = new Map(base.links.map((l) => [l.linkId, l]));
  for (const raw of states) {
    const state = normaliseItem(raw);
    if (!state || !('item' in state)) {
      continue;
    }
    if (state.item === 'source') {
      const had = sources.get(state.sourceId);
      if (!had || had.seq < state.seq) {
        sources.set(state.sourceId, state);
      }
    } else if (state.item === 'mention') {
      const had = mentions.get(state.mentionId);
      if (!had || had.seq < state.seq) {
        mentions.set(state.mentionId, state);
      }
    } else {
      const had = links.get(state.linkId);
      if (!had || had.seq < state.seq) {
        links.set(state.linkId, state);
      }
    }
  }
  return { sources: [...sources.values()], mentions: [...mentions.values()], links: [...links.values()] };
}

/**
 * What the student sees: the server's work with the unsent changes on top, without deleted
 * items, without mentions of sources that are not shown, and without links to them (the server
 * reads the work the same way, SourceWorkService.sourceWork). Sources are in the order of their
 * first mention in the text (those without one last, by name), mentions by start, links by
 * claim.
 *
 * @param {WorkItems} base what the server has
 * @param {Outbox | ReadonlyArray<ItemState>} outbox the outbox or its entries
 * @returns {WorkItems}
 */
export function shownWork(base, outbox) {
  const entries = Array.isArray(outbox) ? outbox : Object.values(/** @type {Outbox} */ (outbox)?.entries ?? {});
  const merged = mergeWork(base, entries);
  const sources = merged.sources.filter((s) => !s.deleted);
  const live = new Set(sources.map((s) => s.sourceId));
  const mentions = merged.mentions
    .filter((m) => !m.deleted && live.has(m.sourceId))
    .sort((a, b) => a.start - b.start || b.end - a.end || compare(a.mentionId, b.mentionId));
  const links = merged.links
    .filter((l) => !l.deleted && (l.sourceId === null || live.has(l.sourceId)))
    .sort((a, b) => compare(a.claimRef, b.claimRef) || compare(a.sourceId ?? '', b.sourceId ?? '') || compare(a.linkId, b.linkId));
  /** @type {Map<string, number>} */
  const firstMention = new Map();
  for (const m of mentions) {
    if (!firstMention.has(m.sourceId)) {
      firstMention.set(m.sourceId, m.start);
    }
  }
  sources.sort(
    (a, b) =>
      (firstMention.get(a.sourceId) ?? Infinity) - (firstMention.get(b.sourceId) ?? Infinity) ||
      compare(a.name, b.name) ||
      compare(a.sourceId, b.sourceId),
  );
  return { sources, mentions, links };
}

/**
 * The link changes that a tick makes, as full new states to commit: ticking a source for a
 * claim adds its link and ends "no source given"; ticking "no source given" (`sourceId` null)
 * ends every source link of the claim; unticking removes the link. Nothing when the claim
 * already is as asked.
 *
 * @param {ReadonlyArray<LinkItemState>} links the shown (live) links
 * @param {string} claimRef
 * @param {string | null} sourceId a source, or null for "no source given"
 * @param {boolean} on ticked or unticked
 * @param {() => string} newId makes the id of a new link
 * @returns {LinkItemState[]}
 */
export function linkChanges(links, claimRef, sourceId, on, newId) {
  const ofClaim = links.filter((l) => l.claimRef === claimRef && !l.deleted);
  /** @param {LinkItemState} l @returns {LinkItemState} */
  const tombstone = (l) => ({ ...l, seq: l.seq + 1, deleted: true });
  if (!on) {
    return ofClaim.filter((l) => l.sourceId === sourceId).map(tombstone);
  }
  // "No source given" and a source exclude each other; the one ticked last wins.
  const ends = ofClaim.filter((l) => (sourceId === null ? l.sourceId !== null : l.sourceId === null)).map(tombstone);
  const exists = ofClaim.some((l) => l.sourceId === sourceId);
  return exists ? ends : [...ends, { item: 'link', linkId: newId(), seq: 1, claimRef, sourceId, deleted: false }];
}

/**
 * Deleting a source: tombstones for its mentions and links, then for the source (the server
 * keeps mentions and links of a deleted source as they are and counts only those of live
 * sources, so the browser deletes them one by one; the order here is the order they are sent).
 *
 * @param {WorkItems} shown
 * @param {string} sourceId
 * @returns {ItemState[]}
 */
export function sourceDeletion(shown, sourceId) {
  const source = shown.sources.find((s) => s.sourceId === sourceId);
  if (!source) {
    return [];
  }
  /** @type {ItemState[]} */
  const changes = [];
  for (const m of shown.mentions) {
    if (m.sourceId === sourceId) {
      changes.push({ ...m, seq: m.seq + 1, deleted: true });
    }
  }
  for (const l of shown.links) {
    if (l.sourceId === sourceId) {
      changes.push({ ...l, seq: l.seq + 1, deleted: true });
    }
  }
  changes.push({ ...source, seq: source.seq + 1, deleted: true });
  return changes;
}

/**
 * A source's fields from the form, cleaned as the server will store them: the name trimmed,
 * the outlet only when relayed. Null with the key of the message to show when it cannot be
 * saved (no name, too long).
 *
 * @param {{name: string, kind: string | null, origin: string | null, relayedFrom: string}} form
 * @returns {{ok: true, name: string, kind: string | null, origin: string | null, relayedFrom: string | null}
 *   | {ok: false, problem: 'noName' | 'longName' | 'longOutlet'}}
 */
export function checkSourceForm(form) {
  const name = (form.name ?? '').trim();
  if (name === '') {
    return { ok: false, problem: 'noName' };
  }
  if (name.length > LIMITS.name) {
    return { ok: false, problem: 'longName' };
  }
  const kind = form.kind && SOURCE_KINDS.includes(form.kind) ? form.kind : null;
  const origin = form.origin && ORIGINS.includes(form.origin) ? form.origin : null;
  const outlet = origin === 'relayed' ? (form.relayedFrom ?? '').trim() : '';
  if (outlet.length > LIMITS.name) {
    return { ok: false, problem: 'longOutlet' };
  }
  return { ok: true, name, kind, origin, relayedFrom: outlet === '' ? null : outlet };
}

/**
 * Whether one more source, mention of a source, or link still fits under the server's limits;
 * the key of the message to show when not.
 *
 * @param {WorkItems} shown
 * @param {'source' | 'mention' | 'link'} what
 * @param {string} [sourceId] the source a new mention joins
 * @returns {'tooManySources' | 'tooManyMentions' | 'tooManyLinks' | null}
 */
export function overLimit(shown, what, sourceId) {
  if (what === 'source') {
    return shown.sources.length >= LIMITS.sources ? 'tooManySources' : null;
  }
  if (what === 'mention') {
    return shown.mentions.filter((m) => m.sourceId === sourceId).length >= LIMITS.mentionsPerSource ? 'tooManyMentions' : null;
  }
  return shown.links.length >= LIMITS.links ? 'tooManyLinks' : null;
}

/**
 * The claims each source is linked to, and the sources (or null for "no source given") of
 * each claim.
 *
 * @param {ReadonlyArray<LinkItemState>} links
 */
export function linkIndex(links) {
  /** @type {Map<string, Set<string>>} */
  const claimsBySource = new Map();
  /** @type {Map<string, Set<string | null>>} */
  const sourcesByClaim = new Map();
  for (const l of links) {
    if (l.deleted) {
      continue;
    }
    if (l.sourceId !== null) {
      const claims = claimsBySource.get(l.sourceId) ?? new Set();
      claims.add(l.claimRef);
      claimsBySource.set(l.sourceId, claims);
    }
    const sources = sourcesByClaim.get(l.claimRef) ?? new Set();
    sources.add(l.sourceId);
    sourcesByClaim.set(l.claimRef, sources);
  }
  return { claimsBySource, sourcesByClaim };
}

/**
 * The claims to link as the server sent them (`{ref, start, end, label}`), checked, in text
 * order. A claim without a label is called by its number.
 *
 * @param {unknown} claims
 * @param {number} textLength
 * @param {(n: number) => string} [numbered] the name of claim number n (from 1)
 * @returns {Array<{ref: string, start: number, end: number, label: string}>}
 */
export function linkableClaims(claims, textLength, numbered = (n) => `Claim ${n}`) {
  /** @type {Array<{ref: string, start: number, end: number, label: string}>} */
  const shown = [];
  const seen = new Set();
  for (const raw of Array.isArray(claims) ? claims : []) {
    const c = raw && typeof raw === 'object' ? /** @type {Record<string, unknown>} */ (raw) : null;
    if (!c || typeof c.ref !== 'string' || c.ref === '' || seen.has(c.ref)) {
      continue;
    }
    const { start, end } = c;
    if (!Number.isInteger(start) || !Number.isInteger(end) || /** @type {number} */ (start) < 0 || /** @type {number} */ (start) >= /** @type {number} */ (end)) {
      continue;
    }
    if (textLength > 0 && /** @type {number} */ (end) > textLength) {
      continue;
    }
    seen.add(c.ref);
    shown.push({ ref: c.ref, start: /** @type {number} */ (start), end: /** @type {number} */ (end), label: typeof c.label === 'string' ? c.label : '' });
  }
  shown.sort((a, b) => a.start - b.start || b.end - a.end || compare(a.ref, b.ref));
  return shown.map((c, i) => (c.label === '' ? { ...c, label: numbered(i + 1) } : c));
}

/**
 * @param {string} a
 * @param {string} b
 */
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
