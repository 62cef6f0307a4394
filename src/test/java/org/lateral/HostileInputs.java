package org.lateral;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Seeded hostile input for tests (Lateral issue 17): broken spans and offsets, oversized text,
 * invalid Unicode (lone surrogates, U+FFFE, NUL, which PostgreSQL's text type refuses), markup,
 * direction controls, zero-width characters, SQL-ish quotes, blank strings, unknown ids and wrong
 * versions. The same seed gives the same sequence, so a failure can be replayed: the seed comes
 * from the system property {@value #SEED_PROPERTY} (default {@value #DEFAULT_SEED}) and tests
 * print it. {@code java.util.Random} is right here: this is a test's reproducible dice, not a
 * secret.
 */
public final class HostileInputs {

    public static final String SEED_PROPERTY = "lateral.fuzz.seed";
    public static final long DEFAULT_SEED = 17L;

    /** 100 KB and 1 MB of text: far over every limit Lateral sets on what people type. */
    public static final int HUNDRED_KB = 100 * 1024;

    public static final int ONE_MB = 1024 * 1024;

    private static final String[] HOSTILE = {
        "",
        " ",
        "\t \n \r\n ",
        "\u00a0\u2003\u3000",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\"><svg onload=alert(1)>",
        "javascript:alert(1)",
        "\u202eevil\u202c",
        "\u2066isolated\u2069 \u2067rtl\u2069",
        "\u200b\u200c\u200d\ufeff",
        "zero\u200bwidth",
        "'; DROP TABLE mark; --",
        "' OR '1'='1",
        "\\' \\\" \\\\ %_ $1 ?",
        "\u0000",
        "before\u0000after",
        "\ud800",
        "lone low \udc00 surrogate",
        "\ufffe\uffff",
        "\ud83d\ude00 emoji",
        "\ud83d",
        "%s %n %x {0} ${user}",
        "null",
        "NaN",
        "-1",
        "9999999999999999999999",
        "factual",
        "named-person",
        "\u0007\u001b[31mred\u001b[0m",
        "a\u0301\u0301\u0301\u0301\u0301",
        "../../etc/passwd",
        "http://127.0.0.1/",
        "https://example.org/" + "x".repeat(5000),
    };

    private final long seed;
    private final Random random;

    /** Set while a huge list is built: its elements get short text, so the list stays megabytes, not gigabytes. */
    private boolean inHugeList;

    public HostileInputs(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** From {@value #SEED_PROPERTY}, or the fixed default. */
    public static HostileInputs fromSystemProperty() {
        return new HostileInputs(Long.getLong(SEED_PROPERTY, DEFAULT_SEED));
    }

    public long seed() {
        return seed;
    }

    public boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    public int below(int bound) {
        return random.nextInt(bound);
    }

    @SafeVarargs
    public final <T> T oneOf(T... options) {
        return options[random.nextInt(options.length)];
    }

    public <T> T oneOf(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** The value, or null one time in {@code percent}. */
    public <T> @Nullable T orNull(int percent, Supplier<T> value) {
        return chance(percent) ? null : value.get();
    }

    /**
     * A hostile string: one of the fixed nasties, a plausible sentence with one of them inside (so
     * it passes length and blank checks and reaches the database), a random mix, or 100 KB / 1 MB.
     */
    public String text() {
        int roll = random.nextInt(100);
        if (roll < 45 || inHugeList) {
            return oneOf(HOSTILE);
        }
        if (roll < 65) {
            String sentence = oneOf("A short note about the article.", "History Teacher", "The Frisky", "Reuters");
            int at = random.nextInt(sentence.length() + 1);
            return sentence.substring(0, at) + oneOf(HOSTILE) + sentence.substring(at);
        }
        if (roll < 82) {
            StringBuilder mix = new StringBuilder();
            int parts = 2 + random.nextInt(4);
            for (int i = 0; i < parts; i++) {
                mix.append(oneOf(HOSTILE)).append(randomChars(random.nextInt(12)));
            }
            return mix.toString();
        }
        if (roll < 93) {
            return big(HUNDRED_KB);
        }
        if (roll < 97) {
            return randomChars(1 + random.nextInt(300));
        }
        return big(ONE_MB);
    }

    /** A hostile string, or null one time in ten. */
    public @Nullable String textOrNull() {
        return orNull(10, this::text);
    }

    /** {@code size} characters: one repeated letter, markup, or a mix with NULs and bidi controls. */
    public String big(int size) {
        String unit = oneOf("a", "<b>x</b>", "\u202e\u0000'", "word ", "\ud83d\ude00");
        StringBuilder sb = new StringBuilder(size + unit.length());
        while (sb.length() < size) {
            sb.append(unit);
        }
        return sb.toString();
    }

    /** Characters drawn from the whole UTF-16 range, surrogate halves and noncharacters included. */
    public String randomChars(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(
                    random.nextInt(4) == 0
                            ? (char) random.nextInt(0x20)
                            : random.nextInt(3) == 0
                                    ? (char) (0xd800 + random.nextInt(0x800))
                                    : (char) random.nextInt(0x10000));
        }
        return sb.toString();
    }

    /** A hostile string, or now and then one of the given valid words (to get past the first check). */
    public String codeOr(String... valid) {
        return chance(35) ? oneOf(valid) : text();
    }

    /** An offset into a text of this length: negative, beyond the end, huge, or (rarely) inside. */
    public int offset(int textLength) {
        return switch (random.nextInt(9)) {
            case 0 -> -1;
            case 1 -> -1 - random.nextInt(1_000_000);
            case 2 -> textLength;
            case 3 -> textLength + 1 + random.nextInt(1000);
            case 4 -> Integer.MAX_VALUE;
            case 5 -> Integer.MIN_VALUE;
            default -> random.nextInt(Math.max(1, textLength));
        };
    }

    /**
     * A span over this text that is broken in some way (start after end, negative, beyond the end,
     * empty, splitting a surrogate pair, the whole text) or, one time in five, a real one.
     */
    public int[] span(String text) {
        int n = text.length();
        int a = random.nextInt(Math.max(1, n));
        int b = Math.min(n, a + 1 + random.nextInt(40));
        return switch (random.nextInt(9)) {
            case 0 -> new int[] {b, a};
            case 1 -> new int[] {-5, b};
            case 2 -> new int[] {a, n + 10};
            case 3 -> new int[] {a, a};
            case 4 -> surrogateSplit(text);
            case 5 -> new int[] {0, n};
            case 6 -> new int[] {offset(n), offset(n)};
            default -> new int[] {a, b};
        };
    }

    /** A span that starts or ends between the two halves of a surrogate pair, if the text has one. */
    private int[] surrogateSplit(String text) {
        for (int i = 0; i + 1 < text.length(); i++) {
            if (Character.isHighSurrogate(text.charAt(i))) {
                return random.nextBoolean()
                        ? new int[] {i + 1, Math.min(text.length(), i + 10)}
                        : new int[] {Math.max(0, i - 5), i + 1};
            }
        }
        return new int[] {1, 0};
    }

    /**
     * The words a browser would send with a span: the text's own words (so only the span is
     * wrong), shifted words, hostile text, or null.
     */
    public @Nullable String exact(String text, int start, int end) {
        int roll = random.nextInt(10);
        if (roll < 5 && start >= 0 && end <= text.length() && start <= end) {
            return text.substring(start, end);
        }
        if (roll < 7 && text.length() > 2) {
            return text.substring(1, Math.min(text.length(), 20)) + "\ud800";
        }
        return roll == 9 ? null : text();
    }

    /** An id that names nothing, or the nil id, or (one time in two, given) a real one. */
    public UUID id(UUID... real) {
        int roll = random.nextInt(8);
        if (roll == 0) {
            return new UUID(0, 0);
        }
        if (real.length > 0 && roll < 5) {
            return real[random.nextInt(real.length)];
        }
        return new UUID(random.nextLong(), random.nextLong());
    }

    /** Like {@link #id(UUID...)}, or null one time in eight: for fields that may be null. */
    public @Nullable UUID idOrNull(UUID... real) {
        return chance(12) ? null : id(real);
    }

    /** Like {@link #id(UUID...)}, as the string a browser sends: now and then not a UUID at all. */
    public @Nullable String idText(UUID... real) {
        if (chance(25)) {
            return text();
        }
        UUID id = idOrNull(real);
        return id == null ? null : id.toString();
    }

    /** A version number that is not {@code current}: negative, zero, huge, or a little off. */
    public int wrongVersion(int current) {
        int v = switch (random.nextInt(5)) {
            case 0 -> -1;
            case 1 -> Integer.MIN_VALUE;
            case 2 -> Integer.MAX_VALUE;
            case 3 -> 0;
            default -> current + 1 + random.nextInt(100);
        };
        return v == current ? current + 1 : v;
    }

    /** A save's sequence number: negative, zero, huge or small. */
    public int seq() {
        return oneOf(-1, 0, 1, 2, Integer.MAX_VALUE, Integer.MIN_VALUE, 1 + random.nextInt(1000));
    }

    /** A small or absurd count: negative, zero, huge. */
    public int number() {
        return oneOf(-1, 0, 1, 3, 99, 1000, Integer.MAX_VALUE, Integer.MIN_VALUE, random.nextInt());
    }

    public @Nullable Integer numberOrNull() {
        return chance(15) ? null : number();
    }

    /** A date far in the past or future, near today, or null. */
    public @Nullable LocalDate dateOrNull() {
        return chance(15) ? null : date();
    }

    /** A date far in the past or future, or near today. */
    public LocalDate date() {
        return switch (random.nextInt(7)) {
            case 0 -> LocalDate.of(1900, 2, 28);
            case 1 -> LocalDate.MIN;
            case 2 -> LocalDate.MAX;
            case 3 -> LocalDate.of(1, 1, 1);
            case 4 -> LocalDate.now().minusYears(1 + random.nextInt(50));
            case 5 -> LocalDate.of(9999, 12, 31);
            default -> LocalDate.now().plusDays(random.nextInt(30) - 10);
        };
    }

    /** Bytes that are not what they claim to be: empty, random, a truncated zip header, or large. */
    public byte[] bytes() {
        return switch (random.nextInt(5)) {
            case 0 -> new byte[0];
            case 1 -> new byte[] {'P', 'K', 3, 4, 0, 0};
            case 2 -> text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            case 3 -> {
                byte[] b = new byte[HUNDRED_KB];
                random.nextBytes(b);
                yield b;
            }
            default -> {
                byte[] b = new byte[1 + random.nextInt(2000)];
                random.nextBytes(b);
                yield b;
            }
        };
    }

    /** A list of {@code 0} to a few of the element, or (one time in {@code hugePercent}) hundreds. */
    public <T> List<T> list(int hugePercent, Supplier<T> element) {
        boolean huge = chance(hugePercent);
        int size = huge ? 300 + random.nextInt(700) : random.nextInt(4);
        List<T> list = new ArrayList<>(size);
        boolean outer = inHugeList;
        inHugeList = outer || huge;
        try {
            for (int i = 0; i < size; i++) {
                list.add(element.get());
            }
        } finally {
            inHugeList = outer;
        }
        return list;
    }
}
