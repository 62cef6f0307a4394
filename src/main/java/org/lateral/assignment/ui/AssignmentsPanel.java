package org.lateral.assignment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.lateral.assignment.AssignmentEdit;
import org.lateral.assignment.AssignmentRemoval;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.AssignmentSettings;
import org.lateral.assignment.AssignmentSummary;
import org.lateral.assignment.DueDates;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.NewAssignment;
import org.lateral.assignment.NewStep;
import org.lateral.base.UserFacingException;
import org.lateral.base.ui.EmptyState;
import org.lateral.base.ui.ExerciseNames;
import org.lateral.base.ui.NamedRoutes;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.RosterEntry;
import org.lateral.library.LibraryEntry;
import org.lateral.library.LibraryService;
import org.lateral.library.ui.CareNotes;
import org.lateral.library.ui.LibraryNavigation;

/**
 * The assignment part of the class page: the class's assignments with their counts, assigning an
 * article, and a later due date for one student. {@link AssignmentService} checks the teacher.
 */
final class AssignmentsPanel {

    private final AssignmentService assignments;
    private final LibraryService library;
    private final ClassDetail c;
    private final Runnable refresh;

    AssignmentsPanel(AssignmentService assignments, LibraryService library, ClassDetail c, Runnable refresh) {
        this.assignments = assignments;
        this.library = library;
        this.c = c;
        this.refresh = refresh;
    }

    /** The class's assignments, with assigning an article and later due dates for single students. */
    Component section() {
        Div section = new Div();
        section.addClassName("class-assignments");
        section.add(new H3("Assignments"));
        Button assign = new Button("Assign an article", e -> assignDialog());
        assign.setTestId("assign-article");
        assign.setEnabled(!c.archived());
        section.add(assign);
        List<AssignmentSummary> list = assignments.assignmentsOf(c.id());
        if (list.isEmpty()) {
            section.add(new EmptyState(
                    "assignments-empty",
                    "Nothing assigned yet.",
                    "Assign an article from the library: students mark its claims and get feedback against the key."));
            section.add(archived());
            return section;
        }
        Div rows = new Div();
        rows.addClassName("article-list");
        rows.setTestId("class-assignments");
        for (AssignmentSummary a : list) {
            Div row = new Div();
            row.addClassName("article-row");
            row.getElement().setAttribute("data-testid", "class-assignment");
            Span name = new Span(a.title());
            name.addClassName("article-headline");
            Span steps = new Span(ExerciseNames.steps(a.exercises()));
            steps.addClassName("lesson-steps-line");
            steps.getElement().setAttribute("data-testid", "assignment-steps");
            Span meta = new Span("Opens " + Dates.opens(a.openAt(), a.timeZone()) + " · Due "
                    + Dates.due(a.dueAt(), a.timeZone())
                    + " · Feedback: " + a.feedbackPolicy().label().toLowerCase(Locale.ROOT)
                    + (a.revisionAllowed() ? " · revision allowed" : "") + " · " + a.submitted() + " submitted");
            meta.addClassName("article-meta");
            Button extend = new Button("Later due date for a student", e -> overrideDialog(a));
            extend.addThemeVariants(ButtonVariant.TERTIARY);
            extend.setEnabled(!c.roster().isEmpty());
            // The results screen belongs to the submission feature, which depends on this one; it is
            // reached by its route name.
            Anchor results = NamedRoutes.results(a.id()).anchor("Results");
            results.getElement().setAttribute("router-link", true);
            results.getElement().setAttribute("data-testid", "open-results");
            Anchor dashboard = NamedRoutes.assignmentDashboard(a.id()).anchor("Dashboard");
            dashboard.getElement().setAttribute("router-link", true);
            dashboard.getElement().setAttribute("data-testid", "open-assignment-dashboard");
            Button edit = new Button("Edit", e -> editDialog(a));
            edit.addThemeVariants(ButtonVariant.TERTIARY);
            edit.setTestId("edit-assignment");
            edit.setAriaLabel("Edit " + a.title());
            Button remove = new Button("Remove\u2026", e -> removeDialog(a));
            remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            remove.setTestId("remove-assignment");
            remove.setAriaLabel("Remove " + a.title());
            row.add(name, steps, meta, results, dashboard, extend, edit, remove);
            rows.add(row);
        }
        section.add(rows);
        section.add(archived());
        return section;
    }

