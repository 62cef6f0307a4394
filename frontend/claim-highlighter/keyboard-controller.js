// @ts-check
/**
 * @typedef {import('lit').ReactiveController} ReactiveController
 * @typedef {import('./claim-highlighter.js').ClaimHighlighter} ClaimHighlighter
 */

/**
 * The keyboard: the text is one tab stop, the toolbar another; Tab is never taken.
 *
 * On the text, ← / → move the caret by word; Ctrl (or Cmd) + ← / →, ↑ / ↓ by sentence; Home /
 * End to the first / last word; with Shift the range grows from where it started. The first
 * key after focusing the text only shows the caret word. Every other key goes to the active
 * mode (marking: 1–6, Enter, S, N, P, Delete, Escape, and Alt(+Shift)+← / → to resize the selected
 * mark; sources: M, Enter, S, N, P, Delete, Escape). In the toolbar, arrows, Home and End move
 * between the buttons (roving tabindex) and Escape returns to the text; other keys go to the
 * mode. A keyboard focus on the text shows the caret at once; a click's focus does not.
 *
 * Without `markable` (a reader that reports selections, e.g. the practice page or the key
 * editor), the same caret keys select on a text that is not read-only: the caret and the
 * Shift+arrow range are drawn as when marking, the range is reported as a mouse selection is
 * (`highlighter-selection`, `$server.selectionChanged`) and read out; Escape drops it.
 *
 * @implements {ReactiveController}
 */
export class KeyboardController {
  /** @param {ClaimHighlighter} host */
  constructor(host) {
    this.host = host;
    host.addEventListener('keydown', (event) => this._onKeyDown(event));
    host.addEventListener('focusin', (event) => this._onFocusIn(event));
    host.addEventListener('focusout', (event) => this._onFocusOut(event));
    host.addController(this);
  }

  /** The listeners are on the element itself, so they come and go with it. */
  hostConnected() {}

  /** @param {KeyboardEvent} event */
  _onKeyDown(event) {
    const host = this.host;
    if (event.defaultPrevented) {
      return;
    }
    if (!host.markable) {
      this._onReaderKeyDown(event);
      return;
    }
    const textRoot = host.textRoot();
    const mode = host.activeMode;
    if (!textRoot || event.target !== textRoot || !mode.canAct()) {
      return;
    }
    const ctrl = event.ctrlKey || event.metaKey;
    const key = event.key;
    if (event.isComposing) {
      return;
    }
    if (event.altKey) {
      // Only Alt(+Shift)+arrows, the mode's resize; any other Alt key is the browser's.
      if (!ctrl && (key === 'ArrowLeft' || key === 'ArrowRight') && mode.keyPressed(event)) {
        event.preventDefault();
      }
      return;
    }
    let handled = true;
    switch (key) {
      case 'ArrowRight':
      case 'ArrowLeft':
        this._moveCaret(key === 'ArrowRight' ? 1 : -1, ctrl ? 'sentence' : 'word', event.shiftKey);
        break;
      case 'ArrowDown':
      case 'ArrowUp':
        this._moveCaret(key === 'ArrowDown' ? 1 : -1, 'sentence', event.shiftKey);
        break;
      case 'Home':
      case 'End':
        this._moveCaret(key === 'End' ? 1 : -1, 'all', event.shiftKey);
        break;
      default:
        handled = mode.keyPressed(event);
    }
    if (handled) {
      event.preventDefault();
    }
  }

  /**
   * The caret keys on a reader's text (not markable, not read-only): they select, and the range
   * is reported and read out.
   *
   * @param {KeyboardEvent} event
   */
  _onReaderKeyDown(event) {
    const host = this.host;
    const textRoot = host.textRoot();
    if (host.readonly || !host.text || !textRoot || event.target !== textRoot) {
      return;
    }
    if (event.altKey || event.isComposing) {
      return;
    }
    const ctrl = event.ctrlKey || event.metaKey;
    const selection = host.selection;
    /** @type {[number, 'word' | 'sentence' | 'all'] | null} */
    let move = null;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowLeft':
        move = [event.key === 'ArrowRight' ? 1 : -1, ctrl ? 'sentence' : 'word'];
        break;
      case 'ArrowDown':
      case 'ArrowUp':
        move = [event.key === 'ArrowDown' ? 1 : -1, 'sentence'];
        break;
      case 'Home':
      case 'End':
        move = [event.key === 'End' ? 1 : -1, 'all'];
        break;
      case 'Escape':
        if (selection.range) {
          selection.clearRange();
          selection.anchor = selection.focus;
          host.invalidate();
          event.preventDefault();
          event.stopPropagation();
        }
        return;
      default:
        return;
    }
    event.preventDefault();
    selection.moveCaret(move[0], move[1], event.shiftKey);
    const range = selection.currentRange();
    if (range) {
      host.announceCaret(host.text.slice(range.start, range.end));
    }
    if (event.shiftKey && selection.range) {
      selection.reportRange(selection.range);
    }
  }

  /**
   * @param {number} dir
   * @param {'word' | 'sentence' | 'all'} unit
   * @param {boolean} extend
   */
  _moveCaret(dir, unit, extend) {
    const selection = this.host.selection;
    selection.moveCaret(dir, unit, extend);
    if (selection.words.length > 0) {
      this.host.announceCaret(this.host.activeMode.describeCaret());
    }
  }

  /**
   * Keys in the toolbar (bound by the render controller on the toolbar element).
   *
   * @param {KeyboardEvent} event
   */
  onToolbarKeyDown(event) {
    const host = this.host;
    /** @type {HTMLButtonElement[]} */
    const buttons = [...host.querySelectorAll(':scope > .ch-toolbar button.ch-tool')].map(
      (b) => /** @type {HTMLButtonElement} */ (b),
    );
    const current = buttons.indexOf(/** @type {HTMLButtonElement} */ (event.target));
    if (current < 0 || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    const enabled = buttons.map((b, i) => (b.disabled ? -1 : i)).filter((i) => i >= 0);
    const at = enabled.indexOf(current);
    let next = -1;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        next = enabled[(at + 1) % enabled.length];
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        next = enabled[(at - 1 + enabled.length) % enabled.length];
        break;
      case 'Home':
        next = enabled[0];
        break;
      case 'End':
        next = enabled[enabled.length - 1];
        break;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        host.textRoot()?.focus();
        return;
      default:
        host.activeMode.toolbarKeyPressed(event);
        return;
    }
    event.preventDefault();
    if (next != null && next >= 0) {
      host.activeMode.toolIndex = next;
      buttons[next].focus();
      host.requestUpdate();
    }
  }

  /** @param {FocusEvent} event */
  _onFocusIn(event) {
    const host = this.host;
    if (host.readonly || !host.text) {
      return;
    }
    if (event.target !== host.textRoot()) {
      return;
    }
    // A click focuses the text too; only a keyboard focus shows the caret at once.
    if (!host.selection.pointerFocus) {
      host.selection.ensureCaret();
    }
  }

  /** @param {FocusEvent} event */
  _onFocusOut(event) {
    const host = this.host;
    if (host.readonly) {
      return;
    }
    const next = event.relatedTarget;
    if (next instanceof Node && host.contains(next)) {
      return; // Between the text and the palette: the caret stays for the palette to use.
    }
    host.selection.hideCaret();
  }
}
