package org.lateral.base.highlighter;

import com.vaadin.flow.component.UI;
import org.lateral.base.i18n.KeyedText;
import org.lateral.base.i18n.Translations;

/**
 * The server's answer to one save, sent only after the database transaction has committed.
 *
 * @param status see {@link SaveStatus}; it reaches the browser as its code ("saved", …)
 * @param message for {@link SaveStatus#REJECTED} and {@link SaveStatus#BUSY}, why, in words a
 *     student understands, in the language of the page that saved (saves run in its request,
 *     DD034); empty otherwise
 */
public record SaveResult(String markId, int seq, SaveStatus status, String message) {

    public static SaveResult saved(String markId, int seq) {
        return new SaveResult(markId, seq, SaveStatus.SAVED, "");
    }

    public static SaveResult stale(String markId, int storedSeq) {
        return new SaveResult(markId, storedSeq, SaveStatus.STALE, "");
    }

    public static SaveResult busy(String markId, int seq) {
        UI ui = UI.getCurrent();
        return new SaveResult(
                markId,
                seq,
                SaveStatus.BUSY,
                ui == null ? Translations.english("base.save.busy") : ui.getTranslation("base.save.busy"));
    }

    public static SaveResult rejected(String markId, int seq, String message) {
        return new SaveResult(markId, seq, SaveStatus.REJECTED, message);
    }

    /** A refusal worded in the language of the page being served (English outside a page). */
    public static SaveResult rejected(String markId, int seq, KeyedText message) {
        UI ui = UI.getCurrent();
        return rejected(markId, seq, ui == null ? message.english() : message.in(ui));
    }
}
