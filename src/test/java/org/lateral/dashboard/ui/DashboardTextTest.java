package org.lateral.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The dashboards' figures as each language writes them. */
class DashboardTextTest {

    static final Locale SPANISH = Locale.forLanguageTag("es-ES");

    @Test
    void a_score_has_one_decimal_at_most_with_the_languages_decimal_mark() {
        assertThat(DashboardText.score(50.0, Locale.ENGLISH)).isEqualTo("50");
        assertThat(DashboardText.score(50.25, Locale.ENGLISH)).isEqualTo("50.3");
        assertThat(DashboardText.score(50.25, SPANISH)).isEqualTo("50,3");
        assertThat(DashboardText.score(null, SPANISH)).isEqualTo("\u2013");
    }

    @Test
    void a_gain_carries_its_sign() {
        assertThat(DashboardText.signed(2.5, SPANISH)).isEqualTo("+2,5");
        assertThat(DashboardText.signed(-2.5, Locale.ENGLISH)).isEqualTo("\u22122.5");
        assertThat(DashboardText.signed(0, Locale.ENGLISH)).isEqualTo("\u00b10");
        assertThat(DashboardText.gain(0.0, Locale.ENGLISH)).isEqualTo("0");
    }

    @Test
    void a_share_is_a_whole_percentage_rounded_half_up_as_the_language_writes_it() {
        assertThat(DashboardText.percent(0.335, Locale.ENGLISH)).isEqualTo("34%");
        assertThat(DashboardText.percent(0.335, SPANISH)).isEqualTo("34\u00a0%");
        assertThat(DashboardText.percent(66, SPANISH)).isEqualTo("66\u00a0%");
    }
}
