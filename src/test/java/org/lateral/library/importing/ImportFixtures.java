package org.lateral.library.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** The saved pages under src/test/resources/import, written for these tests. */
public final class ImportFixtures {

    private ImportFixtures() {}

    public static String page(String name) throws IOException {
        try (InputStream in = ImportFixtures.class.getResourceAsStream("/import/" + name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
