package org.lateral.library.fetch;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.apache.hc.client5.http.DnsResolver;
import org.jspecify.annotations.Nullable;

/**
 * The only way HttpClient learns an address to connect to (DD018, "The rebinding measure"): the
 * hop's host is resolved once for the connection, every address it resolves to is checked by the
 * {@link AddressGuard}, and HttpClient gets exactly those addresses back. There is no second
 * lookup for a rebinding name to answer differently. The {@code Host} header, the TLS server name
 * and the certificate check keep using the name, as HttpClient does by itself.
 *
 * <p>One instance serves one fetch: the fetcher names the hop it is about to request, and a
 * question about any other host (which HttpClient has no reason to ask) is refused.
 */
final class CheckedDnsResolver implements DnsResolver {

    private final HostResolver resolver;
    private final AddressGuard guard;
    private @Nullable FetchAddress hop;

    CheckedDnsResolver(HostResolver resolver, AddressGuard guard) {
        this.resolver = resolver;
        this.guard = guard;
    }

    /** The hop whose host the next connection is for. */
    void expect(FetchAddress hop) {
        this.hop = hop;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        FetchAddress current = hop;
        if (current == null || !current.host().equals(bare(host))) {
            throw new UnknownHostException(host);
        }
        List<InetAddress> addresses = resolver.resolve(current.host());
        if (addresses.isEmpty()) {
            throw new UnknownHostException(host);
        }
        for (InetAddress resolved : addresses) {
            guard.check(current, resolved); // all of them, before connecting to any
        }
        return addresses.toArray(InetAddress[]::new);
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return List.of(resolve(host)).stream()
                .map(address -> new InetSocketAddress(address, port))
                .toList();
    }

    /** Used by HttpClient only for Kerberos, which Lateral does not speak: no lookup. */
    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }

    private static String bare(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.startsWith("[") && lower.endsWith("]") ? lower.substring(1, lower.length() - 1) : lower;
    }
}
