package org.lateral.library.importing;

import java.util.List;
import org.jsoup.nodes.Document;

/**
 * Finds the article's own text in a web page, leaving out menus, teasers, ads and comments. An
 * interface because the library behind it (Readability4J) is no longer maintained and may have to
 * be replaced without touching the rest of the import.
 */
public interface MainTextExtractor {

    /**
     * The main text's paragraphs, in page order, as plain text; empty when the page has no part
     * that looks like an article. The page has already lost its scripts, styles and embedded
     * objects; implementations must not change {@code page} (work on a copy).
     */
    List<String> paragraphs(Document page, String baseAddress);
}
