package org.lateral.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

/**
 * "Who says so?" with the keyboard alone (DD013, DD008): in the demo's two-step lesson a student
 * marks a claim, then, without the mouse, selects the words that name a source, makes the source
 * (name, kind, origin and outlet through the form's fields), and links the claim to it.
 */
class SourcesKeyboardJourneyIT extends JourneyTest {

    private Locator text() {
        return page.locator("claim-highlighter .ch-text");
    }

    private void saved() {
        assertThat(page.getByTestId("save-status")).hasAttribute("data-state", "saved");
    }

    @Test
    void student12_makes_a_source_and_links_a_claim_with_the_keyboard_only() {
        signIn("student12");
        page.getByTestId("open-assignment")
                .filter(new Locator.FilterOptions().setHasText("Who says so?"))
                .click();
        assertThat(page.getByTestId("lesson-step-mark-claims")).hasAttribute("aria-current", "step");
        saved();

        // Step 1: the first sentence of the article after the headline, marked as attributed (2).
        text().focus();
        page.keyboard().press("ArrowRight");
        page.keyboard().press("Home");
        page.keyboard().press("ArrowDown");
        page.keyboard().press("s");
        page.keyboard().press("2");
        assertThat(page.locator("claim-highlighter mark.ch-mark[data-own][data-first]"))
                .hasCount(1);
        saved();
        page.getByTestId("submit-attempt").focus();
        page.keyboard().press("Enter");
        page.locator("vaadin-confirm-dialog-overlay, vaadin-confirm-dialog")
                .getByText("Submit", new Locator.GetByTextOptions().setExact(true))
                .last()
                .click();
        assertThat(page.getByTestId("lesson-step-identify-sources")).hasAttribute("aria-current", "step");
        saved();

        // Step 2: "A former ISIS spy" (the first four words after the headline) becomes a source.
        settle();
        text().focus();
        page.keyboard().press("ArrowRight");
        page.keyboard().press("Home");
        page.keyboard().press("ArrowDown");
        for (int i = 0; i < 3; i++) {
            page.keyboard().press("Shift+ArrowRight");
        }
        page.keyboard().press("m");
        Locator name = page.getByTestId("source-name");
        assertThat(name).isFocused();
        assertThat(name).hasValue("A former ISIS spy");
        page.keyboard().press("Tab");
        page.keyboard().press("Space");
        page.keyboard().press("ArrowDown");
        page.keyboard().press("ArrowDown");
        assertThat(page.getByTestId("source-kind-pseudonymous")).isChecked();
        page.keyboard().press("Tab");
        page.keyboard().press("ArrowDown");
        assertThat(page.getByTestId("source-origin-relayed")).isChecked();
        page.keyboard().press("Tab");
        assertThat(page.getByTestId("source-outlet")).isFocused();
        page.keyboard().type("The Daily Beast");
        page.getByTestId("source-save").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("claim-highlighter mark[data-source-id]")).not().hasCount(0);
        saved();

        // The claim: from the first word, N selects the next claim (the only one), Enter goes to its
        // ticks, Space ticks the source.
        text().focus();
        page.keyboard().press("Home");
        page.keyboard().press("n");
        assertThat(page.getByTestId("claim-links")).isVisible();
        page.keyboard().press("Enter");
        assertThat(page.locator("[data-testid='claim-links'] input").first()).isFocused();
        page.keyboard().press("Space");
        saved();
        assertThat(page.getByTestId("source-item")).containsText("linked to Claim 1");
        screenshot("sources-keyboard.png");

        // The list of sources leads back to the text: Jump selects the source's mention, focuses
        // the text there and names it in the live region (issue 19).
        Locator jump = page.locator("[data-testid^='source-jump-']");
        jump.focus();
        page.keyboard().press("Enter");
        assertThat(text()).isFocused();
        assertThat(page.locator("claim-highlighter mark.ch-mention[data-first][data-selected]"))
                .hasCount(1);
        assertThat(page.locator("claim-highlighter .ch-live-caret")).containsText("A former ISIS spy");
    }
}
