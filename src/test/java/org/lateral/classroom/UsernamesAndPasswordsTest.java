package org.lateral.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UsernamesAndPasswordsTest {

    @Test
    void usernames_are_stored_lower_case_without_surrounding_spaces() {
        assertThat(Usernames.normalise("  Student7 ")).isEqualTo("student7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "has space", "-dash-first", "émile", "a234567890123456789012345678901234567890x"})
    void unusable_usernames_get_a_reason(String username) {
        assertThat(Usernames.problem(username)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "student24", "j.doe", "m_k-2"})
    void ordinary_usernames_are_accepted(String username) {
        assertThat(Usernames.problem(username)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "Ana López, ana.lopez",
        "王小明, wang.xiao.ming",
        "Иван Петров, ivan.petrov",
        "Νίκος Παπαδόπουλος, nikos.papadopoulos",
        "محمد علي, mhmd.ly",
        "Zoë Łukasiewicz-Brønsted, zoe.lukasiewicz.bronsted",
        "Ngô Bảo Châu, ngo.bao.chau",
        "Straße, strasse",
        "さくら, sakura",
    })
    void a_username_is_made_from_a_name_in_any_script_written_in_latin_letters(String name, String username) {
        assertThat(Usernames.fromName(name)).isEqualTo(username);
        assertThat(Usernames.problem(username)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"🙂, student", "李, student.li", "'  ', student", "J, student.j"})
    void a_name_that_leaves_fewer_than_three_letters_becomes_student(String name, String username) {
        assertThat(Usernames.fromName(name)).isEqualTo(username);
    }

    @Test
    void a_long_name_makes_a_username_short_enough_to_number_and_still_valid() {
        String username = Usernames.fromName("Maximiliane Anastasia Konstantinopoulou-Wittelsbach");
        assertThat(username)
                .hasSizeLessThanOrEqualTo(Usernames.LONGEST_FROM_NAME)
                .doesNotEndWith(".");
        assertThat(Usernames.problem(username + "-99")).isEmpty();
    }

    @Test
    void a_password_shorter_than_eight_characters_is_refused_with_a_reason() {
        assertThat(PasswordPolicy.problem("short12", "someone"))
                .hasValueSatisfying(reason -> assertThat(reason.getMessage()).contains("at least 8"));
    }

    @Test
    void a_long_passphrase_without_digits_or_symbols_is_accepted() {
        assertThat(PasswordPolicy.problem("correct horse battery staple", "someone"))
                .isEmpty();
    }

    @Test
    void sixty_four_characters_are_allowed_and_more_than_128_are_not() {
        assertThat(PasswordPolicy.problem("x".repeat(64), "someone")).isEmpty();
        assertThat(PasswordPolicy.problem("x".repeat(129), "someone")).isPresent();
    }

    @Test
    void the_username_is_never_a_valid_password() {
        assertThat(PasswordPolicy.problem("Student24x", "student24x")).isPresent();
    }
}
