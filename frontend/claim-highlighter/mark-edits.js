// @ts-check
/**
 * The geometry of the student's own marks where they meet (issue 19, "the highlighter,
 * completed"): which lane each mark's underline is drawn in where marks overlap or nest, which
 * mark a click on a covered word selects (and which next, when the same place is clicked again),
 * and how dragging a mark's end or moving it by a word from the keyboard changes its extent,
 * always by whole words. Pure: no DOM and no Lit, so Node's tests (mark-edits.test.js) check the
 * rules; the controllers only apply them.
 */

import { wordAtOrAfter, wordAtOrBefore } from './snapping.js';

/**
 * @typedef {import('./snapping.js').Span} Span
 * @typedef {{markId: string, start: number, end: number}} PlacedMark
 * @typedef {'start' | 'end'} Edge
 */

/** Lanes drawn apart; a mark deeper than this shares the last lane (the list still tells them apart). */
export const MAX_LANE = 3;

/**
 * A lane per mark, so that overlapping and nested marks are each drawn with an underline of their
 * own (lane 0 nearest the text, then further down) instead of one tint over another. Marks are
 * taken outermost first (start, then the longer first, then id) and each gets the lowest lane
 * that no mark overlapping it holds: two marks that do not overlap share a lane, a mark inside
 * another never shares its lane.
 *
 * @param {readonly PlacedMark[]} marks
 * @returns {Map<string, number>} lane by mark id, 0 … MAX_LANE
 */
export function markLanes(marks) {
  const ordered = [...marks]
    .filter((m) => Number.isFinite(m.start) && Number.isFinite(m.end) && m.end > m.start)
    .sort((a, b) => a.start - b.start || b.end - a.end || (a.markId < b.markId ? -1 : a.markId > b.markId ? 1 : 0));
  /** The end of the last mark placed in each lane. @type {number[]} */
  const laneEnds = [];
  /** @type {Map<string, number>} */
  const lanes = new Map();
  for (const mark of ordered) {
    let lane = laneEnds.findIndex((end) => end <= mark.start);
    if (lane < 0) {
      lane = laneEnds.length;
      laneEnds.push(mark.end);
    } else {
      laneEnds[lane] = mark.end;
    }
    lanes.set(mark.markId, Math.min(lane, MAX_LANE));
  }
  return lanes;
}

/**
 * The marks that cover a character, innermost first (the shortest, then the one that starts
 * later), which is the order a click offers them in.
 *
 * @param {readonly PlacedMark[]} marks
 * @param {number} offset a character's offset
 * @returns {PlacedMark[]}
 */
export function marksAt(marks, offset) {
  return innermostFirst(marks.filter((m) => m.start <= offset && offset < m.end));
}

/**
 * Marks that cover one place, innermost first: the shortest, then the one that starts later.
 *
 * @template {PlacedMark} M
 * @param {readonly M[]} marks
 * @returns {M[]}
 */
export function innermostFirst(marks) {
  return [...marks].sort(
    (a, b) => a.end - a.start - (b.end - b.start) || b.start - a.start || (a.markId < b.markId ? -1 : a.markId > b.markId ? 1 : 0),
  );
}

/**
 * Which mark a click selects among the marks under it (innermost first, see marksAt): the
 * innermost, unless one of them is selected already, then the one after it, round again to the
 * innermost. So a click on a word inside one mark selects that mark, and clicking the same place
 * again steps through every mark that covers it.
 *
 * @param {readonly string[]} candidates mark ids, innermost first
 * @param {string | null} selectedId
 * @returns {string | null} null when there is no mark there
 */
export function markToSelect(candidates, selectedId) {
  if (candidates.length === 0) {
    return null;
  }
  const at = selectedId == null ? -1 : candidates.indexOf(selectedId);
  return candidates[(at + 1) % candidates.length];
}

/**
 * A mark (or the pending range) with one end dragged to a point in the text, snapped to whole
 * words: the start to the start of the word at or after the point, the end to the end of the word
 * at or before it. It always keeps at least its first or last word: an end dragged past the other
 * end stops there.
 *
 * @param {Span[]} words sorted word spans
 * @param {Span} span the current extent
 * @param {Edge} edge which end is dragged
 * @param {number} offset where it is dropped (a caret position, 0 … text length)
 * @returns {Span | null} the new extent, or null when there are no words
 */
export function dragEdge(words, span, edge, offset) {
  if (words.length === 0) {
    return null;
  }
  const first = Math.max(0, wordAtOrAfter(words, span.start));
  const lastOrMinus = wordAtOrBefore(words, span.end - 1);
  const last = lastOrMinus < first ? first : lastOrMinus;
  if (edge === 'start') {
    let index = wordAtOrAfter(words, offset);
    if (index < 0 || index > last) {
      index = last;
    }
    return { start: words[index].start, end: Math.max(span.end, words[last].end) };
  }
  let index = wordAtOrBefore(words, offset - 1);
  if (index < first) {
    index = first;
  }
  return { start: Math.min(span.start, words[first].start), end: words[index].end };
}

/**
 * A mark with one end moved by whole words (the keyboard's resize): `dir` +1 moves that end a
 * word towards the end of the text, -1 towards its start. The mark keeps at least one word and
 * stays inside the text.
 *
 * @param {Span[]} words sorted word spans
 * @param {Span} span the current extent
 * @param {Edge} edge
 * @param {number} dir +1 or -1
 * @returns {Span | null} the new extent, or null when it cannot move that way
 */
export function moveEdge(words, span, edge, dir) {
  const first = wordAtOrAfter(words, span.start);
  const last = wordAtOrBefore(words, span.end - 1);
  if (first < 0 || last < first) {
    return null;
  }
  if (edge === 'start') {
    const index = first + Math.sign(dir);
    if (index < 0 || index > last) {
      return null;
    }
    return { start: words[index].start, end: span.end };
  }
  const index = last + Math.sign(dir);
  if (index < first || index >= words.length) {
    return null;
  }
  return { start: span.start, end: words[index].end };
}
