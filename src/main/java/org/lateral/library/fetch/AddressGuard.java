package org.lateral.library.fetch;

import java.net.InetAddress;

/**
 * Decides, before any connection, whether Lateral may connect to one resolved address of a hop.
 * The fetcher asks it for every address a host resolves to and connects only to addresses it
 * let through. {@link PublicAddressGuard} is the only implementation outside tests.
 */
@FunctionalInterface
interface AddressGuard {

    /** @throws FetchRefusedException when Lateral must not connect to {@code resolved} */
    void check(FetchAddress address, InetAddress resolved);
}
