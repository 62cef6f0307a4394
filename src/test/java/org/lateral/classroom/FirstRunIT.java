package org.lateral.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.lateral.LateralApplication;
import org.lateral.base.LateralMode;
import org.lateral.base.Schools;
import org.lateral.base.UserFacingException;
import org.lateral.classroom.FirstRunSetup.SetupRequest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Outside demo mode: a fresh install has no accounts at all, and the first one can only be
 * created with the setup token from the log. Runs its own Lateral (demo off) on its own database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstRunIT {

    private static ConfigurableApplicationContext app;

    @BeforeAll
    static void startLateralOutsideDemoMode() {
        app = new SpringApplicationBuilder(LateralApplication.class)
                .run(
                        "--lateral.demo=false",
                        "--server.port=0",
                        "--lateral.data-dir=target/test-data",
                        "--lateral.database.ephemeral=true");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static SetupRequest request(String token, String password) {
        return new SetupRequest(token, "Riverside High", "First Teacher", "firstteacher", password, password);
    }

    @Test
    @Order(1)
    void a_fresh_install_outside_demo_mode_has_no_accounts_and_issues_a_setup_token() {
        assertThat(app.getBean(LateralMode.class).demo()).isFalse();
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT count(*) FROM account").query(Long.class).single())
                .isZero();
        assertThat(app.getBean(FirstRunSetup.class).currentToken()).isPresent();
        assertThat(jdbc.sql("SELECT count(*) FROM setup_token")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    @Order(2)
    void setup_refuses_a_wrong_token_and_a_weak_password_then_takes_any_nodes_token_once() {
        FirstRunSetup setup = app.getBean(FirstRunSetup.class);
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        String token = setup.currentToken().orElseThrow();
        // A second app node on the same database prints its own token; the browser may reach this one.
        String otherNodes = setup.issueToken("node-b");
        assertThat(otherNodes).isNotEqualTo(token);

        assertThat(setup.createFirstAccount(request("WRONG-TOKEN", "a long enough password")))
                .hasValueSatisfying(m -> assertThat(m.getMessage()).contains("token"));
        assertThat(setup.createFirstAccount(request(token, "short")))
                .hasValueSatisfying(m -> assertThat(m.getMessage()).contains("at least 8"));
        assertThat(jdbc.sql("SELECT count(*) FROM account").query(Long.class).single())
                .isZero();

        assertThat(setup.createFirstAccount(request(otherNodes.toLowerCase(), "a long enough password")))
                .isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM setup_token")
                        .query(Long.class)
                        .single())
                .as("the first account ends every node's token")
                .isZero();
        assertThat(jdbc.sql("SELECT role FROM account_role r JOIN account a ON a.id = r.account_id "
                                + "WHERE a.username = 'firstteacher' ORDER BY role")
                        .query(String.class)
                        .list())
                .containsExactly("ADMIN", "TEACHER");
        assertThat(jdbc.sql("SELECT name FROM school WHERE id = :id")
                        .param("id", Schools.DEFAULT_SCHOOL_ID)
                        .query(String.class)
                        .single())
                .isEqualTo("Riverside High");
        String hash = jdbc.sql("SELECT password_hash FROM credential")
                .query(String.class)
                .single();
        assertThat(app.getBean(PasswordEncoder.class).matches("a long enough password", hash))
                .isTrue();

        Optional<UserFacingException> again = setup.createFirstAccount(request(token, "another long password"));
        assertThat(again).hasValueSatisfying(m -> assertThat(m.getMessage()).contains("already set up"));
        assertThat(setup.currentToken()).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM account").query(Long.class).single())
                .isEqualTo(1);
    }
}
