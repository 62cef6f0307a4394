// @ts-check
/**
 * Pure offset arithmetic for <claim-highlighter>.
 *
 * Everything here works on plain strings and numbers so that it can be unit-tested in Node
 * without a browser, and so that the component's DOM code stays a thin adapter around it.
 *
 * All offsets are UTF-16 code units, i.e. plain JavaScript string indices. Java's String
 * uses the same unit, so an offset computed here can be sent to the server unchanged and
 * used with String#substring there. Never convert to code points: an emoji would then
 * shift every later offset by one and the server would quote the wrong text.
 */

/** The canonical article text separates paragraphs with exactly one blank line. */
export const PARAGRAPH_SEPARATOR = '\n\n';

/** How many characters of context {@link quote} keeps on each side by default. */
export const DEFAULT_CONTEXT = 32;

const WHITESPACE = /\s/;

/**
 * @typedef {object} Paragraph
 * @property {number} index position among the non-empty paragraphs; 0 is the headline
 * @property {number} start offset of the paragraph's first character in the full text
 * @property {string} text the paragraph's text, without the separator
 */

/**
 * Splits canonical article text into paragraphs, remembering where each one starts.
 *
 * Empty paragraphs (from a leading or trailing separator) are skipped, because they have no
 * text that could be selected; the start offsets of the others still point into the full
 * text, and `index` counts only the paragraphs that are returned, so the headline is
 * always index 0. Only "\n\n" separates: the text is expected to be canonical already
 * (no "\r"), and rewriting it here would make our offsets disagree with the server's.
 * A single "\n" stays inside its paragraph.
 *
 * @param {string | null | undefined} text the canonical article text
 * @returns {Paragraph[]} the non-empty paragraphs in document order
 */
export function splitParagraphs(text) {
  // The server may not have sent any text yet; render nothing rather than fail.
  if (text == null || text === '') {
    return [];
  }
  if (typeof text !== 'string') {
    throw new TypeError('text must be a string');
  }
  const paragraphs = [];
  let start = 0;
  for (;;) {
    const separatorAt = text.indexOf(PARAGRAPH_SEPARATOR, start);
    const end = separatorAt === -1 ? text.length : separatorAt;
    if (end > start) {
      paragraphs.push({ index: paragraphs.length, start, text: text.slice(start, end) });
    }
    if (separatorAt === -1) {
      return paragraphs;
    }
    start = separatorAt + PARAGRAPH_SEPARATOR.length;
  }
}

/**
 * Turns a DOM Range boundary inside one paragraph into a character offset within that
 * paragraph.
 *
 * The browser reports a boundary as (text node, offset in that node). Once a paragraph
 * holds more than one text node (for example after highlights wrap parts of it), the
 * offset alone is not enough: the lengths of all earlier text nodes have to be added.
 * The caller passes only Text node lengths; comments (such as Lit's markers) contain no
 * visible characters and must not be counted.
 *
 * @param {number[]} textNodeLengths lengths of the paragraph's text nodes in document order
 * @param {number} nodeIndex index of the text node the boundary sits in
 * @param {number} offsetInNode offset of the boundary inside that text node
 * @returns {number} offset within the paragraph, clamped to [0, total length] so that a
 *   stale or odd boundary can never point outside the paragraph
 */
export function localOffset(textNodeLengths, nodeIndex, offsetInNode) {
  let before = 0;
  let total = 0;
  for (let i = 0; i < textNodeLengths.length; i++) {
    if (i < nodeIndex) {
      before += textNodeLengths[i];
    }
    total += textNodeLengths[i];
  }
  return clamp(before + offsetInNode, 0, total);
}

/**
 * Combines two paragraph-local boundaries into one range of the canonical text.
 *
 * A selection may cross paragraphs; the result then covers the "\n\n" separators in
 * between, exactly as the server's copy of the text does. A selection dragged backwards
 * (from right to left) arrives with its end before its start, so the two are swapped.
 *
 * @param {{start: number, text: string}} startPara paragraph of the first boundary
 * @param {number} startLocal offset of the first boundary within startPara
 * @param {{start: number, text: string}} endPara paragraph of the second boundary
 * @param {number} endLocal offset of the second boundary within endPara
 * @returns {{start: number, end: number}} canonical offsets with start <= end
 */
