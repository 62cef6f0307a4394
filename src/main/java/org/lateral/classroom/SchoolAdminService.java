package org.lateral.classroom;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.lateral.base.UserFacingException;
import org.lateral.base.text.Names;
import org.lateral.base.text.PlainText;
import org.lateral.security.AuditAction;
import org.lateral.security.AuditOutcome;
import org.lateral.security.AuditTrail;
import org.lateral.security.CurrentUser;
import org.lateral.security.ForAdmins;
import org.lateral.security.LateralUser;
import org.lateral.security.Role;
import org.lateral.security.SignInLocks;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The school admin's screen (DD026): the school's teachers and students, invitations, unlocks and
 * the retention setting. Every method is for admins and reads or changes only the admin's own
 * school; an id from another school is answered as if it did not exist. Every change is recorded
 * in the audit trail.
 */
@Service
@Transactional(readOnly = true)
public class SchoolAdminService {

    /** Students shown at once; a school of a thousand is searched by name, not scrolled. */
    static final int STUDENTS_SHOWN = 50;

    /** How long an invitation works. */
    public static final int INVITE_DAYS = 7;

    /** Matching students read to be sorted; a longer list asks for a narrower search anyway. */
    static final int MOST_STUDENTS_SORTED = 10_000;

    private static final java.util.Comparator<SchoolMember> BY_NAME = (a, b) -> {
        int byName = ClassRepository.naturalCompare(a.displayName(), b.displayName());
        return byName != 0 ? byName : a.username().compareTo(b.username());
    };

    static final Duration INVITE_VALID = Duration.ofDays(INVITE_DAYS);
    /** Pending invitations a school may hold at once: enough for a new term, few enough to review. */
    static final int MOST_PENDING_INVITES = 50;

    private final CurrentUser currentUser;
    private final SchoolAdminRepository repository;
    private final AccountRepository accounts;
    private final ClassRepository classes;
    private final PasswordEncoder passwordEncoder;
    private final SignInLocks signInLocks;
    private final JoinThrottle joinThrottle;
    private final Retention retention;
    private final AccountChanges accountChanges;
    private final AuditTrail audit;
    private final Clock clock;

    SchoolAdminService(
            CurrentUser currentUser,
            SchoolAdminRepository repository,
            AccountRepository accounts,
            ClassRepository classes,
            PasswordEncoder passwordEncoder,
            SignInLocks signInLocks,
            JoinThrottle joinThrottle,
            Retention retention,
            AccountChanges accountChanges,
            AuditTrail audit,
            Clock clock) {
        this.currentUser = currentUser;
        this.repository = repository;
        this.accounts = accounts;
        this.classes = classes;
        this.passwordEncoder = passwordEncoder;
        this.signInLocks = signInLocks;
        this.joinThrottle = joinThrottle;
        this.retention = retention;
        this.accountChanges = accountChanges;
        this.audit = audit;
        this.clock = clock;
    }

    /** One page of students: those shown, how many match in all, and the filter typed. */
    public record StudentPage(List<SchoolMember> students, int total, String filter) {
        public StudentPage {
            students = List.copyOf(students);
        }
    }

    /** Whether an address is held back by the sign-in or the join throttle. */
    public record AddressHolds(String address, boolean signIn, boolean join) {}

    @ForAdmins
    public SchoolSettings settings() {
        return repository.settings(admin().schoolId(), retention.days(null));
    }

    /** The school's teachers and admins, with whether each one's sign-in is held back now. */
    @ForAdmins
    public List<SchoolMember> staff() {
        return withHolds(repository.staff(admin().schoolId()));
    }

    /** The students whose name or username contains {@code filter} (all when blank), by name. */
    @ForAdmins
    public StudentPage students(String filter) {
        LateralUser admin = admin();
        // PostgreSQL text cannot hold NUL; nobody types it into a search box.
        String typed = PlainText.storable(filter).strip();
        if (typed.length() > 100) {
            throw UserFacingException.of("classroom.refusal.admin.searchTooLong");
        }
        // Sorted here, as rosters are (student 2 before student 10), then cut to one page: the
        // matching rows of even a large school are a few thousand small ones.
        List<SchoolMember> matching = repository.students(admin.schoolId(), typed, MOST_STUDENTS_SORTED).stream()
                .sorted(BY_NAME)
                .limit(STUDENTS_SHOWN)
                .toList();
        return new StudentPage(withHolds(matching), repository.countStudents(admin.schoolId(), typed), typed);
    }

    /** The school's classes that are not archived: where a student can be moved to. */
    @ForAdmins
    public List<SchoolMember.ClassRef> openClasses() {
        return repository.openClasses(admin().schoolId());
    }

    @ForAdmins
    public List<TeacherInvite> invites() {
        return repository.invites(admin().schoolId(), clock.instant());
    }

