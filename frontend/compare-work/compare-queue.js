// @ts-check
/**
 * The autosave of the compare-outlets work (DD015), with the rules of the highlighter's save
 * queue (DD004, save-queue.js): every change is written to the outbox before it is sent; one
 * request per item is in flight (a newer change waits for its answer and goes next); no answer
 * within 10 s, a failure, or any status but saved/stale/rejected (the server's "busy") is retried
 * after 1 s, 2 s, 4 s … 30 s with jitter, at once when the browser comes back online; a late
 * answer still counts. saved, stale and rejected settle an entry. Window focus and a visible tab
 * refresh the stored work (seqs and spans), so two tabs of one student converge.
 *
 * No DOM: the server, storage, timers, randomness and the window's events are injected, so Node's
 * tests drive it with fakes (compare-queue.test.js).
 */

import { nextDelay } from '../claim-highlighter/outbox.js';
import {
  createCompareStore,
  keyOf,
  kindOfKey,
  nextSeq,
  pendingCompareEntries,
  pruneCompareOutbox,
  putCompareEntry,
  settleCompareEntry,
} from './compare-outbox.js';
import { readWork, shownSpans, workSeqs } from './compare-state.js';

export const REQUEST_TIMEOUT_MS = 10000;
export const REFRESH_DELAY_MS = 50;

/** The server method that saves each kind of item (CompareWorkArea.java). */
export const SAVE_METHOD = Object.freeze(
  /** @type {const} */ ({
    grid: 'saveGrid',
    span: 'saveSpan',
    cell: 'saveCell',
    note: 'saveNote',
    judgement: 'saveJudgement',
  }),
);

/**
 * @typedef {'saved' | 'saving' | 'retrying' | 'error'} SaveState
 * @typedef {import('./compare-outbox.js').CompareKind} CompareKind
 * @typedef {import('./compare-outbox.js').CompareStore} CompareStore
 * @typedef {import('./compare-state.js').Work} Work
 * @typedef {import('./compare-state.js').Span} Span
 * @typedef {{markId?: unknown, seq?: unknown, status?: unknown, message?: unknown}} SaveAnswer
 * @typedef {Record<string, ((...args: any[]) => Promise<any>) | undefined>} Server
 * @typedef {{setTimeout(callback: () => void, ms: number): unknown, clearTimeout(timer: unknown): void}} Timers
 */

/**
 * @typedef {object} CompareQueueOptions
 * @property {() => Server | null | undefined} server the element's `$server`, read at each call
 * @property {() => Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null} [storage]
 * @property {Timers} [timers]
 * @property {() => number} [random] for the retry jitter (see nextDelay)
 * @property {EventTarget | null} [window] `online` and `focus` come from here
 * @property {(EventTarget & {visibilityState?: string}) | null} [document] `visibilitychange`
 * @property {(state: SaveState, message: string) => void} [onStateChange] the whole work's state
 * @property {(key: string, state: SaveState, message: string) => void} [onItemState] one item's
 * @property {(key: string, message: string) => void} [onRejected] a refused save, with the server's sentence
 * @property {() => void} [onSpansChange] the shown spans may have changed
 * @property {(items: Map<string, {kind: string, state: Record<string, any>}>) => void} [onRefreshed]
 *   the stored items after a refresh, for the fields of items with nothing unsent
 */

export class TimeoutError extends Error {}

const defaultTimers = /** @type {Timers} */ ({
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (timer) => clearTimeout(/** @type {any} */ (timer)),
});

export const REJECTED_WITHOUT_WORDS = 'The server did not accept this change.';

