package org.lateral.library.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The component is built from the properties in application.properties, and with them as shipped
 * private addresses are refused.
 */
class ArticleFetcherConfigurationTest {

    @Test
    void the_shipped_defaults_build_a_fetcher_that_refuses_loopback() throws IOException {
        Properties shipped = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            shipped.load(in);
        }
        String[] values = shipped.stringPropertyNames().stream()
                .filter(name -> name.startsWith("lateral.import."))
                .map(name -> name + "=" + shipped.getProperty(name))
                .toArray(String[]::new);
        assertThat(values).hasSize(5);

        new ApplicationContextRunner()
                // as SpringApplication does: "5s" and "5MB" become a Duration and a DataSize
                .withInitializer(context ->
                        context.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance()))
                .withPropertyValues(values)
                .withUserConfiguration(HttpArticleFetcher.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    ArticleFetcher fetcher = context.getBean(ArticleFetcher.class);
                    assertThatThrownBy(() -> fetcher.fetch("http://127.0.0.1:9/"))
                            .isInstanceOf(FetchRefusedException.class)
                            .hasMessageContaining("this server itself");
                });
    }
}
