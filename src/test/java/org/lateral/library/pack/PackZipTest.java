package org.lateral.library.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.lateral.base.i18n.KeyedText;

/** Hostile zips are refused, each with its sentence (DD020); a plain pack zip reads. */
class PackZipTest {

    private static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] one(String name, byte[] content) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("pack.yaml", "id: x".getBytes(StandardCharsets.UTF_8));
        entries.put(name, content);
        return zip(entries);
    }

    private static void refused(byte[] zip, String sentence) {
        assertThatThrownBy(() -> PackZip.read("p", zip))
                .isInstanceOfSatisfying(
                        PackZip.RefusedException.class,
                        e -> assertThat(e.problems().stream().map(KeyedText::english))
                                .contains(sentence));
    }

    @Test
    void a_plain_pack_zip_reads_its_files() throws Exception {
        PackFiles files = PackZip.read("p", one("articles/a.txt", "text".getBytes(StandardCharsets.UTF_8)));
        assertThat(files.read("articles/a.txt")).contains("text");
        assertThat(files.read("pack.yaml")).contains("id: x");
        assertThat(files.read("missing.txt")).isEmpty();
    }

    @Test
    void path_traversal_absolute_paths_and_backslashes_are_refused() throws Exception {
        refused(
                one("../evil.txt", new byte[] {1}),
                "The entry \u2018../evil.txt\u2019 points outside the pack (\u2018..\u2019).");
        refused(
                one("/etc/evil.txt", new byte[] {1}),
                "The entry \u2018/etc/evil.txt\u2019 has an absolute path; a pack\u2019s paths start inside the pack.");
        refused(
                one("articles\\evil.txt", new byte[] {1}),
                "The entry \u2018articles\\evil.txt\u2019 has a backslash in its name; a pack uses \u2018/\u2019 only.");
    }

    @Test
    void unknown_types_and_nested_zips_are_refused() throws Exception {
        refused(
                one("run.sh", new byte[] {1}),
                "The file \u2018run.sh\u2019 is of an unknown type; a pack holds .yaml, .txt and .jsonld files.");
        refused(
                one("inner.zip", new byte[] {1}),
                "The file \u2018inner.zip\u2019 is a zip inside the zip; packs hold no archives.");
        // A zip hidden under a pack file's name is found by its first bytes.
        refused(
                one("articles/a.txt", zip(Map.of("x.txt", new byte[] {1}))),
                "The file \u2018articles/a.txt\u2019 is a zip inside the zip; packs hold no archives.");
    }

    @Test
    void too_many_entries_are_refused() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i <= PackZip.MAX_ENTRIES; i++) {
            entries.put("articles/" + i + ".txt", new byte[] {'a'});
        }
        refused(zip(entries), "The zip holds 501 entries; a pack has at most 500.");
    }

    @Test
    void a_zip_bomb_is_stopped_while_inflating_whatever_its_header_says() throws Exception {
        byte[] zeros = new byte[PackZip.MAX_ENTRY_BYTES + 1];
        byte[] bomb = one("articles/a.txt", zeros);
        assertThat(bomb.length).isLessThan(10_000);
        refused(bomb, "The file \u2018articles/a.txt\u2019 is larger than 1024 KB once unpacked.");
        // Many entries each under the cap, together over the total.
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("pack.yaml", new byte[] {'a'});
        for (int i = 0; i < 21; i++) {
            entries.put("articles/" + i + ".txt", new byte[PackZip.MAX_ENTRY_BYTES]);
        }
        refused(zip(entries), "The zip unpacks to more than 20 MB.");
    }

    @Test
    void a_symbolic_link_is_refused() throws Exception {
        byte[] zip = one("articles/link.txt", "/etc/passwd".getBytes(StandardCharsets.UTF_8));
        // Mark the second central-directory entry as made on Unix with the symlink file type,
        // as `zip --symlinks` writes it.
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int seen = 0;
        for (int i = 0; i + 46 < zip.length; i++) {
            if (b.getInt(i) == 0x02014b50 && ++seen == 2) {
                b.putShort(i + 4, (short) ((3 << 8) | 20));
                b.putInt(i + 38, (0120777 << 16));
            }
        }
        refused(zip, "The entry \u2018articles/link.txt\u2019 is a symbolic link; packs hold plain files only.");
    }

    @Test
    void a_file_that_is_not_a_zip_is_refused() {
        refused("hello".getBytes(StandardCharsets.UTF_8), "The file is not a readable zip.");
    }
}
