package org.lateral.submission.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.LateralTest;
import org.lateral.SignedIn;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.NewAssignment;
import org.lateral.base.highlighter.MarkState;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.library.LibraryImport;
import org.lateral.library.LibraryService;
import org.lateral.library.TestPacks;
import org.lateral.security.Role;
import org.lateral.submission.MarkingSession;
import org.lateral.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The "new key version" notice when the pack also corrected the article's details (issue 12): the
 * notice and the preview say in plain words which details changed with the key. A school of its
 * own with a private copy of the pack, and a teacher of its own (the username is the class's,
 * so one test per school).
 */
@LateralTest
class CorrectedDetailsNoticeTest extends SpringBrowserlessTest {

    static final String TEACHER = "corrected-details-teacher";
    static final String HEADLINE = "The Head Of ISIS’ European Operations Reportedly Defects";

    @Autowired
    org.lateral.Fixtures fixtures;

    @Autowired
    LibraryImport libraryImport;

    @Autowired
    LibraryService library;

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    ClassroomService classroom;

    @Autowired
    AssignmentService assignments;

    @Autowired
    SubmissionService submissions;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path temp;

    UUID assignment;
    UUID school;
    Path pack;

    @BeforeEach
    void aSubmittedAttemptAndThenANewKeyVersion() throws IOException {
        school = fixtures.school("Corrected details school");
        pack = TestPacks.defectorsWithFreshIds(temp.resolve("defectors"));
        fixtures.importPack(school, pack);
        administration.ensureAccount(
                school, TEACHER, "History Teacher", Set.of(Role.TEACHER), "a long enough password");
        OneTimeCredential ada;
        try (var s = SignedIn.as(users, TEACHER)) {
            ClassDetail schoolClass = classroom.createClass(new NewClass("Media", "", "", "UTC"));
            ada = classroom.createStudents(schoolClass.id(), "Ada").getFirst();
            UUID frisky = library.articles("frisky").getFirst().articleId();
            assignment = assignments
                    .assignMarkClaims(
                            schoolClass.id(),
                            new NewAssignment(
                                    frisky,
                                    null,
                                    LocalDate.now().plusDays(3),
                                    true,
                                    FeedbackPolicy.AFTER_SUBMIT,
                                    false,
                                    null,
                                    false))
                    .id();
        }
        try (var s = SignedIn.as(users, ada.username())) {
            MarkingSession session = submissions.open(assignment).orElseThrow();
            submissions.saveMark(
                    session.attemptId(),
                    new MarkState(UUID.randomUUID(), 1, 0, HEADLINE.length(), HEADLINE, "", "", "factual", false));
            submissions.submit(session.attemptId());
        }
        // The key's authors now also accept "factual" for the headline: a new key version.
        Path key = pack.resolve("keys/000-the-frisky.yaml");
        String yaml = Files.readString(key);
        String before = "    types: [hedged, attributed]\n    worthiness: 3\n    why: \"The central claim";
        assertThat(yaml).contains(before);
        Files.writeString(
                key, yaml.replace(before, before.replace("[hedged, attributed]", "[hedged, attributed, factual]")));
        fixtures.importPack(school, pack);
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_key_that_came_with_corrected_article_details_says_which_in_the_notice_and_the_preview() throws IOException {
        // The pack's editors also found the exact day and the page's address: a new article
        // version with the same text, and the key anchored to it.
        Path article = pack.resolve("articles/000-the-frisky.txt");
        String text = Files.readString(article);
        String url = "original_url: \"http://www.thefrisky.com/2016-08-15/";
        assertThat(text).contains("published: \"2016-08-15\"\n").contains(url);
        Files.writeString(
                article,
                text.replace("published: \"2016-08-15\"\n", "published: \"2016-08-16\"\n")
                        .replace(url, "original_url: \"https://thefrisky.example/"));
        fixtures.importPack(school, pack);

        navigate("results/" + assignment, ResultsView.class);
        String corrected = "The article’s details were corrected too: publication date, original address.";
        assertThat($(Div.class)
                        .withTestId("key-version-notice")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .contains(corrected);
        test($(Button.class).withTestId("preview-key-version").single()).click();
        assertThat($(Div.class).withTestId("key-preview").single().getElement().getTextRecursively())
                .contains(corrected);
        assertThat($(Div.class)
                        .withAttribute("data-testid", "key-preview-change")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .startsWith("Ada · attempt 1");
        test($(Button.class).withTestId("accept-key-version").single()).click();
        assertThat($(Div.class).withTestId("key-version-notice").exists()).isFalse();
    }
}
