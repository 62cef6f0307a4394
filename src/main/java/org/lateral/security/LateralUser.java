package org.lateral.security;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person, kept in the session. The password hash is erased after sign-in. */
public final class LateralUser implements UserDetails, CredentialsContainer {

    private final UUID accountId;
    private final UUID schoolId;
    private final String username;
    private final String displayName;
    private final Set<Role> roles;
    private final boolean enabled;
    private final int sessionEpoch;
    private @Nullable String passwordHash;

    LateralUser(LoginAccount account) {
        this.accountId = account.accountId();
        this.schoolId = account.schoolId();
        this.username = account.username();
        this.displayName = account.displayName();
        this.roles = account.roles();
        this.enabled = account.enabled();
        this.sessionEpoch = account.sessionEpoch();
        this.passwordHash = account.passwordHash();
    }

    private LateralUser(LateralUser user, int sessionEpoch) {
        this.accountId = user.accountId;
        this.schoolId = user.schoolId;
        this.username = user.username;
        this.displayName = user.displayName;
        this.roles = user.roles;
        this.enabled = user.enabled;
        this.sessionEpoch = sessionEpoch;
        this.passwordHash = null;
    }

    /** The account's session epoch when this session signed in (see {@link SessionGuard}). */
    public int sessionEpoch() {
        return sessionEpoch;
    }

    LateralUser withSessionEpoch(int epoch) {
        return new LateralUser(this, epoch);
    }

    public UUID accountId() {
        return accountId;
    }

    public UUID schoolId() {
        return schoolId;
    }

    public String displayName() {
        return displayName;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream()
                .map(r -> new SimpleGrantedAuthority(r.authority()))
                .toList();
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
