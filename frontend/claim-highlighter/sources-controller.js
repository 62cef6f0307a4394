// @ts-check
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { adjacentMark } from './snapping.js';
import { kindLabel } from './labels.js';
import { newMarkId } from './marking-controller.js';
import { safeQuote } from './selection-controller.js';
import {
  LIMITS,
  ORIGINS,
  SOURCE_KINDS,
  checkSourceForm,
  emptyWork,
  linkChanges,
  linkIndex,
  linkableClaims,
  overLimit,
  sourceDeletion,
} from './source-work.js';

/**
 * @typedef {import('lit').ReactiveController} ReactiveController
 * @typedef {import('lit').TemplateResult} TemplateResult
 * @typedef {import('./claim-highlighter.js').ClaimHighlighter} ClaimHighlighter
 * @typedef {import('./mode.js').HighlighterMode} HighlighterMode
 * @typedef {import('./render-controller.js').DrawnOverlay} DrawnOverlay
 * @typedef {import('./snapping.js').Span} Span
 * @typedef {import('./outbox.js').ItemState} ItemState
 * @typedef {import('./outbox.js').SourceItemState} SourceItemState
 * @typedef {import('./outbox.js').MentionItemState} MentionItemState
 * @typedef {import('./source-work.js').WorkItems} WorkItems
 * @typedef {{ref: string, start: number, end: number, label: string}} Claim
 *
 * The source form: a new mention (of a new source or one of the student's), or an edit of a
 * source. `choice` is "new" or the id of the source the new mention joins.
 * @typedef {{edit: string | null, range: Span | null, choice: string, name: string,
 *   kind: string | null, origin: string | null, relayedFrom: string, problem: string | null}} SourceForm
 *
 * @typedef {{kind: 'make' | 'extend' | 'delete', disabled: boolean}} Tool
 */

let forms = 0;

/**
 * The "Who says so?" mode (DD013): the student says who is speaking in an article and which
 * claims rest on whom.
 *
 * The claims to link are drawn as neutral, numbered highlights (`data-claim-ref`; never a
 * type). Selecting words (mouse, touch, or the caret keys as in marking) and pressing "Make a
 * source" (or M / Enter) opens the source form in the panel beside the text: the words become a
 * mention of a new source (name as written, kind, first-hand or relayed and the outlet) or of one
 * the student already has. Clicking a claim, or N / P, or its button in the claims list, selects
 * it; the panel then offers a tick per source and "No source given" (which excludes the others).
 * Clicking a mention selects it for Delete. Sources are edited and deleted from the panel's list.
 *
 * Every change is the item's full new state (a new `seq`) committed to the shared save queue, so
 * it is stored in the outbox before it is sent, sent in an order the server accepts, retried
 * and shown at once (DD004). What is shown is the server's work with the unsent changes on top
 * (SaveQueue.sourceWork); a rejected change falls back to the server's state by itself.
 *
 * @implements {HighlighterMode}
 * @implements {ReactiveController}
 */
export class SourcesController {
  /** @param {ClaimHighlighter} host */
  constructor(host) {
    this.host = host;
    /** The work to show. @type {WorkItems} */
    this.work = emptyWork();
    /** The claims to link, checked and labelled, in text order. @type {Claim[]} */
    this.claims = [];
    /** @type {string | null} */
    this.selectedClaimRef = null;
    /** @type {string | null} */
    this.selectedMentionId = null;
    /** @type {SourceForm | null} */
    this.form = null;
    /** @type {string | null} */
    this._hint = null;
    this.toolIndex = 0;
    this._formId = `ch-source-form-${++forms}`;
    host.addController(this);
  }

  hostConnected() {}

  /** The work changed (saved, sent, refreshed, rolled back): show it. */
  workChanged() {
    this.work = this.host.saveQueue.sourceWork();
    if (this.selectedMentionId != null && !this.work.mentions.some((m) => m.mentionId === this.selectedMentionId)) {
      this.selectedMentionId = null;
    }
    const form = this.form;
    if (form) {
      if (form.edit != null && !this._source(form.edit)) {
        this.form = null; // The source went (deleted in another tab, or rolled back).
      } else if (form.choice !== 'new' && !this._source(form.choice)) {
        form.choice = 'new';
      }
    }
    this.host.invalidate();
  }

