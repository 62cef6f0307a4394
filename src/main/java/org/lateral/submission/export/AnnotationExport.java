package org.lateral.submission.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A class's marks of one assignment as W3C Web Annotations (DD016, "Exports"): an {@code
 * AnnotationCollection} with one page holding one {@code Annotation} per live mark of each
 * student's counted attempt. Each annotation classifies a span of the pinned article version by
 * the claim type the student chose, and finds the span two ways, by its words ({@code
 * TextQuoteSelector}) and by its offsets ({@code TextPositionSelector}), as the model recommends
 * for text that may be re-extracted.
 */
public final class AnnotationExport {

    public static final String CONTEXT = "http://www.w3.org/ns/anno.jsonld";

    /** How many characters before and after the span the quote selector carries. */
    static final int AFFIX = 32;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AnnotationExport() {}

    /**
     * A live mark of a counted attempt.
     *
     * @param start offset into the pinned version's canonical text; {@code end} is exclusive
     * @param type the claim type's code ("hedged")
     */
    public record Mark(UUID markId, int start, int end, String type, Instant created, Instant modified) {}

    /** One student's marks; the account id only goes into the pseudonym. */
    public record StudentMarks(UUID accountId, List<Mark> marks) {}

    /**
     * @param articleVersionId the pinned article version the offsets are into
     * @param text that version's canonical text
     */
    public record Input(
            UUID assignmentId, String title, UUID articleVersionId, String text, List<StudentMarks> students) {}

    public static byte[] build(Input input) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(document(input));
    }

    static ObjectNode document(Input input) {
        ObjectNode root = JSON.createObjectNode();
        root.put("@context", CONTEXT);
        root.put("id", "urn:lateral:assignment:" + input.assignmentId() + ":annotations");
        root.put("type", "AnnotationCollection");
        root.put("label", "Marks of \u201c" + input.title() + "\u201d");
        ObjectNode page = JSON.createObjectNode();
        page.put("type", "AnnotationPage");
        page.put("startIndex", 0);
        ArrayNode items = page.putArray("items");
        String source = "urn:uuid:" + input.articleVersionId();
        String text = input.text();
        for (StudentMarks student : input.students()) {
            String creator = pseudonym(student.accountId(), input.assignmentId());
            for (Mark m : student.marks()) {
                if (m.start() < 0 || m.end() > text.length() || m.start() >= m.end()) {
                    continue; // cannot happen for a mark saved against this text (the store checks it)
                }
                ObjectNode a = items.addObject();
                a.put("id", "urn:uuid:" + m.markId());
                a.put("type", "Annotation");
                a.put("motivation", "classifying");
                ObjectNode body = a.putObject("body");
                body.put("type", "TextualBody");
                body.put("value", m.type());
                body.put("purpose", "classifying");
                body.put("format", "text/plain");
                ObjectNode target = a.putObject("target");
                target.put("source", source);
                ArrayNode selectors = target.putArray("selector");
                ObjectNode quote = selectors.addObject();
                quote.put("type", "TextQuoteSelector");
                quote.put("exact", text.substring(m.start(), m.end()));
                quote.put("prefix", text.substring(Math.max(0, m.start() - AFFIX), m.start()));
                quote.put("suffix", text.substring(m.end(), Math.min(text.length(), m.end() + AFFIX)));
                ObjectNode position = selectors.addObject();
                position.put("type", "TextPositionSelector");
                position.put("start", m.start());
                position.put("end", m.end());
                ObjectNode who = a.putObject("creator");
                who.put("id", creator);
                who.put("type", "Person");
                a.put("created", m.created().toString());
                a.put("modified", m.modified().toString());
            }
        }
        root.put("total", items.size());
        root.set("first", page);
        return root;
    }

    /**
     * The creator of a student's annotations: a SHA-256 of the account id and the assignment id, not
     * the name. The file may leave the school (a research project, another tool); a name would make
     * it personal data, and a pseudonym per assignment keeps two exports from being joined into a
     * profile of one student. Account ids are random UUIDs that never leave Lateral, so only someone
     * with its database can recompute who is who; Lateral keeps no table of pseudonyms.
     */
    public static String pseudonym(UUID accountId, UUID assignmentId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((accountId + "/" + assignmentId).getBytes(StandardCharsets.UTF_8));
            return "urn:lateral:pseudonym:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
