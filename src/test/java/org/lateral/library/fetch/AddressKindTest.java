package org.lateral.library.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressKindTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        // IPv4
        "0.0.0.0, UNSPECIFIED",
        "0.1.2.3, UNSPECIFIED",
        "127.0.0.1, LOOPBACK",
        "127.255.1.2, LOOPBACK",
        "10.0.0.1, PRIVATE",
        "10.255.255.255, PRIVATE",
        "172.16.0.1, PRIVATE",
        "172.31.255.254, PRIVATE",
        "172.15.255.255, PUBLIC",
        "172.32.0.1, PUBLIC",
        "192.168.1.1, PRIVATE",
        "192.169.0.1, PUBLIC",
        "169.254.169.254, LINK_LOCAL",
        "100.64.0.1, SHARED",
        "100.127.255.255, SHARED",
        "100.63.255.255, PUBLIC",
        "100.128.0.0, PUBLIC",
        "224.0.0.1, MULTICAST",
        "239.255.255.250, MULTICAST",
        "255.255.255.255, MULTICAST",
        "240.0.0.1, RESERVED",
        "192.0.2.10, RESERVED",
        "198.18.0.1, RESERVED",
        "198.51.100.7, RESERVED",
        "203.0.113.5, RESERVED",
        "8.8.8.8, PUBLIC",
        "93.184.215.14, PUBLIC",
        // IPv6
        "::, UNSPECIFIED",
        "::1, LOOPBACK",
        "fc00::1, PRIVATE",
        "fd12:3456:789a::1, PRIVATE",
        "fe80::1, LINK_LOCAL",
        "febf::1, LINK_LOCAL",
        "fec0::1, PRIVATE",
        "ff02::1, MULTICAST",
        "2001:db8::1, RESERVED",
        "2606:4700::6810:85e5, PUBLIC",
        "2001:4860:4860::8888, PUBLIC",
        // IPv6 forms that carry an IPv4 address are judged by it
        "::ffff:127.0.0.1, LOOPBACK",
        "::ffff:7f00:1, LOOPBACK",
        "::ffff:10.1.2.3, PRIVATE",
        "::ffff:169.254.169.254, LINK_LOCAL",
        "::ffff:8.8.8.8, PUBLIC",
        "::127.0.0.1, LOOPBACK",
        "::192.168.0.1, PRIVATE",
        "64:ff9b::127.0.0.1, LOOPBACK",
        "64:ff9b::a00:1, PRIVATE",
        "64:ff9b::808:808, PUBLIC",
        "2002:7f00:1::, LOOPBACK",
        "2002:c0a8:101::1, PRIVATE",
        "2002:808:808::1, PUBLIC",
    })
    void classifies_an_address_by_its_bytes(String literal, AddressKind expected) throws Exception {
        assertThat(AddressKind.of(InetAddress.getByName(literal))).isEqualTo(expected);
    }

    /**
     * {@code InetAddress.getByName} turns {@code ::ffff:a.b.c.d} into an IPv4 address by itself;
     * an {@code Inet6Address} built from the bytes keeps the IPv6 form, and must be judged the same.
     */
    @ParameterizedTest(name = "{0} as an Inet6Address is {1}")
    @CsvSource({
        "00000000000000000000ffff7f000001, LOOPBACK",
        "00000000000000000000ffffc0a80001, PRIVATE",
        "00000000000000000000ffffa9fea9fe, LINK_LOCAL",
        "00000000000000000000ffff64400001, SHARED",
        "00000000000000000000ffff00000000, UNSPECIFIED",
        "00000000000000000000ffff08080808, PUBLIC",
    })
    void judges_ipv4_mapped_ipv6_addresses_by_the_ipv4_inside(String hex, AddressKind expected) throws Exception {
        InetAddress mapped = Inet6Address.getByAddress(null, HexFormat.of().parseHex(hex), -1);
        assertThat(mapped).isInstanceOf(Inet6Address.class);
        assertThat(AddressKind.of(mapped)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: allowed with private addresses = {1}")
    @CsvSource({
        "LOOPBACK, true",
        "PRIVATE, true",
        "LINK_LOCAL, true",
        "SHARED, true",
        "RESERVED, true",
        "UNSPECIFIED, false",
        "MULTICAST, false",
    })
    void the_admin_setting_never_allows_unspecified_or_multicast(AddressKind kind, boolean allowed) {
        assertThat(kind.allowedWithPrivateAddresses()).isEqualTo(allowed);
    }
}
