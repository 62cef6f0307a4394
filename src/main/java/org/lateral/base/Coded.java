package org.lateral.base;

import java.util.Arrays;
import java.util.Optional;

/**
 * An enum stored and sent by a short lower-case code ("hedged", "after-submit") rather than by
 * its Java name, so renaming a constant never changes data. One lookup for all of them.
 */
public interface Coded {

    /** The code as stored in the database, in packs and on the wire. */
    String code();

    /** The constant with this code, if any. */
    static <E extends Enum<E> & Coded> Optional<E> fromCode(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants())
                .filter(c -> c.code().equals(code))
                .findFirst();
    }
}
