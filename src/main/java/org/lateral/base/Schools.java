package org.lateral.base;

import java.util.UUID;

/** The school row that migration V0001 creates for a single-school install. */
public final class Schools {

    public static final UUID DEFAULT_SCHOOL_ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

    private Schools() {}
}
