package org.lateral;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Like {@link LateralTest}, with the real web server on a random port, serving the production
 * frontend bundle that this build created. Integration tests ({@code *IT}) share this context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
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
public @interface LateralServerTest {}
