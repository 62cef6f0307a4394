package org.lateral.submission.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.lateral.assignment.ui.AssignmentNavigation;
import org.lateral.base.UserFacingException;
import org.lateral.base.highlighter.ClaimHighlighter;
import org.lateral.base.highlighter.LinkState;
import org.lateral.base.highlighter.LinkableClaim;
import org.lateral.base.highlighter.MarkState;
import org.lateral.base.highlighter.MentionState;
import org.lateral.base.highlighter.OutboxKeys;
import org.lateral.base.highlighter.SaveResult;
import org.lateral.base.highlighter.SourceState;
import org.lateral.base.highlighter.SourceWorkSaver;
import org.lateral.base.highlighter.SourceWorkSnapshot;
import org.lateral.base.ui.ExerciseNames;
import org.lateral.base.ui.NamedRoute;
import org.lateral.base.ui.RouteIds;
import org.lateral.base.ui.RouteName;
import org.lateral.security.CurrentUser;
import org.lateral.submission.CompareSession;
import org.lateral.submission.CompareWorkService;
import org.lateral.submission.LessonProgress;
import org.lateral.submission.MarkingSession;
import org.lateral.submission.SourceWork;
import org.lateral.submission.SourceWorkService;
import org.lateral.submission.SubmissionService;

/**
 * A student's lesson page (DD013): the stepper of a lesson of several steps, and the shown step's
 * work: marking the claims of an article, or "Who says so?" (sources, their mentions, links from
 * claims). Every change is saved as it is made, through the highlighter's saves; the page says
 * "Saved" only after the database committed. {@code ?step=N} shows step N when it is done or open.
 */
