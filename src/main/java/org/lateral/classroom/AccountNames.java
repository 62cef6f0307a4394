package org.lateral.classroom;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.lateral.security.Trusted;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Display names of accounts, for other features' services that show who did something (who
 * scored, commented, amended a key) without naming the account table in their SQL: the account
 * table belongs to this feature. Trusted (DD009): callers pass ids they read from rows they have
 * already authorised, and a name is all they get.
 */
@Service
@Trusted
public class AccountNames {

    private final AccountRepository accounts;

    AccountNames(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /** One statement for any number of ids; ids of no account are left out. */
    @Transactional(readOnly = true)
    public Map<UUID, String> of(Collection<UUID> accountIds) {
        return accounts.displayNames(accountIds);
    }
}
