package org.lateral.submission.ui;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/** What the student's confirm dialogs (submit, revise) share. */
final class ConfirmDialogs {

    private ConfirmDialogs() {}

    /**
     * Opens the dialog without its invisible tab stop: the confirm dialog's web component makes
     * its own (zero-sized) host element focusable with tabindex 0 when it is first attached, so
     * Tab stops on nothing visible between Submit and Cancel. With -1 the host can still take the
     * focus from the dialog's own focus handling, but Tab only visits the buttons.
     */
    static void open(ConfirmDialog dialog) {
        dialog.open();
        dialog.getElement().executeJs("this.setAttribute('tabindex', '-1')");
    }
}
