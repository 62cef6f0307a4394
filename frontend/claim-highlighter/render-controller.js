// @ts-check
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { splitParagraphs } from './offsets.js';
import { nestSegments, segmentParagraphs } from './segments.js';
import { fragmentAttributes, overlayKey, shownOverlays } from './overlays.js';

/** How many announcements stay in the live region (older ones have been read already). */
const KEPT_ANNOUNCEMENTS = 3;

let instances = 0;

/**
 * @typedef {import('lit').ReactiveController} ReactiveController
 * @typedef {import('./claim-highlighter.js').ClaimHighlighter} ClaimHighlighter
 * @typedef {import('./offsets.js').Paragraph} Paragraph
 * @typedef {import('./segments.js').TextNode} TextNode
 * @typedef {import('./segments.js').OverlayNode} OverlayNode
 *
 * An overlay as drawn: the server's (`overlays` property) or one a mode adds; `own` marks the
 * student's own marks, `selected` the one selected.
 * @typedef {{id: string | number, start: number, end: number, kind?: string, type?: unknown,
 *   label?: unknown, status?: unknown, own?: boolean, selected?: boolean, current?: boolean, sourceId?: string,
 *   lane?: number}} DrawnOverlay
 */

/**
 * Renders the text and what is drawn over it, the toolbar and the live regions, in the light
 * DOM (so native text selection spans the text as on any page).
 *
 * Every paragraph carries the offset of its first character (`data-start`) and its index; the
 * overlays (the server's and every mode's) become nested `<mark>` fragments (segments.js,
 * overlays.js), worked out once per change rather than on every render. Screen readers hear
 * changes through two polite live regions: one for messages ("Saved", "Marked as hedged"), one
 * for where the caret is.
 *
 * @implements {ReactiveController}
 */
export class RenderController {
  /** @param {ClaimHighlighter} host */
  constructor(host) {
    this.host = host;
    const id = ++instances;
    /** A prefix for the ids of this element's parts (lists, toggles), unique on the page. */
    this.idPrefix = `ch-${id}`;
    this._textId = `ch-text-${id}`;
    this._helpId = `ch-help-${id}`;
    /** What to scroll to and focus after the next render (see reveal). @type {{selector: string, focusText: boolean} | null} */
    this._reveal = null;

    /** @type {Paragraph[]} */
    this.paragraphs = [];
    /** Per paragraph, the tree of text and overlay fragments to render. @type {Array<Array<TextNode | OverlayNode>>} */
    this._trees = [];
    /** The drawn overlays by the key used in the trees (see overlayKey). @type {Map<string, DrawnOverlay>} */
    this._overlaysByKey = new Map();
    this._dirty = true;

    /** @type {Array<{id: number, text: string}>} */
    this._announcements = [];
    this._announceCount = 0;
    this._caretLive = '';

    host.addController(this);
  }

  hostConnected() {}

