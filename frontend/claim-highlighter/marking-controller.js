// @ts-check
import { html, nothing } from 'lit';
import { adjacentMark } from './snapping.js';
import { CLAIM_TYPES } from './labels.js';
import { safeQuote } from './selection-controller.js';
import { markItems } from './item-list.js';
import { innermostFirst, markLanes, markToSelect, moveEdge } from './mark-edits.js';

/**
 * @typedef {import('lit').ReactiveController} ReactiveController
 * @typedef {import('./claim-highlighter.js').ClaimHighlighter} ClaimHighlighter
 * @typedef {import('./mode.js').HighlighterMode} HighlighterMode
 * @typedef {import('./render-controller.js').DrawnOverlay} DrawnOverlay
 * @typedef {import('./outbox.js').MarkState} MarkState
 * @typedef {import('./snapping.js').Span} Span
 * @typedef {{markId: string, seq: number, start: number, end: number, exact: string, type: string}} ShownMark
 * @typedef {{kind: 'type', type: string, key: string, disabled: boolean} | {kind: 'extend' | 'delete', disabled: boolean}} Tool
 */

/**
 * The "mark claims" mode: the student's own marks, the one that is selected, and the palette
 * that makes, retypes and deletes them. Every change goes to the save queue as the mark's full
 * new state (a new `seq`), so the queue and the server can order and replay them.
 *
 * A selection (mouse, touch, keyboard) becomes the pending range; a palette button or keys 1–6
 * make it a mark (shown at once, stored in the outbox, then saved). A click on one of the
 * student's marks, or N / P, selects it; a type then retypes it and Delete deletes it. S extends
 * the range to whole sentences, Enter goes to the palette, Escape clears the selection.
 *
 * Where marks overlap or nest, each keeps an underline in a lane of its own (mark-edits.js); a
 * click selects the innermost mark under the pointer, and a click on the same place again the
 * next one around it. A selected mark is resized by dragging the handles at its ends
 * (handle-controller.js) or by Alt+← / Alt+→ (its end) and Alt+Shift+← / Alt+Shift+→ (its
 * start), a word at a time; a resize is the mark's full state with a new seq, as every change.
 *
 * @implements {HighlighterMode}
 * @implements {ReactiveController}
 */
export class MarkingController {
  /** @param {ClaimHighlighter} host */
  constructor(host) {
    this.host = host;
    /** The marks to show: the server's with the unsent changes on top. @type {ShownMark[]} */
    this.display = [];
    /** @type {Map<string, ShownMark>} */
    this.displayById = new Map();
    /** @type {string | null} */
    this.selectedMarkId = null;
    /** @type {string | null} */
    this._lastType = null;
    /** @type {string | null} */
    this._hint = null;
    this.toolIndex = 0;
    /** Whether the list of marks is open on a narrow screen (on a wide one it always shows). */
    this.listOpen = false;
    /** The list of marks goes before the text (see HighlighterMode). */
    this.panelFirst = true;
    /** A mark drawn at another extent while its handle is dragged. @type {{markId: string, start: number, end: number} | null} */
    this.preview = null;
    host.addController(this);
  }

  /** Nothing to set up: the element's own listeners reach this mode through the other controllers. */
  hostConnected() {}

  /** The marks changed (saved, sent, refreshed): show the server's with the outbox on top. */
  marksChanged() {
    const textLength = (this.host.text ?? '').length;
    this.display = this.host.saveQueue.marks().filter((m) => m.end <= textLength || textLength === 0);
    this.displayById = new Map(this.display.map((m) => [m.markId, m]));
    if (this.selectedMarkId != null && !this.displayById.has(this.selectedMarkId)) {
      this.selectedMarkId = null;
    }
    this.host.invalidate();
  }

  // --- HighlighterMode -----------------------------------------------------------------

  canAct() {
    const host = this.host;
    return host.markable && !host.readonly && typeof host.text === 'string' && host.text !== '';
  }

