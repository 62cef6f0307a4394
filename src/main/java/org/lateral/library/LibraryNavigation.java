package org.lateral.library;

import java.util.UUID;

/** The only way other features link to library screens; the views themselves stay package-private. */
public final class LibraryNavigation {

    private LibraryNavigation() {}

    public static String library() {
        return "library";
    }

    public static String reader(UUID articleId) {
        return "library/article/" + articleId;
    }

    public static String outlet(UUID outletId) {
        return "library/outlet/" + outletId;
    }
}
