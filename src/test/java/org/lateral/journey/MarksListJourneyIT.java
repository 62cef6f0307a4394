package org.lateral.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The list of marks beside the text (issue 19), in real Chromium: marks made in the text appear
 * in it at once; Jump from the list scrolls to the mark, focuses it and announces it, so the keys
 * act on it next; Change type and Delete in the list go through the same saves as the palette,
 * confirmed by the page's saved state and a reload. On a phone the list is a section under the
 * palette, closed until opened, and the palette leaves most of the screen to the article.
 */
class MarksListJourneyIT extends JourneyTest {

    private static final String STUDENT = "student5";

    @Autowired
    JdbcClient jdbc;

    UUID frisky;

    @BeforeEach
    @AfterEach
    void studentStartsFrisky_fresh() {
        frisky = jdbc.sql("""
                SELECT a.id FROM assignment a JOIN account t ON t.id = a.created_by
                 WHERE t.username = 'teacher' AND a.title LIKE 'The Head Of ISIS%'
                """).query(UUID.class).single();
        // Demo data is shared by the journeys: this student's Frisky work is removed before and
        // after, so MarkingJourneyIT finds it as the demo seeds it.
        String work = """
                SELECT t.id FROM attempt t JOIN submission s ON s.id = t.submission_id JOIN account a ON a.id = s.student_id
                 WHERE s.assignment_id = :f AND a.username = :u
                """;
        for (String table : new String[] {"score", "attempt_comment", "mark"}) {
            jdbc.sql("DELETE FROM " + table + " WHERE attempt_id IN (" + work + ")")
                    .param("f", frisky)
                    .param("u", STUDENT)
                    .update();
        }
        jdbc.sql("DELETE FROM attempt WHERE id IN (" + work + ")")
                .param("f", frisky)
                .param("u", STUDENT)
                .update();
        jdbc.sql("""
                DELETE FROM submission WHERE assignment_id = :f
                   AND student_id = (SELECT id FROM account WHERE username = :u)
                """).param("f", frisky).param("u", STUDENT).update();
    }

    private Locator highlighter() {
        return page.getByTestId("claim-highlighter");
    }

    private void saved() {
        assertThat(page.getByTestId("save-status")).hasAttribute("data-state", "saved");
    }

    private Locator item(String type) {
        return page.locator("[data-testid='mark-item'][data-claim-type='" + type + "']");
    }

    private Locator mark(String type) {
        return highlighter().locator("mark.ch-mark[data-own][data-first][data-claim-type='" + type + "']");
    }

    @Test
    void marks_made_in_the_text_are_listed_and_the_list_jumps_retypes_and_deletes() {
        signIn(STUDENT);
        page.navigate(url("assignment/" + frisky));
        saved();
        assertThat(page.getByTestId("marks-empty")).isVisible();

        markWithMouse("is believed to have planned", "hedged");
        saved();
        markWithMouse("a source told The Daily Mail", "attributed");
        saved();
        assertThat(page.getByTestId("mark-item")).hasCount(2);
        assertThat(item("hedged")).containsText("hedged");
        assertThat(item("hedged")).containsText("is believed to have planned");
        assertThat(item("attributed")).containsText("a source told The Daily Mail");
        assertThat(page.getByTestId("marks-panel")).isVisible();
        screenshot("marks-list-1280.png");

        // Jump with the keyboard, from far down the page: the text scrolls to the mark, takes the
        // focus with the mark selected, and the live region names it.
        // A short window, so that the article is longer than the screen.
        page.setViewportSize(1280, 480);
        highlighter().locator("p.ch-paragraph").last().scrollIntoViewIfNeeded();
        assertThat(mark("hedged")).not().isInViewport();
        item("hedged").getByTestId("mark-jump").focus();
        page.keyboard().press("Enter");
        assertThat(highlighter().locator(".ch-text")).isFocused();
        assertThat(mark("hedged")).hasAttribute("data-selected", "");
        assertThat(mark("hedged")).isInViewport();
        assertThat(page.getByTestId("announcer")).containsText("Selected: hedged");
        assertThat(item("hedged")).hasAttribute("aria-current", "true");
        page.setViewportSize(1280, 800);
        // The keys now act on that mark: 1 makes it factual, and the list follows.
        page.keyboard().press("1");
        assertThat(mark("factual")).hasCount(1);
        assertThat(item("factual")).containsText("is believed to have planned");
        saved();

        // Change type in the list.
        item("factual").getByTestId("mark-type-select").selectOption("speculation");
        assertThat(mark("speculation")).hasCount(1);
        assertThat(item("speculation")).hasCount(1);
        saved();

        // Delete in the list: gone from the text and the list, saved, and the focus goes to the
        // next mark's Jump rather than being lost.
        item("attributed").getByTestId("mark-item-delete").click();
        assertThat(mark("attributed")).hasCount(0);
        assertThat(page.getByTestId("mark-item")).hasCount(1);
        saved();
        assertThat(item("speculation").getByTestId("mark-jump")).isFocused();

        page.reload();
        saved();
        assertThat(page.getByTestId("mark-item")).hasCount(1);
        assertThat(item("speculation")).containsText("is believed to have planned");
        assertThat(mark("attributed")).hasCount(0);
    }