    /**
     * A one-time invitation for a teacher, valid for {@link #INVITE_VALID}; the code is returned
     * here once and only its hash is stored.
     */
    @Transactional
    @ForAdmins
    public TeacherInvite.Issued invite(String meantFor, boolean asAdmin) {
        LateralUser admin = admin();
        String who = Names.clean(meantFor);
        if (who.isEmpty() || who.length() > 100) {
            throw UserFacingException.of("classroom.refusal.admin.inviteFor");
        }
        Instant now = AccountRepository.now(clock);
        long pending = repository.invites(admin.schoolId(), now).stream()
                .filter(i -> i.state() == TeacherInvite.State.PENDING)
                .count();
        if (pending >= MOST_PENDING_INVITES) {
            throw UserFacingException.of("classroom.refusal.admin.tooManyInvites", MOST_PENDING_INVITES);
        }
        String code = InviteCodes.generate();
        UUID id = UUID.randomUUID();
        repository.insertInvite(
                id,
                admin.schoolId(),
                InviteCodes.hash(code),
                who,
                asAdmin,
                admin.accountId(),
                now,
                now.plus(INVITE_VALID));
        audit.record(
                AuditAction.TEACHER_INVITED,
                AuditOutcome.SUCCESS,
                "invitation",
                List.of(id),
                asAdmin ? "as admin" : "");
        TeacherInvite invite = repository.invite(admin.schoolId(), id, now).orElseThrow();
        return new TeacherInvite.Issued(invite, InviteCodes.display(code));
    }

    /** Withdraws a pending invitation: its code stops working at once. */
    @Transactional
    @ForAdmins
    public void withdrawInvite(UUID inviteId) {
        LateralUser admin = admin();
        if (!repository.withdrawInvite(admin.schoolId(), inviteId, AccountRepository.now(clock))) {
            throw UserFacingException.of("classroom.refusal.admin.inviteGone");
        }
        audit.success(AuditAction.INVITATION_WITHDRAWN, "invitation", inviteId);
    }

    /**
     * Switches an account off (every session of it ends at its next request) or on again. An
     * admin cannot switch off their own account, nor the school's last admin.
     */
    @Transactional
    @ForAdmins
    public SchoolMember setEnabled(UUID accountId, boolean enabled) {
        LateralUser admin = admin();
        SchoolMember member = member(admin, accountId);
        if (member.enabled() == enabled) {
            return withHolds(member);
        }
        if (!enabled) {
            if (member.id().equals(admin.accountId())) {
                throw UserFacingException.of("classroom.refusal.admin.ownAccountOff");
            }
            if (member.isAdmin()
                    && repository.lockEnabledAdmins(admin.schoolId()).size() <= 1) {
                throw UserFacingException.of("classroom.refusal.admin.lastAdminOff");
            }
            accounts.setEnabled(member.id(), false, admin.accountId(), AccountRepository.now(clock));
            audit.success(AuditAction.ACCOUNT_DISABLED, "account", member.id());
        } else {
            accountChanges.enable(member.id());
            audit.success(AuditAction.ACCOUNT_ENABLED, "account", member.id());
        }
        return withHolds(member(admin, accountId));
    }

    /**
     * Makes a teacher an admin of the school, or no longer one. The person is signed out, so their
     * pages follow their new role at the next sign-in. Nobody removes their own admin role (so a
     * school is never left without one by a slip), and the last admin stays.
     */
    @Transactional
    @ForAdmins
    public SchoolMember setAdmin(UUID accountId, boolean makeAdmin, int expectedVersion) {
        LateralUser admin = admin();
        SchoolMember member = member(admin, accountId);
        if (!member.roles().contains(Role.TEACHER) && !member.isAdmin()) {
            throw UserFacingException.of("classroom.refusal.admin.studentNotAdmin");
        }
        if (member.isAdmin() == makeAdmin) {
            return withHolds(member);
        }
        if (!makeAdmin) {
            if (member.id().equals(admin.accountId())) {
                throw UserFacingException.of("classroom.refusal.admin.ownAdminRole");
            }
            if (!member.roles().contains(Role.TEACHER)) {
                throw UserFacingException.of("classroom.refusal.admin.noOtherRole", member.displayName());
            }
            List<UUID> admins = repository.lockEnabledAdmins(admin.schoolId());
            if (admins.size() <= 1 && admins.contains(member.id())) {
                throw UserFacingException.of("classroom.refusal.admin.lastAdmin");
            }
        }
        if (!repository.claimVersion(member.id(), expectedVersion)) {
            throw UserFacingException.of("classroom.refusal.admin.stale");
        }
        if (makeAdmin) {
            repository.addRole(member.id(), Role.ADMIN);
        } else {
            repository.removeRole(member.id(), Role.ADMIN);
        }
        accounts.endSessions(member.id());
        audit.record(
                AuditAction.ROLE_CHANGED,
                AuditOutcome.SUCCESS,
                "account",
                List.of(member.id()),
                makeAdmin ? "admin role given" : "admin role removed");
        return withHolds(member(admin, accountId));
    }

