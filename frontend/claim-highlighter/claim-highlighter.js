import { LitElement, html, nothing } from 'lit';
import { localOffset, quote, splitParagraphs, toCanonicalRange, trimRange } from './offsets.js';
import { isUsableOverlay, nestSegments, segmentParagraphs } from './segments.js';

const TAG = 'claim-highlighter';

/**
 * Shows an article's canonical text and reports which passage the student selects.
 *
 * The server owns the text and receives selections as offsets into it, so every rendered
 * paragraph carries the offset of its first character (`data-start`); a selection is mapped
 * back to those offsets with the pure helpers in offsets.js.
 *
 * Properties:
 * - `text` (String): the canonical article text, paragraphs separated by one blank line,
 *   paragraph 0 being the headline. Set by the server as a JS property.
 * - `readonly` (Boolean, reflected): when set, selections are not reported, because there is
 *   nothing the student may change (for example after submitting).
 * - `overlays` (Array, property only): passages drawn over the text, e.g. the teacher's answer
 *   key or a student's saved marks. Each is `{id, start, end, kind, type, label}` in canonical
 *   offsets; `kind` is "claim" or "source" (others are not shown), `type` the claim type
 *   (factual, attributed, hedged, speculation, opinion, unsupported) and `label` an optional
 *   short text shown once, at the overlay's start. Overlays may overlap and nest, and several
 *   may share an id (a source quoted in several places): each span is drawn and labelled.
 *
 * Rendering of an overlay: one or more `<mark>` fragments that share its id, nested with the
 * earliest-starting (then longest) overlay outermost. Claims are
 * `<mark class="ch-mark" data-kind="claim" data-mark-id=ID data-claim-type=TYPE>`, sources
 * `<mark class="ch-source" data-kind="source" data-source-id=ID>`. The overlay's first fragment
 * also has `data-first` and, if there is a label, `data-label`; the stylesheet shows that
 * attribute with a pseudo-element. Labels never become text nodes, because the selection
 * offsets count the text nodes of a paragraph and must only ever see the canonical text.
 *
 * Events:
 * - `highlighter-selection` (bubbles, composed): detail `{start, end, exact, prefix, suffix}`
 *   for each non-empty selection inside the text.
 *
 * Server: calls `this.$server.selectionChanged(start, end, exact)` when the connector is
 * present, at most once for the same range in a row.
 */
export class ClaimHighlighter extends LitElement {
  static properties = {
    text: { type: String },
    readonly: { type: Boolean, reflect: true },
    overlays: { type: Array, attribute: false },
  };

  constructor() {
    super();
    // Set in the constructor, not as class fields: class fields would shadow the reactive
    // accessors Lit creates, and changes would no longer render.
    this.text = '';
    this.readonly = false;
    this.overlays = [];
    /** @type {import('./offsets.js').Paragraph[]} */
    this._paragraphs = [];
    /**
     * Per paragraph, the tree of text and overlay fragments to render.
     * @type {Array<Array<import('./segments.js').TextNode | import('./segments.js').OverlayNode>>}
     */
    this._trees = [];
    /** The shown overlays by the key used in the trees (see overlayKey). */
    this._overlaysByKey = new Map();
    /** "start:end" of the range last sent to the server, so an unchanged one is not resent. */
    this._lastSentKey = null;
    this._pendingDocumentMouseUp = null;

    const report = () => this._reportSelection();
    this.addEventListener('mouseup', report);
    // Covers keyboard selection (shift + arrows) once the key is released.
    this.addEventListener('keyup', report);
    // Touch browsers update the selection after touchend has been dispatched.
    this.addEventListener('touchend', () => setTimeout(report, 0));
    this.addEventListener('mousedown', (event) => this._watchDragRelease(event));
  }

  /** Light DOM, so that native text selection spans the text as it would on any page. */
  createRenderRoot() {
    return this;
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this._stopWatchingDragRelease();
  }