export class CompareQueue {
  /** @param {CompareQueueOptions} options */
  constructor(options) {
    this._server = options.server;
    this._storage = options.storage ?? (() => null);
    this._timers = options.timers ?? defaultTimers;
    this._random = options.random ?? Math.random;
    this._window = options.window ?? null;
    this._document = options.document ?? null;
    this._onStateChange = options.onStateChange ?? (() => {});
    this._onItemState = options.onItemState ?? (() => {});
    this._onRejected = options.onRejected ?? (() => {});
    this._onSpansChange = options.onSpansChange ?? (() => {});
    this._onRefreshed = options.onRefreshed ?? (() => {});

    /** @type {CompareStore} */
    this._store = createCompareStore(null, '');
    /** @type {Work} */
    this._work = readWork(null);
    /** Highest seq each item is known to have had (stored, or sent from here). @type {Map<string, number>} */
    this._known = new Map();
    /** Item key -> seq of the request in flight. @type {Map<string, number>} */
    this._inflight = new Map();
    /** @type {Map<string, {attempt: number, timer: unknown}>} */
    this._retries = new Map();
    /** Changes written to the outbox but held back while the student types. @type {Map<string, unknown>} */
    this._held = new Map();
    /** Items whose last save was refused, with the sentence. @type {Map<string, string>} */
    this._refused = new Map();
    /** A refusal of a span (its chip is gone), shown until the next save goes through. */
    this._lastRefusal = '';
    /** @type {SaveState} */
    this._state = 'saved';
    this._stateMessage = '';
    this._generation = 0;
    this._connected = false;
    this._refreshing = false;
    /** @type {unknown} */
    this._refreshTimer = null;
    /** @type {Set<() => void>} */
    this._idleWaiters = new Set();

    this._onOnline = () => this.retryNow();
    this._onFocus = () => this.refreshSoon();
    this._onVisibility = () => {
      if (this._document?.visibilityState === 'visible') {
        this.refreshSoon();
      }
    };
  }

  connect() {
    this._connected = true;
    this._window?.addEventListener('online', this._onOnline);
    this._window?.addEventListener('focus', this._onFocus);
    this._document?.addEventListener('visibilitychange', this._onVisibility);
    this._flushAll();
  }

  disconnect() {
    this._connected = false;
    this._window?.removeEventListener('online', this._onOnline);
    this._window?.removeEventListener('focus', this._onFocus);
    this._document?.removeEventListener('visibilitychange', this._onVisibility);
    for (const retry of this._retries.values()) {
      this._timers.clearTimeout(retry.timer);
      retry.timer = null;
    }
    for (const [key, timer] of this._held) {
      this._timers.clearTimeout(timer);
      this._held.delete(key); // Stays in the outbox; the next page sends it.
    }
    this._timers.clearTimeout(this._refreshTimer);
    this._refreshTimer = null;
  }

  /**
   * Opens the outbox under `key` with the stored work: what the server already has is dropped
   * from it, the rest is sent. Answers the entries still unsent, for the fields to show them.
   *
   * @param {string} key the outbox key (localStorage)
   * @param {unknown} work the stored work (the `work` property)
   * @returns {Array<{key: string, kind: CompareKind, state: Record<string, any>}>}
   */
  open(key, work) {
    this._forgetRequests();
    const previous = this._store;
    this._store = createCompareStore(key ? this._storage() : null, key);
    if (!previous.key) {
      // Changes made before the key came were kept in memory only.
      for (const entry of pendingCompareEntries(previous.load())) {
        this._store.update((o) => putCompareEntry(o, entry.kind, entry.state, entry.at));
      }
    }
    this.setWork(work);
    const pending = pendingCompareEntries(this._store.load());
    for (const entry of pending) {
      this._raise(entry.key, entry.state.seq);
    }
    this._onSpansChange();
    this._flushAll();
    return pending.map(({ key: k, kind, state }) => ({ key: k, kind, state }));
  }

  /**
   * The stored work (a new `work` property, or a refresh): its seqs become known and the outbox
   * entries it already has are dropped.
   *
   * @param {unknown} work
   */
  setWork(work) {
    this._work = readWork(work);
    const seqs = workSeqs(this._work);
    for (const [k, seq] of seqs) {
      this._raise(k, seq);
    }
    this._store.update((o) => pruneCompareOutbox(o, seqs));
    this._onSpansChange();
    this._updateState();
  }

  /** The stored work as last read. */
  get work() {
    return this._work;
  }

  /** The spans to show: stored ones with the unsent span changes on top. */
  spans() {
    return shownSpans(this._work.spans, Object.values(this._store.load().entries));
  }

  /** @param {string} key */
  nextSeq(key) {
    return nextSeq(this._known, this._store.load(), key);
  }

  /**
   * The last known state of an item: unsent, else stored.
   *
   * @param {string} key
   * @returns {Record<string, any> | null}
   */
  lastState(key) {
    return this._store.get(key)?.state ?? this._work.items.get(key)?.state ?? null;
  }

