package org.lateral.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.AssignmentSummary;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.MyAssignment;
import org.lateral.assignment.NewAssignment;
import org.lateral.base.Schools;
import org.lateral.base.highlighter.LinkState;
import org.lateral.base.highlighter.MarkState;
import org.lateral.base.highlighter.MentionState;
import org.lateral.base.highlighter.SourceState;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.library.ArticleReading;
import org.lateral.library.ClaimType;
import org.lateral.library.LibraryImport;
import org.lateral.library.LibraryService;
import org.lateral.submission.KeyAmendments;
import org.lateral.submission.MarkingSession;
import org.lateral.submission.ResultsService;
import org.lateral.submission.SubmissionService;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Service;

/**
 * The probe matrix, generated (DD009): every public method of every service that takes a resource
 * id is found by reflection and called, with arguments valid in every other respect, by every
 * kind of person who must not reach that resource: a teacher and a student of another class of
 * the same school, a teacher and a student of another school, a classmate (for a student's own
 * work), the class's student (for teachers' methods) and the class's teacher (for students'
 * methods). A probe counts as refused only when the method's declared access rule refused it (an
 * {@link AuthorizationDeniedEvent} was published during the call) and the caller got "denied"
 * or "not found"; anything else is a leak. As a positive control, the resource's own teacher or
 * student makes the same call and must not be refused, which shows the arguments were valid.
 */
@LateralServerTest
class AuthorizationProbesIT {

    @Autowired
    org.lateral.Fixtures fixtures;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    ClassroomService classroom;

    @Autowired
    AssignmentService assignments;

    @Autowired
    SubmissionService submissions;

    @Autowired
    ResultsService results;

    @Autowired
    KeyAmendments keys;

    @Autowired
    LibraryService library;

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    LibraryImport libraryImport;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path temp;

    /** Who calls, and which resources are theirs. */
    record Person(String username, String role) {}

    /** The resources every probe aims at: a class of one teacher with two students and work. */
    record Target(
            UUID classId,
            UUID studentId,
            UUID assignmentId,
            UUID attemptId,
            UUID amendmentId,
            UUID keyVersionId,
            String claimId,
            UUID articleId,
            UUID outletId,
            String text) {}

    private static final String SHIPPED_STORY_SET = "31b819c6-7973-51b6-8415-d5fadb85c748";

    private final List<AuthorizationDeniedEvent<?>> denials = new CopyOnWriteArrayList<>();