  willUpdate(changed) {
    if (changed.has('text')) {
      this._paragraphs = splitParagraphs(this.text ?? '');
      // Offsets into a different text mean something else; let the same range be sent again.
      this._lastSentKey = null;
    }
    if (changed.has('text') || changed.has('overlays')) {
      this._layOutOverlays();
    }
  }

  /**
   * Works out once per change, not on every render, which text each paragraph shows inside
   * which overlay fragments.
   */
  _layOutOverlays() {
    this._overlaysByKey = new Map();
    const keyed = [];
    for (const overlay of Array.isArray(this.overlays) ? this.overlays : []) {
      if (!isUsableOverlay(overlay) || (overlay.kind !== 'claim' && overlay.kind !== 'source')) {
        continue;
      }
      const key = overlayKey(overlay);
      if (this._overlaysByKey.has(key)) {
        continue; // The same span twice would only draw a second, identical mark.
      }
      this._overlaysByKey.set(key, overlay);
      keyed.push({ id: key, start: overlay.start, end: overlay.end });
    }
    this._trees = segmentParagraphs(this._paragraphs, keyed).map(nestSegments);
  }

  render() {
    return html`<div class="ch-text" tabindex="0" aria-label="Article text">${this._paragraphs.map((para) => this._renderParagraph(para))}</div>`;
  }

  _renderParagraph(para) {
    // Each template stays on one line: whitespace inside <p> (or inside a <mark>) would add
    // text nodes that are not part of the canonical text and would shift every offset
    // computed from the DOM.
    const content = this._renderNodes(this._trees[para.index] ?? [{ text: para.text }]);
    if (para.index === 0) {
      return html`<p class="ch-paragraph ch-headline" role="heading" aria-level="2" data-start=${para.start} data-index=${para.index}>${content}</p>`;
    }
    return html`<p class="ch-paragraph" data-start=${para.start} data-index=${para.index}>${content}</p>`;
  }

  /** Plain text becomes one whole text node; an overlay fragment a <mark> around its children. */
  _renderNodes(nodes) {
    return nodes.map((node) => (node.children ? this._renderFragment(node) : node.text));
  }

  _renderFragment(node) {
    const overlay = this._overlaysByKey.get(node.id);
    const children = this._renderNodes(node.children);
    // Lit sets attribute values as data, never as markup, so a label or id cannot inject HTML.
    const label = node.first && nonEmpty(overlay.label) ? String(overlay.label) : nothing;
    if (overlay.kind === 'source') {
      return html`<mark class="ch-source" data-kind="source" data-source-id=${overlay.id} ?data-first=${node.first} data-label=${label}>${children}</mark>`;
    }
    const type = nonEmpty(overlay.type) ? String(overlay.type) : nothing;
    return html`<mark class="ch-mark" data-kind="claim" data-mark-id=${overlay.id} data-claim-type=${type} ?data-first=${node.first} data-label=${label}>${children}</mark>`;
  }

