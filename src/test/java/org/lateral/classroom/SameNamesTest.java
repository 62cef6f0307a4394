package org.lateral.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SameNamesTest {

    @Test
    void a_name_two_people_share_is_shown_with_the_username() {
        SameNames names = SameNames.among(List.of("Alex Kim", "Robin Lee", "Alex Kim"));
        assertThat(names.label("Alex Kim", "alex.kim-2")).isEqualTo("Alex Kim (alex.kim-2)");
        assertThat(names.label("Alex Kim", "alex.kim")).isEqualTo("Alex Kim (alex.kim)");
    }

    @Test
    void a_name_nobody_else_has_is_shown_alone() {
        SameNames names = SameNames.among(List.of("Alex Kim", "Robin Lee", "Alex Kim"));
        assertThat(names.label("Robin Lee", "robin.lee")).isEqualTo("Robin Lee");
    }

    @Test
    void names_differing_only_in_case_or_spaces_count_as_the_same() {
        SameNames names = SameNames.among(List.of("alex kim", " Alex  Kim"));
        assertThat(names.isShared("ALEX KIM")).isTrue();
    }
}
