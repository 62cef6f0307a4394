package org.lateral.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AssignmentRulesTest {

    private static final Instant DUE = Instant.parse("2026-11-28T00:00:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "nothing done before the due date | 2026-11-27T10:00:00Z | - | - | AFTER_SUBMIT | - | TO_DO",
                "started before the due date | 2026-11-27T10:00:00Z | 2026-11-26T09:00:00Z | - | AFTER_SUBMIT | - | IN_PROGRESS",
                "not submitted at the due instant | 2026-11-28T00:00:00Z | 2026-11-26T09:00:00Z | - | AFTER_SUBMIT | - | OVERDUE",
                "submitted with feedback after submit | 2026-11-27T10:00:00Z | 2026-11-26T09:00:00Z | 2026-11-27T09:00:00Z | AFTER_SUBMIT | - | FEEDBACK_AVAILABLE",
                "submitted, feedback waits for due date | 2026-11-27T10:00:00Z | 2026-11-26T09:00:00Z | 2026-11-27T09:00:00Z | AFTER_DUE | - | SUBMITTED",
                "submitted, due date passed | 2026-11-28T00:00:00Z | 2026-11-26T09:00:00Z | 2026-11-27T09:00:00Z | AFTER_DUE | - | FEEDBACK_AVAILABLE",
                "submitted, teacher has not released | 2026-12-10T10:00:00Z | 2026-11-26T09:00:00Z | 2026-11-27T09:00:00Z | WHEN_RELEASED | - | SUBMITTED",
                "submitted, teacher released | 2026-12-10T10:00:00Z | 2026-11-26T09:00:00Z | 2026-11-27T09:00:00Z | WHEN_RELEASED | 2026-12-01T08:00:00Z | FEEDBACK_AVAILABLE",
                "submitted late still counts as submitted | 2026-12-02T10:00:00Z | 2026-11-26T09:00:00Z | 2026-12-01T09:00:00Z | WHEN_RELEASED | - | SUBMITTED"
            })
    void a_students_status_follows_from_the_facts(
            String situation,
            Instant now,
            Instant started,
            Instant submitted,
            FeedbackPolicy policy,
            Instant released,
            AssignmentStatus expected) {
        assertThat(AssignmentStatus.of(now, DUE, started, submitted, policy, released))
                .isEqualTo(expected);
    }

    @Test
    void end_of_day_is_midnight_where_the_class_is() {
        assertThat(DueDates.endOfDay(LocalDate.parse("2026-11-27"), ZoneId.of("Europe/Berlin")))
                .isEqualTo(Instant.parse("2026-11-27T23:00:00Z"));
        assertThat(DueDates.endOfDay(LocalDate.parse("2026-11-27"), ZoneId.of("America/Los_Angeles")))
                .isEqualTo(Instant.parse("2026-11-28T08:00:00Z"));
    }

    @Test
    void end_of_day_on_a_daylight_saving_change_follows_the_zone_rules() {
        // 29 March 2026: Berlin moves from UTC+1 to UTC+2; the next midnight is at 22:00 UTC.
        assertThat(DueDates.endOfDay(LocalDate.parse("2026-03-29"), ZoneId.of("Europe/Berlin")))
                .isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
        assertThat(DueDates.dayOf(Instant.parse("2026-03-29T22:00:00Z"), ZoneId.of("Europe/Berlin")))
                .isEqualTo(LocalDate.parse("2026-03-29"));
    }

    @Test
    void a_due_date_at_midnight_reads_as_the_end_of_the_day_before() {
        assertThat(DueDates.display(Instant.parse("2026-11-27T23:00:00Z"), ZoneId.of("Europe/Berlin")))
                .isEqualTo("Fri 27 Nov 2026, end of day");
        assertThat(DueDates.display(Instant.parse("2026-11-27T14:30:00Z"), ZoneId.of("Europe/Berlin")))
                .isEqualTo("Fri 27 Nov 2026 at 15:30");
    }
}
