package org.lateral.library.importing;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.library.PublicationDate;

/**
 * One of the teacher's own articles as it stands, opened for correcting: its current version's
 * fields and the {@code article.version} it was read at, which saving must still find (so a
 * correction made meanwhile, in another tab, is never overwritten unseen).
 *
 * @param body the text below the headline, paragraphs separated by blank lines
 */
public record EditableArticle(
        UUID articleId,
        int version,
        String title,
        @Nullable String byline,
        PublicationDate published,
        @Nullable String address,
        String body) {}
