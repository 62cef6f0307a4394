package org.lateral.library.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fetcher against real HTTP servers on 127.0.0.1 (JDK {@code HttpServer}); nothing here needs
 * the internet.
 *
 * <p>Every server here is on loopback, which the production rules refuse. Tests of what is
 * fetched therefore run with private addresses allowed, as a school's admin could set it. Tests of
 * refusals run with them refused; where such a test needs a first hop that counts as public (a
 * site that redirects to loopback), it uses {@link #guardTreatingAsPublic}: the production guard
 * with exactly one exception, the first server's own address and port, so that the second hop,
 * same address but another port, meets the production rule unchanged. The seam is the
 * {@link AddressGuard} the fetcher is given; the fetcher's hop loop, resolution and connection are
 * the production code.
 */
class HttpArticleFetcherTest {

    private static final String PAGE = "<html><head><title>Story</title></head><body><p>Text.</p></body></html>";

    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch release = new CountDownLatch(1);
    private final Map<Integer, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final List<String> hostHeaders = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopServers() {
        release.countDown();
        servers.forEach(server -> server.stop(0));
        executor.shutdownNow();
    }

    // --- what is fetched (private addresses allowed) ---------------------------------------------

    @Test
    void fetches_a_page_with_its_type_charset_and_address() {
        int port = serve((exchange) -> respond(exchange, 200, "text/html; charset=UTF-8", bytes(PAGE)));

        FetchedPage page = fetcher(allowingPrivate()).fetch("http://127.0.0.1:" + port + "/story#top");

        assertThat(new String(page.body(), StandardCharsets.UTF_8)).isEqualTo(PAGE);
        assertThat(page.contentType()).isEqualTo("text/html");
        assertThat(page.charset()).contains(StandardCharsets.UTF_8);
        assertThat(page.finalAddress()).isEqualTo(URI.create("http://127.0.0.1:" + port + "/story"));
    }

    @Test
    void sends_a_user_agent_naming_lateral_and_accepts_a_chunked_gzip_body() {
        List<String> agents = new CopyOnWriteArrayList<>();
        List<String> codings = new CopyOnWriteArrayList<>();
        int port = serve(exchange -> {
            agents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
            codings.add(exchange.getRequestHeaders().getFirst("Accept-Encoding"));
            var packed = new java.io.ByteArrayOutputStream();
            try (var gzip = new GZIPOutputStream(packed)) {
                gzip.write(bytes(PAGE));
            }
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            respond(exchange, 200, "application/xhtml+xml", packed.toByteArray(), true);
        });

        FetchedPage page = fetcher(allowingPrivate()).fetch("http://127.0.0.1:" + port + "/");

        assertThat(new String(page.body(), StandardCharsets.UTF_8)).isEqualTo(PAGE);
        assertThat(page.contentType()).isEqualTo("application/xhtml+xml");
        assertThat(page.charset()).isEmpty();
        assertThat(agents).singleElement().asString().contains("Lateral");
        assertThat(codings)
                .as("only the codings whose decoded size the limit counts")
                .containsExactly("gzip, x-gzip, deflate");
    }

    @Test
    void follows_a_relative_redirect_and_reports_the_final_address() {
        int port = serve(exchange -> {
            if (exchange.getRequestURI().getPath().equals("/old")) {
                redirect(exchange, 301, "/new?x=1");
            } else {
                respond(exchange, 200, "text/plain", bytes("plain words"));
            }
        });

        FetchedPage page = fetcher(allowingPrivate()).fetch("http://127.0.0.1:" + port + "/old");

        assertThat(page.finalAddress()).isEqualTo(URI.create("http://127.0.0.1:" + port + "/new?x=1"));
        assertThat(page.contentType()).isEqualTo("text/plain");
        assertThat(requests.get(port).get()).isEqualTo(2);
    }

    // --- limits ----------------------------------------------------------------------------------

    @Test
    void refuses_a_body_announced_larger_than_the_limit() {
        int port = serve(exchange -> respond(exchange, 200, "text/html", new byte[2_000]));

        assertThatThrownBy(() -> fetcher(allowingPrivateUpTo(1024)).fetch("http://127.0.0.1:" + port + "/"))
                .isInstanceOf(FetchRefusedException.class)
                .hasMessageStartingWith("The page is larger than 1 KB")
                .hasMessageContaining("upload the file instead");
    }

    @Test
    void stops_reading_a_body_without_a_length_once_it_passes_the_limit() {
        int port = serve(exchange -> respond(exchange, 200, "text/html", new byte[3 * 1024 * 1024], true));

        assertThatThrownBy(() -> fetcher(allowingPrivateUpTo(1024 * 1024)).fetch("http://127.0.0.1:" + port + "/"))
                .isInstanceOf(FetchRefusedException.class)
                .hasMessageStartingWith("The page is larger than 1 MB, the most Lateral fetches.");
    }

    @Test
    void accepts_a_body_of_exactly_the_limit() {
        int port = serve(exchange -> respond(exchange, 200, "text/plain", new byte[1_000], true));

        assertThat(fetcher(allowingPrivateUpTo(1_000))
                        .fetch("http://127.0.0.1:" + port + "/")
                        .body())
                .hasSize(1_000);
    }

    @Test
    void refuses_more_redirects_than_the_limit() {
        int port = serve(exchange -> redirect(exchange, 302, "/again" + requests.size() + exchange.hashCode()));

        assertThatThrownBy(() -> fetcher(allowingPrivate()).fetch("http://127.0.0.1:" + port + "/"))
                .isInstanceOf(FetchRefusedException.class)
                .hasMessage("The site redirected more than 5 times, so Lateral stopped following it.");
        assertThat(requests.get(port).get())
                .as("the first request and 5 redirects")
                .isEqualTo(6);
    }

    @Test
    void follows_exactly_the_limit_of_redirects() {
        int port = serve(exchange -> {
            int hop = Integer.parseInt(exchange.getRequestURI().getPath().substring(1));
            if (hop < 5) {
                redirect(exchange, 307, "/" + (hop + 1));
            } else {
                respond(exchange, 200, "text/html", bytes(PAGE));
            }
        });

        assertThat(fetcher(allowingPrivate())
                        .fetch("http://127.0.0.1:" + port + "/0")
                        .finalAddress())
                .hasToString("http://127.0.0.1:" + port + "/5");
    }

    @Test
    void refuses_a_response_that_is_not_a_web_page() {
        int port = serve(exchange -> respond(exchange, 200, "application/pdf", bytes("%PDF-1.7")));

        assertThatThrownBy(() -> fetcher(allowingPrivate()).fetch("http://127.0.0.1:" + port + "/paper.pdf"))
                .isInstanceOf(FetchRefusedException.class)
                .hasMessage("That address leads to a file of type application/pdf, not a web page."
                        + " Lateral imports web pages and plain text.");
    }

    @Test
    void refuses_a_response_without_a_type() {
        int port = serve(exchange -> {
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write(bytes("hi"));
            exchange.close();
        });

        assertThatThrownBy(() -> fetcher(allowingPrivate()).fetch("http://127.0.0.1:" + port + "/"))
                .isInstanceOf(FetchRefusedException.class)
                .hasMessageStartingWith("The site did not say what kind of file it sent");
    }

    @Test
    void reports_a_site_that_refuses_the_connection() {
        int port = serve(exchange -> respond(exchange, 200, "text/html", bytes(PAGE)));
        servers.getLast().stop(0); // nothing listens on the port any more

        assertThatThrownBy(() -> fetcher(allowingPrivate()).fetch("http://127.0.0.1:" + port + "/"))
                .isInstanceOf(FetchRefusedException.class)
                .hasMessage("Lateral could not connect to 127.0.0.1. Check the address or try again later.");
    }

    @Test
    void tries_the_next_checked_address_when_one_refuses_the_connection() {
        // The server listens on 127.0.0.1 only, so 127.0.0.2 (also loopback) refuses the connection.
        int port = serve(exchange -> respond(exchange, 200, "text/html", bytes(PAGE)));
        assertThatThrownBy(() -> new Socket("127.0.0.2", port).close())
                .as("precondition: the first address refuses")
                .isInstanceOf(java.net.ConnectException.class);
        HostResolver twoAddresses =
                host -> List.of(InetAddress.getByName("127.0.0.2"), InetAddress.getByName("127.0.0.1"));

        FetchedPage page = new HttpArticleFetcher(allowingPrivate(), twoAddresses, new PublicAddressGuard(true))
                .fetch("http://news.example:" + port + "/");

        assertThat(new String(page.body(), StandardCharsets.UTF_8)).isEqualTo(PAGE);
    }

    @Test
    void refuses_an_answer_with_a_negative_length() throws IOException {
        // JDK HttpServer cannot send this, so a socket answers by hand.
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            executor.submit(() -> {
                try (Socket connection = socket.accept()) {
                    connection
                            .getOutputStream()
                            .write(bytes("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                                    + "Content-Length: -5\r\n\r\nhello"));
                    connection.getInputStream().read(); // until the fetcher hangs up
                }
                return null;
            });

            assertThatThrownBy(
                            () -> fetcher(allowingPrivate()).fetch("http://127.0.0.1:" + socket.getLocalPort() + "/"))
                    .isInstanceOf(FetchRefusedException.class)
                    .hasMessage("The connection to 127.0.0.1 broke off before the page arrived. Try again later.");
        }
    }

    @Test
    void refuses_an_error_answer_with_a_sentence() {
        int port = serve(exchange -> respond(exchange, 404, "text/html", bytes("gone")));

        assertThatThrownBy(() -> fetcher(allowingPrivate()).fetch("http://127.0.0.1:" + port + "/missing"))
                .isInstanceOf(FetchRefusedException.class)
                .hasMessage("The site says there is no page at that address. Check the address.");
    }

    @Test
    @Timeout(10) // a broken deadline would otherwise hang the build instead of failing
    void gives_up_on_a_server_that_does_not_answer_within_the_total_timeout() {
        // The handler holds the request until the test ends; the fetch must give up by itself.
        int port = serve(exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        var settings = new FetchSettings(Duration.ofSeconds(2), Duration.ofMillis(300), 1024, 5, true);

        assertThatThrownBy(() -> fetcher(settings).fetch("http://127.0.0.1:" + port + "/"))
                .isInstanceOf(FetchRefusedException.class)
                .hasMessageStartingWith("The site took too long to send the page");
    }

    @Test
    void gives_up_on_a_body_that_trickles_past_the_total_timeout() {
        // Every read gets a byte well within the response timeout; only the total deadline ends it.
        // The body does end after about 5 s, so a broken deadline fails this test (the fetch
        // succeeds) rather than hanging it in a read that an interrupt would not end.
        int port = serve(exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            try {
                for (int sent = 0; sent < 100 && !release.await(50, TimeUnit.MILLISECONDS); sent++) {
                    out.write('x');
                    out.flush();
                }
                out.close();
            } catch (IOException e) {
                // the fetcher hung up, as it should
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        var settings = new FetchSettings(Duration.ofSeconds(2), Duration.ofMillis(600), 1024 * 1024, 5, true);

        assertThatThrownBy(() -> fetcher(settings).fetch("http://127.0.0.1:" + port + "/"))
                .isInstanceOf(FetchRefusedException.class)
                .hasMessageStartingWith("The site took too long to send the page");
    }

    @Test
    void refuses_a_body_compressed_in_a_coding_lateral_does_not_read() {
        int port = serve(exchange -> {
            exchange.getResponseHeaders().add("Content-Encoding", "x-unknown-coding");
            respond(exchange, 200, "text/html", bytes("scrambled"));
        });

        assertThatThrownBy(() -> fetcher(allowingPrivate()).fetch("http://127.0.0.1:" + port + "/"))
                .isInstanceOf(FetchRefusedException.class)
                .hasMessage("The site sent the page compressed in a way Lateral does not read.");
    }

    @Test
    void sends_no_cookie_a_site_set_on_an_earlier_hop() {
        List<String> cookies = new CopyOnWriteArrayList<>();
        int port = serve(exchange -> {
            if (exchange.getRequestURI().getPath().equals("/old")) {
                exchange.getResponseHeaders().add("Set-Cookie", "session=abc; Path=/");
                redirect(exchange, 302, "/new");
            } else {
                cookies.add(String.valueOf(exchange.getRequestHeaders().getFirst("Cookie")));
                respond(exchange, 200, "text/html", bytes(PAGE));
            }
        });

        fetcher(allowingPrivate()).fetch("http://127.0.0.1:" + port + "/old");

        assertThat(cookies).containsExactly("null");
    }

    @Test
    void ignores_a_proxy_named_in_the_system_properties() {
        int proxy = serve(exchange -> respond(exchange, 200, "text/html", bytes("from the proxy")));
        int site = serve(exchange -> respond(exchange, 200, "text/html", bytes(PAGE)));
        String before = System.getProperty("http.proxyHost");
        String beforePort = System.getProperty("http.proxyPort");
        String beforeExceptions = System.getProperty("http.nonProxyHosts");
        System.setProperty("http.proxyHost", "127.0.0.1");
        System.setProperty("http.proxyPort", String.valueOf(proxy));
        System.setProperty("http.nonProxyHosts", "nothing.invalid");
        try {
            // A name, not 127.0.0.1: the JDK's proxy selector never proxies loopback addresses.
            HostResolver resolver = host -> List.of(InetAddress.getLoopbackAddress());
            FetchedPage page = new HttpArticleFetcher(allowingPrivate(), resolver, new PublicAddressGuard(true))
                    .fetch("http://news.example:" + site + "/");

            assertThat(new String(page.body(), StandardCharsets.UTF_8)).isEqualTo(PAGE);
            assertThat(requests.get(proxy).get()).isZero();
        } finally {
            restore("http.proxyHost", before);
            restore("http.proxyPort", beforePort);
            restore("http.nonProxyHosts", beforeExceptions);
        }
    }

    /**
     * Every hop gets its own connection and so its own lookup and check, also when a redirect
     * stays on the same site: a kept connection is never the reason a hop goes unchecked.
     */
    @Test
    void resolves_and_checks_each_hop_once() {
        int port = serve(exchange -> {
            if (exchange.getRequestURI().getPath().equals("/old")) {
                redirect(exchange, 301, "/new");
            } else {
                respond(exchange, 200, "text/html", bytes(PAGE));
            }
        });
        AtomicInteger lookups = new AtomicInteger();
        AtomicInteger checks = new AtomicInteger();
        HostResolver counting = host -> {
            lookups.incrementAndGet();
            return List.of(InetAddress.getLoopbackAddress());
        };
        AddressGuard production = guardTreatingAsPublic(port);
        AddressGuard countingGuard = (address, resolved) -> {
            checks.incrementAndGet();
            production.check(address, resolved);
        };

        new HttpArticleFetcher(refusingPrivate(), counting, countingGuard)
                .fetch("http://news.example:" + port + "/old");

        assertThat(lookups).hasValue(2);
        assertThat(checks).hasValue(2);
        assertThat(hostHeaders).containsExactly("news.example:" + port, "news.example:" + port);
    }

    // --- addresses refused (private addresses not allowed) ---------------------------------------

    @Test
    void refuses_a_loopback_address_without_connecting() {
        int port = serve(exchange -> respond(exchange, 200, "text/html", bytes(PAGE)));

        for (String address : List.of(
                "http://127.0.0.1:" + port + "/",
                "http://[::ffff:127.0.0.1]:" + port + "/",
                "http://localhost:" + port + "/",
                "http://[::1]:" + port + "/")) {
            assertThatThrownBy(() -> fetcher(refusingPrivate()).fetch(address))
                    .as(address)
                    .isInstanceOf(FetchRefusedException.class)
                    .hasMessageEndingWith("it leads to this server itself, not to a public web site.");
        }
        assertThat(requests.get(port).get()).isZero();
    }

    @Test
    void refuses_a_redirect_to_a_loopback_address_on_that_hop() {
        int inside = serve(exchange -> respond(exchange, 200, "text/html", bytes("internal admin page")));
        int outside = serve(exchange -> redirect(exchange, 302, "http://127.0.0.1:" + inside + "/admin"));

        var fetcher = new HttpArticleFetcher(refusingPrivate(), HostResolver.SYSTEM, guardTreatingAsPublic(outside));

        assertThatThrownBy(() -> fetcher.fetch("http://127.0.0.1:" + outside + "/story"))
                .isInstanceOf(FetchRefusedException.class)
                .hasMessage(
                        "Lateral does not fetch from 127.0.0.1: it leads to this server itself, not to a public web site.");
        assertThat(requests.get(outside).get())
                .as("the allowed first hop was fetched")
                .isEqualTo(1);
        assertThat(requests.get(inside).get())
                .as("the loopback target was never contacted")
                .isZero();
    }

    @Test
    void refuses_a_redirect_to_a_name_that_resolves_to_a_private_address() {
        int inside = serve(exchange -> respond(exchange, 200, "text/html", bytes("router page")));
        int outside = serve(exchange -> redirect(exchange, 301, "http://router.example:" + inside + "/"));
        HostResolver resolver = host -> host.equals("router.example")
                ? List.of(InetAddress.getByName("192.168.1.1"))
                : HostResolver.SYSTEM.resolve(host);

        var fetcher = new HttpArticleFetcher(refusingPrivate(), resolver, guardTreatingAsPublic(outside));

        assertThatThrownBy(() -> fetcher.fetch("http://127.0.0.1:" + outside + "/"))
                .isInstanceOf(FetchRefusedException.class)
                .hasMessage("Lateral does not fetch from router.example: it leads to a private network address,"
                        + " not to a public web site.");
        assertThat(requests.get(inside).get()).isZero();
    }

    @Test
    void refuses_redirects_to_javascript_and_file_addresses() {
        for (String location :
                List.of("javascript:alert(document.cookie)", "file:///etc/passwd", "ftp://example.org/x")) {
            int port = serve(exchange -> redirect(exchange, 302, location));
            var fetcher = new HttpArticleFetcher(refusingPrivate(), HostResolver.SYSTEM, guardTreatingAsPublic(port));

            assertThatThrownBy(() -> fetcher.fetch("http://127.0.0.1:" + port + "/"))
                    .as(location)
                    .isInstanceOf(FetchRefusedException.class)
                    .hasMessage("Lateral only fetches web pages from addresses starting with https:// or http://.");
        }
    }

    @Test
    void refuses_a_host_when_any_of_its_addresses_is_private() {
        HostResolver resolver =
                host -> List.of(InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.0.0.8"));
        var fetcher = new HttpArticleFetcher(refusingPrivate(), resolver, new PublicAddressGuard(false));

        // Refused before any connection: the public address is never dialled either.
        assertThatThrownBy(() -> fetcher.fetch("https://split.example/story"))
                .isInstanceOf(FetchRefusedException.class)
                .hasMessage("Lateral does not fetch from split.example: it leads to a private network address,"
                        + " not to a public web site.");
    }

    @Test
    void refuses_hostile_address_forms_before_any_lookup() {
        AtomicInteger lookups = new AtomicInteger();
        HostResolver counting = host -> {
            lookups.incrementAndGet();
            return HostResolver.SYSTEM.resolve(host);
        };
        var fetcher = new HttpArticleFetcher(allowingPrivate(), counting, new PublicAddressGuard(true));

        for (String address : List.of(
                "javascript:alert(1)",
                "file:///etc/passwd",
                "http://0x7f.1/",
                "http://127.1/",
                "http://evil@127.0.0.1/")) {
            assertThatThrownBy(() -> fetcher.fetch(address)).as(address).isInstanceOf(FetchRefusedException.class);
        }
        assertThat(lookups).hasValue(0);
    }

    /**
     * DNS rebinding: the name is resolved once per hop and the connection goes to the address that
     * was checked, with the name in the Host header. A resolver that would answer differently the
     * second time is asked only once.
     */
    @Test
    void connects_to_the_checked_address_and_names_the_site_in_the_host_header() {
        int port = serve(exchange -> respond(exchange, 200, "text/html", bytes(PAGE)));
        AtomicInteger lookups = new AtomicInteger();
        HostResolver rebinding = host -> lookups.incrementAndGet() == 1
                ? List.of(InetAddress.getByName("127.0.0.1"))
                : List.of(InetAddress.getByName("10.9.9.9"));
        var fetcher = new HttpArticleFetcher(refusingPrivate(), rebinding, guardTreatingAsPublic(port));

        FetchedPage page = fetcher.fetch("http://news.example:" + port + "/story");

        assertThat(page.finalAddress()).hasToString("http://news.example:" + port + "/story");
        assertThat(lookups).hasValue(1);
        assertThat(hostHeaders).containsExactly("news.example:" + port);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static FetchSettings allowingPrivate() {
        return new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(10), 5 * 1024 * 1024, 5, true);
    }

    private static FetchSettings allowingPrivateUpTo(long maxBytes) {
        return new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(10), maxBytes, 5, true);
    }

    private static FetchSettings refusingPrivate() {
        return new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(10), 5 * 1024 * 1024, 5, false);
    }

    private static HttpArticleFetcher fetcher(FetchSettings settings) {
        return new HttpArticleFetcher(settings);
    }

    /** The production guard, except that the one server {@code port} on loopback counts as public. */
    private static AddressGuard guardTreatingAsPublic(int port) {
        AddressGuard production = new PublicAddressGuard(false);
        return (address, resolved) -> {
            if (resolved.isLoopbackAddress() && address.port() == port) {
                return;
            }
            production.check(address, resolved);
        };
    }

    private int serve(Handler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            int port = server.getAddress().getPort();
            requests.put(port, new AtomicInteger());
            server.createContext("/", exchange -> {
                requests.get(port).incrementAndGet();
                hostHeaders.add(exchange.getRequestHeaders().getFirst("Host"));
                try {
                    handler.handle(exchange);
                } finally {
                    exchange.close();
                }
            });
            server.setExecutor(executor);
            server.start();
            servers.add(server);
            return port;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface Handler extends HttpHandler {}

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        respond(exchange, status, type, body, false);
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body, boolean chunked)
            throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, chunked ? 0 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        } catch (IOException e) {
            // the fetcher may hang up once it has seen enough
        }
    }

    private static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(status, -1);
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
