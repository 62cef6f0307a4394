package org.lateral.base.database;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code java -jar lateral.jar backup FILE} and {@code restore FILE [--replace]}: handled in
 * {@code main} before Spring starts, so a backup needs neither the web server nor a free port
 * (DD024). The built-in database is found as Lateral finds it: {@code --data-dir}, else
 * {@code LATERAL_DATA_DIR}, else {@code ./data}.
 */
public final class BackupCommand {

    static final String USAGE = """
            Usage:
              java -jar lateral.jar backup FILE [--data-dir DIR]
              java -jar lateral.jar restore FILE [--replace] [--data-dir DIR]
            For the built-in database only; back up an external PostgreSQL with pg_dump -Fc (README, "Backups").""";

    private BackupCommand() {}

    /** True when the command line asks for a backup or a restore rather than the web app. */
    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
    }

    /** Runs the command; returns the process exit status (0 done, 1 failed or refused, 2 usage). */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String verb = args[0];
        @Nullable Path dataDir = null;
        boolean replace = false;
        List<String> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--replace") && verb.equals("restore")) {
                replace = true;
            } else if (arg.equals("--data-dir") && i + 1 < args.length) {
                dataDir = Path.of(args[++i]);
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = Path.of(arg.substring("--data-dir=".length()));
            } else if (arg.startsWith("--")) {
                err.println("Unknown option " + arg + ".");
                err.println(USAGE);
                return 2;
            } else {
                files.add(arg);
            }
        }
        if (files.size() != 1) {
            err.println(USAGE);
            return 2;
        }
        String external = env.get("SPRING_DATASOURCE_URL");
        if (external != null && !external.isBlank()) {
            err.println("Lateral is set to use an external PostgreSQL (SPRING_DATASOURCE_URL), and this command"
                    + " handles the built-in one only. Back the external one up with pg_dump -Fc and restore it with"
                    + " pg_restore, as the README's section \"Backups\" shows.");
            return 2;
        }
        if (dataDir == null) {
            String configured = env.get("LATERAL_DATA_DIR");
            dataDir = Path.of(configured == null || configured.isBlank() ? "./data" : configured);
        }
        Path file = Path.of(files.getFirst());
        try {
            if (verb.equals("backup")) {
                var result = DatabaseBackup.backup(dataDir, file, env);
                out.printf(
                        Locale.ROOT,
                        "Backed up the built-in database (%s) to %s: %,d bytes in %.1f s, with pg_dump %s.%n",
                        result.serverWasRunning() ? "running" : "started for the backup",
                        result.file(),
                        result.bytes(),
                        result.took().toMillis() / 1000.0,
                        result.tools().version());
            } else {
                var result = DatabaseBackup.restore(dataDir, file, replace, env);
                out.printf(
                        Locale.ROOT,
                        "Restored %s into the built-in database in %s: %d tables in %.1f s, with pg_restore %s."
                                + " Start Lateral as usual.%n",
                        result.file(),
                        dataDir.toAbsolutePath().normalize(),
                        result.tables(),
                        result.took().toMillis() / 1000.0,
                        result.tools().version());
            }
            return 0;
        } catch (DatabaseBackup.BackupException e) {
            err.println(e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("The " + verb + " failed: " + e.getMessage());
            return 1;
        }
    }
}
