// @ts-check
/**
 * The claim types and every text the highlighter shows, with the lookups the controllers share.
 * Pure: no DOM, so Node's tests and the server-side list (HighlighterClaimType.java, checked by
 * ClaimHighlighterTest) can rely on it.
 */

/** The claim types, in palette order; keys 1–6 apply them. */
export const CLAIM_TYPES = Object.freeze(['factual', 'attributed', 'hedged', 'speculation', 'opinion', 'unsupported']);

/**
 * Every visible (or announced) text, in English. The server passes translations in `labels`;
 * a missing key falls back to these. `{type}`, `{text}` are replaced where shown.
 *
 * @type {Readonly<Record<string, string>>}
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
 * The shown name of a claim type: `labels.types[type]`, else `labels[type]`, else English.
 *
 * @param {unknown} labels the element's `labels` property
 * @param {string} type
 * @returns {string}
 */
export function typeName(labels, type) {
  /** @type {Record<string, unknown>} */
  const all = labels && typeof labels === 'object' ? /** @type {Record<string, unknown>} */ (labels) : {};
  const types = all.types;
  const nested = types && typeof types === 'object' ? /** @type {Record<string, unknown>} */ (types)[type] : undefined;
  if (typeof nested === 'string') {
    return nested;
  }
  const flat = all[type];
  return typeof flat === 'string' ? flat : (DEFAULT_LABELS[type] ?? String(type));
}
