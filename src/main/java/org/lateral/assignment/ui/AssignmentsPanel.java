package org.lateral.assignment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
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
import org.lateral.base.i18n.DatePickers;
import org.lateral.base.i18n.Formats;
import org.lateral.base.ui.EmptyState;
import org.lateral.base.ui.ExerciseNames;
import org.lateral.base.ui.NamedRoutes;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.RosterEntry;
import org.lateral.classroom.SameNames;
import org.lateral.library.LibraryEntry;
import org.lateral.library.LibraryService;
import org.lateral.library.ui.CareNotes;
import org.lateral.library.ui.LibraryNavigation;

/**
 * The assignment part of the class page: the class's assignments with their counts, assigning an
 * article, and a later due date for one student. {@link AssignmentService} checks the teacher.
 */
final class AssignmentsPanel {

    /** The page the panel is on: its language is the panel's. */
    private final Component page;

    private final AssignmentService assignments;
    private final LibraryService library;
    private final ClassDetail c;
    private final Runnable refresh;

    AssignmentsPanel(
            Component page, AssignmentService assignments, LibraryService library, ClassDetail c, Runnable refresh) {
        this.page = page;
        this.assignments = assignments;
        this.library = library;
        this.c = c;
        this.refresh = refresh;
    }

    /** The class's assignments, with assigning an article and later due dates for single students. */
    Component section() {
        Div section = new Div();
        section.addClassName("class-assignments");
        section.add(new H3(page.getTranslation("assignment.panel.heading")));
        Button assign = new Button(page.getTranslation("assignment.panel.assign"), e -> assignDialog());
        assign.setTestId("assign-article");
        assign.setEnabled(!c.archived());
        section.add(assign);
        List<AssignmentSummary> list = assignments.assignmentsOf(c.id());
        if (list.isEmpty()) {
            section.add(new EmptyState(
                    "assignments-empty",
                    page.getTranslation("assignment.panel.empty.title"),
                    page.getTranslation("assignment.panel.empty.text")));
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
            Span steps = new Span(ExerciseNames.steps(a.exercises(), language()));
            steps.addClassName("lesson-steps-line");
            steps.getElement().setAttribute("data-testid", "assignment-steps");
            Locale language = language();
            String opens = Dates.opens(a.openAt(), a.timeZone(), language);
            String due = Dates.due(a.dueAt(), a.timeZone(), language);
            String feedback = page.getTranslation(a.feedbackPolicy().labelKey()).toLowerCase(language);
            Span meta = new Span(
                    a.revisionAllowed()
                            ? page.getTranslation("assignment.panel.metaRevision", opens, due, feedback, a.submitted())
                            : page.getTranslation("assignment.panel.meta", opens, due, feedback, a.submitted()));
            meta.addClassName("article-meta");
            Button extend = new Button(page.getTranslation("assignment.panel.laterDue"), e -> overrideDialog(a));
            extend.addThemeVariants(ButtonVariant.TERTIARY);
            extend.setEnabled(!c.roster().isEmpty());
            // The results screen belongs to the submission feature, which depends on this one; it is
            // reached by its route name.
            Anchor results = NamedRoutes.results(a.id()).anchor(page.getTranslation("assignment.panel.results"));
            results.getElement().setAttribute("router-link", true);
            results.getElement().setAttribute("data-testid", "open-results");
            Anchor dashboard =
                    NamedRoutes.assignmentDashboard(a.id()).anchor(page.getTranslation("assignment.panel.dashboard"));
            dashboard.getElement().setAttribute("router-link", true);
            dashboard.getElement().setAttribute("data-testid", "open-assignment-dashboard");
            Button edit = new Button(page.getTranslation("assignment.panel.edit"), e -> editDialog(a));
            edit.addThemeVariants(ButtonVariant.TERTIARY);
            edit.setTestId("edit-assignment");
            edit.setAriaLabel(page.getTranslation("assignment.panel.editOf", a.title()));
            Button remove = new Button(page.getTranslation("assignment.panel.remove"), e -> removeDialog(a));
            remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            remove.setTestId("remove-assignment");
            remove.setAriaLabel(page.getTranslation("assignment.panel.removeOf", a.title()));
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
        section.add(new H3(page.getTranslation("assignment.archived.heading")));
        Paragraph about = new Paragraph(page.getTranslation("assignment.archived.about"));
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
            Span meta = new Span(page.getTranslation("assignment.archived.meta", a.started(), a.submitted()));
            meta.addClassName("article-meta");
            Anchor results = NamedRoutes.results(a.id()).anchor(page.getTranslation("assignment.panel.results"));
            results.getElement().setAttribute("router-link", true);
            Button restore = new Button(page.getTranslation("assignment.archived.restore"), e -> {
                try {
                    assignments.restoreAssignment(a.id());
                    Notification.show(page.getTranslation("assignment.archived.restored", a.title()))
                            .addThemeVariants(NotificationVariant.SUCCESS);
                    refresh.run();
                } catch (UserFacingException ex) {
                    Notification.show(ex.getLocalizedMessage()).addThemeVariants(NotificationVariant.ERROR);
                }
            });
            restore.setTestId("restore-assignment");
            restore.setAriaLabel(page.getTranslation("assignment.archived.restoreOf", a.title()));
            row.add(name, meta, results, restore);
            rows.add(row);
        }
        section.add(rows);
        return section;
    }

