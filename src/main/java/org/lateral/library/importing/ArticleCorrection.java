package org.lateral.library.importing;

import org.jspecify.annotations.Nullable;
import org.lateral.library.PublicationDate;

/** What the teacher changed in their article: saved as its next version. */
public record ArticleCorrection(
        String title,
        String body,
        @Nullable String byline,
        PublicationDate published,
        @Nullable String address) {}
