package org.lateral.assignment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.base.UserFacingException;
import org.lateral.base.text.PlainText;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.StudentClassSummary;
import org.lateral.classroom.TeacherOfClass;
import org.lateral.library.LibraryPins;
import org.lateral.security.AuditAction;
import org.lateral.security.AuditOutcome;
import org.lateral.security.AuditTrail;
import org.lateral.security.CurrentUser;
import org.lateral.security.ForAdmins;
import org.lateral.security.ForStudents;
import org.lateral.security.LateralUser;
import org.lateral.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assignments: a teacher gives an exercise to a class they teach; students see what is assigned
 * to the classes they are in now. The security boundary of the feature: the role first, then the
 * class (through {@link ClassroomService}, which knows only the caller's own classes).
 */
@Service
public class AssignmentService {

    static final int LONGEST_DEADLINE_DAYS = 366;

    private final CurrentUser currentUser;
    private final ClassroomService classroom;
    private final LibraryPins library;
    private final AssignmentRepository assignments;
    private final StudentWork work;
    private final Clock clock;

    private final AuditTrail audit;

    AssignmentService(
            CurrentUser currentUser,
            ClassroomService classroom,
            LibraryPins library,
            AssignmentRepository assignments,
            StudentWork work,
            Clock clock,
            AuditTrail audit) {
        this.audit = audit;
        this.work = work;
        this.currentUser = currentUser;
        this.classroom = classroom;
        this.library = library;
        this.assignments = assignments;
        this.clock = clock;
    }

    /**
     * Assigns a lesson on one article (DD013): its steps in the form's order, each pinning the
     * article's current article and key versions. A one-step form is the mark-claims exercise.
     */
    @Transactional
    @TeacherOfClass
    public AssignmentSummary assignMarkClaims(UUID classId, NewAssignment form) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        ClassDetail schoolClass = classroom
                .classDetail(classId)
                .orElseThrow(() -> UserFacingException.of("assignment.refusal.classUnknown"));
        if (schoolClass.archived()) {
            throw UserFacingException.of("assignment.refusal.classArchived");
        }
        LibraryPins.Pin pin = library.current(teacher.schoolId(), form.articleId(), teacher.accountId())
                .orElseThrow(() -> UserFacingException.of("assignment.refusal.articleUnknown"));
        checkSteps(form.steps(), teacher, pin);
        checkNoClaimsGivenAway(classId, pin.articleId(), form.steps());
        LessonPlan.Pinned plan = LessonPlan.pin(library, teacher.schoolId(), teacher.accountId(), pin, form.steps());
        ZoneId zone = schoolClass.timeZone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate openDay = form.openDate() == null ? today : form.openDate();
        Instant openAt = form.openDate() == null
                ? clock.instant()
                : openDay.atStartOfDay(zone).toInstant();
        if (form.dueDate().isBefore(today)) {
            throw UserFacingException.of("assignment.refusal.dueInPast");
        }
        if (form.dueDate().isBefore(openDay)) {
            throw UserFacingException.of("assignment.refusal.dueBeforeOpen");
        }
        if (form.dueDate().isAfter(openDay.plusDays(LONGEST_DEADLINE_DAYS))) {
            throw UserFacingException.of("assignment.refusal.dueTooLate");
        }

        Instant revisionUntil = null;
        if (form.revisionAllowed() && form.revisionUntil() != null) {
            if (form.revisionUntil().isBefore(form.dueDate())) {
                throw UserFacingException.of("assignment.refusal.revisionBeforeDue");
            }
            if (form.revisionUntil().isAfter(form.dueDate().plusDays(LONGEST_DEADLINE_DAYS))) {
                throw UserFacingException.of("assignment.refusal.revisionTooLate");
            }
            revisionUntil = DueDates.endOfDay(form.revisionUntil(), zone);
        }
        AssignmentRepository.Row row = new AssignmentRepository.Row(
                UUID.randomUUID(),
                teacher.schoolId(),
                classId,
                plan.title(),
                pin.articleId(),
                pin.articleVersionId(),
                pin.keyVersionId(),
                openAt,
                DueDates.endOfDay(form.dueDate(), zone),
                form.lateWorkAccepted(),
                form.feedbackPolicy(),
                form.revisionAllowed(),
                revisionUntil,
                form.classmatesAfterSubmit(),
                teacher.accountId(),
                clock.instant(),
                plan.steps());
        assignments.insert(row);
        return assignments.ofClass(classId, zone, work).stream()
                .filter(a -> a.id().equals(row.id()))
                .findFirst()
                .orElseThrow();
    }

    /**
     * One to three steps, each exercise once, on an article whose key supports it: "Who says so?"
     * needs a key that names the article's sources, because it is scored against them.
     */
    private void checkSteps(List<NewStep> steps, LateralUser teacher, LibraryPins.Pin pin) {
        if (steps.isEmpty() || steps.size() > 3) {
            throw UserFacingException.of("assignment.refusal.stepCount");
        }
        Set<String> seen = new HashSet<>();
        for (NewStep step : steps) {
            if (!seen.add(step.exercise())) {
                throw UserFacingException.of("assignment.refusal.stepTwice");
            }
            if (step.weight() == null
                    || step.weight().compareTo(NewStep.LIGHTEST) < 0
                    || step.weight().compareTo(NewStep.HEAVIEST) > 0
                    || step.weight().scale() > 1) {
                throw UserFacingException.of("assignment.refusal.stepWeight");
            }
            switch (step.exercise()) {
                case NewStep.MARK_CLAIMS -> {}
                case NewStep.IDENTIFY_SOURCES -> {
                    boolean hasSources = pin.keyVersionId() != null
                            && library.keySources(teacher.schoolId(), pin.keyVersionId())
                                    .map(k -> !k.sources().isEmpty())
                                    .orElse(false);
                    if (!hasSources) {
                        throw UserFacingException.of("assignment.refusal.noSourcesInKey");
                    }
                }
                case NewStep.COMPARE_OUTLETS -> {
                    // Its articles and key are checked when it is pinned (LessonPlan).
                }
                default -> throw UserFacingException.of("assignment.refusal.unknownExercise");
            }
        }
        for (int i = 0; i < steps.size() - 1; i++) {
            if (steps.get(i).exercise().equals(NewStep.COMPARE_OUTLETS)) {
                // The comparison widens a lesson on one article to its story; the steps on the
                // article come first, so the student compares outlets knowing one text well.
                throw UserFacingException.of("assignment.refusal.compareLast");
            }
        }
        boolean misplacedClaims =
                steps.stream().skip(1).anyMatch(s -> s.exercise().equals(NewStep.MARK_CLAIMS));
        if (misplacedClaims) {
            // Step 2 links the claims the student marked in step 1; marking them afterwards would
            // leave the links without claims. Alone, "Who says so?" links the key's claims.
            throw UserFacingException.of("assignment.refusal.claimsFirst");
        }
    }

    /**
     * A "Who says so?" lesson on its own draws where the key's claims are (DD013), so in one class it
     * must not share an article with a lesson that asks the students to find those claims.
     */
    private void checkNoClaimsGivenAway(UUID classId, UUID articleId, List<NewStep> steps) {
        boolean marksClaims = steps.stream().anyMatch(s -> s.exercise().equals(NewStep.MARK_CLAIMS));
        boolean showsClaims =
                !marksClaims && steps.stream().anyMatch(s -> s.exercise().equals(NewStep.IDENTIFY_SOURCES));
        List<List<String>> others = assignments.lessonsOnArticle(classId, articleId);
        if (showsClaims && others.stream().anyMatch(l -> l.contains(NewStep.MARK_CLAIMS))) {
            throw UserFacingException.of("assignment.refusal.claimsGivenAway");
        }
        // A compare step names the story's core claims in words, never where the article makes
        // them, so it gives nothing away.
        if (marksClaims
                && others.stream()
                        .anyMatch(l -> !l.contains(NewStep.MARK_CLAIMS) && l.contains(NewStep.IDENTIFY_SOURCES))) {
            throw UserFacingException.of("assignment.refusal.nothingToFind");
        }
    }

    /** A class's assignments, by due date, for its teacher. */
    @Transactional(readOnly = true)
    @TeacherOfClass
    public List<AssignmentSummary> assignmentsOf(UUID classId) {
        currentUser.require(Role.TEACHER);
        ClassDetail schoolClass = classroom
                .classDetail(classId)
                .orElseThrow(() -> UserFacingException.of("assignment.refusal.classUnknown"));
        return assignments.ofClass(classId, schoolClass.timeZone(), work);
    }

    /**
     * Every assignment of a class the signed-in teacher teaches, as {@link #forTeacher} gives each,
     * with the class and its roster read once for all of them (the class overview: a class of a
     * thousand read its roster once per assignment; issue 18). Empty for any other class.
     */
    @Transactional(readOnly = true)
    @TeacherOfClass
    public List<TeacherAssignment> allForTeacher(UUID classId) {
        currentUser.require(Role.TEACHER);
        Optional<ClassDetail> schoolClass = classroom.classDetail(classId);
        if (schoolClass.isEmpty()) {
            return List.of();
        }
        return assignments.idsOfClass(classId).stream()
                .map(id -> assignments.forTeacher(id, schoolClass.get()))
                .flatMap(Optional::stream)
                .toList();
    }

    /** Gives one student of the class a later due date (an accommodation). */
    @Transactional
    @TeacherOfAssignment
    public void setDueDateFor(UUID assignmentId, UUID studentId, LocalDate dueDate, @Nullable String reason) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        UUID classId = assignments
                .classOf(assignmentId, teacher.schoolId())
                .orElseThrow(() -> UserFacingException.of("assignment.refusal.assignmentUnknown"));
        ClassDetail schoolClass = classroom
                .classDetail(classId)
                .orElseThrow(() -> UserFacingException.of("assignment.refusal.assignmentUnknown"));
        if (schoolClass.roster().stream().noneMatch(r -> r.studentId().equals(studentId))) {
            throw UserFacingException.of("assignment.refusal.studentNotInClass");
        }
        if (reason != null && reason.length() > 500) {
            throw UserFacingException.of("assignment.refusal.reasonTooLong");
        }
        // Bounded like an assignment's own due date (and so never beyond what an instant holds).
        LocalDate today = LocalDate.now(clock.withZone(schoolClass.timeZone()));
        if (dueDate.isBefore(today)) {
            throw UserFacingException.of("assignment.refusal.dueInPast");
        }
        if (dueDate.isAfter(today.plusDays(LONGEST_DEADLINE_DAYS))) {
            throw UserFacingException.of("assignment.refusal.dueTooLateFromToday");
        }
        assignments.setDueOverride(
                assignmentId,
                teacher.schoolId(),
                studentId,
                DueDates.endOfDay(dueDate, schoolClass.timeZone()),
                reason == null ? null : PlainText.storable(reason),
                teacher.accountId(),
                clock.instant());
    }

    /** Every assignment of the signed-in admin's school, for the school view. */
    @Transactional(readOnly = true)
    @ForAdmins
    public List<SchoolAssignment> assignmentsOfMySchool() {
        LateralUser admin = currentUser.require(Role.ADMIN);
        return assignments.ofSchool(admin.schoolId());
    }

    /**
     * The signed-in student's assignments in the classes they are in now, soonest due first.
     * A student removed from a class stops seeing its assignments at their next request.
     */
    @Transactional(readOnly = true)
    @ForStudents
    public List<MyAssignment> myAssignments() {
        LateralUser student = currentUser.require(Role.STUDENT);
        Map<UUID, String> names = new HashMap<>();
        Map<UUID, ZoneId> zones = new HashMap<>();
        for (StudentClassSummary c : classroom.myClassesAsStudent()) {
            names.put(c.id(), c.name());
            zones.put(c.id(), c.timeZone());
        }
        return assignments.forStudent(student.accountId(), names, zones, clock.instant(), work);
    }

    /**
     * One open assignment of a class the signed-in student is in now; empty for anything else
     * (another class, a removed student, an assignment not open yet), so a foreign id looks missing.
     */
    @Transactional(readOnly = true)
    @StudentOfAssignment
    public Optional<StudentAssignment> forStudent(UUID assignmentId) {
        LateralUser student = currentUser.require(Role.STUDENT);
        Map<UUID, ZoneId> zones = new HashMap<>();
        for (StudentClassSummary c : classroom.myClassesAsStudent()) {
            zones.put(c.id(), c.timeZone());
        }
        return assignments.forStudentWork(
                assignmentId, student.schoolId(), student.accountId(), zones, clock.instant());
    }

    /**
     * One assignment of a class the signed-in teacher teaches, with its roster; empty for
     * anything else, so a foreign id looks missing.
     */
    @Transactional(readOnly = true)
    @TeacherOfAssignment
    public Optional<TeacherAssignment> forTeacher(UUID assignmentId) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        return assignments
                .classOf(assignmentId, teacher.schoolId())
                .flatMap(classroom::classDetail)
                .flatMap(c -> assignments.forTeacher(assignmentId, c));
    }

    /** The most levels a judgement rubric has (0 to 9, as stored). */
    public static final int MOST_RUBRIC_LEVELS = 10;

    /**
     * The rubric the teacher grades a compare step's closing judgement by (DD015): the comparison
     * key's, as copied when the lesson was made, with the teacher's edits. Empty for a lesson
     * without a compare step.
     */
    @Transactional(readOnly = true)
    @TeacherOfAssignment
    public List<LibraryPins.RubricLevel> judgementRubric(UUID assignmentId) {
        currentUser.require(Role.TEACHER);
        return compareStep(assignmentId)
                .map(step -> assignments.rubric(assignmentId, step))
                .orElse(List.of());
    }

    /**
     * The same rubric for a student of the assignment: it says what a good judgement does, so it is
     * shown while they write one.
     */
    @Transactional(readOnly = true)
    @StudentOfAssignment
    public List<LibraryPins.RubricLevel> judgementRubricForStudent(UUID assignmentId) {
        return forStudent(assignmentId)
                .flatMap(a -> a.steps().stream().filter(LessonStep::compares).findFirst())
                .map(step -> assignments.rubric(assignmentId, step.position()))
                .orElse(List.of());
    }

    /**
     * Replaces the rubric of the assignment's compare step with the teacher's: two to ten levels
     * numbered from 0 without gaps, each with a name (up to 200 characters) and a descriptor (up to
     * 2,000). Grades already given keep the level and the highest level of their time.
     */
    @Transactional
    @TeacherOfAssignment
    public List<LibraryPins.RubricLevel> editJudgementRubric(UUID assignmentId, List<LibraryPins.RubricLevel> levels) {
        currentUser.require(Role.TEACHER);
        int step = compareStep(assignmentId)
                .orElseThrow(() -> UserFacingException.of("assignment.refusal.noJudgementStep"));
        if (levels.size() < 2 || levels.size() > MOST_RUBRIC_LEVELS) {
            throw UserFacingException.of("assignment.refusal.rubricLevels");
        }
        List<LibraryPins.RubricLevel> checked = new java.util.ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            LibraryPins.RubricLevel level = levels.get(i);
            String name =
                    level.name() == null ? "" : PlainText.storable(level.name()).strip();
            String descriptor = level.descriptor() == null
                    ? ""
                    : PlainText.storable(level.descriptor()).strip();
            if (name.isEmpty() || name.length() > 200) {
                throw UserFacingException.of("assignment.refusal.levelName", i);
            }
            if (descriptor.isEmpty() || descriptor.length() > 2000) {
                throw UserFacingException.of("assignment.refusal.levelDescription", i, name);
            }
            checked.add(new LibraryPins.RubricLevel(i, name, descriptor));
        }
        assignments.replaceRubric(assignmentId, step, checked);
        return assignments.rubric(assignmentId, step);
    }

    private java.util.Optional<Integer> compareStep(UUID assignmentId) {
        return assignments.steps(assignmentId).stream()
                .filter(LessonStep::compares)
                .map(LessonStep::position)
                .findFirst();
    }

    /** Shows feedback to every student who has submitted ("when I release it"); idempotent. */
    @Transactional
    @TeacherOfAssignment
    public TeacherAssignment releaseFeedback(UUID assignmentId) {
        TeacherAssignment assignment = forTeacher(assignmentId)
                .orElseThrow(() -> UserFacingException.of("assignment.refusal.assignmentUnknown"));
        assignments.releaseFeedback(assignmentId, clock.instant());
        return forTeacher(assignment.id()).orElseThrow();
    }

    /**
     * Moves the assignment to the newer key version the library offers it (the caller re-scores in
     * the same transaction), or records that the teacher chose to stay on the pinned one. Moving
     * pins the key's article version too: the same text, perhaps with corrected details (see
     * {@link LibraryPins#newerKeyVersion}), so the assignment's article and key always belong
     * together and its marks keep their words.
     */
    @Transactional
    @TeacherOfAssignment
    public void pinKeyVersion(UUID assignmentId, UUID expectedPinned, UUID keyVersionId, boolean accept) {
        TeacherAssignment assignment = forTeacher(assignmentId)
                .orElseThrow(() -> UserFacingException.of("assignment.refusal.assignmentUnknown"));
        if (!expectedPinned.equals(assignment.keyVersionId()) || assignment.articleVersionId() == null) {
            throw UserFacingException.of("assignment.refusal.keyChanged");
        }
        // Only the version the library offers, never any id a caller names: it is the one whose
        // text fits the marks.
        LibraryPins.KeyVersion offered = library.newerKeyVersion(
                        assignment.schoolId(),
                        assignment.articleVersionId(),
                        expectedPinned,
                        currentUser.require(Role.TEACHER).accountId())
                .filter(v -> v.id().equals(keyVersionId))
                .orElseThrow(() -> UserFacingException.of("assignment.refusal.libraryKeyChanged"));
        if (accept) {
            assignments.pinKeyVersion(
                    assignmentId, assignment.firstStep().position(), offered.id(), offered.articleVersionId());
            audit.success(AuditAction.KEY_VERSION_PINNED, "assignment, key version", assignmentId, offered.id());
        } else {
            assignments.ignoreKeyVersion(assignmentId, assignment.firstStep().position(), offered.id());
        }
    }

    /** Longest title a teacher may give an assignment (the database holds the same bound). */
    public static final int LONGEST_TITLE = 300;

    /** The settings of one of the teacher's assignments, for the edit form (DD035). */
    @Transactional(readOnly = true)
    @TeacherOfAssignment
    public AssignmentSettings settings(UUID assignmentId) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        AssignmentRepository.Settings stored = assignments
                .settings(assignmentId, teacher.schoolId(), "")
                .orElseThrow(() -> UserFacingException.of("assignment.refusal.assignmentUnknown"));
        return settingsOf(stored, zoneOf(stored.classId()));
    }

    private AssignmentSettings settingsOf(AssignmentRepository.Settings s, ZoneId zone) {
        StudentWork.Counts counts = work.counts(List.of(s.id())).getOrDefault(s.id(), StudentWork.Counts.NONE);
        return new AssignmentSettings(
                s.id(),
                zone,
                !s.openAt().isAfter(clock.instant()),
                s.archived(),
                counts.started(),
                counts.submitted(),
                new AssignmentEdit(
                        s.title(),
                        DueDates.dayOf(s.openAt(), zone),
                        DueDates.dayOf(s.dueAt(), zone),
                        s.lateWorkAccepted(),
                        s.policy(),
                        s.revisionAllowed(),
                        s.revisionUntil() == null ? null : DueDates.dayOf(s.revisionUntil(), zone),
                        s.classmatesAfterSubmit(),
                        s.version()));
    }

    private ZoneId zoneOf(UUID classId) {
        return classroom
                .classDetail(classId)
                .map(ClassDetail::timeZone)
                .orElseThrow(() -> UserFacingException.of("assignment.refusal.assignmentUnknown"));
    }

    /**
     * Changes an assignment's settings (DD035). Its steps and pins never change here: students' marks
     * were made against them. The open date moves only while nobody can open it yet, and the revision
     * settings only while nobody has submitted: a student who saw the full feedback must not be
     * offered a revision afterwards (DD006). A date that did not change is kept even when it is past
     * (a teacher changes the feedback policy of last month's assignment); a changed one follows the
     * rules of a new assignment. Anything refused changes nothing.
     */
    @Transactional
    @TeacherOfAssignment
    public AssignmentSettings editAssignment(UUID assignmentId, AssignmentEdit edit) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        AssignmentRepository.Settings stored = assignments
                .settings(assignmentId, teacher.schoolId(), " FOR UPDATE")
                .orElseThrow(() -> UserFacingException.of("assignment.refusal.assignmentUnknown"));
        ZoneId zone = zoneOf(stored.classId());
        AssignmentSettings before = settingsOf(stored, zone);
        if (edit.version() != stored.version()) {
            throw UserFacingException.of("assignment.refusal.changedMeanwhile");
        }
        String title =
                edit.title() == null ? "" : PlainText.storable(edit.title()).strip();
        if (title.isEmpty() || title.length() > LONGEST_TITLE) {
            throw UserFacingException.of("assignment.refusal.title");
        }
        if (edit.dueDate() == null || edit.feedbackPolicy() == null) {
            throw UserFacingException.of("assignment.refusal.dueAndFeedback");
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        AssignmentEdit was = before.values();
        Instant openAt = stored.openAt();
        LocalDate openDay = was.openDate();
        if (edit.openDate() != null && !edit.openDate().equals(was.openDate())) {
            if (before.opened()) {
                throw UserFacingException.of("assignment.refusal.openDateFixed");
            }
            if (edit.openDate().isBefore(today)) {
                throw UserFacingException.of("assignment.refusal.openInPast");
            }
            if (edit.openDate().isAfter(today.plusDays(LONGEST_DEADLINE_DAYS))) {
                throw UserFacingException.of("assignment.refusal.openTooLate");
            }
            openDay = edit.openDate();
            openAt = edit.openDate().equals(today)
                    ? clock.instant()
                    : openDay.atStartOfDay(zone).toInstant();
        }
        Instant dueAt = stored.dueAt();
        if (!edit.dueDate().equals(was.dueDate())) {
            if (edit.dueDate().isBefore(today)) {
                throw UserFacingException.of("assignment.refusal.dueInPast");
            }
            if (edit.dueDate().isAfter(openDay.plusDays(LONGEST_DEADLINE_DAYS))) {
                throw UserFacingException.of("assignment.refusal.dueTooLate");
            }
            dueAt = DueDates.endOfDay(edit.dueDate(), zone);
        }
        if (edit.dueDate().isBefore(openDay)) {
            throw UserFacingException.of("assignment.refusal.dueBeforeOpen");
        }
        boolean revisionAllowed = stored.revisionAllowed();
        Instant revisionUntil = stored.revisionUntil();
        LocalDate untilDay = edit.revisionAllowed() ? edit.revisionUntil() : null;
        boolean revisionChanged = edit.revisionAllowed() != was.revisionAllowed()
                || (edit.revisionAllowed() && !Objects.equals(untilDay, was.revisionUntil()));
        if (revisionChanged) {
            if (!before.revisionChangeable()) {
                throw UserFacingException.of("assignment.refusal.revisionFixed");
            }
            revisionAllowed = edit.revisionAllowed();
            revisionUntil = null;
            if (untilDay != null) {
                if (untilDay.isBefore(edit.dueDate())) {
                    throw UserFacingException.of("assignment.refusal.revisionBeforeDue");
                }
                if (untilDay.isAfter(edit.dueDate().plusDays(LONGEST_DEADLINE_DAYS))) {
                    throw UserFacingException.of("assignment.refusal.revisionTooLate");
                }
                revisionUntil = DueDates.endOfDay(untilDay, zone);
            }
        } else if (revisionUntil != null && revisionUntil.isBefore(dueAt)) {
            throw UserFacingException.of("assignment.refusal.revisionBeforeDue");
        }
        if (!dueAt.isAfter(openAt)) {
            throw UserFacingException.of("assignment.refusal.dueBeforeOpen");
        }
        AssignmentRepository.Settings changed = new AssignmentRepository.Settings(
                stored.id(),
                stored.classId(),
                title,
                openAt,
                dueAt,
                edit.lateWorkAccepted(),
                edit.feedbackPolicy(),
                revisionAllowed,
                revisionUntil,
                edit.classmatesAfterSubmit(),
                stored.version(),
                stored.archived());
        if (!changed.equals(stored)) {
            if (!assignments.updateSettings(changed)) {
                throw UserFacingException.of("assignment.refusal.changedMeanwhile");
            }
            audit.success(AuditAction.ASSIGNMENT_EDITED, "assignment", assignmentId);
        }
        return settings(assignmentId);
    }

    /**
     * Removes an assignment (DD035). Nobody opened it: it is deleted. Students have work on it: it is
     * archived, hidden from them and from the class's lists, and kept until its teacher restores it;
     * the teacher confirms by naming how many students' work it hides, so a count that changed
     * meanwhile (a student just started) refuses the removal instead of hiding work nobody counted.
     *
     * @param studentsWithWork the number of students with work the teacher's confirmation named (0
     *     when the teacher saw none)
     */
    @Transactional
    @TeacherOfAssignment
    public AssignmentRemoval removeAssignment(UUID assignmentId, int studentsWithWork) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        // Locked first: a student's first opening (a submission row) waits for the removal, or the
        // removal sees it and asks again.
        AssignmentRepository.Settings stored = assignments
                .settings(assignmentId, teacher.schoolId(), " FOR UPDATE")
                .orElseThrow(() -> UserFacingException.of("assignment.refusal.assignmentUnknown"));
        if (stored.archived()) {
            throw UserFacingException.of("assignment.refusal.alreadyArchived");
        }
        int started = work.counts(List.of(assignmentId))
                .getOrDefault(assignmentId, StudentWork.Counts.NONE)
                .started();
        if (started == 0) {
            if (!work.forgetUnopened(assignmentId)) {
                throw UserFacingException.of("assignment.refusal.justOpened");
            }
            assignments.delete(assignmentId);
            audit.success(AuditAction.ASSIGNMENT_DELETED, "assignment", assignmentId);
            return AssignmentRemoval.DELETED;
        }
        if (studentsWithWork != started) {
            throw UserFacingException.of("assignment.refusal.confirmArchive", started);
        }
        assignments.setArchived(assignmentId, clock.instant());
        audit.record(
                AuditAction.ASSIGNMENT_ARCHIVED,
                AuditOutcome.SUCCESS,
                "assignment",
                List.of(assignmentId),
                "students with work " + started);
        return AssignmentRemoval.ARCHIVED;
    }

    /** Shows an archived assignment to its students and in the class's lists again (DD035). */
    @Transactional
    @TeacherOfAssignment
    public void restoreAssignment(UUID assignmentId) {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        AssignmentRepository.Settings stored = assignments
                .settings(assignmentId, teacher.schoolId(), " FOR UPDATE")
                .orElseThrow(() -> UserFacingException.of("assignment.refusal.assignmentUnknown"));
        if (!stored.archived()) {
            throw UserFacingException.of("assignment.refusal.notArchived");
        }
        assignments.setArchived(assignmentId, null);
        audit.success(AuditAction.ASSIGNMENT_RESTORED, "assignment", assignmentId);
    }

    /** A class's archived assignments, for its teacher to restore (DD035). */
    @Transactional(readOnly = true)
    @TeacherOfClass
    public List<AssignmentSummary> archivedAssignmentsOf(UUID classId) {
        currentUser.require(Role.TEACHER);
        ClassDetail schoolClass = classroom
                .classDetail(classId)
                .orElseThrow(() -> UserFacingException.of("assignment.refusal.classUnknown"));
        return assignments.ofClass(classId, schoolClass.timeZone(), work, true);
    }
}
