package org.lateral.submission.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

public class AnnotationExportTest {

    static final String TEXT = "The minister said prices might fall next year. Critics disagree strongly.";

    @Test
    void everyAnnotationHasTheModelsRequiredFieldsAndSelectorsThatAgreeWithTheText() {
        UUID assignment = UUID.randomUUID();
        UUID version = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Instant t = Instant.parse("2026-03-02T09:15:00Z");
        int start = TEXT.indexOf("prices might fall");
        AnnotationExport.Input input = new AnnotationExport.Input(
                assignment,
                "Prices",
                version,
                TEXT,
                List.of(
                        new AnnotationExport.StudentMarks(
                                first,
                                List.of(
                                        new AnnotationExport.Mark(UUID.randomUUID(), start, start + 17, "hedged", t, t),
                                        new AnnotationExport.Mark(
                                                UUID.randomUUID(), 0, 3, "factual", t, t.plusSeconds(5)))),
                        new AnnotationExport.StudentMarks(
                                second,
                                List.of(new AnnotationExport.Mark(
                                        UUID.randomUUID(), TEXT.indexOf("Critics"), TEXT.length(), "opinion", t, t)))));

        JsonNode doc = JsonMapper.builder().build().readTree(AnnotationExport.build(input));

        assertThat(doc.get("@context").asString()).isEqualTo("http://www.w3.org/ns/anno.jsonld");
        assertThat(doc.get("type").asString()).isEqualTo("AnnotationCollection");
        assertThat(doc.get("total").asInt()).isEqualTo(3);
        List<JsonNode> items = new ArrayList<>();
        doc.get("first").get("items").forEach(items::add);
        assertThat(items).hasSize(3);
        for (JsonNode a : items) {
            assertValidAnnotation(a, TEXT);
            assertThat(a.get("target").get("source").asString()).isEqualTo("urn:uuid:" + version);
        }
        JsonNode hedged = items.getFirst();
        assertThat(hedged.get("body").get("value").asString()).isEqualTo("hedged");
        assertThat(selector(hedged, "TextQuoteSelector").get("exact").asString())
                .isEqualTo("prices might fall");
        assertThat(selector(hedged, "TextQuoteSelector").get("prefix").asString())
                .isEqualTo("The minister said ");
        assertThat(items.get(1).get("modified").asString()).isEqualTo("2026-03-02T09:15:05Z");
        assertThat(selector(items.get(2), "TextQuoteSelector").get("suffix").asString())
                .isEmpty();
    }

    @Test
    void theCreatorIsAPseudonymPerAssignmentNotTheAccountId() {
        UUID account = UUID.randomUUID();
        UUID a1 = UUID.randomUUID();
        UUID a2 = UUID.randomUUID();
        assertThat(AnnotationExport.pseudonym(account, a1))
                .isEqualTo(AnnotationExport.pseudonym(account, a1))
                .isNotEqualTo(AnnotationExport.pseudonym(account, a2))
                .doesNotContain(account.toString())
                .matches("urn:lateral:pseudonym:[0-9a-f]{64}");
    }

    /** The W3C Web Annotation model's required fields, and this export's selectors checked against the text. */
    public static void assertValidAnnotation(JsonNode a, String text) {
        assertThat(a.get("id").asString()).startsWith("urn:uuid:");
        assertThat(UUID.fromString(a.get("id").asString().substring("urn:uuid:".length())))
                .isNotNull();
        assertThat(a.get("type").asString()).isEqualTo("Annotation");
        assertThat(a.get("motivation").asString()).isEqualTo("classifying");
        assertThat(a.get("body").get("type").asString()).isEqualTo("TextualBody");
        assertThat(a.get("body").get("purpose").asString()).isEqualTo("classifying");
        assertThat(a.get("body").get("value").asString()).isNotBlank();
        assertThat(a.get("creator").get("id").asString()).startsWith("urn:lateral:pseudonym:");
        assertThat(Instant.parse(a.get("created").asString())).isNotNull();
        assertThat(Instant.parse(a.get("modified").asString())).isNotNull();
        JsonNode target = a.get("target");
        assertThat(target.get("source").asString()).isNotBlank();
        JsonNode quote = selector(a, "TextQuoteSelector");
        JsonNode position = selector(a, "TextPositionSelector");
        int start = position.get("start").asInt();
        int end = position.get("end").asInt();
        String exact = quote.get("exact").asString();
        assertThat(text.substring(start, end)).isEqualTo(exact);
        assertThat(text.substring(0, start)).endsWith(quote.get("prefix").asString());
        assertThat(text.substring(end)).startsWith(quote.get("suffix").asString());
    }

    public static JsonNode selector(JsonNode annotation, String type) {
        for (JsonNode s : annotation.get("target").get("selector")) {
            if (s.get("type").asString().equals(type)) {
                return s;
            }
        }
        throw new AssertionError("no " + type + " in " + annotation);
    }
}
