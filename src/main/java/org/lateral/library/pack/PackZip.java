package org.lateral.library.pack;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.lateral.base.i18n.KeyedText;

/**
 * A pack as one zip file: its files at the root of the archive, in the layout of
 * seeds/README.md. Reading treats the upload as hostile (DD020): the archive's own directory is
 * checked first (names, symbolic links, entry count), then every entry is inflated while its bytes
 * are counted, so the sizes a header claims are never trusted. Anything outside the rules refuses
 * the whole file with sentences naming the entry; nothing is returned half read.
 */
public final class PackZip {

    /** The largest zip accepted, compressed. */
    public static final int MAX_ZIP_BYTES = 5 * 1024 * 1024;

    public static final int MAX_ENTRIES = 500;

    /** An article of 200,000 characters is at most 800 KB in UTF-8, with room for its front matter. */
    public static final int MAX_ENTRY_BYTES = 1024 * 1024;

    public static final int MAX_TOTAL_BYTES = 20 * 1024 * 1024;

    /** What a pack holds: YAML, article text, and the W3C annotation copies of the keys. */
    private static final Set<String> KNOWN_TYPES = Set.of("yaml", "txt", "jsonld");

    private static final int CENTRAL_ENTRY = 0x02014b50;
    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int UNIX = 3;
    private static final int FILE_TYPE_MASK = 0170000;
    private static final int SYMLINK = 0120000;

    private PackZip() {}

    /**
     * The zip was refused; {@code problems} are texts for the teacher, one per reason, worded by
     * the page that shows them (DD034). The message is the English one, for logs.
     */
    public static final class RefusedException extends RuntimeException {
        private final List<KeyedText> problems;

        public RefusedException(List<KeyedText> problems) {
            super("This file cannot be imported as a pack: "
                    + String.join(" ", problems.stream().map(KeyedText::english).toList()));
            this.problems = List.copyOf(problems);
        }

        public List<KeyedText> problems() {
            return problems;
        }
    }

