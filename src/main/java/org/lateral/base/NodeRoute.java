package org.lateral.base;

import org.apache.catalina.Container;
import org.apache.catalina.Engine;
import org.apache.catalina.Lifecycle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Sticky sessions behind a load balancer (issue 18, DD030, the deployment guide): with
 * {@code LATERAL_NODE_ROUTE=a}, every session id this node hands out ends in {@code .a} (Tomcat's
 * {@code jvmRoute}), so the balancer can send a browser back to the node that holds its session by
 * reading the session cookie alone, with no state of its own. Unset (one node), ids carry no
 * suffix, as before.
 */
@Component
class NodeRoute implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final String route;

    NodeRoute(@Value("${lateral.node.route:}") String route) {
        if (!route.isEmpty() && !route.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException(
                    "LATERAL_NODE_ROUTE may hold only letters, digits, '-' and '_' (at most 32), not: " + route);
        }
        this.route = route;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (route.isEmpty()) {
            return;
        }
        // The session manager reads the engine's route when it starts, which is after the
        // context's own start begins; by then the context hangs under its host and engine.
        factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                for (Container c = context.getParent(); c != null; c = c.getParent()) {
                    if (c instanceof Engine engine) {
                        engine.setJvmRoute(route);
                    }
                }
            }
        }));
    }
}
