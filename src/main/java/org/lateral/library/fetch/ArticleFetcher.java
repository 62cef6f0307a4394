package org.lateral.library.fetch;

import java.util.Set;

/**
 * Fetches a page by the address a teacher typed, under the rules of DD018 ("Fetching an
 * address"). Nothing from the page is run or parsed here.
 */
public interface ArticleFetcher {

    /** The media types a fetched page may have; anything else is refused. */
    Set<String> ACCEPTED_TYPES = Set.of("text/html", "application/xhtml+xml", "text/plain");

    /**
     * Fetches {@code address} (http or https), following up to the configured number of redirects.
     *
     * @throws FetchRefusedException with a sentence for the teacher when the address is not
     *     allowed, the site cannot be reached or answers with something Lateral does not import
     */
    FetchedPage fetch(String address);
}