  selectedSpan() {
    return this._selectedMark();
  }

  selectionMoved() {
    this.selectedMarkId = null;
    this._hint = null;
  }

  /**
   * A click on the student's marks: the innermost one under the pointer, or, clicked again, the
   * next one around it (markToSelect), so that every mark of an overlap can be reached.
   *
   * @param {Element} target
   */
  pointerClicked(target) {
    const textRoot = this.host.textRoot();
    /** @type {Set<string>} */
    const ids = new Set();
    for (let element = target.closest('mark.ch-mark[data-own]'); element && textRoot?.contains(element); ) {
      const markId = /** @type {HTMLElement} */ (element).dataset.markId;
      if (markId != null) {
        ids.add(markId);
      }
      element = element.parentElement?.closest('mark.ch-mark[data-own]') ?? null;
    }
    const under = innermostFirst(this.display.filter((m) => ids.has(m.markId)));
    const markId = markToSelect(
      under.map((m) => m.markId),
      this.selectedMarkId,
    );
    if (markId == null || !this._selectMark(markId, { moveCaret: true })) {
      return false;
    }
    if (under.length > 1) {
      const mark = /** @type {ShownMark} */ (this.displayById.get(markId));
      const host = this.host;
      host.announce(
        host.label('selectedOverlap', {
          type: host.typeName(mark.type),
          text: mark.exact || host.text.slice(mark.start, mark.end),
          n: under.findIndex((m) => m.markId === markId) + 1,
          count: under.length,
        }),
      );
    }
    return true;
  }

  /** @param {KeyboardEvent} event */
  keyPressed(event) {
    const ctrl = event.ctrlKey || event.metaKey;
    if (event.altKey) {
      // Alt+← / Alt+→ move the selected mark's end by a word, with Shift its start.
      if (ctrl || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) {
        return false;
      }
      return this._resizeByKey(event.shiftKey ? 'start' : 'end', event.key === 'ArrowRight' ? 1 : -1);
    }
    switch (event.key) {
      case 'Enter':
        return !ctrl && this._focusPalette();
      case 'Delete':
      case 'Backspace':
        return this._deleteSelected();
      case 'Escape': {
        const had = this._clearSelection();
        if (had) {
          event.stopPropagation(); // Only cleared the selection; a surrounding dialog stays open.
        }
        return had;
      }
      default:
        return !ctrl && this._onCharacterKey(event.key);
    }
  }

  /** @param {KeyboardEvent} event */
  toolbarKeyPressed(event) {
    if (event.key === 'Delete' || event.key === 'Backspace') {
      if (this._deleteSelected()) {
        event.preventDefault();
        this.host.textRoot()?.focus();
      }
    } else if (/^[1-6]$/.test(event.key)) {
      event.preventDefault();
      if (this._applyType(CLAIM_TYPES[Number(event.key) - 1])) {
        this.host.textRoot()?.focus();
      }
    }
  }

  describeCaret() {
    const selection = this.host.selection;
    const range = selection.currentRange();
    if (!range) {
      return '';
    }
    const text = this.host.text.slice(range.start, range.end);
    // The types of the marks the caret word lies in, so a listener knows what is marked.
    const word = selection.words[selection.focus];
    const types = word
      ? this.display.filter((m) => m.start < word.end && m.end > word.start).map((m) => this.host.typeName(m.type))
      : [];
    return types.length > 0 ? `${text} (${[...new Set(types)].join(', ')})` : text;
  }