  /** After a render: scrolls to and focuses what reveal() asked for. */
  hostUpdated() {
    const reveal = this._reveal;
    this._reveal = null;
    if (!reveal) {
      return;
    }
    const target = /** @type {HTMLElement | null} */ (this.host.querySelector(`:scope > .ch-text ${reveal.selector}`));
    if (!target) {
      return;
    }
    // Centred, clear of the sticky palette; then focus without a second jump.
    target.scrollIntoView?.({ block: 'center', inline: 'nearest' });
    if (reveal.focusText) {
      this.textRoot()?.focus({ preventScroll: true });
    } else {
      target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: true });
    }
  }

  /**
   * After the next render, scrolls the text to the fragment `selector` finds in it and focuses
   * it: the text itself when the keys act there (the caret is then on the fragment), else the
   * fragment (read-only pages).
   *
   * @param {string} selector
   * @param {boolean} focusText
   */
  reveal(selector, focusText) {
    this._reveal = { selector, focusText };
    this.host.requestUpdate();
  }

  /** Lays the overlays out again before the next render (after willUpdate, before render). */
  hostUpdate() {
    if (this._dirty) {
      this._dirty = false;
      this._layOut();
    }
  }

  /** @param {string} text */
  setText(text) {
    this.paragraphs = splitParagraphs(text);
    this._dirty = true;
  }

  /** Something drawn over the text changed. */
  invalidate() {
    this._dirty = true;
  }

  /** The text container, once rendered. @returns {HTMLElement | null} */
  textRoot() {
    return this.host.querySelector(':scope > .ch-text');
  }

  // --- announcements -------------------------------------------------------------------

  /**
   * Adds a message to the polite live region; each is a new node, so repeats are read too.
   *
   * @param {string | null | undefined} text
   */
  announce(text) {
    if (!text) {
      return;
    }
    this._announcements = [...this._announcements, { id: ++this._announceCount, text }].slice(-KEPT_ANNOUNCEMENTS);
    this.host.requestUpdate();
  }

  /**
   * Replaces what the caret region says (only the latest position matters).
   *
   * @param {string} text
   */
  announceCaret(text) {
    this._caretLive = text.length > 160 ? `${text.slice(0, 157)}…` : text;
    this.host.requestUpdate();
  }

  // --- layout --------------------------------------------------------------------------

  /** Works out which text each paragraph shows inside which overlay fragments. */
  _layOut() {
    const host = this.host;
    this._overlaysByKey = new Map();
    /** @type {import('./segments.js').Overlay[]} */
    const keyed = [];
    /** @param {DrawnOverlay} overlay */
    const add = (overlay) => {
      const key = overlayKey(overlay);
      if (this._overlaysByKey.has(key)) {
        return; // The same span twice would only draw a second, identical mark.
      }
      this._overlaysByKey.set(key, overlay);
      keyed.push({ id: key, start: overlay.start, end: overlay.end });
    };
    // The student's own marks come from the marking mode; a copy in the overlays would be
    // stale, but the feedback status the server gave it is not (see shownOverlays).
    const { shown, ownStatus } = shownOverlays(host.overlayView.visible(host.overlays), host.marking.displayById);
    const current = host.overlayView.currentKey;
    shown.forEach((overlay) => add(current != null && overlayKey(overlay) === current ? { ...overlay, current: true } : overlay));
    for (const mode of host.modes) {
      mode.overlays(ownStatus).forEach(add);
    }
    this._trees = segmentParagraphs(this.paragraphs, keyed).map(nestSegments);
  }

  // --- rendering -----------------------------------------------------------------------

  render() {
    const host = this.host;
    const mode = host.activeMode;
    // A mode's panel goes before the text when it is the text's companion on a phone (the list of
    // marks, under the palette), after it when it is a work area of its own (the sources mode's).
    const panel = mode.renderPanel();
    const before = mode.panelFirst === true ? panel : nothing;
    const after = mode.panelFirst === true ? nothing : panel;
    // role="article": the text is named ("Article text"), and a name needs a role to be read.
    if (!host.markable) {
      // Not markable: the overlay's filters and list, the text, and the active mode's panel. Where
      // selections are reported (not read-only), the caret keys select too (keyboard-controller.js).
      const selecting = !host.readonly && host.text !== '';
      const help = selecting ? host.label('readerHelp') : null;
      return html`${host.overlayView.render()}${before}<div class="ch-text" role="article" tabindex="0" aria-label=${host.label('text')} aria-describedby=${selecting ? this._helpId : nothing}>${this.paragraphs.map((para) => this._renderParagraph(para))}</div>${after}${help ? this._renderKeyHelp(help) : nothing}${this._renderLiveRegions(help)}`;
    }
    const editable = !host.readonly;
    const help = editable ? mode.helpText() : null;
    return html`${this._renderToolbar(editable)}${before}<div class="ch-text" role="article" id=${this._textId} tabindex="0" aria-label=${host.label('text')} aria-describedby=${editable ? this._helpId : nothing} aria-keyshortcuts=${editable ? mode.keyShortcuts() : nothing}>${this.paragraphs.map((para) => this._renderParagraph(para))}</div>${after}${host.handles.render()}${help ? this._renderKeyHelp(help) : nothing}${this._renderLiveRegions(help)}`;
  }

  /**
   * The keys, on screen: a closed disclosure under the text (the same words the text's
   * description gives a screen reader). Hidden on touch screens, which have no such keys.
   *
   * @param {string} help
   */
  _renderKeyHelp(help) {
    return html`<details class="ch-key-help" data-testid="key-help"><summary>${this.host.label('keysTitle')}</summary><p class="ch-key-help-text">${help}</p></details>`;
  }

  /** @param {boolean} editable */
  _renderToolbar(editable) {
    const host = this.host;
    const mode = host.activeMode;
    const state = host.saveQueue.state;
    const error = host.saveQueue.error;
    const hint = mode.hint();
    const tools = editable ? mode.renderTools() : [];
    return html`<div class="ch-toolbar" role="toolbar" aria-label=${mode.toolbarLabel()} aria-controls=${this._textId} @keydown=${(/** @type {KeyboardEvent} */ e) => host.keyboard.onToolbarKeyDown(e)}>
      ${tools}
      <span class="ch-status"><span class="ch-save-status" data-testid="save-status" data-state=${state}>${host.label(state)}</span>${error ? html`<span class="ch-save-message" data-testid="save-message" role="alert">${error}</span>` : nothing}${hint ? html`<span class="ch-hint" data-testid="palette-hint">${hint}</span>` : nothing}</span>
    </div>`;
  }

  /** @param {string | null} help the keys' help, for a text the keys act on */
  _renderLiveRegions(help) {
    return html`${help ? html`<div class="ch-visually-hidden" id=${this._helpId}>${help}</div>` : nothing}<div class="ch-visually-hidden ch-live" data-testid="announcer" aria-live="polite">${repeat(this._announcements, (a) => a.id, (a) => html`<div>${a.text}</div>`)}</div><div class="ch-visually-hidden ch-live-caret" aria-live="polite" aria-atomic="true">${this._caretLive}</div>`;
  }

  /** @param {Paragraph} para */
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

  /**
   * Plain text becomes one whole text node; an overlay fragment a <mark> around its children.
   *
   * @param {Array<TextNode | OverlayNode>} nodes
   * @returns {unknown[]}
   */
  _renderNodes(nodes) {
    return nodes.map((node) => ('children' in node ? this._renderFragment(node) : node.text));
  }

  /**
   * One <mark> fragment. What it is (class, data attributes) is decided by fragmentAttributes()
   * in overlays.js, where it can be tested without a DOM; this only binds the result.
   *
   * @param {OverlayNode} node
   */
  _renderFragment(node) {
    const overlay = this._overlaysByKey.get(String(node.id));
    const children = this._renderNodes(node.children);
    const attributes = overlay ? fragmentAttributes(overlay, { first: node.first, selected: overlay.selected === true }) : null;
    if (!attributes) {
      return children;
    }
    // Lit binds attributes by name, so this one template names every attribute in
    // FRAGMENT_ATTRIBUTES; one that is absent is bound to `nothing`, which removes it. Lit sets
    // the values as data, never as markup, so a label or id cannot inject HTML.
    /** @param {string} name */
    const a = (name) => attributes[name] ?? nothing;
    return html`<mark class=${a('class')} data-kind=${a('data-kind')} data-own=${a('data-own')} data-mark-id=${a('data-mark-id')} data-source-id=${a('data-source-id')} data-cue-id=${a('data-cue-id')} data-mention-id=${a('data-mention-id')} data-claim-ref=${a('data-claim-ref')} data-claim-type=${a('data-claim-type')} data-status=${a('data-status')} data-selected=${a('data-selected')} data-lane=${a('data-lane')} data-current=${a('data-current')} data-first=${a('data-first')} data-label=${a('data-label')} title=${a('title')}>${children}</mark>`;
  }
}
