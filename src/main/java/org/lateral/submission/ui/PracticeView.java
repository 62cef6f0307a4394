package org.lateral.submission.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.lateral.base.TextSpan;
import org.lateral.base.highlighter.ClaimHighlighter;

/**
 * A practice page for selecting text in the highlighter: nothing is saved or graded. It shows
 * what the server received, so students (and our end-to-end tests) see that a selection
 * arrives with the right position.
 */
@Route("practice")
@Menu(title = "base.menu.practice", order = 9, icon = "vaadin:cursor")
@RolesAllowed({"STUDENT", "TEACHER"})
class PracticeView extends VerticalLayout implements HasDynamicTitle {

    /** A short made-up news item; the headline is paragraph 0, as in every Lateral article. */
    static final String PRACTICE_TEXT = """
            Town library to stay open on Sundays, council says

            The town council voted on Tuesday to keep the central library open on Sundays \
            until the end of the year, according to a statement from the mayor’s office.

            “Families told us Sunday is the only day they can come,” said the head librarian, \
            who asked residents to fill in a short survey.

            The extra hours will reportedly cost about 40,000 euros, a figure the council has not confirmed. \
            If the survey shows strong demand, the opening hours could become permanent.""";

    PracticeView() {
        addClassName("page");
        add(new H2(getTranslation("submission.practice.heading")));
        add(new Paragraph(getTranslation("submission.practice.how")));

        ClaimHighlighter highlighter = new ClaimHighlighter();
        highlighter.setText(PRACTICE_TEXT);

        Span status = new Span(getTranslation("submission.practice.nothingYet"));
        status.setTestId("selection-status");
        Span quote = new Span();
        quote.setTestId("selection-text");
        quote.addClassName("selection-quote");
        Span widened = new Span(getTranslation("submission.practice.widened"));
        widened.setTestId("selection-widened");
        widened.addClassName("reader-note");
        widened.setVisible(false);
        Div received = new Div(status, quote, widened);
        received.addClassName("selection-received");
        received.setTestId("selection-received");
        received.getElement().setAttribute("aria-live", "polite");

        highlighter.addSelectionListener(event -> event.span()
                .ifPresentOrElse(
                        span -> show(span, status, quote, widened),
                        () -> status.setText(getTranslation("submission.practice.unreadable"))));
        add(highlighter, received);
    }

    /**
     * The passage in its words, whole words only. The offsets the server received stay on the quote
     * as data attributes, for the end-to-end test that checks they arrive right; people read words.
     */
    private void show(TextSpan span, Span status, Span quote, Span widened) {
        status.setText(getTranslation("submission.practice.selected"));
        int[] whole = WholeWords.widen(PRACTICE_TEXT, span.start(), span.end());
        quote.setText(WholeWords.quote(PRACTICE_TEXT, span.start(), span.end()));
        quote.getElement().setAttribute("data-start", Integer.toString(span.start()));
        quote.getElement().setAttribute("data-end", Integer.toString(span.end()));
        widened.setVisible(whole[0] != span.start() || whole[1] != span.end());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("base.pageTitle", getTranslation("submission.practice.title"));
    }
}
