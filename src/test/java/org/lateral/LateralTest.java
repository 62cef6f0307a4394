package org.lateral;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application against a real PostgreSQL: an embedded one in a fresh directory under
 * target/, migrated by the real Flyway files, in demo mode (so the demo accounts exist).
 * Browserless view tests use this; Spring shares one context per test JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        properties = {
            "lateral.data-dir=target/test-data",
            "lateral.database.ephemeral=true",
            // Keep test output readable: framework start-up chatter only when something is wrong.
            "logging.level.org.springframework=WARN",
            "logging.level.org.flywaydb=WARN",
            "logging.level.com.vaadin=WARN",
            "logging.level.org.atmosphere=WARN",
            "logging.level.com.zaxxer=WARN"
        })
public @interface LateralTest {}
