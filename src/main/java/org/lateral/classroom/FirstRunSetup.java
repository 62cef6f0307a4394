package org.lateral.classroom;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.base.LateralMode;
import org.lateral.base.Schools;
import org.lateral.base.UserFacingException;
import org.lateral.base.text.Names;
import org.lateral.security.ForAnyone;
import org.lateral.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outside demo mode there are no default accounts. While no account exists, each start prints a
 * one-time setup token to the log; the setup page asks for it, so only someone who can read the
 * server's log creates the first account (TEACHER and ADMIN). The token itself lives in this node's
 * memory and log only; its SHA-256 is kept in {@code setup_token}, one row per node (DD030), so with
 * several app nodes the token from any node's log works on whichever node the balancer picks. A
 * node's restart replaces its own token; the first account ends every token.
 */
@Service
public class FirstRunSetup {

    private static final Logger log = LoggerFactory.getLogger(FirstRunSetup.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final AccountRepository accounts;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final LateralMode mode;
    private final SecureRandom random = new SecureRandom();
    private final String node;
    private volatile @Nullable String token;

    FirstRunSetup(
            AccountRepository accounts,
            JdbcClient jdbc,
            PasswordEncoder passwordEncoder,
            Clock clock,
            LateralMode mode,
            @Value("${lateral.node.route:}") String node) {
        this.node = node;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.mode = mode;
    }

    /** What the person setting up Lateral types, checked by {@link #createFirstAccount}. */
    public record SetupRequest(
            String token,
            String schoolName,
            String displayName,
            String username,
            String password,
            String passwordAgain) {}

    @EventListener(ApplicationReadyEvent.class)
    void issueTokenIfNeeded() {
        if (mode.demo() || !accounts.noAccountsYet()) {
            return;
        }
        token = issueToken(node);
        log.warn("""

                ================================================================
                 Lateral has no accounts yet. Open /setup in a browser and enter
                 this one-time setup token to create the first account:

                     {}

                 The token works once and is replaced at the next start.
                ================================================================""", token);
    }

    /**
     * A new token for the node named {@code nodeRoute}, its hash recorded in place of that node's
     * earlier one. Package-private so a test can stand in for a second node on the same database.
     */
    String issueToken(String nodeRoute) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) { // 20 symbols of 32: 100 bits
            if (i > 0 && i % 5 == 0) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        String issued = sb.toString();
        jdbc.sql("""
                        INSERT INTO setup_token (node, token_hash, issued_at) VALUES (:node, :hash, :at)
                        ON CONFLICT (node) DO UPDATE SET token_hash = EXCLUDED.token_hash, issued_at = EXCLUDED.issued_at
                        """)
                .param("node", nodeRoute)
                .param("hash", sha256(issued))
                .param("at", java.sql.Timestamp.from(AccountRepository.now(clock)))
                .update();
        return issued;
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Whether the typed token is one a node of this installation printed and is still open. */
    private boolean knownToken(String typed) {
        byte[] hash = sha256(typed.strip().toUpperCase(Locale.ROOT));
        List<byte[]> known = jdbc.sql("SELECT token_hash FROM setup_token")
                .query(byte[].class)
                .list();
        boolean match = false;
        for (byte[] k : known) {
            match |= MessageDigest.isEqual(k, hash);
        }
        return match;
    }

    /** The token printed at this start, while setup is open. */
    Optional<String> currentToken() {
        return Optional.ofNullable(token);
    }

    /** Open only outside demo mode (demo accounts are not the school's) and before the first account. */
    @ForAnyone
    public boolean isSetupOpen() {
        return !mode.demo() && accounts.noAccountsYet();
    }

    /**
     * Creates the first account, as TEACHER and ADMIN of the default school, and names the school.
     *
     * @return a refusal saying what is wrong (worded in the page's language), or empty when the
     *     account was created
     */
    @Transactional
    @ForAnyone
    public Optional<UserFacingException> createFirstAccount(SetupRequest request) {
        // Serialises concurrent attempts: only one first account, ever.
        jdbc.sql("LOCK TABLE account IN SHARE ROW EXCLUSIVE MODE").update();
        if (!accounts.noAccountsYet()) {
            return Optional.of(UserFacingException.of("classroom.refusal.setup.done"));
        }
        if (!knownToken(request.token())) {
            return Optional.of(UserFacingException.of("classroom.refusal.setup.token"));
        }
        String schoolName = Names.clean(request.schoolName());
        if (schoolName.isEmpty() || schoolName.length() > 200) {
            return Optional.of(UserFacingException.of("classroom.refusal.setup.school"));
        }
        String displayName = Names.clean(request.displayName());
        if (displayName.isEmpty() || displayName.length() > 100) {
            return Optional.of(UserFacingException.of("classroom.refusal.setup.name"));
        }
        Optional<UserFacingException> usernameProblem = Usernames.problem(request.username());
        if (usernameProblem.isPresent()) {
            return usernameProblem;
        }
        Optional<UserFacingException> passwordProblem = PasswordPolicy.problem(request.password(), request.username());
        if (passwordProblem.isPresent()) {
            return passwordProblem;
        }
        if (!request.password().equals(request.passwordAgain())) {
            return Optional.of(UserFacingException.of("classroom.refusal.password.notSame"));
        }
        jdbc.sql("UPDATE school SET name = :name WHERE id = :id")
                .param("name", schoolName)
                .param("id", Schools.DEFAULT_SCHOOL_ID)
                .update();
        Account first = new Account(
                UUID.randomUUID(),
                Schools.DEFAULT_SCHOOL_ID,
                request.username(),
                displayName,
                true,
                Set.of(Role.TEACHER, Role.ADMIN),
                AccountRepository.now(clock));
        accounts.insert(first, passwordEncoder.encode(request.password()), false);
        jdbc.sql("DELETE FROM setup_token").update();
        token = null;
        log.info("First account '{}' created (TEACHER, ADMIN); first-run setup is closed", first.username());
        return Optional.empty();
    }
}
