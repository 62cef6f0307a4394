package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.AssignmentSummary;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.NewAssignment;
import org.lateral.assignment.NewStep;
import org.lateral.base.highlighter.MarkState;
import org.lateral.base.highlighter.SaveStatus;
import org.lateral.base.highlighter.SourceState;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.library.LibraryService;
import org.lateral.library.TestPacks;
import org.lateral.security.NotYoursException;
import org.lateral.security.Role;
import org.lateral.submission.export.AnnotationExport;
import org.lateral.submission.export.AnnotationExportTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exports of a small class (DD016, "Exports"): one student submits two marks, one marks
 * without submitting. The files are checked against values worked out by hand from the Frisky key
 * (26 claims; the headline is hedged), and refused to anyone but the class's teacher.
 */
@LateralServerTest
class ExportIT {

    @Autowired
    org.lateral.Fixtures fixtures;

    @Autowired
    SubmissionService submissions;

    @Autowired
    ResultsService results;

    @Autowired
    ExportService exports;

    @Autowired
    AssignmentService assignments;

    @Autowired
    ClassroomService classroom;

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    LibraryService library;

    @Autowired
    UserDetailsService users;

    @TempDir
    Path temp;

    Path pack;
    UUID school;
    String teacher;
    ClassDetail schoolClass;
    OneTimeCredential first;
    OneTimeCredential second;

    @BeforeEach
    void aSchoolWithItsOwnPackAndAClass() throws IOException {
        school = fixtures.school("Grading test school");
        pack = TestPacks.defectorsWithFreshIds(temp.resolve("defectors"));
        fixtures.importPack(school, pack);
        teacher = "t-" + UUID.randomUUID().toString().substring(0, 8);
        administration.ensureAccount(school, teacher, "Class teacher", Set.of(Role.TEACHER), "a long enough password");
        try (var s = SignedIn.as(users, teacher)) {
            schoolClass = classroom.createClass(new NewClass("Media", "", "", "UTC"));
            var created = classroom.createStudents(schoolClass.id(), "First Student\nSecond Student");
            first = created.get(0);
            second = created.get(1);
        }
    }

    private AssignmentSummary assign(FeedbackPolicy policy, boolean revision) {
        try (var s = SignedIn.as(users, teacher)) {
            UUID frisky = library.articles("frisky").getFirst().articleId();
            return assignments.assignMarkClaims(
                    schoolClass.id(),
                    new NewAssignment(frisky, null, LocalDate.now().plusDays(3), true, policy, revision, null, false));
        }
    }

    /** Opens the student's current attempt and saves one mark per quote with the given types. */
    private MarkingSession mark(OneTimeCredential who, AssignmentSummary assignment, String... quotesAndTypes) {
        try (var s = SignedIn.as(users, who.username())) {
            MarkingSession session = submissions.open(assignment.id()).orElseThrow();
            for (int i = 0; i < quotesAndTypes.length; i += 2) {
                int at = session.text().indexOf(quotesAndTypes[i]);
                assertThat(at).as(quotesAndTypes[i]).isNotNegative();
                var result = submissions.saveMark(
                        session.attemptId(),
                        new MarkState(
                                UUID.randomUUID(),
                                1,
                                at,
                                at + quotesAndTypes[i].length(),
                                quotesAndTypes[i],
                                "",
                                "",
                                quotesAndTypes[i + 1],
                                false));
                assertThat(result.status()).isEqualTo(SaveStatus.SAVED);
            }
            return session;
        }
    }

    private void submit(OneTimeCredential who, MarkingSession session) {
        try (var s = SignedIn.as(users, who.username())) {
            submissions.submit(session.attemptId());
        }
    }

    private AssignmentSummary assign() {
        return assign(FeedbackPolicy.AFTER_SUBMIT, false);
    }

    static final String HEADLINE = "The Head Of ISIS\u2019 European Operations Reportedly Defects";
    static final String SOURCE = "a source told The Daily Mail the head of ISIS operations in Europe defected";

    record Exported(AssignmentSummary assignment, MarkingSession firstSession, MarkingSession secondSession) {}

    /** The first student submits the headline as hedged (found) and the source's line as factual (mislabelled). */
    private Exported aClassWithOneSubmission() {
        AssignmentSummary assignment = assign();
        MarkingSession done = mark(first, assignment, HEADLINE, "hedged", SOURCE, "factual");
        submit(first, done);
        MarkingSession inProgress = mark(second, assignment, HEADLINE, "opinion");
        return new Exported(assignment, done, inProgress);
    }

