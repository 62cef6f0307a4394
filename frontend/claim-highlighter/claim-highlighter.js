import { LitElement, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { localOffset, quote, splitParagraphs, toCanonicalRange, trimRange } from './offsets.js';
import { nestSegments, segmentParagraphs } from './segments.js';
import { fragmentAttributes, overlayKey, shownOverlays } from './overlays.js';
import {
  adjacentMark,
  extendToSentences,
  moveBySentence,
  nextWord,
  prevWord,
  rangeOfWords,
  sentenceGroups,
  snapToWords,
  toSpans,
  tokenizeWords,
  wordAtOrAfter,
  wordAtOrBefore,
} from './snapping.js';
import {
  acknowledge,
  applyOutbox,
  createOutboxStore,
  pendingEntries,
  pruneOutbox,
  putEntry,
  nextDelay,
  stateForServer,
} from './outbox.js';

const TAG = 'claim-highlighter';

/** The claim types, in palette order; keys 1–6 apply them. */
export const CLAIM_TYPES = Object.freeze(['factual', 'attributed', 'hedged', 'speculation', 'opinion', 'unsupported']);

/**
 * Every visible (or announced) text, in English. The server passes translations in `labels`;
 * a missing key falls back to these. `{type}`, `{text}` are replaced where shown.
 */
export const DEFAULT_LABELS = Object.freeze({
  text: 'Article text',
  palette: 'Claim types',
  saved: 'Saved',
  saving: 'Saving…',
  retrying: 'Not saved – retrying',
  error: 'Not saved',
  markedAs: 'Marked as {type}',
  deleted: 'Mark deleted',
  deleteMark: 'Delete mark',
  extendSentence: 'Whole sentence',
  selectFirst: 'Select some text first',
  selectedMark: 'Selected: {type}, “{text}”',
  help:
    'Arrow keys move by word, Ctrl+arrows or up and down by sentence; add Shift to extend. ' +
    'Keys 1 to 6 mark the words as a claim type, Enter goes to the claim types, S extends to the whole sentence, ' +
    'N and P select the next and previous mark, Delete removes the selected mark, Escape clears the selection.',
  factual: 'factual',
  attributed: 'attributed',
  hedged: 'hedged',
  speculation: 'speculation',
  opinion: 'opinion',
  unsupported: 'unsupported',
});

/** An unanswered save or refresh counts as failed after this long. */
const REQUEST_TIMEOUT_MS = 10000;
/** How many announcements stay in the live region (older ones have been read already). */
const KEPT_ANNOUNCEMENTS = 3;
/** Compatibility mouse events follow a touch within this time. */
const TOUCH_MOUSE_MS = 1000;

let instances = 0;

/**
 * Shows an article's canonical text; reports selections; and, when `markable`, is the
 * student's marking tool with an autosave that loses nothing.
 *
 * The server owns the text and receives ranges as offsets into it, so every rendered
 * paragraph carries the offset of its first character (`data-start`); a selection is mapped
 * back to those offsets with the pure helpers in offsets.js. Word snapping and keyboard
 * navigation are in snapping.js, the outbox in outbox.js; this class only wires them to the
 * DOM and the server.
 *
 * Properties (set by the server as JS properties):
 * - `text` (String): the canonical article text, paragraphs separated by one blank line,
 *   paragraph 0 being the headline.
 * - `readonly` (Boolean, reflected): nothing may be changed: no selections are reported and no
 *   marking UI is offered (saved marks are still shown).
 * - `overlays` (Array): passages drawn over the text, e.g. the teacher's answer key, or a
 *   student's feedback. Each is `{id, start, end, kind, type, label, status}` in canonical
 *   offsets; `kind` is "claim", "source" or "cue" (others are not shown, see overlays.js),
 *   `type` the claim type and `label` an optional short text shown once, at the overlay's
 *   start. A cue is a cue word ("Reportedly", "If true") that signals a hedge or speculation,
 *   usually inside a claim. `status` (optional, claims only) is the feedback on a claim:
 *   "found", "mislabelled", "missed" or "extra". Overlays may overlap and nest, and several may
 *   share an id.
 * - `markable` (Boolean, reflected, default false): the marking UI. Off, the element behaves
 *   exactly as a plain reader/selection reporter.
 * - `words`, `sentences` (Array of numbers): flat pairs `[s0, e0, s1, e1, …]` of the word and
 *   sentence spans the server computed. Without words, runs of letters/digits are used; without
 *   sentences, paragraphs.
 * - `marks` (Array): the marks saved on the server, `{markId, seq, start, end, exact, type}`.
 *   They are drawn whether or not `markable` is set (after submitting they stay visible); a
 *   claim overlay with the same id as a mark is not drawn twice, but its `status` goes to the
 *   mark.
 * - `outboxKey` (String): localStorage key of this user's and submission's outbox.
 * - `labels` (Object): translations, see DEFAULT_LABELS; type names by type code (flat, or
 *   under `types`).
 *
 * Rendering of an overlay or mark: one or more `<mark>` fragments that share its id, nested
 * with the earliest-starting (then longest) overlay outermost; a cue with the same range as a
 * claim is inside it. Claims are
 * `<mark class="ch-mark" data-kind="claim" data-mark-id=ID data-claim-type=TYPE>`, with
 * `data-status=STATUS` when the status is non-empty; the student's own marks also carry
 * `data-own` and, when selected, `data-selected`. Sources are
 * `<mark class="ch-source" data-kind="source" data-source-id=ID>`, cues
 * `<mark class="ch-cue" data-kind="cue" data-cue-id=ID>`. The first fragment has `data-first`
 * and `data-label`, shown by the stylesheet with a pseudo-element. Labels never
 * become text nodes, because the selection offsets count the text nodes of a paragraph and
 * must only ever see the canonical text. The pending selection is `<mark class="ch-pending">`,
 * the keyboard caret word `<mark class="ch-caret">`.
 *
 * Server (`this.$server`, Vaadin @ClientCallable, each returns a Promise):
 * - `selectionChanged(start, end, exact)` for each selection when not markable, at most once
 *   for the same range in a row.
 * - `saveMark(state)` with the mark's full state `{markId, seq, start, end, exact, prefix,
 *   suffix, type, deleted}`, resolving to `{markId, seq, status, message}`, status "saved",
 *   "stale" or "rejected".
 * - `refreshMarks()` resolving to the current list of saved marks.
 *
 * Public methods: `clearOutbox()` (after submit and logout); `hasPendingChanges()`;
 * static `ClaimHighlighter.clearAllOutboxes(prefix)`.
 *
 * Marking with the mouse or touch: a selection is snapped outwards to whole words and becomes
 * the pending range; a palette button makes it a mark (shown at once, stored in the outbox,
 * then saved). A click on one of the student's marks selects it; a type button then retypes it
 * and Delete (or the delete button) deletes it. Touch keeps the browser's own selection (so
 * its handles stay usable) and snaps it when the finger lifts.
 *
 * Keyboard (the text is one tab stop, the palette another; Tab is never taken):
 * - ← / →: previous / next word; Ctrl (or Cmd) + ← / →, ↑ / ↓: previous / next sentence;
 *   Home / End: first / last word. With Shift, the range grows from where it started.
 *   The first key after focusing the text only shows the caret word.
 * - 1–6: mark the range (or the caret word) as factual, attributed, hedged, speculation,
 *   opinion, unsupported; with a mark selected, retype it.
 * - Enter: go to the palette, on the selected mark's type or the last type used (arrows move,
 *   Enter/Space apply and return to the text, Escape returns without applying).
 * - S: extend the range to whole sentence(s). N / P: select the next / previous mark.
 * - Delete / Backspace: delete the selected mark. Escape: clear the range and the selection.
 *
 * Autosave: every change is written to the outbox in localStorage (`outboxKey`, see outbox.js)
 * before it is sent. One request per mark is in flight; a newer change waits for it and is
 * sent next. No answer within 10 s or a failure means a retry after 1 s, 2 s, 4 s … 30 s (or at
 * once when the browser comes back online). On focus or when the tab becomes visible again the
 * list is fetched again and the still unsent changes are shown on top of it.
 *
 * Events (bubble, composed):
 * - `highlighter-selection`: detail `{start, end, exact, prefix, suffix}` for each selection.
 * - `save-state-changed`: detail `{state}` ("saved", "saving", "retrying", "error").
 */
export class ClaimHighlighter extends LitElement {
  static properties = {
    text: { type: String },
    readonly: { type: Boolean, reflect: true },
    overlays: { type: Array, attribute: false },
    markable: { type: Boolean, reflect: true },
    words: { type: Array, attribute: false },
    sentences: { type: Array, attribute: false },
    marks: { type: Array, attribute: false },
    outboxKey: { type: String, attribute: 'outbox-key' },
    labels: { type: Object, attribute: false },
  };

  /**
   * Removes every outbox whose key starts with `prefix` (e.g. "lateral-outbox:<account>:"),
   * for a logout on a shared computer. Unsent changes in them are lost.
   *
   * @param {string} prefix
   * @returns {number} how many outboxes were removed
   */
  static clearAllOutboxes(prefix) {
    const storage = safeLocalStorage();
    if (!storage || typeof prefix !== 'string' || prefix === '') {
      return 0;
    }
    const keys = [];
    try {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key && key.startsWith(prefix)) {
          keys.push(key);
        }
      }
      keys.forEach((key) => storage.removeItem(key));
    } catch {
      return 0;
    }
    for (const element of document.querySelectorAll(TAG)) {
      if (element instanceof ClaimHighlighter && element._storeKey && element._storeKey.startsWith(prefix)) {
        element.clearOutbox();
      }
    }
    return keys.length;
  }

  constructor() {
    super();
    // Set in the constructor, not as class fields: class fields would shadow the reactive
    // accessors Lit creates, and changes would no longer render.
    this.text = '';
    this.readonly = false;
    this.overlays = [];
    this.markable = false;
    this.words = [];
    this.sentences = [];
    this.marks = [];
    this.outboxKey = '';
    this.labels = {};

    const id = ++instances;
    this._textId = `ch-text-${id}`;
    this._helpId = `ch-help-${id}`;

    /** @type {import('./offsets.js').Paragraph[]} */
    this._paragraphs = [];
    /**
     * Per paragraph, the tree of text and overlay fragments to render.
     * @type {Array<Array<import('./segments.js').TextNode | import('./segments.js').OverlayNode>>}
     */
    this._trees = [];
    /** The shown overlays by the key used in the trees (see overlayKey). */
    this._overlaysByKey = new Map();
    this._overlaysDirty = true;
    /** "start:end" of the range last sent to the server, so an unchanged one is not resent. */
    this._lastSentKey = null;
    this._pendingDocumentMouseUp = null;

    // Marking: boundaries.
    /** @type {import('./snapping.js').Span[]} */
    this._wordSpans = [];
    this._sentenceSpans = [];
    this._groups = [];

    // Marking: marks. _base is what the server has (as far as known), _display what is shown.
    this._base = [];
    this._display = [];
    this._displayById = new Map();

    // Marking: the student's current selection.
    /** Pending range {start, end} (mouse, touch, Shift+arrows, whole sentence), or null. */
    this._range = null;
    /** The pending range is shown by the browser's own selection (touch), not by an overlay. */
    this._nativePending = false;
    this._anchor = -1;
    this._focus = -1;
    this._caretShown = false;
    this._scrollToCaret = false;
    this._selectedMarkId = null;
    this._lastType = null;
    this._hint = null;
    this._toolIndex = 0;

    // Input tracking.
    this._pointerType = 'mouse';
    /** True from a press in the text until the end of that task: the focus it causes is not the keyboard's. */
    this._pointerFocus = false;
    this._lastTouchAt = -Infinity;
    this._pressInText = false;
    this._selectionTimer = null;

    // Saving.
    this._store = null;
    this._storeKey = null;
    /** Increased when the outbox is cleared or replaced; answers to older requests are ignored. */
    this._generation = 0;
    /** markId -> seq of the request in flight (one per mark). */
    this._inflight = new Map();
    /** markId -> {attempt, timer}: failures so far, and the timer of the next retry. */
    this._retries = new Map();
    /** Marks this tab has to send (own changes and the outbox found at start). */
    this._queued = new Set();
    this._error = null;
    this._saveState = 'saved';
    this._stateAnnounced = false;
    this._flushTimer = null;
    this._refreshing = false;
    this._refreshAgain = false;
    this._refreshTimer = null;
    /** Maps that collect the saves acknowledged while a refresh is under way. */
    this._ackWatchers = new Set();

    // Announcements for screen readers.
    this._announcements = [];
    this._announceCount = 0;
    this._caretLive = '';

    const report = () => this._reportSelection();
    this.addEventListener('mouseup', (event) => {
      if (this.markable) {
        this._onPointerRelease(event);
      } else {
        report();
      }
    });
    // Covers keyboard selection (shift + arrows) once the key is released.
    this.addEventListener('keyup', () => {
      if (!this.markable) {
        report();
      }
    });
    this.addEventListener('touchstart', (event) => this._onTouchStart(event), { passive: true });
    // Touch browsers update the selection after touchend has been dispatched.
    this.addEventListener('touchend', () =>
      setTimeout(() => (this.markable ? this._onTouchSelection(true) : report()), 0),
    );
    this.addEventListener('mousedown', (event) => this._onMouseDown(event));
    this.addEventListener('keydown', (event) => this._onKeyDown(event));
    this.addEventListener('focusin', (event) => this._onFocusIn(event));
    this.addEventListener('focusout', (event) => this._onFocusOut(event));

    this._onWindowFocus = () => this._refreshSoon();
    this._onVisibility = () => {
      if (document.visibilityState === 'visible') {
        this._refreshSoon();
      }
    };
    this._onOnline = () => this._retryNow();
    this._onSelectionChange = () => this._onDocumentSelectionChange();
  }

  /** Light DOM, so that native text selection spans the text as it would on any page. */
  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener('focus', this._onWindowFocus);
    window.addEventListener('online', this._onOnline);
    document.addEventListener('visibilitychange', this._onVisibility);
    document.addEventListener('selectionchange', this._onSelectionChange);
    if (this._store) {
      this._scheduleFlushAll();
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this._stopWatchingDragRelease();
    window.removeEventListener('focus', this._onWindowFocus);
    window.removeEventListener('online', this._onOnline);
    document.removeEventListener('visibilitychange', this._onVisibility);
    document.removeEventListener('selectionchange', this._onSelectionChange);
    // The outbox stays in storage; a later connection (or page) sends it.
    for (const retry of this._retries.values()) {
      clearTimeout(retry.timer);
      retry.timer = null;
    }
    clearTimeout(this._flushTimer);
    clearTimeout(this._refreshTimer);
    clearTimeout(this._selectionTimer);
    this._flushTimer = null;
    this._refreshTimer = null;
  }

  willUpdate(changed) {
    if (changed.has('text')) {
      this._paragraphs = splitParagraphs(this.text ?? '');
      // Offsets into a different text mean something else; let the same range be sent again.
      this._lastSentKey = null;
      this._range = null;
      this._nativePending = false;
      this._anchor = -1;
      this._focus = -1;
      this._overlaysDirty = true;
    }
    if (changed.has('text') || changed.has('words') || changed.has('sentences')) {
      this._computeBoundaries();
    }
    if (changed.has('marks')) {
      this._base = Array.isArray(this.marks) ? [...this.marks] : [];
      if (this._store) {
        this._store.update((outbox) => pruneOutbox(outbox, this._base));
      }
      this._recomputeDisplay();
    }
    if ((changed.has('markable') || changed.has('outboxKey')) && this.markable) {
      this._openOutbox();
    }
    if (changed.has('overlays') || changed.has('labels') || changed.has('markable') || changed.has('readonly')) {
      this._overlaysDirty = true;
    }
    if (this._overlaysDirty) {
      this._overlaysDirty = false;
      this._layOutOverlays();
    }
  }

  updated() {
    if (this._scrollToCaret) {
      this._scrollToCaret = false;
      const caret = this.querySelector(':scope > .ch-text mark.ch-caret');
      if (caret && typeof caret.scrollIntoView === 'function') {
        caret.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      }
    }
  }

  // --- public API ----------------------------------------------------------------------

  /**
   * Forgets every unsent change of this outbox (the server calls it after submit and logout)
   * and stops retrying. Requests already in flight may still be committed by the server.
   */
  clearOutbox() {
    this._generation++;
    for (const retry of this._retries.values()) {
      clearTimeout(retry.timer);
    }
    this._retries.clear();
    this._inflight.clear();
    this._queued.clear();
    clearTimeout(this._flushTimer);
    this._flushTimer = null;
    this._store?.clear();
    this._error = null;
    this._recomputeDisplay();
    this._updateSaveState();
  }

  /** Whether some change has not been committed yet (in this tab's outbox). */
  hasPendingChanges() {
    if (this._queued.size > 0 || this._inflight.size > 0) {
      return true;
    }
    return this._store ? pendingEntries(this._store.load()).length > 0 : false;
  }

  /** The current save state: "saved", "saving", "retrying" or "error". */
  get saveState() {
    return this._saveState;
  }

  // --- derived state -------------------------------------------------------------------

  _computeBoundaries() {
    const text = this.text ?? '';
    const words = toSpans(this.words).filter((w) => w.end <= text.length);
    this._wordSpans = words.length > 0 ? words : tokenizeWords(text);
    const sentences = toSpans(this.sentences).filter((s) => s.end <= text.length);
    this._sentenceSpans =
      sentences.length > 0 ? sentences : this._paragraphs.map((p) => ({ start: p.start, end: p.start + p.text.length }));
    this._groups = sentenceGroups(this._wordSpans, this._sentenceSpans);
    if (this._focus >= this._wordSpans.length) {
      this._anchor = -1;
      this._focus = -1;
    }
  }

  /** The marks to show: the server's with the unsent changes on top. */
  _recomputeDisplay() {
    const outbox = this._store ? this._store.load() : [];
    const textLength = (this.text ?? '').length;
    this._display = applyOutbox(this._base, outbox).filter((m) => m.end <= textLength || textLength === 0);
    this._displayById = new Map(this._display.map((m) => [m.markId, m]));
    if (this._selectedMarkId != null && !this._displayById.has(this._selectedMarkId)) {
      this._selectedMarkId = null;
    }
    this._invalidate();
  }

  _invalidate() {
    this._overlaysDirty = true;
    this.requestUpdate();
  }

  /**
   * Works out once per change, not on every render, which text each paragraph shows inside
   * which overlay fragments.
   */
  _layOutOverlays() {
    this._overlaysByKey = new Map();
    const keyed = [];
    const add = (overlay) => {
      const key = overlayKey(overlay);
      if (this._overlaysByKey.has(key)) {
        return; // The same span twice would only draw a second, identical mark.
      }
      this._overlaysByKey.set(key, overlay);
      keyed.push({ id: key, start: overlay.start, end: overlay.end });
    };
    // The student's own marks come from `marks`; a copy in the overlays would be stale, but
    // the feedback status the server gave it is not (see shownOverlays).
    const { shown, ownStatus } = shownOverlays(this.overlays, this._displayById);
    shown.forEach(add);
    // The student's marks are drawn whenever there are any, also after marking has ended
    // (submitted: markable off, readonly on); the tools for changing them need `markable`.
    for (const mark of this._display) {
      add({ id: mark.markId, start: mark.start, end: mark.end, kind: 'claim', type: mark.type, label: this._typeName(mark.type), status: ownStatus.get(mark.markId), own: true });
    }
    if (this.markable) {
      const pending = this._pendingOverlayRange();
      if (pending) {
        add({ id: 'pending', start: pending.start, end: pending.end, kind: 'pending' });
      }
      const caret = this._caretShown && !this.readonly ? this._wordSpans[this._focus] : null;
      if (caret) {
        add({ id: 'caret', start: caret.start, end: caret.end, kind: 'caret' });
      }
    }
    this._trees = segmentParagraphs(this._paragraphs, keyed).map(nestSegments);
  }

  /** The pending range, when it is to be drawn (not while the browser draws it itself). */
  _pendingOverlayRange() {
    if (!this._range || this._nativePending || this._selectedMarkId != null || this.readonly) {
      return null;
    }
    return this._range;
  }

  // --- rendering -----------------------------------------------------------------------

  render() {
    if (!this.markable) {
      return html`<div class="ch-text" tabindex="0" aria-label=${this._label('text')}>${this._paragraphs.map((para) => this._renderParagraph(para))}</div>`;
    }
    const editable = !this.readonly;
    return html`${this._renderToolbar(editable)}<div class="ch-text" id=${this._textId} tabindex="0" aria-label=${this._label('text')} aria-describedby=${editable ? this._helpId : nothing} aria-keyshortcuts=${editable ? '1 2 3 4 5 6 Enter n p s Delete Escape' : nothing}>${this._paragraphs.map((para) => this._renderParagraph(para))}</div>${this._renderLiveRegions()}`;
  }

  _renderToolbar(editable) {
    const selected = this._selectedMark();
    const state = this._saveState;
    const tools = editable ? this._tools() : [];
    const active = this._activeToolIndex(tools);
    return html`<div class="ch-toolbar" role="toolbar" aria-label=${this._label('palette')} aria-controls=${this._textId} @keydown=${(e) => this._onToolbarKeyDown(e)}>
      ${tools.map((tool, i) => this._renderTool(tool, i === active, selected))}
      <span class="ch-status"><span class="ch-save-status" data-testid="save-status" data-state=${state}>${this._label(state)}</span>${this._error ? html`<span class="ch-save-message" data-testid="save-message" role="alert">${this._error}</span>` : nothing}${this._hint ? html`<span class="ch-hint" data-testid="palette-hint">${this._hint}</span>` : nothing}</span>
    </div>`;
  }

  /** The toolbar buttons, in order: the six types, whole sentence, delete. */
  _tools() {
    const tools = CLAIM_TYPES.map((type, i) => ({ kind: 'type', type, key: String(i + 1), disabled: false }));
    tools.push({ kind: 'extend', disabled: false });
    tools.push({ kind: 'delete', disabled: this._selectedMark() == null });
    return tools;
  }

  /** Roving tabindex: the toolbar is one tab stop; arrows move inside it. */
  _activeToolIndex(tools) {
    if (tools.length === 0) {
      return -1;
    }
    let index = Math.min(Math.max(this._toolIndex, 0), tools.length - 1);
    if (tools[index].disabled) {
      index = tools.findIndex((t) => !t.disabled);
    }
    return index;
  }

  _renderTool(tool, active, selected) {
    const tabindex = active ? '0' : '-1';
    if (tool.kind === 'type') {
      const pressed = selected ? String(selected.type === tool.type) : 'false';
      return html`<button type="button" class="ch-tool ch-type" data-testid=${`claim-type-${tool.type}`} data-claim-type=${tool.type} aria-keyshortcuts=${tool.key} aria-pressed=${pressed} tabindex=${tabindex} @click=${(e) => this._onTypeClick(tool.type, e)}><span class="ch-swatch" data-claim-type=${tool.type} aria-hidden="true"></span><span class="ch-tool-name">${this._typeName(tool.type)}</span><kbd class="ch-key" aria-hidden="true">${tool.key}</kbd></button>`;
    }
    if (tool.kind === 'extend') {
      return html`<button type="button" class="ch-tool ch-extend" data-testid="extend-sentence" aria-keyshortcuts="s" tabindex=${tabindex} @click=${(e) => this._onExtendClick(e)}><span class="ch-tool-name">${this._label('extendSentence')}</span><kbd class="ch-key" aria-hidden="true">S</kbd></button>`;
    }
    return html`<button type="button" class="ch-tool ch-delete" data-testid="mark-delete" aria-keyshortcuts="Delete" tabindex=${tabindex} ?disabled=${tool.disabled} @click=${(e) => this._onDeleteClick(e)}><span class="ch-tool-name">${this._label('deleteMark')}</span><kbd class="ch-key" aria-hidden="true">Del</kbd></button>`;
  }

  _renderLiveRegions() {
    return html`<div class="ch-visually-hidden" id=${this._helpId}>${this._label('help')}</div><div class="ch-visually-hidden ch-live" data-testid="announcer" aria-live="polite">${repeat(this._announcements, (a) => a.id, (a) => html`<div>${a.text}</div>`)}</div><div class="ch-visually-hidden ch-live-caret" aria-live="polite" aria-atomic="true">${this._caretLive}</div>`;
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

  /**
   * One <mark> fragment. What it is (class, data attributes) is decided by fragmentAttributes()
   * in overlays.js, where it can be tested without a DOM; this only binds the result.
   */
  _renderFragment(node) {
    const overlay = this._overlaysByKey.get(node.id);
    const children = this._renderNodes(node.children);
    const selected = this.markable && overlay.own === true && overlay.id === this._selectedMarkId;
    const attributes = fragmentAttributes(overlay, { first: node.first, selected });
    if (!attributes) {
      return children;
    }
    // Lit binds attributes by name, so this one template names every attribute in
    // FRAGMENT_ATTRIBUTES; one that is absent is bound to `nothing`, which removes it. Lit sets
    // the values as data, never as markup, so a label or id cannot inject HTML.
    const a = (name) => attributes[name] ?? nothing;
    return html`<mark class=${a('class')} data-kind=${a('data-kind')} data-own=${a('data-own')} data-mark-id=${a('data-mark-id')} data-source-id=${a('data-source-id')} data-cue-id=${a('data-cue-id')} data-claim-type=${a('data-claim-type')} data-status=${a('data-status')} data-selected=${a('data-selected')} data-first=${a('data-first')} data-label=${a('data-label')} title=${a('title')}>${children}</mark>`;
  }

  // --- labels and announcements --------------------------------------------------------

  _label(key, vars) {
    const own = this.labels && typeof this.labels === 'object' ? this.labels[key] : undefined;
    let value = typeof own === 'string' ? own : (DEFAULT_LABELS[key] ?? key);
    if (vars) {
      value = value.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
    }
    return value;
  }

  _typeName(type) {
    const labels = this.labels && typeof this.labels === 'object' ? this.labels : {};
    const nested = labels.types && typeof labels.types === 'object' ? labels.types[type] : undefined;
    if (typeof nested === 'string') {
      return nested;
    }
    return typeof labels[type] === 'string' ? labels[type] : (DEFAULT_LABELS[type] ?? String(type));
  }

  /** Adds a message to the polite live region; each is a new node, so repeats are read too. */
  _announce(text) {
    if (!text) {
      return;
    }
    this._announcements = [...this._announcements, { id: ++this._announceCount, text }].slice(-KEPT_ANNOUNCEMENTS);
    this.requestUpdate();
  }

  /** Replaces what the caret region says (only the latest position matters). */
  _announceCaret(text) {
    this._caretLive = text.length > 160 ? `${text.slice(0, 157)}…` : text;
    this.requestUpdate();
  }

  // --- the outbox and saving -----------------------------------------------------------

  _openOutbox() {
    const key = typeof this.outboxKey === 'string' ? this.outboxKey : '';
    if (this._store && this._storeKey === key) {
      return;
    }
    const previous = this._store;
    const previousKey = this._storeKey;
    this._generation++;
    for (const retry of this._retries.values()) {
      clearTimeout(retry.timer);
    }
    this._retries.clear();
    this._inflight.clear();
    this._queued.clear();
    this._store = createOutboxStore(key ? safeLocalStorage() : null, key);
    this._storeKey = key;
    // Changes made before the key arrived were kept in memory only; they move to storage.
    if (previous && !previousKey) {
      for (const entry of pendingEntries(previous.load())) {
        this._store.update((outbox) => putEntry(outbox, entry, entry.at));
      }
    }
    this._store.update((outbox) => pruneOutbox(outbox, this._base));
    for (const entry of pendingEntries(this._store.load())) {
      this._queued.add(entry.markId);
    }
    this._recomputeDisplay();
    this._updateSaveState();
    this._scheduleFlushAll();
  }

  /** Sends the whole outbox soon: after the current update, once $server is surely there. */
  _scheduleFlushAll() {
    if (this._flushTimer != null) {
      return;
    }
    this._flushTimer = setTimeout(() => {
      this._flushTimer = null;
      this._flushAll();
    }, 0);
  }

  _flushAll() {
    if (!this._store) {
      return;
    }
    for (const entry of pendingEntries(this._store.load())) {
      this._queued.add(entry.markId);
      this._flush(entry.markId);
    }
    this._updateSaveState();
  }

  /** Stores a change (before anything is sent), shows it, and sends it. */
  _commit(state) {
    if (!this._store) {
      this._openOutbox();
    }
    this._store.update((outbox) => putEntry(outbox, state));
    this._queued.add(state.markId);
    this._recomputeDisplay();
    // A new change is sent at once, even while an older one waits for its retry.
    const retry = this._retries.get(state.markId);
    if (retry && retry.timer != null) {
      clearTimeout(retry.timer);
      retry.timer = null;
    }
    this._flush(state.markId);
    this._updateSaveState();
  }

  /**
   * Sends the mark's waiting state, unless a request for it is already in flight (its answer
   * sends the newer state) or its retry is not due yet.
   */
  async _flush(markId) {
    if (!this._store || this._inflight.has(markId)) {
      return;
    }
    const retry = this._retries.get(markId);
    if (retry && retry.timer != null) {
      return;
    }
    const entry = this._store.get(markId);
    if (!entry) {
      this._queued.delete(markId);
      this._retries.delete(markId);
      this._updateSaveState();
      return;
    }
    const generation = this._generation;
    const sent = stateForServer(entry);
    this._queued.add(markId);
    this._inflight.set(markId, sent.seq);
    this._updateSaveState();

    const request = callServer(this, 'saveMark', sent);
    let result;
    let failure = null;
    try {
      result = await withTimeout(request, REQUEST_TIMEOUT_MS);
    } catch (error) {
      failure = error;
    }
    if (generation !== this._generation) {
      return; // The outbox was cleared or replaced meanwhile.
    }
    this._inflight.delete(markId);
    const status = result && typeof result === 'object' ? result.status : undefined;
    if (failure || (status !== 'saved' && status !== 'stale' && status !== 'rejected')) {
      if (failure instanceof TimeoutError) {
        // A late answer still counts: it saves a request.
        request.then((late) => this._onLateAnswer(generation, sent, late)).catch(() => {});
      }
      this._scheduleRetry(markId);
      this._updateSaveState();
      return;
    }
    this._onAnswer(sent, result);
  }

  _onAnswer(sent, result) {
    const { markId } = sent;
    const seq = Math.max(Number.isInteger(result.seq) ? result.seq : sent.seq, sent.seq);
    this._store.update((outbox) => acknowledge(outbox, { markId, seq, status: result.status }));
    this._retries.delete(markId);
    if (result.status === 'rejected') {
      const message = typeof result.message === 'string' && result.message.trim() !== '' ? result.message : this._label('error');
      this._error = message;
      this._announce(message);
    } else {
      this._error = null;
      if (result.status === 'saved') {
        this._applyAck({ ...sent, seq });
      } else {
        // Another tab or an older page got there first: learn what the server has.
        this._refreshSoon();
      }
    }
    const newer = this._store.get(markId);
    if (newer) {
      this._flush(markId);
    } else {
      this._queued.delete(markId);
    }
    this._recomputeDisplay();
    this._updateSaveState();
  }

  _onLateAnswer(generation, sent, result) {
    if (generation !== this._generation || !result || (result.status !== 'saved' && result.status !== 'stale')) {
      return;
    }
    const seq = Math.max(Number.isInteger(result.seq) ? result.seq : sent.seq, sent.seq);
    this._store.update((outbox) => acknowledge(outbox, { markId: sent.markId, seq, status: result.status }));
    if (result.status === 'saved') {
      this._applyAck({ ...sent, seq });
    }
    if (!this._store.get(sent.markId) && !this._inflight.has(sent.markId)) {
      const retry = this._retries.get(sent.markId);
      clearTimeout(retry?.timer);
      this._retries.delete(sent.markId);
      this._queued.delete(sent.markId);
    }
    this._recomputeDisplay();
    this._updateSaveState();
  }

  /** A committed state becomes part of what the server is known to have. */
  _applyAck(state) {
    this._base = applyOutbox(this._base, [state]);
    for (const watcher of this._ackWatchers) {
      watcher.set(state.markId, state);
    }
  }

  _scheduleRetry(markId) {
    const retry = this._retries.get(markId) ?? { attempt: 0, timer: null };
    clearTimeout(retry.timer);
    retry.timer = null;
    const delay = nextDelay(retry.attempt);
    retry.attempt += 1;
    this._retries.set(markId, retry);
    if (!this.isConnected) {
      return; // Sent again when connected (or by the next page, from storage).
    }
    retry.timer = setTimeout(() => {
      retry.timer = null;
      this._flush(markId);
    }, delay);
  }

  /** Back online: every waiting retry goes now. */
  _retryNow() {
    for (const [markId, retry] of this._retries) {
      if (retry.timer != null) {
        clearTimeout(retry.timer);
        retry.timer = null;
      }
      this._flush(markId);
    }
    this._flushAll();
  }

  _computeSaveState() {
    if (this._error) {
      return 'error';
    }
    for (const retry of this._retries.values()) {
      if (retry.timer != null || !this.isConnected) {
        return 'retrying';
      }
    }
    if (this._inflight.size > 0 || this._queued.size > 0) {
      return 'saving';
    }
    return 'saved';
  }

  _updateSaveState() {
    const state = this._computeSaveState();
    if (state === this._saveState) {
      return;
    }
    this._saveState = state;
    if (state === 'saved') {
      this._announce(this._label('saved'));
    } else if (state === 'retrying') {
      this._announce(this._label('retrying'));
    }
    this.requestUpdate();
    this.dispatchEvent(new CustomEvent('save-state-changed', { detail: { state }, bubbles: true, composed: true }));
  }

  /** Window focus and a visible tab come together; one refresh is enough. */
  _refreshSoon() {
    if (!this.markable || this._refreshTimer != null || !this.isConnected) {
      return;
    }
    this._refreshTimer = setTimeout(() => {
      this._refreshTimer = null;
      this._refresh();
    }, 50);
  }

  /**
   * Replaces the shown marks by the server's list with the still unsent changes on top, so
   * that two tabs of the same student converge; then sends whatever waits in the outbox
   * (including entries another tab left behind).
   */
  async _refresh() {
    if (!this.markable || !this._store) {
      return;
    }
    const server = this.$server;
    if (!server || typeof server.refreshMarks !== 'function') {
      this._flushAll();
      return;
    }
    if (this._refreshing) {
      this._refreshAgain = true;
      return;
    }
    this._refreshing = true;
    const acked = new Map();
    this._ackWatchers.add(acked);
    const generation = this._generation;
    try {
      const list = await withTimeout(callServer(this, 'refreshMarks'), REQUEST_TIMEOUT_MS);
      if (generation === this._generation && Array.isArray(list)) {
        // A save committed while the list was on its way must not disappear again.
        this._base = applyOutbox(list, [...acked.values()]);
        this._store.update((outbox) => pruneOutbox(outbox, list));
        this._recomputeDisplay();
      }
    } catch {
      // Offline or slow: keep showing what we have.
    } finally {
      this._ackWatchers.delete(acked);
      this._refreshing = false;
    }
    this._flushAll();
    if (this._refreshAgain) {
      this._refreshAgain = false;
      this._refresh();
    }
  }

  // --- marking actions -----------------------------------------------------------------

  _canMark() {
    return this.markable && !this.readonly && typeof this.text === 'string' && this.text !== '';
  }

  _selectedMark() {
    return this._selectedMarkId != null ? (this._displayById.get(this._selectedMarkId) ?? null) : null;
  }

  /** The range a type would be applied to: the pending range, else the caret word. */
  _currentRange() {
    if (this._range) {
      return this._range;
    }
    if (this._caretShown && this._wordSpans[this._focus]) {
      return this._wordSpans[this._focus];
    }
    return null;
  }

  /** A type for the selected mark (retype), else for the current range (a new mark). */
  _applyType(type) {
    if (!this._canMark() || !CLAIM_TYPES.includes(type)) {
      return false;
    }
    this._lastType = type;
    this._toolIndex = CLAIM_TYPES.indexOf(type);
    const selected = this._selectedMark();
    if (selected) {
      this._hint = null;
      if (selected.type !== type) {
        this._commit(this._fullState(selected, { type, seq: selected.seq + 1 }));
      }
      this._announce(this._label('markedAs', { type: this._typeName(type) }));
      return true;
    }
    const range = this._currentRange();
    if (!range) {
      this._hint = this._label('selectFirst');
      this._announce(this._hint);
      this.requestUpdate();
      return false;
    }
    const state = {
      ...safeQuote(this.text, range.start, range.end),
      markId: newMarkId(),
      seq: 1,
      type,
      deleted: false,
    };
    this._hint = null;
    this._clearNativeSelection();
    this._range = null;
    this._nativePending = false;
    this._selectedMarkId = state.markId;
    // Keyboard: the caret stays where the range ended, ready for the next claim.
    this._anchor = this._focus;
    this._commit(state);
    this._announce(this._label('markedAs', { type: this._typeName(type) }));
    return true;
  }

  _deleteSelected() {
    const selected = this._selectedMark();
    if (!selected || !this._canMark()) {
      return false;
    }
    this._selectedMarkId = null;
    this._commit(this._fullState(selected, { deleted: true, seq: selected.seq + 1 }));
    this._announce(this._label('deleted'));
    return true;
  }

  _fullState(mark, changes) {
    const quoted = safeQuote(this.text, mark.start, mark.end);
    return {
      markId: mark.markId,
      seq: mark.seq,
      start: mark.start,
      end: mark.end,
      exact: typeof mark.exact === 'string' && mark.exact !== '' ? mark.exact : quoted.exact,
      prefix: quoted.prefix,
      suffix: quoted.suffix,
      type: mark.type,
      deleted: false,
      ...changes,
    };
  }

  _selectMark(markId, { announce = false, moveCaret = true } = {}) {
    const mark = this._displayById.get(markId);
    if (!mark) {
      return false;
    }
    this._selectedMarkId = markId;
    this._range = null;
    this._nativePending = false;
    this._hint = null;
    if (moveCaret) {
      const first = wordAtOrAfter(this._wordSpans, mark.start);
      if (first >= 0) {
        this._anchor = first;
        this._focus = first;
      }
      this._scrollToCaret = this._caretShown;
    }
    if (announce) {
      this._announceCaret(this._label('selectedMark', { type: this._typeName(mark.type), text: mark.exact || this.text.slice(mark.start, mark.end) }));
    }
    this._invalidate();
    return true;
  }

  /** Makes a range the pending selection (the palette then acts on it). */
  _setPending(span, { native = false } = {}) {
    this._range = { start: span.start, end: span.end };
    this._nativePending = native;
    this._selectedMarkId = null;
    this._hint = null;
    const first = wordAtOrAfter(this._wordSpans, span.start);
    const last = wordAtOrBefore(this._wordSpans, span.end - 1);
    if (first >= 0 && last >= first) {
      this._anchor = first;
      this._focus = last;
    }
    this._invalidate();
    const detail = safeQuote(this.text, span.start, span.end);
    this.dispatchEvent(new CustomEvent('highlighter-selection', { detail, bubbles: true, composed: true }));
  }

  _extendToSentence() {
    if (!this._canMark()) {
      return false;
    }
    const base = this._selectedMark() ?? this._currentRange();
    if (!base) {
      this._hint = this._label('selectFirst');
      this._announce(this._hint);
      this.requestUpdate();
      return false;
    }
    const extended = extendToSentences(this._sentenceSpans, base.start, base.end);
    const trimmed = trimRange(this.text, extended.start, Math.min(extended.end, this.text.length));
    if (trimmed.end <= trimmed.start) {
      return false;
    }
    this._clearNativeSelection();
    this._setPending(trimmed);
    this._scrollToCaret = this._caretShown;
    this._announceCaret(this.text.slice(trimmed.start, trimmed.end));
    return true;
  }

  /** Escape: drops the pending range and the selected mark. Returns whether there was any. */
  _clearSelection() {
    const had = this._range != null || this._selectedMarkId != null || this._hint != null;
    this._range = null;
    this._nativePending = false;
    this._selectedMarkId = null;
    this._hint = null;
    this._anchor = this._focus;
    this._clearNativeSelection();
    this._invalidate();
    return had;
  }

  // --- keyboard ------------------------------------------------------------------------

  _onKeyDown(event) {
    if (!this.markable || event.defaultPrevented) {
      return;
    }
    const textRoot = this._textRoot();
    if (!textRoot || event.target !== textRoot || !this._canMark()) {
      return;
    }
    if (event.altKey || event.isComposing) {
      return;
    }
    const ctrl = event.ctrlKey || event.metaKey;
    const key = event.key;
    let handled = true;
    switch (key) {
      case 'ArrowRight':
      case 'ArrowLeft':
        this._moveCaret(key === 'ArrowRight' ? 1 : -1, ctrl ? 'sentence' : 'word', event.shiftKey);
        break;
      case 'ArrowDown':
      case 'ArrowUp':
        this._moveCaret(key === 'ArrowDown' ? 1 : -1, 'sentence', event.shiftKey);
        break;
      case 'Home':
      case 'End':
        this._moveCaret(key === 'End' ? 1 : -1, 'all', event.shiftKey);
        break;
      case 'Enter':
        handled = !ctrl && this._focusPalette();
        break;
      case 'Delete':
      case 'Backspace':
        handled = this._deleteSelected();
        break;
      case 'Escape':
        handled = this._clearSelection();
        if (handled) {
          event.stopPropagation(); // Only cleared the selection; a surrounding dialog stays open.
        }
        break;
      default:
        handled = !ctrl && this._onCharacterKey(key);
    }
    if (handled) {
      event.preventDefault();
    }
  }

  _onCharacterKey(key) {
    if (/^[1-6]$/.test(key)) {
      this._ensureCaret();
      this._applyType(CLAIM_TYPES[Number(key) - 1]);
      return true;
    }
    switch (key) {
      case 'n':
      case 'N':
      case 'p':
      case 'P':
        this._jumpToMark(key.toLowerCase() === 'n' ? 1 : -1);
        return true;
      case 's':
      case 'S':
        this._ensureCaret();
        this._extendToSentence();
        return true;
      default:
        return false;
    }
  }

  /**
   * Shows the caret if it is not shown yet, at the pending range, the selected mark, or the
   * first word. Returns true if it was just made visible.
   */
  _ensureCaret() {
    if (this._wordSpans.length === 0) {
      return false;
    }
    if (this._caretShown && this._wordSpans[this._focus]) {
      return false;
    }
    if (!this._wordSpans[this._focus]) {
      const selected = this._selectedMark();
      const from = this._range ?? selected;
      const index = from ? Math.max(0, wordAtOrAfter(this._wordSpans, from.start)) : 0;
      this._anchor = index;
      this._focus = index;
    }
    if (!this._wordSpans[this._anchor]) {
      this._anchor = this._focus;
    }
    this._caretShown = true;
    this._scrollToCaret = true;
    this._invalidate();
    return true;
  }

  _moveCaret(dir, unit, extend) {
    const fresh = this._ensureCaret();
    const words = this._wordSpans;
    if (words.length === 0) {
      return;
    }
    if (fresh && !extend) {
      this._announceCaret(this._describeCaret());
      return; // The first press shows where the caret is.
    }
    if (extend && this._range == null && this._selectedMark() == null) {
      this._anchor = this._focus;
    }
    if (extend && this._selectedMark()) {
      const mark = this._selectedMark();
      this._anchor = Math.max(0, wordAtOrAfter(words, mark.start));
      this._focus = Math.max(this._anchor, wordAtOrBefore(words, mark.end - 1));
    }
    let target;
    if (unit === 'word') {
      target = dir > 0 ? nextWord(words, this._focus) : prevWord(words, this._focus);
    } else if (unit === 'sentence') {
      target = moveBySentence(this._groups, this._focus, dir, extend && dir > 0 ? 'end' : 'start');
    } else {
      target = dir > 0 ? words.length - 1 : 0;
    }
    this._focus = target;
    this._selectedMarkId = null;
    this._nativePending = false;
    this._hint = null;
    this._clearNativeSelection();
    if (extend) {
      this._range = this._anchor === this._focus ? null : rangeOfWords(words, this._anchor, this._focus);
    } else {
      this._anchor = target;
      this._range = null;
    }
    this._scrollToCaret = true;
    this._announceCaret(this._describeCaret());
    this._invalidate();
  }

  _describeCaret() {
    const range = this._currentRange();
    if (!range) {
      return '';
    }
    const text = this.text.slice(range.start, range.end);
    // The types of the marks the caret word lies in, so a listener knows what is marked.
    const word = this._wordSpans[this._focus];
    const types = word
      ? this._display.filter((m) => m.start < word.end && m.end > word.start).map((m) => this._typeName(m.type))
      : [];
    return types.length > 0 ? `${text} (${[...new Set(types)].join(', ')})` : text;
  }

  _jumpToMark(dir) {
    const word = this._wordSpans[this._focus];
    const offset = this._caretShown && word ? word.start : this._range ? this._range.start : undefined;
    const target = adjacentMark(this._display, { selectedId: this._selectedMarkId, offset }, dir);
    if (!target) {
      return false;
    }
    this._caretShown = this._wordSpans.length > 0;
    this._clearNativeSelection();
    return this._selectMark(target.markId, { announce: true });
  }

  /** Enter: to the palette, on the selected mark's type or the last type used. */
  _focusPalette() {
    if (!this._selectedMark() && !this._currentRange()) {
      this._ensureCaret();
    }
    const type = this._selectedMark()?.type ?? this._lastType ?? CLAIM_TYPES[0];
    this._toolIndex = Math.max(0, CLAIM_TYPES.indexOf(type));
    this._invalidate();
    this.updateComplete.then(() => {
      this.querySelector(`:scope > .ch-toolbar [data-testid="claim-type-${type}"]`)?.focus();
    });
    return true;
  }

  _onToolbarKeyDown(event) {
    const buttons = [...this.querySelectorAll(':scope > .ch-toolbar button.ch-tool')];
    const current = buttons.indexOf(event.target);
    if (current < 0 || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    const enabled = buttons.map((b, i) => (b.disabled ? -1 : i)).filter((i) => i >= 0);
    const at = enabled.indexOf(current);
    let next = -1;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        next = enabled[(at + 1) % enabled.length];
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        next = enabled[(at - 1 + enabled.length) % enabled.length];
        break;
      case 'Home':
        next = enabled[0];
        break;
      case 'End':
        next = enabled[enabled.length - 1];
        break;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        this._textRoot()?.focus();
        return;
      case 'Delete':
      case 'Backspace':
        if (this._deleteSelected()) {
          event.preventDefault();
          this._textRoot()?.focus();
        }
        return;
      default:
        if (/^[1-6]$/.test(event.key)) {
          event.preventDefault();
          if (this._applyType(CLAIM_TYPES[Number(event.key) - 1])) {
            this._textRoot()?.focus();
          }
        }
        return;
    }
    event.preventDefault();
    if (next != null && next >= 0) {
      this._toolIndex = next;
      buttons[next].focus();
      this.requestUpdate();
    }
  }

  /** A click from the keyboard (detail 0) returns focus to the text, to go on marking. */
  _returnFocusAfter(event) {
    if (event && event.detail === 0) {
      this._textRoot()?.focus();
    }
  }

  _onTypeClick(type, event) {
    if (this._applyType(type)) {
      this._returnFocusAfter(event);
    }
  }

  _onExtendClick(event) {
    this._toolIndex = CLAIM_TYPES.length;
    if (this._extendToSentence()) {
      this._returnFocusAfter(event);
    }
  }

  _onDeleteClick(event) {
    if (this._deleteSelected()) {
      this._returnFocusAfter(event);
    }
  }

  _onFocusIn(event) {
    if (!this.markable || this.readonly) {
      return;
    }
    const textRoot = this._textRoot();
    if (event.target !== textRoot) {
      return;
    }
    // A click focuses the text too; only a keyboard focus shows the caret at once.
    if (!this._pointerFocus) {
      this._ensureCaret();
    }
  }

  _onFocusOut(event) {
    if (!this.markable) {
      return;
    }
    const next = event.relatedTarget;
    if (next && this.contains(next)) {
      return; // Between the text and the palette: the caret stays for the palette to use.
    }
    if (this._caretShown) {
      this._caretShown = false;
      this._invalidate();
    }
  }

  _textRoot() {
    return this.querySelector(':scope > .ch-text');
  }

  // --- pointer -------------------------------------------------------------------------

  _onTouchStart(event) {
    this._lastTouchAt = performance.now();
    this._pointerType = 'touch';
    if (this._textRoot()?.contains(event.target)) {
      this._markPointerFocus();
    }
  }

  _onMouseDown(event) {
    if (performance.now() - this._lastTouchAt > TOUCH_MOUSE_MS) {
      this._pointerType = 'mouse';
    }
    if (this.markable) {
      const inText = this._textRoot()?.contains(event.target) ?? false;
      this._pressInText = inText && event.button === 0;
      if (inText) {
        // Nothing is re-rendered here: changing the paragraphs would cut the drag short.
        this._markPointerFocus();
      }
      if (!this._pressInText) {
        return;
      }
    }
    this._watchDragRelease(event);
  }

  /** The browser focuses the text as the default action of this press, in this same task. */
  _markPointerFocus() {
    this._pointerFocus = true;
    setTimeout(() => {
      this._pointerFocus = false;
    }, 0);
  }

  /** Mouse (or a tap's compatibility mouseup): a drag selects, a click selects a mark. */
  _onPointerRelease(event) {
    if (!this._pressInText) {
      return;
    }
    this._pressInText = false;
    // The pointer took over from the keyboard; the caret comes back with the next arrow key.
    this._caretShown = false;
    if (!this._canMark()) {
      this.requestUpdate();
      return;
    }
    const selection = this._currentSelection();
    if (selection && selection.rangeCount > 0 && !selection.isCollapsed) {
      const raw = this._canonicalSelection(selection);
      if (raw) {
        const snapped = snapToWords(this._wordSpans, raw.start, raw.end, this.text);
        if (snapped) {
          const touch = this._pointerType === 'touch';
          if (!touch) {
            selection.removeAllRanges();
          }
          this._setPending(snapped, { native: touch });
          return;
        }
      }
    }
    const target = event && event.target instanceof Element ? event.target : null;
    const markElement = target && this._textRoot()?.contains(target) ? target.closest('mark.ch-mark[data-own]') : null;
    if (markElement && this._selectMark(markElement.dataset.markId, { moveCaret: true })) {
      return;
    }
    // A click on plain text: nothing selected; the caret (for later keys) goes there.
    this._range = null;
    this._nativePending = false;
    this._selectedMarkId = null;
    this._hint = null;
    if (selection && selection.rangeCount > 0) {
      const range = selection.getRangeAt(0);
      const point = this._toParagraphPoint(range.startContainer, range.startOffset);
      if (point) {
        const index = wordAtOrAfter(this._wordSpans, point.para.start + point.local);
        if (index >= 0) {
          this._anchor = index;
          this._focus = index;
        }
      }
    }
    this._invalidate();
  }

  /**
   * Touch selection: kept as the browser's own selection (its handles stay usable), snapped to
   * words; the palette acts on it.
   */
  _onTouchSelection(adjustNative) {
    if (!this._canMark()) {
      return;
    }
    const selection = this._currentSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
      return;
    }
    const raw = this._canonicalSelection(selection);
    if (!raw) {
      return;
    }
    const snapped = snapToWords(this._wordSpans, raw.start, raw.end, this.text);
    if (!snapped) {
      return;
    }
    const same = this._range && this._range.start === snapped.start && this._range.end === snapped.end;
    if (!same) {
      this._setPending(snapped, { native: true });
    }
    if (adjustNative && (raw.start !== snapped.start || raw.end !== snapped.end)) {
      this._selectDomRange(snapped);
    }
  }

  _onDocumentSelectionChange() {
    if (!this.markable || this._pointerType !== 'touch') {
      return;
    }
    clearTimeout(this._selectionTimer);
    this._selectionTimer = setTimeout(() => this._onTouchSelection(false), 80);
  }

  _clearNativeSelection() {
    const selection = this._currentSelection();
    if (!selection || selection.rangeCount === 0) {
      return;
    }
    const textRoot = this._textRoot();
    const range = selection.getRangeAt(0);
    if (textRoot && (textRoot.contains(range.startContainer) || textRoot.contains(range.endContainer))) {
      selection.removeAllRanges();
    }
  }

  /** Selects canonical offsets with the browser's selection. */
  _selectDomRange(span) {
    const from = this._domPoint(span.start, false);
    const to = this._domPoint(span.end, true);
    const selection = this._currentSelection();
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

  /** The text node and offset of a canonical offset (an end prefers the node before). */
  _domPoint(offset, isEnd) {
    const textRoot = this._textRoot();
    if (!textRoot) {
      return null;
    }
    for (const paraElement of textRoot.querySelectorAll(':scope > [data-start]')) {
      const para = this._paragraphFor(paraElement);
      if (!para || offset < para.start || offset > para.start + para.text.length) {
        continue;
      }
      let left = offset - para.start;
      const walker = document.createTreeWalker(paraElement, NodeFilter.SHOW_TEXT);
      let last = null;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
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
        if (this.markable) {
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

  _currentSelection() {
    // Inside a shadow root the document's selection is retargeted to the shadow host;
    // where the browser offers the shadow root's own selection, that one has real nodes.
    const root = this.getRootNode();
    if (root !== document && typeof root.getSelection === 'function') {
      return root.getSelection();
    }
    return window.getSelection();
  }

  /** The selection as canonical offsets (not trimmed), or null if it is not in the text. */
  _canonicalSelection(selection) {
    // The range, unlike anchor/focus, is already in document order; toCanonicalRange
    // normalises anyway. Extra ranges (Firefox's ctrl-selection) are ignored.
    const range = selection.getRangeAt(0);
    const from = this._toParagraphPoint(range.startContainer, range.startOffset);
    const to = this._toParagraphPoint(range.endContainer, range.endOffset);
    if (!from || !to) {
      return null;
    }
    return toCanonicalRange(from.para, from.local, to.para, to.local);
  }

  _reportSelection() {
    if (this.readonly || !this.text) {
      return;
    }
    const selection = this._currentSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
      return;
    }
    const raw = this._canonicalSelection(selection);
    if (!raw) {
      return;
    }
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
    const textRoot = this._textRoot();
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

function collapsedRangeAt(node, offset) {
  const range = document.createRange();
  range.setStart(node, offset);
  return range;
}

/** quote() that never throws: a range outside the text gets empty context. */
function safeQuote(text, start, end) {
  try {
    return quote(text, start, end);
  } catch {
    return { start, end, exact: '', prefix: '', suffix: '' };
  }
}

class TimeoutError extends Error {}

/** Rejects with a TimeoutError when the promise has not settled within `ms`. */
function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A server call as a promise that also rejects when $server or the method is missing. */
function callServer(element, method, ...args) {
  return new Promise((resolve) => {
    const server = element.$server;
    if (!server || typeof server[method] !== 'function') {
      throw new TypeError(`server method ${method} is not available`);
    }
    resolve(server[method](...args));
  });
}

function safeLocalStorage() {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null; // Blocked storage throws on access.
  }
}

/**
 * A random v4 UUID. crypto.randomUUID exists only in secure contexts (HTTPS, localhost); a
 * school server reached over plain HTTP still has crypto.getRandomValues.
 */
function newMarkId() {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

if (!customElements.get(TAG)) {
  customElements.define(TAG, ClaimHighlighter);
}
