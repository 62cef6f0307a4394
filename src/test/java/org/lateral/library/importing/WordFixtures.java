package org.lateral.library.importing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.jspecify.annotations.Nullable;

/** Small .docx files built with POI for the import tests, so no binary fixture needs explaining. */
public final class WordFixtures {

    private WordFixtures() {}

    /**
     * A document of paragraphs; a paragraph written "[Style] text" gets that style id (Title,
     * Heading1, Heading2…).
     */
    public static byte[] docx(@Nullable String title, @Nullable String author, String... paragraphs) {
        try (XWPFDocument document = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String p : paragraphs) {
                XWPFParagraph paragraph = document.createParagraph();
                String text = p;
                if (p.startsWith("[")) {
                    paragraph.setStyle(p.substring(1, p.indexOf(']')));
                    text = p.substring(p.indexOf(']') + 1).strip();
                }
                paragraph.createRun().setText(text);
            }
            if (title != null) {
                document.getProperties().getCoreProperties().setTitle(title);
            }
            if (author != null) {
                document.getProperties().getCoreProperties().setCreator(author);
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ferry article: a Title headline, an ad line, a section heading, the author in the properties. */
    public static byte[] ferry() {
        return docx(
                "ferry draft",
                "Ana Pereira",
                "[Title] Harbour town votes to keep its ferry",
                "Residents voted on Thursday to keep the ferry.",
                "Advertisement",
                "[Heading2] What happens next",
                "The council will respect the vote.");
    }

    /** The same file with one more entry of {@code bytes} spaces, which compresses a thousandfold. */
    public static byte[] withPadding(byte[] docx, int bytes) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                ZipOutputStream out = new ZipOutputStream(buffer)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("word/padding.xml"));
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int written = 0; written < bytes; written += spaces.length) {
                out.write(spaces, 0, Math.min(spaces.length, bytes - written));
            }
            out.closeEntry();
            out.finish();
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
