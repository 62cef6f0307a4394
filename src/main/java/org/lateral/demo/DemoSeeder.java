package org.lateral.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.lateral.assignment.AssignmentAdministration;
import org.lateral.assignment.DueDates;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.NewStep;
import org.lateral.base.LateralMode;
import org.lateral.base.Schools;
import org.lateral.classroom.Account;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.SchoolClass;
import org.lateral.library.LibraryPins;
import org.lateral.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode's data (DD000, "Run"): teacher {@code teacher}, school admin {@code admin}, students
 * {@code student1} … {@code student24}, all with password {@code lateral-demo}, in one demo class
 * whose time zone is the server's, and a mark-claims assignment for each article of the seed pack:
 * the first (The Frisky) open from the first seeding and due seven days later, the others opening
 * a week apart; feedback right after submission, revision allowed; and a two-step lesson on the
 * Isegoria excerpt (mark the claims, then "Who says so?"), open at once (DD013). Seeding goes through the
 * services and is idempotent: a restart finds everything in place and changes nothing, and the
 * dates stay tied to the first seeding (the demo class's creation).
 */
@Component
@Order(100)
class DemoSeeder implements ApplicationRunner {

    static final String PASSWORD = ClassroomAdministration.DEMO_PASSWORD;

    /** The Isegoria excerpt's place in the pack's story set (seeds/defectors/pack.yaml). */
    static final int ISEGORIA = 2;

    static final String LESSON_TITLE = "Who says so? A former ISIS spy, in two steps";
    static final String COMPARE_TITLE = "Compare the outlets: ISIS defectors, five ways";
    static final String CLASS_NAME = "Demo class";
    static final int STUDENTS = 24;

    /** The most students {@code lateral.demo.students} may ask for (the load harness's ceiling). */
    static final int MOST_STUDENTS = 5_000;

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    static final String PACK = "defectors";

    private final LateralMode mode;
    private final ClassroomAdministration classroom;
    private final AssignmentAdministration assignments;
    private final LibraryPins library;
    private final int students;

    /**
     * {@code lateral.demo.students} ({@code LATERAL_DEMO_STUDENTS}) raises the number of demo
     * students for the load harness (DD027); fewer than the usual 24 are never seeded, so the
     * README's accounts always exist.
     */
    DemoSeeder(
            LateralMode mode,
            ClassroomAdministration classroom,
            AssignmentAdministration assignments,
            LibraryPins library,
            @Value("${lateral.demo.students:" + STUDENTS + "}") int students) {
        this.mode = mode;
        this.classroom = classroom;
        this.assignments = assignments;
        this.library = library;
        this.students = Math.clamp(students, STUDENTS, MOST_STUDENTS);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (mode.demo()) {
            seed();
        }
    }

    void seed() {
        long started = System.nanoTime();
        Account teacher = classroom.ensureDemoAccount(
                Schools.DEFAULT_SCHOOL_ID, "teacher", "Demo Teacher", EnumSet.of(Role.TEACHER));
        SchoolClass demoClass =
                classroom.ensureClass(teacher, CLASS_NAME, "Media literacy", null, ZoneId.systemDefault());
        for (int i = 1; i <= students; i++) {
            Account student = classroom.ensureDemoAccount(
                    Schools.DEFAULT_SCHOOL_ID, "student" + i, "Student " + i, Set.of(Role.STUDENT));
            classroom.ensureEnrolled(demoClass, student);
        }
        seedAssignments(teacher, demoClass);
        // The school admin sees the school view (DD016); a separate account, so the demo
        // teacher stays an ordinary teacher (an admin may do more, e.g. rename shared students).
        classroom.ensureDemoAccount(Schools.DEFAULT_SCHOOL_ID, "admin", "Demo School Admin", EnumSet.of(Role.ADMIN));
        log.info(
                "Demo mode: accounts teacher, admin and student1…student{} (password '{}') ready in {} ms",
                students,
                PASSWORD,
                (System.nanoTime() - started) / 1_000_000);
    }

    private void seedAssignments(Account teacher, SchoolClass demoClass) {
        List<UUID> articles = library.storySetOfPack(demoClass.schoolId(), PACK)
                .map(set -> library.articlesOfStorySet(demoClass.schoolId(), set))
                .orElse(List.of());
        if (articles.isEmpty()) {
            log.warn(
                    "Demo mode: the '{}' exercise pack is not in the library, so no demo assignments were created",
                    PACK);
            return;
        }
        Instant firstSeeding = demoClass.createdAt();
        for (int i = 0; i < articles.size(); i++) {
            Instant opens = firstSeeding.plus(Duration.ofDays(7L * i));
            Instant due = DueDates.endOfDay(
                    DueDates.dayOf(opens.plus(Duration.ofDays(7)), demoClass.timeZone()), demoClass.timeZone());
            assignments.ensureMarkClaims(
                    demoClass.schoolId(),
                    demoClass.id(),
                    teacher.id(),
                    articles.get(i),
                    opens,
                    due,
                    FeedbackPolicy.AFTER_SUBMIT,
                    true);
        }
        if (articles.size() > ISEGORIA) {
            assignments.ensureLesson(
                    demoClass.schoolId(),
                    demoClass.id(),
                    teacher.id(),
                    articles.get(ISEGORIA),
                    firstSeeding,
                    DueDates.endOfDay(
                            DueDates.dayOf(firstSeeding.plus(Duration.ofDays(7)), demoClass.timeZone()),
                            demoClass.timeZone()),
                    FeedbackPolicy.AFTER_SUBMIT,
                    true,
                    List.of(NewStep.of(NewStep.MARK_CLAIMS), NewStep.of(NewStep.IDENTIFY_SOURCES)),
                    LESSON_TITLE);
        }
        if (articles.size() >= NewStep.FEWEST_COMPARED) {
            // The whole story set side by side: the product's third exercise (DD015).
            List<UUID> columns = articles.subList(0, Math.min(articles.size(), NewStep.MOST_COMPARED));
            assignments.ensureLesson(
                    demoClass.schoolId(),
                    demoClass.id(),
                    teacher.id(),
                    columns.getFirst(),
                    firstSeeding,
                    DueDates.endOfDay(
                            DueDates.dayOf(firstSeeding.plus(Duration.ofDays(14)), demoClass.timeZone()),
                            demoClass.timeZone()),
                    FeedbackPolicy.AFTER_SUBMIT,
                    true,
                    List.of(NewStep.compare(columns, java.math.BigDecimal.ONE, false)),
                    COMPARE_TITLE);
        }
    }
}
