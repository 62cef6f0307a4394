package org.lateral.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.Fixtures;
import org.lateral.SignedIn;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.NewAssignment;
import org.lateral.base.Schools;
import org.lateral.classroom.Account;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.SchoolClass;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The highlighter, completed (issue 19), in real Chromium: overlapping marks each keep an
 * underline of their own and each is selected by clicking the same place again; a selected mark
 * is resized by dragging its handles and by Alt(+Shift)+arrows, and the saved mark's words and
 * offsets change in the database; on a phone (touch emulation) a long press selects a word, its
 * handle extends the selection and a tap on the palette marks it; on the practice page the caret keys
 * select a passage and the server receives it.
 *
 * <p>A student and a teacher of its own, a class of its own with a fresh assignment of the Frisky article
 * per test, so the demo students' work stays as the other journeys expect it.
 */
class HighlighterCompletionJourneyIT extends JourneyTest {

    static final String STUDENT = "highlighter-completion-student";
    static final String TEACHER = "highlighter-completion-teacher";

    @Autowired
    ClassroomAdministration classroom;

    @Autowired
    AssignmentService assignments;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    UUID assignment;

    @BeforeEach
    void aFreshAssignmentOfTheFriskyArticle() {
        // A teacher of its own too: other journeys find the demo teacher's Frisky assignment by its
        // title, which this one shares.
        Account teacher = classroom.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, TEACHER, "Highlighter Teacher", EnumSet.of(Role.TEACHER), Fixtures.PASSWORD);
        SchoolClass schoolClass = classroom.ensureClass(
                teacher,
                "Highlighter journey " + UUID.randomUUID().toString().substring(0, 6),
                "",
                null,
                ZoneId.of("UTC"));
        classroom.ensureEnrolled(
                schoolClass,
                classroom.ensureAccount(
                        Schools.DEFAULT_SCHOOL_ID,
                        STUDENT,
                        "Highlighter Student",
                        Set.of(Role.STUDENT),
                        Fixtures.PASSWORD));
        UUID article = jdbc.sql("""
                SELECT l.article_id FROM lesson_step l JOIN assignment a ON a.id = l.assignment_id
                  JOIN account t ON t.id = a.created_by
                 WHERE t.username = 'teacher' AND a.title LIKE 'The Head Of ISIS%' AND l.position = 0
                """).query(UUID.class).single();
        try (var s = SignedIn.as(users, TEACHER)) {
            assignment = assignments
                    .assignMarkClaims(
                            schoolClass.id(),
                            new NewAssignment(
                                    article,
                                    null,
                                    LocalDate.now().plusDays(7),
                                    true,
                                    FeedbackPolicy.AFTER_SUBMIT,
                                    false,
                                    null,
                                    false))
                    .id();
        }
    }

    record SavedSpan(int start, int end, String exact) {}

    /** The student's live marks of this assignment, as the database holds them, in text order. */
    private List<SavedSpan> savedMarks() {
        return jdbc.sql("""
                SELECT m.start_offset, m.end_offset, m.exact
                  FROM mark m JOIN attempt t ON t.id = m.attempt_id JOIN submission s ON s.id = t.submission_id
                 WHERE s.assignment_id = :a AND NOT m.deleted
                 ORDER BY m.start_offset, m.end_offset
                """)
                .param("a", assignment)
                .query((rs, n) -> new SavedSpan(rs.getInt(1), rs.getInt(2), rs.getString(3)))
                .list();
    }

    private Locator highlighter() {
        return page.getByTestId("claim-highlighter");
    }

    private static void saved(Page on) {
        assertThat(on.getByTestId("save-status")).hasAttribute("data-state", "saved");
    }

    private static Locator mark(Page on, String type) {
        return on.locator("claim-highlighter mark.ch-mark[data-own][data-first][data-claim-type='" + type + "']");
    }

    private static Locator item(Page on, String type) {
        return on.locator("[data-testid='mark-item'][data-claim-type='" + type + "']");
    }

    /** The centre of a phrase of the article on the screen (its first occurrence). */
    @SuppressWarnings("unchecked")
    private static double[] centre(Page on, String phrase) {
        Map<String, Object> box = (Map<String, Object>) on.evaluate("""
                phrase => {
                  for (const p of document.querySelectorAll('claim-highlighter p[data-start]')) {
                    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
                    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                      const at = node.data.indexOf(phrase);
                      if (at < 0) continue;
                      const range = document.createRange(); range.setStart(node, at); range.setEnd(node, at + phrase.length);
                      const r = range.getClientRects()[0];
                      return {x: r.left + r.width / 2, y: r.top + r.height / 2};
                    }
                  }
                  return null;
                }""", phrase);
        Assertions.assertThat(box).as("'" + phrase + "' is on the page").isNotNull();
        return new double[] {num(box, "x"), num(box, "y")};
    }

    private static double[] centreOf(Locator locator) {
        var box = locator.boundingBox();
        return new double[] {box.x + box.width / 2, box.y + box.height / 2};
    }

    private void clickOn(String phrase) {
        double[] at = centre(page, phrase);
        page.mouse().click(at[0], at[1]);
    }

    @Test
    void overlapping_marks_keep_their_own_underlines_and_each_is_selected_by_clicking_again() {
        signIn(STUDENT, Fixtures.PASSWORD);
        page.navigate(url("assignment/" + assignment));
        saved(page);

        markWithMouse("a source told The Daily Mail the head of ISIS operations", "attributed");
        saved(page);
        // A mark inside the first one, made by dragging over its words.
        markWithMouse("The Daily Mail", "hedged");
        saved(page);
        assertThat(page.getByTestId("mark-item")).hasCount(2);

        // Each in its own lane: the outer one nearest the text, the inner one's underline below it.
        assertThat(mark(page, "attributed")).hasAttribute("data-lane", "0");
        assertThat(mark(page, "hedged")).hasAttribute("data-lane", "1");
        Object offsets = page.evaluate("""
                () => ['attributed', 'hedged'].map(t => getComputedStyle(document.querySelector(
                  `claim-highlighter mark[data-own][data-claim-type=${t}]`)).textUnderlineOffset)""");
        assertThat((List<?>) offsets).doesNotHaveDuplicates();
        screenshot("highlighter-overlap-1280.png");

        // A click on plain text lets go of the new mark; then a click where both lie selects the
        // inner mark, the same click again the outer one, then the inner one again.
        clickOn("Violent");
        assertThat(highlighter().locator("mark[data-selected]")).hasCount(0);
        clickOn("Daily");
        assertThat(mark(page, "hedged")).hasAttribute("data-selected", "");
        assertThat(page.getByTestId("announcer")).containsText("mark 1 of 2 here");
        clickOn("Daily");
        assertThat(mark(page, "attributed")).hasAttribute("data-selected", "");
        assertThat(mark(page, "hedged")).not().hasAttribute("data-selected", "");
        assertThat(page.getByTestId("announcer")).containsText("mark 2 of 2 here");
        clickOn("Daily");
        assertThat(mark(page, "hedged")).hasAttribute("data-selected", "");

        // A click where only the outer mark lies selects it.
        clickOn("source told");
        assertThat(mark(page, "attributed")).hasAttribute("data-selected", "");
        assertThat(item(page, "attributed")).hasAttribute("aria-current", "true");

        // The keys reach both as well: N goes from the outer mark to the inner one.
        assertThat(highlighter().locator(".ch-text")).isFocused();
        page.keyboard().press("n");
        assertThat(mark(page, "hedged")).hasAttribute("data-selected", "");
        assertThat(item(page, "hedged")).hasAttribute("aria-current", "true");
    }

    @Test
    void the_words_right_after_a_fresh_mark_are_selected_by_a_drag_while_its_handles_show() {
        signIn(STUDENT, Fixtures.PASSWORD);
        page.navigate(url("assignment/" + assignment));
        saved(page);
        // In the headline, as a student starting at the top would.
        markWithMouse("European", "factual");
        saved(page);
        // The new mark stays selected, its handles at its ends, when the student goes straight on
        // to the next words. While the end handle reached into the next word, this drag only
        // moved a caret in Chromium, and in the body text below it resized the mark instead.
        assertThat(highlighter().getByTestId("handle-end")).isVisible();
        assertThat(mark(page, "factual")).hasAttribute("data-selected", "");

        selectWithMouse("Operations Reportedly");
        assertThat(highlighter().locator("mark.ch-pending")).hasText("Operations Reportedly");
        page.getByTestId("claim-type-hedged").click();
        assertThat(item(page, "hedged")).containsText("Operations Reportedly");
        saved(page);
        assertThat(savedMarks()).extracting(SavedSpan::exact).containsExactly("European", "Operations Reportedly");

        // The same in the body text, where the space before the next word is narrower.
        markWithMouse("told The Daily Mail", "attributed");
        saved(page);
        assertThat(mark(page, "attributed")).hasAttribute("data-selected", "");
        selectWithMouse("the head of ISIS");
        assertThat(highlighter().locator("mark.ch-pending")).hasText("the head of ISIS");
        page.getByTestId("claim-type-factual").click();
        saved(page);
        assertThat(savedMarks())
                .extracting(SavedSpan::exact)
                .containsExactly("European", "Operations Reportedly", "told The Daily Mail", "the head of ISIS");
    }

    @Test
    void a_selected_mark_is_resized_by_dragging_its_handles_and_by_the_keys_and_saved() {
        signIn(STUDENT, Fixtures.PASSWORD);
        page.navigate(url("assignment/" + assignment));
        saved(page);
        markWithMouse("told The Daily Mail", "attributed");
        saved(page);
        assertThat(savedMarks()).extracting(SavedSpan::exact).containsExactly("told The Daily Mail");
        SavedSpan made = savedMarks().getFirst();

        // The new mark is selected: its handles are at its ends.
        Locator end = highlighter().getByTestId("handle-end");
        Locator start = highlighter().getByTestId("handle-start");
        assertThat(end).isVisible();
        assertThat(end).hasAttribute("data-for", "mark");

        // Drag the end handle onto "head": the end snaps to the end of that word.
        settle();
        double[] from = centreOf(end);
        double[] to = centre(page, "head");
        page.mouse().move(from[0], from[1]);
        page.mouse().down();
        page.mouse().move(to[0], to[1], new Mouse.MoveOptions().setSteps(8));
        page.mouse().up();
        assertThat(item(page, "attributed")).containsText("told The Daily Mail the head");
        assertThat(page.getByTestId("announcer")).containsText("attributed mark now: “told The Daily Mail the head”");
        saved(page);
        SavedSpan dragged = savedMarks().getFirst();
        assertThat(dragged.exact()).isEqualTo("told The Daily Mail the head");
        assertThat(dragged.start()).isEqualTo(made.start());
        assertThat(dragged.end()).isEqualTo(made.start() + "told The Daily Mail the head".length());

        // Drag the start handle back onto "source".
        settle();
        from = centreOf(start);
        to = centre(page, "source");
        page.mouse().move(from[0], from[1]);
        page.mouse().down();
        page.mouse().move(to[0], to[1], new Mouse.MoveOptions().setSteps(8));
        page.mouse().up();
        assertThat(item(page, "attributed")).containsText("source told The Daily Mail the head");
        saved(page);
        assertThat(savedMarks()).extracting(SavedSpan::exact).containsExactly("source told The Daily Mail the head");

        // The keys: Alt+→ moves the end a word on, Alt+Shift+→ the start; shown in the keys' help.
        highlighter().locator(".ch-text").focus();
        assertThat(mark(page, "attributed")).hasAttribute("data-selected", "");
        page.keyboard().press("Alt+ArrowRight");
        assertThat(item(page, "attributed")).containsText("source told The Daily Mail the head of");
        page.keyboard().press("Alt+Shift+ArrowRight");
        assertThat(page.getByTestId("announcer"))
                .containsText("attributed mark now: “told The Daily Mail the head of”");
        assertThat(item(page, "attributed")).not().containsText("source told");
        saved(page);
        SavedSpan keyed = savedMarks().getFirst();
        assertThat(keyed.exact()).isEqualTo("told The Daily Mail the head of");
        assertThat(keyed.start()).isEqualTo(made.start());
        assertThat(keyed.end() - keyed.start()).isEqualTo(keyed.exact().length());
        assertThat(savedMarks()).hasSize(1);

        page.getByTestId("key-help").locator("summary").click();
        assertThat(page.getByTestId("key-help")).containsText("Alt+Shift+left and right arrows its start");
        screenshot("highlighter-resize-1280.png");

        // What was saved is what a reload shows.
        page.reload();
        saved(page);
        assertThat(item(page, "attributed")).containsText("told The Daily Mail the head of");
    }

    @Test
    void on_a_phone_a_long_press_selects_a_word_its_handle_extends_it_and_a_tap_on_the_palette_marks_it() {
        BrowserContext phone = browser()
                .newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                        .setViewportSize(390, 844)
                        .setIsMobile(true)
                        .setHasTouch(true)
                        .setDeviceScaleFactor(2));
        try {
            Page mobile = phone.newPage();
            mobile.navigate(url("login"));
            mobile.locator("input[name='username']").fill(STUDENT);
            mobile.locator("input[name='password']").fill(Fixtures.PASSWORD);
            mobile.locator("input[name='password']").press("Enter");
            mobile.waitForURL(u -> !u.contains("/login"));
            mobile.navigate(url("assignment/" + assignment));
            saved(mobile);
            mobile.evaluate("() => document.querySelector('claim-highlighter p[data-index=\"1\"]')"
                    + ".scrollIntoView({block: 'center'})");
            Finger finger = new Finger(phone.newCDPSession(mobile));

            // Hold a finger on "Soulayman" until the word is selected (no fixed wait: the state is
            // waited for while the finger stays down).
            double[] word = centre(mobile, "Soulayman");
            finger.touch("touchStart", word, 0);
            Locator pending = mobile.locator("claim-highlighter mark.ch-pending");
            assertThat(pending).hasText("Soulayman");
            finger.touch("touchEnd", null, 0);
            assertThat(pending).hasText("Soulayman");
            Locator end = mobile.getByTestId("handle-end");
            assertThat(end).isVisible();
            assertThat(end).hasAttribute("data-for", "pending");

            // Drag the end handle to "Turkey": the selection grows by whole words. The finger moves
            // a frame (16 ms) at a time and rests on the word before it lifts, as a hand does:
            // lifted while still moving fast, Chromium takes the drag for a fling and swallows the
            // next tap as the one that stops it (no click, so the palette would never hear of it).
            double[] from = centreOf(end);
            double[] to = centre(mobile, "Turkey");
            finger.touch("touchStart", from, 0);
            for (int i = 1; i <= 6; i++) {
                finger.touch(
                        "touchMove",
                        new double[] {from[0] + (to[0] - from[0]) * i / 6, from[1] + (to[1] - from[1]) * i / 6},
                        16);
            }
            finger.touch("touchMove", to, 200);
            finger.touch("touchEnd", null, 16);
            assertThat(pending).hasText("Soulayman, fled to Turkey");
            // Still the highlighter's own range (the browser's selection would hide the handles).
            assertThat(end).hasAttribute("data-for", "pending");
            assertThat(mobile.locator("claim-highlighter[data-long-press]")).hasCount(0);

            // A tap on the palette (a finger, not a click) marks the range.
            double[] factual = centreOf(mobile.getByTestId("claim-type-factual"));
            finger.touch("touchStart", factual, 50);
            finger.touch("touchEnd", null, 60);
            assertThat(mark(mobile, "factual")).hasCount(1);
            assertThat(mark(mobile, "factual")).hasText("Soulayman, fled to Turkey");
            saved(mobile);
            assertThat(savedMarks()).extracting(SavedSpan::exact).containsExactly("Soulayman, fled to Turkey");
            mobile.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("highlighter-touch-390.png")));
            audit(mobile);
        } finally {
            phone.close();
        }
    }

    /**
     * One finger on the touch screen: touch events through Chromium's input pipeline (CDP), each
     * stamped with the time a hand would give it. Chromium's gesture recognition reads those times
     * (a tap's length, a drag's speed when the finger lifts); the clock never goes back and never
     * lags behind the real one.
     */
    private static final class Finger {
        private final CDPSession cdp;
        private double clock = System.currentTimeMillis() / 1000.0;

        Finger(CDPSession cdp) {
            this.cdp = cdp;
        }

        /** A touch event {@code afterMs} after the previous one (or now, if that is later). */
        void touch(String type, double[] at, int afterMs) {
            clock = Math.max(clock + afterMs / 1000.0, System.currentTimeMillis() / 1000.0);
            JsonObject params = touchEvent(type, at);
            params.addProperty("timestamp", clock);
            cdp.send("Input.dispatchTouchEvent", params);
        }
    }

    private static JsonObject touchEvent(String type, double[] at) {
        JsonObject params = new JsonObject();
        params.addProperty("type", type);
        JsonArray points = new JsonArray();
        if (at != null) {
            JsonObject point = new JsonObject();
            point.addProperty("x", at[0]);
            point.addProperty("y", at[1]);
            points.add(point);
        }
        params.add("touchPoints", points);
        return params;
    }

    @Test
    void on_the_practice_page_the_keys_select_a_passage_and_the_server_receives_it() {
        signIn(STUDENT, Fixtures.PASSWORD);
        page.navigate(url("practice"));
        Locator text = highlighter().locator(".ch-text");
        // A keyboard focus shows the caret on the first word.
        text.focus();
        assertThat(highlighter().locator("mark.ch-caret")).hasText("Town");
        page.keyboard().press("Shift+ArrowRight");
        page.keyboard().press("Shift+ArrowRight");
        assertThat(highlighter().locator("mark.ch-pending")).hasText("Town library to");
        Locator received = page.getByTestId("selection-text");
        assertThat(received).hasText("“Town library to”");
        assertThat(received).hasAttribute("data-start", "0");
        assertThat(received).hasAttribute("data-end", String.valueOf("Town library to".length()));
        assertThat(highlighter().locator(".ch-live-caret")).hasText("Town library to");

        // On, to the next sentence and back by a word: still only whole words.
        page.keyboard().press("Shift+ArrowDown");
        page.keyboard().press("Shift+ArrowLeft");
        assertThat(received).not().hasText("“Town library to”");
        assertThat(received).hasAttribute("data-start", "0");

        // Escape drops the range; the keys' help says how.
        page.keyboard().press("Escape");
        assertThat(highlighter().locator("mark.ch-pending")).hasCount(0);
        page.getByTestId("key-help").locator("summary").click();
        assertThat(page.getByTestId("key-help")).containsText("add Shift to select");
        screenshot("practice-keyboard-1280.png");
    }
}
