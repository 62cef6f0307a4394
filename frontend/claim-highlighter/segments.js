// @ts-check
/**
 * Pure overlay geometry for <claim-highlighter>: which parts of a paragraph are covered by
 * which overlays (the teacher's answer key, a student's saved marks, sources).
 *
 * No DOM here, so the rules can be unit-tested in Node; the component only turns the result
 * into elements. Offsets are UTF-16 code units into the canonical text, as in offsets.js.
 *
 * Why segments: overlays may overlap or nest, and HTML elements may only nest. Cutting the
 * paragraph wherever any overlay starts or ends gives pieces that are each covered by one
 * fixed set of overlays, so every piece can be wrapped in one element per overlay. An
 * overlay then appears as one or more element fragments that share its id.
 */

/**
 * @typedef {string | number} OverlayId
 */

/**
 * @typedef {object} Overlay
 * @property {OverlayId} id unique per overlay; a non-empty string or a finite number
 * @property {number} start first covered offset in the canonical text (inclusive)
 * @property {number} end offset after the last covered character (exclusive)
 * @property {string} [kind] e.g. "claim" or "source"; not used here
 * @property {string} [type] e.g. the claim type; not used here
 * @property {string} [label] short text shown once per overlay; not used here
 */

/**
 * @typedef {object} Segment
 * @property {string} text the covered text; never empty
 * @property {number} start canonical offset of the segment's first character
 * @property {number} end canonical offset after its last character
 * @property {OverlayId[]} overlays ids of the overlays covering the whole segment, ordered by
 *   {@link compareOverlays} (start asc, end desc, id), i.e. outermost first
 * @property {OverlayId[]} first ids (in the same order) whose first fragment in the whole
 *   text is this segment, so that a label is shown exactly once per overlay
 */

/**
 * @typedef {object} TextNode
 * @property {string} text
 * @property {number} start
 * @property {number} end
 */

/**
 * @typedef {object} OverlayNode
 * @property {OverlayId} id the overlay this element fragment belongs to
 * @property {boolean} first whether this is the overlay's first fragment in the whole text
 * @property {number} start canonical offset of the fragment's first character
 * @property {number} end canonical offset after its last character
 * @property {Array<TextNode | OverlayNode>} children what the fragment contains, in order
 */

/**
 * Orders overlays so that an overlay that contains another comes first: by start ascending,
 * then by end descending (the longer one of two starting together is the outer one), then
 * by id, so that the order and hence the rendered nesting never depend on input order.
 *
 * The original (unclipped) offsets are compared, so every paragraph nests the same overlays
 * the same way.
 *
 * @param {Overlay} a
 * @param {Overlay} b
 * @returns {number} negative if a comes first, positive if b does, 0 only for equal ids
 */
export function compareOverlays(a, b) {
  return a.start - b.start || b.end - a.end || compareIds(a.id, b.id);
}

/**
 * The overlays that can be shown at all, in {@link compareOverlays} order.
 *
 * Data from the server or from older saved marks may be broken; a broken overlay is left
 * out rather than breaking the whole text. Left out are: anything that is not an object, an
 * id that is neither a non-empty string nor a finite number, offsets that are not integers,
 * and empty or reversed ranges. Ids must be unique: a later overlay with an id already seen
 * is left out, because the id is how fragments and their labels are matched up, and the
 * choice must not depend on which paragraph is being looked at. A caller with several spans
 * for one thing (a source quoted in several places) gives each span an id of its own.
 *
 * @param {Overlay[] | null | undefined} overlays
 * @returns {Overlay[]} a new array; the overlay objects themselves are not copied
 */
export function usableOverlays(overlays) {
  if (!Array.isArray(overlays)) {
    return [];
  }
  const seen = new Set();
  const usable = [];
  for (const overlay of overlays) {
    if (!isUsableOverlay(overlay) || seen.has(overlay.id)) {
      continue;
    }
    seen.add(overlay.id);
    usable.push(overlay);
  }
  return usable.sort(compareOverlays);
}

