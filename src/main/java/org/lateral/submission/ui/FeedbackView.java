package org.lateral.submission.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lateral.assignment.ui.AssignmentNavigation;
import org.lateral.base.UserFacingException;
import org.lateral.base.highlighter.ClaimHighlighter;
import org.lateral.base.ui.EmptyState;
import org.lateral.base.ui.NamedRoute;
import org.lateral.base.ui.RouteIds;
import org.lateral.base.ui.RouteName;
import org.lateral.base.ui.ScrollRegions;
import org.lateral.submission.AttemptReview;
import org.lateral.submission.FeedbackService;
import org.lateral.submission.RevisionHints;
import org.lateral.submission.StudentFeedback;

/**
 * A student's feedback: their marks beside the key over the article (found, found with another
 * type, missed, not in the key), the cue words of missed hedges and speculation, why each claim
 * matters, the teacher's comments, and the way to a revision. Before the feedback policy releases
 * it, the page says when feedback comes and holds nothing of the key; while a revision is
 * possible it shows hints instead of the key (DD006).
 */
@Route("feedback")
@NamedRoute(RouteName.FEEDBACK)
@RolesAllowed("STUDENT")
class FeedbackView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private final FeedbackService feedback;
    private String title = "";

    FeedbackView(FeedbackService feedback) {
        this.feedback = feedback;
        addClassNames("page", "feedback-page");
    }

    @Override
    public String getPageTitle() {
        return getTranslation(
                "base.pageTitle",
                title.isEmpty()
                        ? getTranslation("submission.feedback.title")
                        : getTranslation("submission.feedback.heading", title));
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        UUID assignmentId = RouteIds.parse(parameter);
        render(feedback.feedback(assignmentId).orElseThrow(NotFoundException::new));
    }

    private void render(StudentFeedback f) {
        title = f.title();
        removeAll();
        Anchor back =
                AssignmentNavigation.myAssignments().anchor(getTranslation("submission.common.backToMyAssignments"));
        back.getElement().setAttribute("router-link", true);
        back.addClassName("back-link");
        add(back, new H2(getTranslation("submission.feedback.heading", f.title())));

        Div actions = new Div();
        actions.addClassName("marking-actions");
        if (f.revisionInProgress()) {
            Anchor resume = SubmissionNavigation.marking(f.assignmentId())
                    .anchor(getTranslation("submission.feedback.continueRevision"));
            resume.getElement().setAttribute("router-link", true);
            resume.setTestId("continue-revision");
            actions.add(resume);
        } else if (f.canRevise()) {
            Button revise = new Button(getTranslation("submission.feedback.revise"), e -> confirmRevision(f));
            revise.addThemeVariants(ButtonVariant.PRIMARY);
            revise.setTestId("start-revision");
            actions.add(revise);
        }

        if (f.hints() != null) {
            renderHints(f, f.hints(), actions);
            return;
        }
        if (f.sourceHints() != null || f.compareHints() != null) {
            // A lesson without "Mark the claims": the hints of its other steps alone.
            if (actions.getChildren().findAny().isPresent()) {
                add(actions);
            }
            addLaterHints(f);
            return;
        }
        if (!f.released()) {
            add(new EmptyState("feedback-waiting", waiting(java.util.Objects.requireNonNull(f.waiting()), f)));
            if (actions.getChildren().findAny().isPresent()) {
                add(actions);
            }
            return;
        }
        // The way to attempt 2 sits above the long article, where a student sees it first.
        if (actions.getChildren().findAny().isPresent()) {
            add(actions);
        }
        if (!f.hasClaims()) {
            if (!f.sources().isEmpty()) {
                renderSources(f, stepTitle(f, Step.SOURCES));
            }
            if (!f.compare().isEmpty()) {
                renderCompare(f);
            }
            return;
        }
        if (!f.sources().isEmpty() || !f.compare().isEmpty()) {
            add(new H3(getTranslation("submission.feedback.step1Claims")));
        }
        if (f.gain() != null) {
            Paragraph gain = new Paragraph(getTranslation(
                    f.gain() >= 0 ? "submission.feedback.gained" : "submission.feedback.changedBy",
                    ReviewParts.signed(f.gain())));
            gain.addClassName("feedback-gain");
            gain.setTestId("feedback-gain");
            add(gain);
        }
        Div attemptArea = new Div();
        if (f.attempts().size() > 1) {
            // A group of pressed/unpressed buttons rather than Vaadin Tabs: axe found the tab list
            // of this page lacking its required tab children (aria-required-children, critical),
            // and a button that says whether it is pressed needs no widget pattern at all.
            Div attemptChoice = new Div();
            attemptChoice.addClassName("attempt-choice");
            attemptChoice.setTestId("attempt-tabs");
            attemptChoice.getElement().setAttribute("role", "group");
            attemptChoice.getElement().setAttribute("aria-label", getTranslation("submission.feedback.attempts"));
            List<Button> buttons = new ArrayList<>();
            for (AttemptReview a : f.attempts()) {
                Button choose = new Button(
                        a.score() == null
                                ? getTranslation("submission.feedback.attempt", a.number())
                                : getTranslation(
                                        "submission.feedback.attemptScored",
                                        a.number(),
                                        ReviewParts.score(a.score().score())));
                choose.setTestId("attempt-tab");
                choose.addClickListener(e -> {
                    buttons.forEach(other -> pressed(other, other == choose));
                    showAttempt(attemptArea, f, a);
                });
                buttons.add(choose);
                attemptChoice.add(choose);
            }
            buttons.forEach(each -> pressed(each, each == buttons.getLast()));
            add(attemptChoice);
        }
        add(attemptArea);
        showAttempt(attemptArea, f, f.attempts().getLast());
        if (!f.sources().isEmpty()) {
            renderSources(f, getTranslation("submission.feedback.step2Sources"));
        }
        if (!f.compare().isEmpty()) {
            renderCompare(f);
        }
    }

    /**
     * A step's heading: numbered when the lesson has more than one step shown ("Mark the claims"
     * first, then "Who says so?", then "Compare outlets", as a lesson orders them).
     */
    private String stepTitle(StudentFeedback f, Step step) {
        String name = getTranslation(
                step == Step.SOURCES ? "submission.feedback.whoSaysSo" : "submission.feedback.compareOutlets");
        boolean claims = f.hasClaims();
        boolean sources = !f.sources().isEmpty() || f.sourceHints() != null;
        boolean compare = !f.compare().isEmpty() || f.compareHints() != null;
        int steps = (claims ? 1 : 0) + (sources ? 1 : 0) + (compare ? 1 : 0);
        if (steps < 2) {
            return name;
        }
        int number = step == Step.SOURCES ? (claims ? 2 : 1) : steps;
        return getTranslation("submission.feedback.step", number, name);
    }

    /** The steps after "Mark the claims" that have a heading of their own. */
    private enum Step {
        SOURCES,
        COMPARE
    }

    /** The hints of the steps after "Mark the claims", while a revision is possible (DD006). */
    private void addLaterHints(StudentFeedback f) {
        if (f.sourceHints() != null) {
            add(new H3(stepTitle(f, Step.SOURCES)), SourceFeedbackParts.hints(f.sourceHints()));
        }
        if (f.compareHints() != null) {
            add(new H3(stepTitle(f, Step.COMPARE)), CompareFeedbackParts.hints(f.compareHints()));
        }
    }

    /**
     * The lesson's "Compare outlets" step beside its key (DD015): the latest attempt in full, with
     * its score row when it has one; an earlier attempt is named by its score.
     */
    private void renderCompare(StudentFeedback f) {
        StudentFeedback.CompareAttempt latest = f.compare().getLast();
        H3 heading = new H3(stepTitle(f, Step.COMPARE));
        heading.setId("compare-feedback");
        add(heading);
        if (f.compare().size() > 1) {
            StudentFeedback.CompareAttempt first = f.compare().getFirst();
            if (first.score() != null && latest.score() != null) {
                Paragraph earlier = new Paragraph(getTranslation(
                        "submission.feedback.earlierAttempt",
                        first.number(),
                        ReviewParts.score(first.score().score()),
                        latest.number(),
                        ReviewParts.score(latest.score().score())));
                earlier.addClassName("reader-note");
                add(earlier);
            }
        }
        add(CompareFeedbackParts.review(latest.feedback(), latest.score()));
    }

    /**
     * The lesson's "Who says so?" step beside its key (DD013): the latest attempt in full, with the
     * score that counts; an earlier attempt is named by its score so the revision's gain shows.
     */
    private void renderSources(StudentFeedback f, String title) {
        StudentFeedback.SourceAttempt latest = f.sources().getLast();
        H3 heading = new H3(title);
        heading.setId("sources-feedback");
        add(heading);
        if (f.sources().size() > 1) {
            StudentFeedback.SourceAttempt first = f.sources().getFirst();
            if (first.score() != null && latest.score() != null) {
                Paragraph earlier = new Paragraph(getTranslation(
                        "submission.feedback.earlierAttempt",
                        first.number(),
                        ReviewParts.score(first.score().score()),
                        latest.number(),
                        ReviewParts.score(latest.score().score())));
                earlier.addClassName("reader-note");
                add(earlier);
            }
        }
        add(SourceFeedbackParts.review(latest.review()));
    }

    /**
     * While a revision is possible: the score, what kind of claim to look for and where, and the
     * student's own marks over the article with paragraph numbers; the key stays hidden (DD006).
     */
    private void renderHints(StudentFeedback f, RevisionHints h, Div actions) {
        if (f.sourceHints() != null || f.compareHints() != null) {
            add(new H3(getTranslation("submission.feedback.step1Claims")));
        }
        add(HintParts.summary(h));
        if (actions.getChildren().findAny().isPresent()) {
            add(actions);
        }
        ClaimHighlighter highlighter = new ClaimHighlighter();
        highlighter.setText(f.text());
        highlighter.setReadOnly(true);
        highlighter.setOverlays(HintParts.overlays(h));
        highlighter.setOverlayList(true);
        Paragraph how = new Paragraph(getTranslation("submission.feedback.hintsHow"));
        how.addClassName("reader-note");
        Div column = new Div(HintParts.legend(), how, highlighter);
        column.addClassNames("reader-text", "numbered-paragraphs");
        Div side = new Div(
                HintParts.whereToLook(h),
                HintParts.counts(h),
                HintParts.extras(h),
                ReviewParts.comments(h.comments(), f.timeZone(), getTranslation("submission.feedback.noComment")));
        side.addClassName("reader-side");
        ScrollRegions.keyboardScrollable(side, getTranslation("submission.feedback.hintsRegion"));
        side.setTestId("revision-hints");
        Div layout = new Div(column, side);
        layout.addClassName("reader-layout");
        add(layout);
        addLaterHints(f);
    }

    private void showAttempt(Div area, StudentFeedback f, AttemptReview review) {
        area.removeAll();
        ClaimHighlighter highlighter = new ClaimHighlighter();
        highlighter.setText(f.text());
        highlighter.setReadOnly(true);
        highlighter.setOverlays(ReviewParts.overlays(review));
        highlighter.setOverlayList(true);
        Paragraph how = new Paragraph(getTranslation("submission.feedback.keyHow"));
        how.addClassName("reader-note");
        Div column = new Div(ReviewParts.summary(review), ReviewParts.legend(), how, highlighter);
        column.addClassName("reader-text");
        Div side = new Div(
                ReviewParts.comments(review, f.timeZone(), getTranslation("submission.feedback.noComment")),
                ReviewParts.claimList(review, false));
        // On a phone the claims in the key (what was found and missed) come before the article.
        side.addClassNames("reader-side", "reader-list-first");
        ScrollRegions.keyboardScrollable(side, getTranslation("submission.feedback.claimsRegion"));
        Div layout = new Div(column, side);
        layout.addClassName("reader-layout");
        area.add(layout);
    }

    private void confirmRevision(StudentFeedback f) {
        ConfirmDialog dialog = new ConfirmDialog(
                getTranslation("submission.feedback.revise.title"),
                getTranslation(
                        !f.compare().isEmpty() || f.compareHints() != null
                                ? "submission.feedback.revise.textLesson"
                                : f.sourceHints() != null || !f.sources().isEmpty()
                                        ? "submission.feedback.revise.textSources"
                                        : "submission.feedback.revise.textClaims"),
                getTranslation("submission.feedback.revise.start"),
                e -> {
                    try {
                        feedback.startRevision(f.assignmentId());
                        getUI().ifPresent(ui ->
                                SubmissionNavigation.marking(f.assignmentId()).navigate(ui));
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

    /** The attempt shown is the pressed button, said to screen readers and drawn as chosen. */
    private static void pressed(Button button, boolean shown) {
        button.getElement().setAttribute("aria-pressed", String.valueOf(shown));
        if (shown) {
            button.addThemeVariants(ButtonVariant.PRIMARY);
        } else {
            button.removeThemeVariants(ButtonVariant.PRIMARY);
        }
    }

    /** Why there is no feedback yet, in the page's language. */
    private String waiting(StudentFeedback.Waiting waiting, StudentFeedback f) {
        return switch (waiting.reason()) {
            case NOTHING_SUBMITTED -> getTranslation("submission.feedback.waiting.nothingSubmitted");
            case NO_KEY -> getTranslation("submission.feedback.waiting.noKey");
            case AFTER_DUE ->
                getTranslation("submission.feedback.waiting.afterDue", Texts.due(waiting.dueAt(), f.timeZone()));
            case TEACHER_RELEASES -> getTranslation("submission.feedback.waiting.teacherReleases");
        };
    }
}