  /**
   * Stores a change before anything is sent, and sends it now, or after `holdMs` without a newer
   * change of the item (typing).
   *
   * @param {CompareKind} kind
   * @param {Record<string, any>} state the item's full state, its seq from nextSeq
   * @param {number} [holdMs]
   */
  change(kind, state, holdMs = 0) {
    this._store.update((o) => putCompareEntry(o, kind, state));
    const itemKey = /** @type {string} */ (keyOf(kind, state));
    this._raise(itemKey, state.seq);
    this._timers.clearTimeout(this._held.get(itemKey));
    this._held.delete(itemKey);
    if (kind === 'span') {
      this._onSpansChange();
    }
    if (holdMs > 0) {
      this._held.set(
        itemKey,
        this._timers.setTimeout(() => {
          this._held.delete(itemKey);
          this._send(itemKey);
        }, holdMs),
      );
      this._updateState();
      return;
    }
    const retry = this._retries.get(itemKey);
    if (retry) {
      this._timers.clearTimeout(retry.timer);
      retry.timer = null;
    }
    this._send(itemKey);
  }

  /** Sends at once every change held back while typing. */
  sendHeld() {
    for (const [key, timer] of [...this._held]) {
      this._timers.clearTimeout(timer);
      this._held.delete(key);
      this._send(key);
    }
  }

  /** Whether nothing waits to be sent and no change of a shown item was refused. */
  allSaved() {
    return Object.keys(this._store.load().entries).length === 0 && this._refused.size === 0;
  }