    @Test
    void on_a_phone_the_list_is_a_closed_section_under_a_one_row_palette() {
        BrowserContext phone = browser()
                .newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                        .setViewportSize(390, 844)
                        .setIsMobile(true)
                        .setHasTouch(true)
                        .setDeviceScaleFactor(2));
        Page mobile = phone.newPage();
        mobile.navigate(url("login"));
        mobile.locator("input[name='username']").fill(STUDENT);
        mobile.locator("input[name='password']").fill("lateral-demo");
        mobile.locator("input[name='password']").press("Enter");
        mobile.waitForURL(u -> !u.contains("/login"));
        mobile.navigate(url("assignment/" + frisky));
        assertThat(mobile.getByTestId("save-status")).hasAttribute("data-state", "saved");

        Locator toggle = mobile.getByTestId("marks-toggle");
        assertThat(toggle).isVisible();
        assertThat(toggle).hasAttribute("aria-expanded", "false");
        assertThat(mobile.getByTestId("marks-empty")).isHidden();
        toggle.tap();
        assertThat(toggle).hasAttribute("aria-expanded", "true");
        assertThat(mobile.getByTestId("marks-empty")).isVisible();
        toggle.tap();

        // Every type button is in one row: the palette is no taller than a button, a line of
        // status and its padding.
        Object toolbar = mobile.evaluate(
                "() => document.querySelector('claim-highlighter .ch-toolbar').getBoundingClientRect().height");
        Object button = mobile.evaluate(
                "() => document.querySelector('[data-testid=claim-type-hedged]').getBoundingClientRect().height");
        assertThat(((Number) button).doubleValue()).as("touch target height").isGreaterThanOrEqualTo(44);
        assertThat(((Number) toolbar).doubleValue())
                .as("palette height at 390 px")
                .isLessThanOrEqualTo(((Number) button).doubleValue() + 40);
        Object overflow = mobile.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue())
                .as("no sideways page scrolling")
                .isLessThanOrEqualTo(0);

        // While marking (scrolled into the article), the palette leaves at least 60 % to the text.
        mobile.locator("claim-highlighter p[data-index='3']").scrollIntoViewIfNeeded();
        mobile.evaluate("() => document.querySelector('claim-highlighter p[data-index=\"3\"]').scrollIntoView()");
        Object free = mobile.evaluate("""
                () => {
                  const bar = document.querySelector('claim-highlighter .ch-toolbar').getBoundingClientRect();
                  return (window.innerHeight - bar.bottom) / window.innerHeight;
                }""");
        mobile.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("marks-list-390-marking.png")));
        assertThat(((Number) free).doubleValue())
                .as("share of the screen under the palette")
                .isGreaterThanOrEqualTo(0.6);
        phone.close();

        // A tablet in portrait: the list is a section under the palette too.
        BrowserContext tablet = browser()
                .newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                        .setViewportSize(768, 1024)
                        .setHasTouch(true));
        Page portrait = tablet.newPage();
        portrait.navigate(url("login"));
        portrait.locator("input[name='username']").fill(STUDENT);
        portrait.locator("input[name='password']").fill("lateral-demo");
        portrait.locator("input[name='password']").press("Enter");
        portrait.waitForURL(u -> !u.contains("/login"));
        portrait.navigate(url("assignment/" + frisky));
        assertThat(portrait.getByTestId("save-status")).hasAttribute("data-state", "saved");
        assertThat(portrait.getByTestId("marks-toggle")).isVisible();
        portrait.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("marks-list-768.png")));
        tablet.close();
    }

    @Test
    void every_tab_stop_of_the_submit_dialog_is_visible() {
        signIn(STUDENT);
        page.navigate(url("assignment/" + frisky));
        saved();
        page.getByTestId("submit-attempt").click();
        Locator cancel = page.locator("vaadin-confirm-dialog")
                .getByText("Cancel", new Locator.GetByTextOptions().setExact(true));
        assertThat(cancel).isVisible();
        // The dialog's own host used to be a tab stop of zero size between Submit and Cancel.
        assertThat(page.locator("vaadin-confirm-dialog")).hasAttribute("tabindex", "-1");
        List<String> stops = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            page.keyboard().press("Tab");
            @SuppressWarnings("unchecked")
            Map<String, Object> focused = (Map<String, Object>) page.evaluate("""
                    () => { let e = document.activeElement;
                      while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;
                      const r = e.getBoundingClientRect();
                      return {name: e.tagName + ' ' + (e.textContent || '').trim().slice(0, 20), width: r.width, height: r.height}; }""");
            stops.add(String.valueOf(focused.get("name")));
            assertThat(((Number) focused.get("width")).doubleValue() * ((Number) focused.get("height")).doubleValue())
                    .as("size of tab stop %s", focused.get("name"))
                    .isPositive();
        }
        assertThat(stops).allMatch(name -> name.contains("Submit") || name.contains("Cancel"));
        cancel.click();
        assertThat(page.getByTestId("submit-attempt")).isVisible();
    }
}
