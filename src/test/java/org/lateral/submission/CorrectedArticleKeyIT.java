package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.AssignmentSummary;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.NewAssignment;
import org.lateral.base.highlighter.MarkState;
import org.lateral.base.highlighter.SaveStatus;
import org.lateral.base.highlighter.SavedMark;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.library.LibraryImport;
import org.lateral.library.LibraryService;
import org.lateral.library.TestPacks;
import org.lateral.library.pack.PackFiles;
import org.lateral.library.pack.SeedPackReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A corrected pack reaches existing assignments (issue 12): when a pack corrects an article's
 * front matter, the article gets a new version with the same canonical text and every key a new
 * version anchored to it. An assignment pinned to the first versions is offered the new key,
 * previewed with the corrected details, and moves both pins when the teacher accepts; a key for
 * an article whose text changed is never offered, because the marks would point at other words.
 */
@LateralServerTest
class CorrectedArticleKeyIT {

    @Autowired
    SubmissionService submissions;

    @Autowired
    ResultsService results;

    @Autowired
    KeyAmendments keys;

    @Autowired
    AssignmentService assignments;

    @Autowired
    ClassroomService classroom;

    @Autowired
    LibraryService library;

    @Autowired
    LibraryImport libraryImport;

    @Autowired
    org.lateral.Fixtures fixtures;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path temp;

    Path pack;
    UUID school;
    String teacher;
    ClassDetail schoolClass;
    OneTimeCredential ada;
    OneTimeCredential bo;
    AssignmentSummary assignment;
    MarkingSession adaWork;
    MarkingSession boWork;

    static final String HEADLINE = GradingIT.HEADLINE;
    static final String SOURCE = GradingIT.SOURCE;
    static final String ARTICLE = "articles/000-the-frisky.txt";
    static final String KEY = "keys/000-the-frisky.yaml";

    @BeforeEach
    void aSchoolWithItsPackAndAnAssignmentWithSubmittedWork() throws IOException {
        school = fixtures.school("Corrected pack school");
        pack = TestPacks.defectorsWithFreshIds(temp.resolve("defectors"));
        fixtures.importPack(school, pack);
        teacher = fixtures.teacher(school, "t");
        try (var s = SignedIn.as(users, teacher)) {
            schoolClass = classroom.createClass(new NewClass("Media", "", "", "UTC"));
            var created = classroom.createStudents(schoolClass.id(), "Ada\nBo");
            ada = created.get(0);
            bo = created.get(1);
            UUID frisky = library.articles("frisky").getFirst().articleId();
            assignment = assignments.assignMarkClaims(
                    schoolClass.id(),
                    new NewAssignment(
                            frisky,
                            null,
                            LocalDate.now().plusDays(3),
                            true,
                            FeedbackPolicy.AFTER_SUBMIT,
                            false,
                            null,
                            false));
        }
        adaWork = mark(ada, HEADLINE, "factual");
        boWork = mark(bo, SOURCE, "attributed");
        submit(ada, adaWork);
        submit(bo, boWork);
    }

