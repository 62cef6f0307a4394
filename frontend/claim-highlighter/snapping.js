// @ts-check
/**
 * Pure word and sentence navigation for <claim-highlighter>.
 *
 * The server computes word and sentence boundaries once (the same tokenizer the scorer uses)
 * and sends them as flat offset pairs; the browser only snaps to them. Nothing here touches
 * the DOM, so the rules can be unit-tested in Node.
 *
 * Offsets are UTF-16 code units into the canonical text, as in offsets.js. A span is
 * `{start, end}` with `start < end`; `end` is exclusive. Word positions are indices into the
 * sorted span array returned by {@link toSpans}.
 */

/**
 * @typedef {object} Span
 * @property {number} start inclusive
 * @property {number} end exclusive
 */

const WHITESPACE = /\s/;
const WORD_RUN = /[\p{L}\p{M}\p{N}]+/gu;

/** The last (or only) base-32 digit of a number in a span code (SpanCodec.java). */
const CODE_LAST = '0123456789abcdefghijklmnopqrstuv';
/** A base-32 digit with more digits of the same number after it. */
const CODE_MORE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ-_.!~*';

/**
 * The flat pairs the server sends as one string (SpanCodec.java, DD028): each number is its
 * difference from the one before, zigzag-coded (even: up, odd: down), in base 32, the last digit
 * of each number from its own alphabet. A list of numbers would cost the server a JSON node per
 * number for as long as the page is open. Anything that is not such a string (an array, say)
 * is returned as it is, for {@link toSpans}; a broken string gives no numbers, so the caller
 * falls back as for missing spans.
 *
 * @param {unknown} encoded
 * @returns {unknown}
 */
export function decodeSpans(encoded) {
  if (typeof encoded !== 'string') {
    return encoded;
  }
  /** @type {number[]} */
  const flat = [];
  let value = 0;
  let previous = 0;
  let pending = false;
  for (const c of encoded) {
    const more = CODE_MORE.indexOf(c);
    if (more >= 0) {
      value = value * 32 + more;
      pending = true;
      continue;
    }
    const last = CODE_LAST.indexOf(c);
    if (last < 0) {
      return [];
    }
    value = value * 32 + last;
    previous += value % 2 === 0 ? value / 2 : -(value + 1) / 2;
    flat.push(previous);
    value = 0;
    pending = false;
  }
  return pending ? [] : flat;
}

/**
 * Turns the server's flat pairs `[s0, e0, s1, e1, …]` into spans, sorted by start.
 *
 * Broken input is not fatal: pairs that are not integers or are empty or reversed are left
 * out, an odd trailing number is ignored, and overlapping spans keep only the first (the
 * navigation below needs spans that follow each other).
 *
 * @param {unknown} flat
 * @returns {Span[]}
 */
