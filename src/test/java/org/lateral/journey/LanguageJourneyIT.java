package org.lateral.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lateral.base.Schools;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Lateral in the reader's language (DD034): a Spanish browser gets Spanish pages before anyone
 * signs in, and a person who chooses a language in the account menu keeps it on a browser that
 * asks for English.
 */
class LanguageJourneyIT extends JourneyTest {

    static final String PASSWORD = "a sentence only this test knows";

    @Autowired
    ClassroomAdministration administration;

    @Test
    void a_spanish_browser_gets_the_sign_in_page_in_spanish() {
        BrowserContext spanish = browser().newContext(new NewContextOptions().setLocale("es-ES"));
        try {
            Page es = spanish.newPage();
            es.navigate(url("login"));
            assertThat(es.getByTestId("login-form")).containsText("Iniciar sesión");
            assertThat(es).hasTitle("Iniciar sesión · Lateral");
            audit(es);
        } finally {
            spanish.close();
        }
    }

    @Test
    void a_language_chosen_in_the_account_menu_follows_the_person_on_an_english_browser() {
        String teacher = "lang-" + UUID.randomUUID().toString().substring(0, 8);
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, teacher, "Language Teacher", Set.of(Role.TEACHER), PASSWORD);
        signIn(teacher, PASSWORD);
        assertThat(page.getByTestId("nav-library")).containsText("Library");

        page.getByTestId("account-menu").click();
        page.getByTestId("choose-language").click();
        page.waitForURL(u -> u.endsWith("/language"));
        audit();
        page.getByTestId("language-choice").getByText("Español").click();
        page.getByTestId("language-save").click();

        // The page is drawn again in Spanish, and so is every page after it.
        assertThat(page.getByTestId("nav-library")).containsText("Biblioteca");
        assertThat(page.locator("h1").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Idioma")))
                .isVisible();
        page.navigate(url("library"));
        assertThat(page.getByTestId("nav-library")).containsText("Biblioteca");
        screenshot("language-spanish-library.png");

        // Back to the browser's language.
        page.getByTestId("account-menu").click();
        page.getByTestId("choose-language").click();
        page.getByTestId("language-choice")
                .getByText("Igual que este navegador")
                .click();
        page.getByTestId("language-save").click();
        assertThat(page.getByTestId("nav-library")).containsText("Library");
    }
}
