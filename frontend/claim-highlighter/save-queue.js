// @ts-check
import {
  acknowledge,
  applyOutbox,
  blockedBy,
  createOutboxStore,
  entryKey,
  itemForServer,
  itemKind,
  nextDelay,
  pendingEntries,
  pruneOutbox,
  pruneSeqs,
  putEntry,
} from './outbox.js';
import { emptyWork, flattenServerWork, mergeWork, shownWork, workSeqs } from './source-work.js';

/** An unanswered save or refresh counts as failed after this long. */
export const REQUEST_TIMEOUT_MS = 10000;

/** How long window focus and a visible tab (which come together) are gathered into one refresh. */
export const REFRESH_DELAY_MS = 50;

/** @typedef {'saved' | 'saving' | 'retrying' | 'error'} SaveState */

/**
 * @typedef {import('lit').ReactiveController} ReactiveController
 * @typedef {import('./outbox.js').MarkState} MarkState
 * @typedef {import('./outbox.js').ItemState} ItemState
 * @typedef {import('./source-work.js').WorkItems} WorkItems
 * @typedef {ReturnType<typeof createOutboxStore>} OutboxStore
 * @typedef {{markId: string, seq: number, start: number, end: number, exact?: string, type: string,
 *   deleted?: boolean}} ServerMark a mark as the server lists it (SavedMark.java)
 * @typedef {{markId?: unknown, seq?: unknown, status?: unknown, message?: unknown}} SaveAnswer
 *   what saveMark resolves to (SaveResult.java); anything may be missing in a broken answer
 */

/**
 * The @ClientCallable methods of ClaimHighlighter.java (Vaadin's `$server`).
 *
 * @typedef {object} Server
 * @property {(state: MarkState) => Promise<SaveAnswer>} [saveMark]
 * @property {() => Promise<ServerMark[] | null>} [refreshMarks]
 * @property {(state: Record<string, unknown>) => Promise<SaveAnswer>} [saveSource] SourceState
 * @property {(state: Record<string, unknown>) => Promise<SaveAnswer>} [saveMention] MentionState
 * @property {(state: Record<string, unknown>) => Promise<SaveAnswer>} [saveLink] LinkState
 * @property {() => Promise<unknown>} [refreshSourceWork] `{sources, links}` (SourceWorkSnapshot.java)
 */

/** The server method that saves each kind of item. */
const SAVE_METHOD = Object.freeze(
  /** @type {const} */ ({ mark: 'saveMark', source: 'saveSource', mention: 'saveMention', link: 'saveLink' }),
);

/**
 * @typedef {object} Timers
 * @property {(callback: () => void, ms: number) => unknown} setTimeout
 * @property {(timer: unknown) => void} clearTimeout
 */

/**
 * @typedef {object} SaveQueueOptions
 * @property {() => Server | null | undefined} server the element's `$server`, read at each call
 *   (Vaadin sets it after the element exists)
 * @property {() => Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null} [storage]
 *   localStorage, or null where it is blocked
 * @property {Timers} [timers]
 * @property {() => number} [random] for the retry jitter, see nextDelay
 * @property {() => boolean} [enabled] whether marking is on; refreshes happen only then
 * @property {() => boolean} [sourceWork] whether the sources mode is on: refreshes then read the
   source work (refreshSourceWork) instead of the marks
 * @property {() => void} [onChange] the shown marks may have changed
 * @property {(state: SaveState) => void} [onStateChange]
 * @property {(message: string) => void} [onRejected] a save was refused, with the server's words
 * @property {() => string} [rejectedMessage] said when the server gave no words
 * @property {EventTarget | null} [window] `online` and `focus` come from here
 * @property {(EventTarget & {visibilityState?: string}) | null} [document] `visibilitychange`
 */

/** Thrown when a call gets no answer in time; the call's own promise may still settle. */
export class TimeoutError extends Error {}

const defaultTimers = /** @type {Timers} */ ({
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (timer) => clearTimeout(/** @type {any} */ (timer)),
});

/**
 * The autosave of the student's work (DD004): the outbox in storage, one request in flight per
 * item, retries with backoff, late answers, and refreshes from the server. Items are marks and
 * the sources mode's sources, mentions and claim links (DD013); all share one outbox and one
 * protocol, each kind going to its own server method. A live mention or link is not sent while
 * its source waits in the outbox (the server would refuse it): it goes once the source is
 * settled. A Lit reactive
 * controller that imports neither the DOM nor Lit (only Lit's types, for the checker): the
 * server, storage, timers, randomness and the window's events are injected, so Node's tests
 * drive it with fakes (save-queue.test.js).
 *
 * Every change is written to the outbox before it is sent. One request per mark is in flight; a
 * newer change waits for it and is sent next. No answer within 10 s or a failure means a retry
 * after 1 s, 2 s, 4 s … 30 s (or at once when the browser comes back online). Any status other
 * than saved, stale or rejected (the server's "busy", DD007) is a failure too. An answer that
 * arrives after its timeout still counts. After a refresh the server's list replaces what is
 * known, with the still unsent changes on top, so two tabs of one student converge.
 *
 * @implements {ReactiveController}
 */
