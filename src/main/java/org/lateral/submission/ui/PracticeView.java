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
@Menu(title = "Practice", order = 9, icon = "vaadin:cursor")
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

    PracticeView() {
        addClassName("page");
        add(new H2("Practice: select a claim"));
        add(new Paragraph("Select a sentence or a few words with the mouse. Lateral shows what it received. "
                + "Nothing on this page is saved or graded."));

        ClaimHighlighter highlighter = new ClaimHighlighter();
        highlighter.setText(PRACTICE_TEXT);

        Span status = new Span("Nothing selected yet.");
        status.setTestId("selection-status");
        Span start = new Span();
        start.setTestId("selection-start");
        Span end = new Span();
        end.setTestId("selection-end");
        Span quote = new Span();
        quote.setTestId("selection-text");
        quote.addClassName("selection-quote");
        Paragraph position = new Paragraph(new Span("From character "), start, new Span(" to "), end);
        position.setVisible(false); // shown once a selection has arrived
        Div received = new Div(status, position, quote);
        received.addClassName("selection-received");
        received.getElement().setAttribute("aria-live", "polite");

        highlighter.addSelectionListener(event -> event.span()
                .ifPresentOrElse(
                        span -> {
                            show(span, status, start, end, quote);
                            position.setVisible(true);
                        },
                        () -> status.setText("That selection could not be read. Please select the words again.")));
        add(highlighter, received);
    }

    private static void show(TextSpan span, Span status, Span start, Span end, Span quote) {
        status.setText("You selected:");
        start.setText(Integer.toString(span.start()));
        end.setText(Integer.toString(span.end()));
        quote.setText("“" + span.exact() + "”");
    }
}
