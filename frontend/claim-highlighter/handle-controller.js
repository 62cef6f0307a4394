// @ts-check
import { html, nothing } from 'lit';
import { dragEdge } from './mark-edits.js';
import { offsetAtPoint } from './dom-selection.js';

/**
 * @typedef {import('lit').ReactiveController} ReactiveController
 * @typedef {import('./claim-highlighter.js').ClaimHighlighter} ClaimHighlighter
 * @typedef {import('./snapping.js').Span} Span
 * @typedef {import('./mark-edits.js').Edge} Edge
 * @typedef {{kind: 'mark', markId: string, start: number, end: number} | {kind: 'pending', start: number, end: number}} HandleTarget
 * @typedef {{edge: Edge, target: HandleTarget, pointerId: number, span: Span}} Drag
 */

/**
 * Drag handles at the two ends of what the student is working on: the selected mark (marking
 * mode), which a drag resizes, or the pending range the highlighter draws itself (a long press,
 * Shift+arrows, a mouse drag), which a drag extends. The same handles serve mouse, pen and touch
 * (pointer events, `touch-action: none`); the ends snap to whole words (mark-edits.js). A resize
 * commits once, when the handle is let go, through the marking mode's own commit (one save path,
 * DD004); while dragging, the mark is drawn at its new extent.
 *
 * The handles sit in a layer over the text, outside `.ch-text`, so they never add nodes to the
 * text the offsets are counted in, and a press on them is not a press in the text. They are
 * hidden from screen readers: the keys do the same (Alt+arrows, see marking-controller.js).
 *
 * @implements {ReactiveController}
 */
export class HandleController {
  /** @param {ClaimHighlighter} host */
  constructor(host) {
    this.host = host;
    /** @type {Drag | null} */
    this.drag = null;
    this._onWindowResize = () => this.host.requestUpdate();
    host.addController(this);
  }

  hostConnected() {
    window.addEventListener('resize', this._onWindowResize);
  }

  hostDisconnected() {
    window.removeEventListener('resize', this._onWindowResize);
  }

  /** What the handles are on now, or null. @returns {HandleTarget | null} */
  target() {
    const host = this.host;
    if (!host.markable || host.readonly || !host.activeMode.canAct()) {
      return null;
    }
    if (this.drag) {
      return { ...this.drag.target, start: this.drag.span.start, end: this.drag.span.end };
    }
    if (host.activeMode === host.marking) {
      const mark = host.marking.selectedSpan();
      if (mark) {
        return { kind: 'mark', markId: mark.markId, start: mark.start, end: mark.end };
      }
    }
    const range = host.selection.range;
    if (range && !host.selection.native) {
      return { kind: 'pending', start: range.start, end: range.end };
    }
    return null;
  }

  render() {
    const target = this.target();
    if (!target) {
      return html`<div class="ch-handles" aria-hidden="true"></div>`;
    }
    /** @param {Edge} edge */
    const handle = (edge) =>
      html`<span class="ch-handle" data-edge=${edge} data-testid=${`handle-${edge}`} data-for=${target.kind} ?data-dragging=${this.drag?.edge === edge} @pointerdown=${(/** @type {PointerEvent} */ e) => this._onPointerDown(e, edge)} @pointermove=${(/** @type {PointerEvent} */ e) => this._onPointerMove(e)} @pointerup=${(/** @type {PointerEvent} */ e) => this._onPointerUp(e)} @pointercancel=${(/** @type {PointerEvent} */ e) => this._onPointerCancel(e)} @lostpointercapture=${(/** @type {PointerEvent} */ e) => this._onPointerCancel(e)}><span class="ch-handle-knob"></span></span>`;
    return html`<div class="ch-handles" aria-hidden="true">${handle('start')}${handle('end')}</div>`;
  }

