package org.lateral.security;

import java.util.Optional;
import java.util.UUID;

/**
 * Looks up accounts for sign-in. Implemented by the classroom feature, which owns accounts and
 * credentials, so security stays free of feature dependencies.
 */
public interface LoginAccounts {

    Optional<LoginAccount> findForLogin(String username);

    /** True before the first usable account exists: the login page then points to first-run setup. */
    boolean noAccountsYet();

    /**
     * Whether a session signed in with {@code sessionEpoch} may go on: the account still exists,
     * is enabled, and has not ended its sessions since (password changed or reset, disabled).
     */
    boolean sessionStillValid(UUID accountId, int sessionEpoch);
}
