package org.lateral.library.fetch;

import java.net.InetAddress;

/**
 * Lets through public addresses only, unless the admin setting allows private ones too (a school
 * that imports from its own intranet, or a test server on this machine).
 */
record PublicAddressGuard(boolean allowPrivateAddresses) implements AddressGuard {

    @Override
    public void check(FetchAddress address, InetAddress resolved) {
        AddressKind kind = AddressKind.of(resolved);
        if (kind == AddressKind.PUBLIC || allowPrivateAddresses && kind.allowedWithPrivateAddresses()) {
            return;
        }
        throw new FetchRefusedException("Lateral does not fetch from " + address.host() + ": it leads to "
                + kind.description() + ", not to a public web site.");
    }
}