    /**
     * A new one-time password for a teacher or student of the school; they choose their own at the
     * next sign-in, and every session of theirs ends now. An admin changes their own password on
     * the password page instead.
     */
    @Transactional
    @ForAdmins
    public OneTimeCredential resetPassword(UUID accountId) {
        LateralUser admin = admin();
        SchoolMember member = member(admin, accountId);
        if (member.id().equals(admin.accountId())) {
            throw UserFacingException.of("classroom.refusal.admin.ownPassword");
        }
        String password = ClassroomService.oneTimePassword();
        accounts.setPassword(member.id(), passwordEncoder.encode(password), true, AccountRepository.now(clock));
        // A new password also ends the wait the throttle may impose: the admin just handed it over.
        signInLocks.unlockAccount(member.username());
        audit.success(AuditAction.PASSWORD_RESET, "account", member.id());
        return new OneTimeCredential(member.displayName(), member.username(), password);
    }

    /** Renames a student (the name teachers see). */
    @Transactional
    @ForAdmins
    public SchoolMember renameStudent(UUID studentId, String displayName, int expectedVersion) {
        LateralUser admin = admin();
        SchoolMember member = student(admin, studentId);
        accountChanges.rename(
                member.id(),
                displayName,
                expectedVersion,
                () -> UserFacingException.of("classroom.refusal.admin.stale"));
        audit.success(AuditAction.STUDENT_RENAMED, "student", member.id());
        return withHolds(member(admin, studentId));
    }

    /**
     * Moves a student from one class to another of the school: the old enrollment ends (their
     * work in it stays, as when a teacher removes a student) and the new one starts, together.
     */
    @Transactional
    @ForAdmins
    public SchoolMember moveStudent(UUID studentId, UUID fromClassId, UUID toClassId) {
        LateralUser admin = admin();
        SchoolMember member = student(admin, studentId);
        if (fromClassId.equals(toClassId)) {
            throw UserFacingException.of("classroom.refusal.admin.sameClass");
        }
        if (member.classes().stream().noneMatch(c -> c.id().equals(fromClassId))) {
            throw UserFacingException.of("classroom.refusal.admin.notInThatClass", member.displayName());
        }
        if (member.classes().stream().anyMatch(c -> c.id().equals(toClassId))) {
            throw UserFacingException.of("classroom.refusal.admin.alreadyInClass", member.displayName());
        }
        if (!repository.isOpenClass(admin.schoolId(), toClassId)) {
            throw UserFacingException.of("classroom.refusal.admin.classClosed");
        }
        Instant now = AccountRepository.now(clock);
        if (!classes.endEnrollment(fromClassId, member.id(), admin.accountId(), now)) {
            throw UserFacingException.of("classroom.refusal.admin.notInThatClass", member.displayName());
        }
        classes.enroll(admin.schoolId(), toClassId, member.id(), now);
        audit.record(
                AuditAction.STUDENT_MOVED,
                AuditOutcome.SUCCESS,
                "student, from class, to class",
                List.of(member.id(), fromClassId, toClassId),
                "");
        return withHolds(member(admin, studentId));
    }

    /** Lifts the sign-in throttle for one account of the school. */
    @Transactional
    @ForAdmins
    public SchoolMember unlockSignIn(UUID accountId) {
        LateralUser admin = admin();
        SchoolMember member = member(admin, accountId);
        signInLocks.unlockAccount(member.username());
        audit.success(AuditAction.SIGN_IN_UNLOCKED, "account", member.id());
        return withHolds(member);
    }

    /** Lifts the join-code throttle for one signed-in student of the school. */
    @Transactional
    @ForAdmins
    public SchoolMember unlockJoin(UUID studentId) {
        LateralUser admin = admin();
        SchoolMember member = student(admin, studentId);
        joinThrottle.unlock(member.id());
        audit.success(AuditAction.JOIN_UNLOCKED, "student", member.id());
        return withHolds(member);
    }

    /** Whether sign-ins or join tries from this address are held back now. */
    @ForAdmins
    public AddressHolds addressHolds(String typedAddress) {
        admin();
        String address = address(typedAddress);
        return new AddressHolds(address, signInLocks.addressHeldBack(address), joinThrottle.addressHeldBack(address));
    }

