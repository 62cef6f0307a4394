package org.lateral;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.AssignmentSummary;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.NewAssignment;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.library.LibraryImport;
import org.lateral.library.LibraryService;
import org.lateral.library.TestPacks;
import org.lateral.library.pack.PackFiles;
import org.lateral.library.pack.SeedPackReader;
import org.lateral.security.Role;
import org.springframework.stereotype.Component;

/**
 * The worlds tests build, through the application's own services (never raw SQL): a school, its
 * own copy of the seed pack, a teacher. Test classes autowire it.
 */
@Component
public class Fixtures {

    public static final String PASSWORD = "a long enough password";

    private final ClassroomAdministration administration;
    private final LibraryImport libraryImport;

    private final AssignmentService assignments;
    private final LibraryService library;

    Fixtures(
            ClassroomAdministration administration,
            LibraryImport libraryImport,
            AssignmentService assignments,
            LibraryService library) {
        this.administration = administration;
        this.libraryImport = libraryImport;
        this.assignments = assignments;
        this.library = library;
    }

    /** A new school with no library. */
    public UUID school(String name) {
        UUID id = UUID.randomUUID();
        administration.ensureSchool(id, name);
        return id;
    }

    /** A new school with its own copy of the seed pack (fresh ids, so it can be loaded again). */
    public UUID schoolWithOwnPack(String name, Path workDirectory) throws IOException {
        UUID school = school(name);
        importPack(school, TestPacks.defectorsWithFreshIds(workDirectory.resolve("defectors")));
        return school;
    }

    /** Loads a pack directory (perhaps changed by the test) into a school's library. */
    public void importPack(UUID school, Path pack) {
        libraryImport.importPack(SeedPackReader.read(PackFiles.directory(pack)), school);
    }

    /** A school admin (who does not teach) with a fresh username; returns the username. */
    public String admin(UUID school, String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        administration.ensureAccount(school, username, "Admin " + prefix, Set.of(Role.ADMIN), PASSWORD);
        return username;
    }

    /** A teacher of the school with a fresh username; returns the username. */
    public String teacher(UUID school, String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        administration.ensureAccount(school, username, "Teacher " + prefix, Set.of(Role.TEACHER), PASSWORD);
        return username;
    }

    /**
     * A mark-claims lesson on the school library's Frisky article, due in {@code days} days, late
     * work accepted, feedback right after submitting; call it signed in as the class's teacher.
     */
    public AssignmentSummary frisky(UUID classId, int days, boolean revisionAllowed) {
        UUID frisky = library.articles("frisky").getFirst().articleId();
        return assignments.assignMarkClaims(
                classId,
                new NewAssignment(
                        frisky,
                        null,
                        LocalDate.now().plusDays(days),
                        true,
                        FeedbackPolicy.AFTER_SUBMIT,
                        revisionAllowed,
                        null,
                        false));
    }
}
