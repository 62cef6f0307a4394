package org.lateral.library.importing;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What was read from pasted text, a file or a page, before it is matched to the school's outlets:
 * the headline, the article's paragraphs (without the headline), the metadata found, and what was
 * left out as the page's furniture.
 */
record Extraction(
        @Nullable String title,
        List<String> paragraphs,
        @Nullable String outletName,
        @Nullable String byline,
        @Nullable LocalDate date,
        @Nullable String address,
        @Nullable String addressSource,
        @Nullable String language,
        List<String> removed,
        ArticleDraft.Origin origin,
        @Nullable String sourceFile) {}
