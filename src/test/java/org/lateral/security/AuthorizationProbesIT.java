package org.lateral.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.AssignmentSummary;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.MyAssignment;
import org.lateral.assignment.NewAssignment;
import org.lateral.base.Schools;
import org.lateral.base.UserFacingException;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.JoinService;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.library.LibraryImport;
import org.lateral.library.LibraryService;
import org.lateral.library.TestPacks;
import org.lateral.library.pack.PackFiles;
import org.lateral.library.pack.SeedPackReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Two schools, each with two teachers who each teach one class with one student and one
 * assignment. Every actor calls every classroom and assignment service method on every resource
 * that is not theirs. A probe "leaks" when the call succeeds or returns something; the test prints
 * how many probes it made and fails on any leak.
 */
@LateralServerTest
class AuthorizationProbesIT {

    @Autowired ClassroomService classroom;
    @Autowired AssignmentService assignments;
    @Autowired JoinService join;
    @Autowired LibraryService library;
    @Autowired ClassroomAdministration administration;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired LibraryImport libraryImport;
    @org.junit.jupiter.api.io.TempDir java.nio.file.Path temp;

    record Teacher(String username, UUID schoolId, ClassDetail schoolClass, AssignmentSummary assignment,
            String student, UUID studentId) {}

    private int probes;
    private final List<String> leaks = new ArrayList<>();

    @Test
    void no_teacher_or_student_reaches_another_ones_classes_students_or_assignments() throws Exception {
        UUID secondSchool = UUID.randomUUID();
        jdbc.sql("INSERT INTO school (id, name, created_at) VALUES (:id, 'Second school', now())").param("id", secondSchool).update();
        // The second school gets its own copy of the seed pack, so its teachers can assign too.
        libraryImport.importPack(SeedPackReader.read(PackFiles.directory(
                TestPacks.defectorsWithFreshIds(temp.resolve("defectors")))), secondSchool);
        List<Teacher> teachers = new ArrayList<>();
        for (UUID school : List.of(Schools.DEFAULT_SCHOOL_ID, secondSchool)) {
            for (int i = 1; i <= 2; i++) {
                teachers.add(teacher(school, i));
            }
        }

        for (Teacher actor : teachers) {
            try (var s = SignedIn.as(users, actor.username())) {
                for (Teacher other : teachers) {
                    if (other == actor) {
                        // Own class, a student who is not in it.
                        for (Teacher foreign : teachers) {
                            if (foreign != actor) {
                                refused(actor, "rename a foreign student", () -> classroom.renameStudent(actor.schoolClass().id(), foreign.studentId(), "X"));
                                refused(actor, "reset a foreign student's password", () -> classroom.resetPassword(actor.schoolClass().id(), foreign.studentId()));
                                refused(actor, "remove a foreign student", () -> classroom.removeStudent(actor.schoolClass().id(), foreign.studentId()));
                                refused(actor, "give a foreign student a due date", () -> {
                                    assignments.setDueDateFor(actor.assignment().id(), foreign.studentId(), LocalDate.now().plusDays(20), null);
                                    return true;
                                });
                            }
                        }
                        continue;
                    }
                    UUID classId = other.schoolClass().id();
                    empty(actor, "read another class", () -> classroom.classDetail(classId));
                    refused(actor, "rotate another class's code", () -> classroom.rotateJoinCode(classId));
                    refused(actor, "switch another class's joining", () -> classroom.setJoinEnabled(classId, false));
                    refused(actor, "archive another class", () -> {
                        classroom.archiveClass(classId);
                        return true;
                    });
                    refused(actor, "add students to another class", () -> classroom.createStudents(classId, "Intruder"));
                    refused(actor, "rename another class's student", () -> classroom.renameStudent(classId, other.studentId(), "X"));
                    refused(actor, "reset another class's student", () -> classroom.resetPassword(classId, other.studentId()));
                    refused(actor, "remove another class's student", () -> classroom.removeStudent(classId, other.studentId()));
                    refused(actor, "assign to another class", () -> assignments.assignMarkClaims(classId, new NewAssignment(
                            UUID.randomUUID(), null, LocalDate.now().plusDays(5), true, FeedbackPolicy.AFTER_SUBMIT, false, null, false)));
                    refused(actor, "list another class's assignments", () -> assignments.assignmentsOf(classId));
                    refused(actor, "override a due date in another class", () -> {
                        assignments.setDueDateFor(other.assignment().id(), other.studentId(), LocalDate.now().plusDays(30), null);
                        return true;
                    });
                }
                probes++;
                if (classroom.myClassesAsTeacher().stream().anyMatch(c -> !c.id().equals(actor.schoolClass().id()))) {
                    leaks.add(actor.username() + ": class list shows another teacher's class");
                }
            }
        }

        for (Teacher owner : teachers) {
            try (var s = SignedIn.as(users, owner.student())) {
                probes++;
                List<MyAssignment> mine = assignments.myAssignments();
                if (mine.stream().anyMatch(a -> !a.id().equals(owner.assignment().id()))) {
                    leaks.add(owner.student() + ": sees an assignment of a class they are not in");
                }
                for (Teacher other : teachers) {
                    UUID classId = other.schoolClass().id();
                    denied(owner.student(), () -> classroom.classDetail(classId));
                    denied(owner.student(), () -> classroom.createStudents(classId, "X"));
                    denied(owner.student(), () -> assignments.assignmentsOf(classId));
                    denied(owner.student(), classroom::myClassesAsTeacher);
                    denied(owner.student(), () -> library.articles(""));
                    if (!other.schoolId().equals(owner.schoolId())) {
                        String code = other.schoolClass().joinCode();
                        refused(owner.student(), "join a class of another school", () -> join.joinAsSignedInStudent(code, new JoinService.From("10.9.9.9", "session-10.9.9.9")));
                    }
                }
            }
        }

        System.out.printf("Authorization probes: %d made, %d leaks%n", probes, leaks.size());
        assertThat(probes).isGreaterThan(150);
        assertThat(leaks).isEmpty();
    }

