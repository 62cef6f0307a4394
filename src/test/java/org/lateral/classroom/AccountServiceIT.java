package org.lateral.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.lateral.base.Schools;
import org.lateral.base.UserFacingException;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Changing one's own password when one chooses to: the current one is asked for, the rules hold. */
@LateralServerTest
class AccountServiceIT {

    static final String CURRENT = "the owl and the pussycat";

    @Autowired
    AccountService accounts;

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    String teacher;

    @BeforeEach
    void aTeacherWithAPasswordOfTheirOwn() {
        teacher = "pw-" + UUID.randomUUID().toString().substring(0, 8);
        administration.ensureAccount(Schools.DEFAULT_SCHOOL_ID, teacher, "Art Teacher", Set.of(Role.TEACHER), CURRENT);
    }

    private String hash() {
        return jdbc.sql(
                        "SELECT c.password_hash FROM credential c JOIN account a ON a.id = c.account_id WHERE a.username = :u")
                .param("u", teacher)
                .query(String.class)
                .single();
    }

    @Test
    void a_wrong_current_password_is_refused_and_changes_nothing() {
        String before = hash();
        try (var s = SignedIn.as(users, teacher)) {
            assertThatThrownBy(() -> accounts.changeOwnPassword(
                            "not my password at all", "a new sentence to remember", "a new sentence to remember"))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage("Your current password is not right.");
        }
        assertThat(hash()).isEqualTo(before);
        assertThat(passwordEncoder.matches(CURRENT, hash())).isTrue();
    }

    @Test
    void a_new_password_the_policy_refuses_is_refused_with_its_reason_and_changes_nothing() {
        String before = hash();
        try (var s = SignedIn.as(users, teacher)) {
            assertThatThrownBy(() -> accounts.changeOwnPassword(CURRENT, "short", "short"))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("at least " + PasswordPolicy.MIN_LENGTH);
            assertThatThrownBy(() -> accounts.changeOwnPassword(CURRENT, teacher, teacher))
                    .hasMessageContaining("not be your username");
            assertThatThrownBy(() -> accounts.changeOwnPassword(CURRENT, CURRENT, CURRENT))
                    .hasMessage("Choose a new password, different from your current one.");
            assertThatThrownBy(() -> accounts.changeOwnPassword(
                            CURRENT, "a new sentence to remember", "a new sentence to forget"))
                    .hasMessage("The two new passwords are not the same.");
        }
        assertThat(hash()).isEqualTo(before);
    }

    @Test
    void a_teacher_who_chooses_to_changes_their_password_and_is_not_asked_to_change_it_again() {
        try (var s = SignedIn.as(users, teacher)) {
            accounts.changeOwnPassword(CURRENT, "a new sentence to remember", "a new sentence to remember");
            assertThat(accounts.mustChangePassword()).isFalse();
        }
        assertThat(passwordEncoder.matches("a new sentence to remember", hash()))
                .isTrue();
        assertThat(passwordEncoder.matches(CURRENT, hash())).isFalse();
    }

    @Test
    void a_chosen_language_is_kept_with_the_account_and_cleared_back_to_the_browser() {
        try (var s = SignedIn.as(users, teacher)) {
            assertThat(accounts.ownLanguage()).isEmpty();
            accounts.chooseLanguage("es");
            assertThat(accounts.ownLanguage()).contains(Locale.of("es"));
            accounts.chooseLanguage("");
            assertThat(accounts.ownLanguage()).isEmpty();
        }
    }

    @Test
    void a_language_lateral_lacks_or_a_malformed_tag_is_refused_and_changes_nothing() {
        try (var s = SignedIn.as(users, teacher)) {
            accounts.chooseLanguage("es");
            for (String wrong : List.of("de", "xx-not-a-language", "'; DROP TABLE account; --", "es".repeat(40))) {
                assertThatThrownBy(() -> accounts.chooseLanguage(wrong))
                        .isInstanceOf(UserFacingException.class)
                        .hasMessage("Lateral has no texts in that language. Choose one of the list.");
            }
            assertThat(accounts.ownLanguage()).contains(Locale.of("es"));
        }
    }

    @Test
    void nobody_signed_in_has_no_chosen_language() {
        assertThat(accounts.ownLanguage()).isEmpty();
    }
}
