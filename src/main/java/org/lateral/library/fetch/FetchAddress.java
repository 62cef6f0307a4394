package org.lateral.library.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An address that passed the checks that need no network: http or https, a host name or a plain
 * IP address, no user name or password, a port. Pure; every hop of a fetch goes through
 * {@link #parse}, the first address typed and each redirect's target alike.
 *
 * @param uri the address without its fragment (never sent to a server)
 * @param host the name to resolve: a DNS name in lower case, or an IP literal without brackets
 * @param port the port to connect to (80 or 443 when the address names none)
 * @param hostHeader the {@code Host} header (and, for a name, the TLS server name's basis)
 */
public record FetchAddress(URI uri, String host, int port, String hostHeader) {

    /** Long enough for any article address; longer ones are refused before parsing. */
    static final int MAX_LENGTH = 2048;

    private static final Pattern SCHEME = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*):");
    private static final java.util.Set<String> ALLOWED_SCHEMES = java.util.Set.of("http", "https");
    private static final Pattern NUMERIC_LABEL = Pattern.compile("(?i)[0-9]+|0x[0-9a-f]*");
    private static final Pattern DOTTED_QUAD = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

    public boolean secure() {
        return uri.getScheme().equals("https");
    }

    /** Whether the host is written as an IP address rather than a name. */
    public boolean ipLiteral() {
        return host.contains(":") || DOTTED_QUAD.matcher(host).matches();
    }

    /** The request target: path and query as written, {@code /} for none. */
    public String requestTarget() {
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }

    public static FetchAddress parse(String address) {
        String text = address.strip();
        if (text.isEmpty()) {
            throw new FetchRefusedException("library.fetch.refusal.empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new FetchRefusedException("library.fetch.refusal.tooLong");
        }
        var scheme = SCHEME.matcher(text);
        if (!scheme.lookingAt() || !ALLOWED_SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT))) {
            throw notHttp(); // before parsing: data: and javascript: addresses are rarely valid URIs
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new FetchRefusedException("library.fetch.refusal.unreadable");
        }
        return of(uri);
    }

    /**
     * Browsers read a host ending in a number as an IPv4 address in any of its old forms (127.1,
     * 0x7f.1, 2130706433, 0177.0.0.1); only the plain dotted form is accepted, so the address
     * checked is the address every program along the way would read.
     */
    private static void refuseNumericForms(String host) {
        String withoutDot = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String last = withoutDot.substring(withoutDot.lastIndexOf('.') + 1);
        if (NUMERIC_LABEL.matcher(last).matches()
                && !DOTTED_QUAD.matcher(withoutDot).matches()) {
            throw new FetchRefusedException("library.fetch.refusal.oddIp");
        }
    }

    private static FetchRefusedException notHttp() {
        return new FetchRefusedException("library.fetch.refusal.notHttp");
    }

    /** Checks an address already parsed (a redirect's target, resolved against the page's). */
    static FetchAddress of(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!ALLOWED_SCHEMES.contains(scheme)) {
            throw notHttp();
        }
        if (uri.isOpaque()) {
            throw new FetchRefusedException("library.fetch.refusal.opaque", scheme);
        }
        if (uri.getRawUserInfo() != null) {
            throw new FetchRefusedException("library.fetch.refusal.userInfo");
        }
        String host = uri.getHost();
        if (host == null
                && uri.getRawAuthority() != null
                && !uri.getRawAuthority().startsWith("[")) {
            // java.net.URI leaves the host empty for some numeric forms (127.1, 0x7f.1): check them
            // here too, so they get the sentence that says what is wrong.
            refuseNumericForms(
                    uri.getRawAuthority().replaceFirst(":[0-9]*$", "").toLowerCase(Locale.ROOT));
        }
        if (host == null || host.isEmpty() || host.contains("%")) {
            throw new FetchRefusedException("library.fetch.refusal.noHost");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        } else {
            host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
            refuseNumericForms(host);
        }
        int port = uri.getPort() == -1 ? (scheme.equals("https") ? 443 : 80) : uri.getPort();
        if (port < 1 || port > 65535) {
            throw new FetchRefusedException("library.fetch.refusal.badPort");
        }
        String hostHeader = (host.contains(":") ? "[" + host + "]" : host) + (uri.getPort() == -1 ? "" : ":" + port);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        URI clean;
        try {
            clean = new URI(
                    scheme + "://" + hostHeader + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        } catch (URISyntaxException e) {
            throw new FetchRefusedException("library.fetch.refusal.unreadable");
        }
        return new FetchAddress(clean, host, port, hostHeader);
    }
}