  /**
   * A drag that starts in the text often ends outside it, where this element gets no
   * mouseup; listen once on the document for that release.
   */
  _watchDragRelease(event) {
    if (event.button !== 0) {
      return;
    }
    this._stopWatchingDragRelease();
    const onRelease = (releaseEvent) => {
      this._pendingDocumentMouseUp = null;
      // A release inside this element has already been handled by its own listener.
      if (!releaseEvent.composedPath().includes(this)) {
        this._reportSelection();
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

  _currentSelection() {
    // Inside a shadow root the document's selection is retargeted to the shadow host;
    // where the browser offers the shadow root's own selection, that one has real nodes.
    const root = this.getRootNode();
    if (root !== document && typeof root.getSelection === 'function') {
      return root.getSelection();
    }
    return window.getSelection();
  }

  _reportSelection() {
    if (this.readonly || !this.text) {
      return;
    }
    const selection = this._currentSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
      return;
    }
    // The range, unlike anchor/focus, is already in document order; toCanonicalRange
    // normalises anyway. Extra ranges (Firefox's ctrl-selection) are ignored.
    const range = selection.getRangeAt(0);
    const from = this._toParagraphPoint(range.startContainer, range.startOffset);
    const to = this._toParagraphPoint(range.endContainer, range.endOffset);
    if (!from || !to) {
      return;
    }
    const raw = toCanonicalRange(from.para, from.local, to.para, to.local);
    const { start, end } = trimRange(this.text, raw.start, raw.end);
    if (end <= start) {
      return;
    }
    const detail = quote(this.text, start, end);
    this.dispatchEvent(new CustomEvent('highlighter-selection', { detail, bubbles: true, composed: true }));
    this._sendToServer(detail);
  }

  _sendToServer({ start, end, exact }) {
    const server = this.$server;
    if (!server || typeof server.selectionChanged !== 'function') {
      return;
    }
    const key = `${start}:${end}`;
    if (key === this._lastSentKey) {
      return;
    }
    this._lastSentKey = key;
    // The promise wrapper also catches a synchronous throw; after a failure the same range
    // may be sent again, otherwise the server would never learn of it.
    new Promise((resolve) => resolve(server.selectionChanged(start, end, exact))).catch(() => {
      if (this._lastSentKey === key) {
        this._lastSentKey = null;
      }
    });
  }

  /**
   * Maps a DOM boundary point to `{para, local}`: the paragraph model and the character
   * offset within it. Returns null when the point lies outside this element's text.
   */
  _toParagraphPoint(container, offset) {
    const textRoot = this.querySelector(':scope > .ch-text');
    if (!textRoot) {
      return null;
    }
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
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    const paraElement = element.closest('[data-start]');
    if (paraElement && paraElement !== textRoot && textRoot.contains(paraElement)) {
      const para = this._paragraphFor(paraElement);
      return para ? { para, local: this._localOffsetIn(paraElement, node, nodeOffset) } : null;
    }
    return this._pointBetweenParagraphs(textRoot, node, nodeOffset);
  }

  /** The paragraph model an element was rendered from, or null if the DOM is stale. */
  _paragraphFor(paraElement) {
    const para = this._paragraphs[Number(paraElement.dataset.index)];
    return para && para.start === Number(paraElement.dataset.start) ? para : null;
  }

  /** Character offset of a boundary point within a paragraph element, counting Text nodes only. */
  _localOffsetIn(paraElement, node, offset) {
    const lengths = [];
    let nodeIndex = -1;
    let textNodesBefore = 0;
    // An element boundary counts child nodes, not characters: it lies between text nodes,
    // so its character offset is the total length of the text nodes before it.
    const probe = node.nodeType === Node.TEXT_NODE ? null : collapsedRangeAt(node, offset);
    const walker = document.createTreeWalker(paraElement, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
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
   */
  _pointBetweenParagraphs(textRoot, node, offset) {
    const probe = collapsedRangeAt(node, offset);
    let preceding = null;
    for (const paraElement of textRoot.querySelectorAll('[data-start]')) {
      if (probe.comparePoint(paraElement, 0) >= 0) {
        break;
      }
      preceding = paraElement;
    }
    if (preceding) {
      const para = this._paragraphFor(preceding);
      return para ? { para, local: para.text.length } : null;
    }
    const first = textRoot.querySelector('[data-start]');
    const para = first && this._paragraphFor(first);
    return para ? { para, local: 0 } : null;
  }
}

/**
 * The id segments.js knows an overlay by, which must be unique there. The overlay's own id is
 * not: a claim and a source come from different tables and may share one, and a source quoted
 * in several places arrives as several spans with the source's id. Each span is drawn, with
 * its own label on its own first fragment; only an exact repeat (same kind, id and range) is
 * dropped. Kind and id come first so that spans with the same range nest in a stable order.
 */
function overlayKey(overlay) {
  return `${overlay.kind}:${overlay.id}:${overlay.start}:${overlay.end}`;
}

function nonEmpty(value) {
  return value != null && String(value) !== '';
}

function collapsedRangeAt(node, offset) {
  const range = document.createRange();
  range.setStart(node, offset);
  return range;
}

if (!customElements.get(TAG)) {
  customElements.define(TAG, ClaimHighlighter);
}
