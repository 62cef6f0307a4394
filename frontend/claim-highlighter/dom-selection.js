// @ts-check
import { localOffset, toCanonicalRange } from './offsets.js';

/**
 * Between the browser's selection (DOM nodes and offsets) and canonical offsets into the text.
 * Every rendered paragraph element carries the offset of its first character (`data-start`) and
 * its index (`data-index`); only Text nodes count, so labels drawn by the stylesheet never shift
 * an offset. The arithmetic itself is in offsets.js, tested in Node; this is the DOM half.
 *
 * @typedef {import('./offsets.js').Paragraph} Paragraph
 * @typedef {{para: Paragraph, local: number}} ParagraphPoint
 */

/**
 * The selection that holds this element's nodes. Inside a shadow root the document's selection
 * is retargeted to the shadow host; where the browser offers the shadow root's own selection,
 * that one has real nodes.
 *
 * @param {Element} element
 * @returns {Selection | null}
 */
export function selectionOf(element) {
  const root = /** @type {Node & {getSelection?: () => Selection | null}} */ (element.getRootNode());
  if (root !== document && typeof root.getSelection === 'function') {
    return root.getSelection();
  }
  return window.getSelection();
}

/**
 * The selection as canonical offsets (not trimmed), or null if it is not in the text.
 *
 * @param {Element} textRoot the `.ch-text` element
 * @param {Paragraph[]} paragraphs what the paragraph elements were rendered from
 * @param {Selection} selection with at least one range
 * @returns {{start: number, end: number} | null}
 */
export function canonicalSelection(textRoot, paragraphs, selection) {
  // The range, unlike anchor/focus, is already in document order; toCanonicalRange
  // normalises anyway. Extra ranges (Firefox's ctrl-selection) are ignored.
  const range = selection.getRangeAt(0);
  const from = toParagraphPoint(textRoot, paragraphs, range.startContainer, range.startOffset);
  const to = toParagraphPoint(textRoot, paragraphs, range.endContainer, range.endOffset);
  if (!from || !to) {
    return null;
  }
  return toCanonicalRange(from.para, from.local, to.para, to.local);
}

/**
 * Maps a DOM boundary point to the paragraph model and the character offset within it.
 *
 * @param {Element} textRoot
 * @param {Paragraph[]} paragraphs
 * @param {Node} container
 * @param {number} offset
 * @returns {ParagraphPoint | null} null when the point lies outside the text
 */
export function toParagraphPoint(textRoot, paragraphs, container, offset) {
  let node = container;
  let nodeOffset = offset;
  // A boundary inside a comment (e.g. a Lit marker) or other non-text character data
  // has no visible characters before it in that node; treat it as the point just before it.
  if (node.nodeType !== Node.TEXT_NODE && node.nodeType !== Node.ELEMENT_NODE) {
    const parent = node.parentNode;
    if (!parent) {
      return null;
    }
    nodeOffset = Array.prototype.indexOf.call(parent.childNodes, node);
    node = parent;
  }
  if (!textRoot.contains(node)) {
    return null;
  }
  const element = node.nodeType === Node.ELEMENT_NODE ? /** @type {Element} */ (node) : node.parentElement;
  const paraElement = element?.closest('[data-start]');
  if (paraElement && paraElement !== textRoot && textRoot.contains(paraElement)) {
    const para = paragraphFor(paragraphs, paraElement);
    return para ? { para, local: localOffsetIn(paraElement, node, nodeOffset) } : null;
  }
  return pointBetweenParagraphs(textRoot, paragraphs, node, nodeOffset);
}

/**
 * The paragraph model an element was rendered from, or null if the DOM is stale.
 *
 * @param {Paragraph[]} paragraphs
 * @param {Element} paraElement
 * @returns {Paragraph | null}
 */
export function paragraphFor(paragraphs, paraElement) {
  const data = /** @type {HTMLElement} */ (paraElement).dataset;
  const para = paragraphs[Number(data.index)];
  return para && para.start === Number(data.start) ? para : null;
}

/**
 * Character offset of a boundary point within a paragraph element, counting Text nodes only.
 *
 * @param {Element} paraElement
 * @param {Node} node
 * @param {number} offset
 */
function localOffsetIn(paraElement, node, offset) {
  /** @type {number[]} */
  const lengths = [];
  let nodeIndex = -1;
  let textNodesBefore = 0;
  // An element boundary counts child nodes, not characters: it lies between text nodes,
  // so its character offset is the total length of the text nodes before it.
  const probe = node.nodeType === Node.TEXT_NODE ? null : collapsedRangeAt(node, offset);
  const walker = document.createTreeWalker(paraElement, NodeFilter.SHOW_TEXT);
  for (let text = /** @type {Text | null} */ (walker.nextNode()); text; text = /** @type {Text | null} */ (walker.nextNode())) {
    if (text === node) {
      nodeIndex = lengths.length;
    } else if (probe && probe.comparePoint(text, 0) < 0) {
      textNodesBefore++;
    }
    lengths.push(text.length);
  }
  return probe ? localOffset(lengths, textNodesBefore, 0) : localOffset(lengths, nodeIndex, offset);
}