  /** The claims or the text changed. */
  claimsChanged() {
    const host = this.host;
    this.claims = linkableClaims(host.claims, (host.text ?? '').length, (n) => host.label('claimNumber', { n }));
    if (this.selectedClaimRef != null && !this.claims.some((c) => c.ref === this.selectedClaimRef)) {
      this.selectedClaimRef = null;
    }
    host.invalidate();
  }

  // --- HighlighterMode -----------------------------------------------------------------

  canAct() {
    const host = this.host;
    return host.markable && !host.readonly && typeof host.text === 'string' && host.text !== '';
  }

  /**
   * The selected mention, from where Shift+arrows extend. Not the selected claim: a student who
   * selected a claim and then selects the attribution inside it starts from the caret word, not
   * from the whole claim.
   */
  selectedSpan() {
    return this._selectedMention();
  }

  selectionMoved() {
    this.selectedMentionId = null;
    this._hint = null;
  }

  /** @param {Element} target */
  pointerClicked(target) {
    const mention = /** @type {HTMLElement | null} */ (target.closest('mark[data-mention-id]'));
    const claim = /** @type {HTMLElement | null} */ (target.closest('mark[data-claim-ref]'));
    if (mention?.dataset.mentionId) {
      this._selectMention(mention.dataset.mentionId, claim?.dataset.claimRef ?? null);
      return true;
    }
    if (claim?.dataset.claimRef) {
      this._selectClaim(claim.dataset.claimRef, { moveCaret: true });
      return true;
    }
    return false;
  }

  /** @param {KeyboardEvent} event */
  keyPressed(event) {
    if (event.ctrlKey || event.metaKey) {
      return false;
    }
    switch (event.key) {
      case 'Enter':
        // The caret word alone is no selection here: with a claim selected, Enter goes to its sources.
        if (this.host.selection.range == null && this._selectedClaim()) {
          this._focusClaimLinks();
          return true;
        }
        this._openNewForm();
        return true;
      case 'm':
      case 'M':
        this._openNewForm();
        return true;
      case 'n':
      case 'N':
      case 'p':
      case 'P':
        this._jumpToClaim(event.key.toLowerCase() === 'n' ? 1 : -1);
        return true;
      case 's':
      case 'S':
        this.host.selection.ensureCaret();
        this._extendToSentence();
        return true;
      case 'Delete':
      case 'Backspace':
        return this._deleteSelectedMention();
      case 'Escape': {
        const had = this._clearSelection();
        if (had) {
          event.stopPropagation(); // Only cleared the selection; a surrounding dialog stays open.
        }
        return had;
      }
      default:
        return false;
    }
  }

  /** @param {KeyboardEvent} event */
  toolbarKeyPressed(event) {
    if ((event.key === 'Delete' || event.key === 'Backspace') && this._deleteSelectedMention()) {
      event.preventDefault();
      this.host.textRoot()?.focus();
    }
  }

  describeCaret() {
    const host = this.host;
    const selection = host.selection;
    const range = selection.currentRange();
    if (!range) {
      return '';
    }
    const text = host.text.slice(range.start, range.end);
    const word = selection.words[selection.focus];
    if (!word) {
      return text;
    }
    // What the caret word lies in, so a listener knows where the claims and mentions are.
    const inside = [
      ...this.claims.filter((c) => c.start < word.end && c.end > word.start).map((c) => c.label),
      ...this.work.mentions
        .filter((m) => m.start < word.end && m.end > word.start)
        .map((m) => this._source(m.sourceId)?.name ?? ''),
    ].filter((s) => s !== '');
    return inside.length > 0 ? `${text} (${[...new Set(inside)].join(', ')})` : text;
  }

  /** Draws only while it is the active mode: the claims, the mentions, the pending range, the caret. */
  overlays() {
    const host = this.host;
    if (host.activeMode !== this) {
      return [];
    }
    const editable = this.canAct();
    /** @type {DrawnOverlay[]} */
    const drawn = [];
    for (const claim of this.claims) {
      drawn.push({
        id: claim.ref,
        start: claim.start,
        end: claim.end,
        kind: 'linkable',
        label: claim.label,
        selected: claim.ref === this.selectedClaimRef,
      });
    }
    for (const mention of this.work.mentions) {
      drawn.push({
        id: mention.mentionId,
        start: mention.start,
        end: mention.end,
        kind: 'mention',
        sourceId: mention.sourceId,
        label: this._source(mention.sourceId)?.name ?? '',
        selected: editable && mention.mentionId === this.selectedMentionId,
      });
    }
    if (editable) {
      const selection = host.selection;
      const pending = selection.range && !selection.native && this.selectedMentionId == null ? selection.range : null;
      if (pending) {
        drawn.push({ id: 'pending', start: pending.start, end: pending.end, kind: 'pending' });
      } else if (this.form?.range && this.form.edit == null) {
        // While the form is open, the words it is about stay visible.
        drawn.push({ id: 'pending', start: this.form.range.start, end: this.form.range.end, kind: 'pending' });
      }
      const caret = selection.caretWord();
      if (caret) {
        drawn.push({ id: 'caret', start: caret.start, end: caret.end, kind: 'caret' });
      }
    }
    return drawn;
  }