    /** The page's language (the panel is always made while its page is being served). */
    private static Locale language() {
        return UI.getCurrent().getLocale();
    }

    /** A date picker in the page's language. */
    private DatePicker picker(String label, @Nullable LocalDate value) {
        DatePicker picker = DatePickers.localized(new DatePicker(label), language());
        picker.setValue(value);
        return picker;
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
            confirm.setHeader(page.getTranslation("assignment.remove.deleteHeader", a.title()));
            confirm.setText(page.getTranslation("assignment.remove.deleteText"));
            confirm.setConfirmText(page.getTranslation("assignment.remove.delete"));
            confirm.setConfirmButtonTheme("error primary");
        } else {
            confirm.setHeader(page.getTranslation("assignment.remove.archiveHeader", a.title()));
            confirm.setText(page.getTranslation("assignment.remove.archiveText", started));
            confirm.setConfirmText(page.getTranslation("assignment.remove.archive", started));
            confirm.setConfirmButtonTheme("primary");
        }
        confirm.setCancelable(true);
        confirm.setCancelText(page.getTranslation("assignment.form.cancel"));
        confirm.addConfirmListener(e -> {
            try {
                AssignmentRemoval done = assignments.removeAssignment(a.id(), started);
                Notification.show(
                                done == AssignmentRemoval.DELETED
                                        ? page.getTranslation("assignment.remove.deleted", a.title())
                                        : page.getTranslation("assignment.remove.archived", a.title()))
                        .addThemeVariants(NotificationVariant.SUCCESS);
            } catch (UserFacingException ex) {
                Notification.show(ex.getLocalizedMessage(), 8000, Notification.Position.MIDDLE)
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
        dialog.setHeaderTitle(page.getTranslation("assignment.edit.header"));
        dialog.setTestId("edit-assignment-dialog");
        TextField title =
                new TextField(page.getTranslation("assignment.edit.title"), v.title() == null ? "" : v.title(), "");
        title.setMaxLength(AssignmentService.LONGEST_TITLE);
        title.setRequired(true);
        title.setTestId("edit-title");
        title.setWidthFull();
        DatePicker opens = picker(page.getTranslation("assignment.form.opens"), v.openDate());
        opens.setTestId("edit-opens");
        if (settings.opened()) {
            opens.setReadOnly(true);
            opens.setHelperText(page.getTranslation("assignment.edit.opensFixed"));
        }
        DatePicker due =
                picker(page.getTranslation("assignment.form.due", c.timeZone().getId()), v.dueDate());
        due.setTestId("edit-due");
        Checkbox late = new Checkbox(page.getTranslation("assignment.form.lateWork"), v.lateWorkAccepted());
        RadioButtonGroup<FeedbackPolicy> feedback =
                new RadioButtonGroup<>(page.getTranslation("assignment.form.feedback"));
        feedback.setItems(FeedbackPolicy.values());
        feedback.setItemLabelGenerator(f -> page.getTranslation(f.labelKey()));
        feedback.setValue(v.feedbackPolicy());
        feedback.setTestId("edit-feedback");
        Checkbox revision = new Checkbox(page.getTranslation("assignment.form.revision"), v.revisionAllowed());
        revision.setTestId("edit-revision");
        DatePicker revisionUntil = picker(page.getTranslation("assignment.form.revisionUntil"), v.revisionUntil());
        revisionUntil.setEnabled(v.revisionAllowed());
        revision.addValueChangeListener(e -> revisionUntil.setEnabled(e.getValue()));
        Paragraph revisionFixed = new Paragraph(page.getTranslation("assignment.edit.revisionFixed"));
        revisionFixed.addClassName("reader-note");
        revisionFixed.setTestId("edit-revision-fixed");
        revisionFixed.setVisible(!settings.revisionChangeable());
        if (!settings.revisionChangeable()) {
            revision.setReadOnly(true);
            revisionUntil.setReadOnly(true);
        }
        Checkbox classmates =
                new Checkbox(page.getTranslation("assignment.form.classmates"), v.classmatesAfterSubmit());
        Paragraph fixed = new Paragraph(page.getTranslation("assignment.edit.stepsFixed"));
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
        Button save = new Button(page.getTranslation("assignment.edit.save"), e -> {
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
                Notification.show(page.getTranslation(
                                "assignment.edit.saved", title.getValue().strip()))
                        .addThemeVariants(NotificationVariant.SUCCESS);
                refresh.run();
            } catch (UserFacingException ex) {
                message.setText(ex.getLocalizedMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setTestId("edit-save");
        dialog.getFooter().add(new Button(page.getTranslation("assignment.form.cancel"), e -> dialog.close()), save);
        dialog.setWidth("min(95vw, 40rem)");
        dialog.open();
    }

    private void assignDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(page.getTranslation("assignment.assign.header", c.name()));
        Select<LibraryEntry> article = new Select<>();
        article.setLabel(page.getTranslation("assignment.assign.article"));
        List<LibraryEntry> entries = library.articles("");
        article.setItems(entries);
        article.setItemLabelGenerator(e -> e.keyStatus() == LibraryEntry.KeyStatus.COMPLETE
                ? page.getTranslation("assignment.assign.articleItem", e.outletName(), e.title())
                : page.getTranslation(
                        "assignment.assign.articleItemKey",
                        e.outletName(),
                        e.title(),
                        page.getTranslation(e.keyStatus().labelKey()).toLowerCase(language())));
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
        DatePicker opens = picker(page.getTranslation("assignment.form.opens"), today);
        opens.setHelperText(page.getTranslation("assignment.assign.opensHelp"));
        DatePicker due =
                picker(page.getTranslation("assignment.form.due", c.timeZone().getId()), today.plusDays(7));
        due.setTestId("assign-due");
        Checkbox late = new Checkbox(page.getTranslation("assignment.form.lateWork"), true);
        RadioButtonGroup<FeedbackPolicy> feedback =
                new RadioButtonGroup<>(page.getTranslation("assignment.form.feedback"));
        feedback.setItems(FeedbackPolicy.values());
        feedback.setItemLabelGenerator(f -> page.getTranslation(f.labelKey()));
        feedback.setValue(FeedbackPolicy.AFTER_SUBMIT);
        Checkbox revision = new Checkbox(page.getTranslation("assignment.form.revision"), true);
        DatePicker revisionUntil = picker(page.getTranslation("assignment.form.revisionUntil"), null);
        revision.addValueChangeListener(e -> revisionUntil.setEnabled(e.getValue()));
        Checkbox classmates = new Checkbox(page.getTranslation("assignment.form.classmates"), false);
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
        Button save = new Button(page.getTranslation("assignment.assign.save"), e -> {
            if (article.getValue() == null || due.getValue() == null) {
                message.setText(page.getTranslation("assignment.assign.missing"));
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
                Notification.show(page.getTranslation(
                                "assignment.assign.assigned", article.getValue().title()))
                        .addThemeVariants(NotificationVariant.SUCCESS);
                refresh.run();
            } catch (UserFacingException ex) {
                message.setText(ex.getLocalizedMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setTestId("assign-save");
        Anchor libraryLink = LibraryNavigation.library().anchor(page.getTranslation("assignment.assign.browse"));
        libraryLink.setTarget("_blank");
        dialog.getFooter()
                .add(libraryLink, new Button(page.getTranslation("assignment.form.cancel"), e -> dialog.close()), save);
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

        /** The steps' part of the dialog; its language is the page's. */
        final Div section = new Div();

        private final Checkbox claimsStep =
                new Checkbox(section.getTranslation("assignment.steps.first", exercise(NewStep.MARK_CLAIMS)), true);
        private final NumberField claimsWeight = weightField(NewStep.MARK_CLAIMS);
        private final Checkbox sources =
                new Checkbox(section.getTranslation("assignment.steps.second", exercise(NewStep.IDENTIFY_SOURCES)));
        private final Span sourcesReason = new Span();
        private final NumberField sourcesWeight = weightField(NewStep.IDENTIFY_SOURCES);
        private final Checkbox compare =
                new Checkbox(section.getTranslation("assignment.steps.last", exercise(NewStep.COMPARE_OUTLETS)));
        private final Span compareReason = new Span();
        private final CheckboxGroup<LibraryEntry> compareArticles = new CheckboxGroup<>();
        private final Checkbox profilesAtOnce = new Checkbox(section.getTranslation("assignment.steps.profilesAtOnce"));
        private final NumberField compareWeight = weightField(NewStep.COMPARE_OUTLETS);
        private final List<LibraryEntry> entries;
        private @Nullable LibraryEntry lessonArticle;
        private final Paragraph weighting = new Paragraph(section.getTranslation("assignment.steps.weighting"));

        LessonSteps(List<LibraryEntry> entries) {
            this.entries = List.copyOf(entries);
            section.addClassName("lesson-steps");
            section.setTestId("assign-steps");
            Span title = new Span(section.getTranslation("assignment.steps.title"));
            title.addClassName("lesson-steps-title");
            claimsStep.addClassName("lesson-step-name");
            claimsStep.setTestId("assign-step-mark-claims");
            Div first =
                    new Div(claimsStep, about(section.getTranslation("assignment.steps.claimsAbout")), claimsWeight);
            first.addClassName("lesson-step");
            sources.setTestId("assign-step-identify-sources");
            sourcesReason.addClassName("lesson-step-reason");
            sourcesReason.setTestId("assign-sources-unavailable");
            sourcesReason.setVisible(false);
            Div second = new Div(
                    sources,
                    about(section.getTranslation("assignment.steps.sourcesAbout")),
                    sourcesReason,
                    sourcesWeight);
            second.addClassName("lesson-step");
            compare.setTestId("assign-step-compare-outlets");
            compareReason.addClassName("lesson-step-reason");
            compareReason.setTestId("assign-compare-unavailable");
            compareReason.setVisible(false);
            compareArticles.setLabel(section.getTranslation("assignment.steps.compareArticles"));
            compareArticles.setItemLabelGenerator(e -> e.outletName() + ": " + e.title());
            compareArticles.setTestId("assign-compare-articles");
            // The lesson's article is always a column: its other steps are about it.
            compareArticles.setItemEnabledProvider(
                    e -> lessonArticle == null || !e.articleId().equals(lessonArticle.articleId()));
            profilesAtOnce.setTestId("assign-compare-profiles-at-once");
            Div third = new Div(
                    compare,
                    about(section.getTranslation("assignment.steps.compareAbout")),
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

        /** The exercise's name in the page's language (fields are made before the constructor runs). */
        private String exercise(String code) {
            return ExerciseNames.name(code, language());
        }

        private NumberField weightField(String exercise) {
            NumberField weight = new NumberField(section.getTranslation("assignment.steps.weight"));
            weight.setAriaLabel(section.getTranslation("assignment.steps.weightOf", exercise(exercise)));
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
        private String helper(@Nullable Double value) {
            if (value == null) {
                return section.getTranslation("assignment.steps.weightEmpty");
            }
            return section.getTranslation(
                    "assignment.steps.counts", BigDecimal.valueOf(value).stripTrailingZeros());
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
                                ? section.getTranslation("assignment.steps.compareNoStorySet")
                                : section.getTranslation("assignment.steps.compareNoKey"));
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
                                ? section.getTranslation("assignment.steps.sourcesNoKey")
                                : section.getTranslation("assignment.steps.sourcesNoSources"));
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
                throw UserFacingException.of("assignment.refusal.noStep");
            }
            return steps;
        }

        private static BigDecimal weight(NumberField field) {
            if (field.getValue() == null) {
                throw UserFacingException.of("assignment.refusal.weightMissing");
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
        dialog.setHeaderTitle(page.getTranslation("assignment.override.header"));
        Select<RosterEntry> student = new Select<>();
        student.setLabel(page.getTranslation("assignment.override.student"));
        student.setItems(c.roster());
        // Two students with the same name are told apart by their usernames.
        SameNames sameNames = SameNames.inRoster(c.roster());
        student.setItemLabelGenerator(r -> sameNames.label(r.displayName(), r.username()));
        student.setTestId("override-student");
        DatePicker due = picker(
                page.getTranslation("assignment.override.due", c.timeZone().getId()),
                DueDates.dayOf(a.dueAt(), c.timeZone()).plusDays(7));
        TextField reason = new TextField(page.getTranslation("assignment.override.reason"));
        reason.setMaxLength(500);
        Div message = new Div();
        message.addClassName("form-error");
        dialog.add(new Paragraph(a.title()), new FormLayout(student, due, reason), message);
        Button save = new Button(page.getTranslation("assignment.override.save"), e -> {
            if (student.getValue() == null || due.getValue() == null) {
                message.setText(page.getTranslation("assignment.override.missing"));
                return;
            }
            try {
                assignments.setDueDateFor(
                        a.id(),
                        student.getValue().studentId(),
                        due.getValue(),
                        reason.getValue().isBlank() ? null : reason.getValue());
                dialog.close();
                Notification.show(page.getTranslation(
                        "assignment.override.done",
                        sameNames.label(
                                student.getValue().displayName(),
                                student.getValue().username()),
                        Formats.day(due.getValue(), language())));
            } catch (UserFacingException ex) {
                message.setText(ex.getLocalizedMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button(page.getTranslation("assignment.form.cancel"), e -> dialog.close()), save);
        dialog.open();
    }
}
