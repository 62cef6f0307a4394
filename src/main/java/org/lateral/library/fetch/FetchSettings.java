package org.lateral.library.fetch;

import java.time.Duration;

/**
 * The limits of a fetch (README, Configuration; DD018).
 *
 * @param connectTimeout how long to wait for one connection (and its TLS handshake) to open
 * @param totalTimeout how long the whole fetch may take, every redirect and the body included
 * @param maxBytes the largest body read; a larger one is refused, not cut
 * @param maxRedirects how many redirects are followed before the fetch is refused
 * @param allowPrivateAddresses whether loopback, private, link-local and shared addresses may be
 *     fetched from (off by default)
 */
record FetchSettings(
        Duration connectTimeout,
        Duration totalTimeout,
        long maxBytes,
        int maxRedirects,
        boolean allowPrivateAddresses) {}
