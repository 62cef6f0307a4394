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
    'N and P select the next and previous mark, Delete removes the selected mark, Escape clears the selection. ' +
    'Alt+left and right arrows move the end of the selected mark by a word, Alt+Shift+left and right arrows its start.',
  keysTitle: 'Keys',
  readerHelp:
    'Arrow keys move by word, Ctrl+arrows or up and down by sentence; add Shift to select. Escape clears the selection.',
  resized: '{type} mark now: “{text}”',
  resizeLimit: 'The mark cannot move further that way.',
  selectedOverlap: 'Selected: {type}, “{text}” (mark {n} of {count} here; click again for the next)',
  marksHeading: 'Your marks ({n})',
  marksEmpty: 'No marks yet: select the words of a claim in the text, then choose its type.',
  marksNone: 'No marks.',
  jump: 'Jump',
  jumpToMark: 'Jump to the {type} mark “{text}”',
  changeTypeOf: 'Type of the mark “{text}”',
  deleteMarkOf: 'Delete the {type} mark “{text}”',
  delete: 'Delete',
  // The list and filters of an overlay (answer key, feedback).
  overlayFilters: 'What the text shows',
  overlayTypes: 'Claim types',
  overlayShow: 'Show',
  'show:all': 'Everything',
  'show:missed': 'Missed claims only',
  'show:sources': 'Sources only',
  overlayDetails: 'Labels in the text',
  overlayCount: 'Showing {shown} of {total}',
  overlayList: 'List of what is shown ({n})',
  overlayEmpty: 'Nothing matches these filters.',
  'status:found': 'found',
  'status:mislabelled': 'found, other type',
  'status:missed': 'missed',
  'status:extra': 'not in the key',
  sourceItem: 'source',
  claimItem: 'claim',
  jumpToItem: 'Jump to {item}',
  factual: 'factual',
  attributed: 'attributed',
  hedged: 'hedged',
  speculation: 'speculation',
  opinion: 'opinion',
  unsupported: 'unsupported',

  // The sources mode ("Who says so?").
  sourceTools: 'Source tools',
  makeSource: 'Make a source',
  deleteMention: 'Delete mention',
  sourcesHeading: 'Your sources',
  sourcesEmpty: 'No sources yet: select the words that say who is speaking, then press Make a source.',
  claimsHeading: 'Claims',
  claimNumber: 'Claim {n}',
  claimNotLinked: 'no source ticked yet',
  newSourceTitle: 'Who is speaking?',
  editSourceTitle: 'Edit source',
  chooseSource: 'These words name',
  aNewSource: 'a new source',
  sourceName: 'Name as the article writes it',
  sourceKind: 'Kind of source',
  sourceOrigin: 'How did the outlet get it?',
  'origin:first-hand': 'First-hand',
  'originHelp:first-hand': 'The outlet heard or got it itself.',
  'origin:relayed': 'Relayed',
  'originHelp:relayed': 'The outlet took it from another outlet.',
  relayedFrom: 'From which outlet?',
  relayedVia: 'relayed via {outlet}',
  relayedUnknown: 'relayed',
  outletsInText: 'Outlets in the text:',
  kindNotChosen: 'kind not chosen',
  originNotChosen: 'origin not chosen',
  saveSource: 'Save',
  cancel: 'Cancel',
  editSource: 'Edit',
  deleteSource: 'Delete',
  editSourceOf: 'Edit {name}',
  jumpToSource: 'Jump to {name} in the text',
  deleteSourceOf: 'Delete {name}',
  mentionOne: '1 mention',
  mentionsMany: '{n} mentions',
  linkedClaims: 'linked to {claims}',
  noClaimLinked: 'no claim linked',
  claimLinksTitle: 'Who says {claim}?',
  noSourceGiven: 'No source given',
  makeSourceFirst: 'Make a source first, or tick No source given.',
  sourceAdded: 'Source added: {name}',
  mentionAdded: 'Mention added to {name}',
  sourceSaved: 'Source saved: {name}',
  sourceDeleted: 'Source deleted: {name}',
  mentionDeleted: 'Mention deleted',
  linked: '{claim} linked to {name}',
  unlinked: '{claim} no longer linked to {name}',
  selectedClaim: 'Selected: {claim}, “{text}”',
  selectedMention: 'Selected: mention of {name}, “{text}”',
  noName: "Write the source's name as the article gives it.",
  longName: "A source's name can be at most 300 characters. Write a shorter name.",
  longOutlet: "The outlet's name can be at most 300 characters. Write a shorter name.",
  longSpan: 'A mention can cover at most 2,000 characters. Select a shorter part.',
  tooManySources: 'You have named 50 sources, the most one attempt can hold. Delete a source before adding another.',
  tooManyMentions: 'This source already has 20 mentions, the most one source can hold. Delete a mention before adding another.',
  tooManyLinks: 'You have made 200 links between claims and sources, the most one attempt can hold. Delete a link before adding another.',
  sourcesHelp:
    'Arrow keys move by word, Ctrl+arrows or up and down by sentence; add Shift to extend. ' +
    'M or Enter makes a source of the selected words, S extends to the whole sentence, ' +
    'N and P select the next and previous claim, Enter on a selected claim goes to its sources, ' +
    'Delete removes the selected mention, Escape clears the selection.',
  'kind:named-person': 'Named person',
  'kindHelp:named-person': 'Someone the article names, such as a minister or a witness.',
  'kind:anonymous': 'Anonymous',
  'kindHelp:anonymous': 'Someone the article does not name: “a source”, “officials said”.',
  'kind:pseudonymous': 'Pseudonymous',
  'kindHelp:pseudonymous': 'Someone given a made-up name, such as “Abu Khaled, a pseudonym”.',
  'kind:official-body': 'Official body',
  'kindHelp:official-body': 'A government, ministry, police force, court or agency speaking as such.',
  'kind:expert-or-organisation': 'Expert or organisation',
  'kindHelp:expert-or-organisation': 'A researcher or specialist, a company, a charity or another group.',
  'kind:media-outlet': 'Media outlet',
  'kindHelp:media-outlet': 'Another newspaper, broadcaster, agency or website.',
  'kind:document': 'Document',
  'kindHelp:document': 'A report, study, letter, court filing, post or recording.',
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
 * The shown name of a source kind and its one-line explanation: `labels.kinds[kind]` as
 * `{name, help}` or a string (the name), else `labels['kind:' + kind]` and
 * `labels['kindHelp:' + kind]`, else English.
 *
 * @param {unknown} labels the element's `labels` property
 * @param {string} kind
 * @returns {{name: string, help: string}}
 */
export function kindLabel(labels, kind) {
  /** @type {Record<string, unknown>} */
  const all = labels && typeof labels === 'object' ? /** @type {Record<string, unknown>} */ (labels) : {};
  const kinds = all.kinds && typeof all.kinds === 'object' ? /** @type {Record<string, unknown>} */ (all.kinds) : {};
  const nested = kinds[kind];
  const name = label(labels, `kind:${kind}`);
  const help = label(labels, `kindHelp:${kind}`);
  if (typeof nested === 'string') {
    return { name: nested, help };
  }
  if (nested && typeof nested === 'object') {
    const n = /** @type {Record<string, unknown>} */ (nested);
    return { name: typeof n.name === 'string' ? n.name : name, help: typeof n.help === 'string' ? n.help : help };
  }
  return { name, help };
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
