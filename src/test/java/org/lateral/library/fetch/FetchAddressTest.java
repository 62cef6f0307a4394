package org.lateral.library.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FetchAddressTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "JavaScript:alert(document.cookie)",
                "file:///etc/passwd",
                "file://localhost/etc/passwd",
                "ftp://example.org/article.txt",
                "data:text/html,<script>alert(1)</script>",
                "gopher://example.org/",
                "example.org/news/story",
                "//example.org/news/story",
            })
    void refuses_every_scheme_but_http_and_https(String address) {
        assertThatThrownBy(() -> FetchAddress.parse(address))
                .isInstanceOf(FetchRefusedException.class)
                .hasMessage("Lateral only fetches web pages from addresses starting with https:// or http://.");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "http://0x7f.1/",
                "http://127.1/",
                "http://2130706433/",
                "http://0177.0.0.1/",
                "http://127.0.0.01/",
                "http://0x7f000001/",
                "http://10.1/",
                "http://example.123/",
            })
    void refuses_ipv4_addresses_in_the_old_numeric_forms(String address) {
        assertThatThrownBy(() -> FetchAddress.parse(address))
                .isInstanceOf(FetchRefusedException.class)
                .hasMessageStartingWith("That address writes its IP address in an unusual form.");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "http://evil@127.0.0.1/",
                "http://example.org@127.0.0.1/",
                "https://user:secret@news.example.org/story",
            })
    void refuses_addresses_with_a_user_name(String address) {
        assertThatThrownBy(() -> FetchAddress.parse(address))
                .isInstanceOf(FetchRefusedException.class)
                .hasMessage("Lateral does not fetch addresses with a user name or password in them.");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "   ", "http://", "http:foo", "http://exa mple.org/", "http://[fe80::1%25eth0]/"})
    void refuses_what_is_not_a_fetchable_address(String address) {
        assertThatThrownBy(() -> FetchAddress.parse(address)).isInstanceOf(FetchRefusedException.class);
    }

    @Test
    void refuses_an_address_longer_than_the_limit() {
        String address = "https://example.org/" + "a".repeat(FetchAddress.MAX_LENGTH);
        assertThatThrownBy(() -> FetchAddress.parse(address))
                .isInstanceOf(FetchRefusedException.class)
                .hasMessage("That address is too long to be an article\u2019s address.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "https://News.Example.org/world/story?id=7#comments | news.example.org | 443 | news.example.org | /world/story?id=7 | https://news.example.org/world/story?id=7",
                "HTTP://example.org | example.org | 80 | example.org | / | http://example.org/",
                "http://example.org.:8080/a%20b | example.org | 8080 | example.org:8080 | /a%20b | http://example.org:8080/a%20b",
                "http://127.0.0.1:9000/x | 127.0.0.1 | 9000 | 127.0.0.1:9000 | /x | http://127.0.0.1:9000/x",
                "http://[::ffff:127.0.0.1]/ | ::ffff:127.0.0.1 | 80 | [::ffff:127.0.0.1] | / | http://[::ffff:127.0.0.1]/",
                "https://[2001:DB8::1]:8443/p | 2001:db8::1 | 8443 | [2001:db8::1]:8443 | /p | https://[2001:db8::1]:8443/p",
            })
    void reads_host_port_and_request_of_an_accepted_address(
            String address, String host, int port, String hostHeader, String target, String uri) {
        FetchAddress parsed = FetchAddress.parse(address);
        assertThat(parsed.host()).isEqualTo(host);
        assertThat(parsed.port()).isEqualTo(port);
        assertThat(parsed.hostHeader()).isEqualTo(hostHeader);
        assertThat(parsed.requestTarget()).isEqualTo(target);
        assertThat(parsed.uri()).hasToString(uri);
    }
}
