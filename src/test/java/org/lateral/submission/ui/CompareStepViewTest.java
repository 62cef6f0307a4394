package org.lateral.submission.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.LateralTest;
import org.lateral.SignedIn;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.NewAssignment;
import org.lateral.assignment.NewStep;
import org.lateral.base.Schools;
import org.lateral.base.highlighter.ClaimHighlighter;
import org.lateral.base.highlighter.SaveResult;
import org.lateral.base.highlighter.SaveStatus;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.JoinService;
import org.lateral.classroom.NewClass;
import org.lateral.library.LibraryEntry;
import org.lateral.library.LibraryPins;
import org.lateral.library.LibraryService;
import org.lateral.security.Role;
import org.lateral.submission.CompareItems;
import org.lateral.submission.CompareSession;
import org.lateral.submission.CompareWorkService;
import org.lateral.submission.MarkingSession;
import org.lateral.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The student's page of a compare-outlets step (DD015): one column per article with its text in
 * paragraphs at their canonical offsets, the grid and matrix fields with the browser protocol's
 * attributes and the stored values, the outlet profile only after the student's own note (or at
 * once when the teacher chose so), pins, and a submitted step read-only.
 */
@LateralTest
class CompareStepViewTest extends SpringBrowserlessTest {

    static final String TEACHER = "compare-view-teacher";
    /** A demo student (no one-time password), who joins a class of this test's own. */
    static final String STUDENT = "student23";

    @Autowired
    SubmissionService submissions;

    @Autowired
    CompareWorkService work;

    @Autowired
    AssignmentService assignments;

    @Autowired
    ClassroomService classroom;

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    JoinService join;

    @Autowired
    LibraryService library;

    @Autowired
    UserDetailsService users;

    ClassDetail media;
    List<UUID> articles;

