package org.lateral.submission.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.base.UserFacingException;
import org.lateral.base.highlighter.ClaimHighlighter;
import org.lateral.base.highlighter.LinkableClaim;
import org.lateral.base.ui.RouteIds;
import org.lateral.library.SourceKind;
import org.lateral.submission.AttemptNeighbours;
import org.lateral.submission.AttemptReview;
import org.lateral.submission.GradingActions;
import org.lateral.submission.KeyAmendments;
import org.lateral.submission.ResultsService;
import org.lateral.submission.ScoreEntry;
import org.lateral.submission.SourceReview;
import org.lateral.submission.StudentNeighbours;
import org.lateral.submission.TeacherReview;

/**
 * One student's attempt for the teacher: the marks beside the key over the article, the score
 * with its history, comments to the student, an override with its reason, and reopening.
 */
@Route("review")
@RolesAllowed("TEACHER")
class ReviewView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private final ResultsService results;
    private final GradingActions actions;
    private final KeyAmendments keys;
    private final AttemptNeighbours neighbours;
    private UUID attemptId;
    private String title = "Student work · Lateral";

    static final String PREVIOUS = "\u2190 Previous student";
    static final String NEXT = "Next student \u2192";

    ReviewView(ResultsService results, GradingActions actions, KeyAmendments keys, AttemptNeighbours neighbours) {
        this.results = results;
        this.neighbours = neighbours;
        this.actions = actions;
        this.keys = keys;
        addClassNames("page", "review-page");
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        attemptId = RouteIds.parse(parameter);
        TeacherReview review;
        try {
            review = results.review(attemptId).orElseThrow(NotFoundException::new);
        } catch (UserFacingException e) {
            removeAll();
            add(new H2("Student work"), new Paragraph(e.getMessage()));
            return;
        }
        render(review);
    }

    private void reload() {
        results.review(attemptId).ifPresent(this::render);
    }

    private void render(TeacherReview t) {
        AttemptReview review = t.review();
        title = t.student() + ", attempt " + review.number() + " · Lateral";
        removeAll();
        Anchor back = SubmissionNavigation.results(t.assignmentId()).anchor("\u2190 Results");
        back.getElement().setAttribute("router-link", true);
        back.addClassName("back-link");
        add(back, studentNavigation(), new H2(t.student() + " \u00b7 attempt " + review.number()));
        ZoneId zone = t.timeZone();
        Paragraph when = new Paragraph(
                review.submittedAt() == null
                        ? "Not submitted yet: the student is still working."
                        : "Submitted " + ReviewParts.when(review.submittedAt().atZone(zone)));
        when.addClassName("reader-meta");
        add(when);

        if (t.sources() != null) {
            renderSources(t, zone);
            return;
        }
        if (t.compare() != null) {
            renderCompare(t, zone);
            return;
        }
        ClaimHighlighter highlighter = new ClaimHighlighter();
        highlighter.setText(t.text());
        highlighter.setReadOnly(true);
        highlighter.setOverlays(ReviewParts.overlays(review));
        Div column = new Div(ReviewParts.summary(review), ReviewParts.legend(), highlighter);
        column.addClassName("reader-text");

        Div side = new Div(scorePanel(t), commentPanel(review, zone), ReviewParts.claimList(review, true));
        side.addClassName("reader-side");
        Div layout = new Div(column, side);
        layout.addClassName("reader-layout");
        add(layout);
    }

    /**
     * "Previous student" and "Next student": the same step's work of the neighbours in the results
     * page's order, with this student's place ("3 of 24"). Buttons, so they are reached with Tab and
     * disabled at either end.
     */
    private Component studentNavigation() {
        Div nav = new Div();
        nav.addClassName("student-nav");
        nav.getElement().setAttribute("role", "navigation");
        nav.getElement().setAttribute("aria-label", "Other students' work on this step");
        nav.setTestId("student-nav");
        StudentNeighbours n = neighbours.neighbours(attemptId).orElse(null);
        if (n == null) {
            nav.setVisible(false);
            return nav;
        }
        Button previous = neighbourButton(PREVIOUS, n.previous(), "student-previous");
        Button next = neighbourButton(NEXT, n.next(), "student-next");
        Span position = new Span(n.position() + " of " + n.count());
        position.setTestId("student-position");
        position.getElement()
                .setAttribute(
                        "title",
                        "Student " + n.position() + " of the " + n.count()
                                + " with work on this step, in the order of the results page");
        position.addClassName("student-position");
        nav.add(previous, position, next);
        return nav;
    }

    private Button neighbourButton(String label, StudentNeighbours.@Nullable Neighbour to, String testId) {
        Button button = new Button(label);
        button.setTestId(testId);
        button.addThemeVariants(ButtonVariant.TERTIARY);
        if (to == null) {
            button.setEnabled(false);
        } else {
            button.getElement().setAttribute("title", to.student());
            button.addClickListener(
                    e -> SubmissionNavigation.review(to.attemptId()).navigate(getUI().orElseThrow()));
        }
        return button;
    }

    /**
     * A "Who says so?" attempt (DD013): the student's sources, mentions and links drawn as the
     * student saw them, then the review beside the key; score and comments as for claims.
     */
    private void renderSources(TeacherReview t, ZoneId zone) {
        TeacherReview.Sources sources = java.util.Objects.requireNonNull(t.sources());
        ClaimHighlighter highlighter = new ClaimHighlighter();
        highlighter.setText(t.text());
        highlighter.showSourceWork(
                sources.claims().stream()
                        .map(c -> new LinkableClaim(c.ref(), c.start(), c.end(), c.label()))
                        .toList(),
                sources.work().sources(),
                sources.work().links());
        Paragraph how = new Paragraph("The student's sources and the words they marked for each, with the claims "
                + "they linked, as the student saw them. Their review against the key follows below.");
        how.addClassName("reader-note");
        Div column = new Div(how, highlighter);
        column.addClassName("reader-text");
        Div side = new Div(scorePanel(t), acceptPanel(t), commentPanel(t.review(), zone));
        side.addClassName("reader-side");
        Div layout = new Div(column, side);
        layout.addClassName("reader-layout");
        add(layout, SourceFeedbackParts.review(sources.review()));
    }

    /**
     * A compare-outlets attempt (DD015): the student's work beside the comparison key, read-only,
     * with "accept for this assignment" on a wrong framing, reporting or cell; beside it the
     * rubric to grade the judgement by, the score with its parts, and comments.
     */
    private void renderCompare(TeacherReview t, ZoneId zone) {
        TeacherReview.Compare compare = java.util.Objects.requireNonNull(t.compare());
        boolean submitted = t.review().submittedAt() != null;
        String done = "Accepted for this assignment. Every submitted attempt was scored again.";
        CompareReviewParts.Actions compareActions = new CompareReviewParts.Actions() {
            @Override
            public void acceptFraming(UUID articleId, org.lateral.submission.scoring.CompareScoring.Framing framing) {
                act(() -> keys.acceptCompareFraming(t.assignmentId(), articleId, framing), done);
            }

            @Override
            public void acceptReporting(
                    UUID articleId, org.lateral.submission.scoring.CompareScoring.Reporting reporting) {
                act(() -> keys.acceptCompareReporting(t.assignmentId(), articleId, reporting), done);
            }

            @Override
            public void acceptCarriage(
                    String claimId, UUID articleId, org.lateral.submission.scoring.CompareScoring.Carriage carriage) {
                act(() -> keys.acceptCompareCarriage(t.assignmentId(), claimId, articleId, carriage), done);
            }

            @Override
            public void grade(int level) {
                act(() -> actions.gradeJudgement(attemptId, level), "Grade saved. The score was computed again.");
            }
        };
        Paragraph how = new Paragraph("The student's grid for each article, their matrix and notes beside the "
                + "comparison key. Accepting an answer changes this assignment's key only and re-scores every "
                + "submitted attempt.");
        how.addClassName("reader-note");
        Div column = new Div(how, CompareReviewParts.work(compare, submitted, compareActions));
        column.addClassName("reader-text");
        Div side = new Div(
                CompareReviewParts.gradingPanel(compare, submitted, zone, compareActions::grade),
                scorePanel(t),
                commentPanel(t.review(), zone));
        side.addClassName("reader-side");
        Div layout = new Div(column, side);
        layout.addClassName("reader-layout");
        add(layout);
    }

    /**
     * "Accept an alternative" for the sources step (DD013): a kind the student gave that the key
     * does not accept, or a name of a source the key does not know, accepted for this assignment
     * only and re-scored at once for every student.
     */
    private Component acceptPanel(TeacherReview t) {
        SourceReview review = java.util.Objects.requireNonNull(t.sources()).review();
        Div panel = new Div();
        panel.addClassName("card");
        panel.setTestId("source-alternatives");
        panel.add(new H3("Accept for this assignment"));
        boolean any = false;
        for (SourceReview.KindIssue issue : review.kindsWrong()) {
            if (issue.yourKind() == null) {
                continue;
            }
            any = true;
            SourceKind kind = issue.yourKind();
            Button accept = new Button(
                    "Accept \u201c" + kind.label() + "\u201d for " + issue.keyName(),
                    e -> act(
                            () -> keys.acceptSourceKind(t.assignmentId(), issue.keySourceId(), kind),
                            "Accepted. Every submitted attempt was scored again."));
            accept.setTestId("accept-source-kind");
            panel.add(new Div(accept));
        }
        List<String> keySources = review.found().stream()
                .map(SourceReview.FoundSource::keySourceId)
                .toList();
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        review.found().forEach(f -> names.put(f.keySourceId(), f.keyName()));
        review.missed().forEach(m -> names.put(m.keySourceId(), m.name()));
        for (SourceReview.ExtraSource extra : review.extras()) {
            any = true;
            Select<String> source = new Select<>();
            source.setLabel("\u201c" + extra.name() + "\u201d is another name of");
            source.setItems(List.copyOf(names.keySet()));
            source.setItemLabelGenerator(id -> names.getOrDefault(id, id));
            source.setTestId("accept-source-alias-target");
            Button accept = new Button("Accept this name", e -> {
                if (source.getValue() == null) {
                    Notification.show("Choose the key's source first.", 4000, Notification.Position.MIDDLE);
                    return;
                }
                act(
                        () -> keys.acceptSourceAlias(t.assignmentId(), source.getValue(), extra.name()),
                        "Accepted. Every submitted attempt was scored again.");
            });
            accept.setTestId("accept-source-alias");
            Div choice = new Div(source, accept);
            // The words the student marked for this source may be accepted too, as naming the chosen
            // key source: that matches the student's source by its passage, whatever its name.
            java.util.Objects.requireNonNull(t.sources()).work().sources().stream()
                    .filter(own -> own.name().equals(extra.name()))
                    .flatMap(own -> own.mentions().stream())
                    .forEach(m -> {
                        Button passage = new Button(
                                "Accept the words \u201c" + shortQuote(m.exact()) + "\u201d as naming it", e -> {
                                    if (source.getValue() == null) {
                                        Notification.show(
                                                "Choose the key's source first.", 4000, Notification.Position.MIDDLE);
                                        return;
                                    }
                                    act(
                                            () -> keys.acceptSourceSpan(
                                                    t.assignmentId(), source.getValue(), m.start(), m.end()),
                                            "Accepted. Every submitted attempt was scored again.");
                                });
                        passage.setTestId("accept-source-span");
                        choice.add(new Div(passage));
                    });
            panel.add(choice);
        }
        if (!any) {
            panel.add(new Paragraph(
                    keySources.isEmpty() && review.extras().isEmpty()
                            ? "Nothing to accept: this student named no source the key does not know."
                            : "Nothing to accept: every kind this student gave is one the key accepts."));
        }
        return panel;
    }

    /** A passage on a button: its words, cut to about a line. */
    static String shortQuote(String exact) {
        String line = exact.strip().replaceAll("\\s+", " ");
        return line.length() > 60 ? line.substring(0, 59).strip() + "\u2026" : line;
    }

    private Component scorePanel(TeacherReview t) {
        AttemptReview review = t.review();
        Div panel = new Div();
        panel.addClassName("card");
        panel.add(new H3("Score"));
        if (review.score() == null) {
            panel.add(new Paragraph(
                    review.submittedAt() == null
                            ? "Scored when the student submits."
                            : "Not scored: the assignment has no key."));
        } else {
            ScoreEntry s = review.score();
            Paragraph now = new Paragraph(ReviewParts.score(s.score()) + " of 100"
                    + (s.overridden() ? " (your score; the rules give " + ReviewParts.score(s.computed()) + ")" : ""));
            now.setTestId("review-score");
            panel.add(now);
            if (s.compare() != null) {
                Paragraph parts = new Paragraph(CompareReviewParts.parts(s.compare()));
                parts.setTestId("score-parts");
                panel.add(parts);
            }
            if (s.provisional()) {
                Paragraph provisional = new Paragraph(
                        ResultsView.PROVISIONAL + ". Grid and matrix count in their place until you grade it.");
                provisional.addClassName("reader-note");
                provisional.setTestId("score-provisional");
                panel.add(provisional);
            }
            OrderedList history = new OrderedList();
            history.setTestId("score-history");
            for (ScoreEntry e : review.history()) {
                ListItem item = new ListItem(ReviewParts.when(e.at().atZone(t.timeZone())) + ": "
                        + ReviewParts.score(e.score()) + " · " + ReviewParts.cause(e)
                        + (e.amendmentIds().isEmpty()
                                ? ""
                                : " · with " + e.amendmentIds().size() + " key changes")
                        + " · rules v" + e.rulesVersion()
                        + (e.comment() == null ? "" : " \u2014 \u201c" + e.comment() + "\u201d"));
                item.getElement().setAttribute("data-testid", "score-row");
                history.add(item);
            }
            panel.add(new Paragraph("History"), history);

            NumberField value = new NumberField("Set the score");
            value.setMin(0);
            value.setMax(100);
            value.setStep(0.5);
            value.setTestId("override-score");
            TextArea why = new TextArea("Why (kept with the score)");
            why.setMaxLength(2000);
            why.setWidthFull();
            why.setTestId("override-reason");
            Button set = new Button(
                    "Set score",
                    e -> act(() -> actions.override(attemptId, value.getValue(), why.getValue()), "Score set."));
            set.setTestId("override-save");
            panel.add(value, why, set);
            if (s.overridden()) {
                Button clear = new Button(
                        "Use the rules' score again",
                        e -> act(
                                () -> actions.override(attemptId, null, why.getValue()),
                                "The rules' score counts again."));
                clear.addThemeVariants(ButtonVariant.TERTIARY);
                clear.setTestId("override-clear");
                panel.add(clear);
            }
        }
        if (review.submittedAt() != null && t.latest()) {
            Button reopen = new Button("Reopen for the student", e -> {
                ConfirmDialog confirm = new ConfirmDialog(
                        "Reopen this attempt?",
                        "The student can change their marks and must submit again. The scores so far stay in the history. "
                                + "If the due date has passed and late work is not accepted, give them a later due date too.",
                        "Reopen",
                        x -> act(() -> actions.reopen(attemptId), "Reopened."));
                confirm.setCancelable(true);
                confirm.open();
            });
            reopen.setTestId("reopen-attempt");
            panel.add(reopen);
        }
        return panel;
    }

    private Component commentPanel(AttemptReview review, ZoneId zone) {
        Div panel = new Div(ReviewParts.comments(review, zone, "No comments yet."));
        TextArea body = new TextArea("Comment to the student");
        body.setHelperText("Only this student and the class's teachers see it, with the feedback.");
        body.setMaxLength(2000);
        body.setWidthFull();
        body.setTestId("comment-body");
        Button add = new Button(
                "Add comment", e -> act(() -> actions.comment(attemptId, body.getValue()), "Comment added."));
        add.setTestId("comment-save");
        panel.add(body, add);
        return panel;
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            Notification.show(done, 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.SUCCESS);
            reload();
        } catch (UserFacingException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.ERROR);
        }
    }
}