  hint() {
    return this._hint;
  }

  toolbarLabel() {
    return this.host.label('sourceTools');
  }

  helpText() {
    return this.host.label('sourcesHelp');
  }

  keyShortcuts() {
    return 'm Enter n p s Delete Escape';
  }

  /** The toolbar: make a source, whole sentence, delete the selected mention. */
  renderTools() {
    /** @type {Tool[]} */
    const tools = [
      { kind: 'make', disabled: false },
      { kind: 'extend', disabled: false },
      { kind: 'delete', disabled: this._selectedMention() == null },
    ];
    let active = Math.min(Math.max(this.toolIndex, 0), tools.length - 1);
    if (tools[active].disabled) {
      active = 0;
    }
    return tools.map((tool, i) => this._renderTool(tool, i === active));
  }

  /** The panel beside (or, when narrow, under) the text: the form, the claim's links, the lists. */
  renderPanel() {
    const host = this.host;
    const editable = this.canAct();
    const claim = this._selectedClaim();
    return html`<section class="ch-sources-panel" data-testid="sources-panel" aria-label=${host.label('sourcesHeading')} @keydown=${(/** @type {KeyboardEvent} */ e) => this._onPanelKeyDown(e)}>
      ${editable && this.form ? this._renderForm(this.form) : nothing}
      ${claim ? this._renderClaimLinks(claim, editable) : nothing}
      <h3 class="ch-panel-heading">${host.label('sourcesHeading')}</h3>
      ${this.work.sources.length === 0
        ? html`<p class="ch-sources-empty" data-testid="sources-empty">${host.label('sourcesEmpty')}</p>`
        : html`<ul class="ch-source-list" data-testid="source-list">${this.work.sources.map((s) => this._renderSourceItem(s, editable))}</ul>`}
      ${this.claims.length > 0
        ? html`<h3 class="ch-panel-heading">${host.label('claimsHeading')}</h3><ul class="ch-claim-list" data-testid="claim-list">${this.claims.map((c) => this._renderClaimItem(c))}</ul>`
        : nothing}
    </section>`;
  }

  // --- rendering -----------------------------------------------------------------------

  /**
   * @param {Tool} tool
   * @param {boolean} active
   */
  _renderTool(tool, active) {
    const host = this.host;
    const tabindex = active ? '0' : '-1';
    switch (tool.kind) {
      case 'make':
        return html`<button type="button" class="ch-tool ch-make-source" data-testid="make-source" aria-keyshortcuts="m" tabindex=${tabindex} @click=${() => this._openNewForm()}><span class="ch-tool-name">${host.label('makeSource')}</span><kbd class="ch-key" aria-hidden="true">M</kbd></button>`;
      case 'extend':
        return html`<button type="button" class="ch-tool ch-extend" data-testid="extend-sentence" aria-keyshortcuts="s" tabindex=${tabindex} @click=${(/** @type {MouseEvent} */ e) => this._onExtendClick(e)}><span class="ch-tool-name">${host.label('extendSentence')}</span><kbd class="ch-key" aria-hidden="true">S</kbd></button>`;
      default:
        return html`<button type="button" class="ch-tool ch-delete" data-testid="mention-delete" aria-keyshortcuts="Delete" tabindex=${tabindex} ?disabled=${tool.disabled} @click=${(/** @type {MouseEvent} */ e) => this._onDeleteMentionClick(e)}><span class="ch-tool-name">${host.label('deleteMention')}</span><kbd class="ch-key" aria-hidden="true">Del</kbd></button>`;
    }
  }