  /** @param {Map<string | number, string>} ownStatus */
  overlays(ownStatus) {
    const host = this.host;
    /** @type {DrawnOverlay[]} */
    const drawn = [];
    if (host.mode === 'sources') {
      // The sources mode shows claims without their types; typed marks would give them away.
      return drawn;
    }
    // The student's marks are drawn whenever there are any, also after marking has ended
    // (submitted: markable off, readonly on); the tools for changing them need `markable`.
    const preview = this.preview;
    const shown = preview
      ? this.display.map((m) => (m.markId === preview.markId ? { ...m, start: preview.start, end: preview.end } : m))
      : this.display;
    const lanes = markLanes(shown);
    for (const mark of shown) {
      drawn.push({
        id: mark.markId,
        start: mark.start,
        end: mark.end,
        lane: lanes.get(mark.markId) ?? 0,
        kind: 'claim',
        type: mark.type,
        label: host.typeName(mark.type),
        status: ownStatus.get(mark.markId),
        own: true,
        // Also read-only: Jump in the list of marks shows which mark it went to.
        selected: mark.markId === this.selectedMarkId,
      });
    }
    // Without `markable`, a page that is not read-only (practice, the key editor) still has the
    // keyboard caret and its Shift+arrow range (keyboard-controller.js).
    if (host.markable || !host.readonly) {
      const selection = host.selection;
      // Not while the browser draws the pending range itself (touch), nor over a selected mark.
      const pending =
        selection.range && !selection.native && this.selectedMarkId == null && !host.readonly ? selection.range : null;
      if (pending) {
        drawn.push({ id: 'pending', start: pending.start, end: pending.end, kind: 'pending' });
      }
      const caret = host.readonly ? null : selection.caretWord();
      if (caret) {
        drawn.push({ id: 'caret', start: caret.start, end: caret.end, kind: 'caret' });
      }
    }
    return drawn;
  }

  hint() {
    return this._hint;
  }

  /**
   * The list of the student's marks, an equal alternative to the highlights: each mark's type in
   * words, its quote, and Jump, Change type and Delete. It is drawn from `display`, the state the
   * text is drawn from, so a mark made in the text is in the list at once, and the list's actions
   * go through the same commit as the palette's (one save path, DD004). Beside the text on a wide
   * screen, a collapsible section under the palette on a narrow one. Nothing while the sources
   * mode is on (the types would give the previous step's answers away) or on a page without marks
   * of the student's (feedback, the key editor).
   */
  renderPanel() {
    const host = this.host;
    if (host.mode === 'sources' || (!host.markable && this.display.length === 0)) {
      return nothing;
    }
    const editable = this.canAct();
    const items = markItems(this.display, host.text ?? '');
    const title = host.label('marksHeading', { n: items.length });
    const listId = `${host.view.idPrefix}-marks`;
    return html`<section class="ch-marks-panel" data-testid="marks-panel" aria-labelledby=${`${listId}-title`} ?data-open=${this.listOpen}>
      <h3 class="ch-panel-heading"><button type="button" class="ch-panel-toggle" data-testid="marks-toggle" aria-expanded=${String(this.listOpen)} aria-controls=${listId} @click=${() => this._toggleList()}>${title}</button><span class="ch-panel-title" id=${`${listId}-title`} tabindex="-1">${title}</span></h3>
      <div class="ch-panel-body" id=${listId}>
        ${items.length === 0
          ? html`<p class="ch-sources-empty" data-testid="marks-empty">${host.label(editable ? 'marksEmpty' : 'marksNone')}</p>`
          : html`<ol class="ch-item-list" data-testid="mark-list">${items.map((item) => this._renderItem(item, editable))}</ol>`}
      </div>
    </section>`;
  }

