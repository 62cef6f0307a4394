package org.lateral.submission.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.UUID;
import org.lateral.assignment.DueDates;
import org.lateral.assignment.ui.AssignmentNavigation;
import org.lateral.base.UserFacingException;
import org.lateral.base.highlighter.ClaimHighlighter;
import org.lateral.base.highlighter.MarkState;
import org.lateral.base.highlighter.OutboxKeys;
import org.lateral.base.highlighter.SaveResult;
import org.lateral.base.ui.NamedRoute;
import org.lateral.base.ui.RouteIds;
import org.lateral.base.ui.RouteName;
import org.lateral.security.CurrentUser;
import org.lateral.submission.MarkingSession;
import org.lateral.submission.SubmissionService;

/**
 * Where a student marks the claims of an article. Every change is saved as it is made, through
 * the highlighter's {@code saveMark}; the page says "Saved" only after the database committed.
 */
@Route("assignment")
@NamedRoute(RouteName.MARKING)
@RolesAllowed("STUDENT")
class MarkingView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private final SubmissionService submissions;
    private final CurrentUser currentUser;
    private String title = "Assignment · Lateral";

    MarkingView(SubmissionService submissions, CurrentUser currentUser) {
        this.submissions = submissions;
        this.currentUser = currentUser;
        addClassNames("page", "marking-page");
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        UUID assignmentId = RouteIds.parse(parameter);
        MarkingSession session = submissions.open(assignmentId).orElseThrow(NotFoundException::new);
        render(session);
    }

    private void render(MarkingSession session) {
        title = session.title() + " · Lateral";
        removeAll();
        Anchor back = AssignmentNavigation.myAssignments().anchor("\u2190 My assignments");
        back.getElement().setAttribute("router-link", true);
        back.addClassName("back-link");
        H2 heading = new H2(
                session.attemptNumber() > 1
                        ? "Mark the claims: attempt " + session.attemptNumber() + " (revision)"
                        : "Mark the claims");
        Paragraph due = new Paragraph("Due " + DueDates.display(session.dueAt(), session.timeZone())
                + (session.lateWorkAccepted() ? "" : " · late work is not accepted"));
        due.addClassName("reader-note");
        Paragraph how = new Paragraph(
                session.submitted()
                        ? "You have submitted this work. It can no longer change."
                        : "Select the words of a claim, then choose its type. Keyboard: Tab into the text, arrows move by word, "
                                + "Shift+arrows select, keys 1\u20136 choose the type. Every mark is saved as you go.");
        how.setTestId("marking-instructions");
        add(back, heading, due, how);
        Anchor feedbackLink =
                SubmissionNavigation.feedback(session.assignmentId()).anchor("See your feedback");
        feedbackLink.getElement().setAttribute("router-link", true);
        feedbackLink.setTestId("open-feedback");
        feedbackLink.setVisible(session.submitted());
        if (session.attemptNumber() > 1 && !session.submitted()) {
            Anchor first = SubmissionNavigation.feedback(session.assignmentId()).anchor("Feedback on attempt 1");
            first.getElement().setAttribute("router-link", true);
            first.setTestId("first-attempt-feedback");
            add(new Div(first));
        }

        ClaimHighlighter highlighter = new ClaimHighlighter();
        highlighter.setText(session.text());
        if (session.submitted()) {
            highlighter.setMarks(session.marks());
            highlighter.setReadOnly(true);
        } else {
            UUID attemptId = session.attemptId();
            // Keyed by username: sign-out clears every outbox under OutboxKeys.prefixFor(username).
            String account = currentUser.get().map(u -> u.getUsername()).orElse("anonymous");
            highlighter.startMarking(
                    session.words(),
                    session.sentences(),
                    session.marks(),
                    OutboxKeys.forAttempt(account, session.submissionId(), session.attemptNumber()),
                    state -> save(attemptId, state),
                    () -> submissions.marks(attemptId));
        }
        add(highlighter);
        if (session.submitted()) {
            Div actions = new Div(feedbackLink);
            actions.addClassName("marking-actions");
            add(actions);
        }

        if (!session.submitted()) {
            Button submit = new Button("Submit my work");
            submit.addClickListener(e -> confirmSubmit(session, highlighter, submit, how, feedbackLink));
            submit.addThemeVariants(ButtonVariant.PRIMARY);
            submit.setTestId("submit-attempt");
            Div actions = new Div(submit, feedbackLink);
            actions.addClassName("marking-actions");
            add(actions);
        }
    }

    private SaveResult save(UUID attemptId, MarkState state) {
        try {
            return submissions.saveMark(attemptId, state);
        } catch (UserFacingException e) {
            return SaveResult.rejected(
                    state.markId() == null ? "" : state.markId().toString(), state.seq(), e.getMessage());
        }
    }

    private void confirmSubmit(
            MarkingSession session, ClaimHighlighter highlighter, Button submit, Paragraph how, Anchor feedbackLink) {
        ConfirmDialog dialog = new ConfirmDialog(
                "Submit your work?",
                "After you submit, this attempt is final. Make sure the page says \u201cSaved\u201d.",
                "Submit",
                e -> {
                    try {
                        submissions.submit(session.attemptId());
                        // Nothing is left to send: the browser forgets its copy of the changes.
                        highlighter.clearOutbox();
                        highlighter.stopMarking();
                        submit.setVisible(false);
                        feedbackLink.setVisible(true);
                        how.setText("You have submitted this work. It can no longer change.");
                        Notification.show("Submitted. Well done.").addThemeVariants(NotificationVariant.SUCCESS);
                    } catch (UserFacingException ex) {
                        Notification.show(ex.getMessage(), 6000, Notification.Position.MIDDLE)
                                .addThemeVariants(NotificationVariant.ERROR);
                    }
                });
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("primary");
        dialog.open();
    }
}
