package org.lateral.base.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Backs up and restores the built-in PostgreSQL with PostgreSQL's own {@code pg_dump -Fc} and
 * {@code pg_restore} (DD024): a home-made dump would be one more format to trust with students'
 * work, and an archive made here restores into any PostgreSQL 15+ with the standard tools.
 *
 * <p>A backup runs while Lateral is running (pg_dump reads one consistent snapshot), through the
 * port in {@code postmaster.pid}; otherwise it starts the built-in server for the time of the
 * dump. A restore needs Lateral stopped: it restores into a fresh database beside the current
 * one, and only after pg_restore succeeded swaps it in, so a bad archive changes nothing.
 */
public final class DatabaseBackup {

    /** The database pg_restore fills before it replaces {@value EmbeddedPostgresServer#DATABASE}. */
    static final String RESTORING = "lateral_restoring";

    /** Where {@code .ci/provision-pg-tools.sh} installs its tools by default. */
    static final Path PROVISIONED = Path.of(System.getProperty("user.home"), ".cache", "lateral", "pg-tools-18", "bin");

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)(\\.\\d+)?");

    private DatabaseBackup() {}

    /** A refusal or failure, in a sentence for the person at the command line. */
    public static final class BackupException extends RuntimeException {
        BackupException(String message) {
            super(message);
        }

        BackupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** pg_dump and pg_restore from one directory, and their version. */
    public record Tools(Path pgDump, Path pgRestore, String version, int major) {}

    public record BackupResult(Path file, long bytes, Duration took, Tools tools, boolean serverWasRunning) {}

    public record RestoreResult(Path file, int tables, Duration took, Tools tools) {}

    /** Dumps the built-in database under {@code root} to {@code file} (replaced only when complete). */
    public static BackupResult backup(Path root, Path file, Map<String, String> env) {
        long started = System.nanoTime();
        Path absoluteRoot = root.toAbsolutePath().normalize();
        Path pgData = absoluteRoot.resolve("postgresql");
        if (!Files.isRegularFile(pgData.resolve("PG_VERSION"))) {
            throw new BackupException("There is no built-in database in " + absoluteRoot
                    + ". Set LATERAL_DATA_DIR (or --data-dir) to the directory Lateral runs with.");
        }
        Path target = file.toAbsolutePath().normalize();
        try {
            Optional<ProcessHandle> running = EmbeddedPostgresServer.leftoverPostmaster(pgData);
            if (running.isPresent()) {
                int port = runningPort(pgData);
                String password = EmbeddedPostgresAuthentication.password(absoluteRoot, true);
                Tools tools = dump(port, password, target, env);
                return new BackupResult(target, Files.size(target), since(started), tools, true);
            }
            try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(absoluteRoot, false)) {
                Tools tools = dump(server.port(), server.password(), target, env);
                return new BackupResult(target, Files.size(target), since(started), tools, false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Restores {@code file} into the built-in database under {@code root}, creating the cluster if
     * there is none. Refuses a database that holds tables unless {@code replace}.
     */
    public static RestoreResult restore(Path root, Path file, boolean replace, Map<String, String> env) {
        long started = System.nanoTime();
        Path archive = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(archive)) {
            throw new BackupException("There is no backup file at " + archive + ".");
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(root, false)) {
            Tools tools = findTools(env, serverMajor(server.port(), server.password()));
            Map<String, String> pgEnv = Map.of("PGPASSWORD", server.password());
            // Read the archive's table of contents first: a file that is not a pg_dump archive is
            // refused before anything in the database is touched.
            run(
                    List.of(tools.pgRestore().toString(), "--list", archive.toString()),
                    pgEnv,
                    output -> new BackupException(archive
                            + " is not a complete backup made by `backup` or `pg_dump -Fc`; nothing was changed. pg_restore said: "
                            + output));
            try (Connection admin = connect(server.port(), "postgres", server.password());
                    Statement statement = admin.createStatement()) {
                int existing = tableCount(server.port(), EmbeddedPostgresServer.DATABASE, server.password());
                if (existing > 0 && !replace) {
                    throw new BackupException("The built-in database in " + server.root() + " already holds data ("
                            + existing + " tables). Restoring would replace all of it: add --replace to do so.");
                }
                statement.execute("DROP DATABASE IF EXISTS " + RESTORING + " WITH (FORCE)");
                statement.execute("CREATE DATABASE " + RESTORING + " ENCODING 'UTF8' TEMPLATE template0");
                try {
                    run(
                            List.of(
                                    tools.pgRestore().toString(),
                                    "--host=localhost",
                                    "--port=" + server.port(),
                                    "--username=" + EmbeddedPostgresServer.USER,
                                    "--dbname=" + RESTORING,
                                    // The archive may come from an external server with its own
                                    // roles; here the built-in superuser owns everything.
                                    "--no-owner",
                                    "--no-privileges",
                                    "--exit-on-error",
                                    archive.toString()),
                            pgEnv,
                            output -> new BackupException("pg_restore could not restore " + archive
                                    + "; nothing was changed. pg_restore said: " + output));
                } catch (BackupException e) {
                    statement.execute("DROP DATABASE IF EXISTS " + RESTORING + " WITH (FORCE)");
                    throw e;
                }
                // LATERAL is an SQL keyword, hence the quotes.
                statement.execute("DROP DATABASE IF EXISTS \"" + EmbeddedPostgresServer.DATABASE + "\" WITH (FORCE)");
                statement.execute(
                        "ALTER DATABASE " + RESTORING + " RENAME TO \"" + EmbeddedPostgresServer.DATABASE + "\"");
            }
            int tables = tableCount(server.port(), EmbeddedPostgresServer.DATABASE, server.password());
            return new RestoreResult(archive, tables, since(started), tools);
        } catch (DataDirectoryInUseException e) {
            throw new BackupException("Lateral is running on "
                    + root.toAbsolutePath().normalize() + ". Stop it first: a restore replaces the database under it.");
        } catch (SQLException e) {
            throw new BackupException("The built-in database refused the restore: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Tools dump(int port, String password, Path target, Map<String, String> env) throws IOException {
        Tools tools = findTools(env, serverMajor(port, password));
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        // Owner-only before pg_dump writes a byte: the archive holds minors' work and names.
        Files.createFile(partial);
        Files.setPosixFilePermissions(partial, EmbeddedPostgresAuthentication.OWNER_ONLY);
        try {
            run(
                    List.of(
                            tools.pgDump().toString(),
                            "--format=custom",
                            "--host=localhost",
                            "--port=" + port,
                            "--username=" + EmbeddedPostgresServer.USER,
                            "--dbname=" + EmbeddedPostgresServer.DATABASE,
                            "--file=" + partial),
                    Map.of("PGPASSWORD", password),
                    output -> new BackupException("pg_dump failed; no backup was written. pg_dump said: " + output));
            // Only a complete archive takes the name: a failed nightly run never leaves a
            // truncated file that looks like a backup.
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return tools;
    }

    /**
     * The first pg_dump/pg_restore pair not older than the server: the configured directory
     * ({@code -Dlateral.backup.pg-bin} or {@code LATERAL_BACKUP_PG_BIN}) alone if set; else the
     * provisioned tools, Debian's PostgreSQL directories, and {@code PATH}.
     */
    static Tools findTools(Map<String, String> env, int serverMajor) {
        String configured = Optional.ofNullable(System.getProperty("lateral.backup.pg-bin"))
                .orElse(env.get("LATERAL_BACKUP_PG_BIN"));
        Set<Path> candidates = new LinkedHashSet<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        } else {
            candidates.add(PROVISIONED);
            candidates.addAll(debianDirectories());
            String path = env.getOrDefault("PATH", "");
            for (String entry : path.split(":")) {
                if (!entry.isBlank()) {
                    candidates.add(Path.of(entry));
                }
            }
        }
        List<String> tooOld = new ArrayList<>();
        for (Path directory : candidates) {
            Path pgDump = directory.resolve("pg_dump");
            Path pgRestore = directory.resolve("pg_restore");
            if (!Files.isExecutable(pgDump) || !Files.isExecutable(pgRestore)) {
                continue;
            }
            Optional<String> version = version(pgDump);
            if (version.isEmpty()) {
                continue;
            }
            int major = major(version.get());
            if (major >= serverMajor
                    && version(pgRestore).map(DatabaseBackup::major).orElse(0) >= serverMajor) {
                return new Tools(pgDump, pgRestore, version.get(), major);
            }
            tooOld.add(version.get() + " in " + directory);
        }
        throw new BackupException("No pg_dump and pg_restore of PostgreSQL " + serverMajor
                + " or newer were found" + (tooOld.isEmpty() ? "" : " (only " + String.join(", ", tooOld) + ")")
                + ". Run .ci/provision-pg-tools.sh from Lateral's source, or install PostgreSQL " + serverMajor
                + "'s client tools, and point LATERAL_BACKUP_PG_BIN at their directory.");
    }

    private static List<Path> debianDirectories() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.sorted(Comparator.reverseOrder())
                    .map(v -> v.resolve("bin"))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Optional<String> version(Path tool) {
        try {
            Process process = new ProcessBuilder(tool.toString(), "--version")
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                return Optional.empty();
            }
            Matcher matcher = VERSION.matcher(output);
            return matcher.find() ? Optional.of(matcher.group(0).replace("(PostgreSQL) ", "")) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static int major(String version) {
        return Integer.parseInt(version.split("\\.")[0]);
    }

    private interface Failure {
        BackupException because(String output);
    }

    private static void run(List<String> command, Map<String, String> extraEnv, Failure failure) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // The password goes through the environment, never the command line that `ps` shows.
        builder.environment().putAll(extraEnv);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status;
        try {
            status = process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running " + command.getFirst(), e);
        }
        if (status != 0) {
            throw failure.because(output.strip());
        }
    }

    /** The port of a running postmaster: the fourth line of postmaster.pid. */
    static int runningPort(Path pgData) throws IOException {
        List<String> lines = Files.readAllLines(pgData.resolve("postmaster.pid"), StandardCharsets.UTF_8);
        if (lines.size() < 4) {
            throw new BackupException("The built-in database in " + pgData + " is still starting; try again.");
        }
        return Integer.parseInt(lines.get(3).trim());
    }

    private static int serverMajor(int port, String password) {
        try (Connection connection = connect(port, "postgres", password);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SHOW server_version_num")) {
            rs.next();
            return Integer.parseInt(rs.getString(1)) / 10000;
        } catch (SQLException e) {
            throw new BackupException("Could not connect to the built-in database: " + e.getMessage(), e);
        }
    }

    private static int tableCount(int port, String database, String password) throws SQLException {
        try (Connection connection = connect(port, database, password);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_tables"
                        + " WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static Connection connect(int port, String database, String password) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port + "/" + database, EmbeddedPostgresServer.USER, password);
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
