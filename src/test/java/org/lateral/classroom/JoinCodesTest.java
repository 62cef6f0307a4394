package org.lateral.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JoinCodesTest {

    @Test
    void the_alphabet_has_32_symbols_without_look_alikes_so_ten_characters_carry_50_bits() {
        assertThat(JoinCodes.ALPHABET).hasSize(32).doesNotContain("0", "O", "1", "I");
        assertThat(JoinCodes.ALPHABET.chars().distinct().count()).isEqualTo(32);
        assertThat(JoinCodes.LENGTH * (Math.log(JoinCodes.ALPHABET.length()) / Math.log(2)))
                .isGreaterThanOrEqualTo(50.0);
    }

    @Test
    void generated_codes_are_ten_symbols_of_the_alphabet_and_do_not_repeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = JoinCodes.generate();
            assertThat(code).hasSize(10).matches("[" + JoinCodes.ALPHABET + "]{10}");
            seen.add(code);
        }
        assertThat(seen).hasSize(10_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABCDE-FGHJK", "abcde fghjk", " AbCdEfGhJk ", "ABCDEFGHJK"})
    void students_may_type_a_code_in_lower_case_with_spaces_or_a_dash(String typed) {
        assertThat(JoinCodes.normalise(typed)).contains("ABCDEFGHJK");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ABCDE", "ABCDEFGHJKL", "ABCDEFGHJ0", "ABCDEFGHJI", "ABCDE_FGHJ"})
    void anything_that_cannot_be_a_code_is_refused_before_any_lookup(String typed) {
        assertThat(JoinCodes.normalise(typed)).isEmpty();
    }

    @Test
    void codes_are_shown_in_two_groups_of_five_for_reading_aloud() {
        assertThat(JoinCodes.display("ABCDEFGHJK")).isEqualTo("ABCDE-FGHJK");
    }

    @Test
    void one_time_passwords_pass_the_password_policy() {
        for (int i = 0; i < 1000; i++) {
            String password = ClassroomService.oneTimePassword();
            assertThat(PasswordPolicy.problem(password, "student")).as(password).isEmpty();
        }
    }

    @Test
    void common_passwords_are_refused_whatever_their_case() {
        assertThat(CommonPasswords.size()).isGreaterThan(20_000);
        assertThat(PasswordPolicy.problem("password1", "someone"))
                .hasValueSatisfying(m -> assertThat(m.getMessage()).contains("easy to guess"));
        assertThat(PasswordPolicy.problem("Iloveyou1", "someone")).isPresent();
        assertThat(PasswordPolicy.problem("kestrel over the marsh", "someone")).isEmpty();
    }
}
