package org.lateral.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.lateral.base.Schools;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The classroom service is the security boundary: role first, then the caller's own school and classes. */
@LateralServerTest
class ClassroomServiceIT {

    static final UUID NORTH_SCHOOL = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    @Autowired
    org.lateral.Fixtures fixtures;

    @Autowired
    ClassroomService classroom;

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @BeforeEach
    void aSecondSchoolWithItsOwnTeacherClassAndStudent() {
        administration.ensureSchool(NORTH_SCHOOL, "North school");
        Account northTeacher = administration.ensureAccount(
                NORTH_SCHOOL, "north-teacher", "North Teacher", Set.of(Role.TEACHER), "a long enough password");
        Account northStudent = administration.ensureAccount(
                NORTH_SCHOOL, "north-student", "North Student", Set.of(Role.STUDENT), "a long enough password");
        SchoolClass northClass = administration.ensureClass(northTeacher, "North class", null, null, ZoneId.of("UTC"));
        administration.ensureEnrolled(northClass, northStudent);
    }

    @Test
    void a_teacher_sees_only_their_own_classes() {
        try (var signedIn = SignedIn.as(users, "teacher")) {
            assertThat(classroom.myClassesAsTeacher())
                    .extracting(ClassSummary::name)
                    .containsExactly("Demo class");
        }
    }

    @Test
    void a_teacher_in_another_school_sees_only_that_schools_class() {
        try (var signedIn = SignedIn.as(users, "north-teacher")) {
            assertThat(classroom.myClassesAsTeacher()).singleElement().satisfies(c -> {
                assertThat(c.name()).isEqualTo("North class");
                assertThat(c.studentCount()).isEqualTo(1);
            });
        }
    }

    @Test
    void a_student_sees_their_own_classes_and_cannot_use_teacher_methods() {
        try (var signedIn = SignedIn.as(users, "student1")) {
            assertThat(classroom.myClassesAsStudent())
                    .extracting(StudentClassSummary::name)
                    .containsExactly("Demo class");
            assertThatThrownBy(classroom::myClassesAsTeacher)
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("TEACHER");
        }
    }

    @Test
    void a_teacher_cannot_use_student_methods() {
        try (var signedIn = SignedIn.as(users, "teacher")) {
            assertThat(classroom.myClassesAsTeacher()).isNotEmpty();
            assertThatThrownBy(classroom::myClassesAsStudent)
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("STUDENT");
        }
    }

    @Test
    void nobody_signed_in_gets_nothing() {
        // Outside a web request nobody is even anonymous: method security refuses before any rule.
        assertThatThrownBy(classroom::myClassesAsTeacher)
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(classroom::myClassesAsStudent)
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void the_database_keeps_one_enrollment_per_student_and_class() {
        Account teacher = administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, "teacher", "x", Set.of(Role.TEACHER), "unused-here");
        SchoolClass demo = administration.ensureClass(teacher, "Demo class", null, null, ZoneId.of("UTC"));
        Account student = administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, "student3", "x", Set.of(Role.STUDENT), "unused-here");
        administration.ensureEnrolled(demo, student);
        administration.ensureEnrolled(demo, student);
        assertThat(jdbc.sql("SELECT count(*) FROM enrollment WHERE class_id = :c AND student_id = :s")
                        .param("c", demo.id())
                        .param("s", student.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
