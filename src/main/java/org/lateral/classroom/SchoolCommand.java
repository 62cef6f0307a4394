package org.lateral.classroom;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.lateral.base.UserFacingException;
import org.lateral.base.database.DataDirectoryInUseException;

/**
 * {@code java -jar lateral.jar school add NAME --admin USERNAME [DISPLAY NAME]} and {@code school
 * list}: the instance operator's way to add a school (DD025). Unlike {@code backup}, it needs the
 * schema and the application's own rules, so it starts Lateral without its web server (through
 * the {@link Starter} that {@code main} passes), runs {@link SchoolSetup} and stops again. Input
 * that is wrong on its face is refused before anything starts.
 */
public final class SchoolCommand {

    static final String USAGE = """
            Usage:
              java -jar lateral.jar school add "NAME OF THE SCHOOL" --admin USERNAME ["DISPLAY NAME"] [--data-dir DIR]
              java -jar lateral.jar school list [--data-dir DIR]
            The database is the one Lateral runs with: SPRING_DATASOURCE_URL (and its username and password)
            for an external PostgreSQL, else the built-in one in --data-dir, LATERAL_DATA_DIR or ./data.
            Stop Lateral first when it runs on the built-in database.""";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    /** Starts Lateral without a web server, with these settings on top of its usual ones. */
    @FunctionalInterface
    public interface Starter {
        Started start(Map<String, String> settings);
    }

    /** A started Lateral: its school service, and how to stop it again. */
    public record Started(SchoolSetup setup, Runnable stop) implements AutoCloseable {
        @Override
        public void close() {
            stop.run();
        }
    }

    private SchoolCommand() {}

    /** True when the command line asks for the school command rather than the web app. */
    public static boolean handles(String[] args) {
        return args.length > 0 && args[0].equals("school");
    }

    private record Parsed(
            String verb,
            @Nullable String schoolName,
            @Nullable String admin,
            @Nullable String adminName,
            @Nullable Path dataDir) {}

    /** Runs the command; returns the process exit status (0 done, 1 refused or failed, 2 wrong input). */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, Starter starter) {
        Parsed parsed;
        try {
            parsed = parse(args);
        } catch (UserFacingException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (parsed.verb().equals("add")) {
            Optional<UserFacingException> problem = SchoolSetup.problem(
                    requireNonNull(parsed.schoolName()), requireNonNull(parsed.admin()), parsed.adminName());
            if (problem.isPresent()) {
                err.println(problem.get().getMessage() + " Nothing was changed.");
                return 2;
            }
        }
        Map<String, String> settings = new LinkedHashMap<>();
        String external = env.get("SPRING_DATASOURCE_URL");
        if (external != null && !external.isBlank()) {
            if (parsed.dataDir() != null) {
                err.println("Lateral is set to use an external PostgreSQL (SPRING_DATASOURCE_URL), so --data-dir"
                        + " has no meaning here. Leave out one of the two.");
                return 2;
            }
        } else {
            Path dataDir = parsed.dataDir();
            if (dataDir == null) {
                String configured = env.get("LATERAL_DATA_DIR");
                dataDir = Path.of(configured == null || configured.isBlank() ? "./data" : configured);
            }
            Path root = dataDir.toAbsolutePath().normalize();
            // A mistyped directory must not become a new, empty database with one school in it.
            if (!Files.isRegularFile(root.resolve("postgresql").resolve("PG_VERSION"))) {
                err.println("There is no built-in database in " + root + ". Set LATERAL_DATA_DIR (or --data-dir) to"
                        + " the directory Lateral runs with, or start Lateral once to create it.");
                return 1;
            }
            settings.put("lateral.data-dir", root.toString());
        }
        try (Started lateral = starter.start(settings)) {
            return parsed.verb().equals("add") ? add(parsed, lateral.setup(), out, err) : list(lateral.setup(), out);
        } catch (RuntimeException e) {
            if (causedBy(e, DataDirectoryInUseException.class)) {
                err.println("Lateral is running on the built-in database in " + settings.get("lateral.data-dir")
                        + ". Stop it, run this command, then start it again. Nothing was changed.");
            } else {
                err.println("The school command failed: " + rootMessage(e) + ". Nothing was changed.");
            }
            return 1;
        }
    }

    private static int add(Parsed parsed, SchoolSetup setup, PrintStream out, PrintStream err) {
        SchoolSetup.NewSchool school;
        try {
            school = setup.addSchool(
                    requireNonNull(parsed.schoolName()), requireNonNull(parsed.admin()), parsed.adminName());
        } catch (UserFacingException e) {
            err.println(e.getMessage() + " Nothing was changed.");
            return 1;
        }
        OneTimeCredential admin = school.admin();
        out.println("Added the school \"" + school.name() + "\" (" + school.schoolId() + ").");
        out.println("Its first admin, " + admin.displayName() + " (ADMIN and TEACHER), signs in with:");
        out.println("  username:          " + admin.username());
        out.println("  one-time password: " + admin.password());
        out.println("This password is shown only now and must be changed at the first sign-in."
                + " Hand it to the admin in person or through a private channel.");
        return 0;
    }

    private static int list(SchoolSetup setup, PrintStream out) {
        List<SchoolSetup.SchoolCount> schools = setup.schools();
        out.printf(Locale.ROOT, "%-36s  %-10s  %8s  %7s  %s%n", "ID", "ADDED", "ACCOUNTS", "CLASSES", "NAME");
        for (SchoolSetup.SchoolCount school : schools) {
            out.printf(
                    Locale.ROOT,
                    "%-36s  %-10s  %8d  %7d  %s%n",
                    school.id(),
                    DAY.format(school.createdAt()),
                    school.accounts(),
                    school.classes(),
                    school.name());
        }
        out.println(schools.size() == 1 ? "1 school." : schools.size() + " schools.");
        return 0;
    }

    private static Parsed parse(String[] args) {
        if (args.length < 2 || !(args[1].equals("add") || args[1].equals("list"))) {
            throw UserFacingException.of("classroom.refusal.command.verb");
        }
        String verb = args[1];
        @Nullable String admin = null;
        @Nullable String adminName = null;
        @Nullable Path dataDir = null;
        List<String> names = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--admin") && verb.equals("add")) {
                if (admin != null || i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw UserFacingException.of("classroom.refusal.command.admin");
                }
                admin = args[++i];
                if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    adminName = args[++i];
                }
            } else if (arg.equals("--data-dir") && i + 1 < args.length) {
                dataDir = Path.of(args[++i]);
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = Path.of(arg.substring("--data-dir=".length()));
            } else if (arg.startsWith("--")) {
                throw UserFacingException.of("classroom.refusal.command.unknownOption", arg);
            } else {
                names.add(arg);
            }
        }
        if (verb.equals("list")) {
            if (!names.isEmpty()) {
                throw UserFacingException.of("classroom.refusal.command.listTakesNoName");
            }
            return new Parsed(verb, null, null, null, dataDir);
        }
        if (names.size() != 1) {
            throw UserFacingException.of("classroom.refusal.command.schoolName");
        }
        if (admin == null) {
            throw UserFacingException.of("classroom.refusal.command.noAdmin");
        }
        return new Parsed(verb, names.getFirst(), admin, adminName, dataDir);
    }

    private static <T> T requireNonNull(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("parsed above");
        }
        return value;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.strip();
    }
}
