// @ts-check
import { quote, trimRange } from './offsets.js';
import {
  decodeSpans,
  extendToSentences,
  moveBySentence,
  nextWord,
  prevWord,
  rangeOfWords,
  sentenceGroups,
  snapToWords,
  tokenizeWords,
  toSpans,
  wordAt,
  wordAtOrAfter,
  wordAtOrBefore,
} from './snapping.js';
import { canonicalSelection, clearDomSelection, offsetAtPoint, selectDomRange, selectionOf, toParagraphPoint } from './dom-selection.js';

/** Compatibility mouse events follow a touch within this time. */
const TOUCH_MOUSE_MS = 1000;
/** Touch selection handles fire selectionchange in bursts; snap once they pause. */
const TOUCH_SELECTION_SETTLE_MS = 80;
/** A touch held this long on a word selects it. */
export const LONG_PRESS_MS = 450;
/** A finger that moves further than this (px) is scrolling, not pressing. */
const LONG_PRESS_SLOP_PX = 10;

/**
 * @typedef {import('lit').ReactiveController} ReactiveController
 * @typedef {import('./snapping.js').Span} Span
 * @typedef {import('./claim-highlighter.js').ClaimHighlighter} ClaimHighlighter
 */

/**
 * What the student has selected, by whatever means, and the word boundaries it snaps to: the
 * pending range, the keyboard caret (anchor and focus word), and the browser's own selection
 * from a mouse drag, a touch or the keyboard. Pointer and touch selections are snapped to whole
 * words and handed to the active mode (see mode.js); without `markable` a selection is only
 * reported (`highlighter-selection`, `$server.selectionChanged`).
 *
 * Touch keeps the browser's own selection (so its handles stay usable) and snaps it when the
 * finger lifts; the pending range is then drawn by the browser, not by an overlay (`native`).
 * A long press on a word (LONG_PRESS_MS, whatever the browser does with it) selects that word as
 * the highlighter's own pending range, with the drag handles of handle-controller.js at its ends;
 * until the finger lifts, the browser's own selection and menu give way to it.
 *
 * @implements {ReactiveController}
 */
export class SelectionController {
  /** @param {ClaimHighlighter} host */
  constructor(host) {
    this.host = host;

    // Boundaries.
    /** @type {Span[]} */
    this.words = [];
    /** @type {Span[]} */
    this.sentences = [];
    /** @type {Array<{first: number, last: number}>} */
    this.groups = [];

    /** Pending range (mouse, touch, Shift+arrows, whole sentence), or null. @type {Span | null} */
    this.range = null;
    /** The pending range is shown by the browser's own selection (touch), not by an overlay. */
    this.native = false;
    this.anchor = -1;
    this.focus = -1;
    this.caretShown = false;
    this._scrollToCaret = false;

    /** "start:end" of the range last sent to the server, so an unchanged one is not resent. @type {string | null} */
    this._lastSentKey = null;

    // Input tracking.
    this._pointerType = 'mouse';
    /** True from a press in the text until the end of that task: the focus it causes is not the keyboard's. */
    this.pointerFocus = false;
    this._lastTouchAt = -Infinity;
    this._pressInText = false;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this._longPressTimer = undefined;
    /** Where the finger went down, for the long press. @type {{x: number, y: number} | null} */
    this._pressPoint = null;
    /** Whether a long press selected a word during the last touch (until the next one). */
    this._longPressed = false;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this._selectionTimer = undefined;
    /** @type {((event: MouseEvent) => void) | null} */
    this._pendingDocumentMouseUp = null;

    const report = () => this._reportSelection();
    host.addEventListener('mouseup', (event) => {
      if (host.markable) {
        this._onPointerRelease(event);
      } else {
        this._dropKeyboardRange();
        report();
      }
    });
    // Covers keyboard selection (shift + arrows) once the key is released.
    host.addEventListener('keyup', () => {
      if (!host.markable) {
        report();
      }
    });
    host.addEventListener('touchstart', (event) => this._onTouchStart(event), { passive: true });
    host.addEventListener('touchmove', (event) => this._onTouchMove(event), { passive: true });
    host.addEventListener('touchcancel', () => {
      this._cancelLongPress();
      host.removeAttribute('data-long-press');
    });
    // Touch browsers update the selection after touchend has been dispatched.
    host.addEventListener('touchend', () => {
      this._lastTouchAt = performance.now();
      this._cancelLongPress();
      host.removeAttribute('data-long-press');
      if (this._longPressedThisTouch()) {
        // The long press made the selection; the browser's own (if it made one) would hide it.
        this.clearNativeSelection();
        setTimeout(() => this.clearNativeSelection(), 0);
        return;
      }
      setTimeout(() => (host.markable ? this._onTouchSelection(true) : report()), 0);
    });
    // No context menu over a word the long press has just selected.
    host.addEventListener('contextmenu', (event) => {
      if (this._longPressedThisTouch()) {
        event.preventDefault();
      }
    });
    host.addEventListener('mousedown', (event) => this._onMouseDown(event));
    this._onSelectionChange = () => this._onDocumentSelectionChange();

    host.addController(this);
  }

