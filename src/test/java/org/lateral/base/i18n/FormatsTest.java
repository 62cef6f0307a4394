package org.lateral.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Dates follow the reader's language and region, and a time names its zone. */
class FormatsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 3);

    @Test
    void a_day_is_written_as_the_language_and_region_write_it() {
        assertThat(Formats.day(DAY, Locale.US)).isEqualTo("Dec 3, 2026");
        assertThat(Formats.day(DAY, Locale.UK)).isEqualTo("3 Dec 2026");
        assertThat(Formats.day(DAY, Locale.of("es"))).isEqualTo("3 dic 2026");
    }

    @Test
    void a_long_day_has_its_weekday_in_the_language() {
        assertThat(Formats.longDay(DAY, Locale.of("es"))).isEqualTo("jueves, 3 de diciembre de 2026");
    }

    @Test
    void a_time_names_its_zone() {
        ZonedDateTime at = DAY.atTime(14, 5).atZone(ZoneId.of("Europe/Madrid"));

        assertThat(Formats.dateTime(at, Locale.of("es"))).isEqualTo("3 dic 2026, 14:05 (Europe/Madrid)");
    }

    @Test
    void a_day_with_its_weekday_and_a_time_follow_the_language_and_region() {
        assertThat(Formats.dayWithWeekday(DAY, Locale.US)).isEqualTo("Thu, Dec 3, 2026");
        assertThat(Formats.dayWithWeekday(DAY, Locale.UK)).isEqualTo("Thu, 3 Dec 2026");
        assertThat(Formats.dayWithWeekday(DAY, Locale.forLanguageTag("es-ES"))).isEqualTo("jue, 3 dic 2026");
        assertThat(Formats.time(LocalTime.of(15, 30), Locale.US)).isEqualTo("3:30\u202fPM");
        assertThat(Formats.time(LocalTime.of(15, 30), Locale.forLanguageTag("es-ES")))
                .isEqualTo("15:30");
    }
}