    private Teacher teacher(UUID school, int n) {
        String username = "probe-t" + n + "-" + UUID.randomUUID().toString().substring(0, 6);
        administration.ensureAccount(school, username, "Teacher " + n, Set.of(Role.TEACHER), "a long enough password");
        try (var s = SignedIn.as(users, username)) {
            ClassDetail c = classroom.createClass(new NewClass("Class of " + username, "", "", "UTC"));
            OneTimeCredential student = classroom.createStudents(c.id(), "Student of " + username).getFirst();
            UUID articleId = library.articles("").getFirst().articleId();
            AssignmentSummary assignment = assignments.assignMarkClaims(c.id(), new NewAssignment(
                    articleId, null, LocalDate.now().plusDays(5), true, FeedbackPolicy.AFTER_SUBMIT, false, null, false));
            UUID studentId = jdbc.sql("SELECT id FROM account WHERE username = :u").param("u", student.username())
                    .query(UUID.class).single();
            return new Teacher(username, school, c, assignment, student.username(), studentId);
        }
    }

    private void refused(String actor, String what, Callable<?> call) {
        probes++;
        try {
            call.call();
            leaks.add(actor + ": could " + what);
        } catch (UserFacingException | AccessDeniedException expected) {
            // Refused, as a foreign id must be.
        } catch (Exception e) {
            leaks.add(actor + ": " + what + " failed with " + e);
        }
    }

    private void refused(Teacher actor, String what, Callable<?> call) {
        refused(actor.username(), what, call);
    }

    private void empty(Teacher actor, String what, Callable<Optional<?>> call) {
        probes++;
        try {
            if (call.call().isPresent()) {
                leaks.add(actor.username() + ": could " + what);
            }
        } catch (Exception e) {
            leaks.add(actor.username() + ": " + what + " failed with " + e);
        }
    }

    private void denied(String actor, Callable<?> call) {
        probes++;
        try {
            call.call();
            leaks.add(actor + ": a student reached a teacher method");
        } catch (AccessDeniedException expected) {
            // Students hold no teacher role.
        } catch (Exception e) {
            leaks.add(actor + ": failed with " + e);
        }
    }
}
