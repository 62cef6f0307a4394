package org.lateral.classroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeZoneChoicesTest {

    @Test
    void a_servers_etc_utc_default_is_among_the_choices() {
        assertThat(TimeZoneChoices.including("Etc/UTC")).contains("Etc/UTC", "UTC");
    }

    @Test
    void every_region_java_knows_is_offered_in_alphabetical_order_after_utc() {
        var choices = TimeZoneChoices.including("Europe/Berlin");
        assertThat(choices.getFirst()).isEqualTo("UTC");
        assertThat(choices.subList(1, choices.size())).isSorted();
        assertThat(choices)
                .containsAll(ZoneId.getAvailableZoneIds().stream()
                        .filter(z -> z.contains("/") && !z.startsWith("SystemV/") && !z.startsWith("Etc/"))
                        .toList())
                .doesNotHaveDuplicates();
    }

    @Test
    void a_zone_outside_the_list_comes_right_after_utc() {
        assertThat(TimeZoneChoices.including("Etc/GMT+5", "Europe/Paris")).startsWith("UTC", "Etc/GMT+5");
    }

    @Test
    void a_zone_is_labelled_with_its_offset_now() {
        Instant winter = Instant.parse("2026-01-15T12:00:00Z");
        assertThat(TimeZoneChoices.label("Europe/Berlin", winter)).isEqualTo("Europe/Berlin (UTC+01:00)");
        assertThat(TimeZoneChoices.label("America/New_York", winter)).isEqualTo("America/New York (UTC-05:00)");
    }

    @Test
    void a_zone_the_browser_names_that_java_does_not_know_falls_back_to_the_servers() {
        assertThat(TimeZoneChoices.orServerZone("Mars/Olympus_Mons"))
                .isEqualTo(ZoneId.systemDefault().getId());
    }
}
