package org.lateral.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Copies of a seed pack with fresh ids, so a test can load "the same pack" into a school
 * of its own without colliding with the rows start-up loaded into the default school.
 */
public final class TestPacks {

    private static final Pattern ID = Pattern.compile("(?m)^\\s*(?:- )?id: ([0-9a-f-]{36})$");

    private TestPacks() {}

    /** Copies seeds/defectors to {@code target}, giving every id in it a new UUID. */
    public static Path defectorsWithFreshIds(Path target) throws IOException {
        return copyWithFreshIds(Path.of("seeds", "defectors"), target, new LinkedHashMap<>());
    }

    /**
     * Copies a pack folder to {@code target}, replacing every id by the one {@code newIds} maps it
     * to (a fresh UUID for an id it does not know yet, added to the map). Copying two releases of a
     * pack with the same map gives them the same fresh ids, so the second loads as a correction of
     * the first, not as another pack.
     */
    public static Path copyWithFreshIds(Path source, Path target, Map<String, String> newIds) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.toList()) {
                Path copy = target.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(f, copy);
                }
            }
        }
        try (Stream<Path> files = Files.walk(target)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Matcher ids = ID.matcher(Files.readString(f));
                while (ids.find()) {
                    newIds.computeIfAbsent(ids.group(1), k -> UUID.randomUUID().toString());
                }
            }
        }
        try (Stream<Path> files = Files.walk(target)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = Files.readString(f);
                for (var e : newIds.entrySet()) {
                    content = content.replace(e.getKey(), e.getValue());
                }
                Files.writeString(f, content);
            }
        }
        return target;
    }
}
