package org.lateral.library.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.jspecify.annotations.Nullable;
import org.lateral.library.LibraryEntry;

/**
 * What a teacher must read before giving an article to students: the story set's maturity note,
 * age band, analysis note and support note, and the article's own content note. The same notes,
 * worded the same way, in the library, the reader and the assign dialog (hence public: the class
 * page's assign dialog shows them too).
 */
public final class CareNotes {

    private CareNotes() {}

    /** The story set's notes, one line each; an empty box when the set has none. */
    static Div forStorySet(
            @Nullable String maturity,
            @Nullable String ageBand,
            @Nullable String analysisNote,
            @Nullable String supportNote) {
        Div notes = new Div();
        notes.addClassName("care-notes");
        notes.setTestId("care-notes");
        UI ui = UI.getCurrent();
        add(notes, VaadinIcon.WARNING, "maturity-note", maturity, ui.getTranslation("library.care.maturity", maturity));
        add(notes, VaadinIcon.USERS, "age-band", ageBand, ui.getTranslation("library.care.ageBand", ageBand));
        add(
                notes,
                VaadinIcon.INFO_CIRCLE,
                "analysis-note",
                analysisNote,
                ui.getTranslation("library.care.analysis", analysisNote));
        add(
                notes,
                VaadinIcon.HEART,
                "support-note",
                supportNote,
                ui.getTranslation("library.care.support", supportNote));
        return notes;
    }

    /** The article's content note, or an empty box when it has none. */
    static Div forArticle(@Nullable String contentNote) {
        Div notes = new Div();
        notes.addClassName("care-notes");
        add(
                notes,
                VaadinIcon.EXCLAMATION_CIRCLE,
                "content-note",
                contentNote,
                UI.getCurrent().getTranslation("library.care.content", contentNote));
        return notes;
    }

    /** Everything to read before assigning this article: its set's notes, then its own. */
    public static Div forAssigning(LibraryEntry e) {
        Div notes = forStorySet(e.maturityNote(), e.ageBand(), e.analysisNote(), e.supportNote());
        add(
                notes,
                VaadinIcon.EXCLAMATION_CIRCLE,
                "content-note",
                e.contentNote(),
                UI.getCurrent().getTranslation("library.care.content", e.contentNote()));
        return notes;
    }

    /** The note, worded with its label ({@code shown}), unless there is none ({@code text} blank). */
    private static void add(Div notes, VaadinIcon icon, String testId, @Nullable String text, String shown) {
        if (text == null || text.isBlank()) {
            return;
        }
        Div note = new Div(new Icon(icon), new Span(shown));
        note.addClassName("maturity-note");
        note.addClassName(testId);
        note.setTestId(testId);
        notes.add(note);
    }
}