export class SaveQueue {
  /**
   * @param {{addController(controller: object): void} | null} host the element; null in tests
   * @param {SaveQueueOptions} options
   */
  constructor(host, options) {
    this._server = options.server;
    this._storage = options.storage ?? safeLocalStorage;
    this._timers = options.timers ?? defaultTimers;
    this._random = options.random ?? Math.random;
    this._enabled = options.enabled ?? (() => true);
    this._sourceWork = options.sourceWork ?? (() => false);
    this._onChange = options.onChange ?? (() => {});
    this._onStateChange = options.onStateChange ?? (() => {});
    this._onRejected = options.onRejected ?? (() => {});
    this._rejectedMessage = options.rejectedMessage ?? (() => 'Not saved');
    this._window = options.window !== undefined ? options.window : globalThis.window ?? null;
    this._document = options.document !== undefined ? options.document : globalThis.document ?? null;

    this._connected = false;
    /** @type {OutboxStore | null} */
    this._store = null;
    /** @type {string | null} */
    this._storeKey = null;
    /** What the server has, as far as known. @type {ServerMark[]} */
    this._base = [];
    /** The source work the server has, as far as known. @type {WorkItems} */
    this._workBase = emptyWork();
    /** Increased when the outbox is cleared or replaced; answers to older requests are ignored. */
    this._generation = 0;
    /** Outbox key (a mark's is its markId) -> seq of the request in flight (one per item). @type {Map<string, number>} */
    this._inflight = new Map();
    /**
     * Outbox key -> failures so far, and the timer of the next retry.
     * @type {Map<string, {attempt: number, timer: unknown}>}
     */
    this._retries = new Map();
    /** Items (outbox keys) this tab has to send (own changes and the outbox found at start). @type {Set<string>} */
    this._queued = new Set();
    /** @type {string | null} */
    this._error = null;
    /** @type {SaveState} */
    this._state = 'saved';
    /** @type {unknown} */
    this._flushTimer = null;
    this._refreshing = false;
    this._refreshAgain = false;
    /** @type {unknown} */
    this._refreshTimer = null;
    /** Maps that collect the saves acknowledged while a refresh is under way. @type {Set<Map<string, ItemState>>} */
    this._ackWatchers = new Set();

    this._onWindowFocus = () => this.refreshSoon();
    this._onVisibility = () => {
      if (this._document?.visibilityState === 'visible') {
        this.refreshSoon();
      }
    };
    this._onOnline = () => this.retryNow();

    host?.addController(this);
  }

  // --- Lit lifecycle -------------------------------------------------------------------

  hostConnected() {
    this._connected = true;
    this._window?.addEventListener('focus', this._onWindowFocus);
    this._window?.addEventListener('online', this._onOnline);
    this._document?.addEventListener('visibilitychange', this._onVisibility);
    if (this._store) {
      this._scheduleFlushAll();
    }
  }

  hostDisconnected() {
    this._connected = false;
    this._window?.removeEventListener('focus', this._onWindowFocus);
    this._window?.removeEventListener('online', this._onOnline);
    this._document?.removeEventListener('visibilitychange', this._onVisibility);
    // The outbox stays in storage; a later connection (or page) sends it.
    for (const retry of this._retries.values()) {
      this._timers.clearTimeout(retry.timer);
      retry.timer = null;
    }
    this._timers.clearTimeout(this._flushTimer);
    this._timers.clearTimeout(this._refreshTimer);
    this._flushTimer = null;
    this._refreshTimer = null;
  }

  // --- what the host reads -------------------------------------------------------------

  /** The storage key of the open outbox, or null before marking starts. */
  get key() {
    return this._storeKey;
  }

  /** @returns {SaveState} */
  get state() {
    return this._state;
  }

  /** The message of the last rejected save, until the next accepted one. */
  get error() {
    return this._error;
  }

  /** The marks to show: the server's with the unsent changes on top (see applyOutbox). */
  marks() {
    return applyOutbox(this._base, this._store ? this._store.load() : []);
  }

