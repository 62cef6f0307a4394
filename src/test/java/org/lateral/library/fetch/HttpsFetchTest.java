package org.lateral.library.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The https path of the rebinding measure: the connection goes to the checked address (here
 * 127.0.0.1) while the certificate is verified against the site's name. The test server's
 * certificate is made by the JDK's keytool for the name {@code news.example} only, and the fetcher
 * trusts it through its TLS seam (instead of the JDK's certificate authorities); the name
 * verification is the JDK's own.
 */
class HttpsFetchTest {

    private static final char[] PASSWORD = "test-only".toCharArray();

    @TempDir
    static Path directory;

    // One certificate and server for the class: keytool takes seconds.
    private static HttpsServer server;
    private static SSLContext clientTls;
    private static final List<String> hosts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void forgetRequests() {
        hosts.clear();
    }

    @BeforeAll
    static void startServer() throws Exception {
        Path store = directory.resolve("site.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(
                        keytool.toString(),
                        "-genkeypair",
                        "-alias",
                        "site",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=news.example",
                        "-ext",
                        "SAN=dns:news.example",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        new String(PASSWORD),
                        "-keypass",
                        new String(PASSWORD))
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(new String(process.getInputStream().readAllBytes()))
                .isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }

        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keyManagers.getKeyManagers(), null, null);

        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keys);
        clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, trust.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.createContext("/", exchange -> {
            hosts.add(exchange.getRequestHeaders().getFirst("Host"));
            byte[] body = "<p>secure story</p>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    @Test
    void verifies_the_certificate_against_the_name_while_connected_to_the_checked_address() {
        int port = server.getAddress().getPort();

        FetchedPage page = fetcher().fetch("https://news.example:" + port + "/story");

        assertThat(new String(page.body(), StandardCharsets.UTF_8)).isEqualTo("<p>secure story</p>");
        assertThat(hosts).containsExactly("news.example:" + port);
    }

    @Test
    void refuses_a_certificate_made_for_another_name() {
        int port = server.getAddress().getPort();

        assertThatThrownBy(() -> fetcher().fetch("https://other.example:" + port + "/story"))
                .isInstanceOf(FetchRefusedException.class)
                .hasMessage("The secure connection to other.example could not be verified, so Lateral did not fetch"
                        + " the page.");
        assertThat(hosts).isEmpty();
    }

    /** Both names resolve to the test server on loopback, which counts as public for this port. */
    private HttpArticleFetcher fetcher() {
        int port = server.getAddress().getPort();
        HostResolver resolver = host -> List.of(InetAddress.getLoopbackAddress());
        AddressGuard production = new PublicAddressGuard(false);
        AddressGuard guard = (address, resolved) -> {
            if (!(resolved.isLoopbackAddress() && address.port() == port)) {
                production.check(address, resolved);
            }
        };
        var settings = new FetchSettings(Duration.ofSeconds(5), Duration.ofSeconds(20), 1024 * 1024, 5, false);
        return new HttpArticleFetcher(settings, resolver, guard, clientTls);
    }
}