  /** @param {SourceForm} form */
  _renderForm(form) {
    const host = this.host;
    const id = this._formId;
    const quoted = form.range ? host.text.slice(form.range.start, form.range.end) : '';
    const editing = form.edit != null;
    const fields = editing || form.choice === 'new';
    const outlets = Array.isArray(host.outlets) ? host.outlets.filter((o) => typeof o === 'string' && o !== '') : [];
    return html`<form class="ch-source-form" data-testid="source-form" aria-labelledby=${`${id}-title`} @submit=${(/** @type {SubmitEvent} */ e) => this._onFormSubmit(e)}>
      <h3 class="ch-panel-heading" id=${`${id}-title`}>${host.label(editing ? 'editSourceTitle' : 'newSourceTitle')}</h3>
      ${quoted ? html`<p class="ch-form-quote" data-testid="source-form-quote">“${quoted}”</p>` : nothing}
      ${!editing && this.work.sources.length > 0
        ? html`<fieldset class="ch-choice"><legend>${host.label('chooseSource')}</legend>
            <label class="ch-option"><input type="radio" name=${`${id}-choice`} value="new" data-testid="source-choice-new" .checked=${live(form.choice === 'new')} @change=${() => this._setForm({ choice: 'new' })} /> ${host.label('aNewSource')}</label>
            ${this.work.sources.map((s) => html`<label class="ch-option"><input type="radio" name=${`${id}-choice`} value=${s.sourceId} data-testid=${`pick-source-${s.sourceId}`} .checked=${live(form.choice === s.sourceId)} @change=${() => this._setForm({ choice: s.sourceId })} /> ${s.name}</label>`)}
          </fieldset>`
        : nothing}
      ${fields ? this._renderSourceFields(form, outlets) : nothing}
      ${form.problem ? html`<p class="ch-form-problem" data-testid="source-form-problem" role="alert">${form.problem}</p>` : nothing}
      <div class="ch-form-buttons">
        <button type="submit" class="ch-button ch-primary" data-testid="source-save">${host.label('saveSource')}</button>
        <button type="button" class="ch-button" data-testid="source-cancel" @click=${() => this._closeForm()}>${host.label('cancel')}</button>
      </div>
    </form>`;
  }

  /**
   * @param {SourceForm} form
   * @param {string[]} outlets
   */
  _renderSourceFields(form, outlets) {
    const host = this.host;
    const id = this._formId;
    return html`<label class="ch-field"><span class="ch-field-label">${host.label('sourceName')}</span><input type="text" class="ch-input" id=${`${id}-name`} data-testid="source-name" maxlength=${LIMITS.name} autocomplete="off" .value=${live(form.name)} @input=${(/** @type {InputEvent} */ e) => this._setForm({ name: /** @type {HTMLInputElement} */ (e.target).value }, false)} /></label>
      <fieldset class="ch-kinds"><legend>${host.label('sourceKind')}</legend>
        ${SOURCE_KINDS.map((kind) => {
          const { name, help } = kindLabel(host.labels, kind);
          return html`<label class="ch-option ch-kind"><input type="radio" name=${`${id}-kind`} value=${kind} data-testid=${`source-kind-${kind}`} .checked=${live(form.kind === kind)} @change=${() => this._setForm({ kind })} /><span class="ch-option-text"><span class="ch-option-name">${name}</span> <span class="ch-option-help">${help}</span></span></label>`;
        })}
      </fieldset>
      <fieldset class="ch-origins"><legend>${host.label('sourceOrigin')}</legend>
        ${ORIGINS.map((origin) => html`<label class="ch-option"><input type="radio" name=${`${id}-origin`} value=${origin} data-testid=${`source-origin-${origin}`} .checked=${live(form.origin === origin)} @change=${() => this._setForm({ origin })} /><span class="ch-option-text"><span class="ch-option-name">${host.label(`origin:${origin}`)}</span> <span class="ch-option-help">${host.label(`originHelp:${origin}`)}</span></span></label>`)}
      </fieldset>
      ${form.origin === 'relayed'
        ? html`<label class="ch-field"><span class="ch-field-label">${host.label('relayedFrom')}</span><input type="text" class="ch-input" data-testid="source-outlet" maxlength=${LIMITS.name} autocomplete="off" list=${`${id}-outlets`} .value=${live(form.relayedFrom)} @input=${(/** @type {InputEvent} */ e) => this._setForm({ relayedFrom: /** @type {HTMLInputElement} */ (e.target).value }, false)} /></label>
            <datalist id=${`${id}-outlets`}>${outlets.map((o) => html`<option value=${o}></option>`)}</datalist>
            ${outlets.length > 0
              ? html`<div class="ch-outlets" role="group" aria-label=${host.label('outletsInText')}><span class="ch-field-label">${host.label('outletsInText')}</span>${outlets.map((o) => html`<button type="button" class="ch-button ch-outlet" data-testid="source-outlet-choice" data-outlet=${o} aria-pressed=${String(form.relayedFrom.trim() === o)} @click=${() => this._setForm({ relayedFrom: o })}>${o}</button>`)}</div>`
              : nothing}`
        : nothing}`;
  }

