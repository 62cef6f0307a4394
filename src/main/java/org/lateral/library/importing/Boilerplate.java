package org.lateral.library.importing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a page wraps around an article, recognised line by line (product.md, "Canonical article
 * text"): menus, "Subscribe", share buttons, counters, comment prompts, ads and photo credits are
 * removed and listed; byline and date lines near the top become metadata. Only short lines are
 * judged, so a paragraph of the article that happens to start with "Share" stays.
 */
final class Boilerplate {

    /** Longer lines are article text whatever they start with. */
    static final int SHORT = 80;

    private static final Pattern CHROME = Pattern.compile("(?i)^(?:"
            + "advertisement|advert|ad|ads|sponsored(?: content)?|promoted|paid content"
            + "|subscribe\\b.*|sign up\\b.*|newsletter\\b.*|log ?in|sign ?in|register|my account"
            + "|(?:share|tweet|email|e-mail|print|facebook|twitter|x|whatsapp|linkedin|reddit|copy link"
            + "|pinterest|save|bookmark)(?:[ |·•/,]+(?:share|tweet|email|e-mail|print|facebook|twitter|x"
            + "|whatsapp|linkedin|reddit|copy link|pinterest|save|bookmark))*"
            + "|share (?:this|on)\\b.*"
            + "|\\d[\\d,.]*k? ?(?:comments?|shares?|views?|likes?|reactions?|replies)"
            + "|(?:comments?|show comments|view comments|leave a (?:comment|reply)|add a comment"
            + "|join the (?:conversation|discussion)|post a comment|reply|report)(?: \\(\\d+\\))?"
            + "|(?:read more|read next|related(?: articles| stories| content)?|most (?:read|popular|viewed)"
            + "|recommended(?: for you)?|you may also like|more from\\b.*|trending(?: now)?|see also|top stories"
            + "|continue reading)\\b.*"
            + "|skip to (?:main )?content|menu|home|search|close|back to top|toggle navigation"
            + "|(?:we use cookies|accept (?:all )?cookies|cookie (?:settings|policy))\\b.*"
            + "|(?:image|photo|picture|video|photograph)(?: credit)?s? ?:.*"
            + "|(?:getty images|reuters|ap photo|afp|shutterstock)(?: via .*)?"
            + "|all rights reserved\\b.*|©.*|copyright (?:©|\\(c\\)|\\d{4}).*|\\(c\\) \\d{4}.*"
            + "|privacy policy|terms of (?:use|service)|contact us|about us"
            + "|follow us\\b.*|download (?:our|the) app\\b.*)$");

    private static final Pattern BYLINE = Pattern.compile("(?i)^(?:by|written by|words by)\\s*:?\\s+(.{2,100})$");

    private static final Pattern DATE_PREFIX = Pattern.compile(
            "(?i)^(?:published|posted|updated|last updated|first published|date)?\\s*(?:on)?\\s*:?\\s*");

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("EEEE, MMMM d, uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("EEEE, d MMMM uuuu", Locale.ENGLISH),
            DateTimeFormatter.ISO_LOCAL_DATE);

    private Boilerplate() {}

    /** A menu item, button label, counter or prompt: not the article. */
    static boolean isChrome(String paragraph) {
        String line = paragraph.strip();
        return line.length() <= SHORT
                && !line.contains("\n")
                && CHROME.matcher(line).matches();
    }

    /** "By Jane Roe" → "Jane Roe". */
    static Optional<String> byline(String paragraph) {
        String line = paragraph.strip();
        if (line.contains("\n") || line.length() > 110) {
            return Optional.empty();
        }
        Matcher m = BYLINE.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        String name = m.group(1).strip();
        // A name, not a sentence: a few words, no full stop at the end.
        return name.split("\\s+").length <= 10 && !name.endsWith(".") ? Optional.of(name) : Optional.empty();
    }

    /** "Published 15 August 2016", "August 15, 2016 at 10:02", "2016-08-15" → that day. */
    static Optional<LocalDate> dateLine(String paragraph) {
        String line = paragraph.strip();
        if (line.contains("\n") || line.length() > 60) {
            return Optional.empty();
        }
        String rest = DATE_PREFIX.matcher(line).replaceFirst("");
        // Drop a time of day and a zone after the date: "15 August 2016 10:02 BST".
        rest = rest.replaceFirst("(?i)(?:,|\\s+at)?\\s+\\d{1,2}[:.]\\d{2}.*$", "")
                .replaceFirst("(\\d)(?:st|nd|rd|th)\\b", "$1")
                .strip();
        return parseDate(rest);
    }

    /** A date written in one of the usual English forms, or the start of an ISO 8601 date-time. */
    static Optional<LocalDate> parseDate(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.matches("\\d{4}-\\d{2}-\\d{2}([T ].*)?")) {
            v = v.substring(0, 10);
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return Optional.of(LocalDate.parse(v, f));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }
}
