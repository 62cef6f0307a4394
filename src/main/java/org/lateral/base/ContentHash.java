package org.lateral.base;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Builds the SHA-256 content hash that identifies an immutable version (DD000, "Versions").
 * Every field is written with its length and a type tag, so that no two different contents can
 * produce the same input ("ab" + "c" versus "a" + "bc", an empty list versus a missing value).
 * The order of calls is part of the content: callers add fields in a fixed order.
 */
public final class ContentHash {

    private final MessageDigest digest;

    private ContentHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public static ContentHash start(String kind) {
        return new ContentHash().text(kind);
    }

    public ContentHash text(@Nullable String value) {
        if (value == null) {
            return tag('n');
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        tag('s');
        number(bytes.length);
        digest.update(bytes);
        return this;
    }

    public ContentHash number(long value) {
        tag('i');
        for (int shift = 56; shift >= 0; shift -= 8) {
            digest.update((byte) (value >>> shift));
        }
        return this;
    }

    public ContentHash texts(List<String> values) {
        tag('l');
        number(values.size());
        values.forEach(this::text);
        return this;
    }

    private ContentHash tag(char tag) {
        digest.update((byte) tag);
        return this;
    }

    /** The hash as 64 lower-case hex digits. */
    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
