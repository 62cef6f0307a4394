package org.lateral.library.fetch;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.Optional;

/**
 * What a fetch brought back: the body as sent (at most the size limit), its media type in lower
 * case without parameters (one of {@link ArticleFetcher#ACCEPTED_TYPES}), the charset the server
 * named if it named a known one, and the address the body came from after redirects (the base for
 * relative links and the article's original address).
 */
public record FetchedPage(byte[] body, String contentType, Optional<Charset> charset, URI finalAddress) {

    public FetchedPage {
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
