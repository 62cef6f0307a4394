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
@SpringBootTest(properties = {
        "lateral.data-dir=target/test-data",
        "lateral.database.ephemeral=true",
        "logging.level.org.lateral=INFO"})
public @interface LateralTest {}
