package org.lateral.classroom;

import java.time.Clock;
import java.util.UUID;
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
    void rename(UUID accountId, String typedName, int expectedVersion, String staleMessage) {
        String name = Names.clean(typedName);
        if (name.isEmpty() || name.length() > 100) {
            throw new UserFacingException("A name has 1 to 100 characters.");
        }
        if (!accounts.rename(accountId, name, expectedVersion)) {
            throw new UserFacingException(staleMessage);
        }
    }

    /** Switches the account on; a demo account stays off outside demo mode (DD007). */
    void enable(UUID accountId) {
        if (!mode.demo() && accounts.isDemo(accountId)) {
            throw new UserFacingException(
                    "Demo accounts stay switched off outside demo mode: their password is public.");
        }
        accounts.setEnabled(accountId, true, null, AccountRepository.now(clock));
    }
}
