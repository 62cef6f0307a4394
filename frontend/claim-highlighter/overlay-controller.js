// @ts-check
import { html, nothing } from 'lit';
import { NO_FILTER, filterOverlays, overlayFacets, overlayItems, withType } from './item-list.js';

/**
 * @typedef {import('lit').ReactiveController} ReactiveController
 * @typedef {import('./claim-highlighter.js').ClaimHighlighter} ClaimHighlighter
 * @typedef {import('./item-list.js').OverlayFilter} OverlayFilter
 * @typedef {import('./item-list.js').OverlayItem} OverlayItem
 */

/**
 * Filters and a list for the server's overlays (an answer key, feedback), on when the server sets
 * `overlayList`. A long key drawn all at once is a wall of colour (43 claims and 15 sources on
 * one article); here the student or teacher chooses what the text shows (claim types, missed
 * claims only, sources only), reads the shown items as a list, and jumps from an item to its
 * place in the text, which is scrolled to, focused and announced.
 *
 * The default is calm: the element carries `data-calm`, under which the stylesheet draws lighter
 * tints and no label badges; "Labels in the text" brings the full drawing back. The item jumped to
 * always shows its label. What is drawn and what is listed come from one filter (item-list.js),
 * so the two never disagree.
 *
 * @implements {ReactiveController}
 */
export class OverlayController {
  /** @param {ClaimHighlighter} host */
  constructor(host) {
    this.host = host;
    /** @type {OverlayFilter} */
    this.filter = NO_FILTER;
    /** Whether the labels and full tints are drawn (off: the calm default). */
    this.details = false;
    /** Whether the list of items is open. */
    this.listOpen = false;
    /** The overlayKey of the item jumped to. @type {string | null} */
    this.currentKey = null;
    host.addController(this);
  }

  hostConnected() {}

  hostUpdated() {
    this.host.toggleAttribute('data-calm', this.enabled() && !this.details);
  }

  /** Whether the filters and list are shown: asked for, and something to filter. */
  enabled() {
    return this.host.overlayList === true && overlayFacets(this.host.overlays).total > 0;
  }

  /**
   * The server's overlays that are drawn: all of them unless the filters are on.
   *
   * @param {unknown} overlays
   * @returns {unknown[]}
   */
  visible(overlays) {
    if (!this.enabled()) {
      return Array.isArray(overlays) ? overlays : [];
    }
    return filterOverlays(overlays, this.filter);
  }

