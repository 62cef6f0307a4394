package org.lateral.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.Fixtures;
import org.lateral.SignedIn;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.library.OutletKind;
import org.lateral.library.importing.ArticleDraft;
import org.lateral.library.importing.ArticleImportService;
import org.lateral.library.importing.PastedArticle;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The key editor from the keyboard alone (DD021), in real Chromium: every step is a key press on
 * the element that has the focus, and after each step the focus is where the next step starts
 * (the next suggestion, the "Add as a claim" button, the new claim's "why"). Nothing is clicked.
 */
class KeyEditorKeyboardJourneyIT extends JourneyTest {

    static final String ARTICLE = "Lakeside library extends its opening hours\n\n"
            + "The library by the lake will open until nine in the evening from March, the county's arts "
            + "officer said on Monday.\n\n"
            + "About 1,200 people used the reading room last month, according to the county council.\n\n"
            + "Weekend hours may follow if volunteers come forward.\n";

    static final String TYPED = "About 1,200 people used the reading room last month";

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ArticleImportService imports;

    @Autowired
    UserDetailsService users;

    String teacher;
    UUID article;

    @BeforeEach
    void aTeacherWithAnArticleOfTheirOwn() {
        UUID school = fixtures.school("Keyboard key journey school");
        teacher = "keyboard-key-teacher-" + school.toString().substring(0, 8);
        administration.ensureAccount(school, teacher, "Keyboard Teacher", Set.of(Role.TEACHER), Fixtures.PASSWORD);
        try (var s = SignedIn.as(users, teacher)) {
            ArticleDraft draft = imports.preview(
                    new PastedArticle(ARTICLE, null, "Lakeside Post", null, LocalDate.of(2026, 11, 20), null));
            article = imports.save(draft.corrected(
                            draft.title(),
                            draft.body(),
                            null,
                            draft.outletName(),
                            OutletKind.NEWSPAPER,
                            draft.byline(),
                            draft.published()))
                    .articleId();
        }
    }

    private Locator status() {
        return page.getByTestId("key-status");
    }

    private void waitForDraftVersion(int version) {
        assertThat(status()).hasAttribute("data-draft-version", String.valueOf(version));
    }

    /** The test id of the focused element or of the nearest element around it that has one. */
    private String focused() {
        return (String) page.evaluate("""
                () => {
                  let e = document.activeElement;
                  while (e && e.shadowRoot && e.shadowRoot.activeElement) {
                    e = e.shadowRoot.activeElement;
                  }
                  for (; e; e = e.parentElement || (e.getRootNode() && e.getRootNode().host)) {
                    if (e.dataset && e.dataset.testid) {
                      return e.dataset.testid;
                    }
                  }
                  return null;
                }
                """);
    }

    private void waitForFocus(String testId) {
        page.waitForCondition(() -> testId.equals(focused()));
    }

    @Test
    void a_key_is_started_written_and_published_with_the_keyboard_only() {
        signIn(teacher, Fixtures.PASSWORD);
        page.navigate(url("library/key/" + article));

        // The start button is a button: Tab reaches it, Enter presses it.
        page.getByTestId("key-start-empty").focus();
        page.keyboard().press("Enter");
        waitForDraftVersion(0);

        // Suggestions: accept one, and the focus moves on to the next suggestion's Accept.
        Locator firstAccept = page.getByTestId("key-suggestion-accept").first();
        int before = page.getByTestId("key-suggestion-accept").count();
        assertThat(before).isGreaterThan(1);
        firstAccept.focus();
        page.keyboard().press("Enter");
        waitForDraftVersion(1);
        waitForFocus("key-suggestion-accept");
        assertThat(page.getByTestId("key-suggestion-accept")).hasCount(before - 1);
        page.keyboard().press("Enter");
        waitForDraftVersion(2);

        // Typing words selects them; Enter in the field finds them and offers "Add as a claim".
        page.getByTestId("key-find").locator("input").focus();
        page.keyboard().type(TYPED);
        page.keyboard().press("Enter");
        assertThat(page.getByTestId("key-selected")).hasText("\u201c" + TYPED + "\u201d");
        waitForFocus("key-add-claim");
        page.keyboard().press("Enter");
        waitForDraftVersion(3);

        // The new claim's "why" has the focus: write it, and Tab saves it.
        waitForFocus("key-claim-why");
        page.keyboard().type("The county council's count can be checked in its monthly figures.");
        page.keyboard().press("Tab");
        waitForDraftVersion(4);

        // Back up (Shift+Tab) into the claim's types and tick the one the focus lands on with Space.
        for (int i = 0; i < 12 && !"key-claim-types".equals(focused()); i++) {
            page.keyboard().press("Shift+Tab");
        }
        assertThat(focused()).isEqualTo("key-claim-types");
        page.keyboard().press("Space");
        waitForDraftVersion(5);

        // The key's claims are drawn calmly, without their ids; the overlay list finds each one in
        // the text: its toggle and an item's Jump work from the keyboard.
        assertThat(page.getByTestId("claim-highlighter")).hasAttribute("data-calm", "");
        page.getByTestId("overlay-list-toggle").focus();
        page.keyboard().press("Enter");
        Locator typed =
                page.getByTestId("overlay-item").filter(new Locator.FilterOptions().setHasText("About 1,200 people"));
        assertThat(typed).hasCount(1);
        typed.getByTestId("overlay-jump").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("claim-highlighter mark[data-current][data-first]"))
                .isFocused();

        // Publish, from the keyboard too.
        page.getByTestId("key-publish").focus();
        page.keyboard().press("Enter");
        Locator outcome = page.getByTestId("key-problems");
        // Every claim has a type and a why, every accepted source a place in the text.
        assertThat(outcome).hasAttribute("data-outcome", "published");
        screenshot("key-editor-keyboard-published.png");
    }
}
