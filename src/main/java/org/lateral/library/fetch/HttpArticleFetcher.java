package org.lateral.library.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.entity.DeflateInputStreamFactory;
import org.apache.hc.client5.http.entity.GZIPInputStreamFactory;
import org.apache.hc.client5.http.entity.InputStreamFactory;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpResponseInterceptor;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Fetches hop by hop with Apache HttpClient 5, following redirects itself: each hop's address is
 * checked ({@link FetchAddress}), and the client reaches the network only through a
 * {@link CheckedDnsResolver}, which resolves the host once per connection, checks every resolved
 * address ({@link AddressGuard}) and hands the client exactly those addresses. A component, not a
 * service: it holds no data and checks no role; the import service that calls it is the security
 * boundary (DD003).
 */
@Component
public class HttpArticleFetcher implements ArticleFetcher {

    static final String USER_AGENT = "Mozilla/5.0 (compatible; Lateral article import)";

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    /**
     * The content codings asked for and decoded by HttpClient; the size limit counts what comes
     * out. Named here rather than left to HttpClient, which would offer every coding it finds a
     * decoder for on the class path (commons-compress is there for other reasons).
     */
    private static final LinkedHashMap<String, InputStreamFactory> DECODERS = decoders();

    /** Ends fetches that pass their total deadline, however the server is trickling. */
    private static final ScheduledThreadPoolExecutor DEADLINES = deadlineTimer();

    private final FetchSettings settings;
    private final HostResolver resolver;
    private final AddressGuard guard;
    private final SSLContext tls;

    @Autowired
    HttpArticleFetcher(
            @Value("${lateral.import.fetch.connect-timeout}") Duration connectTimeout,
            @Value("${lateral.import.fetch.total-timeout}") Duration totalTimeout,
            @Value("${lateral.import.fetch.max-size}") DataSize maxSize,
            @Value("${lateral.import.fetch.max-redirects}") int maxRedirects,
            @Value("${lateral.import.allow-private-addresses}") boolean allowPrivateAddresses) {
        this(new FetchSettings(connectTimeout, totalTimeout, maxSize.toBytes(), maxRedirects, allowPrivateAddresses));
    }

    HttpArticleFetcher(FetchSettings settings) {
        this(settings, HostResolver.SYSTEM, new PublicAddressGuard(settings.allowPrivateAddresses()));
    }

    /** For tests: another resolver or guard (see {@code HttpArticleFetcherTest} for why). */
    HttpArticleFetcher(FetchSettings settings, HostResolver resolver, AddressGuard guard) {
        this(settings, resolver, guard, defaultTls());
    }

    /** For tests of https: trust a test server's certificate instead of the JDK's authorities. */
    HttpArticleFetcher(FetchSettings settings, HostResolver resolver, AddressGuard guard, SSLContext tls) {
        this.settings = settings;
        this.resolver = resolver;
        this.guard = guard;
        this.tls = tls;
    }

