package org.lateral.audit;

import com.vaadin.flow.server.VaadinRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address an audit event came from. By default the connection's remote address: a header such
 * as {@code X-Forwarded-For} can be typed by anyone, so it is believed only when the operator names
 * it ({@code lateral.audit.client-address-header}) and the request arrived from one of the proxies
 * the operator lists ({@code lateral.audit.trusted-proxies}). Then the header's entries are read
 * from the right, skipping the trusted proxies themselves: the first other one is the address the
 * outermost trusted proxy saw.
 */
@Component
class ClientAddress {

    private final String header;
    private final Set<String> trustedProxies;

    ClientAddress(
            @Value("${lateral.audit.client-address-header:}") String header,
            @Value("${lateral.audit.trusted-proxies:}") String trustedProxies) {
        this.header = header.strip();
        this.trustedProxies = Arrays.stream(trustedProxies.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The current request's client address, or {@code fallback} outside a request. */
    String current(String fallback) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return resolve(request.getRemoteAddr(), header.isEmpty() ? null : request.getHeader(header));
        }
        VaadinRequest vaadin = VaadinRequest.getCurrent();
        if (vaadin != null) {
            return resolve(vaadin.getRemoteAddr(), header.isEmpty() ? null : vaadin.getHeader(header));
        }
        return fallback;
    }

    String resolve(@Nullable String remote, @Nullable String forwarded) {
        String direct = remote == null ? "" : remote;
        if (header.isEmpty() || forwarded == null || !trustedProxies.contains(direct)) {
            return direct;
        }
        List<String> hops =
                Arrays.stream(forwarded.split(",")).map(String::strip).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (trustedProxies.contains(hop)) {
                continue;
            }
            // An address, nothing else: a header with words in it is not believed at all.
            return hop.matches("[0-9A-Fa-f:.]{2,45}") ? hop : direct;
        }
        return direct;
    }
}
