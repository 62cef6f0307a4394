package org.lateral.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.LateralTest;
import org.lateral.base.Schools;
import org.lateral.base.ui.NotFoundView;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.dashboard.ui.DashboardNavigation;
import org.lateral.security.AuditAction;
import org.lateral.security.AuditOutcome;
import org.lateral.security.AuditTrail;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The admin's audit trail screen, browserless, in the default school: events of this school only,
 * newest first, filtered by action, account and days, a hundred to a page; a teacher cannot open
 * it (and that refusal is itself recorded).
 */
@LateralTest
class AuditViewTest extends SpringBrowserlessTest {

    static final String ADMIN = "audit-view-admin";
    static final String TEACHER = "audit-view-teacher";

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    String alice;
    String bob;

    @BeforeEach
    void accountsAndEvents() {
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, ADMIN, "Audit Admin", Set.of(Role.ADMIN), "a long enough password");
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, TEACHER, "Audit Teacher", Set.of(Role.TEACHER), "a long enough password");
        String run = UUID.randomUUID().toString().substring(0, 6);
        alice = "alice-" + run;
        bob = "bob-" + run;
        event(alice, Schools.DEFAULT_SCHOOL_ID, AuditAction.SIGN_IN);
        event(alice, Schools.DEFAULT_SCHOOL_ID, AuditAction.PASSWORD_RESET);
        event(bob, Schools.DEFAULT_SCHOOL_ID, AuditAction.SIGN_IN);
        // The same username in another school: never shown here.
        UUID otherSchool = UUID.randomUUID();
        administration.ensureSchool(otherSchool, "Audit view other school");
        event(alice, otherSchool, AuditAction.SCORE_OVERRIDDEN);
    }

    private void event(String username, UUID school, AuditAction action) {
        audit.record(new AuditTrail.Entry(
                action,
                AuditOutcome.SUCCESS,
                new AuditTrail.Actor(UUID.randomUUID(), school, username, Set.of(Role.TEACHER)),
                null,
                "account",
                List.of(),
                "",
                "192.0.2.1"));
    }

    private List<NativeTableRow> rows() {
        NativeTable table = $(NativeTable.class).withTestId("audit-table").single();
        return $(NativeTableRow.class, table)
                .withAttribute("data-testid", "audit-row")
                .all();
    }

    private List<String> actionsShown() {
        return rows().stream()
                .map(r -> r.getElement().getAttribute("data-action"))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private String pageInfo() {
        return $(Paragraph.class).withTestId("audit-page-info").single().getText();
    }

    private void filter(String action, String user, LocalDate from, LocalDate to) {
        ((Select<String>) $(Select.class).withTestId("audit-filter-action").single()).setValue(action);
        test($(TextField.class).withTestId("audit-filter-user").single()).setValue(user);
        $(DatePicker.class).withTestId("audit-filter-from").single().setValue(from);
        $(DatePicker.class).withTestId("audit-filter-to").single().setValue(to);
        test($(Button.class).withTestId("audit-apply").single()).click();
    }

    @Test
    @WithUserDetails(value = ADMIN, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_admin_reaches_the_trail_from_the_school_view_and_sees_the_schools_events_newest_first() {
        navigate(DashboardNavigation.school().view());
        Anchor link = $(Anchor.class).withTestId("audit-link").single();
        assertThat(link.getHref()).isEqualTo("admin/audit");
        navigate(AuditView.class);
        filter("", alice, null, null);
        assertThat(actionsShown())
                .as("alice's two events in this school, newest first; not her namesake's in another school")
                .containsExactly("PASSWORD_RESET", "SIGN_IN");
        assertThat(rows().getFirst().getElement().getTextRecursively())
                .contains(alice)
                .contains("Teacher")
                .doesNotContain("TEACHER")
                .contains("Password reset")
                .contains("Done")
                .contains("UTC");
    }

    @Test
    @WithUserDetails(value = ADMIN, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void filters_by_action_account_and_days_work_together() {
        navigate(AuditView.class);
        filter("SIGN_IN", "", null, null);
        assertThat(actionsShown()).isNotEmpty().allMatch("SIGN_IN"::equals);
        filter("SIGN_IN", bob.toUpperCase(), null, null);
        assertThat(rows())
                .singleElement()
                .satisfies(r -> assertThat(r.getElement().getTextRecursively()).contains(bob));
        assertThat(pageInfo()).isEqualTo("Page 1: 1 event");

        // An event of twenty days ago, found by its day and not by the day after.
        Instant old = Instant.now().minusSeconds(20L * 24 * 3600);
        LocalDate day = old.atZone(ZoneOffset.UTC).toLocalDate();
        jdbc.sql("""
                        INSERT INTO audit_event (occurred_at, school_id, actor_username, actor_role, action, outcome)
                        VALUES (:at, :school, :u, 'TEACHER', 'SIGN_IN', 'SUCCESS')
                        """)
                .param("at", Timestamp.from(old))
                .param("school", Schools.DEFAULT_SCHOOL_ID)
                .param("u", bob)
                .update();
        filter("", bob, day, day);
        assertThat(rows()).hasSize(1);
        filter("", bob, day.plusDays(1), null);
        assertThat(rows()).as("today's event only").hasSize(1);
        filter("", bob, null, null);
        assertThat(rows()).hasSize(2);

        filter("", "", day, day.minusDays(1));
        Paragraph problem = $(Paragraph.class).withTestId("audit-problem").single();
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).contains("first day comes after the last day");
    }

    @Test
    @WithUserDetails(value = ADMIN, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_hundred_events_to_a_page() {
        String busy = "busy-" + UUID.randomUUID().toString().substring(0, 6);
        jdbc.sql("""
                        INSERT INTO audit_event (occurred_at, school_id, actor_username, actor_role, action, outcome)
                        SELECT now() - make_interval(secs => n), :school, :u, 'TEACHER', 'SIGN_IN', 'SUCCESS'
                          FROM generate_series(1, 105) AS n
                        """)
                .param("school", Schools.DEFAULT_SCHOOL_ID)
                .param("u", busy)
                .update();
        navigate(AuditView.class);
        filter("", busy, null, null);
        assertThat(rows()).hasSize(100);
        assertThat(pageInfo()).isEqualTo("Page 1: 100 events");
        Button older = $(Button.class).withTestId("audit-older").single();
        assertThat(older.isEnabled()).isTrue();
        test(older).click();
        assertThat(rows()).hasSize(5);
        assertThat(older.isEnabled()).isFalse();
        test($(Button.class).withTestId("audit-newer").single()).click();
        assertThat(rows()).hasSize(100);
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_teacher_cannot_open_the_trail_and_the_refusal_is_recorded() {
        long before = jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event")
                .query(Long.class)
                .single();
        navigate("admin/audit", NotFoundView.class);
        assertThat(jdbc.sql("""
                        SELECT detail FROM audit_event
                         WHERE id > :before AND action = 'PAGE_DENIED' AND actor_username = :u AND outcome = 'DENIED'
                        """)
                        .param("before", before)
                        .param("u", TEACHER)
                        .query(String.class)
                        .list())
                .containsExactly("AuditView");
    }

    @Test
    @WithUserDetails(value = ADMIN, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void building_the_menu_records_no_refusal_only_opening_a_page_does() {
        long before = jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event")
                .query(Long.class)
                .single();
        // The menu asks about every page it could list (the teachers' ones too) on each page.
        navigate(DashboardNavigation.school().view());
        navigate(AuditView.class);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_event
                         WHERE id > :before AND action = 'PAGE_DENIED' AND actor_username = :u
                        """)
                        .param("before", before)
                        .param("u", ADMIN)
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