  /**
   * @param {Claim} claim
   * @param {boolean} editable
   */
  _renderClaimLinks(claim, editable) {
    const host = this.host;
    const sources = linkIndex(this.work.links).sourcesByClaim.get(claim.ref) ?? new Set();
    const text = host.text.slice(claim.start, claim.end);
    const title = host.label('claimLinksTitle', { claim: claim.label });
    if (!editable) {
      const names = [...sources].map((s) => (s === null ? host.label('noSourceGiven') : (this._source(s)?.name ?? '')));
      return html`<div class="ch-claim-links" data-testid="claim-links" data-claim-ref=${claim.ref}><h3 class="ch-panel-heading">${title}</h3><p class="ch-claim-quote">“${text}”</p><p>${names.length > 0 ? names.join(', ') : host.label('claimNotLinked')}</p></div>`;
    }
    return html`<fieldset class="ch-claim-links" data-testid="claim-links" data-claim-ref=${claim.ref}>
      <legend class="ch-panel-heading">${title}</legend>
      <p class="ch-claim-quote">“${text}”</p>
      ${this.work.sources.length === 0 ? html`<p class="ch-note">${host.label('makeSourceFirst')}</p>` : nothing}
      ${this.work.sources.map((s) => html`<label class="ch-option"><input type="checkbox" data-testid=${`link-source-${s.sourceId}`} .checked=${live(sources.has(s.sourceId))} @change=${(/** @type {Event} */ e) => this._toggleLink(claim, s.sourceId, /** @type {HTMLInputElement} */ (e.target).checked)} /> ${s.name}</label>`)}
      <label class="ch-option ch-no-source"><input type="checkbox" data-testid="no-source-given" .checked=${live(sources.has(null))} @change=${(/** @type {Event} */ e) => this._toggleLink(claim, null, /** @type {HTMLInputElement} */ (e.target).checked)} /> ${host.label('noSourceGiven')}</label>
    </fieldset>`;
  }

  /**
   * @param {SourceItemState} source
   * @param {boolean} editable
   */
  _renderSourceItem(source, editable) {
    const host = this.host;
    const mentions = this.work.mentions.filter((m) => m.sourceId === source.sourceId).length;
    const claims = [...(linkIndex(this.work.links).claimsBySource.get(source.sourceId) ?? [])]
      .map((ref) => this.claims.find((c) => c.ref === ref))
      .filter((c) => c != null)
      .sort((a, b) => a.start - b.start)
      .map((c) => c.label);
    const kind = source.kind ? kindLabel(host.labels, source.kind).name : host.label('kindNotChosen');
    const origin =
      source.origin === 'first-hand'
        ? host.label('origin:first-hand')
        : source.origin === 'relayed'
          ? source.relayedFrom
            ? host.label('relayedVia', { outlet: source.relayedFrom })
            : host.label('relayedUnknown')
          : host.label('originNotChosen');
    return html`<li class="ch-source-item" data-testid="source-item" data-source-id=${source.sourceId}>
      <span class="ch-source-name">${source.name}</span>
      <span class="ch-source-meta">${kind} · ${origin} · ${host.label(mentions === 1 ? 'mentionOne' : 'mentionsMany', { n: mentions })} · ${claims.length > 0 ? host.label('linkedClaims', { claims: claims.join(', ') }) : host.label('noClaimLinked')}</span>
      ${mentions > 0 || editable
        ? html`<span class="ch-source-actions">${mentions > 0 ? html`<button type="button" class="ch-button ch-jump" data-testid=${`source-jump-${source.sourceId}`} aria-label=${host.label('jumpToSource', { name: source.name })} @click=${() => this._jumpToSource(source.sourceId)}>${host.label('jump')}</button>` : nothing}${editable ? this._renderSourceEdits(source) : nothing}</span>`
        : nothing}
    </li>`;
  }

  /**
   * Edit and Delete of a source in the list.
   *
   * @param {SourceItemState} source
   */
  _renderSourceEdits(source) {
    const host = this.host;
    return html`<button type="button" class="ch-button" data-testid=${`source-edit-${source.sourceId}`} aria-label=${host.label('editSourceOf', { name: source.name })} @click=${() => this._openEditForm(source.sourceId)}>${host.label('editSource')}</button><button type="button" class="ch-button" data-testid=${`source-delete-${source.sourceId}`} aria-label=${host.label('deleteSourceOf', { name: source.name })} @click=${() => this._deleteSource(source.sourceId)}>${host.label('deleteSource')}</button>`;
  }

