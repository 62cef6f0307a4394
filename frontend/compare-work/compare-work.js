// @ts-check
/**
 * `<lateral-compare-work>`: saves a student's compare-outlets work (DD015, "The browser
 * protocol"). The server renders the whole step as light-DOM children (columns, fields, buttons);
 * this element adds no shadow root, so those children render and select as usual. It only
 * listens, saves and shows: the item rules are in compare-state.js, the offsets in
 * compare-text.js, the outbox and requests in compare-outbox.js and compare-queue.js.
 *
 * Properties (set by CompareWorkArea.java):
 * - `work` (Object): the stored work `{grids, spans, cells, notes, judgement}` with every item's
 *   seq (the fields already show the values; spans are listed and drawn from here).
 * - `outboxKey` (String): the localStorage key of this student's and step's outbox; setting it
 *   opens the outbox, puts its unsent changes back into the fields and span lists, and sends them.
 * - `readonly` (Boolean): nothing is saved or picked; span lists have no remove buttons.
 *
 * Methods: `allSaved()` → Promise<boolean> (true once nothing waits and no change was refused;
 * false after about 10 s otherwise); `clearOutbox()`.
 *
 * Attributes it reads: `[data-item][data-item-kind]` with `data-article-id` / `data-claim-id` /
 * `data-outlet-id`; `[data-field]` inside an item (its `value`; or, when the field holds elements
 * with `data-value`, the data-value of the checked ones); `[data-compare-text][data-article-id]`
 * with `<p data-start>`; `[data-pick-kind]`, `[data-find-kind]`, `[data-find-button]`;
 * `[data-span-list][data-article-id][data-kind]` (filled by this element). It writes
 * `data-save-state` on items, keeps `[data-testid="save-status"]` (`data-state`) and
 * `[data-compare-message]` (`role="alert"`), creating them at its top when the layout has none.
 */

import { kindOfKey } from './compare-outbox.js';
import { CompareQueue, safeLocalStorage } from './compare-queue.js';
import { buildState, deletedSpan, fieldValues, spanState } from './compare-state.js';
import { canonicalText, findWords, pieces, selectedWords } from './compare-text.js';
import { label as labelIn, translated } from './labels.js';

const TAG = 'lateral-compare-work';

/** Typing is sent after this pause; the outbox has it at once. */
export const TYPING_PAUSE_MS = 800;

/** Elements whose content this element writes: their changes must not wake its observer. */
const OWN_CONTENT = '[data-span-list], [data-testid="save-status"], [data-compare-message]';

export const HIGHLIGHT = Object.freeze({ hedge: 'compare-hedge', loaded: 'compare-loaded' });

/** @typedef {import('./compare-text.js').Paragraph} Paragraph */
/** @typedef {import('./compare-state.js').Span} Span */
/** @typedef {HTMLElement & {value?: unknown, checked?: boolean, selected?: boolean}} Field */

