// @ts-check
/**
 * Which overlays <claim-highlighter> draws, and which element each drawn fragment becomes.
 *
 * segments.js decides where the fragments are; this module decides what they are. It has no
 * DOM and no Lit, so the rules (which kinds are shown, which attributes a fragment carries)
 * can be unit-tested in Node; the component only binds the attributes returned here.
 */

import { isUsableOverlay } from './segments.js';

/**
 * The kinds of the server's overlays that are drawn. Any other kind is left out rather than
 * guessed at: drawn as a claim, an overlay of a kind this version does not know would tell the
 * student something the server did not mean.
 *
 * - "claim": a claim, e.g. of the answer key or, in feedback, of the student's marks.
 * - "source": a passage where a source is named.
 * - "cue": a cue word ("Reportedly", "If true") that signals a hedge or speculation; usually
 *   inside a claim, and drawn so that it stands out there.
 */
export const OVERLAY_KINDS = Object.freeze(['claim', 'source', 'cue']);

/**
 * The feedback statuses of a claim that the stylesheet draws. Others are still passed on as
 * `data-status` (the server may know more than this list), they just look like no status.
 */
export const CLAIM_STATUSES = Object.freeze(['found', 'mislabelled', 'missed', 'extra']);

/**
 * Every attribute fragmentAttributes() may return. Lit binds attributes by name, so the
 * component's template binds each of these; a name missing there would silently never be set
 * (a test checks that the template binds them all).
 */
export const FRAGMENT_ATTRIBUTES = Object.freeze([
  'class',
  'data-kind',
  'data-own',
  'data-mark-id',
  'data-source-id',
  'data-cue-id',
  'data-mention-id',
  'data-claim-ref',
  'data-claim-type',
  'data-status',
  'data-selected',
  'data-lane',
  'data-current',
  'data-first',
  'data-label',
  'title',
]);

/**
 * The id segments.js knows an overlay by, which must be unique there. The overlay's own id is
 * not: a claim and a source come from different tables and may share one, and a source quoted
 * in several places arrives as several spans with the source's id. Each span is drawn, with
 * its own label on its own first fragment; only an exact repeat (same kind, id and range) is
 * dropped. Kind and id come first so that spans with the same range nest in a stable order;
 * of a claim and a cue with the same range the claim ("claim" < "cue") is the outer one, so a
 * cue is inside its claim even when it is the whole claim.
 *
 * @param {{kind?: string, id: string | number, start: number, end: number}} overlay
 * @returns {string}
 */
export function overlayKey(overlay) {
  return `${overlay.kind}:${overlay.id}:${overlay.start}:${overlay.end}`;
}

/**
 * Whether one of the server's overlays is drawn at all: usable (see isUsableOverlay in
 * segments.js) and of a kind in {@link OVERLAY_KINDS}.
 *
 * @param {unknown} overlay
 * @returns {boolean}
 */
export function isShownOverlay(overlay) {
  return isUsableOverlay(overlay) && /** @type {readonly unknown[]} */ (OVERLAY_KINDS).includes(/** @type {{kind?: unknown}} */ (overlay).kind);
}

/**
 * One of the server's overlays that passed isShownOverlay (the other fields are as sent).
 *
 * @typedef {{id: string | number, start: number, end: number, kind: string, type?: unknown,
 *   label?: unknown, status?: unknown}} ShownOverlay
 */

/**
 * The server's overlays that are drawn, in input order, and the claim overlays that give way
 * to one of the student's own marks.
 *
 * A claim overlay with the id of one of the student's marks is not drawn: the mark itself is
 * drawn from `marks`, and the copy in the overlays may be older than the outbox. Its feedback
 * status is still the server's word on that mark, so it is returned in `ownStatus` for the
 * mark to carry (the first non-empty one, should several overlays share the id).
 *
 * @param {unknown} overlays the `overlays` property; anything but an array counts as none
 * @param {{has(id: unknown): boolean}} [ownIds] the ids of the student's shown marks
 * @returns {{shown: ShownOverlay[], ownStatus: Map<string | number, string>}}
 */
export function shownOverlays(overlays, ownIds = new Set()) {
  /** @type {ShownOverlay[]} */
  const shown = [];
  /** @type {Map<string | number, string>} */
  const ownStatus = new Map();
  for (const overlay of Array.isArray(overlays) ? overlays : []) {
    if (!isShownOverlay(overlay)) {
      continue;
    }
    if (overlay.kind === 'claim' && ownIds.has(overlay.id)) {
      if (!ownStatus.has(overlay.id) && nonEmpty(overlay.status)) {
        ownStatus.set(overlay.id, String(overlay.status));
      }
      continue;
    }
    shown.push(overlay);
  }
  return { shown, ownStatus };
}

