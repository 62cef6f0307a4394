package org.lateral.classroom;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.lateral.base.StudentDataInventory;
import org.lateral.base.StudentDataPart;
import org.lateral.base.StudentRows;
import org.lateral.base.UserFacingException;
import org.lateral.security.CurrentUser;
import org.lateral.security.LateralUser;
import org.lateral.security.Role;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Exports and deletes everything stored about one student (DD023), for a school admin (any
 * student of the school) or a teacher (a student on one of their rosters, and in no other
 * teacher's class). Each feature contributes the tables it owns as a {@link StudentDataPart};
 * this service checks who asks, collects the parts in the order of {@link StudentDataInventory},
 * runs a deletion as one transaction, and writes every export and deletion to the audit log. An
 * export reads in one snapshot (repeatable read), so its tables agree with each other even while
 * the student is saving work.
 */
@Service
@Transactional(readOnly = true)
public class StudentDataService {

    private final CurrentUser currentUser;
    private final ClassroomStudentData students;
    private final List<StudentDataPart> parts;
    private final StudentDataAudit audit;
    private final Clock clock;

    StudentDataService(
            CurrentUser currentUser,
            ClassroomStudentData students,
            List<StudentDataPart> parts,
            StudentDataAudit audit,
            Clock clock) {
        this.currentUser = currentUser;
        this.students = students;
        this.parts = parts.stream()
                .sorted(Comparator.comparingInt(StudentDataPart::deletionOrder))
                .toList();
        this.audit = audit;
        this.clock = clock;
    }

    /** A file to download: its name, type and bytes. */
    public record StudentDataFile(String filename, String contentType, byte[] bytes) {}

    /** What a deletion removed: rows per table, in the order they were deleted. */
    public record StudentDataDeletion(String displayName, Map<String, Integer> rowsDeleted) {
        public int total() {
            return rowsDeleted.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** The student's complete record as one JSON document. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    @TeacherOrAdminOfStudent
    public StudentDataFile exportJson(UUID studentId) {
        StudentRecord record = export(studentId);
        return new StudentDataFile(
                "lateral-student-" + record.username() + ".json", "application/json", StudentRecordFiles.json(record));
    }

    /** The student's complete record as a zip of one CSV file per table. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    @TeacherOrAdminOfStudent
    public StudentDataFile exportCsv(UUID studentId) {
        StudentRecord record = export(studentId);
        return new StudentDataFile(
                "lateral-student-" + record.username() + "-csv.zip",
                "application/zip",
                StudentRecordFiles.csvZip(record));
    }

    /**
     * Deletes every row stored about the student and the account itself, in one transaction: all or
     * nothing. The caller confirms by typing the student's username. The student cannot sign in
     * afterwards, and an open session of theirs ends at its next request (the account is gone).
     */
    @Transactional
    @TeacherOrAdminOfStudent
    public StudentDataDeletion deleteStudentData(UUID studentId, String typedUsername) {
        LateralUser caller = caller();
        ClassroomStudentData.Student student;
        try {
            student = allowed(caller, studentId);
            if (!typedUsername.strip().toLowerCase(Locale.ROOT).equals(student.username())) {
                throw UserFacingException.of("classroom.refusal.data.wrongConfirmation");
            }
        } catch (UserFacingException refused) {
            audit.record(
                    StudentDataAudit.Action.STUDENT_DATA_DELETE,
                    caller.accountId(),
                    studentId,
                    StudentDataAudit.Outcome.REFUSED,
                    0);
            throw refused;
        }
        requireEveryTableCovered();
        students.lockAccount(studentId);
        Map<String, Integer> deleted = new LinkedHashMap<>();
        try {
            for (StudentDataPart part : parts) {
                deleted.putAll(part.delete(studentId));
            }
        } catch (DataIntegrityViolationException e) {
            // A row outside the inventory's student data refers to the account: the transaction
            // rolls back, so nothing is half deleted.
            throw UserFacingException.of("classroom.refusal.data.stillReferredTo");
        } finally {
            auditAfterCompletion(caller.accountId(), studentId, deleted);
        }
        return new StudentDataDeletion(student.displayName(), deleted);
    }

    /**
     * Deletes everything stored about a student past the retention (RetentionPurge), in the
     * caller's transaction, with no one asking: the rule is the school's, not a person's. Returns
     * the number of rows deleted; the caller writes the audit line once the transaction ended.
     */
    int purge(UUID studentId) {
        requireEveryTableCovered();
        students.lockAccount(studentId);
        Map<String, Integer> deleted = new LinkedHashMap<>();
        for (StudentDataPart part : parts) {
            deleted.putAll(part.delete(studentId));
        }
        return deleted.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Logs the deletion once its transaction has ended, as it ended: committed or rolled back. */
    private void auditAfterCompletion(UUID actorId, UUID studentId, Map<String, Integer> deleted) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                boolean committed = status == STATUS_COMMITTED;
                audit.record(
                        StudentDataAudit.Action.STUDENT_DATA_DELETE,
                        actorId,
                        studentId,
                        committed ? StudentDataAudit.Outcome.DONE : StudentDataAudit.Outcome.FAILED,
                        committed
                                ? deleted.values().stream()
                                        .mapToInt(Integer::intValue)
                                        .sum()
                                : 0);
            }
        });
    }

    private StudentRecord export(UUID studentId) {
        LateralUser caller = caller();
        ClassroomStudentData.Student student;
        try {
            student = allowed(caller, studentId);
        } catch (UserFacingException refused) {
            audit.record(
                    StudentDataAudit.Action.STUDENT_DATA_EXPORT,
                    caller.accountId(),
                    studentId,
                    StudentDataAudit.Outcome.REFUSED,
                    0);
            throw refused;
        }
        requireEveryTableCovered();
        Map<String, StudentRows> byTable = new LinkedHashMap<>();
        for (StudentDataPart part : parts) {
            byTable.putAll(part.export(studentId));
        }
        Map<String, StudentRows> ordered = new LinkedHashMap<>();
        for (String table : exportedTables()) {
            ordered.put(table, byTable.get(table));
        }
        StudentRecord record = new StudentRecord(studentId, student.username(), clock.instant(), ordered);
        audit.record(
                StudentDataAudit.Action.STUDENT_DATA_EXPORT,
                caller.accountId(),
                studentId,
                StudentDataAudit.Outcome.DONE,
                record.rowCount());
        return record;
    }

    private LateralUser caller() {
        // The access rule has let a signed-in teacher or admin in.
        return currentUser.get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }

    /** The rule let the caller in; these are the refusals that come with a sentence. */
    private ClassroomStudentData.Student allowed(LateralUser caller, UUID studentId) {
        ClassroomStudentData.Student student = students.student(studentId)
                .orElseThrow(() -> UserFacingException.of("classroom.refusal.data.noStudent"));
        if (!student.onlyStudent()) {
            throw UserFacingException.of("classroom.refusal.data.notAStudent");
        }
        if (!caller.has(Role.ADMIN) && students.inClassOfAnotherTeacher(caller.accountId(), studentId)) {
            throw UserFacingException.of("classroom.refusal.data.shared", student.displayName());
        }
        return student;
    }

    /** The inventory's tables that an export holds and a deletion empties, in its order. */
    static List<String> exportedTables() {
        return StudentDataInventory.TABLES.stream()
                .filter(e -> e.treatment() == StudentDataInventory.Treatment.EXPORT_AND_DELETE)
                .map(StudentDataInventory.Entry::table)
                .toList();
    }

    /**
     * Inventory tables marked for export and deletion that no part handles (or that two do). An
     * export or deletion that could not be complete is refused rather than done in part.
     */
    static List<String> uncovered(List<StudentDataPart> parts) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (StudentDataPart part : parts) {
            for (String table : part.tables()) {
                if (!seen.add(table)) {
                    problems.add(table + " (in two parts)");
                }
            }
        }
        for (String table : exportedTables()) {
            if (!seen.contains(table)) {
                problems.add(table);
            }
        }
        for (String table : seen) {
            if (!exportedTables().contains(table)) {
                problems.add(table + " (not in the inventory as EXPORT_AND_DELETE)");
            }
        }
        return problems;
    }

    private void requireEveryTableCovered() {
        List<String> problems = uncovered(parts);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Student data not covered by export and deletion: " + problems);
        }
    }
}
