package org.lateral.library.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jspecify.annotations.Nullable;
import org.lateral.base.UserFacingException;

/**
 * The text of a Word (.docx) file, read with Apache POI: the body's paragraphs in order (a table's
 * cells give theirs too), headings as paragraphs like any other, and the first paragraph styled
 * Title or Heading 1 as the headline (a lower heading is a section's, not the article's). Headers, footers, comments and footnotes are not the article and are
 * not read. Nothing in the file is run; only its text is kept.
 *
 * <p>A .docx is a zip, and a small zip can unpack to gigabytes. Before POI sees the file, its
 * entries are unpacked once as a stream and counted, so a file that unpacks to more than
 * {@link #MAX_UNPACKED_BYTES} is refused without holding it in memory; POI's own checks
 * ({@code ZipSecureFile}: inflation ratio, entry size, entry count) stay on behind that.
 */
final class WordDocument {

    /** Far above any article with its photos; a 5 MB upload never needs more. */
    static final long MAX_UNPACKED_BYTES = 50L * 1024 * 1024;

    private static final int MAX_ENTRIES = 1000;

    /** Style names (not ids, which Word translates) that make a paragraph a headline candidate. */
    private static final Pattern HEADLINE_STYLE = Pattern.compile("(?i)title|heading ?1?");

    /** A .doc, and also an encrypted .docx: both are OLE2 compound files. */
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private static final byte[] ZIP = {'P', 'K', 3, 4};

    /**
     * What was read.
     *
     * @param headline the first Title or Heading 1 paragraph, or null
     * @param paragraphs every non-blank paragraph, the headline's excepted
     * @param coreTitle the document's "Title" property, or null
     * @param creator the document's "Author" property, or null
     */
    record Text(
            @Nullable String headline,
            List<String> paragraphs,
            @Nullable String coreTitle,
            @Nullable String creator) {}

    private WordDocument() {}

    static Text read(String fileName, byte[] content) {
        if (startsWith(content, OLE2)) {
            throw oldWord(fileName);
        }
        if (!startsWith(content, ZIP)) {
            throw notDocx(fileName);
        }
        checkUnpackedSize(fileName, content);
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
            List<String> paragraphs = new ArrayList<>();
            String headline = null;
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    String text = text(paragraph);
                    if (text.isEmpty()) {
                        continue;
                    }
                    if (headline == null && isHeadline(document, paragraph)) {
                        headline = text.replaceAll("\\s+", " ");
                    } else {
                        paragraphs.add(text);
                    }
                } else if (element instanceof XWPFTable table) {
                    for (XWPFTableRow row : table.getRows()) {
                        for (XWPFTableCell cell : row.getTableCells()) {
                            for (XWPFParagraph paragraph : cell.getParagraphs()) {
                                String text = text(paragraph);
                                if (!text.isEmpty()) {
                                    paragraphs.add(text);
                                }
                            }
                        }
                    }
                }
            }
            POIXMLProperties.CoreProperties core = document.getProperties().getCoreProperties();
            if (headline == null && paragraphs.isEmpty()) {
                throw UserFacingException.of("library.import.refusal.wordEmpty", fileName);
            }
            return new Text(
                    headline, List.copyOf(paragraphs), blankToNull(core.getTitle()), blankToNull(core.getCreator()));
        } catch (UserFacingException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // A broken zip, a part that is not Word XML, or one of POI's zip-bomb checks: the
            // teacher needs to know only that this file cannot be read.
            throw notDocx(fileName);
        }
    }

    static UserFacingException oldWord(String fileName) {
        return UserFacingException.of("library.import.refusal.wordOld", fileName);
    }

    private static UserFacingException notDocx(String fileName) {
        return UserFacingException.of("library.import.refusal.wordDamaged", fileName);
    }

    /**
     * Unpacks every entry as a stream, keeping nothing, and refuses the file once the total passes
     * the limit: a zip bomb stops here, having cost at most that much inflating.
     */
    private static void checkUnpackedSize(String fileName, byte[] content) {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw notDocx(fileName);
                }
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    total += n;
                    if (total > MAX_UNPACKED_BYTES) {
                        throw notDocx(fileName);
                    }
                }
            }
        } catch (IOException e) {
            throw notDocx(fileName);
        }
        if (entries == 0) {
            throw notDocx(fileName);
        }
    }

    private static boolean isHeadline(XWPFDocument document, XWPFParagraph paragraph) {
        String styleId = paragraph.getStyleID();
        if (styleId == null) {
            return false;
        }
        XWPFStyle style =
                document.getStyles() == null ? null : document.getStyles().getStyle(styleId);
        String name = style == null || style.getName() == null ? styleId : style.getName();
        return HEADLINE_STYLE.matcher(name.strip().toLowerCase(Locale.ROOT)).matches();
    }

    /** A paragraph's text; Word's line breaks (Shift+Enter) stay line breaks inside it, tabs become spaces. */
    private static String text(XWPFParagraph paragraph) {
        return paragraph.getText().replace('\t', ' ').replace("\r", "\n").strip();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
