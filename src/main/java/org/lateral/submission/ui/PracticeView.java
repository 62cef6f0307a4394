package org.lateral.submission.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
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
@PageTitle("Practice selecting · Lateral")
@Menu(title = "base.menu.practice", order = 9, icon = "vaadin:cursor")
@RolesAllowed({"STUDENT", "TEACHER"})
class PracticeView extends VerticalLayout {

    /** A short made-up news item; the headline is paragraph 0, as in every Lateral article. */
    static final String PRACTICE_TEXT = """
            Town library to stay open on Sundays, council says

            The town council voted on Tuesday to keep the central library open on Sundays \
            until the end of the year, according to a statement from the mayor’s office.

            “Families told us Sunday is the only day they can come,” said the head librarian, \
            who asked residents to fill in a short survey.

            The extra hours will reportedly cost about 40,000 euros, a figure the council has not confirmed. \
            If the survey shows strong demand, the opening hours could become permanent.""";

    static final String NOTHING_YET = "Nothing selected yet.";
    static final String SELECTED = "You selected:";
    static final String WIDENED = "Your selection started or ended inside a word, so Lateral takes the whole word.";
    static final String UNREADABLE = "That selection could not be read. Please select the words again.";

    PracticeView() {
        addClassName("page");
        add(new H2("Practice: select a claim"));
        add(new Paragraph("Select a sentence or a few words with the mouse. Lateral shows what it received. "
                + "Nothing on this page is saved or graded."));

        ClaimHighlighter highlighter = new ClaimHighlighter();
        highlighter.setText(PRACTICE_TEXT);

        Span status = new Span(NOTHING_YET);
        status.setTestId("selection-status");
        Span quote = new Span();
        quote.setTestId("selection-text");
        quote.addClassName("selection-quote");
        Span widened = new Span(WIDENED);
        widened.setTestId("selection-widened");
        widened.addClassName("reader-note");
        widened.setVisible(false);
        Div received = new Div(status, quote, widened);
        received.addClassName("selection-received");
        received.setTestId("selection-received");
        received.getElement().setAttribute("aria-live", "polite");

        highlighter.addSelectionListener(event -> event.span()
                .ifPresentOrElse(span -> show(span, status, quote, widened), () -> status.setText(UNREADABLE)));
        add(highlighter, received);
    }

    /**
     * The passage in its words, whole words only. The offsets the server received stay on the quote
     * as data attributes, for the end-to-end test that checks they arrive right; people read words.
     */
    private static void show(TextSpan span, Span status, Span quote, Span widened) {
        status.setText(SELECTED);
        int[] whole = WholeWords.widen(PRACTICE_TEXT, span.start(), span.end());
        quote.setText(WholeWords.quote(PRACTICE_TEXT, span.start(), span.end()));
        quote.getElement().setAttribute("data-start", Integer.toString(span.start()));
        quote.getElement().setAttribute("data-end", Integer.toString(span.end()));
        widened.setVisible(whole[0] != span.start() || whole[1] != span.end());
    }
}