export function toSpans(flat) {
  if (!Array.isArray(flat) && !ArrayBuffer.isView(flat)) {
    return [];
  }
  // An array, or a typed array (a DataView has no length and yields no pair).
  const numbers = /** @type {ArrayLike<unknown>} */ (/** @type {unknown} */ (flat));
  /** @type {Span[]} */
  const spans = [];
  for (let i = 0; i + 1 < numbers.length; i += 2) {
    const start = numbers[i];
    const end = numbers[i + 1];
    if (typeof start === 'number' && typeof end === 'number' && Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end) {
      spans.push({ start, end });
    }
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const result = [];
  for (const span of spans) {
    if (result.length === 0 || span.start >= result[result.length - 1].end) {
      result.push(span);
    }
  }
  return result;
}

/**
 * Words as runs of letters and digits, for when the server sent none (e.g. a page built
 * before the boundaries existed). The server's tokenizer uses the same rule.
 *
 * @param {string} text
 * @returns {Span[]}
 */
export function tokenizeWords(text) {
  /** @type {Span[]} */
  const spans = [];
  if (typeof text !== 'string') {
    return spans;
  }
  for (const match of text.matchAll(WORD_RUN)) {
    spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

/**
 * Index of the first span whose end lies after `offset`, i.e. the span containing `offset` or
 * else the next one; `spans.length` if there is none.
 *
 * @param {Span[]} spans
 * @param {number} offset
 */
function firstEndingAfter(spans, offset) {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid].end <= offset) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/**
 * The word containing an offset (`start <= offset < end`).
 *
 * @param {Span[]} words
 * @param {number} offset
 * @returns {number} its index, or -1 if the offset lies between words
 */
export function wordAt(words, offset) {
  const i = firstEndingAfter(words, offset);
  return i < words.length && words[i].start <= offset ? i : -1;
}

/**
 * The word containing an offset, or else the first word after it.
 *
 * @param {Span[]} words
 * @param {number} offset
 * @returns {number} an index, or -1 if no word ends after the offset
 */
export function wordAtOrAfter(words, offset) {
  const i = firstEndingAfter(words, offset);
  return i < words.length ? i : -1;
}

/**
 * The word containing an offset, or else the last word before it.
 *
 * @param {Span[]} words
 * @param {number} offset
 * @returns {number} an index, or -1 if no word starts at or before the offset
 */
export function wordAtOrBefore(words, offset) {
  const i = firstEndingAfter(words, offset);
  if (i < words.length && words[i].start <= offset) {
    return i;
  }
  return i - 1;
}

/**
 * The next word's index, staying on the last word at the end. -1 stays -1 for no words.
 *
 * @param {Span[]} words
 * @param {number} index
 */
export function nextWord(words, index) {
  if (words.length === 0) {
    return -1;
  }
  return Math.min(Math.max(index + 1, 0), words.length - 1);
}

/**
 * The previous word's index, staying on the first word at the start.
 *
 * @param {Span[]} words
 * @param {number} index
 */
export function prevWord(words, index) {
  if (words.length === 0) {
    return -1;
  }
  return Math.max(Math.min(index - 1, words.length - 1), 0);
}

/**
 * The canonical range from one word to another, in either order.
 *
 * @param {Span[]} words
 * @param {number} anchor a word index
 * @param {number} focus a word index
 * @returns {Span | null} null if either index is not a word
 */
export function rangeOfWords(words, anchor, focus) {
  if (!words[anchor] || !words[focus]) {
    return null;
  }
  const from = Math.min(anchor, focus);
  const to = Math.max(anchor, focus);
  return { start: words[from].start, end: words[to].end };
}

/**
 * Snaps a selection outwards to whole words.
 *
 * Whitespace at either edge is trimmed first (a drag often picks up the space after a word).
 * Then a start inside a word moves to that word's start, and an end inside a word to that
 * word's end. Edges in punctuation between words stay where they are, so a selection that
 * begins on an opening quote keeps it.
 *
 * @param {Span[]} words sorted, from {@link toSpans}
 * @param {number} start
 * @param {number} end
 * @param {string} [text] the canonical text, for trimming whitespace
 * @returns {Span | null} null when nothing is left after trimming, or when the range touches
 *   no word at all (only punctuation), which would make a meaningless claim; with no words
 *   at all the trimmed range is returned unchanged
 */
export function snapToWords(words, start, end, text) {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    return null;
  }
  let from = Math.min(start, end);
  let to = Math.max(start, end);
  if (typeof text === 'string') {
    from = Math.max(0, Math.min(from, text.length));
    to = Math.max(0, Math.min(to, text.length));
    while (from < to && WHITESPACE.test(text[from])) {
      from++;
    }
    while (to > from && WHITESPACE.test(text[to - 1])) {
      to--;
    }
  }
  if (to <= from) {
    return null;
  }
  if (!Array.isArray(words) || words.length === 0) {
    return { start: from, end: to };
  }
  const first = firstEndingAfter(words, from);
  if (first >= words.length || words[first].start >= to) {
    return null; // No word overlaps the range.
  }
  if (words[first].start < from) {
    from = words[first].start;
  }
  const last = wordAtOrBefore(words, to - 1);
  if (last >= 0 && words[last].end > to) {
    to = words[last].end;
  }
  return { start: from, end: to };
}

/**
 * Groups the words by sentence: `[{first, last}]` word indices, in order, covering every word
 * exactly once. A word belongs to the sentence containing its start; words outside every
 * sentence (or all words, when there are no sentences) form groups of their own, one per run
 * between sentences, so navigation still reaches them.
 *
 * @param {Span[]} words
 * @param {Span[]} sentences sorted, from {@link toSpans}
 * @returns {Array<{first: number, last: number}>}
 */
export function sentenceGroups(words, sentences) {
  const groups = [];
  let currentKey = null;
  for (let i = 0; i < words.length; i++) {
    const s = wordAt(sentences ?? [], words[i].start);
    // Words outside sentences share the key of the gap they lie in, so that one gap is one group.
    const key = s >= 0 ? `s${s}` : `g${wordAtOrAfter(sentences ?? [], words[i].start)}`;
    if (key === currentKey) {
      groups[groups.length - 1].last = i;
    } else {
      groups.push({ first: i, last: i });
      currentKey = key;
    }
  }
  return groups;
}

/**
 * Index of the group holding a word index, or -1.
 *
 * @param {Array<{first: number, last: number}>} groups
 * @param {number} index
 */
export function groupOfWord(groups, index) {
  let lo = 0;
  let hi = groups.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (groups[mid].last < index) {
      lo = mid + 1;
    } else if (groups[mid].first > index) {
      hi = mid - 1;
    } else {
      return mid;
    }
  }
  return -1;
}

