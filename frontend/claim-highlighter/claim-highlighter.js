// @ts-check
import { LitElement } from 'lit';
import { CLAIM_TYPES, DEFAULT_LABELS, label as labelIn, typeName as typeNameIn } from './labels.js';
import { SaveQueue, safeLocalStorage } from './save-queue.js';
import { RenderController } from './render-controller.js';
import { SelectionController } from './selection-controller.js';
import { KeyboardController } from './keyboard-controller.js';
import { MarkingController } from './marking-controller.js';
import { SourcesController } from './sources-controller.js';
import { OverlayController } from './overlay-controller.js';
import { HandleController } from './handle-controller.js';

export { CLAIM_TYPES, DEFAULT_LABELS };

const TAG = 'claim-highlighter';

/**
 * @typedef {import('./mode.js').HighlighterMode} HighlighterMode
 * @typedef {import('./save-queue.js').Server & {
 *   selectionChanged?: (start: number, end: number, exact: string) => Promise<void>,
 *   drawn?: () => Promise<void>}} HighlighterServer
 */

/**
 * Shows an article's canonical text; reports selections; and, when `markable`, is the
 * student's tool for one exercise, chosen by `mode`: marking claims ("marks") or saying who
 * says so ("sources"), with an autosave that loses nothing.
 *
 * The server owns the text and receives ranges as offsets into it, so every rendered
 * paragraph carries the offset of its first character (`data-start`); a selection is mapped
 * back to those offsets. This class only holds the properties and wires its Lit reactive
 * controllers, one file each (DD008):
 * - render-controller.js: paragraphs, overlays and marks as `<mark>` fragments, the toolbar,
 *   the live regions;
 * - selection-controller.js: word boundaries, the pending range and the caret; mouse, touch
 *   and the browser's selection, snapped to words (snapping.js, dom-selection.js);
 * - keyboard-controller.js: caret keys, the toolbar's roving focus;
 * - marking-controller.js: the "mark claims" mode (mode.js says what a mode is);
 * - sources-controller.js: the "Who says so?" mode (its rules as data in source-work.js);
 * - handle-controller.js: the drag handles at the ends of the selected mark or the pending
 *   range (resize and extend, mouse and touch; the rules in mark-edits.js);
 * - save-queue.js: the outbox (outbox.js), requests, retries and refreshes, for every item
 *   kind (marks, sources, mentions, claim links).
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
 * - `words`, `sentences` (String, or Array of numbers): flat pairs `[s0, e0, s1, e1, …]` of the
 *   word and sentence spans the server computed, as the server sends them one short string each
 *   (`decodeSpans` in snapping.js, SpanCodec.java). Without words, runs of letters/digits are
 *   used; without sentences, paragraphs.
 * - `marks` (Array): the marks saved on the server, `{markId, seq, start, end, exact, type}`.
 *   They are drawn whether or not `markable` is set (after submitting they stay visible); a
 *   claim overlay with the same id as a mark is not drawn twice, but its `status` goes to the
 *   mark.
 * - `outboxKey` (String): localStorage key of this user's and submission's outbox.
 * - `labels` (Object): translations, see DEFAULT_LABELS; type names by type code (flat, or
 *   under `types`); source kinds as `kind:<code>` and `kindHelp:<code>` (or under `kinds`, each
 *   a name or `{name, help}`).
 * - `mode` (String, reflected, default "marks"): which exercise the tools are for: "marks" or
 *   "sources". In "sources" the student's typed marks are not drawn (they would show claim
 *   types).
 * - `claims` (Array, sources mode): the claims to link, `{ref, start, end, label}`; drawn as
 *   neutral highlights with no type, labelled "Claim n" (by their place in the text) unless
 *   `label` is given.
 * - `sourceWork` (Object, sources mode): the saved work, `{sources, links}`: each source
 *   `{sourceId, seq, name, kind, origin, relayedFrom, mentions: [{mentionId, seq, sourceId,
 *   start, end, exact}]}`, each link `{linkId, seq, claimRef, sourceId}` (sourceId null: "no
 *   source given"). The unsent changes of the outbox are shown on top.
 * - `overlayList` (Boolean, default false): filters (claim types, missed only, sources only) and
 *   a list of the overlays' items above the text; an item's Jump scrolls to it, focuses and
 *   announces it (overlay-controller.js). While on, the drawing is calm (`data-calm`: lighter
 *   tints, no label badges) until "Labels in the text" is ticked.
 * - `outlets` (Array of strings, sources mode): the outlets the text names, offered when a
 *   source was relayed (the student may also type one).
 *
 * Rendering of an overlay or mark: one or more `<mark>` fragments that share its id, nested
 * with the earliest-starting (then longest) overlay outermost; a cue with the same range as a
 * claim is inside it. Claims are
 * `<mark class="ch-mark" data-kind="claim" data-mark-id=ID data-claim-type=TYPE>`, with
 * `data-status=STATUS` when the status is non-empty; the student's own marks also carry
 * `data-own` and, when selected, `data-selected`. Sources are
 * `<mark class="ch-source" data-kind="source" data-source-id=ID>`, cues
 * `<mark class="ch-cue" data-kind="cue" data-cue-id=ID>`. In the sources mode a claim to link is
 * `<mark class="ch-claim-ref" data-kind="linkable" data-claim-ref=REF>` (never a type), a
 * mention of a student's source `<mark class="ch-source ch-mention" data-kind="mention"
 * data-mention-id=ID data-source-id=SOURCE>` with the source's name as label; both get
 * `data-selected` when selected. The first fragment has `data-first`
 * and `data-label`, shown by the stylesheet with a pseudo-element. Labels never
 * become text nodes, because the selection offsets count the text nodes of a paragraph and
 * must only ever see the canonical text. The pending selection is `<mark class="ch-pending">`,
 * the keyboard caret word `<mark class="ch-caret">`.
 *
 * Server (`this.$server`, Vaadin @ClientCallable, each returns a Promise):
 * - `selectionChanged(start, end, exact)` for each selection when not markable, at most once
 *   for the same range in a row.
 * - `drawn()` once, after the text is first drawn on a page that is not read-only. It does
 *   nothing on the server; its (small) answer replaces the big one that brought the page, which
 *   Vaadin otherwise keeps for as long as the page stays idle (issue 18, DD028).
 * - `saveMark(state)` with the mark's full state `{markId, seq, start, end, exact, prefix,
 *   suffix, type, deleted}`, resolving to `{markId, seq, status, message}`, status "saved",
 *   "stale" or "rejected" (any other, such as "busy", means: retry later).
 * - `refreshMarks()` resolving to the current list of saved marks.
 * - Sources mode: `saveSource({sourceId, seq, name, kind, origin, relayedFrom, deleted})`,
 *   `saveMention({mentionId, seq, sourceId, start, end, exact, prefix, suffix, deleted})`,
 *   `saveLink({linkId, seq, claimRef, sourceId, deleted})`, answered like saveMark (the id in
 *   `markId`); `refreshSourceWork()` resolving to `{sources, links}` as in `sourceWork`.
 *
 * The sources mode ("Who says so?", DD008, DD013). The student selects the words that say who
 * is speaking (mouse, touch, or the caret keys as when marking) and presses Make a source (M,
 * or Enter): the form in the panel beside the text (under it below 60rem, e.g. at 390 px) makes
 * them a mention of a new source (name as written, prefilled; one of seven kinds, each with a
 * one-line explanation; first-hand or relayed, and from which outlet) or of one the student
 * has. Clicking a claim, N / P, or the claim's button in the panel selects it; the panel then
 * shows a tick per source and "No source given", which excludes the others. Clicking a mention
 * selects it (Delete, or the toolbar's Delete mention, removes it). The panel lists the sources
 * (name, kind, origin and outlet, mentions, linked claims), with Edit and Delete (deleting a
 * source deletes its mentions and links too). Escape in the panel closes the form and returns
 * to the text. Read-only (`readonly`, or not `markable`), the mentions, the claims and the panel
 * are shown without any control. Every change is the item's full state with a new per-item seq,
 * stored in the outbox before it is sent; a mention or link waits until its source is saved.
 *
 * Test ids of the sources mode: `make-source`, `extend-sentence`, `mention-delete` (toolbar);
 * `sources-panel`; the form `source-form` with `source-choice-new`, `pick-source-<sourceId>`,
 * `source-name`, `source-kind-<kind>` (named-person, anonymous, pseudonymous, official-body,
 * expert-or-organisation, media-outlet, document), `source-origin-first-hand`,
 * `source-origin-relayed`, `source-outlet` (typed), `source-outlet-choice` (one per outlet in
 * the text, `data-outlet`), `source-form-problem`, `source-save`, `source-cancel`; the list
 * `source-list` of `source-item` (with `data-source-id`), each with `source-edit-<sourceId>` and
 * `source-delete-<sourceId>`, or `sources-empty`; the claims `claim-list` with a button
 * `claim-ref-<ref>` per claim (aria-pressed when selected); the selected claim's `claim-links`
 * (`data-claim-ref`) with `link-source-<sourceId>` and `no-source-given` checkboxes.
 *
 * The marking mode lists the student's marks (`marks-panel`: beside the text, a collapsible
 * section under the palette below 60rem, toggled by `marks-toggle`): `mark-list` of `mark-item`
 * (`data-mark-id`, `data-claim-type`, `aria-current` when selected), each with `mark-jump`,
 * `mark-type-select` and `mark-item-delete`; `marks-empty` when there are none. The overlay's
 * parts: `overlay-panel`, `overlay-type-<type>`, `overlay-show-<all|missed|sources>`,
 * `overlay-details`, `overlay-count`, `overlay-list-toggle`, `overlay-list` of `overlay-item`
 * (`data-kind`, `data-claim-type`, `data-status`) with `overlay-jump`; the fragment jumped to
 * carries `data-current`.
 *
 * Overlapping and nested marks of the student's carry `data-lane` (0 … 3): each draws its
 * underline at its own depth. The drag handles are `handle-start` and `handle-end` (`data-for`
 * "mark" or "pending") in a layer over the text; the keys' help under the text is `key-help`.
 *
 * Public methods: `clearOutbox()` (after submit and logout); `hasPendingChanges()`;
 * static `ClaimHighlighter.clearAllOutboxes(prefix)`; the `saveState` getter.
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
    // A span code (a string, see decodeSpans) from the server, or flat pairs.
    words: { attribute: false },
    sentences: { attribute: false },
    marks: { type: Array, attribute: false },
    outboxKey: { type: String, attribute: 'outbox-key' },
    labels: { type: Object, attribute: false },
    mode: { type: String, reflect: true },
    claims: { type: Array, attribute: false },
    sourceWork: { type: Object, attribute: false },
    outlets: { type: Array, attribute: false },
    overlayList: { type: Boolean, attribute: 'overlay-list' },
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
    /** @type {string[]} */
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
      if (element instanceof ClaimHighlighter && element.saveQueue.key?.startsWith(prefix)) {
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
    /** @type {unknown[]} */
    this.overlays = [];
    this.markable = false;
    /** @type {string | number[]} */
    this.words = [];
    /** @type {string | number[]} */
    this.sentences = [];
    /** @type {unknown[]} */
    this.marks = [];
    this.outboxKey = '';
    /** @type {Record<string, unknown>} */
    this.labels = {};
    /** "marks" (mark claims) or "sources" (who says so?). */
    this.mode = 'marks';
    /** @type {unknown[]} */
    this.claims = [];
    /** @type {unknown} */
    this.sourceWork = null;
    /** @type {string[]} */
    this.outlets = [];
    /** Filters and a list for the overlays (overlay-controller.js). */
    this.overlayList = false;
    /** Whether `drawn()` has been called on the server. */
    this._drawnReported = false;

    // Controllers, in the order Lit calls them. The modes come last: the others hand them
    // what the student did.
    this.view = new RenderController(this);
    this.saveQueue = new SaveQueue(this, {
      server: () => this.server(),
      enabled: () => this.markable,
      sourceWork: () => this.mode === 'sources',
      onChange: () => {
        this.marking.marksChanged();
        this.sources.workChanged();
      },
      onStateChange: (state) => this._onSaveStateChange(state),
      onRejected: (message) => this.announce(message),
      rejectedMessage: () => this.label('error'),
    });
    this.selection = new SelectionController(this);
    this.keyboard = new KeyboardController(this);
    this.marking = new MarkingController(this);
    this.sources = new SourcesController(this);
    this.overlayView = new OverlayController(this);
    this.handles = new HandleController(this);
    /** Every mode; each draws its overlays. @type {HighlighterMode[]} */
    this.modes = [this.marking, this.sources];
  }

  /** Light DOM, so that native text selection spans the text as it would on any page. */
  createRenderRoot() {
    return this;
  }

  /** @param {Map<string, unknown>} changed */
  willUpdate(changed) {
    if (changed.has('text')) {
      this.view.setText(this.text ?? '');
      this.selection.textChanged();
    }
    if (changed.has('text') || changed.has('words') || changed.has('sentences')) {
      this.selection.setBoundaries(this.text ?? '', this.words, this.sentences, this.view.paragraphs);
    }
    if (changed.has('marks')) {
      this.saveQueue.setServerMarks(this.marks);
    }
    if (changed.has('sourceWork')) {
      this.saveQueue.setServerSourceWork(this.sourceWork);
    }
    if (changed.has('claims') || changed.has('text') || changed.has('labels')) {
      this.sources.claimsChanged();
    }
    if ((changed.has('markable') || changed.has('outboxKey')) && this.markable) {
      this.saveQueue.open(this._outboxKey());
    }
    if (
      changed.has('overlays') ||
      changed.has('labels') ||
      changed.has('markable') ||
      changed.has('readonly') ||
      changed.has('mode') ||
      changed.has('outlets') ||
      changed.has('overlayList')
    ) {
      this.view.invalidate();
    }
  }

  render() {
    return this.view.render();
  }

  updated() {
    this._reportDrawn();
  }

  // --- public API ----------------------------------------------------------------------

  /**
   * Forgets every unsent change of this outbox (the server calls it after submit and logout)
   * and stops retrying. Requests already in flight may still be committed by the server.
   */
  clearOutbox() {
    this.saveQueue.clear();
  }

  /** Whether some change has not been committed yet (in this tab's outbox). */
  hasPendingChanges() {
    return this.saveQueue.hasPendingChanges();
  }

  /** The current save state: "saved", "saving", "retrying" or "error". */
  get saveState() {
    return this.saveQueue.state;
  }

  // --- for the controllers -------------------------------------------------------------

  /** The mode the selection and the keys go to, as the server chose it. @returns {HighlighterMode} */
  get activeMode() {
    return this.mode === 'sources' ? this.sources : this.marking;
  }

  /** The paragraphs as rendered. */
  get paragraphs() {
    return this.view.paragraphs;
  }

  /** Vaadin's `$server`, set on the element after it exists. @returns {HighlighterServer | undefined} */
  server() {
    return /** @type {{$server?: HighlighterServer}} */ (/** @type {unknown} */ (this)).$server;
  }

  /** Something drawn changed: lay the overlays out again and render. */
  invalidate() {
    this.view.invalidate();
    this.requestUpdate();
  }

  textRoot() {
    return this.view.textRoot();
  }

  /** Opens the outbox, if marking has not opened it yet, before a change is stored. */
  ensureOutbox() {
    if (this.saveQueue.key === null) {
      this.saveQueue.open(this._outboxKey());
    }
  }

  /**
   * @param {string} key
   * @param {Record<string, unknown>} [vars]
   */
  label(key, vars) {
    return labelIn(this.labels, key, vars);
  }

  /** @param {string} type */
  typeName(type) {
    return typeNameIn(this.labels, type);
  }

  /** @param {string | null | undefined} text */
  announce(text) {
    this.view.announce(text);
  }

  /** @param {string} text */
  announceCaret(text) {
    this.view.announceCaret(text);
  }

  /**
   * Tells the server once that the text is drawn. Only the round trip matters: Vaadin keeps each
   * page's last answer in case the browser missed it, and until the student saves something that
   * is the page's first answer with the whole article in it. Read-only pages skip it (they are
   * looked at briefly); a call that fails or is refused changes nothing and is not repeated.
   */
  _reportDrawn() {
    if (this._drawnReported || !this.text || this.readonly) {
      return;
    }
    const server = this.server();
    if (typeof server?.drawn !== 'function') {
      return; // Not bound to the server yet: the next update tries again.
    }
    this._drawnReported = true;
    server.drawn().catch(() => {});
  }

  _outboxKey() {
    return typeof this.outboxKey === 'string' ? this.outboxKey : '';
  }

  /** @param {import('./save-queue.js').SaveState} state */
  _onSaveStateChange(state) {
    if (state === 'saved') {
      this.announce(this.label('saved'));
    } else if (state === 'retrying') {
      this.announce(this.label('retrying'));
    }
    this.requestUpdate();
    this.dispatchEvent(new CustomEvent('save-state-changed', { detail: { state }, bubbles: true, composed: true }));
  }
}

if (!customElements.get(TAG)) {
  customElements.define(TAG, ClaimHighlighter);
}
