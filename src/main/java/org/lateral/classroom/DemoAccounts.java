package org.lateral.classroom;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lateral.base.LateralMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo accounts never work outside demo mode (DD007). Their password is published on the login
 * page and in the README, so a data directory seeded in demo mode and then started with
 * {@code LATERAL_DEMO=false} (listening on every interface) would let anyone in. At every start
 * outside demo mode, before anything else runs, every demo account is switched off and the log
 * says so and how to go on. Nothing is deleted: starting in demo mode again switches them back on.
 *
 * <p>Accounts seeded before demo accounts were flagged (migration V0007) are recognised by their
 * demo username and the published password, and flagged now.
 */
@Component
@Order(10)
class DemoAccounts implements ApplicationRunner {

    /** The published password of every demo account (README, login page). */
    static final String PUBLISHED_PASSWORD = "lateral-demo";

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final LateralMode mode;
    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    DemoAccounts(LateralMode mode, AccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock) {
        this.mode = mode;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!mode.demo()) {
            switchOff();
        }
    }

    /** Flags unflagged demo accounts, then switches every enabled one off; returns how many. */
    int switchOff() {
        for (String username : unflaggedCandidates()) {
            accounts.findByUsername(username).ifPresent(account -> {
                String hash = accounts.passwordHash(account.id()).orElse("");
                if (!accounts.isDemo(account.id()) && passwordEncoder.matches(PUBLISHED_PASSWORD, hash)) {
                    accounts.markDemo(account.id());
                }
            });
        }
        List<AccountRepository.DemoAccount> enabled = accounts.demoAccounts().stream()
                .filter(AccountRepository.DemoAccount::enabled)
                .toList();
        for (AccountRepository.DemoAccount account : enabled) {
            accounts.setEnabled(account.id(), false, null, AccountRepository.now(clock));
        }
        if (!enabled.isEmpty()) {
            log.warn("""
                    Demo mode is off, so the {} demo accounts of this data directory ({}) have been switched off: \
                    their password is public. Their work stays in the database. To use them again, start in demo mode \
                    (LATERAL_DEMO=true, which listens on 127.0.0.1 only). For a real school, start with a new, empty \
                    LATERAL_DATA_DIR or database and create the first account at /setup.""", enabled.size(), summary(enabled));
        }
        return enabled.size();
    }

    /** Usernames that demo mode creates and that exist here without the demo flag. */
    private List<String> unflaggedCandidates() {
        return accounts.unflaggedAmong(demoUsernames());
    }

    private static String summary(List<AccountRepository.DemoAccount> accounts) {
        List<String> names =
                accounts.stream().map(AccountRepository.DemoAccount::username).toList();
        return names.size() <= 3
                ? String.join(", ", names)
                : names.get(0) + ", " + names.get(1) + " … " + names.getLast();
    }

    /** The usernames demo mode seeds: teacher, admin, student1 … student24. */
    static Set<String> demoUsernames() {
        Set<String> names = new LinkedHashSet<>();
        names.add("teacher");
        names.add("admin");
        for (int i = 1; i <= 24; i++) {
            names.add("student" + i);
        }
        return names;
    }
}
