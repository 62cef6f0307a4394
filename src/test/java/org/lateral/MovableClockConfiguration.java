package org.lateral;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Gives the application a clock that tests move by hand ({@link #CLOCK}), for rules that depend
 * on time passing (session timeouts, throttles refilling) without waiting. A test class that
 * imports it gets a Spring context (and database) of its own, shared only with the other test
 * classes that import it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MovableClockConfiguration {

    public static final ManualClock CLOCK = new ManualClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    @Bean
    @Primary
    Clock movableClock() {
        return CLOCK;
    }
}
