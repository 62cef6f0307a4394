package org.lateral.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lateral.harness.LateralProcess;

/**
 * The load harness still works (DD027): as many login pages as students are opened and closed
 * (the heap baseline), a teacher opens the assignment's dashboard and polls it, a few virtual
 * students sign in to the production jar, mark for a few seconds through Vaadin's protocol and
 * close their pages; no error of any kind,
 * and the database holds exactly the marks the server acknowledged. The figures are printed; they
 * prove nothing about speed at this size. The full scenarios are a separate command (README, "Load
 * test").
 */
class LoadDriverSmokeIT {

    private final LateralProcess lateral = new LateralProcess(Map.of("LATERAL_DEMO_STUDENTS", "30"));

    @AfterEach
    void stop() throws Exception {
        lateral.close();
    }

    @Test
    void five_students_marking_for_five_seconds_with_a_teacher_watching_get_every_mark_stored_and_no_error()
            throws Exception {
        lateral.start(1);
        ServerGauges gauges = new ServerGauges(lateral.pid(), lateral.dataDirectory());
        LoadDriver.Measured measured = new LoadDriver.Measured(gauges);
        // With the baseline pages and one teacher, so every path of the harness runs.
        LoadScenario scenario = new LoadScenario(5, 10, 10, Duration.ofSeconds(5), 5, 2, 7, 1, true, "marks");

        LoadDriver.Result result = LoadDriver.run(scenario, lateral.base(), measured);
        MarkAudit audit;
        try (Connection database = lateral.database()) {
            audit = result.audit(database);
        }

        LoadReport report = result.report();
        System.out.print(report.text());
        System.out.println("Database:      " + audit);
        System.out.println(measured.text(report));
        assertThat(report.errors()).as(report.firstErrorMessages().toString()).isEmpty();
        assertThat(report.studentsOnPage()).isEqualTo(5);
        assertThat(report.acknowledged()).as("marks acknowledged").isGreaterThan(10);
        assertThat(report.roundTripMs().count()).isEqualTo(report.sent());
        assertThat(report.teachersOnPage()).isEqualTo(1);
        // The teacher opened the dashboard before the students signed in and polls every 5 s
        // until their 5 s of marking are over, so at least one poll came back.
        assertThat(report.pollMs().count()).as("dashboard polls answered").isPositive();
        assertThat(report.windows()).as("5 s slices of the marking phase").isNotEmpty();
        assertThat(audit.missing())
                .as("acknowledged marks missing from the database")
                .isZero();
        assertThat(audit.stored()).as("rows in the database").isEqualTo(report.acknowledged());
    }

    @Test
    void three_students_on_the_lessons_sources_step_get_every_source_mention_and_link_stored() throws Exception {
        lateral.start(1);
        LoadScenario scenario = new LoadScenario(3, 6, 6, Duration.ofSeconds(5), 5, 2, 11, 0, false, "sources");

        LoadDriver.Result result = LoadDriver.run(scenario, lateral.base(), LoadDriver.Phases.NONE);
        MarkAudit audit;
        try (Connection database = lateral.database()) {
            audit = result.audit(database);
        }

        LoadReport report = result.report();
        System.out.print(report.text());
        System.out.println("Database:      " + audit);
        assertThat(report.errors()).as(report.firstErrorMessages().toString()).isEmpty();
        assertThat(report.studentsOnPage()).isEqualTo(3);
        // Each student's cycle is a source, a mention of it, a claim linked to it.
        assertThat(report.acknowledged()).as("saves acknowledged").isGreaterThanOrEqualTo(6);
        assertThat(result.metrics().setup)
                .as("the first step's claims, two a student")
                .hasSize(6);
        assertThat(audit.missing())
                .as("acknowledged saves missing from the database")
                .isZero();
        assertThat(audit.stored()).as("rows in the database").isEqualTo(report.acknowledged());
    }
}
