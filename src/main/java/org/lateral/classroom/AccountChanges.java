package org.lateral.classroom;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import org.lateral.base.LateralMode;
import org.lateral.base.UserFacingException;
import org.lateral.base.text.Names;
import org.springframework.stereotype.Component;

/**
 * The rules of renaming an account and switching it on again, shared by a teacher's roster
 * ({@link ClassroomService}) and the school admin's page ({@link SchoolAdminService}), so both
 * refuse the same names and keep demo accounts off outside demo mode. Who may do it is each
 * service's own check.
 */
@Component
class AccountChanges {

    private final AccountRepository accounts;
    private final LateralMode mode;
    private final Clock clock;

    AccountChanges(AccountRepository accounts, LateralMode mode, Clock clock) {
        this.accounts = accounts;
        this.mode = mode;
        this.clock = clock;
    }

    /** Renames the account if it is still at the version the page read; the name is cleaned first. */
    void rename(UUID accountId, String typedName, int expectedVersion, Supplier<UserFacingException> stale) {
        String name = Names.clean(typedName);
        if (name.isEmpty() || name.length() > 100) {
            throw UserFacingException.of("classroom.refusal.nameLength");
        }
        if (!accounts.rename(accountId, name, expectedVersion)) {
            throw stale.get();
        }
    }

    /** Switches the account on; a demo account stays off outside demo mode (DD007). */
    void enable(UUID accountId) {
        if (!mode.demo() && accounts.isDemo(accountId)) {
            throw UserFacingException.of("classroom.refusal.demoStaysOff");
        }
        accounts.setEnabled(accountId, true, null, AccountRepository.now(clock));
    }
}