  /** After each render: puts the handles at the ends of the drawn mark or range. */
  hostUpdated() {
    const host = this.host;
    const layer = /** @type {HTMLElement | null} */ (host.querySelector(':scope > .ch-handles'));
    const target = this.target();
    if (!layer || !target) {
      return;
    }
    const selector =
      target.kind === 'mark'
        ? `mark.ch-mark[data-own][data-mark-id="${cssEscape(target.markId)}"]`
        : 'mark.ch-pending';
    const fragments = host.querySelectorAll(`:scope > .ch-text ${selector}`);
    const start = /** @type {HTMLElement | null} */ (layer.querySelector('[data-edge="start"]'));
    const end = /** @type {HTMLElement | null} */ (layer.querySelector('[data-edge="end"]'));
    if (fragments.length === 0 || !start || !end) {
      start?.setAttribute('hidden', '');
      end?.setAttribute('hidden', '');
      return;
    }
    const origin = host.getBoundingClientRect();
    const firstRects = fragments[0].getClientRects();
    const lastRects = fragments[fragments.length - 1].getClientRects();
    const first = firstRects[0];
    const last = lastRects[lastRects.length - 1];
    if (!first || !last) {
      return;
    }
    place(start, first.left - origin.left, first.top - origin.top, first.height);
    place(end, last.right - origin.left, last.top - origin.top, last.height);
  }

  // --- dragging ------------------------------------------------------------------------

  /**
   * @param {PointerEvent} event
   * @param {Edge} edge
   */
  _onPointerDown(event, edge) {
    const target = this.target();
    if (!target || (event.pointerType === 'mouse' && event.button !== 0)) {
      return;
    }
    // No text selection, no scrolling, no compatibility mouse events: this press is the drag.
    event.preventDefault();
    event.stopPropagation();
    const handle = /** @type {HTMLElement} */ (event.currentTarget);
    handle.setPointerCapture?.(event.pointerId);
    this.drag = { edge, target, pointerId: event.pointerId, span: { start: target.start, end: target.end } };
    this.host.requestUpdate();
  }

  /** @param {PointerEvent} event */
  _onPointerMove(event) {
    const drag = this.drag;
    if (!drag || event.pointerId !== drag.pointerId) {
      return;
    }
    event.preventDefault();
    const offset = this._offsetAt(event.clientX, event.clientY);
    if (offset == null) {
      return;
    }
    const base = { start: drag.target.start, end: drag.target.end };
    const span = dragEdge(this.host.selection.words, base, drag.edge, offset);
    if (!span || (span.start === drag.span.start && span.end === drag.span.end)) {
      return;
    }
    drag.span = span;
    if (drag.target.kind === 'mark') {
      this.host.marking.previewResize(drag.target.markId, span);
    } else {
      this.host.selection.setPending(span);
    }
  }

  /** @param {PointerEvent} event */
  _onPointerUp(event) {
    const drag = this.drag;
    if (!drag || event.pointerId !== drag.pointerId) {
      return;
    }
    this._onPointerMove(event);
    this.drag = null;
    const host = this.host;
    if (drag.target.kind === 'mark') {
      host.marking.resizeMark(drag.target.markId, drag.span);
    } else {
      host.announceCaret(host.text.slice(drag.span.start, drag.span.end));
      host.requestUpdate();
    }
  }

  /** @param {PointerEvent} event */
  _onPointerCancel(event) {
    const drag = this.drag;
    if (!drag || event.pointerId !== drag.pointerId) {
      return;
    }
    this.drag = null;
    if (drag.target.kind === 'mark') {
      this.host.marking.previewResize(drag.target.markId, null);
    }
    this.host.requestUpdate();
  }

  /**
   * The text offset under a point; the handles are hidden for the look-up, since the finger or
   * the pointer is on one of them.
   *
   * @param {number} x
   * @param {number} y
   */
  _offsetAt(x, y) {
    const host = this.host;
    const textRoot = host.textRoot();
    const layer = /** @type {HTMLElement | null} */ (host.querySelector(':scope > .ch-handles'));
    if (!textRoot) {
      return null;
    }
    if (layer) {
      layer.style.visibility = 'hidden';
    }
    try {
      return offsetAtPoint(textRoot, host.paragraphs, x, y);
    } finally {
      if (layer) {
        layer.style.visibility = '';
      }
    }
  }
}

/**
 * @param {HTMLElement} handle
 * @param {number} left
 * @param {number} top
 * @param {number} height
 */
function place(handle, left, top, height) {
  handle.removeAttribute('hidden');
  handle.style.left = `${Math.round(left)}px`;
  handle.style.top = `${Math.round(top)}px`;
  handle.style.height = `${Math.round(height)}px`;
}

/** @param {string} value */
function cssEscape(value) {
  return typeof CSS !== 'undefined' && typeof CSS.escape === 'function' ? CSS.escape(value) : String(value).replace(/["\\]/g, '\\$&');
}
