package org.lateral.classroom;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.base.UserFacingException;
import org.lateral.security.AuditAction;
import org.lateral.security.AuditOutcome;
import org.lateral.security.AuditTrail;
import org.lateral.security.CurrentUser;
import org.lateral.security.ForAnyone;
import org.lateral.security.ForStudents;
import org.lateral.security.LateralUser;
import org.lateral.security.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joining a class with its code: a new student creates a pseudonymous account (no e-mail), a
 * signed-in student adds a class. Attempts are throttled ({@link JoinThrottle}); every refusal is
 * a sentence a student understands, and an unknown, switched-off or archived code all get the
 * same answer, so a code's existence cannot be probed.
 */
@Service
public class JoinService {

    private final ClassRepository classes;
    private final AccountRepository accounts;
    private final JoinThrottle throttle;
    private final CurrentUser currentUser;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    private final AuditTrail audit;

    JoinService(
            ClassRepository classes,
            AccountRepository accounts,
            JoinThrottle throttle,
            CurrentUser currentUser,
            PasswordEncoder passwordEncoder,
            Clock clock,
            AuditTrail audit) {
        this.audit = audit;
        this.classes = classes;
        this.accounts = accounts;
        this.throttle = throttle;
        this.currentUser = currentUser;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /** The class a code opens, for "You are joining History 9B (History Teacher)". */
    public record ClassPreview(String className, String teacherName) {}

    /**
     * Where a join attempt comes from: the client's address and its browser session (the view
     * knows both), so wrong tries are counted per session as well as per address.
     */
    public record From(String address, String session) {}

    /** What a new student types. */
    public record NewStudent(String displayName, String username, String password, String passwordAgain) {}

    @Transactional(readOnly = true)
    @ForAnyone
    public ClassPreview preview(String typedCode, From from) {
        ClassRepository.JoinTarget target = target(typedCode, requester(from));
        return new ClassPreview(target.className(), target.teacherName());
    }

    /** Creates a student account and enrolls it; returns the username to sign in with. */
    @Transactional
    @ForAnyone
    public String joinAsNewStudent(String typedCode, NewStudent form, From from) {
        JoinThrottle.Requester who = requester(from);
        ClassRepository.JoinTarget target = target(typedCode, who);
        SignUpForm checked = SignUpForm.check(
                form.displayName(),
                () -> UserFacingException.of("classroom.refusal.join.name"),
                form.username(),
                form.password(),
                form.passwordAgain());
        String displayName = checked.displayName();
        String username = checked.username();
        if (accounts.usernameTaken(username)) {
            // Usernames are shared by every school on this Lateral, so "taken" may mean taken
            // elsewhere: each such answer counts as a wrong try, and it names no school or person.
            throttle.wrong(who);
            throw UserFacingException.of("classroom.refusal.join.usernameTaken", username);
        }
        if (!throttle.join(from.address(), target.classId().toString())) {
            throw UserFacingException.of("classroom.refusal.join.busy");
        }
        Account student = new Account(
                UUID.randomUUID(),
                target.schoolId(),
                username,
                displayName,
                true,
                Set.of(Role.STUDENT),
                AccountRepository.now(clock));
        accounts.insert(student, passwordEncoder.encode(form.password()), false);
        classes.enroll(target.schoolId(), target.classId(), student.id(), AccountRepository.now(clock));
        return username;
    }

    /** Adds a class for the signed-in student; returns the class name. */
    @Transactional
    @ForStudents
    public String joinAsSignedInStudent(String typedCode, From from) {
        LateralUser student = currentUser.require(Role.STUDENT);
        ClassRepository.JoinTarget target = target(typedCode, requester(from));
        if (!target.schoolId().equals(student.schoolId())) {
            // Another school's class is, for this student, a code that does not work.
            throw UserFacingException.of("classroom.refusal.join.notACode");
        }
        if (!throttle.join(from.address(), target.classId().toString())) {
            throw UserFacingException.of("classroom.refusal.join.busy");
        }
        classes.enroll(student.schoolId(), target.classId(), student.accountId(), AccountRepository.now(clock));
        return target.className();
    }

    private JoinThrottle.Requester requester(From from) {
        return new JoinThrottle.Requester(
                from.address(),
                from.session(),
                currentUser.get().map(u -> u.accountId().toString()).orElse(""));
    }

    private ClassRepository.JoinTarget target(String typedCode, JoinThrottle.Requester who) {
        if (!throttle.mayTry(who)) {
            joinTry(AuditOutcome.DENIED, null, "too many wrong tries; " + AuditTrail.codeHint(typedCode));
            throw UserFacingException.of("classroom.refusal.join.tooManyTries");
        }
        Optional<ClassRepository.JoinTarget> target = JoinCodes.normalise(typedCode)
                .flatMap(classes::byJoinCode)
                .filter(t -> t.joinEnabled() && !t.archived());
        if (target.isEmpty()) {
            throttle.wrong(who);
            joinTry(AuditOutcome.FAILURE, null, "no class has this code; " + AuditTrail.codeHint(typedCode));
            throw UserFacingException.of("classroom.refusal.join.notACode");
        }
        joinTry(AuditOutcome.SUCCESS, target.get(), "");
        return target.get();
    }

    /**
     * Records a join-code try: of the code only its last two characters; of a wrong try by someone
     * not signed in no school (none is known), of a right one the class and its school.
     */
    private void joinTry(AuditOutcome outcome, ClassRepository.@Nullable JoinTarget target, String detail) {
        AuditTrail.@Nullable Actor actor =
                currentUser.get().map(AuditTrail.Actor::of).orElse(null);
        audit.record(new AuditTrail.Entry(
                AuditAction.JOIN_CODE_TRY,
                outcome,
                actor,
                // A signed-in student's try belongs to their own school, whichever class the code opened.
                target == null || actor != null ? null : target.schoolId(),
                "class",
                target == null ? List.of() : List.of(target.classId()),
                detail,
                ""));
    }
}
