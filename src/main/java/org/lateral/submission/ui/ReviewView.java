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
import org.lateral.base.ui.ScrollRegions;
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
    private String title = "";

    ReviewView(ResultsService results, GradingActions actions, KeyAmendments keys, AttemptNeighbours neighbours) {
        this.results = results;
        this.neighbours = neighbours;
        this.actions = actions;
        this.keys = keys;
        addClassNames("page", "review-page");
    }

    @Override
    public String getPageTitle() {
        return getTranslation(
                "base.pageTitle", title.isEmpty() ? getTranslation("submission.reviewView.studentWork") : title);
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        attemptId = RouteIds.parse(parameter);
        TeacherReview review;
        try {
            review = results.review(attemptId).orElseThrow(NotFoundException::new);
        } catch (UserFacingException e) {
            removeAll();
            add(new H2(getTranslation("submission.reviewView.studentWork")), new Paragraph(e.getLocalizedMessage()));
            return;
        }
        render(review);
    }

    private void reload() {
        results.review(attemptId).ifPresent(this::render);
    }

    private void render(TeacherReview t) {
        AttemptReview review = t.review();
        title = getTranslation("submission.reviewView.title", Texts.student(t.student()), review.number());
        removeAll();
        Anchor back = SubmissionNavigation.results(t.assignmentId())
                .anchor(getTranslation("submission.reviewView.backToResults"));
        back.getElement().setAttribute("router-link", true);
        back.addClassName("back-link");
        add(
                back,
                studentNavigation(),
                new H2(getTranslation("submission.reviewView.heading", Texts.student(t.student()), review.number())));
        ZoneId zone = t.timeZone();
        Paragraph when = new Paragraph(
                review.submittedAt() == null
                        ? getTranslation("submission.reviewView.notSubmitted")
                        : getTranslation(
                                "submission.reviewView.submitted",
                                ReviewParts.when(review.submittedAt().atZone(zone))));
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
        highlighter.setOverlayList(true);
        Div column = new Div(ReviewParts.summary(review), ReviewParts.legend(), highlighter);
        column.addClassName("reader-text");

        Div side = new Div(scorePanel(t), commentPanel(review, zone), ReviewParts.claimList(review, true));
        side.addClassName("reader-side");
        ScrollRegions.keyboardScrollable(side, getTranslation("submission.reviewView.claimsRegion"));
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
        nav.getElement().setAttribute("aria-label", getTranslation("submission.reviewView.otherStudents"));
        nav.setTestId("student-nav");
        StudentNeighbours n = neighbours.neighbours(attemptId).orElse(null);
        if (n == null) {
            nav.setVisible(false);
            return nav;
        }
        Button previous =
                neighbourButton(getTranslation("submission.reviewView.previous"), n.previous(), "student-previous");
        Button next = neighbourButton(getTranslation("submission.reviewView.next"), n.next(), "student-next");
        Span position = new Span(getTranslation("submission.reviewView.position", n.position(), n.count()));
        position.setTestId("student-position");
        position.getElement()
                .setAttribute("title", getTranslation("submission.reviewView.positionTitle", n.position(), n.count()));
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
        Paragraph how = new Paragraph(getTranslation("submission.reviewView.sourcesHow"));
        how.addClassName("reader-note");
        Div column = new Div(how, highlighter);
        column.addClassName("reader-text");
        Div side = new Div(scorePanel(t), acceptPanel(t), commentPanel(t.review(), zone));
        side.addClassName("reader-side");
        ScrollRegions.keyboardScrollable(side, getTranslation("submission.reviewView.sourcesRegion"));
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
        String done = getTranslation("submission.reviewView.acceptedForAssignment");
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
                act(() -> actions.gradeJudgement(attemptId, level), getTranslation("submission.reviewView.gradeSaved"));
            }
        };
        Paragraph how = new Paragraph(getTranslation("submission.reviewView.compareHow"));
        how.addClassName("reader-note");
        Div column = new Div(how, CompareReviewParts.work(compare, submitted, compareActions));
        column.addClassName("reader-text");
        Div side = new Div(
                CompareReviewParts.gradingPanel(compare, submitted, zone, compareActions::grade),
                scorePanel(t),
                commentPanel(t.review(), zone));
        side.addClassName("reader-side");
        ScrollRegions.keyboardScrollable(side, getTranslation("submission.reviewView.compareRegion"));
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
        panel.add(new H3(getTranslation("submission.reviewView.acceptHeading")));
        String accepted = getTranslation("submission.reviewView.accepted");
        String chooseFirst = getTranslation("submission.reviewView.chooseSourceFirst");
        boolean any = false;
        for (SourceReview.KindIssue issue : review.kindsWrong()) {
            if (issue.yourKind() == null) {
                continue;
            }
            any = true;
            SourceKind kind = issue.yourKind();
            Button accept = new Button(
                    getTranslation(
                            "submission.reviewView.acceptKind", getTranslation(kind.labelKey()), issue.keyName()),
                    e -> act(() -> keys.acceptSourceKind(t.assignmentId(), issue.keySourceId(), kind), accepted));
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
            source.setLabel(getTranslation("submission.reviewView.anotherName", extra.name()));
            source.setItems(List.copyOf(names.keySet()));
            source.setItemLabelGenerator(id -> names.getOrDefault(id, id));
            source.setTestId("accept-source-alias-target");
            Button accept = new Button(getTranslation("submission.reviewView.acceptName"), e -> {
                if (source.getValue() == null) {
                    Notification.show(chooseFirst, 4000, Notification.Position.MIDDLE);
                    return;
                }
                act(() -> keys.acceptSourceAlias(t.assignmentId(), source.getValue(), extra.name()), accepted);
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
                                getTranslation("submission.reviewView.acceptWords", shortQuote(m.exact())), e -> {
                                    if (source.getValue() == null) {
                                        Notification.show(chooseFirst, 4000, Notification.Position.MIDDLE);
                                        return;
                                    }
                                    act(
                                            () -> keys.acceptSourceSpan(
                                                    t.assignmentId(), source.getValue(), m.start(), m.end()),
                                            accepted);
                                });
                        passage.setTestId("accept-source-span");
                        choice.add(new Div(passage));
                    });
            panel.add(choice);
        }
        if (!any) {
            panel.add(new Paragraph(
                    keySources.isEmpty() && review.extras().isEmpty()
                            ? getTranslation("submission.reviewView.nothingNoSource")
                            : getTranslation("submission.reviewView.nothingKinds")));
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
        panel.add(new H3(getTranslation("submission.reviewView.score")));
        if (review.score() == null) {
            panel.add(new Paragraph(getTranslation(
                    review.submittedAt() == null
                            ? "submission.reviewView.scoredOnSubmit"
                            : "submission.reviewView.notScored")));
        } else {
            ScoreEntry s = review.score();
            Paragraph now = new Paragraph(
                    s.overridden()
                            ? getTranslation(
                                    "submission.reviewView.scoreOverridden",
                                    ReviewParts.score(s.score()),
                                    ReviewParts.score(s.computed()))
                            : getTranslation("submission.reviewView.scoreOf100", ReviewParts.score(s.score())));
            now.setTestId("review-score");
            panel.add(now);
            if (s.compare() != null) {
                Paragraph parts = new Paragraph(CompareReviewParts.parts(s.compare()));
                parts.setTestId("score-parts");
                panel.add(parts);
            }
            if (s.provisional()) {
                Paragraph provisional = new Paragraph(getTranslation("submission.reviewView.provisional"));
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
                                : " · "
                                        + getTranslation(
                                                "submission.reviewView.keyChanges",
                                                e.amendmentIds().size()))
                        + " · " + getTranslation("submission.reviewView.rules", String.valueOf(e.rulesVersion()))
                        + (e.comment() == null ? "" : " \u2014 \u201c" + e.comment() + "\u201d"));
                item.getElement().setAttribute("data-testid", "score-row");
                history.add(item);
            }
            panel.add(new Paragraph(getTranslation("submission.reviewView.history")), history);

            NumberField value = new NumberField(getTranslation("submission.reviewView.setTheScore"));
            value.setMin(0);
            value.setMax(100);
            value.setStep(0.5);
            value.setTestId("override-score");
            TextArea why = new TextArea(getTranslation("submission.reviewView.why"));
            why.setMaxLength(2000);
            why.setWidthFull();
            why.setTestId("override-reason");
            Button set = new Button(
                    getTranslation("submission.reviewView.setScore"),
                    e -> act(
                            () -> actions.override(attemptId, value.getValue(), why.getValue()),
                            getTranslation("submission.reviewView.scoreSet")));
            set.setTestId("override-save");
            panel.add(value, why, set);
            if (s.overridden()) {
                Button clear = new Button(
                        getTranslation("submission.reviewView.useRules"),
                        e -> act(
                                () -> actions.override(attemptId, null, why.getValue()),
                                getTranslation("submission.reviewView.rulesAgain")));
                clear.addThemeVariants(ButtonVariant.TERTIARY);
                clear.setTestId("override-clear");
                panel.add(clear);
            }
        }
        if (review.submittedAt() != null && t.latest()) {
            Button reopen = new Button(getTranslation("submission.reviewView.reopen"), e -> {
                ConfirmDialog confirm = new ConfirmDialog(
                        getTranslation("submission.reviewView.reopen.title"),
                        getTranslation("submission.reviewView.reopen.text"),
                        getTranslation("submission.reviewView.reopen.confirm"),
                        x -> act(() -> actions.reopen(attemptId), getTranslation("submission.reviewView.reopened")));
                confirm.setCancelable(true);
                confirm.setCancelText(getTranslation("submission.common.cancel"));
                confirm.open();
            });
            reopen.setTestId("reopen-attempt");
            panel.add(reopen);
        }
        return panel;
    }

    private Component commentPanel(AttemptReview review, ZoneId zone) {
        Div panel = new Div(ReviewParts.comments(review, zone, getTranslation("submission.reviewView.noComments")));
        TextArea body = new TextArea(getTranslation("submission.reviewView.comment"));
        body.setHelperText(getTranslation("submission.reviewView.commentHelp"));
        body.setMaxLength(2000);
        body.setWidthFull();
        body.setTestId("comment-body");
        Button add = new Button(
                getTranslation("submission.reviewView.addComment"),
                e -> act(
                        () -> actions.comment(attemptId, body.getValue()),
                        getTranslation("submission.reviewView.commentAdded")));
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
            Notification.show(e.getLocalizedMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.ERROR);
        }
    }
}
