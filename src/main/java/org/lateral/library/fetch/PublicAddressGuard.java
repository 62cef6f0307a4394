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
        String host = address.host();
        throw switch (kind) {
            case LOOPBACK -> new FetchRefusedException("library.fetch.refusal.notPublic.loopback", host);
            case PRIVATE -> new FetchRefusedException("library.fetch.refusal.notPublic.private", host);
            case LINK_LOCAL -> new FetchRefusedException("library.fetch.refusal.notPublic.linkLocal", host);
            case SHARED -> new FetchRefusedException("library.fetch.refusal.notPublic.shared", host);
            case UNSPECIFIED -> new FetchRefusedException("library.fetch.refusal.notPublic.unspecified", host);
            case MULTICAST -> new FetchRefusedException("library.fetch.refusal.notPublic.multicast", host);
            case RESERVED, PUBLIC -> new FetchRefusedException("library.fetch.refusal.notPublic.reserved", host);
        };
    }
}