  hostConnected() {
    document.addEventListener('selectionchange', this._onSelectionChange);
  }

  hostDisconnected() {
    this._stopWatchingDragRelease();
    document.removeEventListener('selectionchange', this._onSelectionChange);
    clearTimeout(this._selectionTimer);
    this._cancelLongPress();
  }

  hostUpdated() {
    if (this._scrollToCaret) {
      this._scrollToCaret = false;
      const caret = this.host.querySelector(':scope > .ch-text mark.ch-caret');
      if (caret && typeof caret.scrollIntoView === 'function') {
        caret.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      }
    }
  }

  // --- the model -----------------------------------------------------------------------

  /** The text changed: offsets into a different text mean something else. */
  textChanged() {
    // Let the same range be sent again.
    this._lastSentKey = null;
    this.range = null;
    this.native = false;
    this.anchor = -1;
    this.focus = -1;
  }

  /**
   * Word and sentence spans from the server's flat pairs (a span code, see decodeSpans, or an
   * array of numbers); without words, runs of letters and
   * digits; without sentences, the paragraphs.
   *
   * @param {string} text
   * @param {unknown} words
   * @param {unknown} sentences
   * @param {import('./offsets.js').Paragraph[]} paragraphs
   */
  setBoundaries(text, words, sentences, paragraphs) {
    const wordSpans = toSpans(decodeSpans(words)).filter((w) => w.end <= text.length);
    this.words = wordSpans.length > 0 ? wordSpans : tokenizeWords(text);
    const sentenceSpans = toSpans(decodeSpans(sentences)).filter((s) => s.end <= text.length);
    this.sentences =
      sentenceSpans.length > 0 ? sentenceSpans : paragraphs.map((p) => ({ start: p.start, end: p.start + p.text.length }));
    this.groups = sentenceGroups(this.words, this.sentences);
    if (this.focus >= this.words.length) {
      this.anchor = -1;
      this.focus = -1;
    }
  }

  /** The word under the keyboard caret, when the caret is shown. */
  caretWord() {
    return this.caretShown ? (this.words[this.focus] ?? null) : null;
  }

  /** The range a tool acts on: the pending range, else the caret word. */
  currentRange() {
    if (this.range) {
      return this.range;
    }
    return this.caretWord();
  }

  /**
   * Makes a range the pending selection; the active mode lets go of what it had selected.
   *
   * @param {Span} span
   * @param {{native?: boolean}} [options] native: the browser draws it (touch)
   */
  setPending(span, { native = false } = {}) {
    this.range = { start: span.start, end: span.end };
    this.native = native;
    this.host.activeMode.selectionMoved();
    const first = wordAtOrAfter(this.words, span.start);
    const last = wordAtOrBefore(this.words, span.end - 1);
    if (first >= 0 && last >= first) {
      this.anchor = first;
      this.focus = last;
    }
    this.host.invalidate();
    const detail = safeQuote(this.host.text, span.start, span.end);
    this.host.dispatchEvent(new CustomEvent('highlighter-selection', { detail, bubbles: true, composed: true }));
  }

  /** Drops the pending range; the caret stays where it is. */
  clearRange() {
    this.range = null;
    this.native = false;
  }

  /**
   * Extends a range (or the caret word) to whole sentence(s) and makes it pending.
   *
   * @param {Span} base
   * @returns {Span | null} the new range, or null when only whitespace was left
   */
  extendToSentence(base) {
    const text = this.host.text;
    const extended = extendToSentences(this.sentences, base.start, base.end);
    const trimmed = trimRange(text, extended.start, Math.min(extended.end, text.length));
    if (trimmed.end <= trimmed.start) {
      return null;
    }
    this.clearNativeSelection();
    this.setPending(trimmed);
    this._scrollToCaret = this.caretShown;
    return trimmed;
  }

