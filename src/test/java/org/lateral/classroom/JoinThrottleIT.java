package org.lateral.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.lateral.LateralTest;
import org.lateral.ManualClock;
import org.lateral.base.throttle.Throttles;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The join throttle on its real store (PostgreSQL) with a clock moved by hand. Every test uses
 * addresses and sessions of its own, because the buckets live in the shared test database.
 */
@LateralTest
class JoinThrottleIT {

    @Autowired
    DataSource dataSource;

    private final ManualClock clock = new ManualClock();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private JoinThrottle throttle() {
        return new JoinThrottle(new Throttles(dataSource, clock));
    }

    private JoinThrottle.Requester from(String address, String session) {
        return new JoinThrottle.Requester(address + "-" + run, session + "-" + run, "");
    }

    @Test
    void a_class_of_thirty_behind_one_school_address_all_join_within_a_minute() {
        JoinThrottle throttle = throttle();
        for (int student = 1; student <= 30; student++) {
            assertThat(throttle.mayTry(from("203.0.113.7", "s" + student))).isTrue();
            assertThat(throttle.join("203.0.113.7-" + run, "class-a"))
                    .as("student " + student)
                    .isTrue();
            clock.advance(Duration.ofSeconds(1));
        }
    }

    @Test
    void one_browser_guessing_is_stopped_after_ten_wrong_tries_and_may_go_on_after_ten_minutes() {
        JoinThrottle throttle = throttle();
        JoinThrottle.Requester guesser = from("198.51.100.9", "guesser");
        for (int i = 0; i < JoinThrottle.WRONG_PER_SESSION; i++) {
            assertThat(throttle.mayTry(guesser)).isTrue();
            throttle.wrong(guesser);
        }
        assertThat(throttle.mayTry(guesser)).isFalse();
        assertThat(throttle.mayTry(from("198.51.100.9", "classmate")))
                .as("another browser at the same school address is not affected")
                .isTrue();
        clock.advance(JoinThrottle.WRONG_WINDOW);
        assertThat(throttle.mayTry(guesser)).isTrue();
    }

    @Test
    void one_class_mistyping_its_code_does_not_lock_out_another_class_at_the_same_address() {
        JoinThrottle throttle = throttle();
        // Thirty students of class A each get the code wrong three times (a typo on the board).
        for (int student = 1; student <= 30; student++) {
            for (int i = 0; i < 3; i++) {
                throttle.wrong(from("203.0.113.50", "a" + student));
            }
        }
        assertThat(throttle.mayTry(from("203.0.113.50", "b1")))
                .as("class B's first student can still join")
                .isTrue();
    }

    @Test
    void a_script_opening_new_sessions_is_stopped_by_the_address_limit() {
        JoinThrottle throttle = throttle();
        for (int i = 0; i < JoinThrottle.WRONG_PER_ADDRESS; i++) {
            throttle.wrong(from("192.0.2.66", "fresh-session-" + i));
        }
        assertThat(throttle.mayTry(from("192.0.2.66", "yet-another-session"))).isFalse();
        assertThat(throttle.mayTry(from("192.0.2.67", "yet-another-session")))
                .as("another address")
                .isTrue();
    }

    @Test
    void a_signed_in_student_gets_five_wrong_codes_whatever_the_address_or_session() {
        JoinThrottle throttle = throttle();
        String account = "student-" + run;
        for (int i = 0; i < JoinThrottle.WRONG_PER_ACCOUNT; i++) {
            throttle.wrong(new JoinThrottle.Requester("192.0.2." + i + "-" + run, "s" + i + "-" + run, account));
        }
        assertThat(throttle.mayTry(new JoinThrottle.Requester("192.0.2.200-" + run, "new-" + run, account)))
                .isFalse();
        assertThat(throttle.mayTry(new JoinThrottle.Requester("192.0.2.200-" + run, "new-" + run, "other-" + run)))
                .isTrue();
    }

    @Test
    void a_burst_beyond_sixty_joins_a_minute_into_one_class_from_one_address_waits() {
        JoinThrottle throttle = throttle();
        String address = "203.0.113.7-" + run;
        for (int i = 0; i < JoinThrottle.JOINS_PER_ADDRESS_AND_CLASS; i++) {
            assertThat(throttle.join(address, "class-a")).isTrue();
        }
        assertThat(throttle.join(address, "class-a")).isFalse();
        assertThat(throttle.join(address, "class-b")).isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.join(address, "class-a")).isTrue();
    }

    @Test
    void two_app_nodes_on_one_database_count_the_same_wrong_tries() {
        JoinThrottle nodeA = throttle();
        JoinThrottle nodeB = throttle();
        JoinThrottle.Requester guesser = from("198.51.100.77", "guesser");
        for (int i = 0; i < JoinThrottle.WRONG_PER_SESSION; i++) {
            (i % 2 == 0 ? nodeA : nodeB).wrong(guesser);
        }
        assertThat(nodeA.mayTry(guesser)).isFalse();
        assertThat(nodeB.mayTry(guesser)).isFalse();
    }
}
