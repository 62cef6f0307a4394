package org.lateral.base;

import org.springframework.core.env.Environment;

/**
 * How this instance runs, as decided by {@link LateralEnvironmentPostProcessor}.
 *
 * @param demo demo mode: seeded demo accounts, a banner on every page, loopback only
 * @param embeddedDatabase true when Lateral started its own PostgreSQL
 */
public record LateralMode(boolean demo, boolean embeddedDatabase) {

    public static LateralMode from(Environment environment) {
        return new LateralMode(
                environment.getProperty(LateralEnvironmentPostProcessor.DEMO, Boolean.class, false),
                environment.getProperty(LateralEnvironmentPostProcessor.EMBEDDED_DATABASE, Boolean.class, false));
    }
}
