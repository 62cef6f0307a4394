// @ts-check
/**
 * What a mode of the highlighter is: a Lit reactive controller that gives the shared
 * selection, keyboard and rendering controllers their meaning. "Mark claims"
 * (marking-controller.js) is one; "Who says so?" (sources-controller.js), which names sources and
 * links claims to them, is another. The
 * selection controller snaps what the student selects and tells the active mode; the keyboard
 * controller moves the caret itself and hands every other key to the active mode; the render
 * controller draws the overlays of every mode and the tools of the active one. See DD008 for
 * how to add one.
 *
 * This file holds only the type; there is nothing to run.
 *
 * @typedef {import('./snapping.js').Span} Span
 * @typedef {import('lit').TemplateResult} TemplateResult
 * @typedef {import('./render-controller.js').DrawnOverlay} DrawnOverlay
 *
 * @typedef {object} HighlighterMode
 * @property {() => boolean} canAct whether its tools work now (e.g. marking on, not read-only)
 * @property {() => Span | null} selectedSpan what it has selected itself (a mark), from where
 *   the caret starts and Shift+arrows extend
 * @property {() => void} selectionMoved the student moved the range or the caret: let go of
 *   what it had selected
 * @property {(target: Element) => boolean} pointerClicked a click in the text that selected no
 *   words; true when it handled it (e.g. selected the mark under the pointer)
 * @property {(event: KeyboardEvent) => boolean} keyPressed a key on the text other than caret
 *   movement; true when handled (the event's default is then prevented)
 * @property {(event: KeyboardEvent) => void} toolbarKeyPressed a key on one of its tools other
 *   than moving between them or Escape
 * @property {() => string} describeCaret what a screen reader says after the caret moved
 * @property {(ownStatus: Map<string | number, string>) => DrawnOverlay[]} overlays what it draws
 *   over the text, whether active or not; `ownStatus` is the feedback status of the student's
 *   own marks, by mark id
 * @property {() => TemplateResult[]} renderTools its toolbar buttons, when active
 * @property {() => TemplateResult | typeof import('lit').nothing} renderPanel what it shows beside the text
 *   (the sources mode's panel), when active; also in read-only
 * @property {() => string} toolbarLabel the toolbar's accessible name
 * @property {() => string} helpText the keys it takes, read to a screen reader on the text
 * @property {() => string} keyShortcuts the text's aria-keyshortcuts
 * @property {() => string | null} hint a short text shown next to the save status
 * @property {boolean} [panelFirst] its panel goes between the toolbar and the text (the list of
 *   marks: beside the text on a wide screen, under the palette on a phone), not after the text
 * @property {number} toolIndex the toolbar button that takes the tab stop (roving tabindex)
 */

export {};