    @Test
    void corrected_front_matter_and_key_are_offered_previewed_and_accepting_moves_both_pins_and_rescores()
            throws IOException {
        UUID articleVersionBefore = pinned("article_version_id");
        UUID keyVersionBefore = pinned("key_version_id");
        double adaBefore = history(adaWork.attemptId()).getLast().score();
        double boBefore = history(boWork.attemptId()).getLast().score();
        List<SavedMark> adaMarksBefore = reviewOf(adaWork).marks();

        correctFrontMatter();
        // The key's authors now also accept "factual" for the headline.
        replaceInPack(
                KEY,
                "    types: [hedged, attributed]\n    worthiness: 3\n    why: \"The central claim",
                "    types: [hedged, attributed, factual]\n    worthiness: 3\n    why: \"The central claim");
        LibraryImport.Report report = reimport();
        assertThat(report.articleVersionsAdded())
                .as("only the frisky article was corrected")
                .isEqualTo(1);
        assertThat(report.keyVersionsAdded())
                .as("only the frisky key is anchored to a new article version")
                .isEqualTo(1);
        UUID correctedArticleVersion = currentArticleVersion();
        assertThat(correctedArticleVersion).isNotEqualTo(articleVersionBefore);
        assertThat(canonicalText(correctedArticleVersion)).isEqualTo(canonicalText(articleVersionBefore));

        try (var s = SignedIn.as(users, teacher)) {
            Results.KeyNotice notice =
                    results.results(assignment.id()).orElseThrow().newKeyVersion();
            assertThat(notice).as("the new key version notice").isNotNull();
            assertThat(notice.correctedDetails()).containsExactly("byline", "publication date", "original address");

            KeyPreview preview = keys.previewKeyVersion(assignment.id());
            assertThat(preview.currentVersionId()).isEqualTo(keyVersionBefore);
            assertThat(preview.newVersionId()).isEqualTo(notice.keyVersionId());
            assertThat(preview.correctedDetails()).containsExactly("byline", "publication date", "original address");
            assertThat(preview.attempts()).isEqualTo(2);
            assertThat(preview.changes()).singleElement().satisfies(c -> {
                assertThat(c.student()).isEqualTo("Ada");
                assertThat(c.before()).isEqualTo(adaBefore);
                assertThat(c.delta()).isPositive();
            });
            assertThat(pinned("article_version_id"))
                    .as("a preview moves nothing")
                    .isEqualTo(articleVersionBefore);

            int rescored = keys.acceptKeyVersion(assignment.id(), preview.currentVersionId(), preview.newVersionId());
            assertThat(rescored).isEqualTo(2);
            assertThat(pinned("key_version_id")).isEqualTo(preview.newVersionId());
            assertThat(pinned("article_version_id")).isEqualTo(correctedArticleVersion);
            assertThat(stepCount()).as("still a one-step lesson (DD013)").isEqualTo(1);
            assertThat(results.results(assignment.id()).orElseThrow().newKeyVersion())
                    .as("no notice once moved")
                    .isNull();
        }

        ScoreEntry adaAfter = history(adaWork.attemptId()).getLast();
        assertThat(adaAfter.cause()).isEqualTo(ScoreCause.KEY_VERSION);
        assertThat(adaAfter.keyVersionId()).isEqualTo(pinned("key_version_id"));
        assertThat(adaAfter.score()).isGreaterThan(adaBefore);
        assertThat(adaAfter.found()).isEqualTo(1);
        ScoreEntry boAfter = history(boWork.attemptId()).getLast();
        assertThat(boAfter.cause()).isEqualTo(ScoreCause.KEY_VERSION);
        assertThat(boAfter.score()).isEqualTo(boBefore);

        // The marks keep their offsets and still cover the same words of the (same) text.
        TeacherReview after = reviewOf(adaWork);
        assertThat(after.marks()).isEqualTo(adaMarksBefore);
        SavedMark mark = after.marks().getFirst();
        assertThat(after.text().substring(mark.start(), mark.end())).isEqualTo(HEADLINE);
        assertThat(after.review().claims())
                .filteredOn(c -> c.claimId().equals("c01"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.outcome()).isEqualTo(ClaimReview.Outcome.FOUND);
                    assertThat(c.yourMark().markId()).isEqualTo(mark.markId());
                });
        try (var s = SignedIn.as(users, ada.username())) {
            assertThat(submissions.open(assignment.id()).orElseThrow().text()).isEqualTo(after.text());
        }
    }

    @Test
    void a_key_for_an_article_whose_text_changed_is_not_offered() throws IOException {
        UUID articleVersionBefore = pinned("article_version_id");
        UUID keyVersionBefore = pinned("key_version_id");
        correctFrontMatter();
        // A line added at the very end: no offset of the key moves, but the text is not the same.
        Path article = pack.resolve(ARTICLE);
        Files.writeString(article, Files.readString(article).stripTrailing() + "\n\nThis story was updated.\n");
        replaceInPack(
                KEY,
                "    types: [hedged, attributed]\n    worthiness: 3\n",
                "    types: [hedged, attributed, factual]\n    worthiness: 3\n");
        LibraryImport.Report report = reimport();
        assertThat(report.articleVersionsAdded()).isEqualTo(1);
        assertThat(report.keyVersionsAdded()).isEqualTo(1);
        UUID changedVersion = currentArticleVersion();
        assertThat(canonicalText(changedVersion)).isNotEqualTo(canonicalText(articleVersionBefore));
        UUID newKey = jdbc.sql("""
                        SELECT k.current_version_id FROM answer_key k
                         WHERE k.school_id = :school AND k.article_id = (SELECT article_id FROM article_version WHERE id = :v)
                        """)
                .param("school", school)
                .param("v", changedVersion)
                .query(UUID.class)
                .single();

        try (var s = SignedIn.as(users, teacher)) {
            assertThat(results.results(assignment.id()).orElseThrow().newKeyVersion())
                    .isNull();
            assertThatThrownBy(() -> keys.previewKeyVersion(assignment.id())).hasMessageContaining("no newer version");
            assertThatThrownBy(() -> keys.acceptKeyVersion(assignment.id(), keyVersionBefore, newKey))
                    .hasMessageContaining("no newer version");
            // Nor can the assignment feature be asked to pin it directly.
            assertThatThrownBy(() -> assignments.pinKeyVersion(assignment.id(), keyVersionBefore, newKey, true))
                    .hasMessageContaining("changed again");
        }
        assertThat(pinned("key_version_id")).isEqualTo(keyVersionBefore);
        assertThat(pinned("article_version_id")).isEqualTo(articleVersionBefore);
        assertThat(history(adaWork.attemptId())).hasSize(1);
    }

    @Test
    void ignoring_a_corrected_key_keeps_both_pins_and_every_score() throws IOException {
        UUID articleVersionBefore = pinned("article_version_id");
        UUID keyVersionBefore = pinned("key_version_id");
        correctFrontMatter();
        reimport();
        try (var s = SignedIn.as(users, teacher)) {
            KeyPreview preview = keys.previewKeyVersion(assignment.id());
            assertThat(preview.changes()).as("the key's content did not change").isEmpty();
            assertThat(preview.correctedDetails()).containsExactly("byline", "publication date", "original address");
            keys.ignoreKeyVersion(assignment.id(), preview.currentVersionId(), preview.newVersionId());
            assertThat(pinned("key_version_ignored_id"))
                    .as("the step remembers the version its teacher chose not to move to")
                    .isEqualTo(preview.newVersionId());
            assertThat(results.results(assignment.id()).orElseThrow().newKeyVersion())
                    .isNull();
        }
        assertThat(pinned("key_version_id")).isEqualTo(keyVersionBefore);
        assertThat(pinned("article_version_id")).isEqualTo(articleVersionBefore);
        assertThat(history(adaWork.attemptId())).hasSize(1);
        assertThat(history(boWork.attemptId())).hasSize(1);
    }

    /** The corrections a pack's editor makes: a byline found, the exact day, the page's address. */
    private void correctFrontMatter() throws IOException {
        replaceInPack(ARTICLE, "byline: null\n", "byline: \"Frisky staff\"\n");
        replaceInPack(ARTICLE, "published: \"2016-08-15\"\n", "published: \"2016-08-16\"\n");
        replaceInPack(
                ARTICLE, "original_url: \"http://www.thefrisky.com/", "original_url: \"https://thefrisky.example/");
    }

    private void replaceInPack(String file, String from, String to) throws IOException {
        Path path = pack.resolve(file);
        String content = Files.readString(path);
        assertThat(content).as(file).contains(from);
        Files.writeString(path, content.replace(from, to));
    }

    private LibraryImport.Report reimport() {
        return libraryImport.importPack(SeedPackReader.read(PackFiles.directory(pack)), school);
    }

    private UUID pinned(String column) {
        return jdbc.sql("SELECT " + column + " FROM lesson_step WHERE assignment_id = :a AND position = 0")
                .param("a", assignment.id())
                .query(UUID.class)
                .single();
    }

    private long stepCount() {
        return jdbc.sql("SELECT count(*) FROM lesson_step WHERE assignment_id = :a")
                .param("a", assignment.id())
                .query(Long.class)
                .single();
    }

    private UUID currentArticleVersion() {
        return jdbc.sql("""
                        SELECT a.current_version_id FROM article a JOIN article_version v ON v.article_id = a.id
                         WHERE v.id = :pinned
                        """)
                .param("pinned", pinned("article_version_id"))
                .query(UUID.class)
                .single();
    }

    private String canonicalText(UUID articleVersionId) {
        return jdbc.sql("SELECT canonical_text FROM article_version WHERE id = :v")
                .param("v", articleVersionId)
                .query(String.class)
                .single();
    }

    private MarkingSession mark(OneTimeCredential who, String quote, String type) {
        try (var s = SignedIn.as(users, who.username())) {
            MarkingSession session = submissions.open(assignment.id()).orElseThrow();
            int at = session.text().indexOf(quote);
            assertThat(at).as(quote).isNotNegative();
            var result = submissions.saveMark(
                    session.attemptId(),
                    new MarkState(UUID.randomUUID(), 1, at, at + quote.length(), quote, "", "", type, false));
            assertThat(result.status()).isEqualTo(SaveStatus.SAVED);
            return session;
        }
    }

    private void submit(OneTimeCredential who, MarkingSession session) {
        try (var s = SignedIn.as(users, who.username())) {
            submissions.submit(session.attemptId());
        }
    }

    private TeacherReview reviewOf(MarkingSession session) {
        return reviewOf(session.attemptId());
    }

    private TeacherReview reviewOf(UUID attemptId) {
        try (var s = SignedIn.as(users, teacher)) {
            return results.review(attemptId).orElseThrow();
        }
    }

    private List<ScoreEntry> history(UUID attemptId) {
        return reviewOf(attemptId).review().history();
    }
}
