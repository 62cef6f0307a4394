package org.lateral.base;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Housekeeping such as deleting full throttle buckets runs on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class BaseConfiguration {

    /** All "now" comes from this clock, so tests can fix time (DD000, "Time"). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    LateralMode lateralMode(Environment environment) {
        return LateralMode.from(environment);
    }
}