/** @param {string} value */
function attr(value) {
  return typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(value) : value.replace(/["\\]/g, '\\$&');
}

export class LateralCompareWork extends HTMLElement {
  constructor() {
    super();
    /** @type {unknown} */
    this._work = null;
    this._outboxKey = '';
    this._readonly = false;
    /** Translations of the texts (labels.js); English for what they lack. @type {unknown} */
    this._labels = {};
    /** The words of the last refusal the status shows, to say again in a new language. */
    this._lastError = '';
    this._opened = false;
    /** The outbox key the queue was opened with. */
    this._queue_key = '';
    /** Unsent states to put back into fields that are not there yet. @type {Map<string, {kind: string, state: Record<string, any>}>} */
    this._replay = new Map();
    /** The seq of the state each item's fields show. @type {Map<string, number>} */
    this._shownSeq = new Map();
    this._replaying = false;
    /** Items whose fields hold a value that cannot be sent (a count that is no number). @type {Set<string>} */
    this._problems = new Set();
    this._renderQueued = false;
    this._message = '';
    /** @type {MutationObserver | null} */
    this._observer = null;
    this._queue = new CompareQueue({
      server: () => /** @type {any} */ (this).$server,
      storage: safeLocalStorage,
      window: typeof window !== 'undefined' ? window : null,
      document: typeof document !== 'undefined' ? document : null,
      onStateChange: (state, message) => this._showStatus(state, message),
      onItemState: (key, state) => this._itemElement(key)?.setAttribute('data-save-state', state),
      onRejected: (_key, message) => this._say(translated(this._labels, message)),
      onSpansChange: () => this._scheduleRender(),
      onRefreshed: (items) => this._showRefreshed(items),
    });
    this._onChange = (/** @type {Event} */ e) => this._fieldEvent(e, 0);
    this._onInput = (/** @type {Event} */ e) => this._fieldEvent(e, TYPING_PAUSE_MS);
    this._onClick = (/** @type {Event} */ e) => this._clicked(e);
    this._onKeydown = (/** @type {KeyboardEvent} */ e) => {
      const target = /** @type {Element} */ (e.target);
      if (e.key === 'Enter' && target?.closest?.('[data-find-kind]')) {
        e.preventDefault();
        this._find(/** @type {HTMLElement} */ (target.closest('[data-find-kind]')));
      }
    };
  }

  // --- properties ------------------------------------------------------------------------

  get work() {
    return this._work;
  }

  set work(work) {
    this._work = work;
    const seqs = readSeqs(work);
    for (const [key, seq] of seqs) {
      if (!this._queue.lastState(key) || (this._shownSeq.get(key) ?? 0) < seq) {
        this._shownSeq.set(key, seq);
      }
    }
    if (this._opened) {
      this._queue.setWork(work);
    }
  }

  /** Translations of the element's texts, keyed as DEFAULT_LABELS in labels.js. */
  get labels() {
    return this._labels;
  }

  set labels(labels) {
    this._labels = labels && typeof labels === 'object' ? labels : {};
    // What is shown now is said again in the new language.
    if (this.isConnected) {
      const state = this._statusElements().status.dataset.state;
      if (state) {
        this._showStatus(state, this._lastError);
      }
      this._scheduleRender();
    }
  }

  get outboxKey() {
    return this._outboxKey;
  }

  set outboxKey(key) {
    this._outboxKey = typeof key === 'string' ? key : '';
    this._open();
  }

  get readonly() {
    return this._readonly;
  }

  set readonly(value) {
    this._readonly = Boolean(value);
    this.toggleAttribute('readonly', this._readonly);
    this._scheduleRender();
  }

  // --- lifecycle -------------------------------------------------------------------------

  connectedCallback() {
    this.addEventListener('change', this._onChange);
    this.addEventListener('input', this._onInput);
    this.addEventListener('click', this._onClick);
    this.addEventListener('keydown', this._onKeydown);
    this._observer = new MutationObserver((records) => {
      // Only what the server adds counts: the chips this element draws would wake it for ever.
      if (records.some((r) => !(/** @type {Element} */ (r.target).closest?.(OWN_CONTENT)))) {
        this._scheduleRender();
      }
    });
    this._observer.observe(this, { childList: true, subtree: true });
    this._queue.connect();
    this._open();
    this._scheduleRender();
  }

  disconnectedCallback() {
    this.removeEventListener('change', this._onChange);
    this.removeEventListener('input', this._onInput);
    this.removeEventListener('click', this._onClick);
    this.removeEventListener('keydown', this._onKeydown);
    this._observer?.disconnect();
    this._queue.disconnect();
  }

  /** Opens the outbox once the key is known and the element is on the page. */
  _open() {
    if (!this._outboxKey || !this.isConnected || this._queue_key === this._outboxKey) {
      return;
    }
    this._queue_key = this._outboxKey;
    this._opened = true;
    for (const entry of this._queue.open(this._outboxKey, this._work)) {
      if (entry.kind !== 'span') {
        this._replay.set(entry.key, { kind: entry.kind, state: entry.state });
      }
    }
    this._scheduleRender();
  }

  // --- methods the server calls ----------------------------------------------------------

  /**
   * True once nothing waits to be sent and no change was refused; false when that is not so within
   * about 10 s. A change typed a moment ago is sent at once rather than after the pause.
   *
   * @returns {Promise<boolean>}
   */
  async allSaved() {
    // A field event just dispatched builds its item's state in a microtask: let it run first.
    await new Promise((resolve) => queueMicrotask(() => resolve(undefined)));
    const saved = await this._queue.whenAllSaved();
    return saved && this._problems.size === 0;
  }

  clearOutbox() {
    this._queue.clear();
    this._problems.clear();
    this._replay.clear();
  }

  // --- fields ----------------------------------------------------------------------------

  /**
   * @param {Event} event
   * @param {number} holdMs
   */
  _fieldEvent(event, holdMs) {
    if (this._replaying || this._readonly) {
      return;
    }
    const target = /** @type {Element | null} */ (event.target);
    const field = target?.closest?.('[data-field]');
    const item = field?.closest('[data-item]');
    if (!field || !item || !this.contains(item) || field.closest('[data-find-kind]')) {
      return;
    }
    // After the current event: a group updates its value when its checkbox has changed.
    queueMicrotask(() => this._save(/** @type {HTMLElement} */ (item), holdMs));
  }

  /**
   * Builds the item's full state from its fields and saves it.
   *
   * @param {HTMLElement} item
   * @param {number} holdMs
   */
  _save(item, holdMs) {
    const key = item.dataset.item ?? '';
    const kind = kindOfKey(key);
    if (!kind || kind === 'span' || item.dataset.itemKind !== kind) {
      return;
    }
    const seq = this._queue.nextSeq(key);
    const built = buildState(
      kind,
      { articleId: item.dataset.articleId, claimId: item.dataset.claimId, outletId: item.dataset.outletId },
      this._readFields(item),
      seq,
      this._queue.lastState(key),
    );
    if ('problem' in built) {
      this._problems.add(key);
      item.setAttribute('data-save-state', 'error');
      this._say(translated(this._labels, built.problem));
      return;
    }
    this._problems.delete(key);
    this._say('');
    this._replay.delete(key);
    this._shownSeq.set(key, seq);
    this._queue.change(kind, built.state, holdMs);
  }

  /** @param {HTMLElement} item */
  _fields(item) {
    return /** @type {Field[]} */ ([...item.querySelectorAll('[data-field]')]).filter(
      (f) => f.closest('[data-item]') === item,
    );
  }

  /**
   * @param {HTMLElement} item
   * @returns {Record<string, unknown>}
   */
  _readFields(item) {
    /** @type {Record<string, unknown>} */
    const values = {};
    for (const field of this._fields(item)) {
      const name = field.dataset.field ?? '';
      const options = /** @type {Field[]} */ ([...field.querySelectorAll('[data-value]')]);
      if (options.length > 0) {
        const chosen = options.filter((o) => isChosen(o, field)).map((o) => o.dataset.value ?? '');
        values[name] = name === 'relayedFrom' ? chosen : chosen[0] ?? null;
      } else {
        values[name] = field.value;
      }
    }
    return values;
  }

  /**
   * Puts a state's values into an item's fields (a replayed change, or another tab's work).
   *
   * @param {HTMLElement} item
   * @param {string} kind
   * @param {Record<string, any>} state
   */
  _writeFields(item, kind, state) {
    const values = fieldValues(/** @type {'grid'} */ (kind), state);
    this._replaying = true;
    try {
      for (const field of this._fields(item)) {
        const name = field.dataset.field ?? '';
        if (!(name in values)) {
          continue;
        }
        const value = values[name];
        const options = /** @type {Field[]} */ ([...field.querySelectorAll('[data-value]')]);
        if (options.length > 0) {
          const wanted = new Set(Array.isArray(value) ? value : [value]);
          for (const option of options) {
            const box = /** @type {Field} */ (option.closest('[checked], vaadin-checkbox, vaadin-radio-button, input') ?? option);
            box.checked = wanted.has(option.dataset.value ?? '');
          }
        } else {
          field.value = value;
        }
        // Lets Vaadin send the value to its field on the server; this element ignores it.
        field.dispatchEvent(new Event('change', { bubbles: true }));
      }
    } finally {
      this._replaying = false;
    }
    this._shownSeq.set(item.dataset.item ?? '', state.seq);
  }

  /** @param {Map<string, {kind: string, state: Record<string, any>}>} items */
  _showRefreshed(items) {
    for (const [key, { kind, state }] of items) {
      // Never over what the student changed here and has not saved yet.
      if (kind === 'span' || this._queue.itemState(key)[0] !== 'saved') {
        continue;
      }
      const item = this._itemElement(key);
      const focused = item && typeof document !== 'undefined' && item.contains(document.activeElement);
      if (item && !focused && state.seq > (this._shownSeq.get(key) ?? 0)) {
        this._writeFields(item, kind, state);
      }
    }
  }

  /** @param {string} key */
  _itemElement(key) {
    return /** @type {HTMLElement | null} */ (this.querySelector(`[data-item="${attr(key)}"]`));
  }

  // --- spans -----------------------------------------------------------------------------

  /** @param {Event} event */
  _clicked(event) {
    const target = /** @type {Element | null} */ (event.target);
    const remove = /** @type {HTMLElement | null} */ (target?.closest?.('[data-testid="remove-span"]') ?? null);
    const pick = /** @type {HTMLElement | null} */ (target?.closest?.('[data-pick-kind]') ?? null);
    const find = /** @type {HTMLElement | null} */ (target?.closest?.('[data-find-button]') ?? null);
    if (this._readonly) {
      return;
    }
    if (remove) {
      this._remove(remove.dataset.spanId ?? '');
    } else if (pick) {
      this._pick(pick);
    } else if (find) {
      const column = find.parentElement?.closest('[data-article-id]');
      const kind = find.dataset.findButton ?? '';
      const field = /** @type {HTMLElement[]} */ ([...(column?.querySelectorAll(`[data-find-kind="${attr(kind)}"]`) ?? [])]).find(
        (f) => f.parentElement?.closest('[data-article-id]') === column,
      );
      if (field) {
        this._find(field);
      }
    }
  }

  /**
   * The column text of an article, and its paragraphs.
   *
   * @param {string} articleId
   * @returns {{element: HTMLElement, paragraphs: HTMLElement[], texts: Paragraph[]} | null}
   */
  _text(articleId) {
    const element = /** @type {HTMLElement | null} */ (
      this.querySelector(`[data-compare-text][data-article-id="${attr(articleId)}"]`)
    );
    if (!element) {
      return null;
    }
    const paragraphs = /** @type {HTMLElement[]} */ ([...element.querySelectorAll('p[data-start]')]);
    const texts = paragraphs.map((p) => ({ start: Number(p.dataset.start), text: p.textContent ?? '' }));
    return { element, paragraphs, texts };
  }

  /** @param {HTMLElement} button */
  _pick(button) {
    const kind = button.dataset.pickKind ?? '';
    const articleId = /** @type {HTMLElement | null} */ (button.closest('[data-article-id]'))?.dataset.articleId ?? '';
    const text = this._text(articleId);
    const selection = typeof window !== 'undefined' ? window.getSelection() : null;
    if (!text || !selection || selection.rangeCount === 0 || selection.isCollapsed) {
      this._say(labelIn(this._labels, 'selectFirst'));
      return;
    }
    const range = selection.getRangeAt(0);
    if (!text.element.contains(range.commonAncestorContainer)) {
      this._say(labelIn(this._labels, 'selectFirst'));
      return;
    }
    const inside = text.paragraphs.map((p, i) => ({ p, i })).filter(({ p }) => range.intersectsNode(p));
    if (inside.length === 0) {
      this._say(labelIn(this._labels, 'selectFirst'));
      return;
    }
    const first = inside[0];
    const last = inside[inside.length - 1];
    /** @param {HTMLElement} p @param {Node} node @param {number} offset @param {number} otherwise */
    const offsetIn = (p, node, offset, otherwise) => {
      if (!p.contains(node)) {
        return otherwise;
      }
      const before = document.createRange();
      before.setStart(p, 0);
      before.setEnd(node, offset);
      return before.toString().length;
    };
    const words = selectedWords(
      text.texts,
      { paragraph: first.i, offset: offsetIn(first.p, range.startContainer, range.startOffset, 0) },
      { paragraph: last.i, offset: offsetIn(last.p, range.endContainer, range.endOffset, text.texts[last.i].text.length) },
    );
    if (!words) {
      this._say(labelIn(this._labels, 'selectFirst'));
      return;
    }
    selection.removeAllRanges();
    this._addSpan(articleId, kind, words);
  }

  /** @param {HTMLElement} field */
  _find(field) {
    if (this._readonly) {
      return;
    }
    const f = /** @type {Field} */ (field);
    const kind = field.dataset.findKind ?? '';
    const articleId = /** @type {HTMLElement | null} */ (field.parentElement?.closest('[data-article-id]'))?.dataset.articleId ?? '';
    const text = this._text(articleId);
    const typed = typeof f.value === 'string' ? f.value : '';
    if (!text || typed.trim() === '') {
      this._say(labelIn(this._labels, 'notInArticle'));
      return;
    }
    const taken = this._queue.spans().filter((s) => s.articleId === articleId && s.kind === kind);
    const words = findWords(canonicalText(text.texts), typed, taken);
    if (!words) {
      this._say(labelIn(this._labels, 'notInArticle'));
      return;
    }
    f.value = '';
    this._addSpan(articleId, kind, words);
  }

  /**
   * @param {string} articleId
   * @param {string} kind
   * @param {import('./compare-text.js').Words} words
   */
  _addSpan(articleId, kind, words) {
    const spanId = crypto.randomUUID();
    this._say('');
    this._queue.change(
      'span',
      spanState({ spanId, seq: this._queue.nextSeq(`span:${spanId}`), articleId, kind, ...words }),
    );
  }

  /** @param {string} spanId */
  _remove(spanId) {
    const span = this._queue.spans().find((s) => s.spanId === spanId);
    if (!span) {
      return;
    }
    this._say('');
    const list = /** @type {HTMLElement | null} */ (this.querySelector(
      `[data-span-list][data-article-id="${attr(span.articleId)}"][data-kind="${attr(span.kind)}"]`,
    ));
    const buttons = /** @type {HTMLElement[]} */ ([...(list?.querySelectorAll('[data-testid="remove-span"]') ?? [])]);
    const at = buttons.findIndex((b) => b.dataset.spanId === spanId);
    const neighbour = (buttons[at + 1] ?? buttons[at - 1])?.dataset.spanId;
    this._queue.change('span', deletedSpan(span, this._queue.nextSeq(`span:${spanId}`)));
    // The chip goes with its button, which had focus: focus moves to the next chip's button (else
    // the previous one), and with the last chip gone to the list's box, whose label and "none
    // picked yet" a screen reader then reads. The list itself hides when empty, and a hidden
    // element would drop focus to the page. The lists are redrawn in a microtask queued by the
    // change above, so this runs after it.
    queueMicrotask(() => {
      const next = neighbour
        ? /** @type {HTMLElement | null} */ (this.querySelector(`[data-testid="remove-span"][data-span-id="${attr(neighbour)}"]`))
        : null;
      const box = /** @type {HTMLElement | null} */ (list?.parentElement ?? null);
      if (next) {
        next.focus();
      } else if (box) {
        if (!box.hasAttribute('tabindex')) {
          box.tabIndex = -1;
        }
        box.focus();
      }
    });
  }

  // --- drawing ---------------------------------------------------------------------------

  _scheduleRender() {
    if (this._renderQueued) {
      return;
    }
    this._renderQueued = true;
    queueMicrotask(() => {
      this._renderQueued = false;
      this._render();
    });
  }

  _render() {
    this._applyReplay();
    this._statusElements();
    const spans = this._queue.spans();
    this._renderLists(spans);
    this._renderHighlights(spans);
    const [state, message] = this._queue._compute();
    this._showStatus(state, message);
    for (const item of /** @type {HTMLElement[]} */ ([...this.querySelectorAll('[data-item]')])) {
      const key = item.dataset.item ?? '';
      if (!item.hasAttribute('data-save-state') || this._queue.itemState(key)[0] !== 'saved') {
        item.setAttribute('data-save-state', this._queue.itemState(key)[0]);
      }
    }
  }

  _applyReplay() {
    for (const [key, { kind, state }] of [...this._replay]) {
      const item = this._itemElement(key);
      if (item && this._fields(item).length > 0) {
        this._replay.delete(key);
        this._writeFields(item, kind, state);
      }
    }
  }

  /** @param {Span[]} spans */
  _renderLists(spans) {
    for (const list of /** @type {HTMLElement[]} */ ([...this.querySelectorAll('[data-span-list]')])) {
      const mine = spans.filter((s) => s.articleId === list.dataset.articleId && s.kind === list.dataset.kind);
      const signature = JSON.stringify([this._readonly, mine.map((s) => [s.spanId, s.exact])]);
      if (list.dataset.rendered === signature) {
        continue;
      }
      list.dataset.rendered = signature;
      if (!list.hasAttribute('tabindex')) {
        list.tabIndex = -1; // Where focus goes when a chip is removed.
      }
      list.replaceChildren(
        ...mine.map((span) => {
          // A list item: the chips sit in a <ul>, which may hold only <li> (axe "list").
          const chip = document.createElement('li');
          chip.className = 'compare-chip';
          chip.dataset.item = `span:${span.spanId}`;
          chip.dataset.spanId = span.spanId;
          chip.setAttribute('data-save-state', this._queue.itemState(`span:${span.spanId}`)[0]);
          // Words across paragraphs hold line breaks; a chip and its label show them as spaces.
          const shown = span.exact.replace(/\s+/g, ' ');
          const words = document.createElement('span');
          words.className = 'compare-chip-words';
          words.textContent = shown;
          chip.append(words);
          if (!this._readonly) {
            const remove = document.createElement('button');
            remove.type = 'button';
            remove.className = 'compare-chip-remove';
            remove.dataset.testid = 'remove-span';
            remove.dataset.spanId = span.spanId;
            remove.setAttribute('aria-label', labelIn(this._labels, 'remove', { text: shown }));
            remove.textContent = '×';
            chip.append(remove);
          }
          return chip;
        }),
      );
    }
  }

  /** @param {Span[]} spans */
  _renderHighlights(spans) {
    const registry = typeof CSS !== 'undefined' ? /** @type {any} */ (CSS).highlights : undefined;
    const Highlight = /** @type {any} */ (globalThis).Highlight;
    if (!registry || typeof Highlight !== 'function') {
      return; // The lists still show every span.
    }
    /** @type {Record<string, Range[]>} */
    const ranges = { hedge: [], loaded: [] };
    /** @type {Map<string, ReturnType<LateralCompareWork['_text']>>} */
    const texts = new Map();
    for (const span of spans) {
      if (!texts.has(span.articleId)) {
        texts.set(span.articleId, this._text(span.articleId));
      }
      const text = texts.get(span.articleId);
      if (!text || !(span.kind in ranges)) {
        continue;
      }
      for (const piece of pieces(text.texts, span.start, span.end)) {
        const range = rangeIn(text.paragraphs[piece.paragraph], piece.from, piece.to);
        if (range) {
          ranges[span.kind].push(range);
        }
      }
    }
    registry.set(HIGHLIGHT.hedge, new Highlight(...ranges.hedge));
    registry.set(HIGHLIGHT.loaded, new Highlight(...ranges.loaded));
  }

  // --- status ----------------------------------------------------------------------------

  /** The layout's status and message elements, or this element's own at its top. */
  _statusElements() {
    const own = (/** @type {string} */ selector) =>
      /** @type {HTMLElement | null} */ (this.querySelector(`${selector}:not([data-compare-own])`));
    let status = own('[data-testid="save-status"]');
    let message = own('[data-compare-message]');
    for (const mine of this.querySelectorAll('[data-compare-own]')) {
      if ((mine.matches('[data-testid="save-status"]') && status) || (mine.matches('[data-compare-message]') && message)) {
        mine.remove();
      }
    }
    if (!status) {
      status = /** @type {HTMLElement | null} */ (this.querySelector('[data-testid="save-status"]'));
    }
    if (!message) {
      message = /** @type {HTMLElement | null} */ (this.querySelector('[data-compare-message]'));
    }
    if (!message) {
      message = document.createElement('div');
      message.setAttribute('data-compare-message', '');
      message.setAttribute('data-compare-own', '');
      this.prepend(message);
    }
    if (!status) {
      status = document.createElement('div');
      status.dataset.testid = 'save-status';
      status.setAttribute('data-compare-own', '');
      this.prepend(status);
    }
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    message.setAttribute('role', 'alert');
    if (message.textContent !== this._message) {
      message.textContent = this._message;
    }
    message.hidden = this._message === '';
    return { status, message };
  }

  /**
   * @param {string} state
   * @param {string} message
   */
  _showStatus(state, message) {
    if (!this.isConnected) {
      return;
    }
    const status = this._statusElements().status;
    status.dataset.state = state;
    this._lastError = message;
    const text =
      state === 'error'
        ? labelIn(this._labels, 'error', { message: translated(this._labels, message) })
        : ['saved', 'saving', 'retrying'].includes(state)
          ? labelIn(this._labels, state)
          : '';
    if (status.textContent !== text) {
      status.textContent = text;
    }
  }

  /** Shows a sentence for the student (a refused save, nothing found), or clears it. @param {string} text */
  _say(text) {
    this._message = text;
    if (this.isConnected) {
      this._statusElements();
    }
  }
}

/**
 * Whether an option of a field is chosen: it, or an element between it and the field, is checked
 * or selected (a checkbox around a label that carries the data-value).
 *
 * @param {Field} option
 * @param {Element} field
 */
function isChosen(option, field) {
  for (let node = /** @type {Field | null} */ (option); node && node !== field; node = /** @type {Field | null} */ (node.parentElement)) {
    if (node.checked === true || node.selected === true) {
      return true;
    }
  }
  return false;
}

/**
 * The range of a paragraph's text from one offset to another, across its text nodes.
 *
 * @param {HTMLElement | undefined} paragraph
 * @param {number} from
 * @param {number} to
 */
function rangeIn(paragraph, from, to) {
  if (!paragraph) {
    return null;
  }
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let seen = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.nodeValue?.length ?? 0;
    if (!started && from <= seen + length) {
      range.setStart(node, from - seen);
      started = true;
    }
    if (started && to <= seen + length) {
      range.setEnd(node, to - seen);
      return range;
    }
    seen += length;
  }
  return null;
}

/**
 * Every item's stored seq in a `work` property.
 *
 * @param {unknown} work
 * @returns {Map<string, number>}
 */
function readSeqs(work) {
  const w = /** @type {Record<string, any>} */ (work && typeof work === 'object' ? work : {});
  /** @type {Map<string, number>} */
  const seqs = new Map();
  for (const g of Array.isArray(w.grids) ? w.grids : []) seqs.set(`grid:${g?.articleId}`, g?.seq ?? 0);
  for (const c of Array.isArray(w.cells) ? w.cells : []) seqs.set(`cell:${c?.claimId}:${c?.articleId}`, c?.seq ?? 0);
  for (const n of Array.isArray(w.notes) ? w.notes : []) seqs.set(`note:${n?.outletId}`, n?.seq ?? 0);
  if (w.judgement && Number.isInteger(w.judgement.seq)) seqs.set('judgement', w.judgement.seq);
  return seqs;
}

if (typeof customElements !== 'undefined' && !customElements.get(TAG)) {
  customElements.define(TAG, LateralCompareWork);
}