    @Test
    void nobody_reaches_a_class_assignment_attempt_or_library_item_that_is_not_theirs() throws Exception {
        context.addApplicationListener((ApplicationListener<ApplicationEvent>) event -> {
            if (event instanceof AuthorizationDeniedEvent<?> denied) {
                denials.add(denied);
            }
        });
        String run = UUID.randomUUID().toString().substring(0, 6);

        Person owner = teacherWithClass(Schools.DEFAULT_SCHOOL_ID, "owner-" + run);
        ClassDetail ownerClass = classOf(owner);
        List<OneTimeCredential> pupils;
        try (var s = SignedIn.as(users, owner.username())) {
            pupils = classroom.createStudents(ownerClass.id(), "Probe Pupil\nProbe Classmate");
        }
        Person student = new Person(pupils.get(0).username(), "student");
        Person classmate = new Person(pupils.get(1).username(), "student");
        Target target = target(owner, ownerClass, student);

        Person otherTeacher = teacherWithClass(Schools.DEFAULT_SCHOOL_ID, "other-" + run);
        Person otherStudent = studentOf(otherTeacher);
        UUID secondSchool = secondSchool();
        Person farTeacher = teacherWithClass(secondSchool, "far-" + run);
        Person farStudent = studentOf(farTeacher);
        List<Person> everyone = List.of(owner, student, classmate, otherTeacher, otherStudent, farTeacher, farStudent);

        Person schoolAdmin = new Person(fixtures.admin(Schools.DEFAULT_SCHOOL_ID, "probe-admin"), "admin");

        List<Method> guarded = guardedServiceMethods();
        assertThat(guarded).as("service methods that take a resource id").hasSizeGreaterThan(35);
        Map<String, Integer> probesPerMethod = new LinkedHashMap<>();
        List<String> leaks = new ArrayList<>();
        AtomicInteger probes = new AtomicInteger();
        for (Method method : guarded) {
            Set<String> allowed = allowed(method, owner, student, classmate, otherTeacher);
            for (Person caller : everyone) {
                if (allowed.contains(caller.username())) {
                    continue;
                }
                probes.incrementAndGet();
                probesPerMethod.merge(name(method), 1, Integer::sum);
                String outcome = call(caller, method, target);
                if (outcome != null) {
                    leaks.add(caller.username() + " → " + name(method) + ": " + outcome);
                }
            }
        }

        // Positive control: the same calls by the resource's own people are not refused by a rule.
        // Students first, destructive teacher actions last, so one control does not void another.
        List<String> wronglyRefused = new ArrayList<>();
        for (Method method : guarded.stream()
                .sorted(Comparator.comparingInt(AuthorizationProbesIT::controlOrder))
                .toList()) {
            Person legitimate = rule(method).equals("ForAdmins")
                    ? schoolAdmin
                    : allowed(method, owner, student, classmate, otherTeacher).contains(student.username())
                            ? student
                            : owner;
            denials.clear();
            call(legitimate, method, target);
            if (!denials.isEmpty()) {
                wronglyRefused.add(legitimate.username() + " → " + name(method));
            }
        }

        System.out.printf(
                "Authorization probes: %d methods, probes %d, leaks %d%n", guarded.size(), probes.get(), leaks.size());
        assertThat(leaks).as("calls that a declared access rule did not refuse").isEmpty();
        assertThat(probesPerMethod.keySet())
                .as("every guarded method was probed")
                .containsExactlyInAnyOrderElementsOf(
                        guarded.stream().map(AuthorizationProbesIT::name).toList());
        assertThat(wronglyRefused).as("the owners' own calls (valid arguments)").isEmpty();
        assertThat(probes.get()).isGreaterThan(200);
    }