  /**
   * Puts the caret on the first word of a span (a selected mark).
   *
   * @param {Span} span
   */
  moveCaretTo(span) {
    const first = wordAtOrAfter(this.words, span.start);
    if (first >= 0) {
      this.anchor = first;
      this.focus = first;
    }
    this._scrollToCaret = this.caretShown;
  }

  /**
   * Shows the caret if it is not shown yet, at the pending range, the mode's selection, or the
   * first word.
   *
   * @returns {boolean} true if it was just made visible
   */
  ensureCaret() {
    if (this.words.length === 0) {
      return false;
    }
    if (this.caretShown && this.words[this.focus]) {
      return false;
    }
    if (!this.words[this.focus]) {
      const from = this.range ?? this.host.activeMode.selectedSpan();
      const index = from ? Math.max(0, wordAtOrAfter(this.words, from.start)) : 0;
      this.anchor = index;
      this.focus = index;
    }
    if (!this.words[this.anchor]) {
      this.anchor = this.focus;
    }
    this.caretShown = true;
    this._scrollToCaret = true;
    this.host.invalidate();
    return true;
  }

  /**
   * Moves the caret by a word, a sentence or to either end; with `extend` the range grows from
   * where it started (from the selected mark, if there is one). The first key after focusing
   * only shows the caret.
   *
   * @param {number} dir +1 or -1
   * @param {'word' | 'sentence' | 'all'} unit
   * @param {boolean} extend
   */
  moveCaret(dir, unit, extend) {
    const fresh = this.ensureCaret();
    const words = this.words;
    if (words.length === 0) {
      return;
    }
    if (fresh && !extend) {
      return; // The first press shows where the caret is.
    }
    const selected = this.host.activeMode.selectedSpan();
    if (extend && this.range == null && selected == null) {
      this.anchor = this.focus;
    }
    if (extend && selected) {
      this.anchor = Math.max(0, wordAtOrAfter(words, selected.start));
      this.focus = Math.max(this.anchor, wordAtOrBefore(words, selected.end - 1));
    }
    let target;
    if (unit === 'word') {
      target = dir > 0 ? nextWord(words, this.focus) : prevWord(words, this.focus);
    } else if (unit === 'sentence') {
      target = moveBySentence(this.groups, this.focus, dir, extend && dir > 0 ? 'end' : 'start');
    } else {
      target = dir > 0 ? words.length - 1 : 0;
    }
    this.focus = target;
    this.native = false;
    this.host.activeMode.selectionMoved();
    this.clearNativeSelection();
    if (extend) {
      this.range = this.anchor === this.focus ? null : rangeOfWords(words, this.anchor, this.focus);
    } else {
      this.anchor = target;
      this.range = null;
    }
    this._scrollToCaret = true;
    this.host.invalidate();
  }

  /** Shows the caret (moved by N / P) and scrolls it into view. */
  showCaret() {
    this.caretShown = this.words.length > 0;
    this.clearNativeSelection();
  }

  /** Hides the caret: focus left the element, or the pointer took over. */
  hideCaret() {
    if (this.caretShown) {
      this.caretShown = false;
      this.host.invalidate();
    }
  }

  // --- the browser's selection -----------------------------------------------------------

  /** Removes the browser's selection if it lies in the text. */
  clearNativeSelection() {
    clearDomSelection(this.host.textRoot(), selectionOf(this.host));
  }

  /**
   * The browser's selection as canonical offsets, or null if there is none in the text.
   *
   * @param {Selection | null} selection
   */
  _canonical(selection) {
    const textRoot = this.host.textRoot();
    if (!textRoot || !selection || selection.rangeCount === 0 || selection.isCollapsed) {
      return null;
    }
    return canonicalSelection(textRoot, this.host.paragraphs, selection);
  }

  // --- pointer -------------------------------------------------------------------------

  /** @param {TouchEvent} event */
  _onTouchStart(event) {
    this._lastTouchAt = performance.now();
    this._pointerType = 'touch';
    this._longPressed = false;
    this._cancelLongPress();
    if (event.target instanceof Node && this.host.textRoot()?.contains(event.target)) {
      this._markPointerFocus();
      if (event.touches.length === 1 && this.host.activeMode.canAct()) {
        const touch = event.touches[0];
        this._pressPoint = { x: touch.clientX, y: touch.clientY };
        this._longPressTimer = setTimeout(() => this._onLongPress(), LONG_PRESS_MS);
      }
    }
  }

