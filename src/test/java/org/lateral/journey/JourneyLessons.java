package org.lateral.journey;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.lateral.SignedIn;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.NewAssignment;
import org.lateral.assignment.NewStep;
import org.lateral.base.Schools;
import org.lateral.classroom.Account;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.SchoolClass;
import org.lateral.library.LibraryEntry;
import org.lateral.library.LibraryService;
import org.lateral.security.Role;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * What a journey sets up before its browser opens: a class of the demo teacher's own with the
 * journey's own student in it, so the demo class's lessons stay as the demo seeds them and no
 * other journey meets this one's work; the demo library's articles; a lesson assigned to it.
 */
@Component
class JourneyLessons {

    /** The demo accounts' password, which the journeys' own students get too. */
    static final String PASSWORD = "lateral-demo";

    private final ClassroomAdministration classroom;
    private final AssignmentService assignments;
    private final LibraryService library;
    private final UserDetailsService users;

    JourneyLessons(
            ClassroomAdministration classroom,
            AssignmentService assignments,
            LibraryService library,
            UserDetailsService users) {
        this.classroom = classroom;
        this.assignments = assignments;
        this.library = library;
        this.users = users;
    }

    /**
     * A new class of the demo teacher's, its name {@code label} and a random suffix, with the
     * student {@code username} (made if missing, password {@link #PASSWORD}) in it.
     */
    SchoolClass classWith(String label, String username, String displayName) {
        Account teacher = classroom.ensureDemoAccount(
                Schools.DEFAULT_SCHOOL_ID, "teacher", "Demo Teacher", EnumSet.of(Role.TEACHER));
        SchoolClass schoolClass = classroom.ensureClass(
                teacher, label + " " + UUID.randomUUID().toString().substring(0, 6), "", null, ZoneId.of("UTC"));
        classroom.ensureEnrolled(
                schoolClass,
                classroom.ensureAccount(
                        Schools.DEFAULT_SCHOOL_ID, username, displayName, Set.of(Role.STUDENT), PASSWORD));
        return schoolClass;
    }

    /** The demo library's article from this outlet, as the demo teacher sees it. */
    LibraryEntry article(String outlet) {
        try (var s = SignedIn.as(users, "teacher")) {
            return library.articles("").stream()
                    .filter(e -> e.outletName().equals(outlet))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No article from " + outlet + " in the demo library"));
        }
    }

    /**
     * A lesson of these steps on {@code article}, due in a week, late work accepted, feedback after
     * submitting; with {@code revision}, one revision allowed.
     */
    UUID assign(SchoolClass schoolClass, LibraryEntry article, boolean revision, List<NewStep> steps) {
        try (var s = SignedIn.as(users, "teacher")) {
            return assignments
                    .assignMarkClaims(
                            schoolClass.id(),
                            new NewAssignment(
                                    article.articleId(),
                                    null,
                                    LocalDate.now().plusDays(7),
                                    true,
                                    FeedbackPolicy.AFTER_SUBMIT,
                                    revision,
                                    null,
                                    false,
                                    steps))
                    .id();
        }
    }
}