/**
 * A boundary directly inside the text container (e.g. after a triple click) sits between
 * paragraphs. It maps to the end of the paragraph before it, or to the start of the first
 * paragraph; trimming later drops the separator either way.
 *
 * @param {Element} textRoot
 * @param {Paragraph[]} paragraphs
 * @param {Node} node
 * @param {number} offset
 * @returns {ParagraphPoint | null}
 */
function pointBetweenParagraphs(textRoot, paragraphs, node, offset) {
  const probe = collapsedRangeAt(node, offset);
  /** @type {Element | null} */
  let preceding = null;
  for (const paraElement of textRoot.querySelectorAll('[data-start]')) {
    if (probe.comparePoint(paraElement, 0) >= 0) {
      break;
    }
    preceding = paraElement;
  }
  if (preceding) {
    const para = paragraphFor(paragraphs, preceding);
    return para ? { para, local: para.text.length } : null;
  }
  const first = textRoot.querySelector('[data-start]');
  const para = first && paragraphFor(paragraphs, first);
  return para ? { para, local: 0 } : null;
}

/**
 * The text node and offset of a canonical offset (an end prefers the node before).
 *
 * @param {Element} textRoot
 * @param {Paragraph[]} paragraphs
 * @param {number} offset
 * @param {boolean} isEnd
 * @returns {{node: Text, offset: number} | null}
 */
function domPoint(textRoot, paragraphs, offset, isEnd) {
  for (const paraElement of textRoot.querySelectorAll(':scope > [data-start]')) {
    const para = paragraphFor(paragraphs, paraElement);
    if (!para || offset < para.start || offset > para.start + para.text.length) {
      continue;
    }
    let left = offset - para.start;
    const walker = document.createTreeWalker(paraElement, NodeFilter.SHOW_TEXT);
    /** @type {Text | null} */
    let last = null;
    for (let node = /** @type {Text | null} */ (walker.nextNode()); node; node = /** @type {Text | null} */ (walker.nextNode())) {
      if (left < node.length || (isEnd && left === node.length)) {
        return { node, offset: left };
      }
      left -= node.length;
      last = node;
    }
    return last ? { node: last, offset: last.length } : null;
  }
  return null;
}

/**
 * Selects canonical offsets with the browser's selection.
 *
 * @param {Element} textRoot
 * @param {Paragraph[]} paragraphs
 * @param {Selection | null} selection
 * @param {{start: number, end: number}} span
 */
export function selectDomRange(textRoot, paragraphs, selection, span) {
  const from = domPoint(textRoot, paragraphs, span.start, false);
  const to = domPoint(textRoot, paragraphs, span.end, true);
  if (!from || !to || !selection) {
    return;
  }
  try {
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    selection.removeAllRanges();
    selection.addRange(range);
  } catch {
    // The DOM changed under us; the pending range is still right.
  }
}

/**
 * Removes the browser's selection if it lies in the text (one elsewhere on the page stays).
 *
 * @param {Element | null} textRoot
 * @param {Selection | null} selection
 */
export function clearDomSelection(textRoot, selection) {
  if (!selection || selection.rangeCount === 0) {
    return;
  }
  const range = selection.getRangeAt(0);
  if (textRoot && (textRoot.contains(range.startContainer) || textRoot.contains(range.endContainer))) {
    selection.removeAllRanges();
  }
}

/**
 * @param {Node} node
 * @param {number} offset
 */
function collapsedRangeAt(node, offset) {
  const range = document.createRange();
  range.setStart(node, offset);
  return range;
}

/**
 * The canonical offset of the caret position under a point of the screen (a long press, a
 * dragged handle), or null when the point is not over the text.
 *
 * @param {Element} textRoot the `.ch-text` element
 * @param {Paragraph[]} paragraphs
 * @param {number} x client coordinates
 * @param {number} y
 * @returns {number | null}
 */
export function offsetAtPoint(textRoot, paragraphs, x, y) {
  const doc = /** @type {Document & {caretRangeFromPoint?: (x: number, y: number) => Range | null}} */ (textRoot.ownerDocument);
  /** @type {Node | null} */
  let node = null;
  let offset = 0;
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y);
    node = position?.offsetNode ?? null;
    offset = position?.offset ?? 0;
  } else if (typeof doc.caretRangeFromPoint === 'function') {
    const range = doc.caretRangeFromPoint(x, y);
    node = range?.startContainer ?? null;
    offset = range?.startOffset ?? 0;
  }
  if (!node || !textRoot.contains(node)) {
    return null;
  }
  const point = toParagraphPoint(textRoot, paragraphs, node, offset);
  return point ? point.para.start + point.local : null;
}