  /** @param {TouchEvent} event */
  _onTouchMove(event) {
    const start = this._pressPoint;
    const touch = event.touches[0];
    if (start && touch && Math.hypot(touch.clientX - start.x, touch.clientY - start.y) > LONG_PRESS_SLOP_PX) {
      this._cancelLongPress();
    }
  }

  _cancelLongPress() {
    clearTimeout(this._longPressTimer);
    this._longPressTimer = undefined;
  }

  /** Whether a long press selected a word during the touch that is going on or just ended. */
  _longPressedThisTouch() {
    return this._longPressed;
  }

  /** The finger rested on a word: that word becomes the pending range, with handles at its ends. */
  _onLongPress() {
    this._longPressTimer = undefined;
    const point = this._pressPoint;
    const textRoot = this.host.textRoot();
    if (!point || !textRoot || !this.host.activeMode.canAct()) {
      return;
    }
    const offset = offsetAtPoint(textRoot, this.host.paragraphs, point.x, point.y);
    const index = offset == null ? -1 : wordAt(this.words, offset);
    if (index < 0) {
      return;
    }
    const word = this.words[index];
    this._longPressed = true;
    // While the finger stays down, the browser's own long press finds no text to select.
    this.host.setAttribute('data-long-press', '');
    this.caretShown = false;
    this.clearNativeSelection();
    this.setPending(word);
    this.host.announceCaret(this.host.text.slice(word.start, word.end));
  }

  /** @param {MouseEvent} event */
  _onMouseDown(event) {
    if (performance.now() - this._lastTouchAt > TOUCH_MOUSE_MS) {
      this._pointerType = 'mouse';
    }
    const inText = (event.target instanceof Node && this.host.textRoot()?.contains(event.target)) ?? false;
    if (inText) {
      // Nothing is re-rendered here: changing the paragraphs would cut the drag short.
      this._markPointerFocus();
    }
    if (this.host.markable) {
      // The compatibility mouse events of a long press would undo the word it selected.
      const afterLongPress = this._longPressed && this._pointerType === 'touch';
      this._pressInText = inText && event.button === 0 && !afterLongPress;
      if (!this._pressInText) {
        return;
      }
    }
    this._watchDragRelease(event);
  }

  /** A reader's mouse selection replaces the range the keys made (see keyboard-controller.js). */
  _dropKeyboardRange() {
    if (this.range || this.caretShown) {
      this.range = null;
      this.caretShown = false;
      this.host.invalidate();
    }
  }

  /** The browser focuses the text as the default action of this press, in this same task. */
  _markPointerFocus() {
    this.pointerFocus = true;
    setTimeout(() => {
      this.pointerFocus = false;
    }, 0);
  }

  /**
   * Mouse (or a tap's compatibility mouseup): a drag selects, a click selects what the mode
   * finds under the pointer (one of the student's marks), else places the caret.
   *
   * @param {MouseEvent} event
   */
  _onPointerRelease(event) {
    if (!this._pressInText) {
      return;
    }
    this._pressInText = false;
    // The pointer took over from the keyboard; the caret comes back with the next arrow key.
    this.caretShown = false;
    const mode = this.host.activeMode;
    if (!mode.canAct()) {
      this.host.requestUpdate();
      return;
    }
    const selection = selectionOf(this.host);
    const raw = this._canonical(selection);
    if (raw && selection) {
      const snapped = snapToWords(this.words, raw.start, raw.end, this.host.text);
      if (snapped) {
        const touch = this._pointerType === 'touch';
        if (!touch) {
          selection.removeAllRanges();
        }
        this.setPending(snapped, { native: touch });
        return;
      }
    }
    const target = event && event.target instanceof Element ? event.target : null;
    if (target && this.host.textRoot()?.contains(target) && mode.pointerClicked(target)) {
      return;
    }
    // A click on plain text: nothing selected; the caret (for later keys) goes there.
    this.clearRange();
    mode.selectionMoved();
    const textRoot = this.host.textRoot();
    if (textRoot && selection && selection.rangeCount > 0) {
      const range = selection.getRangeAt(0);
      const point = toParagraphPoint(textRoot, this.host.paragraphs, range.startContainer, range.startOffset);
      if (point) {
        const index = wordAtOrAfter(this.words, point.para.start + point.local);
        if (index >= 0) {
          this.anchor = index;
          this.focus = index;
        }
      }
    }
    this.host.invalidate();
  }