    @Test
    void lists_of_classes_and_assignments_hold_only_the_callers_own() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        Person a = teacherWithClass(Schools.DEFAULT_SCHOOL_ID, "list-a-" + run);
        Person b = teacherWithClass(Schools.DEFAULT_SCHOOL_ID, "list-b-" + run);
        Person pupil = studentOf(a);
        studentOf(b);
        try (var s = SignedIn.as(users, a.username())) {
            assertThat(classroom.myClassesAsTeacher())
                    .extracting(c -> c.name())
                    .containsExactly("Class of " + a.username());
        }
        try (var s = SignedIn.as(users, pupil.username())) {
            List<MyAssignment> mine = assignments.myAssignments();
            assertThat(mine).hasSize(1);
            assertThat(classroom.myClassesAsStudent()).hasSize(1);
        }
    }

    /**
     * Calls the method as {@code caller}; null when a declared rule refused it, otherwise what
     * happened instead (a leak, unless the caller is entitled).
     */
    private @Nullable String call(Person caller, Method method, Target target) {
        Object bean = context.getBean(method.getDeclaringClass());
        Object[] args = arguments(method, target);
        denials.clear();
        Object returned;
        try (var s = SignedIn.as(users, caller.username())) {
            returned = method.invoke(bean, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            boolean refusedByRule = !denials.isEmpty()
                    && (cause instanceof AccessDeniedException || cause instanceof NotYoursException);
            return refusedByRule ? null : "failed otherwise: " + cause;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        if (!denials.isEmpty() && returned instanceof Optional<?> optional && optional.isEmpty()) {
            return null;
        }
        return "went through and returned "
                + (returned == null ? "nothing" : returned.getClass().getSimpleName());
    }

    /** Public methods of services (not trusted ones) that take at least one resource id. */
    private List<Method> guardedServiceMethods() {
        List<Method> methods = new ArrayList<>();
        for (Object bean : context.getBeansWithAnnotation(Service.class).values()) {
            Class<?> type = AopUtils.getTargetClass(bean);
            if (type.isAnnotationPresent(Trusted.class)) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers())
                        && !Modifier.isStatic(m.getModifiers())
                        && Arrays.stream(m.getParameterTypes()).anyMatch(UUID.class::equals)) {
                    methods.add(m);
                }
            }
        }
        methods.sort(Comparator.comparing(AuthorizationProbesIT::name));
        return methods;
    }

    /** Who may call: from the method's resource rule. */
    private static Set<String> allowed(
            Method method, Person owner, Person student, Person classmate, Person colleague) {
        return switch (rule(method)) {
            case "StudentOwnsAttempt" -> Set.of(student.username());
            case "StudentOfAssignment" -> Set.of(student.username(), classmate.username());
            // The library belongs to the school: every teacher of it reads it.
            case "ArticleOfMySchool", "OutletOfMySchool", "StorySetOfMySchool" ->
                Set.of(owner.username(), colleague.username());
            // Role-only rules (DD026): the service scopes every query to the admin's own school,
            // and none of the probed people is an admin, so every one of them must be refused.
            case "ForAdmins" -> Set.of();
            default -> Set.of(owner.username());
        };
    }

    /** The simple name of the method's access annotation that carries a {@link ResourceRule}. */
    private static String rule(Method method) {
        return Arrays.stream(method.getAnnotations())
                .map(Annotation::annotationType)
                .filter(t -> AnnotatedElementUtils.hasAnnotation(t, ResourceRule.class))
                .map(Class::getSimpleName)
                .findFirst()
                .orElseThrow(() -> new AssertionError(name(method) + " takes a resource id but has no resource rule"));
    }

    /** Arguments by parameter name and type: the target's resources and otherwise valid values. */
    private static Object[] arguments(Method method, Target t) {
        Parameter[] parameters = method.getParameters();
        Object[] args = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            Parameter p = parameters[i];
            Class<?> type = p.getType();
            args[i] = switch (p.getName()) {
                case "classId" -> t.classId();
                case "studentId" -> t.studentId();
                case "assignmentId" -> t.assignmentId();
                case "attemptId" -> t.attemptId();
                case "amendmentId" -> t.amendmentId();
                case "expectedPinned", "currentVersionId", "keyVersionId", "newVersionId" -> t.keyVersionId();
                case "articleId" -> t.articleId();
                case "outletId" -> t.outletId();
                // The shipped pack's story set, in the default school (the owner's).
                case "storySetId" -> UUID.fromString(SHIPPED_STORY_SET);
                case "claimId" -> t.claimId();
                // The school admin's page (DD026): the student of the target class, moved within it.
                case "accountId" -> t.studentId();
                case "fromClassId", "toClassId" -> t.classId();
                case "inviteId" -> UUID.nameUUIDFromBytes("probe invitation".getBytes(StandardCharsets.UTF_8));
                case "start" -> t.text().indexOf("Reportedly");
                case "end" -> t.text().indexOf("Reportedly") + "Reportedly Defects".length();
                default -> valueOf(type, p.getName(), t);
            };
        }
        return args;
    }

    private static Object valueOf(Class<?> type, String name, Target t) {
        if (type == String.class) {
            return name.equals("pastedNames") ? "Probe Newcomer" : "Written by the probe";
        }
        if (type == boolean.class) {
            return true;
        }
        if (type == Double.class || type == double.class) {
            return 50.0;
        }
        if (type == LocalDate.class) {
            return LocalDate.now().plusDays(20);
        }
        if (type == ClaimType.class) {
            return ClaimType.FACTUAL;
        }
        if (type == NewAssignment.class) {
            return new NewAssignment(
                    t.articleId(),
                    null,
                    LocalDate.now().plusDays(5),
                    true,
                    FeedbackPolicy.AFTER_SUBMIT,
                    true,
                    null,
                    false);
        }
        if (type == MarkState.class) {
            int at = t.text().indexOf("Reportedly");
            return new MarkState(UUID.randomUUID(), 1, at, at + 10, "Reportedly", "", "", "hedged", false);
        }
        if (type == SourceState.class) {
            return new SourceState(UUID.randomUUID(), 1, "Probe source", "document", "first-hand", null, false);
        }
        if (type == MentionState.class) {
            int at = t.text().indexOf("Reportedly");
            return new MentionState(UUID.randomUUID(), 1, UUID.randomUUID(), at, at + 10, "Reportedly", "", "", false);
        }
        if (type == LinkState.class) {
            return new LinkState(UUID.randomUUID(), 1, t.claimId(), null, false);
        }
        if (type == org.lateral.library.keys.KeyDraft.class) {
            // The key editor's draft (DD021): empty, which every key may be.
            return org.lateral.library.keys.KeyDraft.EMPTY;
        }
        if (type == org.lateral.library.keys.ComparisonDraft.class) {
            // The comparison key editor's draft (DD021): empty, which every comparison key may be.
            return org.lateral.library.keys.ComparisonDraft.EMPTY;
        }
        if (type == org.lateral.library.SourceKind.class) {
            return org.lateral.library.SourceKind.NAMED_PERSON;
        }
        if (type == Integer.class) {
            // A lesson step's position: the first step, which every lesson has.
            return 0;
        }
        // The compare step's items (DD015): refused by the step check for this lesson of claims, so
        // only the access rule is probed; the owner's call gets a sentence, not a denial.
        if (type == org.lateral.submission.CompareItems.GridState.class) {
            return new org.lateral.submission.CompareItems.GridState(
                    t.articleId().toString(), 1, "neutral", 1, 0, "original", List.of(), null, null);
        }
        if (type == org.lateral.submission.CompareItems.SpanState.class) {
            int at = t.text().indexOf("Reportedly");
            return new org.lateral.submission.CompareItems.SpanState(
                    UUID.randomUUID().toString(),
                    1,
                    t.articleId().toString(),
                    "hedge",
                    at,
                    at + 10,
                    "Reportedly",
                    "",
                    "",
                    false);
        }
        if (type == org.lateral.submission.CompareItems.CellState.class) {
            return new org.lateral.submission.CompareItems.CellState(
                    "k01", t.articleId().toString(), 1, "fact", null, null, null, null, null);
        }
        if (type == org.lateral.submission.CompareItems.NoteState.class) {
            return new org.lateral.submission.CompareItems.NoteState(
                    t.outletId().toString(), 1, "https://example.org/", "Written by the probe");
        }
        if (type == org.lateral.submission.CompareItems.JudgementState.class) {
            return new org.lateral.submission.CompareItems.JudgementState(1, "Written by the probe");
        }
        if (type == List.class && name.equals("levels")) {
            // A judgement rubric of two levels, the fewest a rubric has.
            return List.of(
                    new org.lateral.library.LibraryPins.RubricLevel(0, "Not yet", "Names no outlet."),
                    new org.lateral.library.LibraryPins.RubricLevel(1, "Reasoned", "Says what to trust for what."));
        }
        if (type == int.class) {
            // A rubric level of a judgement (levels start at 0; every rubric has a level 1).
            return 1;
        }
        if (type == org.lateral.submission.scoring.CompareScoring.Framing.class) {
            return org.lateral.submission.scoring.CompareScoring.Framing.NEUTRAL;
        }
        if (type == org.lateral.submission.scoring.CompareScoring.Reporting.class) {
            return org.lateral.submission.scoring.CompareScoring.Reporting.MIXED;
        }
        if (type == org.lateral.submission.scoring.CompareScoring.Carriage.class) {
            return org.lateral.submission.scoring.CompareScoring.Carriage.HEDGED;
        }
        if (type == org.lateral.library.importing.ArticleCorrection.class) {
            // A correction of an article (the target is a pack's, so its owner gets a sentence).
            return new org.lateral.library.importing.ArticleCorrection(
                    "Probe headline",
                    "Written by the probe.",
                    null,
                    new org.lateral.library.PublicationDate(
                            LocalDate.now().minusDays(1), org.lateral.library.PublicationDate.Precision.DAY, null),
                    null);
        }
        if (type == org.lateral.library.importing.OutletCorrection.class) {
            // A correction of an outlet's profile (the target is a pack's, so its owner gets a sentence).
            return new org.lateral.library.importing.OutletCorrection(
                    "Probe outlet", org.lateral.library.OutletKind.BLOG, null, null, null, null, null, null, null);
        }
        if (type == org.lateral.assignment.AssignmentEdit.class) {
            // An edit any owner could save: a new title, the due date a week ahead (issue 19, DD035).
            return new org.lateral.assignment.AssignmentEdit(
                    "Renamed by the probe",
                    null,
                    LocalDate.now().plusDays(7),
                    true,
                    org.lateral.assignment.FeedbackPolicy.AFTER_SUBMIT,
                    false,
                    null,
                    false,
                    0);
        }
        throw new AssertionError("No probe value for a parameter " + name + " of type " + type.getName()
                + ": add one here so the new method is probed");
    }

    private static int controlOrder(Method method) {
        if (rule(method).startsWith("Student")) {
            return 0;
        }
        return switch (method.getName()) {
            case "resetPassword", "disableStudent", "enableStudent", "archiveClass" -> 2;
            case "removeStudent" -> 3;
            default -> 1;
        };
    }

    private static String name(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }

    private Person teacherWithClass(UUID school, String username) {
        administration.ensureAccount(
                school, username, "Teacher " + username, Set.of(Role.TEACHER), "a long enough password");
        try (var s = SignedIn.as(users, username)) {
            ClassDetail c = classroom.createClass(new NewClass("Class of " + username, "", "", "UTC"));
            UUID articleId = library.articles("frisky").getFirst().articleId();
            assignments.assignMarkClaims(
                    c.id(),
                    new NewAssignment(
                            articleId,
                            null,
                            LocalDate.now().plusDays(5),
                            true,
                            FeedbackPolicy.AFTER_SUBMIT,
                            true,
                            null,
                            false));
        }
        return new Person(username, "teacher");
    }

    private ClassDetail classOf(Person teacher) {
        try (var s = SignedIn.as(users, teacher.username())) {
            UUID id = classroom.myClassesAsTeacher().getFirst().id();
            return classroom.classDetail(id).orElseThrow();
        }
    }

    private Person studentOf(Person teacher) {
        try (var s = SignedIn.as(users, teacher.username())) {
            return new Person(
                    classroom
                            .createStudents(classOf(teacher).id(), "Pupil of " + teacher.username())
                            .getFirst()
                            .username(),
                    "student");
        }
    }

    /** The owner's resources, with work: the student has submitted, the teacher has amended the key. */
    private Target target(Person owner, ClassDetail ownerClass, Person student) {
        UUID assignmentId;
        UUID articleId;
        ArticleReading reading;
        try (var s = SignedIn.as(users, owner.username())) {
            AssignmentSummary assignment =
                    assignments.assignmentsOf(ownerClass.id()).getFirst();
            assignmentId = assignment.id();
            articleId = library.articles("frisky").getFirst().articleId();
            reading = library.reading(articleId).orElseThrow();
        }
        MarkingSession session;
        try (var s = SignedIn.as(users, student.username())) {
            session = submissions.open(assignmentId).orElseThrow();
            int at = session.text().indexOf("Reportedly Defects");
            submissions.saveMark(
                    session.attemptId(),
                    new MarkState(UUID.randomUUID(), 1, at, at + 18, "Reportedly Defects", "", "", "hedged", false));
            submissions.submit(session.attemptId());
        }
        UUID amendmentId;
        var claim = reading.keyOverlay().orElseThrow().claims().getFirst();
        String claimId = claim.id();
        ClaimType another = Arrays.stream(ClaimType.values())
                .filter(c -> !claim.types().contains(c))
                .findFirst()
                .orElseThrow();
        try (var s = SignedIn.as(users, owner.username())) {
            keys.acceptType(assignmentId, claimId, another);
            amendmentId = results.results(assignmentId)
                    .orElseThrow()
                    .amendments()
                    .getFirst()
                    .id();
        }
        UUID studentId = jdbc.sql("SELECT id FROM account WHERE username = :u")
                .param("u", student.username())
                .query(UUID.class)
                .single();
        return new Target(
                ownerClass.id(),
                studentId,
                assignmentId,
                session.attemptId(),
                amendmentId,
                reading.keyOverlay().orElseThrow().versionId(),
                claimId,
                articleId,
                reading.outlet().id(),
                session.text());
    }

    private UUID secondSchool() throws Exception {
        // The second school gets its own copy of the seed pack, so its teachers can assign too.
        return fixtures.schoolWithOwnPack("Probe school", temp);
    }
}
