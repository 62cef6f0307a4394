package org.lateral.classroom;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lateral.base.UserFacingException;
import org.lateral.security.AuditAction;
import org.lateral.security.AuditOutcome;
import org.lateral.security.AuditTrail;
import org.lateral.security.ForAnyone;
import org.lateral.security.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A teacher accepting a school admin's invitation (DD026, "Invitations"): the person is not signed
 * in and has no account yet, so the code is the whole credential. It works once, until it expires
 * or is withdrawn; wrong codes count against the same throttle as wrong join codes (DD007), so
 * guessing 80-bit codes is hopeless.
 */
@Service
public class InvitationService {

    private final SchoolAdminRepository invites;
    private final AccountRepository accounts;
    private final JoinThrottle throttle;
    private final PasswordEncoder passwordEncoder;
    private final AuditTrail audit;
    private final Clock clock;

    InvitationService(
            SchoolAdminRepository invites,
            AccountRepository accounts,
            JoinThrottle throttle,
            PasswordEncoder passwordEncoder,
            AuditTrail audit,
            Clock clock) {
        this.invites = invites;
        this.accounts = accounts;
        this.throttle = throttle;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the invitation page shows before the teacher fills in the form. */
    public record Invitation(String schoolName, boolean asAdmin) {}

    /** What the invited teacher types. */
    public record NewTeacher(String displayName, String username, String password, String passwordAgain) {}

    /** The school an invitation code opens; a code that does not work is refused in words. */
    @Transactional
    @ForAnyone
    public Invitation preview(String typedCode, JoinService.From from) {
        SchoolAdminRepository.OpenInvite open = open(typedCode, from);
        return new Invitation(open.schoolName(), open.asAdmin());
    }

    /**
     * Creates the teacher's account in the inviting school (an admin too if the invitation said
     * so) and uses up the invitation; returns the username to sign in with.
     */
    @Transactional
    @ForAnyone
    public String accept(String typedCode, NewTeacher form, JoinService.From from) {
        SchoolAdminRepository.OpenInvite open = open(typedCode, from);
        SignUpForm checked = SignUpForm.check(
                form.displayName(),
                () -> UserFacingException.of("classroom.refusal.invite.name"),
                form.username(),
                form.password(),
                form.passwordAgain());
        String displayName = checked.displayName();
        String username = checked.username();
        if (accounts.usernameTaken(username)) {
            throw UserFacingException.of("classroom.refusal.invite.usernameTaken", username);
        }
        Set<Role> roles = open.asAdmin() ? EnumSet.of(Role.TEACHER, Role.ADMIN) : EnumSet.of(Role.TEACHER);
        Instant now = AccountRepository.now(clock);
        Account teacher = new Account(UUID.randomUUID(), open.schoolId(), username, displayName, true, roles, now);
        accounts.insert(teacher, passwordEncoder.encode(form.password()), false);
        invites.markInviteUsed(open.id(), teacher.id(), now);
        audit.record(new AuditTrail.Entry(
                AuditAction.INVITATION_ACCEPTED,
                AuditOutcome.SUCCESS,
                new AuditTrail.Actor(teacher.id(), open.schoolId(), username, roles),
                open.schoolId(),
                "invitation, account",
                List.of(open.id(), teacher.id()),
                open.asAdmin() ? "as admin" : "",
                ""));
        return username;
    }

    private SchoolAdminRepository.OpenInvite open(String typedCode, JoinService.From from) {
        JoinThrottle.Requester who = new JoinThrottle.Requester(from.address(), from.session(), "");
        if (!throttle.mayTry(who)) {
            refused(AuditOutcome.DENIED, "too many wrong tries");
            throw UserFacingException.of("classroom.refusal.invite.tooManyTries");
        }
        Optional<SchoolAdminRepository.OpenInvite> open = SchoolAdminService.InviteCodes.normalise(typedCode)
                .flatMap(code -> invites.lockOpenInvite(
                        SchoolAdminService.InviteCodes.hash(code), AccountRepository.now(clock)));
        if (open.isEmpty()) {
            throttle.wrong(who);
            refused(AuditOutcome.FAILURE, "no open invitation has this code");
            throw UserFacingException.of("classroom.refusal.invite.notAnInvitation");
        }
        return open.get();
    }

    /** A refused code: recorded for the operator (no school is known), never the code itself. */
    private void refused(AuditOutcome outcome, String detail) {
        audit.record(new AuditTrail.Entry(
                AuditAction.INVITATION_ACCEPTED, outcome, null, null, "invitation", List.of(), detail, ""));
    }
}
