package org.lateral.base;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Decides, before anything starts, which database Lateral uses and whether it runs in demo mode
 * (DD000, "Run"):
 * <ul>
 *   <li>no {@code SPRING_DATASOURCE_URL}: the embedded PostgreSQL, and demo mode on;</li>
 *   <li>with it: that server, and demo mode off;</li>
 *   <li>{@code LATERAL_DEMO=true|false} overrides the demo default.</li>
 * </ul>
 * In demo mode the web server binds to loopback unless {@code SERVER_ADDRESS} says otherwise,
 * because demo accounts have a published password. This runs as an environment post-processor
 * because {@code server.address} must be known before the web server is created.
 */
public class LateralEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String EMBEDDED_DATABASE = "lateral.mode.embedded-database";
    static final String DEMO = "lateral.mode.demo";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean external = StringUtils.hasText(environment.getProperty("spring.datasource.url"));
        boolean demo = environment.getProperty("lateral.demo", Boolean.class, !external);
        Map<String, Object> decided = new HashMap<>();
        decided.put(EMBEDDED_DATABASE, !external);
        decided.put(DEMO, demo);
        if (demo && !StringUtils.hasText(environment.getProperty("server.address"))) {
            decided.put("server.address", "127.0.0.1");
        }
        environment.getPropertySources().addFirst(new MapPropertySource("lateralMode", decided));
    }
}