  /**
   * Jump (the list of sources): the source's first mention in the text, selected, scrolled to,
   * focused and announced.
   *
   * @param {string} sourceId
   */
  _jumpToSource(sourceId) {
    const mention = this.work.mentions.filter((m) => m.sourceId === sourceId).sort((a, b) => a.start - b.start)[0];
    if (!mention) {
      return;
    }
    const host = this.host;
    if (this.canAct()) {
      host.selection.showCaret();
    }
    this._selectMention(mention.mentionId, null);
    host.view.reveal(`mark.ch-mention[data-first][data-mention-id="${mention.mentionId.replace(/["\\]/g, '')}"]`, this.canAct());
  }

  /** @param {Claim} claim */
  _renderClaimItem(claim) {
    const host = this.host;
    const sources = [...(linkIndex(this.work.links).sourcesByClaim.get(claim.ref) ?? [])];
    const names = sources.map((s) => (s === null ? host.label('noSourceGiven') : (this._source(s)?.name ?? '')));
    const summary = names.length > 0 ? names.join(', ') : host.label('claimNotLinked');
    const selected = claim.ref === this.selectedClaimRef;
    return html`<li class="ch-claim-item"><button type="button" class="ch-button ch-claim-button" data-testid=${`claim-ref-${claim.ref}`} aria-pressed=${String(selected)} @click=${() => this._onClaimButton(claim.ref)}>${claim.label}</button> <span class="ch-claim-summary">${summary}</span></li>`;
  }

  // --- the form ------------------------------------------------------------------------

  /** Make a source (button, M, Enter): the form for the selected words. */
  _openNewForm() {
    const host = this.host;
    if (!this.canAct()) {
      return false;
    }
    const range = host.selection.currentRange() ?? this._selectedMention();
    if (!range) {
      return this._say('selectFirst');
    }
    if (range.end - range.start > LIMITS.span) {
      return this._say('longSpan');
    }
    const words = host.text.slice(range.start, range.end).trim().replace(/\s+/g, ' ');
    this._hint = null;
    this.form = {
      edit: null,
      range: { start: range.start, end: range.end },
      choice: 'new',
      name: words.slice(0, LIMITS.name),
      kind: null,
      origin: null,
      relayedFrom: '',
      problem: null,
    };
    host.selection.clearNativeSelection();
    host.invalidate();
    this._focusSoon(this.work.sources.length > 0 ? '[data-testid="source-choice-new"]' : '[data-testid="source-name"]');
    return true;
  }

  /** @param {string} sourceId */
  _openEditForm(sourceId) {
    const source = this._source(sourceId);
    if (!source || !this.canAct()) {
      return;
    }
    this.form = {
      edit: sourceId,
      range: null,
      choice: 'new',
      name: source.name,
      kind: source.kind,
      origin: source.origin,
      relayedFrom: source.relayedFrom ?? '',
      problem: null,
    };
    this.host.invalidate();
    this._focusSoon('[data-testid="source-name"]');
  }

  /**
   * @param {Partial<SourceForm>} changes
   * @param {boolean} [render=true] typing needs no render (the input shows what was typed)
   */
  _setForm(changes, render = true) {
    if (!this.form) {
      return;
    }
    Object.assign(this.form, changes, { problem: null });
    if (render) {
      this.host.invalidate();
    }
  }

  _closeForm() {
    this.form = null;
    this.host.invalidate();
    this.host.textRoot()?.focus();
  }

  /** @param {SubmitEvent} event */
  _onFormSubmit(event) {
    event.preventDefault();
    const form = this.form;
    if (!form || !this.canAct()) {
      return;
    }
    const host = this.host;
    if (form.edit == null && form.choice !== 'new') {
      this._addMention(form, form.choice);
      return;
    }
    const checked = checkSourceForm(form);
    if (!checked.ok) {
      this._formProblem(checked.problem);
      return;
    }
    const { name, kind, origin, relayedFrom } = checked;
    if (form.edit != null) {
      const source = this._source(form.edit);
      if (!source) {
        this._closeForm();
        return;
      }
      this._commit({ ...source, seq: source.seq + 1, name, kind, origin, relayedFrom, deleted: false });
      host.announce(host.label('sourceSaved', { name }));
      this._closeForm();
      return;
    }
    const tooMany = overLimit(this.work, 'source');
    if (tooMany) {
      this._formProblem(tooMany);
      return;
    }
    const sourceId = newMarkId();
    // The source first: the queue sends its mention only once the server has it.
    this._commit({ item: 'source', sourceId, seq: 1, name, kind, origin, relayedFrom, deleted: false });
    this._addMention(form, sourceId);
  }