  /**
   * @param {import('./item-list.js').MarkItem} item
   * @param {boolean} editable
   */
  _renderItem(item, editable) {
    const host = this.host;
    const name = host.typeName(item.type);
    const selected = item.markId === this.selectedMarkId;
    return html`<li class="ch-list-item" data-testid="mark-item" data-mark-id=${item.markId} data-claim-type=${item.type} aria-current=${selected ? 'true' : nothing}>
      <span class="ch-item-type" data-claim-type=${item.type}><span class="ch-swatch" data-claim-type=${item.type} aria-hidden="true"></span><span class="ch-item-type-name">${name}</span></span>
      <q class="ch-item-quote">${item.quote}</q>
      <span class="ch-item-actions">
        <button type="button" class="ch-button ch-jump" data-testid="mark-jump" aria-label=${host.label('jumpToMark', { type: name, text: item.quote })} @click=${() => this.jumpTo(item.markId)}>${host.label('jump')}</button>
        ${editable
          ? html`<select class="ch-input ch-type-select" data-testid="mark-type-select" aria-label=${host.label('changeTypeOf', { text: item.quote })} @change=${(/** @type {Event} */ e) => this._retype(item.markId, /** @type {HTMLSelectElement} */ (e.target).value)}>${CLAIM_TYPES.map((t) => html`<option value=${t} ?selected=${t === item.type}>${host.typeName(t)}</option>`)}</select><button type="button" class="ch-button" data-testid="mark-item-delete" aria-label=${host.label('deleteMarkOf', { type: name, text: item.quote })} @click=${() => this._deleteFromList(item.markId)}>${host.label('delete')}</button>`
          : nothing}
      </span>
    </li>`;
  }

  _toggleList() {
    this.listOpen = !this.listOpen;
    this.host.requestUpdate();
  }

  /**
   * Jump (the list, or anyone who has a mark's id): selects the mark, puts the caret on it,
   * scrolls the text to it, focuses it and says which mark it is.
   *
   * @param {string} markId
   */
  jumpTo(markId) {
    const host = this.host;
    const mark = this.displayById.get(markId);
    if (!mark) {
      return false;
    }
    if (this.canAct()) {
      host.selection.showCaret();
    }
    this._selectMark(markId, { moveCaret: this.canAct() });
    host.announce(host.label('selectedMark', { type: host.typeName(mark.type), text: mark.exact || host.text.slice(mark.start, mark.end) }));
    host.view.reveal(`mark.ch-mark[data-own][data-first][data-mark-id="${cssEscape(markId)}"]`, this.canAct());
    return true;
  }

  /**
   * Change type, from the list: the same commit as the palette's.
   *
   * @param {string} markId
   * @param {string} type
   */
  _retype(markId, type) {
    const mark = this.displayById.get(markId);
    if (!mark || !this.canAct() || !CLAIM_TYPES.includes(type)) {
      return;
    }
    if (mark.type !== type) {
      this._commit(this._fullState(mark, { type, seq: mark.seq + 1 }));
    }
    this.host.announce(this.host.label('markedAs', { type: this.host.typeName(type) }));
  }

  /**
   * Delete, from the list: the same tombstone as the palette's; focus goes to the next mark's
   * Jump (or the previous one's, or the list's title), never lost to the page.
   *
   * @param {string} markId
   */
  _deleteFromList(markId) {
    const mark = this.displayById.get(markId);
    if (!mark || !this.canAct()) {
      return;
    }
    const host = this.host;
    const order = markItems(this.display, host.text ?? '').map((m) => m.markId);
    const at = order.indexOf(markId);
    const next = order[at + 1] ?? order[at - 1] ?? null;
    if (this.selectedMarkId === markId) {
      this.selectedMarkId = null;
    }
    this._commit(this._fullState(mark, { deleted: true, seq: mark.seq + 1 }));
    host.announce(host.label('deleted'));
    host.updateComplete.then(() => {
      const target = next
        ? host.querySelector(`[data-testid="mark-item"][data-mark-id="${cssEscape(next)}"] [data-testid="mark-jump"]`)
        : host.querySelector('.ch-marks-panel .ch-panel-title');
      /** @type {HTMLElement | null} */ (target)?.focus();
    });
  }

  toolbarLabel() {
    return this.host.label('palette');
  }

  helpText() {
    return this.host.label('help');
  }

  keyShortcuts() {
    return '1 2 3 4 5 6 Enter n p s Delete Escape Alt+ArrowLeft Alt+ArrowRight Alt+Shift+ArrowLeft Alt+Shift+ArrowRight';
  }