    /** A class of this test's own, which the demo student joins. */
    @BeforeEach
    void aClassWithTheStudent() {
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, TEACHER, "Ms Compare", Set.of(Role.TEACHER), "a long enough password");
        try (var s = SignedIn.as(users, TEACHER)) {
            media = classroom.createClass(
                    new NewClass("Compare " + UUID.randomUUID().toString().substring(0, 4), "", "", "UTC"));
            List<LibraryEntry> set = library.articles("").stream()
                    .filter(e -> e.storySetId() != null && e.storyPosition() != null)
                    .sorted(Comparator.comparing(LibraryEntry::storyPosition))
                    .toList();
            UUID storySet = set.getFirst().storySetId();
            articles = set.stream()
                    .filter(e -> storySet.equals(e.storySetId()))
                    .map(LibraryEntry::articleId)
                    .limit(3)
                    .toList();
        }
        try (var s = SignedIn.as(users, STUDENT)) {
            String address = "10.23." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
            join.joinAsSignedInStudent(
                    java.util.Objects.requireNonNull(media.joinCode()), new JoinService.From(address, address));
        }
    }

    private UUID compareLesson(boolean profilesAtOnce) {
        try (var s = SignedIn.as(users, TEACHER)) {
            return assignments
                    .assignMarkClaims(
                            media.id(),
                            new NewAssignment(
                                    articles.getFirst(),
                                    null,
                                    LocalDate.now().plusDays(3),
                                    false,
                                    FeedbackPolicy.AFTER_SUBMIT,
                                    false,
                                    null,
                                    false,
                                    List.of(NewStep.compare(articles, BigDecimal.ONE, profilesAtOnce))))
                    .id();
        }
    }

    private MarkingSession open(UUID lesson) {
        try (var s = SignedIn.as(users, STUDENT)) {
            return submissions.open(lesson).orElseThrow();
        }
    }

    private CompareSession compare(MarkingSession session) {
        return java.util.Objects.requireNonNull(session.compare());
    }

    private List<Div> columns() {
        return $(Div.class).withAttribute("data-testid", "compare-column").all();
    }

    private static Stream<Element> descendants(Element element) {
        // Elements only: a text node has no tag or attributes.
        return element.getChildren()
                .filter(c -> !c.isTextNode())
                .flatMap(c -> Stream.concat(Stream.of(c), descendants(c)));
    }

    private static Element byTestId(Component within, String testId) {
        List<Element> found = descendants(within.getElement())
                .filter(e -> testId.equals(e.getAttribute("data-testid")))
                .toList();
        assertThat(found).as(testId).hasSize(1);
        return found.getFirst();
    }

    private Div item(String key) {
        return $(Div.class).withAttribute("data-item", key).single();
    }

    @Test
    @WithUserDetails(value = STUDENT, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void each_article_is_a_column_with_its_outlet_date_and_paragraphs_at_their_canonical_offsets() {
        UUID lesson = compareLesson(false);
        CompareSession compare = compare(open(lesson));
        navigate("assignment/" + lesson, MarkingView.class);

        assertThat($(Component.class).withText("Compare the outlets").exists()).isTrue();
        List<Div> columns = columns();
        assertThat(columns).hasSize(3);
        for (int i = 0; i < columns.size(); i++) {
            Div column = columns.get(i);
            LibraryPins.ColumnArticle article = compare.columns().get(i);
            assertThat(column.getElement().getAttribute("data-article-id"))
                    .isEqualTo(article.articleId().toString());
            assertThat(byTestId(column, "column-outlet").getText())
                    .as("the outlet's kind waits for its profile")
                    .isEqualTo(article.outletName());
            assertThat(byTestId(column, "column-meta").getText())
                    .startsWith(article.published().display(UI.getCurrent().getLocale()));

            Element text = byTestId(column, "compare-text");
            assertThat(text.hasAttribute("data-compare-text")).isTrue();
            assertThat(text.getAttribute("data-article-id"))
                    .isEqualTo(article.articleId().toString());
            String canonical = article.canonicalText();
            List<Element> paragraphs = text.getChildren().toList();
            assertThat(paragraphs).hasSizeGreaterThan(1);
            StringBuilder joined = new StringBuilder();
            for (Element p : paragraphs) {
                assertThat(p.getTag()).isEqualTo("p");
                int start = Integer.parseInt(p.getAttribute("data-start"));
                assertThat(canonical.substring(start, start + p.getText().length()))
                        .isEqualTo(p.getText());
                joined.append(joined.isEmpty() ? "" : "\n\n").append(p.getText());
            }
            // Nothing of the text is left out (the canonical text separates paragraphs by a blank line).
            assertThat(joined.toString()).isEqualTo(canonical.strip());
            assertThat(byTestId(column, "pick-hedge").getAttribute("data-pick-kind"))
                    .isEqualTo("hedge");
            assertThat(byTestId(column, "pick-loaded").getAttribute("data-pick-kind"))
                    .isEqualTo("loaded");
            assertThat(byTestId(column, "find-hedge").getAttribute("data-find-kind"))
                    .isEqualTo("hedge");
            assertThat(byTestId(column, "find-loaded-button").getAttribute("data-find-button"))
                    .isEqualTo("loaded");
        }
        // The tab strip of a narrow screen: one tab per column, the first shown.
        List<Element> tabs = descendants(
                        $(Div.class).withTestId("compare-tabs").single().getElement())
                .filter(e -> "tab".equals(e.getAttribute("role")))
                .toList();
        assertThat(tabs).hasSize(3);
        assertThat(tabs.getFirst().getAttribute("aria-selected")).isEqualTo("true");
        assertThat(columns.getFirst().getElement().hasAttribute("data-shown")).isTrue();
        assertThat(columns.get(1).getElement().hasAttribute("data-shown")).isFalse();
    }

    @Test
    @WithUserDetails(value = STUDENT, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_grid_fields_carry_the_protocols_attributes_and_show_the_stored_values() {
        UUID lesson = compareLesson(false);
        MarkingSession session = open(lesson);
        CompareSession compare = compare(session);
        LibraryPins.ColumnArticle first = compare.columns().getFirst();
        LibraryPins.ColumnArticle second = compare.columns().get(1);
        String relayed = second.outletName();
        String hedge;
        try (var s = SignedIn.as(users, STUDENT)) {
            assertThat(work.saveGrid(
                                    session.attemptId(),
                                    new CompareItems.GridState(
                                            first.articleId().toString(),
                                            1,
                                            "hedged",
                                            2,
                                            1,
                                            "relay",
                                            List.of(relayed),
                                            "It names the original interview.",
                                            "A lifestyle site: it retells."))
                            .status())
                    .isEqualTo(SaveStatus.SAVED);
            String text = first.canonicalText();
            int end = text.indexOf(' ', 1);
            hedge = text.substring(0, end);
            assertThat(work.saveSpan(
                                    session.attemptId(),
                                    new CompareItems.SpanState(
                                            UUID.randomUUID().toString(),
                                            1,
                                            first.articleId().toString(),
                                            "hedge",
                                            0,
                                            end,
                                            hedge,
                                            "",
                                            "",
                                            false))
                            .status())
                    .isEqualTo(SaveStatus.SAVED);
        }
        navigate("assignment/" + lesson, MarkingView.class);

        Div grid = item("grid:" + first.articleId());
        assertThat(grid.getElement().getAttribute("data-item-kind")).isEqualTo("grid");
        assertThat(grid.getElement().getAttribute("data-article-id"))
                .isEqualTo(first.articleId().toString());
        Element framing = byTestId(grid, "grid-framing");
        assertThat(framing.getAttribute("data-field")).isEqualTo("framing");
        assertThat(framing.getProperty("value")).isEqualTo("hedged");
        assertThat(framing.getChildren().map(r -> r.getAttribute("value")))
                .containsExactly("neutral", "hedged", "sensational", "question");
        IntegerField named =
                $(IntegerField.class, grid).withTestId("grid-named").single();
        assertThat(named.getElement().getAttribute("data-field")).isEqualTo("namedSources");
        assertThat(named.getValue()).isEqualTo(2);
        IntegerField anonymous =
                $(IntegerField.class, grid).withTestId("grid-anonymous").single();
        assertThat(anonymous.getElement().getAttribute("data-field")).isEqualTo("anonymousSources");
        assertThat(anonymous.getValue()).isEqualTo(1);
        Element reporting = byTestId(grid, "grid-reporting");
        assertThat(reporting.getAttribute("data-field")).isEqualTo("reporting");
        assertThat(reporting.getProperty("value")).isEqualTo("relay");
        Element relayedFrom = byTestId(grid, "grid-relayed-from");
        assertThat(relayedFrom.getAttribute("data-field")).isEqualTo("relayedFrom");
        assertThat(relayedFrom.getParent().isVisible()).isTrue();
        assertThat(relayedFrom
                        .getChildren()
                        .filter(b -> b.getProperty("checked", false))
                        .map(b -> b.getAttribute("value")))
                .containsExactly(relayed);
        // The other columns' outlets are offered, not the article's own.
        assertThat(relayedFrom.getChildren().map(b -> b.getAttribute("value")))
                .contains(second.outletName(), compare.columns().get(2).outletName())
                .doesNotContain(first.outletName());
        TextArea includes = $(TextArea.class, grid).withTestId("grid-includes").single();
        assertThat(includes.getElement().getAttribute("data-field")).isEqualTo("includes");
        assertThat(includes.getValue()).isEqualTo("It names the original interview.");
        assertThat(includes.getMaxLength()).isEqualTo(2000);
        assertThat(includes.getHelperText()).isEqualTo("32 of 2000 characters");
        TextArea outletKind =
                $(TextArea.class, grid).withTestId("grid-outlet-kind").single();
        assertThat(outletKind.getElement().getAttribute("data-field")).isEqualTo("outletKind");
        assertThat(outletKind.getValue()).isEqualTo("A lifestyle site: it retells.");

        UnorderedList hedges =
                $(UnorderedList.class, grid).withTestId("span-list-hedge").single();
        assertThat(hedges.getElement().hasAttribute("data-span-list")).isTrue();
        assertThat(hedges.getElement().getAttribute("data-kind")).isEqualTo("hedge");
        assertThat(hedges.getElement().getAttribute("data-article-id"))
                .isEqualTo(first.articleId().toString());
        assertThat(hedges.getElement().getChildren().map(Element::getText))
                .containsExactly("\u201c" + hedge + "\u201d");

        // An article not answered yet: empty fields, no outlets to tick until it relays.
        Div other = item("grid:" + second.articleId());
        assertThat(byTestId(other, "grid-framing").getProperty("value")).isNull();
        assertThat($(IntegerField.class, other)
                        .withTestId("grid-named")
                        .single()
                        .getValue())
                .isNull();
        assertThat($(UnorderedList.class, other)
                        .withTestId("span-list-hedge")
                        .single()
                        .getElement()
                        .getChildCount())
                .isZero();
        assertThat($(Paragraph.class, other).withText("No hedges picked yet.").exists())
                .isTrue();
        Element otherReporting = byTestId(other, "grid-reporting");
        Element otherRelayed = byTestId(other, "grid-relayed-from");
        assertThat(otherRelayed.getParent().isVisible()).isFalse();
        otherReporting.setProperty("value", "mixed");
        assertThat(otherRelayed.getParent().isVisible()).isTrue();
    }

    @Test
    @WithUserDetails(value = STUDENT, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_matrix_has_one_cell_per_claim_and_article_with_the_stored_answer() {
        UUID lesson = compareLesson(false);
        MarkingSession session = open(lesson);
        CompareSession compare = compare(session);
        assertThat(compare.claims()).isNotEmpty();
        CompareSession.CoreClaim claim = compare.claims().getFirst();
        LibraryPins.ColumnArticle second = compare.columns().get(1);
        try (var s = SignedIn.as(users, STUDENT)) {
            assertThat(work.saveCell(
                                    session.attemptId(),
                                    new CompareItems.CellState(
                                            claim.id(),
                                            second.articleId().toString(),
                                            1,
                                            "attributed",
                                            null,
                                            null,
                                            null,
                                            null,
                                            null))
                            .status())
                    .isEqualTo(SaveStatus.SAVED);
        }
        navigate("assignment/" + lesson, MarkingView.class);

        Element table = descendants(page())
                .filter(e -> "compare-matrix".equals(e.getAttribute("data-testid")))
                .findFirst()
                .orElseThrow();
        assertThat(table.getTag()).isEqualTo("table");
        List<Element> cells = descendants(table)
                .filter(e -> "cell".equals(e.getAttribute("data-item-kind")))
                .toList();
        assertThat(cells).hasSize(compare.claims().size() * compare.columns().size());
        List<String> expected = new ArrayList<>();
        for (CompareSession.CoreClaim c : compare.claims()) {
            for (LibraryPins.ColumnArticle a : compare.columns()) {
                expected.add("cell:" + c.id() + ":" + a.articleId());
            }
        }
        assertThat(cells.stream().map(e -> e.getAttribute("data-item"))).containsExactlyElementsOf(expected);
        assertThat(descendants(table)
                        .filter(e -> e.getTag().equals("th") && "row".equals(e.getAttribute("scope")))
                        .count())
                .isEqualTo(compare.claims().size());
        assertThat(descendants(table)
                        .filter(e -> e.getTag().equals("th") && "col".equals(e.getAttribute("scope")))
                        .count())
                .isEqualTo(compare.columns().size() + 1);

        Element answered = descendants(table)
                .filter(e -> ("cell-" + claim.id() + "-2").equals(e.getAttribute("data-testid")))
                .findFirst()
                .orElseThrow();
        assertThat(answered.getTag()).isEqualTo("select");
        assertThat(answered.getAttribute("data-field")).isEqualTo("carried");
        assertThat(answered.getParent().getAttribute("data-claim-id")).isEqualTo(claim.id());
        assertThat(answered.getParent().getAttribute("data-article-id"))
                .isEqualTo(second.articleId().toString());
        assertThat(selected(answered)).isEqualTo("attributed");
        Element unanswered = descendants(table)
                .filter(e -> ("cell-" + claim.id() + "-1").equals(e.getAttribute("data-testid")))
                .findFirst()
                .orElseThrow();
        assertThat(selected(unanswered)).isEmpty();
        assertThat(unanswered.getChildren().map(o -> o.getAttribute("value")))
                .containsExactly("", "fact", "attributed", "hedged", "absent");
    }

    private Element page() {
        return getCurrentView().getElement();
    }

    private static String selected(Element select) {
        return select.getChildren()
                .filter(o -> o.hasAttribute("selected"))
                .map(o -> o.getAttribute("value"))
                .reduce((a, b) -> a + "," + b)
                .orElseThrow();
    }

    @Test
    @WithUserDetails(value = STUDENT, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_outlet_profile_opens_only_after_the_students_own_note_about_the_outlet() {
        UUID lesson = compareLesson(false);
        MarkingSession session = open(lesson);
        LibraryPins.ColumnArticle first = compare(session).columns().getFirst();
        navigate("assignment/" + lesson, MarkingView.class);

        Div note = item("note:" + first.outletId());
        assertThat(note.getElement().getAttribute("data-item-kind")).isEqualTo("note");
        assertThat(note.getElement().getAttribute("data-outlet-id"))
                .isEqualTo(first.outletId().toString());
        TextField address = $(TextField.class, note).withTestId("note-address").single();
        assertThat(address.getElement().getAttribute("data-field")).isEqualTo("address");
        assertThat(address.getPlaceholder()).startsWith("https://");
        TextArea text = $(TextArea.class, note).withTestId("note-text").single();
        assertThat(text.getElement().getAttribute("data-field")).isEqualTo("note");
        assertThat(text.getMaxLength()).isEqualTo(600);

        Div column = columns().getFirst();
        assertThat(byTestId(column, "outlet-profile-hint").getText()).contains("opens after you have written");
        test($(Button.class, column).withTestId("outlet-profile-1").single()).click();
        assertThat($(Paragraph.class)
                        .withTestId("outlet-profile-locked")
                        .single()
                        .getText())
                .contains(first.outletName())
                .contains("Lateral reading");
        assertThat($(Div.class).withTestId("outlet-profile").exists()).isFalse();

        try (var s = SignedIn.as(users, STUDENT)) {
            assertThat(work.saveNote(
                            session.attemptId(),
                            new CompareItems.NoteState(
                                    first.outletId().toString(),
                                    1,
                                    "https://example.org/about",
                                    "A lifestyle site with no news desk.")))
                    .extracting(SaveResult::status)
                    .isEqualTo(SaveStatus.SAVED);
        }
        // The saving element reports the note saved.
        $(CompareStep.class).single().noteSaved(first.outletId());
        assertThat(byTestId(column, "outlet-profile-hint").getText()).contains("is open");
        test($(Button.class, column).withTestId("outlet-profile-1").single()).click();
        Div profile = $(Div.class).withTestId("outlet-profile").single();
        assertThat(profile.getElement().getTextRecursively())
                .contains(first.outletKind().label());
    }

    @Test
    @WithUserDetails(value = STUDENT, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_outlet_profile_opens_at_once_when_the_teacher_chose_so() {
        UUID lesson = compareLesson(true);
        navigate("assignment/" + lesson, MarkingView.class);
        Div column = columns().get(1);
        assertThat(byTestId(column, "outlet-profile-hint").getText()).contains("is open");
        test($(Button.class, column).withTestId("outlet-profile-2").single()).click();
        assertThat($(Div.class).withTestId("outlet-profile").exists()).isTrue();
        assertThat($(Paragraph.class).withTestId("outlet-profile-locked").exists())
                .isFalse();
    }

    @Test
    @WithUserDetails(value = STUDENT, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void pinning_a_third_column_unpins_the_oldest_and_pinned_columns_come_first() {
        UUID lesson = compareLesson(false);
        navigate("assignment/" + lesson, MarkingView.class);
        List<Div> columns = columns();
        for (Div column : columns) {
            test($(Button.class, column).withTestId("pin-column").single()).click();
        }
        CompareStep step = $(CompareStep.class).single();
        UUID second = UUID.fromString(columns.get(1).getElement().getAttribute("data-article-id"));
        UUID third = UUID.fromString(columns.get(2).getElement().getAttribute("data-article-id"));
        assertThat(step.pinnedArticles()).containsExactly(second, third);
        assertThat(columns.getFirst().hasClassName("compare-column--pinned")).isFalse();
        assertThat(columns.get(1).hasClassName("compare-column--pinned")).isTrue();
        assertThat(columns.get(1).getStyle().get("order")).isEqualTo("0");
        assertThat(columns.get(2).getStyle().get("order")).isEqualTo("1");
        assertThat(columns.getFirst().getStyle().get("order")).isEqualTo("2");
        Button firstPin =
                $(Button.class, columns.getFirst()).withTestId("pin-column").single();
        assertThat(firstPin.getElement().getAttribute("aria-pressed")).isEqualTo("false");

        test($(Button.class, columns.get(1)).withTestId("pin-column").single()).click();
        assertThat(step.pinnedArticles()).containsExactly(third);
    }

    @Test
    @WithUserDetails(value = STUDENT, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_submitted_step_shows_the_same_work_read_only() {
        UUID lesson = compareLesson(false);
        MarkingSession session = open(lesson);
        LibraryPins.ColumnArticle first = compare(session).columns().getFirst();
        try (var s = SignedIn.as(users, STUDENT)) {
            work.saveJudgement(session.attemptId(), new CompareItems.JudgementState(1, "I trust the first most."));
            submissions.submit(session.attemptId());
        }
        navigate("assignment/" + lesson, MarkingView.class);

        assertThat(columns()).hasSize(3);
        assertThat($(Button.class).withTestId("pick-hedge").exists()).isFalse();
        assertThat($(TextField.class).withTestId("find-hedge").exists()).isFalse();
        assertThat($(Button.class).withTestId("submit-attempt").exists()).isFalse();
        Div grid = item("grid:" + first.articleId());
        assertThat(byTestId(grid, "grid-framing").getProperty("readonly", false))
                .isTrue();
        assertThat($(IntegerField.class, grid).withTestId("grid-named").single().isReadOnly())
                .isTrue();
        assertThat($(TextArea.class, grid).withTestId("grid-includes").single().isReadOnly())
                .isTrue();
        TextArea judgement = $(TextArea.class).withTestId("judgement").single();
        assertThat(judgement.isReadOnly()).isTrue();
        assertThat(judgement.getValue()).isEqualTo("I trust the first most.");
        assertThat(descendants(getCurrentView().getElement())
                        .filter(e -> e.getTag().equals("select"))
                        .allMatch(e -> e.hasAttribute("disabled")))
                .isTrue();
        assertThat($(Div.class).withTestId("rubric").exists()).isTrue();
    }

    @Test
    @WithUserDetails(value = STUDENT, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_judgement_is_an_item_with_the_rubric_beside_it() {
        UUID lesson = compareLesson(false);
        CompareSession compare = compare(open(lesson));
        navigate("assignment/" + lesson, MarkingView.class);
        Div judgement = item("judgement");
        assertThat(judgement.getElement().getAttribute("data-item-kind")).isEqualTo("judgement");
        TextArea text = $(TextArea.class, judgement).withTestId("judgement").single();
        assertThat(text.getElement().getAttribute("data-field")).isEqualTo("judgement");
        assertThat(text.getMaxLength()).isEqualTo(2000);
        Div rubric = $(Div.class).withTestId("rubric").single();
        assertThat(compare.rubric()).isNotEmpty();
        for (LibraryPins.RubricLevel level : compare.rubric()) {
            assertThat(rubric.getElement().getTextRecursively())
                    .contains(level.name())
                    .contains(level.descriptor());
        }
        assertThat(descendants(page())
                        .filter(e -> e.hasAttribute("data-compare-message"))
                        .map(e -> e.getAttribute("role")))
                .containsExactly("alert");
        assertThat($(Button.class).withTestId("submit-attempt").exists()).isTrue();
    }

    @Test
    @WithUserDetails(value = STUDENT, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void submit_waits_for_the_browser_to_report_every_change_saved_before_asking_to_confirm() {
        UUID lesson = compareLesson(false);
        navigate("assignment/" + lesson, MarkingView.class);

        test($(Button.class).withTestId("submit-attempt").single()).click();

        // No browser answers here: the page asks the saving element first and waits (the journey
        // sees the confirmation and the read-only page that follow).
        assertThat($(ConfirmDialog.class).exists())
                .as("no confirmation before the saves")
                .isFalse();
        assertThat($(Span.class)
                        .withText("Saving your last changes first\u2026")
                        .exists())
                .isTrue();
        assertThat($(Button.class).withTestId("submit-attempt").exists()).isTrue();
    }

    @Test
    @WithUserDetails(value = STUDENT, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_mark_the_claims_step_still_shows_the_highlighter_and_no_compare_layout() {
        UUID lesson;
        try (var s = SignedIn.as(users, TEACHER)) {
            lesson = assignments
                    .assignMarkClaims(
                            media.id(),
                            new NewAssignment(
                                    articles.getFirst(),
                                    null,
                                    LocalDate.now().plusDays(3),
                                    false,
                                    FeedbackPolicy.AFTER_SUBMIT,
                                    false,
                                    null,
                                    false))
                    .id();
        }
        navigate("assignment/" + lesson, MarkingView.class);
        assertThat($(ClaimHighlighter.class).exists()).isTrue();
        assertThat($(CompareStep.class).exists()).isFalse();
        assertThat($(Component.class).withText("Mark the claims").exists()).isTrue();
    }
}