  /**
   * @param {SourceForm} form
   * @param {string} sourceId
   */
  _addMention(form, sourceId) {
    const host = this.host;
    const source = this._source(sourceId);
    if (!form.range || !source) {
      this._closeForm();
      return;
    }
    const tooMany = overLimit(this.work, 'mention', sourceId);
    if (tooMany) {
      this._formProblem(tooMany);
      return;
    }
    const quoted = safeQuote(host.text, form.range.start, form.range.end);
    const mentionId = newMarkId();
    this._commit({
      item: 'mention',
      mentionId,
      seq: 1,
      sourceId,
      start: form.range.start,
      end: form.range.end,
      exact: quoted.exact,
      prefix: quoted.prefix,
      suffix: quoted.suffix,
      deleted: false,
    });
    host.announce(host.label(form.choice === 'new' ? 'sourceAdded' : 'mentionAdded', { name: source.name }));
    const selection = host.selection;
    selection.clearRange();
    selection.anchor = selection.focus;
    this.selectedMentionId = mentionId;
    this._closeForm();
  }

  /** @param {string} key */
  _formProblem(key) {
    if (this.form) {
      this.form.problem = this.host.label(key);
      this.host.announce(this.form.problem);
      this.host.invalidate();
    }
  }

  // --- actions -------------------------------------------------------------------------

  /**
   * @param {Claim} claim
   * @param {string | null} sourceId null for "no source given"
   * @param {boolean} on
   */
  _toggleLink(claim, sourceId, on) {
    if (!this.canAct()) {
      return;
    }
    const host = this.host;
    const changes = linkChanges(this.work.links, claim.ref, sourceId, on, newMarkId);
    const adds = changes.filter((c) => !c.deleted).length - changes.filter((c) => c.deleted).length;
    if (adds > 0 && overLimit(this.work, 'link')) {
      this._say('tooManyLinks');
      this.host.invalidate(); // The box goes back to what is saved.
      return;
    }
    changes.forEach((change) => this._commit(change));
    const name = sourceId === null ? host.label('noSourceGiven') : (this._source(sourceId)?.name ?? '');
    host.announce(host.label(on ? 'linked' : 'unlinked', { claim: claim.label, name }));
  }

  /** @param {string} sourceId */
  _deleteSource(sourceId) {
    const source = this._source(sourceId);
    if (!source || !this.canAct()) {
      return;
    }
    // Mentions and links first, then the source: nothing is left pointing at a deleted source.
    sourceDeletion(this.work, sourceId).forEach((change) => this._commit(change));
    if (this.form?.edit === sourceId || this.form?.choice === sourceId) {
      this.form = null;
    }
    this.host.announce(this.host.label('sourceDeleted', { name: source.name }));
    this.host.textRoot()?.focus();
  }

  _deleteSelectedMention() {
    const mention = this._selectedMention();
    if (!mention || !this.canAct()) {
      return false;
    }
    this.selectedMentionId = null;
    this._commit({ ...mention, seq: mention.seq + 1, deleted: true });
    this.host.announce(this.host.label('mentionDeleted'));
    return true;
  }

  /** @param {ItemState} state */
  _commit(state) {
    this.host.ensureOutbox();
    this.host.saveQueue.commit(state);
  }

  /** @param {string} ref */
  _onClaimButton(ref) {
    if (this.selectedClaimRef === ref) {
      this._focusClaimLinks();
      return;
    }
    this._selectClaim(ref, { moveCaret: true });
    if (this.canAct()) {
      this._focusClaimLinks();
    }
  }

  /**
   * @param {string} ref
   * @param {{moveCaret?: boolean, announce?: boolean}} [options]
   */
  _selectClaim(ref, { moveCaret = false, announce = false } = {}) {
    const claim = this.claims.find((c) => c.ref === ref);
    if (!claim) {
      return false;
    }
    const host = this.host;
    this.selectedClaimRef = ref;
    this.selectedMentionId = null;
    this._hint = null;
    if (this.canAct()) {
      host.selection.clearRange();
      if (moveCaret) {
        host.selection.moveCaretTo(claim);
      }
    }
    if (announce) {
      host.announceCaret(host.label('selectedClaim', { claim: claim.label, text: host.text.slice(claim.start, claim.end) }));
    }
    host.invalidate();
    return true;
  }