    /**
     * Lifts both throttles for one address: a whole school often shares one, and a lesson that
     * starts with thirty wrong passwords can hold back everyone behind it.
     */
    @Transactional
    @ForAdmins
    public AddressHolds unlockAddress(String typedAddress) {
        admin();
        String address = address(typedAddress);
        signInLocks.unlockAddress(address);
        joinThrottle.unlockAddress(address);
        audit.record(AuditAction.SIGN_IN_UNLOCKED, AuditOutcome.SUCCESS, "address", List.of(), "address " + address);
        audit.record(AuditAction.JOIN_UNLOCKED, AuditOutcome.SUCCESS, "address", List.of(), "address " + address);
        return new AddressHolds(address, signInLocks.addressHeldBack(address), joinThrottle.addressHeldBack(address));
    }

    /**
     * Sets how many days archived classes' student work is kept in this school, or (null) goes
     * back to the instance's number.
     */
    @Transactional
    @ForAdmins
    public SchoolSettings setArchivedClassDays(@Nullable Integer days) {
        LateralUser admin = admin();
        if (days != null && (days < Retention.FEWEST_DAYS || days > Retention.MOST_DAYS)) {
            throw UserFacingException.of(
                    "classroom.refusal.admin.retentionDays", Retention.FEWEST_DAYS, Retention.MOST_DAYS);
        }
        SchoolSettings before = repository.settings(admin.schoolId(), retention.days(null));
        repository.setArchivedClassDays(admin.schoolId(), days);
        audit.record(
                AuditAction.SCHOOL_SETTING_CHANGED,
                AuditOutcome.SUCCESS,
                "school",
                List.of(admin.schoolId()),
                "archived class days " + before.effectiveDays() + " -> " + retention.days(days)
                        + (days == null ? " (instance default)" : ""));
        return repository.settings(admin.schoolId(), retention.days(null));
    }

    private LateralUser admin() {
        return currentUser.require(Role.ADMIN);
    }

    private SchoolMember member(LateralUser admin, UUID accountId) {
        return repository
                .member(admin.schoolId(), accountId)
                .orElseThrow(() -> UserFacingException.of("classroom.refusal.admin.notInSchool"));
    }

    private SchoolMember student(LateralUser admin, UUID studentId) {
        SchoolMember member = member(admin, studentId);
        if (!member.roles().equals(Set.of(Role.STUDENT))) {
            throw UserFacingException.of("classroom.refusal.admin.notAStudent");
        }
        return member;
    }

    private SchoolMember withHolds(SchoolMember member) {
        return withHolds(List.of(member)).getFirst();
    }

    private List<SchoolMember> withHolds(List<SchoolMember> members) {
        Set<String> signIn = signInLocks.heldBack(
                members.stream().map(SchoolMember::username).toList());
        Set<UUID> join = joinThrottle.heldBack(members.stream()
                .filter(m -> m.roles().contains(Role.STUDENT))
                .map(SchoolMember::id)
                .collect(Collectors.toSet()));
        return members.stream()
                .map(m -> m.withHolds(signIn.contains(m.username()), join.contains(m.id())))
                .toList();
    }

    /**
     * An address as the sign-in and join throttles count it: an IPv4 or IPv6 literal, as the audit
     * trail shows it. A host name is refused rather than looked up.
     */
    static String address(String typed) {
        String address = typed.strip();
        // Only literals reach InetAddress, so it never looks a name up: four dotted numbers, or
        // hexadecimal groups with colons.
        boolean v4 = address.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = address.length() <= 45 && address.contains(":") && address.matches("[0-9A-Fa-f:.]+");
        if (v4 || v6) {
            try {
                return InetAddress.getByName(address).getHostAddress();
            } catch (java.net.UnknownHostException e) {
                // Not a valid literal after all (a number above 255, too many groups): refused below.
            }
        }
        throw UserFacingException.of("classroom.refusal.admin.address");
    }

    /** Invitation codes: 16 symbols of the join-code alphabet (80 bits), shown in groups of four. */
    static final class InviteCodes {

        static final int LENGTH = 16;
        private static final SecureRandom RANDOM = new SecureRandom();

        private InviteCodes() {}

        static String generate() {
            StringBuilder code = new StringBuilder(LENGTH);
            for (int i = 0; i < LENGTH; i++) {
                code.append(JoinCodes.ALPHABET.charAt(RANDOM.nextInt(JoinCodes.ALPHABET.length())));
            }
            return code.toString();
        }

        /** The code as typed or pasted (any case, dashes and spaces anywhere), or empty if it cannot be one. */
        static Optional<String> normalise(@Nullable String typed) {
            if (typed == null || typed.length() > 100) {
                return Optional.empty();
            }
            String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
            if (code.length() != LENGTH || code.chars().anyMatch(c -> JoinCodes.ALPHABET.indexOf(c) < 0)) {
                return Optional.empty();
            }
            return Optional.of(code);
        }

        static String display(String code) {
            return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8, 12) + "-"
                    + code.substring(12);
        }

        static String hash(String code) {
            try {
                return HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