    /**
     * The class's archived assignments (DD035): hidden from students, their work kept; one click
     * restores each. Nothing is drawn while there are none.
     */
    private Component archived() {
        List<AssignmentSummary> list = assignments.archivedAssignmentsOf(c.id());
        Div section = new Div();
        section.setTestId("archived-assignments");
        if (list.isEmpty()) {
            section.setVisible(false);
            return section;
        }
        section.add(new H3("Archived assignments"));
        Paragraph about = new Paragraph(ARCHIVED_ABOUT);
        about.addClassName("reader-note");
        section.add(about);
        Div rows = new Div();
        rows.addClassName("article-list");
        for (AssignmentSummary a : list) {
            Div row = new Div();
            row.addClassName("article-row");
            row.getElement().setAttribute("data-testid", "archived-assignment");
            Span name = new Span(a.title());
            name.addClassName("article-headline");
            Span meta = new Span(students(a.started()) + " with work \u00b7 " + a.submitted() + " submitted");
            meta.addClassName("article-meta");
            Anchor results = NamedRoutes.results(a.id()).anchor("Results");
            results.getElement().setAttribute("router-link", true);
            Button restore = new Button("Restore", e -> {
                try {
                    assignments.restoreAssignment(a.id());
                    Notification.show("Restored: " + a.title() + ". Students see it again.")
                            .addThemeVariants(NotificationVariant.SUCCESS);
                    refresh.run();
                } catch (UserFacingException ex) {
                    Notification.show(ex.getMessage()).addThemeVariants(NotificationVariant.ERROR);
                }
            });
            restore.setTestId("restore-assignment");
            restore.setAriaLabel("Restore " + a.title());
            row.add(name, meta, results, restore);
            rows.add(row);
        }
        section.add(rows);
        return section;
    }

    static final String ARCHIVED_ABOUT = "Students no longer see these assignments; their work is kept. "
            + "Restore one to show it to the class again.";

    private static String students(int n) {
        return n == 1 ? "1 student" : n + " students";
    }

    /** The assignment's settings as they are now, or null after saying why they cannot be read. */
    private @Nullable AssignmentSettings settingsOrSay(AssignmentSummary a) {
        try {
            return assignments.settings(a.id());
        } catch (UserFacingException ex) {
            Notification.show(ex.getLocalizedMessage()).addThemeVariants(NotificationVariant.ERROR);
            return null;
        }
    }

    /**
     * Removing an assignment (DD035): one nobody opened is deleted after a plain question; one with
     * students' work is archived, and the question names how many students' work it hides and how to
     * get it back. The service checks the count again, so work begun meanwhile is never hidden unasked.
     */
    private void removeDialog(AssignmentSummary a) {
        AssignmentSettings settings = settingsOrSay(a);
        if (settings == null) {
            return;
        }
        int started = settings.started();
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setTestId("remove-assignment-dialog");
        if (started == 0) {
            confirm.setHeader("Delete \u201c" + a.title() + "\u201d?");
            confirm.setText("No student has opened this assignment, so no student's work is lost. "
                    + "Deleting it cannot be undone.");
            confirm.setConfirmText("Delete");
            confirm.setConfirmButtonTheme("error primary");
        } else {
            confirm.setHeader("Archive \u201c" + a.title() + "\u201d?");
            confirm.setText(students(started) + (started == 1 ? " has" : " have")
                    + " work on this assignment, so it is archived, not deleted: students no longer see it, and "
                    + (started == 1 ? "their" : "all " + started + " students'")
                    + " work is kept. You can restore it from \u201cArchived assignments\u201d on this page.");
            confirm.setConfirmText(
                    started == 1 ? "Archive, keep the student's work" : "Archive, keep " + started + " students' work");
            confirm.setConfirmButtonTheme("primary");
        }
        confirm.setCancelable(true);
        confirm.setCancelText("Cancel");
        confirm.addConfirmListener(e -> {
            try {
                AssignmentRemoval done = assignments.removeAssignment(a.id(), started);
                Notification.show(
                                done == AssignmentRemoval.DELETED
                                        ? "Deleted: " + a.title()
                                        : "Archived: " + a.title()
                                                + ". Restore it from \u201cArchived assignments\u201d.")
                        .addThemeVariants(NotificationVariant.SUCCESS);
            } catch (UserFacingException ex) {
                Notification.show(ex.getMessage(), 8000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.ERROR);
            }
            refresh.run();
        });
        confirm.open();
    }

