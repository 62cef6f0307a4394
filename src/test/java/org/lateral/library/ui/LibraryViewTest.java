package org.lateral.library.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.lateral.LateralTest;
import org.lateral.base.ui.NotFoundView;
import org.springframework.security.test.context.support.WithUserDetails;

@LateralTest
class LibraryViewTest extends SpringBrowserlessTest {

    @Test
    @WithUserDetails("teacher")
    void a_teacher_sees_the_seed_pack_grouped_as_one_story_set_with_key_status_and_maturity_note() {
        navigate(LibraryView.class);
        Div set = $(Div.class).withTestId("story-set").single();
        assertThat(set.getElement().getTextRecursively()).contains("Defectors: one story, five outlets");
        assertThat($(Div.class)
                        .withTestId("maturity-note")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .contains("Violent extremism");
        assertThat($(Div.class).withAttribute("data-testid", "library-article").all())
                .hasSize(5)
                .allSatisfy(row ->
                        assertThat(row.getParent().flatMap(c -> c.getParent())).contains(set));
        assertThat($(Span.class).withAttribute("data-testid", "key-status").all())
                .extracting(Span::getText)
                .containsExactly("Key complete", "Key complete", "Key complete", "Key complete", "Key complete");
        assertThat($(Anchor.class).withAttribute("data-testid", "outlet-link").all())
                .extracting(Anchor::getText)
                .containsExactly(
                        "The Frisky", "Sputnik International", "Isegoria", "War in Context", "New Eastern Outlook");
    }

    @Test
    @WithUserDetails("teacher")
    void searching_narrows_the_list_and_says_so_when_nothing_matches() {
        navigate(LibraryView.class);
        TextField search = $(TextField.class).withTestId("library-search").single();
        test(search).setValue("war in context");
        assertThat($(Div.class).withAttribute("data-testid", "library-article").all())
                .singleElement()
                .satisfies(row ->
                        assertThat(row.getElement().getTextRecursively()).contains("Confessions of an ISIS defector"));
        test(search).setValue("no such outlet");
        assertThat($(Div.class)
                        .withTestId("library-no-match")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .contains("no such outlet");
    }

    @Test
    @WithUserDetails("student1")
    void a_student_cannot_open_the_library() {
        navigate("library", NotFoundView.class);
    }
}
