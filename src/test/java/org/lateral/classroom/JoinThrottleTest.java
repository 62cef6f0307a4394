package org.lateral.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class JoinThrottleTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-09-01T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final JoinThrottle throttle = new JoinThrottle(clock);

    @Test
    void a_class_of_thirty_behind_one_school_address_all_join_within_a_minute() {
        for (int student = 1; student <= 30; student++) {
            assertThat(throttle.mayTry("203.0.113.7", "")).isTrue();
            assertThat(throttle.join("203.0.113.7", "class-a")).as("student " + student).isTrue();
            clock.now = clock.now.plusSeconds(1);
        }
    }

    @Test
    void guessing_from_one_address_is_stopped_after_thirty_wrong_codes_and_resumes_after_ten_minutes() {
        for (int i = 0; i < JoinThrottle.WRONG_CODES_PER_ADDRESS; i++) {
            assertThat(throttle.mayTry("198.51.100.9", "")).isTrue();
            throttle.wrongCode("198.51.100.9", "");
        }
        assertThat(throttle.mayTry("198.51.100.9", "")).isFalse();
        assertThat(throttle.mayTry("198.51.100.10", "")).as("another address is not affected").isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(10));
        assertThat(throttle.mayTry("198.51.100.9", "")).isTrue();
    }

    @Test
    void a_signed_in_student_gets_five_wrong_codes_whatever_the_address() {
        for (int i = 0; i < JoinThrottle.WRONG_CODES_PER_ACCOUNT; i++) {
            throttle.wrongCode("192.0.2." + i, "student-42");
        }
        assertThat(throttle.mayTry("192.0.2.200", "student-42")).isFalse();
        assertThat(throttle.mayTry("192.0.2.200", "student-43")).isTrue();
    }

    @Test
    void a_burst_beyond_sixty_joins_a_minute_on_one_code_from_one_address_waits() {
        for (int i = 0; i < JoinThrottle.JOINS_PER_ADDRESS_AND_CODE; i++) {
            assertThat(throttle.join("203.0.113.7", "class-a")).isTrue();
        }
        assertThat(throttle.join("203.0.113.7", "class-a")).isFalse();
        assertThat(throttle.join("203.0.113.7", "class-b")).isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertThat(throttle.join("203.0.113.7", "class-a")).isTrue();
    }
}