    private static SSLContext defaultTls() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no TLS", e);
        }
    }

    private static LinkedHashMap<String, InputStreamFactory> decoders() {
        var decoders = new LinkedHashMap<String, InputStreamFactory>();
        decoders.put("gzip", GZIPInputStreamFactory.getInstance());
        decoders.put("x-gzip", GZIPInputStreamFactory.getInstance());
        decoders.put("deflate", DeflateInputStreamFactory.getInstance());
        return decoders;
    }

    private static ScheduledThreadPoolExecutor deadlineTimer() {
        var timer = new ScheduledThreadPoolExecutor(
                1, Thread.ofPlatform().daemon().name("article-fetch-deadline").factory());
        timer.setRemoveOnCancelPolicy(true); // a fetch that ends in time leaves nothing behind
        return timer;
    }

    @Override
    public FetchedPage fetch(String address) {
        Instant deadline = Instant.now().plus(settings.totalTimeout());
        FetchAddress hop = FetchAddress.parse(address);
        CheckedDnsResolver dns = new CheckedDnsResolver(resolver, guard);
        // A client per fetch: its connection and its resolver's hop belong to this fetch only.
        CloseableHttpClient client = client(dns);
        try {
            for (int redirects = 0; ; redirects++) {
                dns.expect(hop);
                Hop result = fetchHop(client, hop, deadline);
                if (result.page() != null) {
                    return result.page();
                }
                if (redirects >= settings.maxRedirects()) {
                    throw new FetchRefusedException("library.fetch.refusal.tooManyRedirects", settings.maxRedirects());
                }
                hop = redirectTarget(hop, result.location());
            }
        } finally {
            client.close(CloseMode.IMMEDIATE);
        }
    }

    /** What one hop brought: the page, or where a redirect points. */
    private record Hop(@Nullable FetchedPage page, @Nullable String location) {}

    private Hop fetchHop(CloseableHttpClient client, FetchAddress hop, Instant deadline) {
        long left = Duration.between(Instant.now(), deadline).toMillis();
        if (left <= 0) {
            throw timedOut();
        }
        HttpGet request = new HttpGet(hop.requestTarget());
        request.setConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.ofMilliseconds(left))
                .build());
        AtomicBoolean overdue = new AtomicBoolean();
        ScheduledFuture<?> stopper = DEADLINES.schedule(
                () -> {
                    overdue.set(true);
                    request.cancel(); // closes the connection: a blocked connect or read ends at once
                },
                left,
                TimeUnit.MILLISECONDS);
        // The address is given without the default port, so the Host header is written as typed.
        HttpHost target =
                new HttpHost(hop.uri().getScheme(), hop.host(), hop.uri().getPort());
        try {
            // Not closed but cancelled below: closing would first read the rest of the body.
            ClassicHttpResponse response = client.executeOpen(target, request, null);
            int status = response.getCode();
            if (REDIRECTS.contains(status)) {
                Header location = response.getFirstHeader("Location");
                return new Hop(null, location == null ? null : location.getValue());
            }
            if (status < 200 || status > 299) {
                throw statusRefusal(status);
            }
            Header contentType = response.getFirstHeader("Content-Type");
            MediaType type = MediaType.of(contentType == null ? null : contentType.getValue());
            byte[] body = readBody(response.getEntity());
            return new Hop(new FetchedPage(body, type.type(), type.charset(), hop.uri()), null);
        } catch (TooLargeException e) {
            throw new FetchRefusedException("library.fetch.refusal.tooLarge", megabytes(settings.maxBytes()));
        } catch (UnreadableCodingException e) {
            throw new FetchRefusedException("library.fetch.refusal.compression");
        } catch (UnknownHostException e) {
            throw new FetchRefusedException("library.fetch.refusal.unknownHost", hop.host());
        } catch (IOException e) {
            if (overdue.get() || e instanceof InterruptedIOException) {
                throw timedOut(); // includes HttpClient's connect and response timeouts
            }
            if (e instanceof SSLException) {
                throw new FetchRefusedException("library.fetch.refusal.tls", hop.host());
            }
            if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
                // HttpClient has tried every checked address in turn by now
                throw new FetchRefusedException("library.fetch.refusal.connect", hop.host());
            }
            throw new FetchRefusedException("library.fetch.refusal.brokeOff", hop.host());
        } finally {
            stopper.cancel(false);
            // Ends the exchange by closing its connection, without reading whatever the server
            // still sends (a redirect's or a refused page's body). So no connection is kept for
            // the next hop either: every hop connects, and so resolves and checks, afresh.
            request.cancel();
        }
    }

    /** The body after HttpClient has decoded its content coding, refused once past the limit. */
    private byte[] readBody(@Nullable HttpEntity entity) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        if (entity.getContentLength() > settings.maxBytes()) {
            throw new TooLargeException(); // announced: refused before reading
        }
        ByteArrayOutputStream collected = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        InputStream in = entity.getContent(); // not closed: the caller cancels the exchange
        int read;
        while ((read = in.read(buffer)) != -1) {
            if (collected.size() + (long) read > settings.maxBytes()) {
                throw new TooLargeException(); // counted after decoding: a gzip bomb stops here
            }
            collected.write(buffer, 0, read);
        }
        return collected.toByteArray();
    }

    /**
     * One fetch's client: no proxy (system properties are not read), no cookies, no
     * authentication cache, no retries, no redirects (the fetcher follows them, checking each
     * hop), Lateral's User-Agent, and a connection manager whose only resolver is {@code dns}.
     */
    private CloseableHttpClient client(CheckedDnsResolver dns) {
        var tlsStrategy = ClientTlsStrategyBuilder.create().setSslContext(tls).buildClassic();
        var connections = BasicHttpClientConnectionManager.create(
                DefaultSchemePortResolver.INSTANCE,
                dns,
                RegistryBuilder.<TlsSocketStrategy>create()
                        .register(URIScheme.HTTPS.id, tlsStrategy)
                        .build(),
                null);
        connections.setConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                .setSocketTimeout(Timeout.of(settings.totalTimeout()))
                .build());
        connections.setTlsConfig(TlsConfig.custom()
                .setHandshakeTimeout(Timeout.of(settings.connectTimeout()))
                .build());
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE)) // never a proxy
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableAutomaticRetries()
                .disableConnectionState()
                .setUserAgent(USER_AGENT)
                .setDefaultHeaders(
                        List.of(new BasicHeader("Accept", "text/html, application/xhtml+xml, text/plain;q=0.9")))
                .setContentDecoderRegistry(DECODERS)
                .addResponseInterceptorFirst(refuseUnreadableCodings())
                .build();
    }

    /**
     * Runs before HttpClient decodes the body: a coding it would not decode is refused with its
     * own sentence instead of a protocol error.
     */
    private static HttpResponseInterceptor refuseUnreadableCodings() {
        return (response, entity, context) -> {
            Header coding = response.getFirstHeader("Content-Encoding");
            if (coding == null) {
                return;
            }
            for (String each : coding.getValue().split(",")) {
                String name = each.strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !name.equals("identity") && !DECODERS.containsKey(name)) {
                    throw new UnreadableCodingException();
                }
            }
        };
    }

    /** The body is larger than the limit. */
    private static final class TooLargeException extends IOException {}

    /** The body is compressed in a way Lateral does not read. */
    private static final class UnreadableCodingException extends IOException {}

    private static FetchAddress redirectTarget(FetchAddress from, @Nullable String location) {
        if (location == null || location.isBlank()) {
            throw new FetchRefusedException("library.fetch.refusal.redirectNowhere");
        }
        URI target;
        try {
            target = from.uri().resolve(new URI(location.strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchRefusedException("library.fetch.refusal.redirectUnreadable");
        }
        return FetchAddress.of(target);
    }

    private FetchRefusedException timedOut() {
        return new FetchRefusedException("library.fetch.refusal.timedOut");
    }

    private static FetchRefusedException statusRefusal(int status) {
        // The status as a string: a code, never written with a thousands separator.
        String code = String.valueOf(status);
        return switch (status) {
            case 401, 403 -> new FetchRefusedException("library.fetch.refusal.forbidden");
            case 404, 410 -> new FetchRefusedException("library.fetch.refusal.notFound");
            case 429 -> new FetchRefusedException("library.fetch.refusal.slowDown");
            default ->
                status >= 500
                        ? new FetchRefusedException("library.fetch.refusal.serverError", code)
                        : new FetchRefusedException("library.fetch.refusal.otherStatus", code);
        };
    }

    private static String megabytes(long bytes) {
        long mb = bytes / (1024 * 1024);
        return mb >= 1 ? mb + " MB" : (bytes / 1024) + " KB";
    }

    /** The media type and charset of a Content-Type header; refuses the types not imported. */
    record MediaType(String type, Optional<Charset> charset) {

        static MediaType of(@Nullable String header) {
            if (header == null || header.isBlank()) {
                throw new FetchRefusedException("library.fetch.refusal.noType");
            }
            String[] parts = header.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            if (!ACCEPTED_TYPES.contains(type)) {
                throw new FetchRefusedException("library.fetch.refusal.wrongType", type);
            }
            Optional<Charset> charset = Optional.empty();
            for (int i = 1; i < parts.length; i++) {
                String[] parameter = parts[i].split("=", 2);
                if (parameter.length == 2 && parameter[0].strip().equalsIgnoreCase("charset")) {
                    String name = parameter[1].strip().replace("\"", "");
                    try {
                        charset = Optional.of(Charset.forName(name));
                    } catch (IllegalArgumentException e) {
                        // unknown or malformed: the importer falls back to the page's own declaration
                    }
                }
            }
            return new MediaType(type, charset);
        }
    }
}
