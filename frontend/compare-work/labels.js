// @ts-check
/**
 * Every text the compare-work element shows or announces, in English (DD034). The server passes
 * translations in the element's `labels` property (keys `compareWork.*` of Lateral's translation
 * files, the prefix taken off); a missing key falls back to these, so the element alone still
 * works. `{name}` placeholders are replaced where shown. Pure: no DOM.
 */
import { REJECTED_WITHOUT_WORDS } from './compare-queue.js';
import { NOT_A_COUNT, NOT_KNOWN, NOT_READABLE } from './compare-state.js';
import { NOT_IN_ARTICLE } from './compare-text.js';

/** @type {Readonly<Record<string, string>>} */
export const DEFAULT_LABELS = Object.freeze({
  saved: 'All changes saved',
  saving: 'Saving…',
  retrying: 'Not saved yet, retrying…',
  error: 'Not saved: {message}',
  selectFirst: 'Select the words in this article’s text first.',
  notInArticle: NOT_IN_ARTICLE,
  notACount: NOT_A_COUNT,
  notKnown: NOT_KNOWN,
  notReadable: NOT_READABLE,
  rejected: REJECTED_WITHOUT_WORDS,
  remove: 'Remove “{text}”',
});

/**
 * A label in the server's translation, else in English, with `{name}` replaced from `vars`.
 *
 * @param {unknown} labels the element's `labels` property
 * @param {string} key
 * @param {Record<string, unknown>} [vars]
 * @returns {string}
 */
export function label(labels, key, vars) {
  const own = labels && typeof labels === 'object' ? /** @type {Record<string, unknown>} */ (labels)[key] : undefined;
  let value = typeof own === 'string' ? own : (DEFAULT_LABELS[key] ?? key);
  if (vars) {
    value = value.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
  }
  return value;
}

/**
 * A sentence made by the pure modules (which know no labels) in the server's translation: the
 * English default it equals names its key. A sentence of the server (a refusal, already in the
 * page's language) is shown as it is.
 *
 * @param {unknown} labels the element's `labels` property
 * @param {string} text
 * @returns {string}
 */
export function translated(labels, text) {
  for (const [key, english] of Object.entries(DEFAULT_LABELS)) {
    if (english === text) {
      return label(labels, key);
    }
  }
  return text;
}
