package org.lateral.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lateral.LateralApplication;
import org.lateral.harness.VaadinClient;
import org.lateral.security.LoginAccounts;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A data directory seeded in demo mode and then started with {@code LATERAL_DEMO=false}: the
 * demo accounts, whose password is public, must not sign in (DD007). Whole Lateral instances on
 * one persistent data directory, started one after the other, as a school's IT person would.
 */
@ExtendWith(OutputCaptureExtension.class)
class LeavingDemoModeIT {

    private final Path dataDir = Path.of("target", "leaving-demo-" + UUID.randomUUID());

    @AfterEach
    void deleteDataDirectory() throws IOException {
        if (Files.exists(dataDir)) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private ConfigurableApplicationContext start(boolean demo) {
        return new SpringApplicationBuilder(LateralApplication.class)
                .run(
                        "--lateral.data-dir=" + dataDir,
                        "--lateral.demo=" + demo,
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--logging.level.org.springframework=WARN",
                        "--logging.level.com.vaadin=WARN");
    }

    private static VaadinClient client(ConfigurableApplicationContext app) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return new VaadinClient(URI.create("http://127.0.0.1:" + port + "/"));
    }

    @Test
    void demo_accounts_cannot_sign_in_after_a_restart_outside_demo_mode_and_the_log_says_why(CapturedOutput output)
            throws Exception {
        try (ConfigurableApplicationContext demo = start(true)) {
            client(demo).signIn("teacher", "lateral-demo");
            // As a data directory seeded before demo accounts were flagged (migration V0007).
            demo.getBean(JdbcClient.class)
                    .sql("UPDATE account SET demo = false")
                    .update();
        }

        try (ConfigurableApplicationContext school = start(false)) {
            for (String username : new String[] {"teacher", "admin", "student1", "student24"}) {
                assertThatThrownBy(() -> client(school).signIn(username, "lateral-demo"))
                        .as(username)
                        .hasMessageContaining("error");
            }
            JdbcClient jdbc = school.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT count(*) FROM account WHERE demo AND NOT enabled")
                            .query(Long.class)
                            .single())
                    .as("all 26 demo accounts (teacher, admin, 24 students) flagged and switched off")
                    .isEqualTo(26);
            assertThat(jdbc.sql("SELECT count(*) FROM class WHERE name = 'Demo class'")
                            .query(Long.class)
                            .single())
                    .as("nothing deleted: the demo class and its work stay")
                    .isEqualTo(1);
            assertThat(output.getOut())
                    .contains("Demo mode is off, so the 26 demo accounts")
                    .contains("LATERAL_DEMO=true");
            assertThat(school.getBean(LoginAccounts.class).noAccountsYet())
                    .as("first-run setup is open: demo accounts are not the school's accounts")
                    .isTrue();
            assertThat(output.getOut()).as("the setup token is printed").contains("Open /setup in a browser");
        }

        try (ConfigurableApplicationContext demoAgain = start(true)) {
            client(demoAgain).signIn("student1", "lateral-demo");
            assertThat(demoAgain
                            .getBean(JdbcClient.class)
                            .sql("SELECT count(*) FROM account WHERE demo AND enabled")
                            .query(Long.class)
                            .single())
                    .as("demo mode switches them on again")
                    .isEqualTo(26);
        }
    }
}