  /**
   * @param {string} mentionId
   * @param {string | null} claimRef the claim the mention lies in, if any
   */
  _selectMention(mentionId, claimRef) {
    const mention = this.work.mentions.find((m) => m.mentionId === mentionId);
    if (!mention) {
      return;
    }
    const host = this.host;
    if (claimRef) {
      this.selectedClaimRef = claimRef;
    }
    this.selectedMentionId = mentionId;
    this._hint = null;
    host.selection.clearRange();
    host.selection.moveCaretTo(mention);
    host.announceCaret(
      host.label('selectedMention', { name: this._source(mention.sourceId)?.name ?? '', text: host.text.slice(mention.start, mention.end) }),
    );
    host.invalidate();
  }

  /** @param {number} dir +1 for the next claim, -1 for the previous */
  _jumpToClaim(dir) {
    const selection = this.host.selection;
    const word = selection.words[selection.focus];
    const offset = selection.caretShown && word ? word.start : selection.range ? selection.range.start : undefined;
    const target = adjacentMark(
      this.claims.map((c) => ({ markId: c.ref, start: c.start, end: c.end })),
      { selectedId: this.selectedClaimRef, offset },
      dir,
    );
    if (!target) {
      return false;
    }
    selection.showCaret();
    return this._selectClaim(target.markId, { moveCaret: true, announce: true });
  }

  _extendToSentence() {
    if (!this.canAct()) {
      return false;
    }
    const host = this.host;
    const base = host.selection.currentRange();
    if (!base) {
      return this._say('selectFirst');
    }
    const extended = host.selection.extendToSentence(base);
    if (extended) {
      host.announceCaret(host.text.slice(extended.start, extended.end));
    }
    return extended != null;
  }

  /** @param {MouseEvent} event */
  _onExtendClick(event) {
    this.toolIndex = 1;
    if (this._extendToSentence() && event.detail === 0) {
      this.host.textRoot()?.focus();
    }
  }

  /** @param {MouseEvent} event */
  _onDeleteMentionClick(event) {
    if (this._deleteSelectedMention() && event.detail === 0) {
      this.host.textRoot()?.focus();
    }
  }

  /** Escape on the text: drops the pending range, the selected mention and claim. */
  _clearSelection() {
    const selection = this.host.selection;
    const had = selection.range != null || this.selectedMentionId != null || this.selectedClaimRef != null || this._hint != null;
    selection.clearRange();
    this.selectedMentionId = null;
    this.selectedClaimRef = null;
    this._hint = null;
    selection.anchor = selection.focus;
    selection.clearNativeSelection();
    this.host.invalidate();
    return had;
  }

  /** @param {KeyboardEvent} event */
  _onPanelKeyDown(event) {
    if (event.key !== 'Escape') {
      return;
    }
    // Escape in the panel: close the form if open, and go back to the text.
    event.preventDefault();
    event.stopPropagation();
    if (this.form) {
      this._closeForm();
    } else {
      this.host.textRoot()?.focus();
    }
  }

  _focusClaimLinks() {
    this.host.invalidate();
    this._focusSoon('[data-testid="claim-links"] input');
  }

  /** @param {string} selector inside the panel */
  _focusSoon(selector) {
    this.host.updateComplete.then(() => {
      /** @type {HTMLElement | null} */ (this.host.querySelector(`:scope > .ch-sources-panel ${selector}`))?.focus();
    });
  }

  /** @param {string} key */
  _say(key) {
    this._hint = this.host.label(key);
    this.host.announce(this._hint);
    this.host.requestUpdate();
    return false;
  }

  /** @param {string} sourceId */
  _source(sourceId) {
    return this.work.sources.find((s) => s.sourceId === sourceId) ?? null;
  }

  /** @returns {MentionItemState | null} */
  _selectedMention() {
    return this.selectedMentionId != null ? (this.work.mentions.find((m) => m.mentionId === this.selectedMentionId) ?? null) : null;
  }

  /** @returns {Claim | null} */
  _selectedClaim() {
    return this.selectedClaimRef != null ? (this.claims.find((c) => c.ref === this.selectedClaimRef) ?? null) : null;
  }
}
