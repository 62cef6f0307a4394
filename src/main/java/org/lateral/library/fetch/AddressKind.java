package org.lateral.library.fetch;

import java.net.InetAddress;

/**
 * What an IP address is, for deciding whether Lateral may connect to it. Pure: looks at the
 * address bytes only, never at DNS. IPv6 forms that carry an IPv4 address (IPv4-mapped
 * {@code ::ffff:a.b.c.d}, the old IPv4-compatible {@code ::a.b.c.d}, the NAT64 prefix
 * {@code 64:ff9b::/96} and 6to4 {@code 2002::/16}) are judged by the IPv4 address inside, so
 * {@code [::ffff:127.0.0.1]} is loopback however it is written.
 */
public enum AddressKind {
    PUBLIC("a public address"),
    LOOPBACK("this server itself"),
    PRIVATE("a private network address"),
    LINK_LOCAL("a link-local address"),
    SHARED("a carrier-grade NAT address"),
    UNSPECIFIED("an unspecified address"),
    MULTICAST("a multicast or broadcast address"),
    RESERVED("a reserved address");

    private final String description;

    AddressKind(String description) {
        this.description = description;
    }

    /** A few words for a sentence: "… points to a private network address." */
    public String description() {
        return description;
    }

    /**
     * Whether the admin setting for private addresses may allow this kind. Unspecified and
     * multicast addresses are never a web server, so they stay refused either way.
     */
    public boolean allowedWithPrivateAddresses() {
        return this != UNSPECIFIED && this != MULTICAST;
    }

    public static AddressKind of(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 4 ? ofIpv4(b) : ofIpv6(b);
    }

    private static AddressKind ofIpv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (a0 == 0) {
            return UNSPECIFIED; // 0.0.0.0/8: "this network"; connecting to 0.0.0.0 reaches this host
        }
        if (a0 == 127) {
            return LOOPBACK;
        }
        if (a0 == 10 || a0 == 172 && (a1 & 0xf0) == 16 || a0 == 192 && a1 == 168) {
            return PRIVATE;
        }
        if (a0 == 169 && a1 == 254) {
            return LINK_LOCAL; // includes the cloud metadata address 169.254.169.254
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return SHARED; // 100.64.0.0/10
        }
        if (a0 >= 224 && a0 <= 239 || a0 == 255 && a1 == 255 && a2 == 255 && (b[3] & 0xff) == 255) {
            return MULTICAST;
        }
        if (a0 >= 240 // 240.0.0.0/4, future use
                || a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2) // protocol assignments, documentation
                || a0 == 198 && (a1 & 0xfe) == 18 // benchmarking 198.18.0.0/15
                || a0 == 198 && a1 == 51 && a2 == 100
                || a0 == 203 && a1 == 0 && a2 == 113) {
            return RESERVED;
        }
        return PUBLIC;
    }

    private static AddressKind ofIpv6(byte[] b) {
        byte[] embedded = embeddedIpv4(b);
        if (embedded != null) {
            return ofIpv4(embedded);
        }
        if (allZero(b, 0, 15)) {
            return b[15] == 0 ? UNSPECIFIED : b[15] == 1 ? LOOPBACK : RESERVED;
        }
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if ((b0 & 0xfe) == 0xfc) {
            return PRIVATE; // fc00::/7 unique local
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return LINK_LOCAL; // fe80::/10
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
            return PRIVATE; // fec0::/10, the deprecated site-local range
        }
        if (b0 == 0xff) {
            return MULTICAST;
        }
        if (b0 == 0x20 && b1 == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return RESERVED; // 2001:db8::/32 documentation
        }
        if (b0 == 0x01 && b1 == 0 && allZero(b, 2, 8)) {
            return RESERVED; // 100::/64 discard-only
        }
        return PUBLIC;
    }

    /** The IPv4 address an IPv6 address carries by one of the well-known embeddings, or null. */
    private static byte @org.jspecify.annotations.Nullable [] embeddedIpv4(byte[] b) {
        boolean mapped = allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        // ::a.b.c.d (deprecated IPv4-compatible), but not :: and ::1 themselves
        boolean compatible = allZero(b, 0, 12) && !allZero(b, 12, 15);
        boolean nat64 = (b[0] & 0xff) == 0x00
                && (b[1] & 0xff) == 0x64
                && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 12);
        if (mapped || compatible || nat64) {
            return new byte[] {b[12], b[13], b[14], b[15]};
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return new byte[] {b[2], b[3], b[4], b[5]}; // 6to4: 2002:a.b.c.d::/48
        }
        return null;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
