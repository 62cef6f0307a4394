package org.lateral.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.Fixtures;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.lateral.base.LateralMode;
import org.lateral.base.UserFacingException;
import org.lateral.base.i18n.Translations;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The school admin's screen through its services (DD026), against PostgreSQL: invitations from
 * issue to use, roles, switching accounts off, moving students, searching, the school's own
 * retention, the fence around the school, and an audit row for every change.
 */
@LateralServerTest
class SchoolAdminIT {

    /** Each test tries codes from its own browser session, so wrong tries of one never throttle another. */
    private final JoinService.From FROM = new JoinService.From("192.0.2.44", "session-" + UUID.randomUUID());

    @Autowired
    Fixtures fixtures;

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    SchoolAdminService admin;

    @Autowired
    InvitationService invitations;

    @Autowired
    ClassroomService classroom;

    @Autowired
    RetentionPurge purge;

    @Autowired
    JoinThrottle joinThrottle;

    @Autowired
    AccountRepository accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    JdbcClient jdbc;

    UUID school;
    String adminName;
    Account teacher;
    SchoolClass history;
    SchoolClass geography;
    Account student;

    @BeforeEach
    void aSchool() {
        school = fixtures.school("Admin screen school");
        adminName = fixtures.admin(school, "school-admin");
        teacher = administration.ensureAccount(
                school,
                "teacher-" + UUID.randomUUID().toString().substring(0, 8),
                "Teacher Ortiz",
                Set.of(Role.TEACHER),
                Fixtures.PASSWORD);
        history = administration.ensureClass(teacher, "History 9B", "History", null, ZoneId.of("Europe/Madrid"));
        geography = administration.ensureClass(teacher, "Geography 9B", "Geography", null, ZoneId.of("Europe/Madrid"));
        student = administration.ensureAccount(
                school,
                "heron-" + UUID.randomUUID().toString().substring(0, 8),
                "Heron",
                Set.of(Role.STUDENT),
                Fixtures.PASSWORD);
        administration.ensureEnrolled(history, student);
    }

    private SignedIn asAdmin() {
        return SignedIn.as(users, adminName);
    }

    private int audited(String action, UUID object) {
        return jdbc.sql(
                        "SELECT count(*) FROM audit_event WHERE school_id = :s AND action = :a AND :o = ANY (object_ids)")
                .param("s", school)
                .param("a", action)
                .param("o", object)
                .query(Integer.class)
                .single();
    }

    private int accountCount() {
        return jdbc.sql("SELECT count(*) FROM account").query(Integer.class).single();
    }

    private InvitationService.NewTeacher newTeacher(String username) {
        return new InvitationService.NewTeacher(
                "Teacher Lindqvist", username, "rivers run to the sea", "rivers run to the sea");
    }

