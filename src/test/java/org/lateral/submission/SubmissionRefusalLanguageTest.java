package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lateral.base.UserFacingException;
import org.lateral.submission.LessonProgress.AttemptState;

/**
 * A refusal of the submission services reaches the student in the page's language (issue 19):
 * the service refuses with a key, the page shows {@code getLocalizedMessage()}; the log keeps
 * English.
 */
// No routes: the refusal is read inside the mock UI, as a view would read it.
@ViewPackages(packages = "org.lateral.submission.none")
class SubmissionRefusalLanguageTest extends BrowserlessTest {

    /** The second step's attempt while the first is only started: the stepper refuses work on it. */
    private static UserFacingException lockedStepRefusal() {
        AttemptState first = LessonProgressTest.attempt(0, 1, false);
        AttemptState second = LessonProgressTest.attempt(1, 1, false);
        UserFacingException refusal =
                LessonProgress.lockedReason(LessonProgressTest.TWO_STEPS, List.of(first, second), second.id());
        assertThat(refusal).isNotNull();
        return refusal;
    }

    @Test
    void a_locked_step_is_refused_in_spanish_on_a_spanish_page_and_in_english_in_the_log() {
        UserFacingException refusal = lockedStepRefusal();
        UI.getCurrent().setLocale(Locale.forLanguageTag("es-MX"));

        assertThat(refusal.getLocalizedMessage()).isEqualTo("Este paso se abre cuando entregues el paso anterior.");
        assertThat(refusal.getMessage()).isEqualTo("This step opens when the step before it is submitted.");
    }

    @Test
    void a_refusal_with_a_number_keeps_it_in_spanish() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("es"));

        UserFacingException refusal =
                UserFacingException.of("submission.refusal.commentTooLong", GradingActions.MAX_COMMENT);

        assertThat(refusal.getLocalizedMessage())
                .isEqualTo("El comentario debe tener menos de 2000 caracteres.")
                .doesNotContain("Keep the comment");
        assertThat(refusal.getMessage()).isEqualTo("Keep the comment under 2000 characters.");
    }

    @Test
    void an_attempt_of_an_earlier_round_is_refused_in_english_on_an_english_page() {
        UI.getCurrent().setLocale(Locale.ENGLISH);

        UserFacingException refusal = LessonProgress.lockedReason(
                LessonProgressTest.TWO_STEPS, List.of(LessonProgressTest.attempt(0, 2, false)), UUID.randomUUID());

        assertThat(refusal).isNotNull();
        assertThat(refusal.getLocalizedMessage())
                .isEqualTo("This is an earlier attempt of the lesson; it cannot change any more.");
    }
}
