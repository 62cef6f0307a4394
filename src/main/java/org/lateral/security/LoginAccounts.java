package org.lateral.security;

import java.util.Optional;

/**
 * Looks up accounts for sign-in. Implemented by the classroom feature, which owns accounts and
 * credentials, so security stays free of feature dependencies.
 */
public interface LoginAccounts {

    Optional<LoginAccount> findForLogin(String username);

    /** True before the first account exists: the login page then points to first-run setup. */
    boolean noAccountsYet();
}