  /**
   * Resolves true once everything is saved, false when it is not within `timeoutMs` (offline, or
   * a refused change to correct). Held changes go at once.
   *
   * @param {number} [timeoutMs]
   * @returns {Promise<boolean>}
   */
  whenAllSaved(timeoutMs = REQUEST_TIMEOUT_MS) {
    this.sendHeld();
    this.retryNow();
    if (this.allSaved()) {
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      /** @type {unknown} */
      let timer = null;
      const check = () => {
        if (this.allSaved()) {
          finish(true);
        } else if (this._inflight.size === 0 && this._refused.size > 0 && Object.keys(this._store.load().entries).length === 0) {
          finish(false); // Nothing left in flight; a refused change waits for the student.
        }
      };
      /** @param {boolean} saved */
      const finish = (saved) => {
        this._timers.clearTimeout(timer);
        this._idleWaiters.delete(check);
        resolve(saved);
      };
      timer = this._timers.setTimeout(() => finish(this.allSaved()), timeoutMs);
      this._idleWaiters.add(check);
      check();
    });
  }

  /** Forgets every unsent change (after a submit, at sign-out) and stops retrying. */
  clear() {
    this._forgetRequests();
    this._store.clear();
    this._refused.clear();
    this._lastRefusal = '';
    this._onSpansChange();
    this._updateState();
  }

  /** Back online: every waiting retry goes now. */
  retryNow() {
    for (const retry of this._retries.values()) {
      this._timers.clearTimeout(retry.timer);
      retry.timer = null;
    }
    this._flushAll();
  }

  refreshSoon() {
    if (!this._connected || this._refreshTimer != null) {
      return;
    }
    this._refreshTimer = this._timers.setTimeout(() => {
      this._refreshTimer = null;
      void this.refresh();
    }, REFRESH_DELAY_MS);
  }

  /**
   * Reads the stored work again (refreshCompareWork); a null answer (the session over its
   * budget) or a failure keeps what is shown. Then sends what waits, another tab's entries too.
   */
  async refresh() {
    if (this._refreshing) {
      return;
    }
    this._refreshing = true;
    const generation = this._generation;
    try {
      const work = await this._withTimeout(this._call('refreshCompareWork'));
      if (generation === this._generation && work && typeof work === 'object') {
        this.setWork(work);
        this._onRefreshed(this._work.items);
      }
    } catch {
      // Offline or slow: keep showing what we have.
    } finally {
      this._refreshing = false;
    }
    this._flushAll();
  }

  // --- sending ---------------------------------------------------------------------------

  /** @param {string} key @param {number} seq */
  _raise(key, seq) {
    if (seq > (this._known.get(key) ?? 0)) {
      this._known.set(key, seq);
    }
  }

  _forgetRequests() {
    this._generation++;
    for (const retry of this._retries.values()) {
      this._timers.clearTimeout(retry.timer);
    }
    for (const timer of this._held.values()) {
      this._timers.clearTimeout(timer);
    }
    this._retries.clear();
    this._held.clear();
    this._inflight.clear();
  }

  _flushAll() {
    if (!this._connected) {
      return;
    }
    for (const entry of pendingCompareEntries(this._store.load())) {
      if (!this._held.has(entry.key)) {
        this._send(entry.key);
      }
    }
    this._updateState();
  }

  /**
   * Sends the item's waiting state unless its request is in flight (the answer sends the newer
   * state), its retry is not due, or the element is not connected.
   *
   * @param {string} key
   */
  async _send(key) {
    if (!this._connected || this._inflight.has(key) || this._retries.get(key)?.timer) {
      this._updateState();
      return;
    }
    const entry = this._store.get(key);
    if (!entry) {
      this._retries.delete(key);
      this._updateState();
      return;
    }
    const generation = this._generation;
    const sent = entry.state;
    this._inflight.set(key, sent.seq);
    this._updateState();
    const request = this._call(SAVE_METHOD[entry.kind], sent);
    /** @type {SaveAnswer | undefined} */
    let answer;
    let failed = false;
    try {
      answer = await this._withTimeout(request);
    } catch (error) {
      failed = true;
      if (error instanceof TimeoutError) {
        request.then((late) => this._onLate(generation, key, sent, late)).catch(() => {});
      }
    }
    if (generation !== this._generation) {
      return; // Cleared or reopened meanwhile: the answer belongs to the old outbox.
    }
    this._inflight.delete(key);
    const status = answer && typeof answer === 'object' ? answer.status : undefined;
    if (failed || (status !== 'saved' && status !== 'stale' && status !== 'rejected')) {
      this._scheduleRetry(key);
      this._updateState();
      this._wakeWaiters();
      return;
    }
    this._onAnswer(key, sent, /** @type {SaveAnswer} */ (answer), status);
  }

  /**
   * @param {string} key
   * @param {Record<string, any>} sent
   * @param {SaveAnswer} answer
   * @param {'saved' | 'stale' | 'rejected'} status
   */
  _onAnswer(key, sent, answer, status) {
    const seq = Math.max(Number.isInteger(answer.seq) ? /** @type {number} */ (answer.seq) : sent.seq, sent.seq);
    this._store.update((o) => settleCompareEntry(o, key, seq, status));
    this._retries.delete(key);
    if (status === 'rejected') {
      const message =
        typeof answer.message === 'string' && answer.message.trim() !== '' ? answer.message : REJECTED_WITHOUT_WORDS;
      if (kindOfKey(key) === 'span') {
        this._lastRefusal = message; // The span is dropped: its chip goes, the sentence stays.
      } else {
        this._refused.set(key, message);
      }
      this._onRejected(key, message);
      this._onSpansChange();
    } else {
      this._refused.delete(key);
      this._lastRefusal = '';
      // Only a saved state at least as new as any known one is what the server holds; a stale
      // answer means the server holds something else, which the refresh below brings.
      const newest = sent.seq >= (this._known.get(key) ?? 0);
      this._raise(key, seq);
      if (status === 'saved' && newest) {
        this._remember(key, { ...sent, seq });
      }
      if (status === 'stale') {
        this.refreshSoon(); // Another tab or an older page got there first.
      }
    }
    if (this._store.get(key)) {
      this._send(key); // Changed while on its way: the newer state goes now.
    }
    this._updateState();
    this._wakeWaiters();
  }

  /**
   * @param {number} generation
   * @param {string} key
   * @param {Record<string, any>} sent
   * @param {SaveAnswer | undefined} answer
   */
  _onLate(generation, key, sent, answer) {
    if (generation !== this._generation || !answer || (answer.status !== 'saved' && answer.status !== 'stale')) {
      return;
    }
    const seq = Math.max(Number.isInteger(answer.seq) ? /** @type {number} */ (answer.seq) : sent.seq, sent.seq);
    this._store.update((o) => settleCompareEntry(o, key, seq, answer.status));
    // A late answer for an older state must not bring that state back over a newer one.
    const newest = sent.seq >= (this._known.get(key) ?? 0);
    this._raise(key, seq);
    if (answer.status === 'saved' && newest) {
      this._remember(key, { ...sent, seq });
    }
    if (!this._store.get(key) && !this._inflight.has(key)) {
      this._timers.clearTimeout(this._retries.get(key)?.timer);
      this._retries.delete(key);
    }
    this._updateState();
    this._wakeWaiters();
  }

  /**
   * A committed state becomes part of the stored work as far as this page knows.
   *
   * @param {string} key
   * @param {Record<string, any>} state
   */
  _remember(key, state) {
    const kind = kindOfKey(key);
    if (!kind) {
      return;
    }
    this._work.items.set(key, { kind, state });
    if (kind === 'span') {
      const others = this._work.spans.filter((s) => s.spanId !== state.spanId);
      this._work.spans = state.deleted ? others : [...others, /** @type {Span} */ (state)];
      this._onSpansChange();
    }
  }

  /** @param {string} key */
  _scheduleRetry(key) {
    const retry = this._retries.get(key) ?? { attempt: 0, timer: null };
    this._timers.clearTimeout(retry.timer);
    const delay = nextDelay(retry.attempt, this._random);
    retry.attempt += 1;
    retry.timer = this._timers.setTimeout(() => {
      retry.timer = null;
      this._send(key);
    }, delay);
    this._retries.set(key, retry);
  }

  _wakeWaiters() {
    for (const check of [...this._idleWaiters]) {
      check();
    }
  }

  /** @returns {[SaveState, string]} */
  _compute() {
    const refused = [...this._refused.values()];
    if (refused.length > 0 || this._lastRefusal) {
      return ['error', this._lastRefusal || refused[refused.length - 1]];
    }
    for (const retry of this._retries.values()) {
      if (retry.timer != null || !this._connected) {
        return ['retrying', ''];
      }
    }
    if (this._inflight.size > 0 || Object.keys(this._store.load().entries).length > 0) {
      return ['saving', ''];
    }
    return ['saved', ''];
  }

  /**
   * One item's state: refused, retrying, on its way (or held back), or saved.
   *
   * @param {string} key
   * @returns {[SaveState, string]}
   */
  itemState(key) {
    const refused = this._refused.get(key);
    if (refused) {
      return ['error', refused];
    }
    if (this._retries.get(key)?.timer != null) {
      return ['retrying', ''];
    }
    if (this._inflight.has(key) || this._store.get(key)) {
      return ['saving', ''];
    }
    return ['saved', ''];
  }

  _updateState() {
    const [state, message] = this._compute();
    if (state !== this._state || message !== this._stateMessage) {
      this._state = state;
      this._stateMessage = message;
      this._onStateChange(state, message);
    }
    const keys = new Set([...this._known.keys(), ...this._refused.keys()]);
    for (const key of keys) {
      const [itemState, itemMessage] = this.itemState(key);
      this._onItemState(key, itemState, itemMessage);
    }
  }

  get state() {
    return this._state;
  }

  // --- the server ------------------------------------------------------------------------

  /**
   * @param {string} method
   * @param {...unknown} args
   * @returns {Promise<any>}
   */
  _call(method, ...args) {
    return new Promise((resolve) => {
      const server = this._server();
      const fn = server ? server[method] : undefined;
      if (typeof fn !== 'function') {
        throw new TypeError(`server method ${method} is not available`);
      }
      resolve(fn.apply(server, args));
    });
  }

  /**
   * @template T
   * @param {Promise<T>} promise
   * @returns {Promise<T>}
   */
  _withTimeout(promise) {
    /** @type {unknown} */
    let timer;
    /** @type {Promise<never>} */
    const timeout = new Promise((_, reject) => {
      timer = this._timers.setTimeout(() => reject(new TimeoutError('no answer in time')), REQUEST_TIMEOUT_MS);
    });
    return Promise.race([promise, timeout]).finally(() => this._timers.clearTimeout(timer));
  }
}

/**
 * localStorage, or null where it is missing or blocked (blocked storage throws on access). The
 * highlighter's save-queue.js has the same; it is not imported from there, since that module
 * brings Lit's types with it.
 */
export function safeLocalStorage() {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
}