    @Test
    void the_scores_csv_has_a_row_per_student_with_the_counted_score_and_status() {
        Exported e = aClassWithOneSubmission();
        ExportService.Export file;
        double score;
        try (var s = SignedIn.as(users, teacher)) {
            file = exports.scoresCsv(e.assignment().id());
            score = results.review(e.firstSession().attemptId())
                    .orElseThrow()
                    .review()
                    .score()
                    .score();
        }
        assertThat(file.contentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(file.filename()).endsWith("-scores.csv");
        assertThat(file.bytes()).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        List<CsvRecord> rows = read(file.bytes());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).getFields())
                .containsExactly(
                        "Student",
                        "Username",
                        "Status",
                        "Step 1 score (mark-claims)",
                        "Lesson score",
                        "Attempts",
                        "Submitted at",
                        "Late",
                        "Overridden");
        CsvRecord firstRow = row(rows, first.username());
        assertThat(firstRow.getField(0)).isEqualTo("First Student");
        assertThat(firstRow.getField(2)).isEqualTo("Submitted");
        // One claim found and one mislabelled of 26: a small score, the same as the review's.
        assertThat(firstRow.getField(3)).isEqualTo(String.valueOf(Math.round(score * 10) / 10.0));
        assertThat(score).isBetween(0.1, 50.0);
        assertThat(firstRow.getField(4)).isEqualTo(firstRow.getField(3));
        assertThat(firstRow.getField(5)).isEqualTo("1");
        assertThat(firstRow.getField(6)).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(firstRow.getField(7)).isEqualTo("no");
        assertThat(firstRow.getField(8)).isEqualTo("no");
        CsvRecord secondRow = row(rows, second.username());
        assertThat(secondRow.getFields())
                .containsExactly("Second Student", second.username(), "In progress", "", "", "1", "", "no", "no");
    }

    @Test
    void the_items_csv_has_a_row_per_key_claim_of_the_submitted_attempt_with_the_graders_outcome() {
        Exported e = aClassWithOneSubmission();
        ExportService.Export file;
        try (var s = SignedIn.as(users, teacher)) {
            file = exports.itemsCsv(e.assignment().id());
        }
        List<CsvRecord> rows = read(file.bytes());
        List<CsvRecord> items = rows.subList(1, rows.size());
        // The Frisky key has 26 claims; only the submitted attempt is exported, not work in progress.
        assertThat(items).hasSize(26).allSatisfy(r -> assertThat(r.getField(1)).isEqualTo(first.username()));
        assertThat(items).filteredOn(r -> r.getField(9).equals("found")).hasSize(1);
        assertThat(items).filteredOn(r -> r.getField(9).equals("mislabelled")).hasSize(1);
        assertThat(items).filteredOn(r -> r.getField(9).equals("missed")).hasSize(24);
        CsvRecord headline = items.stream()
                .filter(r -> r.getField(9).equals("found"))
                .findFirst()
                .orElseThrow();
        assertThat(headline.getFields().subList(2, 6)).containsExactly("1", "mark-claims", "1", "claim");
        assertThat(headline.getField(6)).contains("Reportedly Defects");
        assertThat(headline.getField(7)).contains("hedged");
        assertThat(headline.getFields().subList(8, 11)).containsExactly("hedged", "found", "yes");
        CsvRecord mislabelled = items.stream()
                .filter(r -> r.getField(9).equals("mislabelled"))
                .findFirst()
                .orElseThrow();
        assertThat(mislabelled.getField(8)).isEqualTo("factual");
        assertThat(mislabelled.getField(7)).doesNotContain("factual");
        assertThat(mislabelled.getField(10)).isEqualTo("no");
    }

    @Autowired
    SourceWorkService sourceWork;

    @Autowired
    CompareWorkService compareWork;

    /**
     * A "Who says so?" step on the Frisky, then a comparison of the Frisky and Isegoria. The first
     * student finds both key sources (Abu Khaled: kind right, origin wrong; the Daily Mail: kind
     * wrong, origin right), fills the Frisky's grid with one hedge picked a word too long, leaves
     * Isegoria untouched, and submits both steps.
     */
    @Test
    void the_items_csv_covers_the_sources_and_compare_steps_item_by_item() {
        AssignmentSummary lesson;
        UUID frisky;
        UUID isegoria;
        try (var s = SignedIn.as(users, teacher)) {
            frisky = library.articles("frisky").getFirst().articleId();
            isegoria = library.articles("isegoria").getFirst().articleId();
            lesson = assignments.assignMarkClaims(
                    schoolClass.id(),
                    new NewAssignment(
                            frisky,
                            null,
                            LocalDate.now().plusDays(3),
                            false,
                            FeedbackPolicy.AFTER_SUBMIT,
                            false,
                            null,
                            false,
                            List.of(
                                    NewStep.of(NewStep.IDENTIFY_SOURCES),
                                    NewStep.compare(List.of(frisky, isegoria), java.math.BigDecimal.ONE, false))));
        }
        String picked = "claiming to be in";
        try (var s = SignedIn.as(users, first.username())) {
            MarkingSession sources = submissions.open(lesson.id()).orElseThrow();
            assertThat(sources.exercise()).isEqualTo("identify-sources");
            assertThat(sourceWork
                            .saveSource(
                                    sources.attemptId(),
                                    new SourceState(
                                            UUID.randomUUID(),
                                            1,
                                            "Abu Khaled",
                                            "pseudonymous",
                                            "first-hand",
                                            null,
                                            false))
                            .status())
                    .isEqualTo(SaveStatus.SAVED);
            assertThat(sourceWork
                            .saveSource(
                                    sources.attemptId(),
                                    new SourceState(
                                            UUID.randomUUID(), 1, "Daily Mail", "document", "first-hand", null, false))
                            .status())
                    .isEqualTo(SaveStatus.SAVED);
            submissions.submit(sources.attemptId());

            MarkingSession compare = submissions.open(lesson.id()).orElseThrow();
            assertThat(compare.compare()).isNotNull();
            assertThat(compareWork
                            .saveGrid(
                                    compare.attemptId(),
                                    new CompareItems.GridState(
                                            frisky.toString(),
                                            1,
                                            "hedged",
                                            1,
                                            5,
                                            "relay",
                                            List.of("Daily Mail"),
                                            null,
                                            null))
                            .status())
                    .isEqualTo(SaveStatus.SAVED);
            String text = compare.compare().columns().stream()
                    .filter(c -> c.articleId().equals(frisky))
                    .findFirst()
                    .orElseThrow()
                    .canonicalText();
            int at = text.indexOf(picked);
            assertThat(at).isNotNegative();
            assertThat(compareWork
                            .saveSpan(
                                    compare.attemptId(),
                                    new CompareItems.SpanState(
                                            UUID.randomUUID().toString(),
                                            1,
                                            frisky.toString(),
                                            "hedge",
                                            at,
                                            at + picked.length(),
                                            picked,
                                            "",
                                            "",
                                            false))
                            .status())
                    .isEqualTo(SaveStatus.SAVED);
            submissions.submit(compare.attemptId());
        }
        List<CsvRecord> items;
        try (var s = SignedIn.as(users, teacher)) {
            List<CsvRecord> rows = read(exports.itemsCsv(lesson.id()).bytes());
            items = rows.subList(1, rows.size());
        }
        assertThat(items).allSatisfy(r -> assertThat(r.getField(1)).isEqualTo(first.username()));

        // Step 1, "Who says so?": per found key source its kind and, as a row of its own, its origin.
        List<List<String>> sources = items.stream()
                .filter(r -> r.getField(2).equals("1"))
                .map(r -> r.getFields().subList(3, 11))
                .toList();
        assertThat(sources)
                .extracting(r -> r.get(2))
                .containsExactly("source", "source origin", "source", "source origin");
        assertThat(sources.get(0).subList(4, 8))
                .containsExactly("pseudonymous", "pseudonymous", "found, kind right", "yes");
        assertThat(sources.get(1).subList(4, 8))
                .containsExactly("relayed from The Daily Mail", "first-hand", "wrong: relayed, not first-hand", "no");
        assertThat(sources.get(2).subList(3, 8))
                .containsExactly("The Daily Mail", "media-outlet", "document", "found, kind wrong", "no");
        assertThat(sources.get(3).subList(4, 8)).containsExactly("first-hand", "first-hand", "right", "yes");

        // Step 2, the comparison: every scored grid item of each article, then the matrix cells.
        List<CsvRecord> compare =
                items.stream().filter(r -> r.getField(2).equals("2")).toList();
        assertThat(compare).allSatisfy(r -> assertThat(r.getField(3)).isEqualTo("compare-outlets"));
        assertThat(compare.stream()
                        .filter(r -> r.getField(6).equals("The Frisky"))
                        .map(r -> r.getField(5)))
                .containsExactly(
                        "framing",
                        "named sources",
                        "anonymous sources",
                        "reporting",
                        "relayed from",
                        "hedges",
                        "loaded words");
        CsvRecord relay = item(compare, "relayed from", "The Frisky");
        assertThat(relay.getFields().subList(7, 11))
                .containsExactly("The Daily Mail", "The Daily Mail", "overlap 1.00", "yes");
        // The key's own words, not the student's longer pick: 1 match of 1 pick and 14 key hedges.
        CsvRecord hedges = item(compare, "hedges", "The Frisky");
        assertThat(hedges.getField(7))
                .startsWith("Reportedly; could change; possibly")
                .contains("; claiming to be;");
        assertThat(hedges.getField(7)).doesNotContain(picked);
        assertThat(hedges.getFields().subList(8, 11)).containsExactly(picked, "overlap 0.13", "no");
        CsvRecord anonymous = item(compare, "anonymous sources", "The Frisky");
        assertThat(anonymous.getFields().subList(7, 11)).containsExactly("1\u20132", "5", "wrong", "no");
        // Isegoria untouched: relayed from has a row (it counts as 0 without a reporting category).
        CsvRecord untouched = item(compare, "relayed from", "Isegoria");
        assertThat(untouched.getFields().subList(7, 11)).containsExactly("The Daily Beast", "", "not given", "no");
        assertThat(item(compare, "framing", "Isegoria").getFields().subList(8, 11))
                .containsExactly("", "not given", "no");
        // Eight core claims × two articles, all left empty.
        assertThat(compare).filteredOn(r -> r.getField(5).equals("matrix")).hasSize(16);
    }

    private static CsvRecord item(List<CsvRecord> rows, String item, String keyItem) {
        return rows.stream()
                .filter(r -> r.getField(5).equals(item) && r.getField(6).equals(keyItem))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + item + " / " + keyItem));
    }

    @Test
    void the_annotation_export_holds_the_submitted_marks_under_a_pseudonym_with_selectors_that_match_the_text() {
        Exported e = aClassWithOneSubmission();
        ExportService.Export file;
        UUID firstId;
        try (var s = SignedIn.as(users, teacher)) {
            file = exports.annotations(e.assignment().id());
            firstId = results.results(e.assignment().id()).orElseThrow().students().stream()
                    .filter(r -> r.username().equals(first.username()))
                    .findFirst()
                    .orElseThrow()
                    .studentId();
        }
        assertThat(file.contentType()).isEqualTo("application/ld+json");
        JsonNode doc = JsonMapper.builder().build().readTree(file.bytes());
        assertThat(doc.get("@context").asString()).isEqualTo(AnnotationExport.CONTEXT);
        List<JsonNode> items = new ArrayList<>();
        doc.get("first").get("items").forEach(items::add);
        assertThat(items).hasSize(2);
        String text = e.firstSession().text();
        for (JsonNode a : items) {
            AnnotationExportTest.assertValidAnnotation(a, text);
            assertThat(a.get("creator").get("id").asString())
                    .isEqualTo(
                            AnnotationExport.pseudonym(firstId, e.assignment().id()));
        }
        assertThat(items)
                .extracting(a -> AnnotationExportTest.selector(a, "TextQuoteSelector")
                        .get("exact")
                        .asString())
                .containsExactlyInAnyOrder(HEADLINE, SOURCE);
        assertThat(items)
                .extracting(a -> a.get("body").get("value").asString())
                .containsExactlyInAnyOrder("hedged", "factual");
        assertThat(new String(file.bytes(), StandardCharsets.UTF_8))
                .doesNotContain("First Student")
                .doesNotContain(first.username());
    }

    @Test
    void another_teacher_and_a_student_are_refused_every_export() {
        Exported e = aClassWithOneSubmission();
        UUID id = e.assignment().id();
        String otherTeacher = "t-" + UUID.randomUUID().toString().substring(0, 8);
        administration.ensureAccount(
                school, otherTeacher, "Other teacher", Set.of(Role.TEACHER), "a long enough password");
        // Another teacher is told the assignment does not exist (nothing about another class leaks).
        try (var s = SignedIn.as(users, otherTeacher)) {
            for (ThrowingCallable export : exportsOf(id)) {
                assertThatThrownBy(export)
                        .isInstanceOf(NotYoursException.class)
                        .hasMessage("That assignment does not exist.");
            }
        }
        // A student is refused by role, even for their own class's assignment.
        try (var s = SignedIn.as(users, first.username())) {
            for (ThrowingCallable export : exportsOf(id)) {
                assertThatThrownBy(export).isInstanceOf(AccessDeniedException.class);
            }
        }
    }

    private List<ThrowingCallable> exportsOf(UUID id) {
        return List.of(() -> exports.scoresCsv(id), () -> exports.itemsCsv(id), () -> exports.annotations(id));
    }

    private static List<CsvRecord> read(byte[] file) {
        String text = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
        return CsvReader.builder().ofCsvRecord(text).stream().toList();
    }

    private static CsvRecord row(List<CsvRecord> rows, String username) {
        return rows.stream()
                .filter(r -> r.getField(1).equals(username))
                .findFirst()
                .orElseThrow();
    }
}