  /** The toolbar buttons, in order: the six types, whole sentence, delete. */
  renderTools() {
    const selected = this._selectedMark();
    const tools = this._tools();
    const active = this._activeToolIndex(tools);
    return tools.map((tool, i) => this._renderTool(tool, i === active, selected));
  }

  // --- the palette ---------------------------------------------------------------------

  /** @returns {Tool[]} */
  _tools() {
    /** @type {Tool[]} */
    const tools = CLAIM_TYPES.map((type, i) => ({ kind: /** @type {const} */ ('type'), type, key: String(i + 1), disabled: false }));
    tools.push({ kind: 'extend', disabled: false });
    tools.push({ kind: 'delete', disabled: this._selectedMark() == null });
    return tools;
  }

  /**
   * Roving tabindex: the toolbar is one tab stop; arrows move inside it.
   *
   * @param {Tool[]} tools
   */
  _activeToolIndex(tools) {
    if (tools.length === 0) {
      return -1;
    }
    let index = Math.min(Math.max(this.toolIndex, 0), tools.length - 1);
    if (tools[index].disabled) {
      index = tools.findIndex((t) => !t.disabled);
    }
    return index;
  }

  /**
   * @param {Tool} tool
   * @param {boolean} active
   * @param {ShownMark | null} selected
   */
  _renderTool(tool, active, selected) {
    const host = this.host;
    const tabindex = active ? '0' : '-1';
    if (tool.kind === 'type') {
      const pressed = selected ? String(selected.type === tool.type) : 'false';
      return html`<button type="button" class="ch-tool ch-type" data-testid=${`claim-type-${tool.type}`} data-claim-type=${tool.type} aria-keyshortcuts=${tool.key} aria-pressed=${pressed} tabindex=${tabindex} @click=${(/** @type {MouseEvent} */ e) => this._onTypeClick(tool.type, e)}><span class="ch-swatch" data-claim-type=${tool.type} aria-hidden="true"></span><span class="ch-tool-name">${host.typeName(tool.type)}</span><kbd class="ch-key" aria-hidden="true">${tool.key}</kbd></button>`;
    }
    if (tool.kind === 'extend') {
      return html`<button type="button" class="ch-tool ch-extend" data-testid="extend-sentence" aria-keyshortcuts="s" tabindex=${tabindex} @click=${(/** @type {MouseEvent} */ e) => this._onExtendClick(e)}><span class="ch-tool-name">${host.label('extendSentence')}</span><kbd class="ch-key" aria-hidden="true">S</kbd></button>`;
    }
    return html`<button type="button" class="ch-tool ch-delete" data-testid="mark-delete" aria-keyshortcuts="Delete" tabindex=${tabindex} ?disabled=${tool.disabled} @click=${(/** @type {MouseEvent} */ e) => this._onDeleteClick(e)}><span class="ch-tool-name">${host.label('deleteMark')}</span><kbd class="ch-key" aria-hidden="true">Del</kbd></button>`;
  }

  /**
   * A click from the keyboard (detail 0) returns focus to the text, to go on marking.
   *
   * @param {MouseEvent} event
   */
  _returnFocusAfter(event) {
    if (event && event.detail === 0) {
      this.host.textRoot()?.focus();
    }
  }

  /**
   * @param {string} type
   * @param {MouseEvent} event
   */
  _onTypeClick(type, event) {
    if (this._applyType(type)) {
      this._returnFocusAfter(event);
    }
  }

  /** @param {MouseEvent} event */
  _onExtendClick(event) {
    this.toolIndex = CLAIM_TYPES.length;
    if (this._extendToSentence()) {
      this._returnFocusAfter(event);
    }
  }

  /** @param {MouseEvent} event */
  _onDeleteClick(event) {
    if (this._deleteSelected()) {
      this._returnFocusAfter(event);
    }
  }

  // --- keys ----------------------------------------------------------------------------

  /** @param {string} key */
  _onCharacterKey(key) {
    if (/^[1-6]$/.test(key)) {
      this.host.selection.ensureCaret();
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
        this.host.selection.ensureCaret();
        this._extendToSentence();
        return true;
      default:
        return false;
    }
  }

