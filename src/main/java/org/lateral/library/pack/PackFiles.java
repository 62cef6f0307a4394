package org.lateral.library.pack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a pack's files come from: a folder (tests, a teacher's own pack) or the classpath (the
 * packs shipped in the jar). Files are named by their path inside the pack, e.g.
 * {@code articles/000-the-frisky.txt}; the manifest lists the slugs, so no directory listing is
 * needed.
 */
public interface PackFiles {

    /** The pack's folder name, used in messages and as its identity. */
    String name();

    Optional<String> read(String path);

    static PackFiles directory(Path root) {
        return new PackFiles() {
            @Override
            public String name() {
                return root.getFileName().toString();
            }

            @Override
            public Optional<String> read(String path) {
                Path file = root.resolve(path).normalize();
                if (!file.startsWith(root.normalize()) || !Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not read " + file, e);
                }
            }
        };
    }

    /** A pack on the classpath, e.g. {@code seeds/defectors}. */
    static PackFiles classpath(String location, ClassLoader loader) {
        String base = location.endsWith("/") ? location : location + "/";
        return new PackFiles() {
            @Override
            public String name() {
                String trimmed = base.substring(0, base.length() - 1);
                return trimmed.substring(trimmed.lastIndexOf('/') + 1);
            }

            @Override
            public Optional<String> read(String path) {
                try (InputStream in = loader.getResourceAsStream(base + path)) {
                    return in == null
                            ? Optional.empty()
                            : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not read " + base + path, e);
                }
            }
        };
    }
}
