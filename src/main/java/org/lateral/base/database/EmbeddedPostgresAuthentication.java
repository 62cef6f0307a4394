package org.lateral.base.database;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Password authentication for the embedded PostgreSQL.
 *
 * <p>zonky's initdb writes a pg_hba.conf that trusts every local connection, and Lateral used to
 * keep it, so anyone logged in to the computer could read every table. Lateral now keeps a
 * generated password in {@code <data dir>/postgresql-password} (owner read/write only; beside
 * the cluster, not in it, so initdb always finds an empty directory) and owns pg_hba.conf. Every
 * start that finds pg_hba.conf different from {@link #HBA} (a new cluster, a directory from an
 * earlier Lateral, an interrupted earlier start) secures the cluster in an order where a crash at
 * any point leaves a cluster Lateral can still open:
 * <ol>
 *   <li>the password file is written and made durable before the server ever hears of the
 *       password, so a password the server knows is never lost;</li>
 *   <li>the password is set on the superuser while pg_hba.conf still trusts;</li>
 *   <li>pg_hba.conf is replaced (temporary file, then rename) and the server reloads it.</li>
 * </ol>
 * A crash before step 3 completes leaves the old pg_hba.conf, so the next start repeats steps 2
 * and 3 with the password already in the file.
 */
final class EmbeddedPostgresAuthentication {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresAuthentication.class);

    static final String PASSWORD_FILE = "postgresql-password";
    static final String METHOD = "scram-sha-256";
    static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    /** Byte for byte what Lateral writes; any other content is replaced at the next start. */
    static final String HBA = """
            # Written by Lateral, which replaces this file at start whenever it differs.
            # Every connection needs the password kept in ../postgresql-password.
            # TYPE  DATABASE     USER  ADDRESS       METHOD
            local   all          all                 scram-sha-256
            host    all          all   127.0.0.1/32  scram-sha-256
            host    all          all   ::1/128       scram-sha-256
            local   replication  all                 scram-sha-256
            host    replication  all   127.0.0.1/32  scram-sha-256
            host    replication  all   ::1/128       scram-sha-256
            """;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration RELOAD_WAIT = Duration.ofSeconds(30);

    private EmbeddedPostgresAuthentication() {}

    static Path passwordFile(Path root) {
        return root.resolve(PASSWORD_FILE);
    }

    /** True when pg_hba.conf is exactly Lateral's: the cluster already requires the password. */
    static boolean isSecured(Path pgData) throws IOException {
        Path hba = pgData.resolve("pg_hba.conf");
        return Files.isRegularFile(hba)
                && Files.readString(hba, StandardCharsets.UTF_8).equals(HBA);
    }

    /**
     * The stored password, or a new one written to the password file when there is none yet and
     * the cluster does not require one.
     */
    static String password(Path root, boolean secured) throws IOException {
        Path file = passwordFile(root);
        Optional<String> stored = read(file);
        if (stored.isPresent()) {
            return stored.get();
        }
        if (secured) {
            // A new password would lock Lateral out: the server only knows the lost one.
            throw new IllegalStateException("The embedded PostgreSQL in " + root.resolve("postgresql")
                    + " requires the password that was kept in " + file + ", and that file is missing or"
                    + " empty. Restore it from a backup; or, to set a new password, change every "
                    + "'scram-sha-256' in pg_hba.conf to 'trust' and start Lateral once.");
        }
        String password = generate();
        writeAtomically(file, password + "\n");
        log.info("Generated a password for the embedded PostgreSQL, kept in {} (readable by its owner only)", file);
        return password;
    }

    /** Steps 2 and 3 of the class comment; the caller connects while pg_hba.conf still trusts. */
    static void secure(DataSource superuser, Path pgData, String password) throws IOException {
        try (Connection connection = superuser.getConnection()) {
            // Hashed by the driver: the password itself never reaches the server or its log.
            // The driver wipes the array it is given, hence a copy.
            connection
                    .unwrap(PGConnection.class)
                    .alterUserPassword(EmbeddedPostgresServer.USER, password.toCharArray(), METHOD);
            writeAtomically(pgData.resolve("pg_hba.conf"), HBA);
            try (Statement statement = connection.createStatement()) {
                try (ResultSet rs =
                        statement.executeQuery("SELECT count(*) FROM pg_hba_file_rules WHERE error IS NOT NULL")) {
                    rs.next();
                    if (rs.getLong(1) != 0) {
                        throw new IOException("PostgreSQL rejects the pg_hba.conf Lateral wrote in " + pgData);
                    }
                }
                OffsetDateTime before = configurationLoadTime(statement);
                statement.execute("SELECT pg_reload_conf()");
                awaitReload(superuser, before);
            }
        } catch (SQLException e) {
            throw new IOException("Could not switch the embedded PostgreSQL to password authentication", e);
        }
        log.info("The embedded PostgreSQL now requires its password ({}) for every connection", METHOD);
    }

    /**
     * pg_reload_conf() only signals the postmaster. A session started after the postmaster has
     * re-read its files reports the new load time, and was itself admitted by the new rules.
     */
    private static void awaitReload(DataSource superuser, OffsetDateTime before) throws IOException, SQLException {
        long deadline = System.nanoTime() + RELOAD_WAIT.toNanos();
        while (true) {
            try (Connection fresh = superuser.getConnection();
                    Statement statement = fresh.createStatement()) {
                if (configurationLoadTime(statement).isAfter(before)) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("PostgreSQL did not reload pg_hba.conf within " + RELOAD_WAIT.toSeconds() + " s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for PostgreSQL to reload pg_hba.conf", e);
            }
        }
    }

    private static OffsetDateTime configurationLoadTime(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT pg_conf_load_time()")) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class);
        }
    }

    private static Optional<String> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            // A copy or restore may have widened them; the file opens the whole database.
            log.warn("{} was readable by others; restricting it to its owner", file);
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        return password.isEmpty() ? Optional.empty() : Optional.of(password);
    }

    private static String generate() {
        byte[] bytes = new byte[32]; // 256 bits
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * A crash leaves either the old file or the complete new one, never a partial one: the
     * content goes to a temporary file (owner-only from its creation, so it is never readable by
     * others even for a moment), is flushed to disk, and is then renamed over the target. The
     * directory is flushed too, so the rename itself survives a power loss.
     */
    static void writeAtomically(Path target, String content) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        // Left by a crash before the rename; it never held anything the server relies on.
        Files.deleteIfExists(temporary);
        try (FileChannel channel = FileChannel.open(
                temporary,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(OWNER_ONLY))) {
            ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel directory = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        }
    }
}
