package org.lateral.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.lateral.assignment.AssignmentSummary;
import org.lateral.base.Schools;
import org.lateral.base.highlighter.MarkState;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.security.Role;
import org.lateral.submission.AssignmentInsights;
import org.lateral.submission.MarkingSession;
import org.lateral.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The dashboards' change feed across app nodes (issue 18, DD030): a change committed through any
 * connection to the database (here a plain JDBC connection, as another node's would be) reaches
 * this node's listener; the V0024 triggers notify what moves a dashboard and not a mark save; and
 * the listener comes back by itself after its connection is killed, moving every version once.
 */
@LateralServerTest
class DatabaseNotificationsIT {

    private static final Duration LIMIT = Duration.ofSeconds(15);

    @Autowired
    DatabaseNotifications notifications;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AssignmentInsights insights;

    @Autowired
    SubmissionService submissions;

    @Autowired
    ClassroomService classroom;

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    org.lateral.Fixtures fixtures;

    @Autowired
    UserDetailsService users;

    String teacher;
    AssignmentSummary assignment;
    List<OneTimeCredential> students;

    @BeforeEach
    void aClassWithAnAssignment() throws InterruptedException {
        teacher = "notify-" + UUID.randomUUID().toString().substring(0, 8);
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, teacher, "Ms Notify", Set.of(Role.TEACHER), "a long enough password");
        try (var s = SignedIn.as(users, teacher)) {
            ClassDetail c = classroom.createClass(new NewClass("Notify " + teacher, "", "", "UTC"));
            students = classroom.createStudents(c.id(), "Ada\nBo");
            assignment = fixtures.frisky(c.id(), 3, true);
        }
        assertThat(notifications.awaitDelivered(LIMIT)).isTrue();
    }

    private DatabaseNotifications.Watch watch() {
        try (var s = SignedIn.as(users, teacher)) {
            return insights.changes(assignment.id());
        }
    }

    /** A connection of its own, as another app node on the same database has. */
    private Connection anotherNode() throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
    }

    @Test
    void a_notification_reaches_the_listener_when_the_other_nodes_transaction_commits_not_before() throws Exception {
        DatabaseNotifications.Watch changes = watch();
        String before = changes.version();
        try (Connection other = anotherNode()) {
            other.setAutoCommit(false);
            try (PreparedStatement notify = other.prepareStatement("SELECT pg_notify('lateral_dashboard', ?)")) {
                notify.setString(1, assignment.id().toString());
                notify.execute();
            }
            assertThat(notifications.awaitDelivered(LIMIT)).isTrue();
            assertThat(changes.version()).as("not committed yet").isEqualTo(before);
            other.commit();
        }
        assertThat(notifications.awaitDelivered(LIMIT)).isTrue();
        assertThat(changes.version()).isNotEqualTo(before);
    }

    @Test
    void a_submission_moves_the_version_and_saving_a_mark_does_not() throws Exception {
        DatabaseNotifications.Watch changes = watch();
        OneTimeCredential ada = students.getFirst();
        MarkingSession session;
        try (var s = SignedIn.as(users, ada.username())) {
            session = submissions.open(assignment.id()).orElseThrow();
        }
        assertThat(notifications.awaitDelivered(LIMIT)).isTrue();
        String opened = changes.version();
        try (var s = SignedIn.as(users, ada.username())) {
            for (int i = 0; i < 5; i++) {
                String quote = "Violent terrorist attacks";
                int at = session.text().indexOf(quote);
                submissions.saveMark(
                        session.attemptId(),
                        new MarkState(UUID.randomUUID(), 1, at, at + quote.length(), quote, "", "", "opinion", false));
            }
        }
        assertThat(notifications.awaitDelivered(LIMIT)).isTrue();
        assertThat(changes.version())
                .as("marks are the hot path: no notification")
                .isEqualTo(opened);
        try (var s = SignedIn.as(users, ada.username())) {
            submissions.submit(session.attemptId());
        }
        assertThat(notifications.awaitDelivered(LIMIT)).isTrue();
        assertThat(changes.version()).isNotEqualTo(opened);
    }

    @Test
    void the_listener_reconnects_after_its_connection_is_killed_and_every_page_reads_again() throws Exception {
        DatabaseNotifications.Watch changes = watch();
        String before = changes.version();
        int killed = jdbc.sql(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = :name")
                .param("name", DatabaseNotifications.APPLICATION_NAME)
                .query(Integer.class)
                .single();
        assertThat(killed).isGreaterThanOrEqualTo(1);
        // Back by itself, and every version moved: notifications may have been missed meanwhile.
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (changes.version().equals(before) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        String reconnected = changes.version();
        assertThat(reconnected).isNotEqualTo(before);
        try (Connection other = anotherNode();
                PreparedStatement notify = other.prepareStatement("SELECT pg_notify('lateral_dashboard', ?)")) {
            notify.setString(1, assignment.id().toString());
            notify.execute();
        }
        assertThat(notifications.awaitDelivered(LIMIT)).isTrue();
        assertThat(changes.version()).isNotEqualTo(reconnected);
    }
}
