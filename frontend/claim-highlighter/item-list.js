// @ts-check
/**
 * The lists beside the text, as data: the student's marks (the list view of the marking mode) and
 * the items of an overlay (an answer key, feedback), with the overlay's filters. Pure: no DOM and
 * no Lit, so Node's tests check what is listed, in which order, and what a filter hides; the
 * controllers only render the result.
 *
 * Both lists are derived from the same state the text is drawn from (the marking mode's `display`,
 * the element's `overlays`), so they can never disagree with the text.
 */

import { CLAIM_TYPES } from './labels.js';
import { isShownOverlay, overlayKey } from './overlays.js';

/** How many characters of a quote a list shows; the rest is an ellipsis. */
export const QUOTE_LIMIT = 140;

/**
 * A quote shortened for a list: white space collapsed, at most `limit` characters.
 *
 * @param {string} text
 * @param {number} [limit]
 */
export function shortQuote(text, limit = QUOTE_LIMIT) {
  const flat = String(text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > limit ? `${flat.slice(0, limit - 1).trimEnd()}…` : flat;
}

/**
 * @typedef {{markId: string, start: number, end: number, exact?: string, type: string}} ListedMark
 * @typedef {{markId: string, type: string, quote: string, start: number, end: number}} MarkItem
 */

/**
 * The student's marks as the list shows them: in reading order (start, then the longer first, as
 * the text nests them), each with its type and its words.
 *
 * @param {readonly ListedMark[]} marks the marking mode's shown marks (saved and unsent)
 * @param {string} text the article, for a mark that carries no quote
 * @returns {MarkItem[]}
 */
export function markItems(marks, text) {
  return [...marks]
    .sort((a, b) => a.start - b.start || b.end - a.end || String(a.markId).localeCompare(String(b.markId)))
    .map((m) => ({
      markId: m.markId,
      type: m.type,
      quote: shortQuote(typeof m.exact === 'string' && m.exact !== '' ? m.exact : (text ?? '').slice(m.start, m.end)),
      start: m.start,
      end: m.end,
    }));
}

/**
 * Which of an overlay's items are shown:
 * - `hiddenTypes`: claim types switched off (a claim of such a type, and the cue words inside
 *   such claims only, are hidden);
 * - `show`: "all", "missed" (only the claims the student missed, and their cue words) or
 *   "sources" (only the passages that name a source).
 *
 * @typedef {{hiddenTypes: ReadonlySet<string>, show: 'all' | 'missed' | 'sources'}} OverlayFilter
 */

/** @type {OverlayFilter} */
export const NO_FILTER = Object.freeze({ hiddenTypes: new Set(), show: 'all' });

/**
 * @typedef {import('./overlays.js').ShownOverlay} ShownOverlay
 * @typedef {{key: string, overlay: ShownOverlay, kind: string, type: string | null,
 *   status: string | null, label: string, quote: string, start: number, end: number}} OverlayItem
 * @typedef {{types: string[], statuses: string[], kinds: string[], total: number}} OverlayFacets
 */

/**
 * What an overlay holds, to offer only the filters that mean something: the claim types (in
 * palette order), the statuses and the kinds present, and how many items it has (cue words are
 * part of their claim and not counted).
 *
 * @param {unknown} overlays
 * @returns {OverlayFacets}
 */
export function overlayFacets(overlays) {
  const types = new Set();
  const statuses = new Set();
  const kinds = new Set();
  let total = 0;
  for (const overlay of usable(overlays)) {
    kinds.add(overlay.kind);
    if (overlay.kind === 'cue') {
      continue;
    }
    total++;
    if (overlay.kind === 'claim') {
      if (present(overlay.type)) {
        types.add(String(overlay.type));
      }
      if (present(overlay.status)) {
        statuses.add(String(overlay.status));
      }
    }
  }
  const ordered = CLAIM_TYPES.filter((t) => types.has(t));
  const others = [...types].filter((t) => !CLAIM_TYPES.includes(t)).sort();
  return { types: [...ordered, ...others], statuses: [...statuses].sort(), kinds: [...kinds].sort(), total };
}

/**
 * The server's overlays that the filter lets through, in input order. A cue word goes with the
 * claims around it: it stays while one of them is shown (or when it lies in no claim at all and
 * claims are shown), so that hiding a type hides its cue words too.
 *
 * @param {unknown} overlays
 * @param {OverlayFilter} filter
 * @returns {ShownOverlay[]}
 */
export function filterOverlays(overlays, filter) {
  const all = usable(overlays);
  const claimShown = (/** @type {ShownOverlay} */ o) =>
    o.kind === 'claim' &&
    filter.show !== 'sources' &&
    !(present(o.type) && filter.hiddenTypes.has(String(o.type))) &&
    (filter.show !== 'missed' || o.status === 'missed');
  const shownClaims = all.filter(claimShown);
  const allClaims = all.filter((o) => o.kind === 'claim');
  return all.filter((o) => {
    switch (o.kind) {
      case 'claim':
        return claimShown(o);
      case 'source':
        return filter.show === 'all' || filter.show === 'sources';
      case 'cue': {
        if (filter.show === 'sources') {
          return false;
        }
        const around = (/** @type {ShownOverlay} */ c) => c.start <= o.start && c.end >= o.end;
        if (!allClaims.some(around)) {
          return filter.show === 'all';
        }
        return shownClaims.some(around);
      }
      default:
        return true;
    }
  });
}

/**
 * The shown overlay's items for the list, in reading order: claims and sources (a cue word is
 * part of its claim and gets no item of its own). Each item has the key its `<mark>` is drawn
 * under (overlayKey), to find it in the text.
 *
 * @param {readonly ShownOverlay[]} shown what filterOverlays let through
 * @param {string} text the article
 * @returns {OverlayItem[]}
 */
export function overlayItems(shown, text) {
  return shown
    .filter((o) => o.kind !== 'cue')
    .map((o) => ({
      key: overlayKey(o),
      overlay: o,
      kind: o.kind,
      type: o.kind === 'claim' && present(o.type) ? String(o.type) : null,
      status: o.kind === 'claim' && present(o.status) ? String(o.status) : null,
      label: present(o.label) ? String(o.label) : '',
      quote: shortQuote((text ?? '').slice(o.start, o.end)),
      start: o.start,
      end: o.end,
    }))
    .sort((a, b) => a.start - b.start || b.end - a.end || a.key.localeCompare(b.key));
}

/**
 * A new filter with one claim type switched on or off.
 *
 * @param {OverlayFilter} filter
 * @param {string} type
 * @param {boolean} shown
 * @returns {OverlayFilter}
 */
export function withType(filter, type, shown) {
  const hiddenTypes = new Set(filter.hiddenTypes);
  if (shown) {
    hiddenTypes.delete(type);
  } else {
    hiddenTypes.add(type);
  }
  return { ...filter, hiddenTypes };
}

/**
 * @param {unknown} overlays
 * @returns {ShownOverlay[]}
 */
function usable(overlays) {
  return /** @type {ShownOverlay[]} */ ((Array.isArray(overlays) ? overlays : []).filter(isShownOverlay));
}

/** @param {unknown} value */
function present(value) {
  return value != null && String(value) !== '';
}
