package org.lateral.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where an event came from: a forwarding header counts only from a proxy the operator trusts. */
class ClientAddressTest {

    @Test
    void without_a_configured_header_the_remote_address_counts_whatever_the_request_says() {
        ClientAddress addresses = new ClientAddress("", "10.0.0.2");
        assertThat(addresses.resolve("10.0.0.2", "203.0.113.9")).isEqualTo("10.0.0.2");
    }

    @Test
    void a_header_from_an_untrusted_address_is_ignored() {
        ClientAddress addresses = new ClientAddress("X-Forwarded-For", "10.0.0.2");
        assertThat(addresses.resolve("198.51.100.7", "203.0.113.9")).isEqualTo("198.51.100.7");
    }

    @Test
    void from_a_trusted_proxy_the_rightmost_address_that_is_not_a_trusted_proxy_counts() {
        ClientAddress addresses = new ClientAddress("X-Forwarded-For", "10.0.0.2, 10.0.0.3");
        // The first entry was typed by the client; the proxies appended what they saw.
        assertThat(addresses.resolve("10.0.0.2", "1.2.3.4, 203.0.113.9, 10.0.0.3"))
                .isEqualTo("203.0.113.9");
        assertThat(addresses.resolve("10.0.0.2", "2001:db8::1")).isEqualTo("2001:db8::1");
    }

    @Test
    void a_header_with_something_other_than_an_address_is_not_believed() {
        ClientAddress addresses = new ClientAddress("X-Forwarded-For", "10.0.0.2");
        assertThat(addresses.resolve("10.0.0.2", "evil\r\nFAKE")).isEqualTo("10.0.0.2");
        assertThat(addresses.resolve("10.0.0.2", null)).isEqualTo("10.0.0.2");
    }
}
