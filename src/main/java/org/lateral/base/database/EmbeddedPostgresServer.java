package org.lateral.base.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL that Lateral starts for itself when no external database is configured.
 *
 * <p>Why the extra care around zonky's {@link EmbeddedPostgres}:
 * <ul>
 *   <li>its defaults are built for throw-away test databases ({@code -F}, i.e. fsync off, and
 *       {@code synchronous_commit=off}); students' work must survive a crash, so durability is
 *       switched back on;</li>
 *   <li>it starts the server with {@code pg_ctl}, so PostgreSQL outlives a JVM killed with
 *       SIGKILL; the next start finds that postmaster still owning the data directory and stops it
 *       first, or Lateral could never restart after a crash;</li>
 *   <li>a second Lateral on the same data directory is refused with a clear message, decided by
 *       an OS file lock that dies with its owner (so a crashed JVM never blocks a restart);</li>
 *   <li>its initdb trusts every local connection; every connection needs a generated password
 *       instead (see {@link EmbeddedPostgresAuthentication}), zonky's own readiness check
 *       included.</li>
 * </ul>
 * See DD001.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    static final String DATABASE = "lateral";
    static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final String password;
    private final Path root;
    private final Path pgData;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final boolean ephemeral;

    private EmbeddedPostgresServer(
            EmbeddedPostgres postgres,
            String password,
            Path root,
            Path pgData,
            FileChannel lockChannel,
            FileLock lock,
            boolean ephemeral) {
        this.postgres = postgres;
        this.password = password;
        this.root = root;
        this.pgData = pgData;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.ephemeral = ephemeral;
    }

    /**
     * Starts PostgreSQL on {@code root/postgresql}, creating the cluster on first use.
     *
     * @param ephemeral delete the whole directory when the server stops (tests)
     */
    public static EmbeddedPostgresServer start(Path root, boolean ephemeral) {
        Path absoluteRoot = root.toAbsolutePath().normalize();
        Path pgData = absoluteRoot.resolve("postgresql");
        FileChannel channel = null;
        try {
            Files.createDirectories(pgData);
            channel = FileChannel.open(
                    absoluteRoot.resolve("lateral.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new DataDirectoryInUseException(absoluteRoot);
            }
            stopLeftoverPostmaster(pgData);
            boolean secured = EmbeddedPostgresAuthentication.isSecured(pgData);
            String password = EmbeddedPostgresAuthentication.password(absoluteRoot, secured);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    // Spring closes this bean after the connection pool; a JVM hook could stop
                    // the server while requests are still draining.
                    .setRegisterShutdownHook(false)
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("listen_addresses", "localhost")
                    // Later -c options override zonky's -F: durability on, as in any server.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "100")
                    // PostgreSQL 18's default, stated so that a password set later by hand is
                    // stored as SCRAM too.
                    .setServerConfig("password_encryption", EmbeddedPostgresAuthentication.METHOD)
                    // zonky connects as postgres to decide that the server is up, and it must
                    // still get in once pg_hba.conf asks for the password. While pg_hba.conf
                    // still trusts, the password is simply not asked for.
                    .setConnectConfig("password", password)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            try {
                if (!secured) {
                    EmbeddedPostgresAuthentication.secure(postgres.getPostgresDatabase(), pgData, password);
                }
                createDatabaseIfMissing(postgres);
            } catch (IOException | RuntimeException e) {
                postgres.close();
                throw e;
            }
            return new EmbeddedPostgresServer(postgres, password, absoluteRoot, pgData, channel, lock, ephemeral);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgData, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    public String username() {
        return USER;
    }

    public String password() {
        return password;
    }

    /** Where the password is kept, for people who connect with psql. */
    public Path passwordFile() {
        return EmbeddedPostgresAuthentication.passwordFile(root);
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return pgData;
    }

    /** The data directory Lateral was given ({@code LATERAL_DATA_DIR}): the cluster and its password. */
    public Path root() {
        return root;
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            lock.release();
            lockChannel.close();
            if (ephemeral) {
                deleteRecursively(root);
            }
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet rs =
                    statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            // LATERAL is an SQL keyword, so the name is quoted here (and only here).
            statement.execute("CREATE DATABASE \"" + DATABASE + "\" ENCODING 'UTF8'");
            log.info("Created database '{}' in the embedded PostgreSQL", DATABASE);
        } catch (SQLException e) {
            throw new IOException("Could not create the database '" + DATABASE + "'", e);
        }
    }

    /**
     * A JVM killed with SIGKILL leaves its postmaster running. We hold the data directory's lock,
     * so no live Lateral owns it: a postmaster still listed in postmaster.pid is a leftover.
     */
    static void stopLeftoverPostmaster(Path pgData) throws IOException {
        Optional<ProcessHandle> leftover = leftoverPostmaster(pgData);
        if (leftover.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = leftover.get();
        log.warn(
                "A PostgreSQL (pid {}) left over from an earlier Lateral still owns {}; stopping it",
                postmaster.pid(),
                pgData);
        // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions and write a
        // checkpoint, so nothing committed is lost.
        run(List.of("kill", "-INT", Long.toString(postmaster.pid())));
        try {
            postmaster.onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException(
                    "The leftover PostgreSQL (pid " + postmaster.pid()
                            + ") did not stop within 60 s; stop it by hand, then start Lateral again",
                    e);
        }
        log.info("Stopped the leftover PostgreSQL (pid {})", postmaster.pid());
    }

    static Optional<ProcessHandle> leftoverPostmaster(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> isPostgres(p));
    }

    private static boolean isPostgres(ProcessHandle process) {
        // After a reboot the pid may belong to an unrelated process: never signal that one.
        Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            String command = Files.readString(cmdline, StandardCharsets.ISO_8859_1);
            return command.contains("postgres");
        } catch (IOException e) {
            return process.info().command().map(c -> c.contains("postgres")).orElse(false);
        }
    }

    private static void run(List<String> command) throws IOException {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().transferTo(OutputStream.nullOutputStream());
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running " + command, e);
        }
    }

    private static void closeQuietly(@Nullable FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Already failing; the original error is the one to report.
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
