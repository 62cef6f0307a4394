package org.lateral.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.lateral.LateralServerTest;
import org.lateral.harness.VaadinClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What every response tells the browser (DD007), and the login form's CSRF check. */
@LateralServerTest
class HttpHardeningIT {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + "/" + path);
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postLogin(HttpClient client, String form) throws Exception {
        return client.send(
                HttpRequest.newBuilder(url("login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", "https://attacker.example")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void every_page_names_its_icon_which_anyone_may_load_so_no_browser_asks_for_a_missing_favicon() throws Exception {
        HttpResponse<String> login = get(http, "login");
        assertThat(login.body()).contains("rel=\"icon\"").contains("images/lateral-icon.svg");
        HttpResponse<String> icon = get(http, "images/lateral-icon.svg");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.body()).startsWith("<svg");
    }

    @Test
    void pages_carry_a_content_security_policy_and_the_other_protective_headers() throws Exception {
        HttpResponse<String> login = get(http, "login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Security-Policy"))
                .hasValue(SecurityConfiguration.CONTENT_SECURITY_POLICY);
        assertThat(SecurityConfiguration.CONTENT_SECURITY_POLICY)
                .contains("frame-ancestors 'none'")
                .contains("object-src 'none'")
                .contains("default-src 'self'")
                .doesNotContain("*");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site_and_never_put_in_a_url() throws Exception {
        HttpResponse<String> login = get(http, "login");
        assertThat(login.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("JSESSIONID=")
                        .contains("HttpOnly")
                        .contains("SameSite=Lax"));
        HttpClient cookieless = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> redirect = get(cookieless, "my");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location").orElse("")).doesNotContainIgnoringCase("jsessionid");
        assertThat(get(cookieless, "login").body()).doesNotContainIgnoringCase(";jsessionid=");
    }

    @Test
    void a_sign_in_posted_from_another_site_without_the_token_is_refused() throws Exception {
        get(http, "login");
        HttpResponse<String> forged = postLogin(http, "username=student13&password=lateral-demo");
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> after = get(http, "my");
        assertThat(after.statusCode()).as("not signed in").isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void the_login_form_with_its_token_signs_in_and_pages_with_student_data_are_not_cached() throws Exception {
        Matcher token = VaadinClient.CSRF_META.matcher(get(http, "login").body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> signedIn = postLogin(
                http,
                "username=student13&password=lateral-demo&_csrf="
                        + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        HttpResponse<String> my = get(http, "my");
        assertThat(my.statusCode()).isEqualTo(200);
        assertThat(my.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }
}