    /** Reads an uploaded zip into memory, checked; {@code name} names the pack in messages. */
    public static PackFiles read(String name, byte[] zip) {
        if (zip.length > MAX_ZIP_BYTES) {
            throw refused(KeyedText.of("library.packs.refusal.fileTooLarge", MAX_ZIP_BYTES / (1024 * 1024)));
        }
        List<KeyedText> problems = new ArrayList<>();
        Set<String> listed = centralDirectory(zip, problems);
        if (!problems.isEmpty()) {
            throw new RefusedException(problems);
        }
        Map<String, String> files = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            byte[] buffer = new byte[8192];
            int entries = 0;
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String path = entry.getName();
                if (++entries > MAX_ENTRIES) {
                    // The directory's count is 16 bits; the entries themselves are counted too.
                    throw refused(KeyedText.of("library.packs.refusal.moreEntries", MAX_ENTRIES));
                }
                if (!listed.contains(path)) {
                    // A local header the directory does not list: a crafted archive.
                    throw refused(KeyedText.of("library.packs.refusal.notInDirectory", printable(path)));
                }
                if (entry.isDirectory()) {
                    continue;
                }
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    total += n;
                    if (content.size() + n > MAX_ENTRY_BYTES) {
                        throw refused(KeyedText.of(
                                "library.packs.refusal.entryTooLarge", printable(path), MAX_ENTRY_BYTES / 1024));
                    }
                    if (total > MAX_TOTAL_BYTES) {
                        throw refused(
                                KeyedText.of("library.packs.refusal.unpacksTooLarge", MAX_TOTAL_BYTES / (1024 * 1024)));
                    }
                    content.write(buffer, 0, n);
                }
                byte[] bytes = content.toByteArray();
                if (looksLikeZip(bytes)) {
                    throw refused(KeyedText.of("library.packs.refusal.nestedZip", printable(path)));
                }
                if (files.put(path, utf8(path, bytes)) != null) {
                    throw refused(KeyedText.of("library.packs.refusal.twice", printable(path)));
                }
            }
        } catch (ZipException e) {
            throw refused(KeyedText.of("library.packs.refusal.notAZip"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!files.containsKey("pack.yaml")) {
            throw refused(KeyedText.of("library.packs.refusal.noManifest"));
        }
        return new PackFiles() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<String> read(String path) {
                return Optional.ofNullable(files.get(path));
            }
        };
    }

    /**
     * The archive's own directory at its end: every name checked, symbolic links found (the
     * Unix file type in the external attributes), entries counted. Returns the names listed.
     */
    private static Set<String> centralDirectory(byte[] zip, List<KeyedText> problems) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int end = -1;
        for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
            if (b.getInt(i) == END_OF_DIRECTORY) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            problems.add(KeyedText.of("library.packs.refusal.notAZip"));
            return Set.of();
        }
        int count = Short.toUnsignedInt(b.getShort(end + 10));
        long offset = Integer.toUnsignedLong(b.getInt(end + 16));
        if (count > MAX_ENTRIES) {
            problems.add(KeyedText.of("library.packs.refusal.tooManyEntries", count, MAX_ENTRIES));
            return Set.of();
        }
        Set<String> names = new HashSet<>();
        int at = (int) Math.min(offset, Integer.MAX_VALUE);
        for (int i = 0; i < count; i++) {
            if (at < 0 || at + 46 > zip.length || b.getInt(at) != CENTRAL_ENTRY) {
                problems.add(KeyedText.of("library.packs.refusal.notAZip"));
                return Set.of();
            }
            int madeBy = Short.toUnsignedInt(b.getShort(at + 4)) >> 8;
            int nameLength = Short.toUnsignedInt(b.getShort(at + 28));
            int extraLength = Short.toUnsignedInt(b.getShort(at + 30));
            int commentLength = Short.toUnsignedInt(b.getShort(at + 32));
            int external = b.getInt(at + 38);
            if (at + 46 + nameLength > zip.length) {
                problems.add(KeyedText.of("library.packs.refusal.notAZip"));
                return Set.of();
            }
            String name = new String(zip, at + 46, nameLength, StandardCharsets.UTF_8);
            names.add(name);
            checkName(name, problems);
            if (madeBy == UNIX && ((external >>> 16) & FILE_TYPE_MASK) == SYMLINK) {
                problems.add(KeyedText.of("library.packs.refusal.symlink", printable(name)));
            }
            at += 46 + nameLength + extraLength + commentLength;
        }
        return names;
    }

    private static void checkName(String name, List<KeyedText> problems) {
        String shown = printable(name);
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            problems.add(KeyedText.of("library.packs.refusal.badName"));
        } else if (name.contains("\\")) {
            problems.add(KeyedText.of("library.packs.refusal.backslash", shown));
        } else if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            problems.add(KeyedText.of("library.packs.refusal.absolute", shown));
        } else if (List.of(name.split("/")).contains("..")) {
            problems.add(KeyedText.of("library.packs.refusal.outside", shown));
        } else if (!name.endsWith("/")) {
            String type = name.contains(".")
                    ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)
                    : "";
            if (type.equals("zip") || type.equals("jar")) {
                problems.add(KeyedText.of("library.packs.refusal.nestedZip", shown));
            } else if (!KNOWN_TYPES.contains(type)) {
                problems.add(KeyedText.of("library.packs.refusal.unknownType", shown));
            }
        }
    }

    private static boolean looksLikeZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    private static String utf8(String path, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw refused(KeyedText.of("library.packs.refusal.notUtf8", printable(path)));
        }
    }

    private static String printable(String name) {
        String cleaned = name.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 120 ? cleaned.substring(0, 120) + "\u2026" : cleaned;
    }

    private static RefusedException refused(KeyedText problem) {
        return new RefusedException(List.of(problem));
    }

    /** Writes files (path inside the pack → UTF-8 text) as a zip, in the order given. */
    public static byte[] write(Map<String, String> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