/**
 * Whether an overlay can be shown at all: an object with a non-empty string or finite number
 * id and integer offsets with start < end. Where it lies is checked per paragraph.
 *
 * @param {unknown} overlay
 * @returns {boolean}
 */
export function isUsableOverlay(overlay) {
  if (overlay === null || typeof overlay !== 'object') {
    return false;
  }
  const { id, start, end } = /** @type {{id?: unknown, start?: unknown, end?: unknown}} */ (overlay);
  const idOk = (typeof id === 'string' && id !== '') || (typeof id === 'number' && Number.isFinite(id));
  return idOk && Number.isInteger(start) && Number.isInteger(end) && /** @type {number} */ (start) < /** @type {number} */ (end);
}

/**
 * Cuts one paragraph into segments by the overlays covering its parts.
 *
 * The segments cover the paragraph text exactly once, in order, and concatenate back to it.
 * A cut is made only where some overlay starts or ends, so two neighbouring segments never
 * have the same set of overlays (there is nothing left to merge), and each segment's text
 * can be rendered as one whole text node.
 *
 * Overlays may overlap, nest, cross paragraph boundaries or lie partly or wholly outside this
 * paragraph; each is clipped to the paragraph, and one that then covers nothing is ignored
 * here. Unusable overlays are ignored as described in {@link usableOverlays}.
 *
 * An overlay end that falls between the two halves of a surrogate pair (an emoji) is moved
 * outwards to include the whole character: splitting the pair across two elements would
 * render two broken characters, and an overlay should rather show a little more than less.
 *
 * The label of an overlay belongs on its first fragment in the whole text. Whether this
 * paragraph holds it depends on the text before the paragraph, which is why `previousEnd`
 * exists: an overlay that starts before `previousEnd` also covers the end of an earlier
 * paragraph, so its first fragment is there; one that starts at or after it (including in
 * the blank line between the paragraphs) has its first fragment here.
 *
 * @param {{start: number, text: string}} paragraph a paragraph from splitParagraphs()
 * @param {Overlay[] | null | undefined} overlays all overlays of the text, in any order
 * @param {number} [previousEnd=paragraph.start] canonical offset just after the previous
 *   paragraph's text, or -Infinity for the first paragraph; by default only overlays that
 *   start inside this paragraph count as starting here
 * @returns {Segment[]} the segments in text order; empty only for an empty paragraph
 */
export function segmentParagraph(paragraph, overlays, previousEnd = paragraph.start) {
  return segmentUsable(paragraph, usableOverlays(overlays), previousEnd);
}

/**
 * {@link segmentParagraph} for every paragraph of a text, with the right `previousEnd` for
 * each, so that every overlay is marked first exactly once across the whole text.
 *
 * @param {Array<{start: number, text: string}>} paragraphs from splitParagraphs(), in order
 * @param {Overlay[] | null | undefined} overlays all overlays of the text, in any order
 * @returns {Segment[][]} one segment list per paragraph, in the same order
 */
export function segmentParagraphs(paragraphs, overlays) {
  const usable = usableOverlays(overlays);
  let previousEnd = Number.NEGATIVE_INFINITY;
  return paragraphs.map((paragraph) => {
    const segments = segmentUsable(paragraph, usable, previousEnd);
    previousEnd = paragraph.start + paragraph.text.length;
    return segments;
  });
}

/**
 * Turns a paragraph's segments into a tree of element fragments, outermost overlay first.
 *
 * Wrapping each segment separately would be correct, but an overlay that spans several
 * segments would then be drawn as several boxes with seams wherever an inner overlay starts
 * or ends. Instead, neighbouring segments that share the same outer overlays share one
 * fragment per such overlay: `[a] [a, b] [a]` becomes one `a` holding text, a `b` fragment
 * and text. Only overlays that truly cross each other are split into several fragments.
 *
 * A fragment is `first` when it contains its overlay's first segment, so the label is still
 * shown exactly once.
 *
 * @param {Segment[]} segments from segmentParagraph(), in text order
 * @returns {Array<TextNode | OverlayNode>} the top-level nodes; a node is an OverlayNode
 *   exactly when it has `children`
 */
