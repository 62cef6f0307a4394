package org.lateral.library.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.Fixtures;
import org.lateral.LateralTest;
import org.lateral.base.ui.NotFoundView;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.library.TestPacks;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

@LateralTest
class LibraryViewTest extends SpringBrowserlessTest {

    static final String NO_SOURCES_TEACHER = "library-no-sources-teacher";

    /** Made once: the teacher's account stays in the first school it was made in. */
    static @Nullable UUID noSourcesSchool;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ClassroomAdministration administration;

    /** A school of its own whose one article has a key that names no sources. */
    @BeforeEach
    void aSchoolWhoseKeyNamesNoSources() throws IOException {
        if (noSourcesSchool != null) {
            return;
        }
        UUID school = fixtures.school("Library no sources school");
        fixtures.importPack(
                school,
                TestPacks.carefulWithoutSources(
                        Files.createTempDirectory("library-no-sources").resolve("careful")));
        administration.ensureAccount(school, NO_SOURCES_TEACHER, "Ms Plain", Set.of(Role.TEACHER), Fixtures.PASSWORD);
        noSourcesSchool = school;
    }

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

    /** The library in Spanish: its heading, title, key states, notes and outlet kinds (DD034). */
    @Test
    @WithUserDetails("teacher")
    void a_spanish_page_shows_the_library_in_spanish() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("es-ES"));
        navigate(LibraryView.class);
        assertThat(((HasDynamicTitle) getCurrentView()).getPageTitle()).isEqualTo("Biblioteca · Lateral");
        assertThat($(Span.class).withAttribute("data-testid", "key-status").all())
                .extracting(Span::getText)
                .containsOnly("Clave completa");
        assertThat($(Div.class)
                        .withTestId("maturity-note")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .startsWith("Nota de madurez: ");
        assertThat($(Div.class)
                        .withAttribute("data-testid", "library-article")
                        .all()
                        .getFirst()
                        .getElement()
                        .getTextRecursively())
                .as("the outlet kind and the publication date in Spanish")
                .containsPattern(
                        "\\u00b7 (Periódico|Revista|Blog|Agencia de noticias|Medio estatal o vinculado al Estado"
                                + "|Web de estilo de vida o entretenimiento|Agregador de noticias|Revista digital"
                                + "|Cadena de radio o televisión) \\u00b7 ")
                .doesNotContainPattern("(January|February|March|April|May|June|July|August|September|October"
                        + "|November|December|around)");
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
    @WithUserDetails("teacher")
    void every_seed_article_says_it_can_be_used_for_all_three_exercises() {
        navigate(LibraryView.class);
        assertThat($(Span.class)
                        .withAttribute("data-testid", "library-exercises")
                        .all())
                .hasSize(5)
                .extracting(Span::getText)
                .allSatisfy(t -> assertThat(t)
                        .isEqualTo("Exercises: Mark the claims \u00b7 Who says so? (identify sources) "
                                + "\u00b7 Compare the outlets (with its story set)"));
    }

    @Test
    @WithUserDetails(value = NO_SOURCES_TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void an_article_whose_key_names_no_sources_says_it_is_for_marking_claims_only() {
        navigate(LibraryView.class);
        assertThat($(Span.class).withTestId("library-exercises").single().getText())
                .isEqualTo("Exercises: Mark the claims only. Its key names no sources, so it cannot be used for "
                        + "\u201cWho says so?\u201d.");
    }

    @Test
    @WithUserDetails("student1")
    void a_student_cannot_open_the_library() {
        navigate("library", NotFoundView.class);
    }
}
