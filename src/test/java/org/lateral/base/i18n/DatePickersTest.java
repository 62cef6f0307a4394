package org.lateral.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A typed date is read in the order the reader's language and region write it, with a four-digit year. */
class DatePickersTest {

    @Test
    void the_typed_date_follows_the_language_and_region() {
        assertThat(DatePickers.dateFormat(Locale.US)).isEqualTo("M/d/yyyy");
        assertThat(DatePickers.dateFormat(Locale.UK)).isEqualTo("dd/MM/yyyy");
        assertThat(DatePickers.dateFormat(Locale.forLanguageTag("es-ES"))).isEqualTo("d/M/yyyy");
    }
}