  /** Enter: to the palette, on the selected mark's type or the last type used. */
  _focusPalette() {
    if (!this._selectedMark() && !this.host.selection.currentRange()) {
      this.host.selection.ensureCaret();
    }
    const type = this._selectedMark()?.type ?? this._lastType ?? CLAIM_TYPES[0];
    this.toolIndex = Math.max(0, CLAIM_TYPES.indexOf(type));
    this.host.invalidate();
    this.host.updateComplete.then(() => {
      /** @type {HTMLElement | null} */ (
        this.host.querySelector(`:scope > .ch-toolbar [data-testid="claim-type-${type}"]`)
      )?.focus();
    });
    return true;
  }

  /** @param {number} dir +1 for the next mark, -1 for the previous */
  _jumpToMark(dir) {
    const selection = this.host.selection;
    const word = selection.words[selection.focus];
    const offset = selection.caretShown && word ? word.start : selection.range ? selection.range.start : undefined;
    const target = adjacentMark(this.display, { selectedId: this.selectedMarkId, offset }, dir);
    if (!target) {
      return false;
    }
    selection.showCaret();
    return this._selectMark(target.markId, { announce: true });
  }

  // --- actions -------------------------------------------------------------------------

  /** @returns {ShownMark | null} */
  _selectedMark() {
    return this.selectedMarkId != null ? (this.displayById.get(this.selectedMarkId) ?? null) : null;
  }

  /**
   * A type for the selected mark (retype), else for the current range (a new mark).
   *
   * @param {string} type
   */
  _applyType(type) {
    if (!this.canAct() || !CLAIM_TYPES.includes(type)) {
      return false;
    }
    const host = this.host;
    const selection = host.selection;
    this._lastType = type;
    this.toolIndex = CLAIM_TYPES.indexOf(type);
    const selected = this._selectedMark();
    if (selected) {
      this._hint = null;
      if (selected.type !== type) {
        this._commit(this._fullState(selected, { type, seq: selected.seq + 1 }));
      }
      host.announce(host.label('markedAs', { type: host.typeName(type) }));
      return true;
    }
    const range = selection.currentRange();
    if (!range) {
      this._hint = host.label('selectFirst');
      host.announce(this._hint);
      host.requestUpdate();
      return false;
    }
    /** @type {MarkState} */
    const state = {
      ...safeQuote(host.text, range.start, range.end),
      markId: newMarkId(),
      seq: 1,
      type,
      deleted: false,
    };
    this._hint = null;
    selection.clearNativeSelection();
    selection.clearRange();
    this.selectedMarkId = state.markId;
    // Keyboard: the caret stays where the range ended, ready for the next claim.
    selection.anchor = selection.focus;
    this._commit(state);
    host.announce(host.label('markedAs', { type: host.typeName(type) }));
    return true;
  }

  /**
   * Draws a mark at another extent while its handle is dragged (null: as it is).
   *
   * @param {string} markId
   * @param {Span | null} span
   */
  previewResize(markId, span) {
    this.preview = span ? { markId, start: span.start, end: span.end } : null;
    this.host.invalidate();
  }

  /**
   * A new extent for a mark (a dragged handle, Alt+arrows): its full state with the new words and
   * a new seq into the same commit as every other change; announced with its new words.
   *
   * @param {string} markId
   * @param {Span} span
   * @returns {boolean} whether the mark changed
   */
  resizeMark(markId, span) {
    this.preview = null;
    const mark = this.displayById.get(markId);
    const host = this.host;
    if (!mark || !this.canAct() || span.end <= span.start || span.end > host.text.length) {
      host.invalidate();
      return false;
    }
    this.selectedMarkId = markId;
    if (span.start === mark.start && span.end === mark.end) {
      host.invalidate();
      return false;
    }
    const quoted = safeQuote(host.text, span.start, span.end);
    this._commit(
      this._fullState(mark, {
        start: span.start,
        end: span.end,
        exact: quoted.exact,
        prefix: quoted.prefix,
        suffix: quoted.suffix,
        seq: mark.seq + 1,
      }),
    );
    host.announce(host.label('resized', { type: host.typeName(mark.type), text: quoted.exact }));
    host.invalidate();
    return true;
  }

