package org.lateral.classroom;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.base.UserFacingException;
import org.lateral.base.text.Names;
import org.lateral.security.AuditAction;
import org.lateral.security.AuditTrail;
import org.lateral.security.CurrentUser;
import org.lateral.security.ForAdmins;
import org.lateral.security.ForStudents;
import org.lateral.security.ForTeachers;
import org.lateral.security.LateralUser;
import org.lateral.security.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What signed-in teachers and students may see of classes. The security boundary: each method
 * checks the role, and every query is scoped to the caller's own school and classes.
 */
@Service
@Transactional(readOnly = true)
public class ClassroomService {

    static final int MAX_NEW_STUDENTS = 60;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ClassroomService.class);

    private final CurrentUser currentUser;
    private final ClassRepository classes;
    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    private final Retention retention;
    private final AuditTrail audit;
    private final AccountChanges accountChanges;

    ClassroomService(
            CurrentUser currentUser,
            ClassRepository classes,
            AccountRepository accounts,
            PasswordEncoder passwordEncoder,
            Clock clock,
            Retention retention,
            AuditTrail audit,
            AccountChanges accountChanges) {
        this.accountChanges = accountChanges;
        this.retention = retention;
        this.audit = audit;
        this.currentUser = currentUser;
        this.classes = classes;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /** Creates a class for the signed-in teacher, with a fresh join code. */
    @Transactional
    @ForTeachers
    public ClassDetail createClass(NewClass form) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        String name = Names.clean(form.name());
        if (name.isEmpty() || name.length() > 100) {
            throw UserFacingException.of("classroom.refusal.class.name");
        }
        if (form.subject().strip().length() > 100 || form.schoolYear().strip().length() > 20) {
            throw UserFacingException.of("classroom.refusal.class.subjectOrYear");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(form.timeZone().strip());
        } catch (DateTimeException e) {
            throw UserFacingException.of("classroom.refusal.class.timeZone");
        }
        SchoolClass created = new SchoolClass(
                UUID.randomUUID(),
                teacher.schoolId(),
                teacher.accountId(),
                name,
                blankToNull(form.subject()),
                blankToNull(form.schoolYear()),
                zone,
                AccountRepository.now(clock));
        classes.insert(created);
        assignNewJoinCode(created.id());
        return detail(created.id(), teacher);
    }

    /** The class with its join code and roster, if the signed-in teacher teaches it. */
    @TeacherOfClass
    public Optional<ClassDetail> classDetail(UUID classId) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        return classes.ownedBy(classId, teacher.schoolId(), teacher.accountId()).map(c -> detail(classId, teacher));
    }

    /** Replaces the join code: the old one stops working at once. */
    @Transactional
    @TeacherOfClass
    public ClassDetail rotateJoinCode(UUID classId, int expectedVersion) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        ownedOrThrow(classId, teacher);
        claimVersion(classId, expectedVersion);
        assignNewJoinCode(classId);
        return detail(classId, teacher);
    }

    @Transactional
    @TeacherOfClass
    public ClassDetail setJoinEnabled(UUID classId, boolean enabled, int expectedVersion) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        ClassRepository.OwnedClass owned = ownedOrThrow(classId, teacher);
        if (enabled && owned.archived()) {
            throw UserFacingException.of("classroom.refusal.class.archivedJoin");
        }
        claimVersion(classId, expectedVersion);
        classes.setJoinEnabled(classId, enabled);
        return detail(classId, teacher);
    }

    /** Archives a class: it leaves the class list and nobody can join; all work is kept. */
    @Transactional
    @TeacherOfClass
    public void archiveClass(UUID classId, int expectedVersion) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        ownedOrThrow(classId, teacher);
        claimVersion(classId, expectedVersion);
        classes.archive(classId, clock.instant());
    }

    /** Renames a student of this class (the name the teacher sees). */
    @Transactional
    @TeacherOfClass
    public ClassDetail renameStudent(UUID classId, UUID studentId, String displayName, int expectedVersion) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        RosterEntry student = accountActionAllowed(classId, studentId, teacher);
        accountChanges.rename(
                student.studentId(),
                displayName,
                expectedVersion,
                () -> UserFacingException.of("classroom.refusal.class.staleStudent"));
        audit.success(AuditAction.STUDENT_RENAMED, "class, student", classId, student.studentId());
        return detail(classId, teacher);
    }

    /** Gives a student of this class a new one-time password; they choose their own at next sign-in. */
    @Transactional
    @TeacherOfClass
    public OneTimeCredential resetPassword(UUID classId, UUID studentId) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        RosterEntry student = accountActionAllowed(classId, studentId, teacher);
        String password = oneTimePassword();
        accounts.setPassword(student.studentId(), passwordEncoder.encode(password), true, AccountRepository.now(clock));
        audit.success(AuditAction.PASSWORD_RESET, "class, student", classId, student.studentId());
        return new OneTimeCredential(student.displayName(), student.username(), password);
    }

    /**
     * Switches a student's account off: every session of theirs ends at its next request and
     * they cannot sign in until it is switched on again. Their work and enrollments stay.
     */
    @Transactional
    @TeacherOfClass
    public ClassDetail disableStudent(UUID classId, UUID studentId) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        RosterEntry student = accountActionAllowed(classId, studentId, teacher);
        if (student.enabled()) {
            accounts.setEnabled(student.studentId(), false, teacher.accountId(), AccountRepository.now(clock));
            log.info("Account '{}' disabled by '{}'", student.username(), teacher.getUsername());
            audit.success(AuditAction.ACCOUNT_DISABLED, "class, student", classId, student.studentId());
        }
        return detail(classId, teacher);
    }

    /** Switches a student's account on again. */
    @Transactional
    @TeacherOfClass
    public ClassDetail enableStudent(UUID classId, UUID studentId) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        RosterEntry student = accountActionAllowed(classId, studentId, teacher);
        if (!student.enabled()) {
            accountChanges.enable(student.studentId());
            log.info("Account '{}' enabled by '{}'", student.username(), teacher.getUsername());
            audit.success(AuditAction.ACCOUNT_ENABLED, "class, student", classId, student.studentId());
        }
        return detail(classId, teacher);
    }

    /**
     * Removes a student from this class. Their work stays; they lose access to the class at their
     * next action, even with a page already open, because every student action checks enrollment.
     */
    @Transactional
    @TeacherOfClass
    public ClassDetail removeStudent(UUID classId, UUID studentId) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        ownedOrThrow(classId, teacher);
        if (!classes.endEnrollment(classId, studentId, teacher.accountId(), AccountRepository.now(clock))) {
            throw UserFacingException.of("classroom.refusal.class.notInClass");
        }
        audit.success(AuditAction.STUDENT_REMOVED, "class, student", classId, studentId);
        return detail(classId, teacher);
    }

    /**
     * Creates pseudonymous student accounts from a pasted list of names (one per line) and enrolls
     * them. Each gets a username made from the name and a one-time password to hand out.
     */
    @Transactional
    @TeacherOfClass
    public List<OneTimeCredential> createStudents(UUID classId, String pastedNames) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        ClassRepository.OwnedClass owned = ownedOrThrow(classId, teacher);
        if (owned.archived()) {
            throw UserFacingException.of("classroom.refusal.class.archivedAdd");
        }
        List<String> names =
                pastedNames.lines().map(Names::clean).filter(l -> !l.isEmpty()).toList();
        if (names.isEmpty()) {
            throw UserFacingException.of("classroom.refusal.class.noNames");
        }
        if (names.size() > MAX_NEW_STUDENTS) {
            throw UserFacingException.of("classroom.refusal.class.tooManyNames", MAX_NEW_STUDENTS);
        }
        for (String name : names) {
            if (name.length() > 100) {
                // A sentence that shows the start of the name, cut between characters, not inside one.
                throw UserFacingException.of(
                        "classroom.refusal.class.nameTooLong", name.substring(0, name.offsetByCodePoints(0, 40)));
            }
        }
        List<OneTimeCredential> credentials = new ArrayList<>();
        for (String name : names) {
            String username = freeUsername(name);
            String password = oneTimePassword();
            Account student = new Account(
                    UUID.randomUUID(),
                    teacher.schoolId(),
                    username,
                    name,
                    true,
                    Set.of(Role.STUDENT),
                    AccountRepository.now(clock));
            accounts.insert(student, passwordEncoder.encode(password), true);
            classes.enroll(teacher.schoolId(), classId, student.id(), AccountRepository.now(clock));
            credentials.add(new OneTimeCredential(name, username, password));
        }
        return credentials;
    }

    private ClassRepository.OwnedClass ownedOrThrow(UUID classId, LateralUser teacher) {
        // A class of another teacher or school is reported exactly like a class that does not exist.
        return classes.ownedBy(classId, teacher.schoolId(), teacher.accountId())
                .orElseThrow(() -> UserFacingException.of("classroom.refusal.class.notFound"));
    }

    private RosterEntry accountActionAllowed(UUID classId, UUID studentId, LateralUser teacher) {
        ownedOrThrow(classId, teacher);
        RosterEntry student = classes.roster(classId).stream()
                .filter(r -> r.studentId().equals(studentId))
                .findFirst()
                .orElseThrow(() -> UserFacingException.of("classroom.refusal.class.notInClass"));
        if (student.sharedWithOtherTeacher() && !teacher.has(Role.ADMIN)) {
            throw UserFacingException.of("classroom.refusal.class.sharedStudent", student.displayName());
        }
        return student;
    }

    private ClassDetail detail(UUID classId, LateralUser teacher) {
        ClassRepository.OwnedClass owned = ownedOrThrow(classId, teacher);
        SchoolClass c = owned.schoolClass();
        return new ClassDetail(
                c.id(),
                c.name(),
                c.subject(),
                c.schoolYear(),
                c.timeZone(),
                owned.joinCode(),
                owned.joinEnabled(),
                owned.archived(),
                owned.version(),
                classes.roster(classId),
                owned.archivedAt() == null
                        ? null
                        : retention
                                .deletedOn(owned.archivedAt(), classes.archivedClassDays(c.schoolId()))
                                .atZone(c.timeZone())
                                .toLocalDate());
    }

    /**
     * Optimistic locking (product guide: edits carry the version the page read): a class edit
     * made from a page that is out of date is refused before anything changes, so it cannot undo
     * a colleague's or another tab's change unseen.
     */
    private void claimVersion(UUID classId, int expectedVersion) {
        if (!classes.claimVersion(classId, expectedVersion)) {
            throw UserFacingException.of("classroom.refusal.class.stale");
        }
    }

    private void assignNewJoinCode(UUID classId) {
        classes.assignNewJoinCode(classId);
    }

    /**
     * ana.lopez, then ana.lopez-2 … from the name ({@link Usernames#fromName}, any script).
     * The dash keeps "student1" from growing into another real-looking name such as "student12".
     */
    private String freeUsername(String name) {
        String base = Usernames.fromName(name);
        String candidate = base;
        for (int n = 2; accounts.usernameTaken(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    /** Twelve characters from the join-code alphabet, grouped for reading: 60 bits, never a common password. */
    static String oneTimePassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(
                    JoinCodes.ALPHABET.toLowerCase(Locale.ROOT).charAt(RANDOM.nextInt(JoinCodes.ALPHABET.length())));
        }
        return password.toString();
    }

    private static @Nullable String blankToNull(String value) {
        String cleaned = Names.clean(value);
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** The classes the signed-in teacher teaches, with how many students each has now. */
    @ForTeachers
    public List<ClassSummary> myClassesAsTeacher() {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        return classes.summariesForTeacher(teacher.schoolId(), teacher.accountId());
    }

    /** The signed-in admin's school: its classes not archived, their teachers and rosters. */
    @ForAdmins
    public SchoolRoster mySchool() {
        LateralUser admin = currentUser.require(Role.ADMIN);
        return classes.schoolRoster(admin.schoolId());
    }

    /** The classes the signed-in student is enrolled in now. */
    @ForStudents
    public List<StudentClassSummary> myClassesAsStudent() {
        LateralUser student = currentUser.require(Role.STUDENT);
        return classes.classesOfStudent(student.schoolId(), student.accountId());
    }
}