    /**
     * Changing an assignment (DD035): title, dates, late work, feedback and classmates' answers; the
     * open date only before it opens and the revision settings only before anyone submits, each
     * with the reason beside it when it is fixed. The steps and the pinned key are not here.
     */
    private void editDialog(AssignmentSummary a) {
        AssignmentSettings settings = settingsOrSay(a);
        if (settings == null) {
            return;
        }
        AssignmentEdit v = settings.values();
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Edit assignment");
        dialog.setTestId("edit-assignment-dialog");
        TextField title = new TextField("Title", v.title() == null ? "" : v.title(), "");
        title.setMaxLength(AssignmentService.LONGEST_TITLE);
        title.setRequired(true);
        title.setTestId("edit-title");
        title.setWidthFull();
        DatePicker opens = new DatePicker("Opens on", v.openDate());
        opens.setTestId("edit-opens");
        if (settings.opened()) {
            opens.setReadOnly(true);
            opens.setHelperText("Students can already open it, so this date stays.");
        }
        DatePicker due =
                new DatePicker("Due on (end of the day, " + c.timeZone().getId() + ")", v.dueDate());
        due.setTestId("edit-due");
        Checkbox late = new Checkbox("Accept late work", v.lateWorkAccepted());
        RadioButtonGroup<FeedbackPolicy> feedback = new RadioButtonGroup<>("Students see feedback");
        feedback.setItems(FeedbackPolicy.values());
        feedback.setItemLabelGenerator(FeedbackPolicy::label);
        feedback.setValue(v.feedbackPolicy());
        feedback.setTestId("edit-feedback");
        Checkbox revision = new Checkbox("Allow a revision after feedback", v.revisionAllowed());
        revision.setTestId("edit-revision");
        DatePicker revisionUntil = new DatePicker("Revision possible until (optional)", v.revisionUntil());
        revisionUntil.setEnabled(v.revisionAllowed());
        revision.addValueChangeListener(e -> revisionUntil.setEnabled(e.getValue()));
        Paragraph revisionFixed = new Paragraph(REVISION_FIXED);
        revisionFixed.addClassName("reader-note");
        revisionFixed.setTestId("edit-revision-fixed");
        revisionFixed.setVisible(!settings.revisionChangeable());
        if (!settings.revisionChangeable()) {
            revision.setReadOnly(true);
            revisionUntil.setReadOnly(true);
        }
        Checkbox classmates = new Checkbox(
                "After submitting, students may see classmates' anonymised answers", v.classmatesAfterSubmit());
        Paragraph fixed = new Paragraph(STEPS_FIXED);
        fixed.addClassName("reader-note");
        FormLayout form =
                new FormLayout(title, opens, due, late, feedback, revision, revisionUntil, revisionFixed, classmates);
        form.setColspan(title, 2);
        form.setColspan(feedback, 2);
        form.setColspan(revisionFixed, 2);
        form.setColspan(classmates, 2);
        Div message = new Div();
        message.addClassName("form-error");
        message.setTestId("edit-error");
        message.getElement().setAttribute("role", "alert");
        dialog.add(form, fixed, message);
        Button save = new Button("Save changes", e -> {
            try {
                assignments.editAssignment(
                        a.id(),
                        new AssignmentEdit(
                                title.getValue(),
                                opens.getValue(),
                                due.getValue(),
                                late.getValue(),
                                feedback.getValue(),
                                revision.getValue(),
                                revision.getValue() ? revisionUntil.getValue() : null,
                                classmates.getValue(),
                                v.version()));
                dialog.close();
                Notification.show("Saved: " + title.getValue().strip()).addThemeVariants(NotificationVariant.SUCCESS);
                refresh.run();
            } catch (UserFacingException ex) {
                message.setText(ex.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setTestId("edit-save");
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.setWidth("min(95vw, 40rem)");
        dialog.open();
    }

    static final String REVISION_FIXED = "Students have already submitted, so the revision settings stay: a student "
            + "who saw the full feedback must not be offered a revision afterwards.";
    static final String STEPS_FIXED = "The article, the steps and the answer key stay as they were assigned: "
            + "students' work was made against them. To change those, assign the article again.";

    private void assignDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Assign an article to " + c.name());
        Select<LibraryEntry> article = new Select<>();
        article.setLabel("Article");
        List<LibraryEntry> entries = library.articles("");
        article.setItems(entries);
        article.setItemLabelGenerator(e -> e.outletName() + ": " + e.title()
                + (e.keyStatus() == LibraryEntry.KeyStatus.COMPLETE
                        ? ""
                        : " (" + e.keyStatus().label().toLowerCase(Locale.ROOT) + ")"));
        article.setTestId("assign-article-select");
        article.setWidthFull();
        // What to read before assigning: the story set's care notes and the article's content note.
        Div careNotes = new Div();
        careNotes.setTestId("assign-care-notes");
        LessonSteps steps = new LessonSteps(entries);
        article.addValueChangeListener(e -> {
            careNotes.removeAll();
            if (e.getValue() != null) {
                careNotes.add(CareNotes.forAssigning(e.getValue()));
            }
            steps.articleChosen(e.getValue());
        });
        LocalDate today = LocalDate.now(c.timeZone());
        DatePicker opens = new DatePicker("Opens on", today);
        opens.setHelperText("Leave today to open it now");
        DatePicker due =
                new DatePicker("Due on (end of the day, " + c.timeZone().getId() + ")", today.plusDays(7));
        due.setTestId("assign-due");
        Checkbox late = new Checkbox("Accept late work", true);
        RadioButtonGroup<FeedbackPolicy> feedback = new RadioButtonGroup<>("Students see feedback");
        feedback.setItems(FeedbackPolicy.values());
        feedback.setItemLabelGenerator(FeedbackPolicy::label);
        feedback.setValue(FeedbackPolicy.AFTER_SUBMIT);
        Checkbox revision = new Checkbox("Allow a revision after feedback", true);
        DatePicker revisionUntil = new DatePicker("Revision possible until (optional)");
        revision.addValueChangeListener(e -> revisionUntil.setEnabled(e.getValue()));
        Checkbox classmates = new Checkbox("After submitting, students may see classmates' anonymised answers", false);
        // The notes sit right under the article they are about, so they are read before the dates.
        // The steps come right after the article: which steps are possible depends on its key.
        FormLayout form = new FormLayout(
                article, careNotes, steps.section, opens, due, late, feedback, revision, revisionUntil, classmates);
        form.setColspan(article, 2);
        form.setColspan(careNotes, 2);
        form.setColspan(steps.section, 2);
        form.setColspan(feedback, 2);
        form.setColspan(classmates, 2);
        Div message = new Div();
        message.addClassName("form-error");
        message.getElement().setAttribute("role", "alert");
        dialog.add(form, message);
        Button save = new Button("Assign", e -> {
            if (article.getValue() == null || due.getValue() == null) {
                message.setText("Choose an article and a due date.");
                return;
            }
            try {
                assignments.assignMarkClaims(
                        c.id(),
                        new NewAssignment(
                                article.getValue().articleId(),
                                opens.getValue() == null || opens.getValue().equals(today) ? null : opens.getValue(),
                                due.getValue(),
                                late.getValue(),
                                feedback.getValue(),
                                revision.getValue(),
                                revision.getValue() ? revisionUntil.getValue() : null,
                                classmates.getValue(),
                                steps.chosen()));
                dialog.close();
                Notification.show("Assigned: " + article.getValue().title())
                        .addThemeVariants(NotificationVariant.SUCCESS);
                refresh.run();
            } catch (UserFacingException ex) {
                message.setText(ex.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setTestId("assign-save");
        Anchor libraryLink = LibraryNavigation.library().anchor("Browse the library");
        libraryLink.setTarget("_blank");
        dialog.getFooter().add(libraryLink, new Button("Cancel", e -> dialog.close()), save);
        dialog.setWidth("min(95vw, 48rem)");
        dialog.open();
    }

    /**
     * The lesson's steps in the assign dialog (DD013): "Mark the claims" comes first; "Who says so?"
     * may follow, or be the lesson on its own (then it links the key's claims), when the article's
     * key names its sources, since that step is scored against them. Weights matter only when there
     * are two steps, so they are hidden otherwise.
     */
    private static final class LessonSteps {

        final Div section = new Div();
        private final Checkbox claimsStep = new Checkbox("Step 1: " + ExerciseNames.name(NewStep.MARK_CLAIMS), true);
        private final NumberField claimsWeight = weightField(NewStep.MARK_CLAIMS);
        private final Checkbox sources =
                new Checkbox("Step 2: " + ExerciseNames.name(NewStep.IDENTIFY_SOURCES) + " (optional)");
        private final Span sourcesReason = new Span();
        private final NumberField sourcesWeight = weightField(NewStep.IDENTIFY_SOURCES);
        private final Checkbox compare =
                new Checkbox("Last step: " + ExerciseNames.name(NewStep.COMPARE_OUTLETS) + " (optional)");
        private final Span compareReason = new Span();
        private final CheckboxGroup<LibraryEntry> compareArticles = new CheckboxGroup<>();
        private final Checkbox profilesAtOnce =
                new Checkbox("Show each outlet's profile at once (otherwise after students write what they found)");
        private final NumberField compareWeight = weightField(NewStep.COMPARE_OUTLETS);
        private final List<LibraryEntry> entries;
        private @Nullable LibraryEntry lessonArticle;
        private final Paragraph weighting = new Paragraph("The lesson score is the weighted mean of the steps' "
                + "scores. For example, with \u00d71 and \u00d73, step scores of 60 and 80 give "
                + "(60 + 3 \u00d7 80) \u00f7 4 = 75.");

        LessonSteps(List<LibraryEntry> entries) {
            this.entries = List.copyOf(entries);
            section.addClassName("lesson-steps");
            section.setTestId("assign-steps");
            Span title = new Span("Steps of the lesson");
            title.addClassName("lesson-steps-title");
            claimsStep.addClassName("lesson-step-name");
            claimsStep.setTestId("assign-step-mark-claims");
            Div first = new Div(
                    claimsStep,
                    about("Students find the article's claims and say what kind each one is. Untick it to make "
                            + "\u201cWho says so?\u201d the whole lesson: students then link the answer key's claims, "
                            + "shown without their types."),
                    claimsWeight);
            first.addClassName("lesson-step");
            sources.setTestId("assign-step-identify-sources");
            sourcesReason.addClassName("lesson-step-reason");
            sourcesReason.setTestId("assign-sources-unavailable");
            sourcesReason.setVisible(false);
            Div second = new Div(
                    sources,
                    about("Opens once step 1 is submitted: students name who the article cites and link the claims "
                            + "they marked to those sources."),
                    sourcesReason,
                    sourcesWeight);
            second.addClassName("lesson-step");
            compare.setTestId("assign-step-compare-outlets");
            compareReason.addClassName("lesson-step-reason");
            compareReason.setTestId("assign-compare-unavailable");
            compareReason.setVisible(false);
            compareArticles.setLabel("Articles to compare, side by side (2 to 5, this article included)");
            compareArticles.setItemLabelGenerator(e -> e.outletName() + ": " + e.title());
            compareArticles.setTestId("assign-compare-articles");
            // The lesson's article is always a column: its other steps are about it.
            compareArticles.setItemEnabledProvider(
                    e -> lessonArticle == null || !e.articleId().equals(lessonArticle.articleId()));
            profilesAtOnce.setTestId("assign-compare-profiles-at-once");
            Div third = new Div(
                    compare,
                    about("Comes last: students read articles of the same story side by side, fill a grid per "
                            + "article and a claims-by-outlets table, look each outlet up outside Lateral, and say "
                            + "which article they would trust for what. You grade that judgement with a rubric."),
                    compareReason,
                    compareArticles,
                    profilesAtOnce,
                    compareWeight);
            third.addClassName("lesson-step");
            weighting.addClassName("reader-note");
            section.add(title, first, second, third, weighting);
            sources.addValueChangeListener(e -> showWeights());
            claimsStep.addValueChangeListener(e -> showWeights());
            compare.addValueChangeListener(e -> showWeights());
            showWeights();
        }

        private static Span about(String text) {
            Span about = new Span(text);
            about.addClassName("lesson-step-about");
            return about;
        }

        private static NumberField weightField(String exercise) {
            NumberField weight = new NumberField("Weight");
            weight.setAriaLabel("Weight of " + ExerciseNames.name(exercise) + " in the lesson score");
            weight.setTestId("assign-weight-" + exercise);
            weight.setValue(1.0);
            weight.setMin(NewStep.LIGHTEST.doubleValue());
            weight.setMax(NewStep.HEAVIEST.doubleValue());
            weight.setStep(0.1);
            weight.setStepButtonsVisible(true);
            weight.setWidth("12rem");
            weight.setHelperText(helper(1.0));
            weight.addValueChangeListener(e -> weight.setHelperText(helper(e.getValue())));
            return weight;
        }

        /** "Counts ×2 in the lesson score", so a teacher reads what the number does. */
        private static String helper(@Nullable Double value) {
            if (value == null) {
                return "A number from 0.1 to 9.9";
            }
            return "Counts \u00d7"
                    + BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() + " in the lesson score";
        }

        void articleChosen(@Nullable LibraryEntry entry) {
            lessonArticle = entry;
            List<LibraryEntry> sameStory = entry == null || entry.storySetId() == null
                    ? List.of()
                    : entries.stream()
                            .filter(e -> entry.storySetId().equals(e.storySetId()) && e.comparable())
                            .toList();
            boolean comparable = entry == null || (entry.comparable() && sameStory.size() >= NewStep.FEWEST_COMPARED);
            compare.setEnabled(comparable);
            if (!comparable) {
                compare.setValue(false);
                compareReason.setText(
                        entry.storySetId() == null
                                ? "Not possible for this article: it belongs to no story set to compare it with."
                                : "Not possible for this article: its story set has no comparison key for it yet.");
            }
            compareReason.setVisible(!comparable);
            compareArticles.setItems(sameStory);
            if (entry != null && !sameStory.isEmpty()) {
                // Preselect the whole set, up to five: a teacher usually narrows it down.
                compareArticles.setValue(new java.util.LinkedHashSet<>(
                        sameStory.subList(0, Math.min(sameStory.size(), NewStep.MOST_COMPARED))));
                if (compareArticles.getValue().stream()
                        .noneMatch(e -> e.articleId().equals(entry.articleId()))) {
                    java.util.Set<LibraryEntry> value = new java.util.LinkedHashSet<>(compareArticles.getValue());
                    sameStory.stream()
                            .filter(e -> e.articleId().equals(entry.articleId()))
                            .findFirst()
                            .ifPresent(value::add);
                    compareArticles.setValue(value);
                }
            }
            showWeights();
            boolean possible = entry == null || entry.keyNamesSources();
            sources.setEnabled(possible);
            if (!possible) {
                sources.setValue(false);
                sourcesReason.setText(
                        entry.keyStatus() == LibraryEntry.KeyStatus.NONE
                                ? "Not possible for this article: it has no answer key yet."
                                : "Not possible for this article: its answer key names no sources to check against.");
            }
            sourcesReason.setVisible(!possible);
        }

        private void showWeights() {
            int count = (claimsStep.getValue() ? 1 : 0) + (sources.getValue() ? 1 : 0) + (compare.getValue() ? 1 : 0);
            boolean several = count > 1;
            claimsWeight.setVisible(several && claimsStep.getValue());
            sourcesWeight.setVisible(several && sources.getValue());
            compareWeight.setVisible(several && compare.getValue());
            weighting.setVisible(several);
            compareArticles.setVisible(compare.getValue());
            profilesAtOnce.setVisible(compare.getValue());
        }

        /** The chosen steps; a weight left empty is a mistake the teacher must correct. */
        List<NewStep> chosen() {
            List<NewStep> steps = new java.util.ArrayList<>();
            boolean several =
                    (claimsStep.getValue() ? 1 : 0) + (sources.getValue() ? 1 : 0) + (compare.getValue() ? 1 : 0) > 1;
            if (claimsStep.getValue()) {
                steps.add(new NewStep(NewStep.MARK_CLAIMS, several ? weight(claimsWeight) : BigDecimal.ONE));
            }
            if (sources.getValue()) {
                steps.add(new NewStep(NewStep.IDENTIFY_SOURCES, several ? weight(sourcesWeight) : BigDecimal.ONE));
            }
            if (compare.getValue()) {
                // Columns in the story set's order, which is the order the checkboxes list them in.
                List<java.util.UUID> columns = compareArticles
                        .getListDataView()
                        .getItems()
                        .filter(compareArticles.getValue()::contains)
                        .map(LibraryEntry::articleId)
                        .toList();
                steps.add(NewStep.compare(
                        columns, several ? weight(compareWeight) : BigDecimal.ONE, profilesAtOnce.getValue()));
            }
            if (steps.isEmpty()) {
                throw new UserFacingException("Choose at least one step for the lesson.");
            }
            return steps;
        }

        private static BigDecimal weight(NumberField field) {
            if (field.getValue() == null) {
                throw new UserFacingException("Give each step a weight from 0.1 to 9.9.");
            }
            // Two decimals drop the binary noise a double may carry (1.2000000000000002), not a
            // teacher's second decimal: the server refuses that in the teacher's words, as it does a
            // weight out of range.
            return BigDecimal.valueOf(field.getValue())
                    .setScale(2, RoundingMode.HALF_UP)
                    .stripTrailingZeros();
        }
    }

    /** Accommodations: one student gets a later due date; the class's date stays for everyone else. */
    private void overrideDialog(AssignmentSummary a) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Later due date for one student");
        Select<RosterEntry> student = new Select<>();
        student.setLabel("Student");
        student.setItems(c.roster());
        student.setItemLabelGenerator(RosterEntry::displayName);
        DatePicker due = new DatePicker(
                "New due date (end of the day, " + c.timeZone().getId() + ")",
                DueDates.dayOf(a.dueAt(), c.timeZone()).plusDays(7));
        TextField reason = new TextField("Reason (optional, only you see it)");
        reason.setMaxLength(500);
        Div message = new Div();
        message.addClassName("form-error");
        dialog.add(new Paragraph(a.title()), new FormLayout(student, due, reason), message);
        Button save = new Button("Save", e -> {
            if (student.getValue() == null || due.getValue() == null) {
                message.setText("Choose a student and a date.");
                return;
            }
            try {
                assignments.setDueDateFor(
                        a.id(),
                        student.getValue().studentId(),
                        due.getValue(),
                        reason.getValue().isBlank() ? null : reason.getValue());
                dialog.close();
                Notification.show(student.getValue().displayName() + " now has until " + due.getValue());
            } catch (UserFacingException ex) {
                message.setText(ex.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }
}