  /** The source work to show: the server's with the unsent changes on top (see shownWork). */
  sourceWork() {
    return shownWork(this._workBase, this._store ? this._store.load() : []);
  }

  /** Whether some change has not been committed yet (in this tab's outbox). */
  hasPendingChanges() {
    if (this._queued.size > 0 || this._inflight.size > 0) {
      return true;
    }
    return this._store ? pendingEntries(this._store.load()).length > 0 : false;
  }

  // --- what the host tells -------------------------------------------------------------

  /**
   * The server's marks (the `marks` property): they replace what is known, and outbox entries
   * the server already has are dropped.
   *
   * @param {unknown} marks
   */
  setServerMarks(marks) {
    this._base = Array.isArray(marks) ? [...marks] : [];
    const base = this._base;
    this._store?.update((outbox) => pruneOutbox(outbox, base));
    this._onChange();
  }

  /**
   * The server's source work (`{sources, links}`, the `sourceWork` property): it replaces what
   * is known, and outbox entries the server already has are dropped.
   *
   * @param {unknown} snapshot
   */
  setServerSourceWork(snapshot) {
    const work = flattenServerWork(snapshot);
    this._workBase = work;
    if (this._store) {
      this._store.update((outbox) => pruneSeqs(outbox, workSeqs(work)));
      // A mention or link that waited for a source the server turns out to have may go now.
      this._scheduleFlushAll();
    }
    this._onChange();
  }

  /**
   * Opens the outbox under `key` (marking starts, or the key changed) and sends what waits in it.
   * Changes made before a key arrived were kept in memory only; they move to storage.
   *
   * @param {string} key
   */
  open(key) {
    if (this._store && this._storeKey === key) {
      return;
    }
    const previous = this._store;
    const previousKey = this._storeKey;
    this._forgetRequests();
    const store = createOutboxStore(key ? this._storage() : null, key);
    this._store = store;
    this._storeKey = key;
    if (previous && !previousKey) {
      for (const entry of pendingEntries(previous.load())) {
        store.update((outbox) => putEntry(outbox, entry, entry.at));
      }
    }
    const base = this._base;
    const seqs = workSeqs(this._workBase);
    store.update((outbox) => pruneSeqs(pruneOutbox(outbox, base), seqs));
    for (const entry of pendingEntries(store.load())) {
      this._queued.add(entryKey(entry));
    }
    this._onChange();
    this._updateState();
    this._scheduleFlushAll();
  }

  /**
   * Stores a change (before anything is sent) and sends it. A new change goes at once, even
   * while an older one of the same item waits for its retry.
   *
   * @param {ItemState} state the item's full new state
   */
  commit(state) {
    const store = this._openStore();
    store.update((outbox) => putEntry(outbox, state));
    const key = entryKey(state);
    this._queued.add(key);
    this._onChange();
    const retry = this._retries.get(key);
    if (retry && retry.timer != null) {
      this._timers.clearTimeout(retry.timer);
      retry.timer = null;
    }
    this._flush(key);
    this._updateState();
  }

  /**
   * Forgets every unsent change (after submit and logout) and stops retrying. Requests already
   * in flight may still be committed by the server; their answers are ignored.
   */
  clear() {
    this._forgetRequests();
    this._timers.clearTimeout(this._flushTimer);
    this._flushTimer = null;
    this._store?.clear();
    this._error = null;
    this._onChange();
    this._updateState();
  }

  /** Back online: every waiting retry goes now. */
  retryNow() {
    for (const [key, retry] of this._retries) {
      if (retry.timer != null) {
        this._timers.clearTimeout(retry.timer);
        retry.timer = null;
      }
      this._flush(key);
    }
    this._flushAll();
  }

  /** Window focus and a visible tab come together; one refresh is enough. */
  refreshSoon() {
    if (!this._enabled() || this._refreshTimer != null || !this._connected) {
      return;
    }
    this._refreshTimer = this._timers.setTimeout(() => {
      this._refreshTimer = null;
      this.refresh();
    }, REFRESH_DELAY_MS);
  }