@Route("assignment")
@NamedRoute(RouteName.MARKING)
@RolesAllowed("STUDENT")
class MarkingView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private final SubmissionService submissions;
    private final SourceWorkService sourceWork;
    private final CompareWorkService compareWork;
    private final CurrentUser currentUser;
    private String title = "";

    MarkingView(
            SubmissionService submissions,
            SourceWorkService sourceWork,
            CompareWorkService compareWork,
            CurrentUser currentUser) {
        this.submissions = submissions;
        this.sourceWork = sourceWork;
        this.compareWork = compareWork;
        this.currentUser = currentUser;
        addClassNames("page", "marking-page");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("base.pageTitle", title.isEmpty() ? getTranslation("submission.marking.title") : title);
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        UUID assignmentId = RouteIds.parse(parameter);
        Integer step = event.getLocation()
                .getQueryParameters()
                .getSingleParameter("step")
                .flatMap(MarkingView::position)
                .orElse(null);
        MarkingSession session = submissions.openStep(assignmentId, step).orElseThrow(NotFoundException::new);
        render(session);
    }

    private static Optional<Integer> position(String value) {
        return value.matches("[0-2]") ? Optional.of(Integer.parseInt(value)) : Optional.empty();
    }

    private void render(MarkingSession session) {
        title = session.title();
        removeAll();
        Anchor back =
                AssignmentNavigation.myAssignments().anchor(getTranslation("submission.common.backToMyAssignments"));
        back.getElement().setAttribute("router-link", true);
        back.addClassName("back-link");
        add(back);
        if (session.lesson()) {
            add(new H2(session.title()), stepper(session));
        }
        boolean sources = session.identifySources();
        String name = getTranslation(
                session.compares()
                        ? "submission.marking.compareOutlets"
                        : sources ? "submission.marking.whoSaysSo" : "submission.marking.markClaims");
        HtmlContainer heading = session.lesson() ? new H3(name) : new H2(name);
        if (session.attemptNumber() > 1) {
            heading.setText(getTranslation("submission.marking.revisionHeading", name, session.attemptNumber()));
        }
        String dueAt = Texts.due(session.dueAt(), session.timeZone());
        Paragraph due = new Paragraph(
                session.lateWorkAccepted()
                        ? getTranslation("submission.marking.due", dueAt)
                        : getTranslation("submission.marking.dueNoLateWork", dueAt));
        due.addClassName("reader-note");
        Paragraph how = new Paragraph(
                session.submitted() ? getTranslation("submission.marking.submitted") : instructions(session));
        how.setTestId("marking-instructions");
        add(heading, due, how);
        Anchor feedbackLink = SubmissionNavigation.feedback(session.assignmentId())
                .anchor(getTranslation("submission.marking.seeFeedback"));
        feedbackLink.getElement().setAttribute("router-link", true);
        feedbackLink.setTestId("open-feedback");
        // Feedback is released per lesson (DD013): the link shows once the last step is submitted.
        feedbackLink.setVisible(session.progress().done());
        if (session.attemptNumber() > 1 && !session.submitted() && session.step() == 0) {
            Anchor first = SubmissionNavigation.feedback(session.assignmentId())
                    .anchor(getTranslation("submission.marking.firstAttemptFeedback"));
            first.getElement().setAttribute("router-link", true);
            first.setTestId("first-attempt-feedback");
            add(new Div(first));
        }
        if (session.compares()) {
            renderCompare(session, feedbackLink);
            return;
        }

        ClaimHighlighter highlighter = new ClaimHighlighter();
        highlighter.setText(session.text());
        // Keyed by username: sign-out clears every outbox under OutboxKeys.prefixFor(username).
        String account = currentUser.get().map(u -> u.getUsername()).orElse("anonymous");
        String outbox = OutboxKeys.forAttempt(account, session.submissionId(), session.step(), session.attemptNumber());
        UUID attemptId = session.attemptId();
        if (sources) {
            List<LinkableClaim> claims = session.claims().stream()
                    .map(c -> new LinkableClaim(c.ref(), c.start(), c.end(), c.label()))
                    .toList();
            if (session.submitted()) {
                highlighter.showSourceWork(claims, session.sources(), session.links());
            } else {
                highlighter.startSourceWork(
                        session.words(),
                        session.sentences(),
                        claims,
                        session.sources(),
                        session.links(),
                        session.outlets(),
                        outbox,
                        new ViewSourceSaver(attemptId),
                        () -> {
                            SourceWork work = sourceWork.sourceWork(attemptId);
                            return new SourceWorkSnapshot(work.sources(), work.links());
                        });
            }
        } else if (session.submitted()) {
            highlighter.setMarks(session.marks());
            highlighter.setReadOnly(true);
        } else {
            highlighter.startMarking(
                    session.words(),
                    session.sentences(),
                    session.marks(),
                    outbox,
                    state -> save(attemptId, state),
                    () -> submissions.marks(attemptId));
        }
        add(highlighter);
        Div actions = new Div();
        actions.addClassName("marking-actions");
        if (!session.submitted()) {
            boolean last = session.progress().isLast(session.step());
            Button submit = new Button(
                    getTranslation(last ? "submission.marking.submitWork" : "submission.marking.submitStep"));
            submit.addClickListener(e -> confirmSubmit(
                    session,
                    last,
                    () -> {
                        // Nothing is left to send: the browser forgets its copy of the changes.
                        highlighter.clearOutbox();
                    },
                    () -> {
                        highlighter.stopMarking();
                        submit.setVisible(false);
                        feedbackLink.setVisible(true);
                        how.setText(getTranslation("submission.marking.submitted"));
                    }));
            submit.addThemeVariants(ButtonVariant.PRIMARY);
            submit.setTestId("submit-attempt");
            actions.add(submit);
        }
        actions.add(feedbackLink);
        add(actions);
    }

    /**
     * A compare-outlets step (DD015): the layout of {@link CompareStep} inside the saving element
     * ({@link CompareWorkArea}, which keeps the outbox and says "Saved" only after the commit), then
     * the submit button, which waits until everything is saved.
     */
    private void renderCompare(MarkingSession session, Anchor feedbackLink) {
        CompareWorkArea area = compareStep(session);
        Div actions = new Div();
        actions.addClassName("marking-actions");
        if (!session.submitted()) {
            boolean last = session.progress().isLast(session.step());
            Button submit = new Button(
                    getTranslation(last ? "submission.marking.submitWork" : "submission.marking.submitStep"));
            Span waiting = new Span();
            waiting.addClassName("reader-note");
            waiting.getElement().setAttribute("role", "status");
            submit.addClickListener(e -> {
                // Submitting while a change is still on its way would submit without it.
                waiting.setText(getTranslation("submission.marking.savingFirst"));
                area.whenAllSaved(
                        () -> {
                            waiting.setText("");
                            confirmSubmit(
                                    session,
                                    last,
                                    area::clearOutbox,
                                    // The submitted step again, read-only, with the work as the server holds it.
                                    () -> submissions
                                            .openStep(session.assignmentId(), session.step())
                                            .ifPresent(this::render));
                        },
                        () -> waiting.setText(getTranslation("submission.marking.notAllSaved")));
            });
            submit.addThemeVariants(ButtonVariant.PRIMARY);
            submit.setTestId("submit-attempt");
            actions.add(submit, waiting);
        }
        actions.add(feedbackLink);
        add(actions);
    }

    /** The compare step's layout inside the saving element, added to this page. */
    private CompareWorkArea compareStep(MarkingSession session) {
        CompareSession compare = java.util.Objects.requireNonNull(session.compare());
        UUID attemptId = session.attemptId();
        CompareWorkArea area = new CompareWorkArea();
        add(area);
        CompareStep step = CompareStep.into(
                area,
                compare,
                session.outlets(),
                session.submitted(),
                outletId -> compareWork.outletProfile(attemptId, outletId));
        if (session.submitted()) {
            area.setWork(compare.work());
            area.setReadOnly(true);
        } else {
            // Keyed by username: sign-out clears every outbox under OutboxKeys.prefixFor(username).
            String account = currentUser.get().map(u -> u.getUsername()).orElse("anonymous");
            area.start(
                    attemptId,
                    compare.work(),
                    OutboxKeys.forAttempt(account, session.submissionId(), session.step(), session.attemptNumber()),
                    compareWork);
            area.addSaveListener(result -> {
                String key = result.markId();
                if (result.status() == org.lateral.base.highlighter.SaveStatus.SAVED && key.startsWith("note:")) {
                    step.noteSaved(UUID.fromString(key.substring("note:".length())));
                }
            });
        }
        return area;
    }

    private String instructions(MarkingSession session) {
        if (session.compares()) {
            return getTranslation("submission.marking.howCompare");
        }
        if (session.identifySources()) {
            return getTranslation("submission.marking.howSources");
        }
        return getTranslation("submission.marking.howClaims");
    }

    /**
     * The stepper of a lesson (DD013): one item per step, reachable by {@code lesson-step-<kind>};
     * a done or open step is a link, a locked one says when it opens.
     */
    private Component stepper(MarkingSession session) {
        Nav nav = new Nav();
        nav.addClassName("lesson-stepper");
        nav.getElement().setAttribute("aria-label", getTranslation("submission.marking.steps"));
        for (LessonProgress.Step step : session.progress().steps()) {
            String name = (step.position() + 1) + ". " + ExerciseNames.name(step.exercise(), getLocale());
            String state = switch (step.state()) {
                case DONE -> getTranslation("submission.marking.stepDone");
                case OPEN -> getTranslation("submission.marking.stepOpen");
                case LOCKED -> getTranslation("submission.marking.stepLocked", step.position());
            };
            Component item;
            if (step.state() == LessonProgress.State.LOCKED) {
                Span locked = new Span(name + " \u00b7 " + state);
                locked.getElement().setAttribute("aria-disabled", "true");
                item = locked;
            } else {
                Anchor link = SubmissionNavigation.lessonStep(session.assignmentId(), step.position())
                        .anchor(name + " \u00b7 " + state);
                link.getElement().setAttribute("router-link", true);
                if (step.position() == session.step()) {
                    link.getElement().setAttribute("aria-current", "step");
                }
                item = link;
            }
            item.getElement().setAttribute("data-testid", "lesson-step-" + step.exercise());
            item.getElement().setAttribute("data-state", step.state().name().toLowerCase(java.util.Locale.ROOT));
            item.getElement().getClassList().add("lesson-step");
            nav.add(item);
        }
        return nav;
    }

    /** The sources mode's saves; a refusal the service throws becomes a rejected answer. */
    private final class ViewSourceSaver implements SourceWorkSaver {
        private final UUID attemptId;

        ViewSourceSaver(UUID attemptId) {
            this.attemptId = attemptId;
        }

        @Override
        public SaveResult saveSource(SourceState state) {
            return refusedAsRejected(id(state.sourceId()), state.seq(), () -> sourceWork.saveSource(attemptId, state));
        }

        @Override
        public SaveResult saveMention(MentionState state) {
            return refusedAsRejected(
                    id(state.mentionId()), state.seq(), () -> sourceWork.saveMention(attemptId, state));
        }

        @Override
        public SaveResult saveLink(LinkState state) {
            return refusedAsRejected(id(state.linkId()), state.seq(), () -> sourceWork.saveLink(attemptId, state));
        }

        private static String id(@Nullable UUID id) {
            return id == null ? "" : id.toString();
        }

        private static SaveResult refusedAsRejected(String id, int seq, Supplier<SaveResult> save) {
            try {
                return save.get();
            } catch (UserFacingException e) {
                return SaveResult.rejected(id, seq, e.getLocalizedMessage());
            }
        }
    }

    private SaveResult save(UUID attemptId, MarkState state) {
        try {
            return submissions.saveMark(attemptId, state);
        } catch (UserFacingException e) {
            return SaveResult.rejected(
                    state.markId() == null ? "" : state.markId().toString(), state.seq(), e.getLocalizedMessage());
        }
    }

    /**
     * @param clearOutbox forgets the browser's copy of the changes once the server has the submit
     * @param finished shows the last step as submitted, on this page
     */
    private void confirmSubmit(MarkingSession session, boolean last, Runnable clearOutbox, Runnable finished) {
        ConfirmDialog dialog = new ConfirmDialog(
                getTranslation(last ? "submission.marking.confirm.workTitle" : "submission.marking.confirm.stepTitle"),
                getTranslation(last ? "submission.marking.confirm.workText" : "submission.marking.confirm.stepText"),
                getTranslation("submission.marking.confirm.submit"),
                e -> {
                    try {
                        submissions.submit(session.attemptId());
                        clearOutbox.run();
                        if (!last) {
                            Notification.show(getTranslation("submission.marking.stepSubmitted", session.step() + 1))
                                    .addThemeVariants(NotificationVariant.SUCCESS);
                            SubmissionNavigation.marking(session.assignmentId()).navigate(UI.getCurrent());
                            return;
                        }
                        finished.run();
                        Notification.show(getTranslation("submission.marking.submittedWellDone"))
                                .addThemeVariants(NotificationVariant.SUCCESS);
                    } catch (UserFacingException ex) {
                        Notification.show(ex.getLocalizedMessage(), 6000, Notification.Position.MIDDLE)
                                .addThemeVariants(NotificationVariant.ERROR);
                    }
                });
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("submission.common.cancel"));
        dialog.setConfirmButtonTheme("primary");
        ConfirmDialogs.open(dialog);
    }
}