    @Test
    void an_invitation_works_once_and_makes_a_teacher_of_the_inviting_school_who_signs_in_with_their_own_password() {
        TeacherInvite.Issued issued;
        try (var s = asAdmin()) {
            issued = admin.invite("Ms Lindqvist (geography)", false);
            assertThat(issued.code()).matches("([" + JoinCodes.ALPHABET + "]{4}-){3}[" + JoinCodes.ALPHABET + "]{4}");
            assertThat(admin.invites())
                    .singleElement()
                    .satisfies(i -> assertThat(i.state()).isEqualTo(TeacherInvite.State.PENDING));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM teacher_invite WHERE code_sha256 LIKE :c")
                        .param("c", "%" + issued.code().replace("-", "") + "%")
                        .query(Integer.class)
                        .single())
                .as("the code itself is not stored")
                .isZero();

        assertThat(invitations.preview(issued.code().toLowerCase().replace("-", " "), FROM))
                .isEqualTo(new InvitationService.Invitation("Admin screen school", false));
        String username = "lindqvist-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(invitations.accept(issued.code(), newTeacher(username), FROM))
                .isEqualTo(username);

        UserDetails created = users.loadUserByUsername(username);
        assertThat(passwordEncoder.matches("rivers run to the sea", created.getPassword()))
                .isTrue();
        assertThat(created.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_TEACHER");
        assertThat(jdbc.sql("SELECT school_id FROM account WHERE username = :u")
                        .param("u", username)
                        .query(UUID.class)
                        .single())
                .isEqualTo(school);

        int before = accountCount();
        assertThatThrownBy(() -> invitations.accept(issued.code(), newTeacher(username + "x"), FROM))
                .isInstanceOf(UserFacingException.class)
                .hasMessage(Translations.english("classroom.refusal.invite.notAnInvitation"));
        assertThat(accountCount()).as("a used code creates nothing").isEqualTo(before);
        try (var s = asAdmin()) {
            assertThat(admin.invites()).singleElement().satisfies(i -> {
                assertThat(i.state()).isEqualTo(TeacherInvite.State.USED);
                assertThat(i.usedBy()).isEqualTo("Teacher Lindqvist");
            });
            assertThat(admin.staff()).extracting(SchoolMember::username).contains(username);
        }
        assertThat(audited("TEACHER_INVITED", issued.invite().id())).isEqualTo(1);
        assertThat(audited("INVITATION_ACCEPTED", issued.invite().id())).isEqualTo(1);
    }

    @Test
    void a_withdrawn_or_expired_invitation_or_a_bad_form_creates_no_account() {
        TeacherInvite.Issued withdrawn;
        TeacherInvite.Issued expired;
        TeacherInvite.Issued admins;
        try (var s = asAdmin()) {
            withdrawn = admin.invite("Withdrawn one", false);
            expired = admin.invite("Expired one", false);
            admins = admin.invite("Future admin", true);
            admin.withdrawInvite(withdrawn.invite().id());
            assertThat(audited("INVITATION_WITHDRAWN", withdrawn.invite().id())).isEqualTo(1);
            assertThatThrownBy(() -> admin.withdrawInvite(withdrawn.invite().id()))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("already used, withdrawn or out of date");
            assertThatThrownBy(() -> admin.invite("  ", false))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("Say whom the invitation is for");
        }
        jdbc.sql("UPDATE teacher_invite SET created_at = created_at - interval '8 days',"
                        + " expires_at = expires_at - interval '8 days' WHERE id = :id")
                .param("id", expired.invite().id())
                .update();
        int before = accountCount();
        for (String code : List.of(withdrawn.code(), expired.code(), "ABCD-EFGH", "")) {
            assertThatThrownBy(() -> invitations.accept(code, newTeacher("never-" + code.length()), FROM))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage(Translations.english("classroom.refusal.invite.notAnInvitation"));
        }
        assertThatThrownBy(() -> invitations.accept(
                        admins.code(),
                        new InvitationService.NewTeacher("A", "x", "rivers run to the sea", "rivers run to the sea"),
                        FROM))
                .isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> invitations.accept(
                        admins.code(),
                        new InvitationService.NewTeacher(
                                "A",
                                "future-admin-" + UUID.randomUUID().toString().substring(0, 6),
                                "rivers run to the sea",
                                "other"),
                        FROM))
                .isInstanceOf(UserFacingException.class)
                .hasMessage("The two passwords are not the same.");
        assertThatThrownBy(() -> invitations.accept(admins.code(), newTeacher(adminName), FROM))
                .as("a username someone has")
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("is not available");
        assertThat(accountCount()).isEqualTo(before);
        System.out.printf(
                "Invitations: 4 codes refused (withdrawn, out of date, malformed, blank), 3 forms refused, "
                        + "accounts created by them %d%n",
                accountCount() - before);

        // The refused form did not use the invitation up: it still works, and makes an admin.
        String username = "future-admin-" + UUID.randomUUID().toString().substring(0, 6);
        invitations.accept(admins.code(), newTeacher(username), FROM);
        assertThat(users.loadUserByUsername(username).getAuthorities())
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_TEACHER", "ROLE_ADMIN");
        try (var s = asAdmin()) {
            assertThat(admin.invites())
                    .extracting(TeacherInvite::meantFor, TeacherInvite::state)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("Withdrawn one", TeacherInvite.State.WITHDRAWN),
                            org.assertj.core.groups.Tuple.tuple("Expired one", TeacherInvite.State.EXPIRED),
                            org.assertj.core.groups.Tuple.tuple("Future admin", TeacherInvite.State.USED));
        }
    }

    @Test
    void roles_change_with_the_person_signed_out_and_a_school_always_keeps_an_admin() {
        int epoch = epoch(teacher.id());
        UUID self = accountId(adminName);
        try (var s = asAdmin()) {
            int version = member(teacher.id()).version();
            SchoolMember promoted = admin.setAdmin(teacher.id(), true, version);
            assertThat(promoted.roles()).containsExactlyInAnyOrder(Role.TEACHER, Role.ADMIN);
            assertThat(epoch(teacher.id()))
                    .as("signed out, to come back with the new role")
                    .isGreaterThan(epoch);
            assertThatThrownBy(() -> admin.setAdmin(teacher.id(), false, version))
                    .as("a page read before the change does not undo it")
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("changed by someone else");
            assertThatThrownBy(() -> admin.setAdmin(self, false, member(self).version()))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("your own admin role");
            assertThatThrownBy(() -> admin.setEnabled(self, false))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("your own account");
            assertThatThrownBy(() -> admin.setAdmin(
                            student.id(), true, member(student.id()).version()))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("students cannot");
            SchoolMember demoted = admin.setAdmin(teacher.id(), false, promoted.version());
            assertThat(demoted.roles()).containsExactly(Role.TEACHER);
        }
        // The other admin may not switch off the only admin who can sign in.
        try (var s = asAdmin()) {
            admin.setAdmin(teacher.id(), true, member(teacher.id()).version());
        }
        try (var s = SignedIn.as(users, teacher.username())) {
            admin.setEnabled(self, false);
            assertThatThrownBy(() -> admin.setEnabled(teacher.id(), false))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("your own account");
            assertThatThrownBy(() -> admin.setAdmin(self, false, member(self).version()))
                    .as("an admin whose account is off is not counted, and the last one stays")
                    .isInstanceOf(UserFacingException.class);
            admin.setEnabled(self, true);
        }
        assertThat(audited("ROLE_CHANGED", teacher.id())).isEqualTo(3);
        assertThat(audited("ACCOUNT_DISABLED", self)).isEqualTo(1);
        assertThat(audited("ACCOUNT_ENABLED", self)).isEqualTo(1);
    }

    @Test
    void a_student_moved_leaves_one_class_and_joins_the_other_and_keeps_a_record_of_the_first() {
        try (var s = asAdmin()) {
            SchoolMember moved = admin.moveStudent(student.id(), history.id(), geography.id());
            assertThat(moved.classes()).extracting(SchoolMember.ClassRef::name).containsExactly("Geography 9B");
            assertThatThrownBy(() -> admin.moveStudent(student.id(), history.id(), geography.id()))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("not in that class any more");
            assertThatThrownBy(() -> admin.moveStudent(teacher.id(), history.id(), geography.id()))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage("That account is not a student\u2019s.");
        }
        assertThat(jdbc.sql("SELECT ended_at IS NOT NULL FROM enrollment WHERE class_id = :c AND student_id = :s")
                        .param("c", history.id())
                        .param("s", student.id())
                        .query(Boolean.class)
                        .single())
                .as("the old enrollment is ended, not deleted")
                .isTrue();
        assertThat(audited("STUDENT_MOVED", student.id())).isEqualTo(1);
    }

    @Test
    void students_are_found_by_part_of_a_name_and_renamed_and_reset_only_from_the_page_the_admin_read() {
        try (var s = asAdmin()) {
            assertThat(admin.students("").total()).isEqualTo(1);
            assertThat(admin.students("").students()).singleElement().satisfies(m -> {
                assertThat(m.classes()).extracting(SchoolMember.ClassRef::name).containsExactly("History 9B");
                assertThat(m.enabled()).isTrue();
            });
            assertThat(admin.students("ERO").students())
                    .extracting(SchoolMember::id)
                    .containsExactly(student.id());
            assertThat(admin.students("%").total())
                    .as("a wildcard is a character")
                    .isZero();
            assertThat(admin.students("Ortiz").total())
                    .as("teachers are not students")
                    .isZero();
            assertThatThrownBy(() -> admin.students("x".repeat(101))).isInstanceOf(UserFacingException.class);
            for (String name : List.of("Pupil 10", "Pupil 2", "pupil 1")) {
                administration.ensureAccount(
                        school,
                        "pupil-" + UUID.randomUUID().toString().substring(0, 8),
                        name,
                        Set.of(Role.STUDENT),
                        Fixtures.PASSWORD);
            }
            assertThat(admin.students("pupil").students())
                    .as("by name as a person reads it: 2 before 10, whatever the case")
                    .extracting(SchoolMember::displayName)
                    .containsExactly("pupil 1", "Pupil 2", "Pupil 10");

            SchoolMember before = member(student.id());
            SchoolMember renamed = admin.renameStudent(student.id(), "  Grey   Heron ", before.version());
            assertThat(renamed.displayName()).isEqualTo("Grey Heron");
            assertThatThrownBy(() -> admin.renameStudent(student.id(), "Egret", before.version()))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("changed by someone else");

            OneTimeCredential credential = admin.resetPassword(student.id());
            assertThat(credential.username()).isEqualTo(student.username());
            assertThat(passwordEncoder.matches(
                            credential.password(),
                            users.loadUserByUsername(student.username()).getPassword()))
                    .isTrue();
        }
        assertThat(audited("STUDENT_RENAMED", student.id())).isEqualTo(1);
        assertThat(audited("PASSWORD_RESET", student.id())).isEqualTo(1);
    }

    @Test
    void a_student_held_back_from_joining_after_wrong_codes_is_shown_and_unlocked() {
        JoinThrottle.Requester who = new JoinThrottle.Requester(
                "192.0.2.45", "session-" + UUID.randomUUID(), student.id().toString());
        for (int i = 0; i < JoinThrottle.WRONG_PER_ACCOUNT; i++) {
            joinThrottle.wrong(who);
        }
        assertThat(joinThrottle.mayTry(who)).isFalse();
        try (var s = asAdmin()) {
            assertThat(admin.students("").students()).singleElement().satisfies(m -> {
                assertThat(m.joinHeldBack()).isTrue();
                assertThat(m.signInHeldBack()).isFalse();
            });
            assertThat(admin.unlockJoin(student.id()).joinHeldBack()).isFalse();
        }
        assertThat(joinThrottle.mayTry(new JoinThrottle.Requester(
                        "192.0.2.45",
                        "another-session-" + UUID.randomUUID(),
                        student.id().toString())))
                .as("the account may try codes again")
                .isTrue();
        assertThat(audited("JOIN_UNLOCKED", student.id())).isEqualTo(1);
    }

    @Test
    void an_admin_sees_and_changes_nobody_of_another_school() {
        UUID otherSchool = fixtures.school("Another school");
        Account stranger = administration.ensureAccount(
                otherSchool,
                "stranger-" + UUID.randomUUID().toString().substring(0, 8),
                "Stranger",
                Set.of(Role.STUDENT),
                Fixtures.PASSWORD);
        try (var s = asAdmin()) {
            assertThat(admin.staff()).extracting(SchoolMember::id).doesNotContain(stranger.id());
            assertThat(admin.students("").students())
                    .extracting(SchoolMember::id)
                    .containsExactly(student.id());
            List<Runnable> calls = List.<Runnable>of(
                    () -> admin.setEnabled(stranger.id(), false),
                    () -> admin.resetPassword(stranger.id()),
                    () -> admin.renameStudent(stranger.id(), "Renamed", 0),
                    () -> admin.unlockSignIn(stranger.id()),
                    () -> admin.moveStudent(stranger.id(), history.id(), geography.id()));
            for (Runnable call : calls) {
                assertThatThrownBy(call::run)
                        .isInstanceOf(UserFacingException.class)
                        .hasMessage(Translations.english("classroom.refusal.admin.notInSchool"));
            }
            System.out.printf(
                    "School admin: changes to another school's account refused %d of %d%n", calls.size(), calls.size());
        }
        assertThat(jdbc.sql("SELECT enabled AND version = 0 FROM account WHERE id = :id")
                        .param("id", stranger.id())
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void a_schools_own_retention_sets_the_teachers_date_and_the_purge() {
        try (var s = asAdmin()) {
            assertThatThrownBy(() -> admin.setArchivedClassDays(29))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("between 30 and 3650");
            assertThatThrownBy(() -> admin.setArchivedClassDays(3651)).isInstanceOf(UserFacingException.class);
            assertThat(admin.settings().archivedClassDays()).isNull();
            SchoolSettings set = admin.setArchivedClassDays(60);
            assertThat(set.effectiveDays()).isEqualTo(60);
        }
        jdbc.sql("UPDATE class SET archived_at = now() - interval '70 days', join_enabled = false WHERE id = :id")
                .param("id", history.id())
                .update();
        try (var s = SignedIn.as(users, teacher.username())) {
            assertThat(classroom.classDetail(history.id()).orElseThrow().studentDataDeletedOn())
                    .isEqualTo(LocalDate.now(ZoneId.of("Europe/Madrid")).minusDays(10));
        }
        purge.purge();
        assertThat(jdbc.sql("SELECT count(*) FROM account WHERE id = :id")
                        .param("id", student.id())
                        .query(Integer.class)
                        .single())
                .as("70 days after archiving, past the school's 60")
                .isZero();
        try (var s = asAdmin()) {
            assertThat(admin.setArchivedClassDays(null).archivedClassDays()).isNull();
        }
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM audit_event WHERE school_id = :s AND action = 'SCHOOL_SETTING_CHANGED'")
                        .param("s", school)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void outside_demo_mode_a_demo_account_is_not_switched_on_again_and_a_bad_name_changes_nothing() {
        Account demo = administration.ensureDemoAccount(
                school,
                "demo-kept-off-" + UUID.randomUUID().toString().substring(0, 6),
                "Demo Pupil",
                Set.of(Role.STUDENT));
        accounts.setEnabled(demo.id(), false, null, java.time.Instant.now());
        AccountChanges outsideDemo =
                new AccountChanges(accounts, new LateralMode(false, true), java.time.Clock.systemUTC());
        assertThatThrownBy(() -> outsideDemo.enable(demo.id()))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("Demo accounts stay switched off outside demo mode");
        assertThat(accounts.isEnabled(demo.id())).isFalse();
        assertThatThrownBy(() -> outsideDemo.rename(demo.id(), " \t ", 0, () -> new UserFacingException("stale")))
                .isInstanceOf(UserFacingException.class)
                .hasMessage("A name has 1 to 100 characters.");
        new AccountChanges(accounts, new LateralMode(true, true), java.time.Clock.systemUTC()).enable(demo.id());
        assertThat(accounts.isEnabled(demo.id()))
                .as("in demo mode it comes back")
                .isTrue();
    }

    @Test
    void only_an_admin_reaches_the_service() {
        try (var s = SignedIn.as(users, teacher.username())) {
            assertThatThrownBy(() -> admin.staff())
                    .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        }
    }

    private SchoolMember member(UUID id) {
        return admin.staff().stream()
                .filter(m -> m.id().equals(id))
                .findFirst()
                .or(() -> admin.students("").students().stream()
                        .filter(m -> m.id().equals(id))
                        .findFirst())
                .orElseThrow();
    }

    private int epoch(UUID account) {
        return jdbc.sql("SELECT session_epoch FROM account WHERE id = :id")
                .param("id", account)
                .query(Integer.class)
                .single();
    }

    private UUID accountId(String username) {
        return jdbc.sql("SELECT id FROM account WHERE username = :u")
                .param("u", username)
                .query(UUID.class)
                .single();
    }
}