export function nestSegments(segments) {
  return nestAt(segments, 0);
}

/**
 * @param {Segment[]} segments
 * @param {number} depth how many overlays are already wrapped around these segments
 * @returns {Array<TextNode | OverlayNode>}
 */
function nestAt(segments, depth) {
  /** @type {Array<TextNode | OverlayNode>} */
  const nodes = [];
  let i = 0;
  while (i < segments.length) {
    const segment = segments[i];
    if (segment.overlays.length <= depth) {
      // Covered by no overlay below the ones already wrapped around it: plain text.
      nodes.push({ text: segment.text, start: segment.start, end: segment.end });
      i++;
      continue;
    }
    const id = segment.overlays[depth];
    let j = i + 1;
    while (j < segments.length && segments[j].overlays.length > depth && segments[j].overlays[depth] === id) {
      j++;
    }
    const run = segments.slice(i, j);
    nodes.push({
      id,
      first: run[0].first.includes(id),
      start: run[0].start,
      end: run[run.length - 1].end,
      children: nestAt(run, depth + 1),
    });
    i = j;
  }
  return nodes;
}

/**
 * segmentParagraph() for overlays that have already been checked and sorted.
 *
 * @param {{start: number, text: string}} paragraph
 * @param {Overlay[]} sorted
 * @param {number} previousEnd
 * @returns {Segment[]}
 */
function segmentUsable(paragraph, sorted, previousEnd) {
  const text = paragraph.text;
  const base = paragraph.start;
  // Clip each overlay to the paragraph, in paragraph-local offsets.
  /** @type {Array<{id: OverlayId, from: number, to: number, startsHere: boolean}>} */
  const clipped = [];
  for (const overlay of sorted) {
    let from = Math.max(overlay.start - base, 0);
    let to = Math.min(overlay.end - base, text.length);
    if (to <= from) {
      continue;
    }
    if (splitsSurrogatePair(text, from)) {
      from -= 1;
    }
    if (splitsSurrogatePair(text, to)) {
      to += 1;
    }
    clipped.push({ id: overlay.id, from, to, startsHere: overlay.start >= previousEnd });
  }

  // A Set, so that an empty paragraph (0 and 0) yields no segment rather than an empty one.
  const cuts = new Set([0, text.length]);
  for (const { from, to } of clipped) {
    cuts.add(from);
    cuts.add(to);
  }
  const sortedCuts = [...cuts].sort((a, b) => a - b);

  /** @type {Segment[]} */
  const segments = [];
  for (let k = 0; k + 1 < sortedCuts.length; k++) {
    const from = sortedCuts[k];
    const to = sortedCuts[k + 1];
    // Every overlay start and end is a cut, so an overlay covers a segment either wholly or
    // not at all. Filtering the sorted list keeps the outermost-first order.
    const covering = clipped.filter((c) => c.from <= from && c.to >= to);
    segments.push({
      text: text.slice(from, to),
      start: base + from,
      end: base + to,
      overlays: covering.map((c) => c.id),
      first: covering.filter((c) => c.startsHere && c.from === from).map((c) => c.id),
    });
  }
  return segments;
}

/**
 * Numbers compare numerically (2 before 10) and come before strings, which compare by code
 * unit (not by locale, so the order is the same in every browser). 3 and "3" are different
 * ids, as they are for the Set in usableOverlays(), and so must not compare equal.
 *
 * @param {OverlayId} a
 * @param {OverlayId} b
 */
function compareIds(a, b) {
  const aNumber = typeof a === 'number';
  if (aNumber !== (typeof b === 'number')) {
    return aNumber ? -1 : 1;
  }
  // Both numbers or both strings: < compares numbers numerically and strings by code unit.
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Whether local offset i lies between a high and a low surrogate.
 *
 * @param {string} text
 * @param {number} i
 */
function splitsSurrogatePair(text, i) {
  if (i <= 0 || i >= text.length) {
    return false;
  }
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