  /** The filters, the count and the list, above the text (before it on every screen). */
  render() {
    if (!this.enabled()) {
      return nothing;
    }
    const host = this.host;
    const facets = overlayFacets(host.overlays);
    const items = overlayItems(filterOverlays(host.overlays, this.filter), host.text ?? '');
    const listId = `${host.view.idPrefix}-overlay-list`;
    const shows = /** @type {const} */ (['all', 'missed', 'sources']).filter(
      (s) => s === 'all' || (s === 'missed' ? facets.statuses.includes('missed') : facets.kinds.includes('source')),
    );
    return html`<section class="ch-overlay-panel" data-testid="overlay-panel" aria-label=${host.label('overlayFilters')}>
      <div class="ch-filters">
        ${facets.types.length > 0
          ? html`<fieldset class="ch-filter-group"><legend class="ch-filter-legend">${host.label('overlayTypes')}</legend>${facets.types.map(
              (type) =>
                html`<label class="ch-filter-option"><input type="checkbox" data-testid=${`overlay-type-${type}`} .checked=${!this.filter.hiddenTypes.has(type)} ?disabled=${this.filter.show === 'sources'} @change=${(/** @type {Event} */ e) => this._setFilter(withType(this.filter, type, /** @type {HTMLInputElement} */ (e.target).checked))} /><span class="ch-swatch" data-claim-type=${type} aria-hidden="true"></span>${host.typeName(type)}</label>`,
            )}</fieldset>`
          : nothing}
        ${shows.length > 1
          ? html`<fieldset class="ch-filter-group"><legend class="ch-filter-legend">${host.label('overlayShow')}</legend>${shows.map(
              (show) =>
                html`<label class="ch-filter-option"><input type="radio" name=${`${listId}-show`} data-testid=${`overlay-show-${show}`} .checked=${this.filter.show === show} @change=${() => this._setFilter({ ...this.filter, show })} />${host.label(`show:${show}`)}</label>`,
            )}</fieldset>`
          : nothing}
        <label class="ch-filter-option ch-filter-details"><input type="checkbox" data-testid="overlay-details" .checked=${this.details} @change=${(/** @type {Event} */ e) => this._setDetails(/** @type {HTMLInputElement} */ (e.target).checked)} />${host.label('overlayDetails')}</label>
      </div>
      <p class="ch-overlay-count" data-testid="overlay-count" role="status">${host.label('overlayCount', { shown: items.length, total: facets.total })}</p>
      <h3 class="ch-panel-heading ch-overlay-heading"><button type="button" class="ch-panel-toggle ch-overlay-toggle" data-testid="overlay-list-toggle" aria-expanded=${String(this.listOpen)} aria-controls=${listId} @click=${() => this._toggleList()}>${host.label('overlayList', { n: items.length })}</button></h3>
      <div class="ch-overlay-body" id=${listId} ?hidden=${!this.listOpen}>
        ${items.length === 0
          ? html`<p class="ch-sources-empty" data-testid="overlay-empty">${host.label('overlayEmpty')}</p>`
          : html`<ol class="ch-item-list" data-testid="overlay-list">${items.map((item) => this._renderItem(item))}</ol>`}
      </div>
    </section>`;
  }

  /** @param {OverlayItem} item */
  _renderItem(item) {
    const current = item.key === this.currentKey;
    const what = this._describe(item);
    return html`<li class="ch-list-item" data-testid="overlay-item" data-kind=${item.kind} data-claim-type=${item.type ?? nothing} data-status=${item.status ?? nothing} aria-current=${current ? 'true' : nothing}><button type="button" class="ch-item-button" data-testid="overlay-jump" @click=${() => this.jumpTo(item.key)}>${item.type ? html`<span class="ch-swatch" data-claim-type=${item.type} aria-hidden="true"></span>` : nothing}<span class="ch-item-what">${what}</span> <q class="ch-item-quote">${item.quote}</q></button></li>`;
  }

  /**
   * What an item is, in words: "hedged · missed", "source · Police".
   *
   * @param {OverlayItem} item
   */
  _describe(item) {
    const host = this.host;
    if (item.kind === 'source') {
      return item.label ? `${host.label('sourceItem')} · ${item.label}` : host.label('sourceItem');
    }
    const type = item.type ? host.typeName(item.type) : host.label('claimItem');
    return item.status ? `${type} · ${host.label(`status:${item.status}`)}` : type;
  }

  /**
   * Scrolls the text to an item, focuses its first fragment and says what it is.
   *
   * @param {string} key an overlayKey
   */
  jumpTo(key) {
    const host = this.host;
    const item = overlayItems(filterOverlays(host.overlays, this.filter), host.text ?? '').find((i) => i.key === key);
    if (!item) {
      return false;
    }
    this.currentKey = key;
    host.announce(`${this._describe(item)}: “${item.quote}”`);
    host.invalidate();
    host.view.reveal('mark[data-current][data-first]', false);
    return true;
  }

  /** @param {OverlayFilter} filter */
  _setFilter(filter) {
    this.filter = filter;
    const shown = filterOverlays(this.host.overlays, filter);
    if (this.currentKey != null && !overlayItems(shown, '').some((i) => i.key === this.currentKey)) {
      this.currentKey = null;
    }
    this.host.invalidate();
  }

  /** @param {boolean} on */
  _setDetails(on) {
    this.details = on;
    this.host.requestUpdate();
  }

  _toggleList() {
    this.listOpen = !this.listOpen;
    this.host.requestUpdate();
  }
}
