package org.lateral.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A teacher finds the Sputnik article in the library and lays its answer key over the text. */
class LibraryJourneyIT extends JourneyTest {

    @BeforeEach
    void signInAsTeacher() {
        page.setViewportSize(1440, 900);
        signIn("teacher");
    }

    @Test
    void the_teacher_opens_the_sputnik_article_and_overlays_its_answer_key() {
        page.getByTestId("nav-library").click();
        assertThat(page.getByTestId("library-article")).hasCount(5);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("library.png"))
                .setFullPage(true));
        audit();

        page.getByTestId("library-search").locator("input").fill("sputnik");
        assertThat(page.getByTestId("library-article")).hasCount(1);
        page.getByTestId("article-link").click();

        Locator highlighter = page.getByTestId("claim-highlighter");
        assertThat(highlighter.locator("p[data-index='0']"))
                .hasText("'Daesh Defectors May be Undercover Operatives' Trying to Attack Europe");
        assertThat(page.getByTestId("outlet-card")).containsText("Rossiya Segodnya");
        assertThat(highlighter.locator("mark")).hasCount(0);

        page.getByTestId("key-toggle").click();
        Locator claims = highlighter.locator("mark.ch-mark[data-first]");
        assertThat(page.getByTestId("key-panel")).isVisible();
        assertThat(claims.first()).isVisible();
        int keyClaims = page.getByTestId("key-claim").count();
        assertThat(keyClaims).isGreaterThanOrEqualTo(12);
        assertThat(claims).hasCount(keyClaims);
        assertThat(highlighter
                        .locator("mark.ch-mark[data-claim-type='attributed']")
                        .first())
                .isVisible();
        assertThat(highlighter.locator("mark.ch-source").first()).isVisible();

        // Each claim's label is an attribute (shown by CSS), so the article text is unchanged.
        Object text = page.evaluate("() => [...document.querySelectorAll('claim-highlighter p[data-start]')]"
                + ".map(p => p.textContent).join('\\n\\n')");
        Object canonical = page.evaluate("() => document.querySelector('claim-highlighter').text");
        assertThat(text).isEqualTo(canonical);
        String firstLabel = claims.first().getAttribute("data-label");
        assertThat(firstLabel).matches("c\\d+ · .+");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("reader-sputnik-key.png"))
                .setFullPage(true));
        audit();

        page.getByTestId("key-toggle").click();
        assertThat(highlighter.locator("mark")).hasCount(0);
    }

    @Test
    void the_outlet_profile_opens_from_the_reader() {
        page.navigate(url("library"));
        page.getByTestId("outlet-link")
                .filter(new Locator.FilterOptions().setHasText("New Eastern Outlook"))
                .click();
        assertThat(page.getByTestId("outlet-profile")).containsText("Global Engagement Center");
        screenshot("outlet-neo.png");
    }
}