export function toCanonicalRange(startPara, startLocal, endPara, endLocal) {
  // Clamping keeps a boundary inside its own paragraph, never inside the separator.
  const a = startPara.start + clamp(startLocal, 0, startPara.text.length);
  const b = endPara.start + clamp(endLocal, 0, endPara.text.length);
  return a <= b ? { start: a, end: b } : { start: b, end: a };
}

/**
 * Describes a range of the text as a quote with some surrounding context.
 *
 * Offsets alone break as soon as the text changes; the exact words plus a little context
 * on each side let a later version find the same passage again.
 * A prefix or suffix is shortened by one unit rather than cut through an emoji (a
 * surrogate pair), so that it is always well-formed text.
 *
 * @param {string} text the canonical article text
 * @param {number} start first offset of the range (inclusive)
 * @param {number} end last offset of the range (exclusive)
 * @param {number} [context=32] how many characters of context to keep at most on each side
 * @returns {{start: number, end: number, exact: string, prefix: string, suffix: string}}
 * @throws {RangeError} if start or end is not an integer, lies outside the text, or
 *   start > end, or if context is not a non-negative integer
 */
export function quote(text, start, end, context = DEFAULT_CONTEXT) {
  checkRange(text, start, end);
  if (!Number.isInteger(context) || context < 0) {
    throw new RangeError(`context must be a non-negative integer, got ${context}`);
  }
  let prefixStart = Math.max(0, start - context);
  if (prefixStart > 0 && isLowSurrogate(text, prefixStart) && isHighSurrogate(text, prefixStart - 1)) {
    prefixStart += 1;
  }
  let suffixEnd = Math.min(text.length, end + context);
  if (suffixEnd < text.length && isHighSurrogate(text, suffixEnd - 1) && isLowSurrogate(text, suffixEnd)) {
    suffixEnd -= 1;
  }
  return {
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
  };
}

/**
 * Shrinks a range so that it neither starts nor ends with whitespace.
 *
 * A mouse drag or a double click often picks up the space after a word, and a drag across
 * paragraphs can start or end on the separator; a claim should be just the words.
 *
 * @param {string} text the canonical article text
 * @param {number} start first offset of the range (inclusive)
 * @param {number} end last offset of the range (exclusive)
 * @returns {{start: number, end: number}} the trimmed range; a range of only whitespace
 *   collapses to an empty range at its original start
 * @throws {RangeError} on the same invalid ranges as {@link quote}
 */
export function trimRange(text, start, end) {
  checkRange(text, start, end);
  let from = start;
  let to = end;
  while (from < to && WHITESPACE.test(text[from])) {
    from++;
  }
  if (from === to) {
    return { start, end: start };
  }
  while (to > from && WHITESPACE.test(text[to - 1])) {
    to--;
  }
  return { start: from, end: to };
}

/**
 * @param {unknown} text
 * @param {number} start
 * @param {number} end
 */
function checkRange(text, start, end) {
  if (typeof text !== 'string') {
    throw new TypeError('text must be a string');
  }
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new RangeError(`offsets must be integers, got ${start}..${end}`);
  }
  if (start < 0 || end > text.length || start > end) {
    throw new RangeError(`range ${start}..${end} does not fit text of length ${text.length}`);
  }
}

/**
 * @param {number} value
 * @param {number} min
 * @param {number} max
 */
function clamp(value, min, max) {
  return Math.min(Math.max(value, min), max);
}

/**
 * @param {string} text
 * @param {number} i
 */
function isHighSurrogate(text, i) {
  const code = text.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * @param {string} text
 * @param {number} i
 */
function isLowSurrogate(text, i) {
  const code = text.charCodeAt(i);
  return code >= 0xdc00 && code <= 0xdfff;
}
