package org.lateral.assignment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.Fixtures;
import org.lateral.LateralTest;
import org.lateral.SignedIn;
import org.lateral.base.Schools;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.library.LibraryEntry;
import org.lateral.library.TestPacks;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Choosing a lesson's steps in the assign dialog (DD013): "Mark the claims" alone as before, or
 * followed by "Who says so?" with a weight per step, which an article whose key names no sources
 * cannot have.
 */
@LateralTest
class AssignDialogStepsTest extends SpringBrowserlessTest {

    static final String TEACHER = "assign-steps-teacher";
    static final String NO_SOURCES_TEACHER = "assign-no-sources-teacher";
    static final String FRISKY =
            "The Frisky: The Head Of ISIS\u2019 European Operations Reportedly Defects. Here\u2019s What This Means For ISIS.";

    @Autowired
    Fixtures fixtures;

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    ClassroomService classroom;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    static @Nullable UUID noSourcesSchool;

    ClassDetail media;
    ClassDetail noSources;

    @BeforeEach
    void classesInTheDemoSchoolAndInASchoolWhoseKeyNamesNoSources() throws IOException {
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, TEACHER, "Ms Steps", Set.of(Role.TEACHER), Fixtures.PASSWORD);
        try (var s = SignedIn.as(users, TEACHER)) {
            media = classroom.createClass(
                    new NewClass("Media " + UUID.randomUUID().toString().substring(0, 4), "", "", "UTC"));
        }
        if (noSourcesSchool == null) {
            // Once: the teacher's account stays in the first school it was made in.
            noSourcesSchool = fixtures.school("Assign no sources school");
            fixtures.importPack(
                    noSourcesSchool,
                    TestPacks.carefulWithoutSources(
                            Files.createTempDirectory("assign-steps").resolve("careful")));
            administration.ensureAccount(
                    noSourcesSchool, NO_SOURCES_TEACHER, "Mr Plain", Set.of(Role.TEACHER), Fixtures.PASSWORD);
        }
        try (var s = SignedIn.as(users, NO_SOURCES_TEACHER)) {
            noSources = classroom.createClass(
                    new NewClass("Plain " + UUID.randomUUID().toString().substring(0, 4), "", "", "UTC"));
        }
    }

    @SuppressWarnings("unchecked")
    private void openDialogAndChoose(ClassDetail c, String article) {
        navigate(ClassView.class, c.id().toString());
        test($(Button.class).withTestId("assign-article").single()).click();
        Select<LibraryEntry> select =
                $(Select.class).withTestId("assign-article-select").single();
        test(select).selectItem(article);
    }

    private NumberField weight(String exercise) {
        return $(NumberField.class).withTestId("assign-weight-" + exercise).single();
    }

    private Checkbox sourcesStep() {
        return $(Checkbox.class).withTestId("assign-step-identify-sources").single();
    }

    private List<String> steps(UUID classId) {
        return jdbc.sql("""
                SELECT s.exercise || ' ' || s.weight::float8 FROM lesson_step s JOIN assignment a ON a.id = s.assignment_id
                 WHERE a.class_id = :c ORDER BY s.position
                """).param("c", classId).query(String.class).list();
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void without_a_second_step_the_lesson_is_mark_the_claims_alone_and_no_weight_is_asked() {
        openDialogAndChoose(media, FRISKY);
        assertThat(sourcesStep().getValue()).isFalse();
        assertThat($(NumberField.class).withTestId("assign-weight-mark-claims").exists())
                .as("a weight means nothing with one step")
                .isFalse();
        assertThat($(NumberField.class)
                        .withTestId("assign-weight-identify-sources")
                        .exists())
                .isFalse();
        test($(Button.class).withTestId("assign-save").single()).click();

        assertThat(steps(media.id())).containsExactly("mark-claims 1");
        assertThat($(Span.class)
                        .withAttribute("data-testid", "assignment-steps")
                        .all())
                .extracting(Span::getText)
                .containsExactly("Mark the claims");
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void adding_who_says_so_asks_each_steps_weight_and_the_class_page_lists_both_steps() {
        openDialogAndChoose(media, FRISKY);
        assertThat(sourcesStep().isEnabled()).isTrue();
        test(sourcesStep()).click();
        assertThat(weight("mark-claims").isVisible()).isTrue();
        assertThat(weight("mark-claims").getHelperText()).isEqualTo("Counts \u00d71 in the lesson score");
        test(weight("identify-sources")).setValue(3.0);
        assertThat(weight("identify-sources").getHelperText()).isEqualTo("Counts \u00d73 in the lesson score");
        test($(Button.class).withTestId("assign-save").single()).click();

        assertThat(steps(media.id())).containsExactly("mark-claims 1", "identify-sources 3");
        assertThat($(Span.class)
                        .withAttribute("data-testid", "assignment-steps")
                        .all())
                .extracting(Span::getText)
                .containsExactly("Mark the claims \u2192 Who says so?");
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void who_says_so_can_be_the_whole_lesson_and_a_lesson_needs_a_step() {
        openDialogAndChoose(media, FRISKY);
        Checkbox claims =
                $(Checkbox.class).withTestId("assign-step-mark-claims").single();
        test(claims).click();
        test($(Button.class).withTestId("assign-save").single()).click();
        assertThat($(Div.class).withClassName("form-error").single().getText())
                .isEqualTo("Choose at least one step for the lesson.");
        assertThat(steps(media.id())).isEmpty();

        test(sourcesStep()).click();
        assertThat($(NumberField.class)
                        .withTestId("assign-weight-identify-sources")
                        .exists())
                .as("one step: no weight shown")
                .isFalse();
        test($(Button.class).withTestId("assign-save").single()).click();
        assertThat(steps(media.id())).containsExactly("identify-sources 1");
        assertThat($(Span.class)
                        .withAttribute("data-testid", "assignment-steps")
                        .all())
                .extracting(Span::getText)
                .containsExactly("Who says so?");
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_weight_the_server_refuses_shows_its_reason_and_assigns_nothing() {
        openDialogAndChoose(media, FRISKY);
        test(sourcesStep()).click();
        test(weight("identify-sources")).setValue(2.25);
        test($(Button.class).withTestId("assign-save").single()).click();

        assertThat($(Div.class).withClassName("form-error").single().getText()).contains("from 0.1 to 9.9");
        assertThat(steps(media.id())).isEmpty();
    }

    @Test
    @WithUserDetails(value = NO_SOURCES_TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void an_article_whose_key_names_no_sources_cannot_have_the_who_says_so_step() {
        openDialogAndChoose(noSources, "The Daily Example: Mayor reportedly resigns");
        assertThat(sourcesStep().isEnabled()).isFalse();
        assertThat($(Span.class)
                        .withTestId("assign-sources-unavailable")
                        .single()
                        .getText())
                .contains("names no sources");
        test($(Button.class).withTestId("assign-save").single()).click();
        assertThat(steps(noSources.id())).containsExactly("mark-claims 1");
    }

    @SuppressWarnings("unchecked")
    private CheckboxGroup<LibraryEntry> compareArticles() {
        return $(CheckboxGroup.class).withTestId("assign-compare-articles").single();
    }

    private Checkbox compareStep() {
        return $(Checkbox.class).withTestId("assign-step-compare-outlets").single();
    }

    private List<String> columns(UUID classId) {
        return jdbc.sql("""
                SELECT o.name FROM lesson_step_article x
                  JOIN assignment a ON a.id = x.assignment_id
                  JOIN article r ON r.id = x.article_id JOIN outlet o ON o.id = r.outlet_id
                 WHERE a.class_id = :c ORDER BY x.column_order
                """).param("c", classId).query(String.class).list();
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void compare_the_outlets_comes_last_on_the_articles_the_teacher_keeps_ticked() {
        openDialogAndChoose(media, FRISKY);
        assertThat($(CheckboxGroup.class).withTestId("assign-compare-articles").exists())
                .as("hidden until the step is chosen")
                .isFalse();
        test(compareStep()).click();
        CheckboxGroup<LibraryEntry> articles = compareArticles();
        assertThat(articles.getValue()).as("the whole story set, ticked").hasSize(5);
        assertThat(articles.getItemEnabledProvider()
                        .test(articles.getValue().stream()
                                .filter(e -> e.outletName().equals("The Frisky"))
                                .findFirst()
                                .orElseThrow()))
                .as("the lesson's article stays a column")
                .isFalse();
        List<String> others = articles.getValue().stream()
                .filter(e ->
                        !e.outletName().equals("The Frisky") && !e.outletName().equals("Sputnik International"))
                .map(e -> e.outletName() + ": " + e.title())
                .toList();
        test(articles).deselectItems(others);
        test(weight("compare-outlets")).setValue(2.0);
        test($(Button.class).withTestId("assign-save").single()).click();

        assertThat(steps(media.id())).containsExactly("mark-claims 1", "compare-outlets 2");
        assertThat(columns(media.id()))
                .as("in the story set's order")
                .containsExactly("The Frisky", "Sputnik International");
        assertThat($(Span.class)
                        .withAttribute("data-testid", "assignment-steps")
                        .all())
                .extracting(Span::getText)
                .containsExactly("Mark the claims \u2192 Compare the outlets");
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void compare_the_outlets_can_be_the_whole_lesson_and_one_column_is_refused_in_words() {
        openDialogAndChoose(media, FRISKY);
        test($(Checkbox.class).withTestId("assign-step-mark-claims").single()).click();
        test(compareStep()).click();
        List<String> others = compareArticles().getValue().stream()
                .filter(e -> !e.outletName().equals("The Frisky"))
                .map(e -> e.outletName() + ": " + e.title())
                .toList();
        test(compareArticles()).deselectItems(others);
        test($(Button.class).withTestId("assign-save").single()).click();
        assertThat($(Div.class).withClassName("form-error").single().getText())
                .isEqualTo("Choose two to five articles to compare.");
        assertThat(steps(media.id())).isEmpty();

        test(compareArticles()).selectItems(others);
        test($(Button.class).withTestId("assign-save").single()).click();
        assertThat(steps(media.id())).containsExactly("compare-outlets 1");
        assertThat(columns(media.id())).hasSize(5);
    }

    @Test
    @WithUserDetails(value = NO_SOURCES_TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void an_article_without_a_comparison_key_cannot_be_compared_and_the_dialog_says_why() {
        openDialogAndChoose(noSources, "The Daily Example: Mayor reportedly resigns");
        assertThat(compareStep().isEnabled()).isFalse();
        assertThat($(Span.class)
                        .withTestId("assign-compare-unavailable")
                        .single()
                        .getText())
                .startsWith("Not possible for this article");
    }
}
