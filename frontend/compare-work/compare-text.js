// @ts-check
/**
 * An article column's text as offsets (DD015): each `<p data-start>` of a `[data-compare-text]`
 * holds one paragraph of the canonical text, `data-start` the offset of its first character. What
 * lies between two paragraphs is not shown; the canonical text separates paragraphs with line
 * breaks (a blank line), so the gap is taken as that many "\n" — which is what the server compares
 * a span crossing paragraphs with. Pure: compare-work.js turns the DOM into `Paragraph`s and a
 * selection into `Point`s.
 */

/** How much text on each side of a span is sent as its context (AnchoredSpan.CONTEXT). */
export const CONTEXT = 32;

export const NOT_IN_ARTICLE = 'These words are not in this article.';

/**
 * @typedef {{start: number, text: string}} Paragraph
 * @typedef {{paragraph: number, offset: number}} Point a place in the text: the paragraph's index
 *   in the list and the UTF-16 offset within its text
 * @typedef {{start: number, end: number, exact: string, prefix: string, suffix: string}} Words
 */

/**
 * The canonical text as far as the paragraphs show it, gaps filled with line breaks.
 *
 * @param {ReadonlyArray<Paragraph>} paragraphs in document order
 */
export function canonicalText(paragraphs) {
  let text = '';
  for (const p of paragraphs) {
    if (p.start > text.length) {
      text += '\n'.repeat(p.start - text.length);
    }
    text = text.slice(0, p.start) + p.text;
  }
  return text;
}

/**
 * The canonical offset of a point.
 *
 * @param {ReadonlyArray<Paragraph>} paragraphs
 * @param {Point} point
 * @returns {number | null} null for a point in no paragraph
 */
export function offsetOf(paragraphs, point) {
  const p = paragraphs[point.paragraph];
  if (!p || point.offset < 0 || point.offset > p.text.length) {
    return null;
  }
  return p.start + point.offset;
}

/**
 * The words between two canonical offsets, with their context; null when empty or outside.
 * Whitespace at either end is left out, as a double-click or a sloppy drag often takes it.
 *
 * @param {string} text the canonical text (see canonicalText)
 * @param {number} start
 * @param {number} end
 * @returns {Words | null}
 */
export function wordsAt(text, start, end) {
  let from = Math.max(0, Math.min(start, end));
  let to = Math.min(text.length, Math.max(start, end));
  while (from < to && /\s/.test(text[from])) {
    from++;
  }
  while (to > from && /\s/.test(text[to - 1])) {
    to--;
  }
  if (from >= to) {
    return null;
  }
  return {
    start: from,
    end: to,
    exact: text.slice(from, to),
    prefix: text.slice(Math.max(0, from - CONTEXT), from),
    suffix: text.slice(to, to + CONTEXT),
  };
}

/**
 * The words a selection covers, from its two ends (in any order).
 *
 * @param {ReadonlyArray<Paragraph>} paragraphs
 * @param {Point} anchor
 * @param {Point} focus
 * @returns {Words | null} null for an empty selection or one outside the paragraphs
 */
export function selectedWords(paragraphs, anchor, focus) {
  const a = offsetOf(paragraphs, anchor);
  const b = offsetOf(paragraphs, focus);
  if (a === null || b === null) {
    return null;
  }
  return wordsAt(canonicalText(paragraphs), a, b);
}

/**
 * Finds typed words in the text: case does not matter and any run of spaces matches any run of
 * whitespace. The first occurrence that is not already taken (a span of the same kind starting
 * there) is found, so typing the same words again picks the next one.
 *
 * @param {string} text the canonical text
 * @param {string} typed
 * @param {ReadonlyArray<{start: number, end: number}>} [taken]
 * @returns {Words | null}
 */
export function findWords(text, typed, taken = []) {
  const words = typed.trim();
  if (words === '') {
    return null;
  }
  const pattern = words
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  const search = new RegExp(pattern, 'giu');
  for (const match of text.matchAll(search)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (!taken.some((t) => t.start === start && t.end === end)) {
      return wordsAt(text, start, end);
    }
  }
  return null;
}

/**
 * Where a span lies in each paragraph, for drawing it: the paragraph's index and the offsets
 * within its text (a span crossing paragraphs gives one piece per paragraph).
 *
 * @param {ReadonlyArray<Paragraph>} paragraphs
 * @param {number} start
 * @param {number} end
 * @returns {Array<{paragraph: number, from: number, to: number}>}
 */
export function pieces(paragraphs, start, end) {
  const out = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    const from = Math.max(start, p.start);
    const to = Math.min(end, p.start + p.text.length);
    if (from < to) {
      out.push({ paragraph: i, from: from - p.start, to: to - p.start });
    }
  }
  return out;
}
