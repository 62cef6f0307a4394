package org.lateral.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.Fixtures;
import org.lateral.SignedIn;
import org.lateral.base.Schools;
import org.lateral.classroom.Account;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.SchoolClass;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Lateral in the reader's language (DD034): a Spanish browser gets Spanish pages before anyone
 * signs in, and a person who chooses a language in the account menu keeps it on a browser that
 * asks for English.
 */
class LanguageJourneyIT extends JourneyTest {

    static final String PASSWORD = "a sentence only this test knows";

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserDetailsService users;

    @TempDir
    Path temp;

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

    /**
     * A student whose browser asks for Spanish does a whole assignment in Spanish: the lesson page,
     * the submit dialog and the feedback, with none of those pages' English texts left.
     */
    @Test
    void a_student_with_a_spanish_browser_marks_submits_and_reads_feedback_in_spanish() throws IOException {
        UUID school = fixtures.schoolWithOwnPack("Spanish journey school", temp);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String teacherName = "es-teacher-" + suffix;
        String studentName = "es-student-" + suffix;
        Account teacher = administration.ensureAccount(
                school, teacherName, "Profesora Prueba", Set.of(Role.TEACHER), Fixtures.PASSWORD);
        Account student = administration.ensureAccount(
                school, studentName, "Alumna Prueba", Set.of(Role.STUDENT), Fixtures.PASSWORD);
        SchoolClass schoolClass = administration.ensureClass(teacher, "Clase en español", null, null, ZoneId.of("UTC"));
        administration.ensureEnrolled(schoolClass, student);
        try (var signedIn = SignedIn.as(users, teacherName)) {
            // Feedback right after submitting, no revision: the feedback page shows the key.
            fixtures.frisky(schoolClass.id(), 3, false);
        }

        // The journey's browser becomes a Spanish one (its dialogs are checked by hand below).
        context.close();
        context =
                browser().newContext(new NewContextOptions().setLocale("es-ES").setViewportSize(1280, 800));
        context.setDefaultTimeout(60_000);
        page = context.newPage();
        signIn(studentName, Fixtures.PASSWORD);

        page.getByTestId("open-assignment").first().click();
        Locator highlighter = page.getByTestId("claim-highlighter");
        assertThat(highlighter.locator("p[data-index='0']")).containsText("Reportedly Defects");
        assertThat(page.getByTestId("save-status")).hasAttribute("data-state", "saved");
        Locator main = page.locator(".marking-page");
        assertThat(main.locator("h2")).hasText("Marca las afirmaciones");
        assertThat(page.getByTestId("marking-instructions"))
                .containsText("Selecciona las palabras de una afirmación y elige su tipo");
        assertThat(page.getByTestId("submit-attempt")).hasText("Entregar mi trabajo");
        assertThat(main).containsText("Entrega:");
        assertThat(main).containsText("al final del día");

        markWithMouse("is believed to have planned", "hedged");
        assertThat(page.getByTestId("save-status")).hasAttribute("data-state", "saved");
        assertThat(page.getByTestId("save-status")).hasText("Guardado");
        for (String english :
                new String[] {"Mark the claims", "Select the words of a claim", "Submit my work", "Due "}) {
            assertThat(main).not().containsText(english);
        }
        screenshot("language-spanish-marking.png");

        page.getByTestId("submit-attempt").click();
        Locator dialog = page.locator("vaadin-confirm-dialog-overlay, vaadin-confirm-dialog");
        assertThat(dialog.getByText("¿Entregar tu trabajo?").first()).isVisible();
        assertThat(dialog.getByText("Comprueba que la página dice “Guardado”.", new Locator.GetByTextOptions())
                        .first())
                .isVisible();
        assertThat(dialog.getByText("Cancelar", new Locator.GetByTextOptions().setExact(true))
                        .first())
                .isVisible();
        assertThat(dialog.getByText("Submit your work?")).hasCount(0);
        assertThat(dialog.getByText("Cancel", new Locator.GetByTextOptions().setExact(true)))
                .hasCount(0);
        audit();
        dialog.getByText("Entregar", new Locator.GetByTextOptions().setExact(true))
                .last()
                .click();
        assertThat(page.getByTestId("marking-instructions"))
                .hasText("Ya has entregado este trabajo. Ya no se puede cambiar.");

        page.getByTestId("open-feedback").click();
        Locator feedback = page.locator(".feedback-page");
        assertThat(feedback.locator("h2")).containsText("Retroalimentación: ");
        // The score with a decimal comma, and the counts in words.
        assertThat(page.getByTestId("feedback-score"))
                .containsText(java.util.regex.Pattern.compile("^Puntuación \\d+,\\d de 100 · Encontradas \\d+"));
        assertThat(page.getByTestId("feedback-score")).containsText("no encontradas");
        assertThat(page.getByTestId("feedback-legend")).containsText("no encontrada");
        assertThat(feedback).containsText("Afirmaciones de la clave");
        assertThat(feedback).containsText("Por qué importa:");
        assertThat(page).hasTitle(java.util.regex.Pattern.compile("^Retroalimentación: .* · Lateral$"));
        for (String english : new String[] {
            "Feedback: ", "Claims in the key", "Why it matters", "found with another type", "Comments", "Score "
        }) {
            assertThat(feedback).not().containsText(english);
        }
        screenshot("language-spanish-feedback.png");
    }
}
