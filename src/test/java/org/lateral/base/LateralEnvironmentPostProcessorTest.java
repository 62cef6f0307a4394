package org.lateral.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class LateralEnvironmentPostProcessorTest {

    private static LateralMode decide(MockEnvironment environment) {
        new LateralEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return LateralMode.from(environment);
    }

    @Test
    void without_a_datasource_url_lateral_uses_its_embedded_database_in_demo_mode_on_loopback() {
        MockEnvironment environment = new MockEnvironment();
        assertThat(decide(environment)).isEqualTo(new LateralMode(true, true));
        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
    }

    @Test
    void with_a_datasource_url_demo_mode_is_off_and_the_address_is_left_alone() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.school.example/lateral");
        assertThat(decide(environment)).isEqualTo(new LateralMode(false, false));
        assertThat(environment.getProperty("server.address")).isNull();
    }

    @Test
    void lateral_demo_overrides_the_default_both_ways() {
        assertThat(decide(new MockEnvironment().withProperty("lateral.demo", "false")))
                .isEqualTo(new LateralMode(false, true));
        assertThat(decide(new MockEnvironment()
                        .withProperty("spring.datasource.url", "jdbc:postgresql://localhost/lateral")
                        .withProperty("lateral.demo", "true")))
                .isEqualTo(new LateralMode(true, false));
    }

    @Test
    void an_explicit_server_address_wins_over_the_demo_loopback_default() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.address", "0.0.0.0");
        decide(environment);
        assertThat(environment.getProperty("server.address")).isEqualTo("0.0.0.0");
    }
}
