package org.lateral.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RosterOrderTest {

    @Test
    void names_sort_as_people_read_them_with_numbers_in_number_order() {
        List<String> names = List.of("Student 10", "student 2", "Ana", "Student 1", "Ben", "Student 24");
        assertThat(names.stream().sorted(ClassRepository::naturalCompare).toList())
                .containsExactly("Ana", "Ben", "Student 1", "student 2", "Student 10", "Student 24");
    }
}
