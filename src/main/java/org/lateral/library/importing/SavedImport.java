package org.lateral.library.importing;

import java.util.UUID;

/**
 * What saving a draft did: a new article, or nothing because the school's library already holds
 * an article with exactly this text (the teacher is told which, instead of getting a silent copy).
 */
public sealed interface SavedImport {

    UUID articleId();

    record Created(UUID articleId, boolean outletCreated) implements SavedImport {}

    record AlreadyInLibrary(UUID articleId, String title) implements SavedImport {}
}
