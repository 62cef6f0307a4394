package org.lateral.classroom.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The time zones a class can be given, for a picker: UTC first, then every region Java knows
 * (Africa/Abidjan … Pacific/Wallis) in alphabetical order, and always the zone the picker starts
 * on, even one outside that list such as a server's {@code Etc/UTC}, so the default can be seen
 * and kept. The old three-letter ids and {@code SystemV/} ids are left out: they are aliases
 * that confuse more than they help.
 */
final class TimeZoneChoices {

    static final String UTC = "UTC";

    private TimeZoneChoices() {}

    /** The choices, with each of {@code wanted} among them (those outside the list right after UTC). */
    static List<String> including(String... wanted) {
        List<String> choices = new ArrayList<>();
        choices.add(UTC);
        ZoneId.getAvailableZoneIds().stream()
                .filter(z -> z.contains("/") && !z.startsWith("SystemV/") && !z.startsWith("Etc/"))
                .sorted()
                .forEach(choices::add);
        int next = 1;
        for (String zone : wanted) {
            if (!choices.contains(zone)) {
                choices.add(next++, zone);
            }
        }
        return choices;
    }

    /** "Europe/Berlin (UTC+01:00)": the offset now, which tells apart zones a teacher may not know by name. */
    static String label(String zoneId, Instant now) {
        return label(zoneId, now, "UTC (Coordinated Universal Time)");
    }

    /** As {@link #label(String, Instant)}, with UTC itself named in the page's language. */
    static String label(String zoneId, Instant now, String utcLabel) {
        ZoneOffset offset = ZoneId.of(zoneId).getRules().getOffset(now);
        String shown = offset.equals(ZoneOffset.UTC) ? "UTC" : "UTC" + offset.getId();
        return zoneId.equals(UTC) ? utcLabel : zoneId.replace('_', ' ') + " (" + shown + ")";
    }

    /** The zone's id when it is a valid one; the server's own zone otherwise. */
    static String orServerZone(String zoneId) {
        try {
            return ZoneId.of(zoneId).getId();
        } catch (RuntimeException e) {
            return ZoneId.systemDefault().getId();
        }
    }
}