  /**
   * @param {'start' | 'end'} edge
   * @param {number} dir
   */
  _resizeByKey(edge, dir) {
    const mark = this._selectedMark();
    if (!mark || !this.canAct()) {
      return false;
    }
    const span = moveEdge(this.host.selection.words, mark, edge, dir);
    if (span) {
      this.resizeMark(mark.markId, span);
      this.host.selection.moveCaretTo(edge === 'start' ? span : { start: Math.max(span.start, span.end - 1), end: span.end });
    } else {
      this.host.announce(this.host.label('resizeLimit'));
    }
    // Handled either way: with a mark selected, Alt+arrows never go back a page.
    return true;
  }

  _deleteSelected() {
    const selected = this._selectedMark();
    if (!selected || !this.canAct()) {
      return false;
    }
    this.selectedMarkId = null;
    this._commit(this._fullState(selected, { deleted: true, seq: selected.seq + 1 }));
    this.host.announce(this.host.label('deleted'));
    return true;
  }

  /**
   * The mark's full state with some fields changed: every save carries everything (DD004).
   *
   * @param {ShownMark} mark
   * @param {Partial<MarkState>} changes
   * @returns {MarkState}
   */
  _fullState(mark, changes) {
    const quoted = safeQuote(this.host.text, mark.start, mark.end);
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

  /** @param {MarkState} state */
  _commit(state) {
    this.host.ensureOutbox();
    this.host.saveQueue.commit(state);
  }

  /**
   * @param {string} markId
   * @param {{announce?: boolean, moveCaret?: boolean}} [options]
   */
  _selectMark(markId, { announce = false, moveCaret = true } = {}) {
    const mark = this.displayById.get(markId);
    if (!mark) {
      return false;
    }
    const host = this.host;
    this.selectedMarkId = markId;
    host.selection.clearRange();
    this._hint = null;
    if (moveCaret) {
      host.selection.moveCaretTo(mark);
    }
    if (announce) {
      host.announceCaret(
        host.label('selectedMark', { type: host.typeName(mark.type), text: mark.exact || host.text.slice(mark.start, mark.end) }),
      );
    }
    host.invalidate();
    return true;
  }

  _extendToSentence() {
    if (!this.canAct()) {
      return false;
    }
    const host = this.host;
    const base = this._selectedMark() ?? host.selection.currentRange();
    if (!base) {
      this._hint = host.label('selectFirst');
      host.announce(this._hint);
      host.requestUpdate();
      return false;
    }
    const extended = host.selection.extendToSentence(base);
    if (!extended) {
      return false;
    }
    host.announceCaret(host.text.slice(extended.start, extended.end));
    return true;
  }

  /** Escape: drops the pending range and the selected mark. Returns whether there was any. */
  _clearSelection() {
    const selection = this.host.selection;
    const had = selection.range != null || this.selectedMarkId != null || this._hint != null;
    selection.clearRange();
    this.selectedMarkId = null;
    this._hint = null;
    selection.anchor = selection.focus;
    selection.clearNativeSelection();
    this.host.invalidate();
    return had;
  }
}

/**
 * An id for an attribute selector (the ids are UUIDs or the server's, but a quote never hurts).
 *
 * @param {string} value
 */
function cssEscape(value) {
  return typeof CSS !== 'undefined' && typeof CSS.escape === 'function' ? CSS.escape(value) : String(value).replace(/["\\]/g, '\\$&');
}

/**
 * A random v4 UUID. crypto.randomUUID exists only in secure contexts (HTTPS, localhost); a
 * school server reached over plain HTTP still has crypto.getRandomValues.
 */
export function newMarkId() {
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
