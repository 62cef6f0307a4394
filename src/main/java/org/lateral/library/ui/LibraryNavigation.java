package org.lateral.library.ui;

import java.util.UUID;
import org.lateral.base.ui.Destination;

/**
 * The only way other features link to library screens. It lives beside the views so it can name
 * their classes while they stay package-private; it returns a typed {@link Destination} (why: see
 * there), so the paths are written only in the views' {@code @Route}.
 */
public final class LibraryNavigation {

    private LibraryNavigation() {}

    public static Destination library() {
        return Destination.of(LibraryView.class);
    }

    /** Adding an article of the teacher's own: paste or upload, preview, save. */
    public static Destination importArticle() {
        return Destination.of(ImportView.class);
    }

    public static Destination reader(UUID articleId) {
        return Destination.of(ReaderView.class, articleId.toString());
    }

    /** The calling teacher's own answer key of the article, to write, copy or publish (DD021). */
    public static Destination keyEditor(UUID articleId) {
        return Destination.of(KeyEditorView.class, articleId.toString());
    }

    /** The calling teacher's own comparison key of the story set, to write, copy or publish (DD021). */
    public static Destination comparisonKeyEditor(UUID storySetId) {
        return Destination.of(ComparisonKeyEditorView.class, storySetId.toString());
    }

    /** Correcting one of the teacher's own articles (a new version). */
    public static Destination editArticle(UUID articleId) {
        return Destination.of(ArticleEditView.class, articleId.toString());
    }

    /** Correcting the profile of one of the teacher's own outlets (a new profile version). */
    public static Destination editOutlet(UUID outletId) {
        return Destination.of(OutletEditView.class, outletId.toString());
    }

    public static Destination outlet(UUID outletId) {
        return Destination.of(OutletView.class, outletId.toString());
    }
}
