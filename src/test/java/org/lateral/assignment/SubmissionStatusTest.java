package org.lateral.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one status rule of a student's work, as the results table and "My assignments" use it. */
class SubmissionStatusTest {

    private static final Instant DUE = Instant.parse("2026-11-28T00:00:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "never opened, before the due date | 2026-11-27T10:00:00Z | - | - | NOT_STARTED",
                "opened, before the due date | 2026-11-27T10:00:00Z | 2026-11-26T09:00:00Z | - | IN_PROGRESS",
                "never opened, at the due instant | 2026-11-28T00:00:00Z | - | - | MISSING",
                "never opened, after the due date | 2026-12-05T10:00:00Z | - | - | MISSING",
                "opened, at the due instant | 2026-11-28T00:00:00Z | 2026-11-26T09:00:00Z | - | MISSING",
                "opened, after the due date | 2026-12-05T10:00:00Z | 2026-11-26T09:00:00Z | - | MISSING",
                "submitted before the due date | 2026-11-27T10:00:00Z | 2026-11-26T09:00:00Z | 2026-11-27T09:00:00Z | SUBMITTED",
                "submitted at the due instant | 2026-12-05T10:00:00Z | 2026-11-26T09:00:00Z | 2026-11-28T00:00:00Z | SUBMITTED",
                "submitted a microsecond late | 2026-12-05T10:00:00Z | 2026-11-26T09:00:00Z | 2026-11-28T00:00:00.000001Z | LATE",
                "submitted after the due date | 2026-12-05T10:00:00Z | 2026-11-26T09:00:00Z | 2026-12-01T09:00:00Z | LATE",
                "submitted late, seen before a later accommodation | 2026-11-27T10:00:00Z | 2026-11-26T09:00:00Z | 2026-11-28T09:00:00Z | LATE"
            })
    void the_status_follows_from_the_facts(
            String situation, Instant now, Instant started, Instant submitted, SubmissionStatus expected) {
        assertThat(SubmissionStatus.of(now, DUE, started, submitted)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"NOT_STARTED, false", "IN_PROGRESS, false", "MISSING, false", "SUBMITTED, true", "LATE, true"})
    void only_submitted_work_counts_as_submitted(SubmissionStatus status, boolean submitted) {
        assertThat(status.submitted()).isEqualTo(submitted);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "missing work is overdue for the student | 2026-12-05T10:00:00Z | 2026-11-26T09:00:00Z | - | OVERDUE",
                "late work is submitted for the student | 2026-12-05T10:00:00Z | 2026-11-26T09:00:00Z | 2026-12-01T09:00:00Z | SUBMITTED",
                "work not started is to do | 2026-11-27T10:00:00Z | - | - | TO_DO"
            })
    void the_students_list_shows_the_same_facts_in_its_own_words(
            String situation, Instant now, Instant started, Instant submitted, AssignmentStatus expected) {
        assertThat(AssignmentStatus.of(now, DUE, started, submitted, FeedbackPolicy.WHEN_RELEASED, null))
                .isEqualTo(expected);
    }
}
