package org.lateral.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lateral.LateralServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Lateral behind a reverse proxy that ends TLS, set up as the README says
 * ({@code SERVER_FORWARD_HEADERS_STRATEGY=native}): a request the proxy marks as HTTPS gets a
 * {@code Secure} session cookie and {@code Strict-Transport-Security}; a plain HTTP request gets
 * neither (a browser ignores HSTS over HTTP, and a Secure cookie would never come back).
 */
@LateralServerTest
@TestPropertySource(properties = "server.forward-headers-strategy=native")
class BehindTlsIT {

    private static final Pattern MAX_AGE = Pattern.compile("max-age=(\\d+)");

    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** The sign-in page as the proxy forwards it (the connection comes from 127.0.0.1, the proxy). */
    private HttpResponse<String> login(boolean overHttps) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"));
        if (overHttps) {
            request.header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.9");
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionCookie(HttpResponse<String> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
    }

    @Test
    void over_https_the_session_cookie_is_secure_and_hsts_is_sent_and_over_plain_http_neither() throws Exception {
        HttpResponse<String> https = login(true);
        assertThat(https.statusCode()).isEqualTo(200);
        String secureCookie = sessionCookie(https);
        assertThat(secureCookie).containsIgnoringCase("; Secure");
        Optional<String> hsts = https.headers().firstValue("Strict-Transport-Security");
        assertThat(hsts).as("HSTS over HTTPS").isPresent();
        Matcher maxAge = MAX_AGE.matcher(hsts.orElseThrow());
        assertThat(maxAge.find()).isTrue();
        long seconds = Long.parseLong(maxAge.group(1));
        assertThat(seconds).as("at least a year").isGreaterThanOrEqualTo(31_536_000L);

        HttpResponse<String> plain = login(false);
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(sessionCookie(plain)).doesNotContainIgnoringCase("Secure");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();

        System.out.printf(
                "Behind TLS: Secure cookie yes, HSTS max-age=%d; plain HTTP: Secure cookie no, no HSTS%n", seconds);
    }
}
