package org.lateral.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.lateral.base.Schools;
import org.lateral.base.UserFacingException;
import org.lateral.base.i18n.Translations;
import org.lateral.security.LateralUser;
import org.lateral.security.LoginAccounts;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Classes, join codes and rosters through the services, against PostgreSQL. */
@LateralServerTest
class ClassManagementIT {

    @Autowired
    ClassroomService classroom;

    @Autowired
    JoinService join;

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    LoginAccounts loginAccounts;

    String teacher;
    String otherTeacher;

    @BeforeEach
    void twoTeachers() {
        teacher = "t-" + UUID.randomUUID().toString().substring(0, 8);
        otherTeacher = "t-" + UUID.randomUUID().toString().substring(0, 8);
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, teacher, "History Teacher", Set.of(Role.TEACHER), "a long enough password");
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID,
                otherTeacher,
                "Other Teacher",
                Set.of(Role.TEACHER),
                "a long enough password");
    }

    private ClassDetail newClass(String who, String name) {
        try (var s = SignedIn.as(users, who)) {
            return classroom.createClass(new NewClass(name, "History", "2026/27", "Europe/Berlin"));
        }
    }

    @Test
    void a_new_class_gets_a_unique_join_code_that_a_new_student_uses_to_create_an_account_and_join() {
        ClassDetail history = newClass(teacher, "History 9B");
        assertThat(history.joinCode()).matches("[" + JoinCodes.ALPHABET + "]{10}");
        assertThat(history.joinEnabled()).isTrue();

        String typed = JoinCodes.display(history.joinCode()).toLowerCase();
        assertThat(join.preview(typed, new JoinService.From("10.1.1.1", "session-10.1.1.1")))
                .isEqualTo(new JoinService.ClassPreview("History 9B", "History Teacher"));
        String username = "kestrel-" + UUID.randomUUID().toString().substring(0, 6);
        String created = join.joinAsNewStudent(
                typed,
                new JoinService.NewStudent("Kestrel", username, "wind over the marsh", "wind over the marsh"),
                new JoinService.From("10.1.1.1", "session-10.1.1.1"));
        assertThat(created).isEqualTo(username);
        try (var s = SignedIn.as(users, teacher)) {
            assertThat(classroom.classDetail(history.id()).orElseThrow().roster())
                    .singleElement()
                    .satisfies(r -> {
                        assertThat(r.username()).isEqualTo(username);
                        assertThat(r.displayName()).isEqualTo("Kestrel");
                        assertThat(r.mustChangePassword()).isFalse();
                    });
        }
        assertThat(jdbc.sql("SELECT count(*) FROM account WHERE username = :u AND display_name = 'Kestrel'")
                        .param("u", username)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void probing_usernames_through_the_join_form_counts_as_wrong_tries_and_names_no_one() {
        ClassDetail history = newClass(teacher, "History 9P");
        JoinService.From prober = new JoinService.From("10.7.7.7", "probing-session");
        for (int i = 1; i <= JoinThrottle.WRONG_PER_SESSION; i++) {
            String existing = "student" + i;
            assertThatThrownBy(() -> join.joinAsNewStudent(
                            history.joinCode(),
                            new JoinService.NewStudent("A", existing, "wind over the marsh", "wind over the marsh"),
                            prober))
                    .hasMessage("The username " + existing + " is not available. Choose another one, for example with "
                            + "a number or your initials added.");
        }
        assertThatThrownBy(() -> join.joinAsNewStudent(
                        history.joinCode(),
                        new JoinService.NewStudent("A", "student11", "wind over the marsh", "wind over the marsh"),
                        prober))
                .as("the eleventh probe from this browser is refused before any lookup")
                .hasMessageStartingWith("Too many wrong tries");
        String classmate = "classmate-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(join.joinAsNewStudent(
                        history.joinCode(),
                        new JoinService.NewStudent("B", classmate, "wind over the marsh", "wind over the marsh"),
                        new JoinService.From("10.7.7.7", "classmate-session")))
                .as("a classmate behind the same address still joins")
                .isEqualTo(classmate);
    }

    @Test
    void a_name_typed_with_invisible_direction_marks_is_stored_as_it_reads() {
        ClassDetail history = newClass(teacher, "History 9N");
        String username = "bidi-" + UUID.randomUUID().toString().substring(0, 8);
        join.joinAsNewStudent(
                history.joinCode(),
                new JoinService.NewStudent(
                        "Ana\u202E exe.\u200Bgnp\u202C", username, "wind over the marsh", "wind over the marsh"),
                new JoinService.From("10.8.8.8", "bidi-session"));
        assertThat(jdbc.sql("SELECT display_name FROM account WHERE username = :u")
                        .param("u", username)
                        .query(String.class)
                        .single())
                .isEqualTo("Ana exe.gnp");
    }

    @Test
    void a_refused_join_says_why_in_plain_words_and_creates_nothing() {
        ClassDetail history = newClass(teacher, "History 9C");
        long accounts =
                jdbc.sql("SELECT count(*) FROM account").query(Long.class).single();
        String taken = "student1";
        assertThatThrownBy(() -> join.joinAsNewStudent(
                        history.joinCode(),
                        new JoinService.NewStudent("A", taken, "wind over the marsh", "wind over the marsh"),
                        new JoinService.From("10.2.2.2", "session-10.2.2.2")))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("is not available");
        assertThatThrownBy(() -> join.joinAsNewStudent(
                        history.joinCode(),
                        new JoinService.NewStudent("A", "fresh-name-1", "password1", "password1"),
                        new JoinService.From("10.2.2.2", "session-10.2.2.2")))
                .hasMessageContaining("easy to guess");
        assertThatThrownBy(() -> join.joinAsNewStudent(
                        history.joinCode(),
                        new JoinService.NewStudent("A", "fresh-name-2", "wind over the marsh", "wind over the lake"),
                        new JoinService.From("10.2.2.2", "session-10.2.2.2")))
                .hasMessageContaining("not the same");
        assertThatThrownBy(() -> join.joinAsNewStudent(
                        "ZZZZZ-ZZZZZ",
                        new JoinService.NewStudent("A", "fresh-name-3", "wind over the marsh", "wind over the marsh"),
                        new JoinService.From("10.2.2.2", "session-10.2.2.2")))
                .hasMessage(Translations.english("classroom.refusal.join.notACode"));
        assertThat(jdbc.sql("SELECT count(*) FROM account").query(Long.class).single())
                .isEqualTo(accounts);
    }

    @Test
    void a_rotated_code_stops_working_and_a_switched_off_class_answers_like_an_unknown_code() {
        ClassDetail history = newClass(teacher, "History 9D");
        String old = history.joinCode();
        ClassDetail rotated;
        try (var s = SignedIn.as(users, teacher)) {
            rotated = classroom.rotateJoinCode(history.id(), history.version());
        }
        assertThat(rotated.joinCode()).isNotEqualTo(old);
        assertThatThrownBy(() -> join.preview(old, new JoinService.From("10.3.3.3", "session-10.3.3.3")))
                .hasMessage(Translations.english("classroom.refusal.join.notACode"));
        assertThat(join.preview(rotated.joinCode(), new JoinService.From("10.3.3.3", "session-10.3.3.3"))
                        .className())
                .isEqualTo("History 9D");
        try (var s = SignedIn.as(users, teacher)) {
            classroom.setJoinEnabled(history.id(), false, rotated.version());
        }
        assertThatThrownBy(() -> join.preview(rotated.joinCode(), new JoinService.From("10.3.3.3", "session-10.3.3.3")))
                .hasMessage(Translations.english("classroom.refusal.join.notACode"));
    }

    @Test
    void a_signed_in_student_joins_another_class_with_its_code() {
        ClassDetail art = newClass(teacher, "Art 7");
        try (var s = SignedIn.as(users, "student2")) {
            assertThat(join.joinAsSignedInStudent(art.joinCode(), new JoinService.From("10.4.4.4", "session-10.4.4.4")))
                    .isEqualTo("Art 7");
            assertThat(classroom.myClassesAsStudent())
                    .extracting(StudentClassSummary::name)
                    .contains("Art 7", "Demo class");
        }
    }

    @Test
    void pasted_names_in_other_scripts_get_usernames_in_latin_letters_and_same_names_get_different_ones() {
        ClassDetail world = newClass(teacher, "World 8");
        List<OneTimeCredential> credentials;
        try (var s = SignedIn.as(users, teacher)) {
            credentials = classroom.createStudents(world.id(), "王小明\nИван Петров\nΝίκος Παπαδόπουλος\n王小明");
        }
        assertThat(credentials)
                .extracting(OneTimeCredential::username)
                .allSatisfy(u -> assertThat(Usernames.problem(u)).isEmpty())
                .doesNotHaveDuplicates();
        assertThat(credentials.get(0).username()).matches("wang\\.xiao\\.ming(-\\d+)?");
        assertThat(credentials.get(1).username()).matches("ivan\\.petrov(-\\d+)?");
        assertThat(credentials.get(2).username()).matches("nikos\\.papadopoulos(-\\d+)?");
        assertThat(credentials.get(3).username()).startsWith("wang.xiao.ming-");
        try (var s = SignedIn.as(users, teacher)) {
            List<RosterEntry> roster =
                    classroom.classDetail(world.id()).orElseThrow().roster();
            SameNames same = SameNames.inRoster(roster);
            assertThat(roster)
                    .filteredOn(r -> r.displayName().equals("王小明"))
                    .extracting(r -> same.label(r.displayName(), r.username()))
                    .containsExactlyInAnyOrder(
                            "王小明 (" + credentials.get(0).username() + ")",
                            "王小明 (" + credentials.get(3).username() + ")");
        }
    }

    @Test
    void pasted_names_become_accounts_with_one_time_passwords_that_must_be_changed() {
        ClassDetail history = newClass(teacher, "History 10A");
        List<OneTimeCredential> credentials;
        try (var s = SignedIn.as(users, teacher)) {
            credentials = classroom.createStudents(history.id(), "Ana López\n\n  Ben Ode \nStudent1\n");
        }
        assertThat(credentials)
                .extracting(OneTimeCredential::displayName)
                .containsExactly("Ana López", "Ben Ode", "Student1");
        assertThat(credentials.get(0).username()).startsWith("ana.lopez");
        assertThat(credentials.get(2).username())
                .as("an existing username is never reused")
                .isNotEqualTo("student1");
        for (OneTimeCredential c : credentials) {
            String hash = jdbc.sql(
                            "SELECT c.password_hash FROM credential c JOIN account a ON a.id = c.account_id WHERE a.username = :u")
                    .param("u", c.username())
                    .query(String.class)
                    .single();
            assertThat(passwordEncoder.matches(c.password(), hash)).isTrue();
        }
        try (var s = SignedIn.as(users, teacher)) {
            assertThat(classroom.classDetail(history.id()).orElseThrow().roster())
                    .hasSize(3)
                    .allSatisfy(r -> assertThat(r.mustChangePassword()).isTrue());
        }
    }

    @Test
    void a_teacher_renames_resets_and_removes_their_own_student_but_not_one_shared_with_another_teacher() {
        ClassDetail mine = newClass(teacher, "Civics 8");
        ClassDetail theirs = newClass(otherTeacher, "Geography 8");
        List<OneTimeCredential> created;
        try (var s = SignedIn.as(users, teacher)) {
            created = classroom.createStudents(mine.id(), "Only Mine\nShared Student");
        }
        UUID onlyMine = studentId(created.get(0).username());
        UUID shared = studentId(created.get(1).username());
        try (var s = SignedIn.as(users, created.get(1).username())) {
            join.joinAsSignedInStudent(theirs.joinCode(), new JoinService.From("10.5.5.5", "session-10.5.5.5"));
        }
        try (var s = SignedIn.as(users, teacher)) {
            int read = version(classroom.classDetail(mine.id()).orElseThrow(), onlyMine);
            classroom.renameStudent(mine.id(), onlyMine, "Only Mine (renamed)", read);
            // The same dialog saved again from the page as it was read: refused, name unchanged.
            assertThatThrownBy(() -> classroom.renameStudent(mine.id(), onlyMine, "Stale name", read))
                    .hasMessage(Translations.english("classroom.refusal.class.staleStudent"));
            OneTimeCredential reset = classroom.resetPassword(mine.id(), onlyMine);
            assertThat(reset.password()).isNotEqualTo(created.get(0).password());
            assertThatThrownBy(() -> classroom.renameStudent(mine.id(), shared, "New name", 0))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("school admin");
            assertThatThrownBy(() -> classroom.resetPassword(mine.id(), shared)).hasMessageContaining("school admin");

            ClassDetail after = classroom.removeStudent(mine.id(), shared);
            assertThat(after.roster()).extracting(RosterEntry::displayName).containsExactly("Only Mine (renamed)");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM enrollment WHERE student_id = :s AND ended_at IS NOT NULL")
                        .param("s", shared)
                        .query(Long.class)
                        .single())
                .as("removal ends the enrollment and keeps the row")
                .isEqualTo(1);
    }

    @Test
    void a_password_reset_or_switching_an_account_off_ends_the_students_sessions_and_sign_in() {
        ClassDetail mine = newClass(teacher, "Civics 9");
        List<OneTimeCredential> created;
        try (var s = SignedIn.as(users, teacher)) {
            created = classroom.createStudents(mine.id(), "Reset Me\nSwitch Me Off");
        }
        LateralUser resetBefore =
                (LateralUser) users.loadUserByUsername(created.get(0).username());
        LateralUser offBefore =
                (LateralUser) users.loadUserByUsername(created.get(1).username());
        assertThat(loginAccounts.sessionStillValid(resetBefore.accountId(), resetBefore.sessionEpoch()))
                .isTrue();
        try (var s = SignedIn.as(users, teacher)) {
            classroom.resetPassword(mine.id(), resetBefore.accountId());
            ClassDetail after = classroom.disableStudent(mine.id(), offBefore.accountId());
            assertThat(after.roster())
                    .filteredOn(r -> r.studentId().equals(offBefore.accountId()))
                    .extracting(RosterEntry::enabled)
                    .containsExactly(false);
        }
        assertThat(loginAccounts.sessionStillValid(resetBefore.accountId(), resetBefore.sessionEpoch()))
                .as("sessions signed in before the reset end")
                .isFalse();
        assertThat(loginAccounts.sessionStillValid(offBefore.accountId(), offBefore.sessionEpoch()))
                .as("sessions of a switched-off account end")
                .isFalse();
        assertThat(users.loadUserByUsername(created.get(1).username()).isEnabled())
                .isFalse();
        try (var s = SignedIn.as(users, otherTeacher)) {
            assertThatThrownBy(() -> classroom.enableStudent(mine.id(), offBefore.accountId()))
                    .as("only the class's teacher")
                    .hasMessageContaining("does not exist");
        }
        try (var s = SignedIn.as(users, teacher)) {
            classroom.enableStudent(mine.id(), offBefore.accountId());
        }
        assertThat(users.loadUserByUsername(created.get(1).username()).isEnabled())
                .isTrue();
    }

    @Test
    void an_edit_from_a_stale_page_is_refused_and_changes_nothing_while_a_fresh_one_goes_through() {
        ClassDetail page = newClass(teacher, "Civics 8A");
        ClassDetail otherTab;
        try (var s = SignedIn.as(users, teacher)) {
            // Another tab (or a colleague with admin rights) switches joining off first.
            otherTab = classroom.setJoinEnabled(page.id(), false, page.version());
            assertThat(otherTab.version()).isGreaterThan(page.version());

            // The first page still shows the old version: each of its edits is refused.
            assertThatThrownBy(() -> classroom.setJoinEnabled(page.id(), true, page.version()))
                    .hasMessage(
                            "This class was changed by someone else since you opened it. Reload to see the change.");
            assertThatThrownBy(() -> classroom.rotateJoinCode(page.id(), page.version()))
                    .hasMessage(Translations.english("classroom.refusal.class.stale"));
            assertThatThrownBy(() -> classroom.archiveClass(page.id(), page.version()))
                    .hasMessage(Translations.english("classroom.refusal.class.stale"));

            ClassDetail now = classroom.classDetail(page.id()).orElseThrow();
            assertThat(now.joinEnabled()).isFalse();
            assertThat(now.joinCode()).isEqualTo(page.joinCode());
            assertThat(now.archived()).isFalse();
            assertThat(now.version()).isEqualTo(otherTab.version());

            // Reloaded, the same edit goes through.
            ClassDetail fresh = classroom.setJoinEnabled(page.id(), true, now.version());
            assertThat(fresh.joinEnabled()).isTrue();
            assertThat(fresh.version()).isGreaterThan(now.version());
        }
    }

    @Test
    void a_teacher_can_do_nothing_to_another_teachers_class() {
        ClassDetail theirs = newClass(otherTeacher, "Physics 11");
        try (var s = SignedIn.as(users, teacher)) {
            assertThat(classroom.classDetail(theirs.id())).isEmpty();
            assertThatThrownBy(() -> classroom.rotateJoinCode(theirs.id(), theirs.version()))
                    .hasMessage("That class does not exist.");
            assertThatThrownBy(() -> classroom.createStudents(theirs.id(), "Intruder"))
                    .hasMessage("That class does not exist.");
            assertThatThrownBy(() -> classroom.archiveClass(theirs.id(), theirs.version()))
                    .hasMessage("That class does not exist.");
        }
    }

    @Test
    void bad_class_settings_are_refused_with_a_reason() {
        try (var s = SignedIn.as(users, teacher)) {
            assertThatThrownBy(() -> classroom.createClass(new NewClass(" ", "", "", "Europe/Berlin")))
                    .hasMessageContaining("name");
            assertThatThrownBy(() -> classroom.createClass(new NewClass("Maths", "", "", "Mars/Olympus")))
                    .hasMessageContaining("time zone");
        }
    }

    @Test
    void the_database_refuses_a_second_class_with_the_same_join_code() {
        ClassDetail a = newClass(teacher, "Code A");
        ClassDetail b = newClass(teacher, "Code B");
        assertThatThrownBy(() -> jdbc.sql("UPDATE class SET join_code = :code WHERE id = :id")
                        .param("code", a.joinCode())
                        .param("id", b.id())
                        .update())
                .isInstanceOf(DuplicateKeyException.class);
    }

    private UUID studentId(String username) {
        return jdbc.sql("SELECT id FROM account WHERE username = :u")
                .param("u", username)
                .query(UUID.class)
                .single();
    }

    private static int version(ClassDetail c, UUID studentId) {
        return c.roster().stream()
                .filter(r -> r.studentId().equals(studentId))
                .findFirst()
                .orElseThrow()
                .version();
    }
}