/**
 * Moves a word index by sentence.
 *
 * - dir > 0, edge "start" (Ctrl+→): to the first word of the next sentence; in the last
 *   sentence, to the last word.
 * - dir > 0, edge "end" (Shift+Ctrl+→, extending): to the last word of this sentence, or, if
 *   already there, of the next one.
 * - dir < 0 (Ctrl+←, with or without Shift): to the first word of this sentence, or, if
 *   already there, of the previous one.
 *
 * @param {Array<{first: number, last: number}>} groups from {@link sentenceGroups}
 * @param {number} index a word index
 * @param {number} dir +1 or -1
 * @param {'start' | 'end'} [edge='start']
 * @returns {number} the new word index (unchanged when there is nowhere to go)
 */
export function moveBySentence(groups, index, dir, edge = 'start') {
  const g = groupOfWord(groups, index);
  if (g < 0) {
    return index;
  }
  const group = groups[g];
  if (dir < 0) {
    if (index > group.first) {
      return group.first;
    }
    return g > 0 ? groups[g - 1].first : group.first;
  }
  if (edge === 'end') {
    if (index < group.last) {
      return group.last;
    }
    return g + 1 < groups.length ? groups[g + 1].last : group.last;
  }
  return g + 1 < groups.length ? groups[g + 1].first : group.last;
}

/**
 * Extends a range to the whole sentence(s) it touches.
 *
 * @param {Span[]} sentences sorted
 * @param {number} start
 * @param {number} end
 * @returns {Span} the union of the range and every sentence overlapping it (a collapsed range
 *   counts as touching the sentence it lies in); the range itself if it touches none
 */
export function extendToSentences(sentences, start, end) {
  let from = Math.min(start, end);
  let to = Math.max(start, end);
  const probeEnd = to > from ? to : from + 1;
  for (let i = firstEndingAfter(sentences, from); i < sentences.length && sentences[i].start < probeEnd; i++) {
    from = Math.min(from, sentences[i].start);
    to = Math.max(to, sentences[i].end);
  }
  return { start: from, end: to };
}

/**
 * The mark to select with "next mark" / "previous mark".
 *
 * Marks are ordered as they are drawn: by start, then longer first, then markId. From a
 * selected mark the neighbour in that order is taken; without one, the first mark starting at
 * or after `offset` (next) or the last one starting before it (previous). There is no wrap
 * around: at either end null is returned.
 *
 * @template {{markId: string, start: number, end: number}} M
 * @param {M[]} marks
 * @param {{selectedId?: string | null, offset?: number}} from
 * @param {number} dir +1 for next, -1 for previous
 * @returns {M | null} the mark, or null
 */
export function adjacentMark(marks, from, dir) {
  const sorted = [...(marks ?? [])].sort(compareMarks);
  if (sorted.length === 0) {
    return null;
  }
  const selected = from?.selectedId != null ? sorted.findIndex((m) => m.markId === from.selectedId) : -1;
  if (selected >= 0) {
    return sorted[selected + (dir < 0 ? -1 : 1)] ?? null;
  }
  const given = from?.offset;
  const offset = given !== undefined && Number.isFinite(given) ? given : dir < 0 ? Infinity : -Infinity;
  if (dir < 0) {
    for (let i = sorted.length - 1; i >= 0; i--) {
      if (sorted[i].start < offset) {
        return sorted[i];
      }
    }
    return null;
  }
  return sorted.find((m) => m.start >= offset) ?? null;
}

/**
 * Drawing order of marks: start ascending, end descending, then markId.
 *
 * @param {{markId: string, start: number, end: number}} a
 * @param {{markId: string, start: number, end: number}} b
 */
export function compareMarks(a, b) {
  return a.start - b.start || b.end - a.end || (a.markId < b.markId ? -1 : a.markId > b.markId ? 1 : 0);
}
