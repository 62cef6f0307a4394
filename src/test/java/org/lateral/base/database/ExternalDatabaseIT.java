package org.lateral.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.lateral.LateralApplication;
import org.lateral.LateralServerTest;
import org.lateral.TestDatabases;
import org.lateral.base.LateralMode;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Lateral on a PostgreSQL it did not start, configured the way a school does it: a JDBC URL,
 * a username and a password. For each server (the embedded one, standing in for a school's,
 * and every server in {@code LATERAL_TEST_DATABASES}) it creates an empty database, starts a
 * whole Lateral on it and checks that it migrates the schema, starts outside demo mode with no
 * accounts, and reports ready.
 */
@LateralServerTest
class ExternalDatabaseIT {

    @Autowired
    DataSource embedded;

    @TestFactory
    Stream<DynamicTest> lateral_runs_on_an_external_postgres_given_url_username_and_password() throws Exception {
        return TestDatabases.servers(embedded).stream()
                .map(url -> DynamicTest.dynamicTest(TestDatabases.describe(url), () -> runLateralOn(url)));
    }

    private static void runLateralOn(String serverUrl) throws Exception {
        String database = "lateral_external_" + UUID.randomUUID().toString().replace("-", "");
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL(serverUrl);
        try (Connection c = admin.getConnection()) {
            c.createStatement().execute("CREATE DATABASE " + database);
        }
        Map<String, String> query = query(serverUrl);
        String jdbcUrl = serverUrl.substring(0, serverUrl.indexOf('?')).replaceAll("/[^/]*$", "/" + database);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LateralApplication.class)
                .run(
                        "--spring.datasource.url=" + jdbcUrl,
                        "--spring.datasource.username=" + query.get("user"),
                        "--spring.datasource.password=" + query.getOrDefault("password", ""),
                        "--server.port=0",
                        "--server.address=127.0.0.1")) {
            assertThat(app.getBean(LateralMode.class)).isEqualTo(new LateralMode(false, false));
            assertThat(app.getBeanNamesForType(EmbeddedPostgresServer.class)).isEmpty();
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT current_database()").query(String.class).single())
                    .isEqualTo(database);
            assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success")
                            .query(Long.class)
                            .single())
                    .isGreaterThanOrEqualTo(2);
            assertThat(jdbc.sql("SELECT count(*) FROM account")
                            .query(Long.class)
                            .single())
                    .isZero();

            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpResponse<String> ready = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(200);
        } finally {
            try (Connection c = admin.getConnection()) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    private static Map<String, String> query(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        int q = url.indexOf('?');
        if (q >= 0) {
            for (String pair : url.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                params.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return params;
    }
}
