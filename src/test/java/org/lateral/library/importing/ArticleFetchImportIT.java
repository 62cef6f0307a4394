package org.lateral.library.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.Fixtures;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;

/**
 * Import by address end to end: the service fetches a page from a local server (this test allows
 * private addresses, as an administrator may; the refusals themselves are tested with the fetcher)
 * and extracts it as a saved page is; only teachers may make Lateral fetch.
 */
@LateralServerTest
@TestPropertySource(properties = "lateral.import.allow-private-addresses=true")
class ArticleFetchImportIT {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ArticleImportService imports;

    @Autowired
    UserDetailsService users;

    HttpServer server;
    String base;

    @BeforeEach
    void aNewsSiteOnThisMachine() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] page;
        try (InputStream in = getClass().getResourceAsStream("/import/news-page.html")) {
            page = in.readAllBytes();
        }
        server.createContext("/news/ferry", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.createContext("/plain", exchange -> {
            byte[] text = "Night trains return\n\nThe first night train left on Friday, the operator said."
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, text.length);
            exchange.getResponseBody().write(text);
            exchange.close();
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/news/ferry");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void a_teacher_previews_a_fetched_page_with_its_text_and_final_address() {
        UUID school = fixtures.school("Fetch import school");
        String teacher = fixtures.teacher(school, "fetch-import");
        try (var s = SignedIn.as(users, teacher)) {
            ArticleDraft draft = imports.previewAddress(base + "/moved");
            assertThat(draft.origin()).isEqualTo(ArticleDraft.Origin.ADDRESS);
            assertThat(draft.address()).isEqualTo(base + "/news/ferry");
            assertThat(draft.title()).as("the JSON-LD headline").isEqualTo("Harbour town votes to keep its ferry");
            assertThat(draft.body()).isNotBlank().doesNotContain("<").doesNotContain("script");
            ArticleDraft plain = imports.previewAddress(base + "/plain");
            assertThat(plain.title()).isEqualTo("Night trains return");
            assertThat(plain.body()).contains("The first night train left on Friday");
            assertThat(plain.origin()).isEqualTo(ArticleDraft.Origin.ADDRESS);
        }
    }

    @Test
    void a_refused_address_is_a_sentence_and_a_student_cannot_make_lateral_fetch() {
        UUID school = fixtures.school("Fetch refusal school");
        String teacher = fixtures.teacher(school, "fetch-refusal");
        try (var s = SignedIn.as(users, teacher)) {
            assertThatThrownBy(() -> imports.previewAddress("file:///etc/passwd"))
                    .isInstanceOf(org.lateral.base.UserFacingException.class)
                    .hasMessageNotContaining("Exception");
        }
        try (var s = SignedIn.as(users, "student1")) {
            assertThatThrownBy(() -> imports.previewAddress(base + "/news/ferry"))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }
}
