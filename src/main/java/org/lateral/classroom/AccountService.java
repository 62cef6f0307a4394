package org.lateral.classroom;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.lateral.base.UserFacingException;
import org.lateral.base.i18n.Translations;
import org.lateral.security.CurrentUser;
import org.lateral.security.ForAnyone;
import org.lateral.security.ForSignedIn;
import org.lateral.security.LateralUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in person's own account: changing the password, which anyone signed in may do and a
 * one-time password requires, and the language of Lateral's pages (DD034). The current password is always asked for, so a computer left signed
 * in is not enough to take the account over.
 */
@Service
public class AccountService {

    private final CurrentUser currentUser;
    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final Translations translations;

    AccountService(
            CurrentUser currentUser,
            AccountRepository accounts,
            PasswordEncoder passwordEncoder,
            Clock clock,
            Translations translations) {
        this.translations = translations;
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @ForAnyone
    public boolean mustChangePassword() {
        return currentUser
                .get()
                .map(u -> accounts.mustChangePassword(u.accountId()))
                .orElse(false);
    }

    @Transactional
    @ForSignedIn
    public void changeOwnPassword(String current, String password, String passwordAgain) {
        LateralUser user = currentUser.get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        String hash =
                accounts.passwordHash(user.accountId()).orElseThrow(() -> new AccessDeniedException("No password"));
        if (!passwordEncoder.matches(current, hash)) {
            throw UserFacingException.of("classroom.refusal.password.currentWrong");
        }
        PasswordPolicy.problem(password, user.getUsername()).ifPresent(p -> {
            throw p;
        });
        if (!password.equals(passwordAgain)) {
            throw UserFacingException.of("classroom.refusal.password.newNotSame");
        }
        if (password.equals(current)) {
            throw UserFacingException.of("classroom.refusal.password.unchanged");
        }
        int epoch = accounts.setPassword(
                user.accountId(), passwordEncoder.encode(password), false, AccountRepository.now(clock));
        // Every other session of this account ends at its next request; this one goes on.
        currentUser.keepThisSession(epoch);
    }

    /** The language the signed-in person chose for Lateral's pages; empty: the browser's, or nobody signed in. */
    @Transactional(readOnly = true)
    @ForAnyone
    public Optional<Locale> ownLanguage() {
        return currentUser.get().flatMap(u -> accounts.language(u.accountId())).map(Locale::forLanguageTag);
    }

    /**
     * Chooses the language of the signed-in person's pages, one Lateral has; {@code null} or blank
     * goes back to the browser's.
     */
    @Transactional
    @ForSignedIn
    public void chooseLanguage(@Nullable String languageTag) {
        LateralUser user = currentUser.get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        if (languageTag == null || languageTag.isBlank()) {
            accounts.setLanguage(user.accountId(), null);
            return;
        }
        Locale wanted = Locale.forLanguageTag(languageTag.strip());
        Locale provided = translations.getProvidedLocales().stream()
                .filter(l -> l.equals(wanted))
                .findFirst()
                .orElseThrow(() -> UserFacingException.of("classroom.language.unknown"));
        accounts.setLanguage(user.accountId(), provided.toLanguageTag());
    }
}