  /**
   * Replaces what is known by the server's list with the still unsent changes on top, so that
   * two tabs of the same student converge; then sends whatever waits in the outbox (including
   * entries another tab left behind).
   *
   * @returns {Promise<void>}
   */
  async refresh() {
    const store = this._store;
    if (!this._enabled() || !store) {
      return;
    }
    const server = this._server();
    const sourceWork = this._sourceWork();
    const method = sourceWork ? 'refreshSourceWork' : 'refreshMarks';
    if (!server || typeof server[method] !== 'function') {
      this._flushAll();
      return;
    }
    if (this._refreshing) {
      this._refreshAgain = true;
      return;
    }
    this._refreshing = true;
    /** @type {Map<string, ItemState>} */
    const acked = new Map();
    this._ackWatchers.add(acked);
    const generation = this._generation;
    try {
      const list = await this._withTimeout(this._call(method));
      if (generation !== this._generation) {
        // The outbox was cleared or replaced meanwhile: the answer belongs to the old one.
      } else if (!sourceWork && Array.isArray(list)) {
        // A save committed while the list was on its way must not disappear again.
        this._base = applyOutbox(list, [...acked.values()]);
        store.update((outbox) => pruneOutbox(outbox, list));
        this._onChange();
      } else if (sourceWork && list && typeof list === 'object') {
        const work = flattenServerWork(list);
        this._workBase = mergeWork(work, acked.values());
        store.update((outbox) => pruneSeqs(outbox, workSeqs(work)));
        this._onChange();
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
      this.refresh();
    }
  }

  // --- sending -------------------------------------------------------------------------

  /** The open store; a change made before marking started is kept in memory until a key comes. */
  _openStore() {
    if (!this._store) {
      this.open('');
    }
    return /** @type {OutboxStore} */ (this._store);
  }

  /** Stops every retry and makes the answers to the requests in flight count for nothing. */
  _forgetRequests() {
    this._generation++;
    for (const retry of this._retries.values()) {
      this._timers.clearTimeout(retry.timer);
    }
    this._retries.clear();
    this._inflight.clear();
    this._queued.clear();
  }

  /** Sends the whole outbox soon: after the current update, once $server is surely there. */
  _scheduleFlushAll() {
    if (this._flushTimer != null) {
      return;
    }
    this._flushTimer = this._timers.setTimeout(() => {
      this._flushTimer = null;
      this._flushAll();
    }, 0);
  }

  _flushAll() {
    if (!this._store) {
      return;
    }
    for (const entry of pendingEntries(this._store.load())) {
      const key = entryKey(entry);
      this._queued.add(key);
      this._flush(key);
    }
    this._updateState();
  }

  /**
   * Sends the item's waiting state, unless a request for it is already in flight (its answer
   * sends the newer state), its retry is not due yet, or it waits for its source (sent when the
   * source is settled).
   *
   * @param {string} key the item's outbox key
   */
  async _flush(key) {
    if (!this._store || this._inflight.has(key)) {
      return;
    }
    const retry = this._retries.get(key);
    if (retry && retry.timer != null) {
      return;
    }
    const outbox = this._store.load();
    const entry = outbox.entries[key] ?? null;
    if (!entry) {
      this._queued.delete(key);
      this._retries.delete(key);
      this._updateState();
      return;
    }
    if (blockedBy(outbox, entry) !== null) {
      this._queued.add(key);
      this._updateState();
      return;
    }
    const generation = this._generation;
    const { at, ...sent } = entry;
    this._queued.add(key);
    this._inflight.set(key, sent.seq);
    this._updateState();

    const request = this._call(SAVE_METHOD[itemKind(entry)], itemForServer(entry));
    /** @type {SaveAnswer | undefined} */
    let result;
    /** @type {unknown} */
    let failure = null;
    try {
      result = await this._withTimeout(request);
    } catch (error) {
      failure = error;
    }
    if (generation !== this._generation) {
      return; // The outbox was cleared or replaced meanwhile.
    }
    this._inflight.delete(key);
    const status = result && typeof result === 'object' ? result.status : undefined;
    if (failure || !result || (status !== 'saved' && status !== 'stale' && status !== 'rejected')) {
      if (failure instanceof TimeoutError) {
        // A late answer still counts: it saves a request.
        request.then((late) => this._onLateAnswer(generation, key, sent, late)).catch(() => {});
      }
      this._scheduleRetry(key);
      this._updateState();
      return;
    }
    this._onAnswer(key, sent, result, status);
  }

  /**
   * @param {string} key
   * @param {ItemState} sent
   * @param {SaveAnswer} result
   * @param {'saved' | 'stale' | 'rejected'} status
   */
  _onAnswer(key, sent, result, status) {
    const store = this._openStore();
    const seq = answeredSeq(sent, result);
    store.update((outbox) => acknowledge(outbox, { markId: key, key, seq, status }));
    this._retries.delete(key);
    if (status === 'rejected') {
      const message =
        typeof result.message === 'string' && result.message.trim() !== '' ? result.message : this._rejectedMessage();
      this._error = message;
      this._onRejected(message);
    } else {
      this._error = null;
      if (status === 'saved') {
        this._applyAck({ ...sent, seq });
      } else {
        // Another tab or an older page got there first: learn what the server has.
        this.refreshSoon();
      }
    }
    if (store.get(key)) {
      this._flush(key);
    } else {
      this._queued.delete(key);
      if (itemKind(sent) === 'source') {
        this._flushAll(); // What waited for this source may go now.
      }
    }
    this._onChange();
    this._updateState();
  }

  /**
   * @param {number} generation
   * @param {string} key
   * @param {ItemState} sent
   * @param {SaveAnswer | undefined} result
   */
  _onLateAnswer(generation, key, sent, result) {
    const store = this._store;
    if (generation !== this._generation || !store || !result || (result.status !== 'saved' && result.status !== 'stale')) {
      return;
    }
    const status = result.status;
    const seq = answeredSeq(sent, result);
    store.update((outbox) => acknowledge(outbox, { markId: key, key, seq, status }));
    if (status === 'saved') {
      this._applyAck({ ...sent, seq });
    }
    if (!store.get(key) && !this._inflight.has(key)) {
      this._timers.clearTimeout(this._retries.get(key)?.timer);
      this._retries.delete(key);
      this._queued.delete(key);
      if (itemKind(sent) === 'source') {
        this._flushAll();
      }
    }
    this._onChange();
    this._updateState();
  }

  /**
   * A committed state becomes part of what the server is known to have.
   *
   * @param {ItemState} state
   */
  _applyAck(state) {
    if ('item' in state) {
      this._workBase = mergeWork(this._workBase, [state]);
    } else {
      this._base = applyOutbox(this._base, [state]);
    }
    for (const watcher of this._ackWatchers) {
      watcher.set(entryKey(state), state);
    }
  }

  /** @param {string} key */
  _scheduleRetry(key) {
    const retry = this._retries.get(key) ?? { attempt: 0, timer: null };
    this._timers.clearTimeout(retry.timer);
    retry.timer = null;
    const delay = nextDelay(retry.attempt, this._random);
    retry.attempt += 1;
    this._retries.set(key, retry);
    if (!this._connected) {
      return; // Sent again when connected (or by the next page, from storage).
    }
    retry.timer = this._timers.setTimeout(() => {
      retry.timer = null;
      this._flush(key);
    }, delay);
  }

  /** @returns {SaveState} */
  _computeState() {
    if (this._error) {
      return 'error';
    }
    for (const retry of this._retries.values()) {
      if (retry.timer != null || !this._connected) {
        return 'retrying';
      }
    }
    if (this._inflight.size > 0 || this._queued.size > 0) {
      return 'saving';
    }
    return 'saved';
  }

  _updateState() {
    const state = this._computeState();
    if (state !== this._state) {
      this._state = state;
      this._onStateChange(state);
    }
  }

  // --- the server ----------------------------------------------------------------------

  /**
   * A server call as a promise that also rejects when $server or the method is missing.
   *
   * @template {keyof Server} M
   * @param {M} method
   * @param {...any} args
   * @returns {Promise<any>}
   */
  _call(method, ...args) {
    return new Promise((resolve) => {
      const server = this._server();
      const fn = server ? server[method] : undefined;
      if (typeof fn !== 'function') {
        throw new TypeError(`server method ${method} is not available`);
      }
      resolve(/** @type {(...a: any[]) => unknown} */ (fn).apply(server, args));
    });
  }

  /**
   * Rejects with a TimeoutError when the promise has not settled within REQUEST_TIMEOUT_MS.
   *
   * @template T
   * @param {Promise<T>} promise
   * @returns {Promise<T>}
   */
  _withTimeout(promise) {
    /** @type {unknown} */
    let timer;
    /** @type {Promise<never>} */
    const timeout = new Promise((_, reject) => {
      timer = this._timers.setTimeout(
        () => reject(new TimeoutError(`no answer within ${REQUEST_TIMEOUT_MS} ms`)),
        REQUEST_TIMEOUT_MS,
      );
    });
    return Promise.race([promise, timeout]).finally(() => this._timers.clearTimeout(timer));
  }
}

/**
 * The seq an answer settles: the server's when it names one (a stale answer names the newer seq
 * it has), never lower than what was sent.
 *
 * @param {ItemState} sent
 * @param {SaveAnswer} result
 */
function answeredSeq(sent, result) {
  return Math.max(Number.isInteger(result.seq) ? /** @type {number} */ (result.seq) : sent.seq, sent.seq);
}

/** localStorage, or null where it is missing or blocked (blocked storage throws on access). */
export function safeLocalStorage() {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
}
