package org.lateral.base.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            right-to-left override hides a file name   | Ana\u202Egnp.exe\u202C  | Anagnp.exe
            isolates and marks                           | \u2067Ana\u2069 \u200EKim  | Ana Kim
            zero-width space, joiner, word joiner, BOM   | A\u200Bn\u200Da\u2060\uFEFF | Ana
            control characters                           | Ana\u0007\u0000 Kim      | Ana Kim
            runs of spaces and no-break spaces become one | '  Ana \u00A0\u2003 Kim  ' | Ana Kim
            decomposed accents are composed (NFC)        | Jose\u0301               | Jos\u00E9
            an ordinary name is unchanged                | María-José O'Neill       | María-José O'Neill
            """)
    void invisible_characters_are_removed_and_spaces_collapsed(String what, String typed, String stored) {
        assertThat(Names.clean(typed)).isEqualTo(stored);
    }
}