  /**
   * Touch selection: kept as the browser's own selection (its handles stay usable), snapped to
   * words; the palette acts on it.
   *
   * @param {boolean} adjustNative whether to move the browser's selection onto the snapped words
   */
  _onTouchSelection(adjustNative) {
    if (!this.host.activeMode.canAct() || this._longPressedThisTouch()) {
      return;
    }
    const raw = this._canonical(selectionOf(this.host));
    if (!raw) {
      return;
    }
    const snapped = snapToWords(this.words, raw.start, raw.end, this.host.text);
    if (!snapped) {
      return;
    }
    const same = this.range && this.range.start === snapped.start && this.range.end === snapped.end;
    if (!same) {
      this.setPending(snapped, { native: true });
    }
    const textRoot = this.host.textRoot();
    if (adjustNative && textRoot && (raw.start !== snapped.start || raw.end !== snapped.end)) {
      selectDomRange(textRoot, this.host.paragraphs, selectionOf(this.host), snapped);
    }
  }

  _onDocumentSelectionChange() {
    if (!this.host.markable || this._pointerType !== 'touch') {
      return;
    }
    clearTimeout(this._selectionTimer);
    this._selectionTimer = setTimeout(() => this._onTouchSelection(false), TOUCH_SELECTION_SETTLE_MS);
  }

  /**
   * A drag that starts in the text often ends outside it, where this element gets no
   * mouseup; listen once on the document for that release.
   *
   * @param {MouseEvent} event
   */
  _watchDragRelease(event) {
    if (event.button !== 0) {
      return;
    }
    this._stopWatchingDragRelease();
    /** @param {MouseEvent} releaseEvent */
    const onRelease = (releaseEvent) => {
      this._pendingDocumentMouseUp = null;
      // A release inside this element has already been handled by its own listener.
      if (!releaseEvent.composedPath().includes(this.host)) {
        if (this.host.markable) {
          this._onPointerRelease(releaseEvent);
        } else {
          this._reportSelection();
        }
      }
    };
    this._pendingDocumentMouseUp = onRelease;
    document.addEventListener('mouseup', onRelease, { once: true });
  }

  _stopWatchingDragRelease() {
    if (this._pendingDocumentMouseUp) {
      document.removeEventListener('mouseup', this._pendingDocumentMouseUp);
      this._pendingDocumentMouseUp = null;
    }
  }

  // --- reading (not markable): report selections --------------------------------------

  /**
   * Reports a range made with the keys, as a mouse selection is reported.
   *
   * @param {Span} span
   */
  reportRange(span) {
    const detail = safeQuote(this.host.text, span.start, span.end);
    this.host.dispatchEvent(new CustomEvent('highlighter-selection', { detail, bubbles: true, composed: true }));
    this._sendToServer(detail);
  }

  _reportSelection() {
    const host = this.host;
    if (host.readonly || !host.text) {
      return;
    }
    const raw = this._canonical(selectionOf(host));
    if (!raw) {
      return;
    }
    const { start, end } = trimRange(host.text, raw.start, raw.end);
    if (end <= start) {
      return;
    }
    const detail = quote(host.text, start, end);
    host.dispatchEvent(new CustomEvent('highlighter-selection', { detail, bubbles: true, composed: true }));
    this._sendToServer(detail);
  }

  /**
   * At most once for the same range in a row.
   *
   * @param {{start: number, end: number, exact: string}} selection
   */
  _sendToServer({ start, end, exact }) {
    const server = this.host.server();
    if (!server || typeof server.selectionChanged !== 'function') {
      return;
    }
    const key = `${start}:${end}`;
    if (key === this._lastSentKey) {
      return;
    }
    this._lastSentKey = key;
    const selectionChanged = server.selectionChanged;
    // The promise wrapper also catches a synchronous throw; after a failure the same range
    // may be sent again, otherwise the server would never learn of it.
    new Promise((resolve) => resolve(selectionChanged.call(server, start, end, exact))).catch(() => {
      if (this._lastSentKey === key) {
        this._lastSentKey = null;
      }
    });
  }
}

/**
 * quote() that never throws: a range outside the text gets empty context.
 *
 * @param {string} text
 * @param {number} start
 * @param {number} end
 */
export function safeQuote(text, start, end) {
  try {
    return quote(text, start, end);
  } catch {
    return { start, end, exact: '', prefix: '', suffix: '' };
  }
}
