package org.lateral.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.assignment.NewStep;
import org.lateral.classroom.SchoolClass;
import org.lateral.library.LibraryEntry;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The compare-outlets step with the keyboard alone (issue 19): a student who cannot use a mouse
 * reaches every part of one article's grid and the claims-by-outlets table with Tab, sets radio
 * groups with the arrow keys, ticks with Space, types counts and answers, picks a loaded phrase by
 * typing it (the keyboard's way instead of selecting text), removes it again from the list and
 * answers matrix cells with the keys of a native select. Every stop of focus is visible and on
 * the page (never lost to the document), and the save status reaches a screen reader: it is read
 * from Chromium's accessibility tree, not from the DOM.
 */
class CompareKeyboardJourneyIT extends JourneyTest {

    /** This journey's own student: no other test signs in as it. */
    private static final String STUDENT = "compare.keyboard";

    /** More Tab presses than the step has stops before the judgement: a trap or a lost stop fails. */
    private static final int MOST_TABS = 120;

    @Autowired
    JourneyLessons lessons;

    UUID lesson;
    LibraryEntry warInContext;
    LibraryEntry isegoria;

    /** A compare-only lesson in a class of its own. */
    @BeforeEach
    void aCompareLesson() {
        SchoolClass schoolClass = lessons.classWith("Compare keys", STUDENT, "Keyboard Comparer");
        warInContext = lessons.article("War in Context");
        isegoria = lessons.article("Isegoria");
        lesson = lessons.assign(
                schoolClass,
                isegoria,
                false,
                List.of(NewStep.compare(
                        List.of(warInContext.articleId(), isegoria.articleId()), BigDecimal.ONE, false)));
    }

    private Locator grid(LibraryEntry article) {
        return page.locator("[data-testid='compare-grid'][data-article-id='" + article.articleId() + "']");
    }

    private Locator column(LibraryEntry article) {
        return page.locator("[data-testid='compare-column'][data-article-id='" + article.articleId() + "']");
    }

    /** Where focus stands, as a short description for a failure message. */
    private String focused() {
        return (String) page.evaluate("""
                () => {
                  const a = document.activeElement;
                  if (!a || a === document.body) return 'the document body';
                  const host = a.closest('[data-testid]');
                  return a.tagName.toLowerCase() + (host ? ' in ' + host.dataset.testid : '');
                }""");
    }

    /**
     * Presses Tab until focus is inside {@code target}, checking at every stop that focus is on an
     * element of the page (not lost to the body) and drawn as keyboard focus.
     */
    private void tabTo(Locator target) {
        List<String> path = new ArrayList<>();
        for (int i = 0; i < MOST_TABS; i++) {
            page.keyboard().press("Tab");
            Boolean inside = (Boolean)
                    target.evaluate("el => el === document.activeElement || el.contains(document.activeElement)");
            String where = focused();
            path.add(where);
            Assertions.assertThat(where)
                    .as("focus after Tab %d on the way to %s", i + 1, target)
                    .isNotEqualTo("the document body");
            Boolean visible = (Boolean) page.evaluate("""
                    () => {
                      // A component's own focusable part may sit in its shadow root.
                      let a = document.activeElement;
                      while (a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
                      return a.matches(':focus-visible') || document.activeElement.closest('[focus-ring]') !== null;
                    }""");
            Assertions.assertThat(visible).as("focus on %s is drawn", where).isTrue();
            if (inside) {
                return;
            }
        }
        Assertions.fail("Tab never reached " + target + "; focus went: " + String.join(" → ", path));
    }

    /** In a radio group that has focus, presses Down until the radio with {@code value} is checked. */
    private void arrowTo(Locator group, String value) {
        Locator radio = group.locator("vaadin-radio-button[value='" + value + "']");
        for (int i = 0; i < 8 && radio.getAttribute("checked") == null; i++) {
            page.keyboard().press("ArrowDown");
        }
        assertThat(radio).hasAttribute("checked", "");
    }

    private void waitUntilSaved() {
        assertThat(page.getByTestId("save-status").first()).hasAttribute("data-state", "saved");
    }

    @Test
    void a_student_fills_a_grid_and_the_claims_table_with_the_keyboard_alone() {
        page.setViewportSize(1366, 768);
        signIn(STUDENT);
        page.navigate(url("assignment/" + lesson));
        assertThat(page.getByTestId("compare-column")).hasCount(2);
        waitUntilSaved();
        // The first Tab reaches the skip link, which takes the keyboard past the menu.
        page.keyboard().press("Tab");
        assertThat(page.getByTestId("skip-link")).isFocused();
        page.keyboard().press("Enter");
        Locator grid = grid(warInContext);

        // A loaded phrase picked by typing it, the keyboard's way instead of selecting text: the
        // folded "type the words" part above the text opens with Enter.
        Locator find = column(warInContext).getByTestId("find-words");
        tabTo(find);
        page.keyboard().press("Enter");
        assertThat(find).hasAttribute("opened", "");
        tabTo(column(warInContext).getByTestId("find-loaded"));
        page.keyboard().type("extraordinary savagery");
        page.keyboard().press("Enter");
        Locator loaded = grid.locator("[data-span-list][data-kind='loaded']");
        assertThat(loaded).containsText("extraordinary savagery");
        waitUntilSaved();

        // The headline's framing: Tab into the group, the arrow keys choose.
        Locator framing = grid.getByTestId("grid-framing");
        tabTo(framing);
        arrowTo(framing, "sensational");

        // Counts are typed.
        tabTo(grid.getByTestId("grid-named"));
        page.keyboard().type("2");
        tabTo(grid.getByTestId("grid-anonymous"));
        page.keyboard().type("1");

        // The phrase removed again from its list: focus stays in the list, not lost.
        Locator remove = loaded.getByTestId("remove-span");
        tabTo(remove);
        page.keyboard().press("Enter");
        assertThat(loaded.locator("li")).hasCount(0);
        Assertions.assertThat(focused()).isNotEqualTo("the document body");
        waitUntilSaved();

        // Did it report itself? It relays; the outlets it relays then show and take a Space.
        Locator reporting = grid.getByTestId("grid-reporting");
        tabTo(reporting);
        arrowTo(reporting, "relay");
        Locator dailyBeast = grid.locator("vaadin-checkbox[value='The Daily Beast']");
        assertThat(dailyBeast).isVisible();
        tabTo(dailyBeast);
        page.keyboard().press("Space");
        assertThat(dailyBeast).hasAttribute("checked", "");

        tabTo(grid.getByTestId("grid-includes"));
        page.keyboard().type("It names Michael Weiss and links to the whole article.");
        page.keyboard().press("Tab");
        waitUntilSaved();
        // The save reached the accessibility tree, where a screen reader hears it.
        page.waitForCondition(() -> AccessibilityTree.announces(page, "All changes saved"));

        // The claims-by-outlets table: Tab to a cell, type the start of an answer as in any select.
        Locator cell = page.getByTestId("compare-matrix")
                .locator("td[data-item='cell:k01:" + warInContext.articleId() + "'] select");
        tabTo(cell);
        String attributed = (String) cell.evaluate("s => s.querySelector(\"option[value='attributed']\").text");
        page.keyboard().type(attributed.substring(0, 4));
        page.keyboard().press("Tab");
        assertThat(cell).hasValue("attributed");
        waitUntilSaved();

        // On to the judgement without a trap anywhere between.
        tabTo(page.getByTestId("judgement"));
        page.keyboard().type("War in Context, because it names its source and links to it.");
        page.keyboard().press("Tab");
        waitUntilSaved();
        screenshot("compare-keyboard-1366x768.png");

        // All of it was saved: a reload shows it.
        page.reload();
        waitUntilSaved();
        assertThat(grid(warInContext).locator("vaadin-radio-button[value='sensational']"))
                .hasAttribute("checked", "");
        assertThat(grid(warInContext).getByTestId("grid-named").locator("input"))
                .hasValue("2");
        assertThat(grid(warInContext).locator("vaadin-checkbox[value='The Daily Beast']"))
                .hasAttribute("checked", "");
        assertThat(grid(warInContext).locator("[data-span-list][data-kind='loaded'] li"))
                .hasCount(0);
        assertThat(page.getByTestId("compare-matrix")
                        .locator("td[data-item='cell:k01:" + warInContext.articleId() + "'] select"))
                .hasValue("attributed");
        assertThat(page.getByTestId("judgement").locator("textarea")).hasValue(Pattern.compile("^War in Context"));
    }
}
