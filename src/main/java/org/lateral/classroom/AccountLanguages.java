package org.lateral.classroom;

import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import java.util.Optional;
import org.lateral.base.i18n.SavedLanguage;
import org.lateral.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * The signed-in person's chosen language, read once per browser session and person: every new
 * page asks (LanguageChoice), and a page load should not cost a database query. Choosing another
 * language forgets the kept answer ({@link #forget()}).
 */
@Component
public class AccountLanguages implements SavedLanguage {

    private static final String KEPT = AccountLanguages.class.getName();

    private record Kept(String username, Optional<Locale> language) {}

    private final AccountService accounts;
    private final CurrentUser currentUser;

    AccountLanguages(AccountService accounts, CurrentUser currentUser) {
        this.accounts = accounts;
        this.currentUser = currentUser;
    }

    @Override
    public Optional<Locale> ofSignedIn() {
        String username = currentUser.get().map(u -> u.getUsername()).orElse(null);
        if (username == null) {
            return Optional.empty();
        }
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null
                && session.getAttribute(KEPT) instanceof Kept kept
                && kept.username().equals(username)) {
            return kept.language();
        }
        Optional<Locale> language = accounts.ownLanguage();
        if (session != null) {
            session.setAttribute(KEPT, new Kept(username, language));
        }
        return language;
    }

    /** After a change of language: the next page reads it again. */
    public static void forget() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(KEPT, null);
        }
    }
}
