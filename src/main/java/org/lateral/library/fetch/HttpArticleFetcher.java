package org.lateral.library.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Fetches hop by hop, following redirects itself: each hop's address is checked
 * ({@link FetchAddress}), its host resolved once, every resolved address checked
 * ({@link AddressGuard}) before any connection, and the connection made to one of exactly those
 * addresses ({@link HttpExchange}). A component, not a service: it holds no data and checks no
 * role; the import service that calls it is the security boundary (DD003).
 */
@Component
public class HttpArticleFetcher implements ArticleFetcher {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

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

    @Override
    public FetchedPage fetch(String address) {
        Instant deadline = Instant.now().plus(settings.totalTimeout());
        FetchAddress hop = FetchAddress.parse(address);
        for (int redirects = 0; ; redirects++) {
            List<InetAddress> addresses = resolve(hop);
            for (InetAddress resolved : addresses) {
                guard.check(hop, resolved); // all of them, before connecting to any
            }
            try (HttpExchange exchange = connect(hop, addresses, deadline)) {
                int status = exchange.status();
                if (REDIRECTS.contains(status)) {
                    if (redirects >= settings.maxRedirects()) {
                        throw new FetchRefusedException("The site redirected more than " + settings.maxRedirects()
                                + " times, so Lateral stopped following it.");
                    }
                    hop = redirectTarget(hop, exchange.header("location"));
                    continue;
                }
                if (status < 200 || status > 299) {
                    throw new FetchRefusedException(statusSentence(status));
                }
                MediaType type = MediaType.of(exchange.header("content-type"));
                byte[] body = exchange.readBody(settings.maxBytes());
                return new FetchedPage(body, type.type(), type.charset(), hop.uri());
            } catch (HttpExchange.TooLargeException e) {
                throw new FetchRefusedException("The page is larger than " + megabytes(settings.maxBytes())
                        + ", the most Lateral fetches. Save the page and upload the file instead.");
            } catch (HttpExchange.UnsupportedEncodingException e) {
                throw new FetchRefusedException("The site sent the page compressed in a way Lateral does not read.");
            } catch (SocketTimeoutException e) {
                throw timedOut();
            } catch (SSLException e) {
                throw new FetchRefusedException("The secure connection to " + hop.host()
                        + " could not be verified, so Lateral did not fetch the page.");
            } catch (IOException e) {
                throw new FetchRefusedException(
                        "The connection to " + hop.host() + " broke off before the page arrived. Try again later.");
            }
        }
    }

    private List<InetAddress> resolve(FetchAddress hop) {
        try {
            List<InetAddress> addresses = resolver.resolve(hop.host());
            if (addresses.isEmpty()) {
                throw new UnknownHostException(hop.host());
            }
            return addresses;
        } catch (UnknownHostException e) {
            throw new FetchRefusedException("Lateral could not find the site " + hop.host() + ". Check the address.");
        }
    }

    /** Tries the checked addresses in order, as browsers do; the first that answers is used. */
    private HttpExchange connect(FetchAddress hop, List<InetAddress> addresses, Instant deadline) throws IOException {
        for (InetAddress resolved : addresses) {
            if (!Instant.now().isBefore(deadline)) {
                throw timedOut();
            }
            try {
                return HttpExchange.open(hop, resolved, settings.connectTimeout(), deadline, tls);
            } catch (SocketException e) {
                // refused, unreachable (an IPv6 address without IPv6 here) or reset: a GET may be
                // tried on the next checked address
            }
        }
        throw new FetchRefusedException(
                "Lateral could not connect to " + hop.host() + ". Check the address or try again later.");
    }

    private static FetchAddress redirectTarget(FetchAddress from, @Nullable String location) {
        if (location == null || location.isBlank()) {
            throw new FetchRefusedException("The site redirected without saying where to, so Lateral stopped.");
        }
        URI target;
        try {
            target = from.uri().resolve(new URI(location.strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchRefusedException(
                    "The site redirected to an address Lateral cannot read, so Lateral stopped.");
        }
        return FetchAddress.of(target);
    }

    private FetchRefusedException timedOut() {
        return new FetchRefusedException(
                "The site took too long to send the page, so Lateral stopped waiting. Try again later, or save the page and upload it.");
    }

    private static String statusSentence(int status) {
        return switch (status) {
            case 401, 403 ->
                "The site refused to give Lateral the page (it may need a login or block automatic"
                        + " fetching). Save the page in your browser and upload the file instead.";
            case 404, 410 -> "The site says there is no page at that address. Check the address.";
            case 429 -> "The site asked Lateral to slow down. Try again in a few minutes.";
            default ->
                status >= 500
                        ? "The site had a problem answering (error " + status + "). Try again later."
                        : "The site did not send the page (answer " + status + ").";
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
                throw new FetchRefusedException(
                        "The site did not say what kind of file it sent, so Lateral did not import it.");
            }
            String[] parts = header.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            if (!ACCEPTED_TYPES.contains(type)) {
                throw new FetchRefusedException("That address leads to a file of type " + type
                        + ", not a web page. Lateral imports web pages and plain text.");
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