/**
 * The attributes of one `<mark>` fragment of an overlay, by name; an attribute that is not to
 * be set is absent (never undefined), and a boolean one is present as "". Null for a kind that
 * has no element, whose text is then shown unwrapped.
 *
 * - claim: `class="ch-mark" data-kind="claim" data-mark-id=ID`, `data-claim-type` and
 *   `data-status` when non-empty; the student's own marks also `data-own`, a `title` (the type
 *   name, their label) and, when `selected`, `data-selected`.
 * - source: `class="ch-source" data-kind="source" data-source-id=ID`.
 * - cue: `class="ch-cue" data-kind="cue" data-cue-id=ID`.
 * - pending, caret (the component's own): `class="ch-pending"` / `"ch-caret"` and `data-kind`.
 * - mention (the sources mode's own: where the text names one of the student's sources):
 *   `class="ch-source ch-mention" data-kind="mention" data-mention-id=ID data-source-id=SOURCE`,
 *   and `data-selected` when selected.
 * - linkable (the sources mode's own: a claim to link, neutral, never typed):
 *   `class="ch-claim-ref" data-kind="linkable" data-claim-ref=REF`, and `data-selected` when
 *   selected.
 *
 * A claim, source or cue with `current` (the item the overlay's list jumped to) gets
 * `data-current` on every fragment.
 *
 * Claims, sources and cues get `data-first` on the overlay's first fragment, and there also
 * `data-label` when the label is non-empty: the stylesheet shows it as generated content,
 * never as a text node, which would shift every offset counted from the DOM. A type or status
 * on a source or cue means nothing and is ignored.
 *
 * @param {{kind?: string, id?: string | number, type?: unknown, status?: unknown,
 *   label?: unknown, own?: boolean, current?: boolean, sourceId?: string, lane?: number}} overlay
 * @param {{first?: boolean, selected?: boolean}} [fragment] whether this is the overlay's first
 *   fragment, and whether the overlay is the selected mark (only used for own marks)
 * @returns {Record<string, string> | null}
 */
export function fragmentAttributes(overlay, { first = false, selected = false } = {}) {
  switch (overlay?.kind) {
    case 'pending':
      return { class: 'ch-pending', 'data-kind': 'pending' };
    case 'caret':
      return { class: 'ch-caret', 'data-kind': 'caret' };
    case 'source':
      return labelled({ class: 'ch-source', 'data-kind': 'source', 'data-source-id': String(overlay.id) }, overlay, first);
    case 'cue':
      return labelled({ class: 'ch-cue', 'data-kind': 'cue', 'data-cue-id': String(overlay.id) }, overlay, first);
    case 'mention': {
      /** @type {Record<string, string>} */
      const attributes = {
        class: 'ch-source ch-mention',
        'data-kind': 'mention',
        'data-mention-id': String(overlay.id),
        'data-source-id': String(overlay.sourceId ?? ''),
      };
      if (selected) {
        attributes['data-selected'] = '';
      }
      return labelled(attributes, overlay, first);
    }
    case 'linkable': {
      // Neutral on purpose: the claim's type is the previous step's answer, never shown here.
      /** @type {Record<string, string>} */
      const attributes = { class: 'ch-claim-ref', 'data-kind': 'linkable', 'data-claim-ref': String(overlay.id) };
      if (selected) {
        attributes['data-selected'] = '';
      }
      return labelled(attributes, overlay, first);
    }
    case 'claim': {
      /** @type {Record<string, string>} */
      const attributes = { class: 'ch-mark', 'data-kind': 'claim', 'data-mark-id': String(overlay.id) };
      if (nonEmpty(overlay.type)) {
        attributes['data-claim-type'] = String(overlay.type);
      }
      if (nonEmpty(overlay.status)) {
        attributes['data-status'] = String(overlay.status);
      }
      if (overlay.own === true) {
        attributes['data-own'] = '';
        if (selected) {
          attributes['data-selected'] = '';
        }
        // Where the student's marks overlap or nest, each keeps its underline in a lane of its
        // own (mark-edits.js), the same in every fragment of the mark.
        if (Number.isInteger(overlay.lane)) {
          attributes['data-lane'] = String(overlay.lane);
        }
        if (nonEmpty(overlay.label)) {
          attributes.title = String(overlay.label);
        }
      }
      return labelled(attributes, overlay, first);
    }
    default:
      return null;
  }
}

/**
 * Adds data-first and data-label (see fragmentAttributes) to a fragment's attributes.
 *
 * @param {Record<string, string>} attributes
 * @param {{label?: unknown, current?: boolean}} overlay
 * @param {boolean} first
 */
function labelled(attributes, overlay, first) {
  if (overlay.current === true) {
    attributes['data-current'] = '';
  }
  if (first) {
    attributes['data-first'] = '';
    if (nonEmpty(overlay.label)) {
      attributes['data-label'] = String(overlay.label);
    }
  }
  return attributes;
}

/**
 * Null, undefined and the empty string count as no value; anything else is shown as a string.
 *
 * @param {unknown} value
 */
function nonEmpty(value) {
  return value != null && String(value) !== '';
}
