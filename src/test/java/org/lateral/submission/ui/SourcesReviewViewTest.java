package org.lateral.submission.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.LateralTest;
import org.lateral.SignedIn;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.AssignmentSummary;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.NewAssignment;
import org.lateral.assignment.NewStep;
import org.lateral.base.Schools;
import org.lateral.base.highlighter.LinkState;
import org.lateral.base.highlighter.MarkState;
import org.lateral.base.highlighter.MentionState;
import org.lateral.base.highlighter.SourceState;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.library.LibraryService;
import org.lateral.security.Role;
import org.lateral.submission.MarkingSession;
import org.lateral.submission.SourceWorkService;
import org.lateral.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The teacher's page of a "Who says so?" attempt (DD013): the student's work and review, and
 * "accept for this assignment" for a kind the key does not accept, and for an unknown source's name
 * or words as naming a key source.
 */
@LateralTest
class SourcesReviewViewTest extends SpringBrowserlessTest {

    static final String TEACHER = "sources-review-teacher";

    @Autowired
    SubmissionService submissions;

    @Autowired
    SourceWorkService work;

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

    @Autowired
    JdbcClient jdbc;

    AssignmentSummary lesson;
    UUID sourcesAttempt;

    /** Ada calls the Daily Mail a document and names a source the key does not know. */
    @BeforeEach
    void aLessonWithASourcesAttempt() {
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, TEACHER, "Ms Review", Set.of(Role.TEACHER), "a long enough password");
        OneTimeCredential ada;
        try (var s = SignedIn.as(users, TEACHER)) {
            ClassDetail media = classroom.createClass(
                    new NewClass("Media " + UUID.randomUUID().toString().substring(0, 4), "", "", "UTC"));
            ada = classroom.createStudents(media.id(), "Ada").getFirst();
            UUID frisky = library.articles("frisky").getFirst().articleId();
            lesson = assignments.assignMarkClaims(
                    media.id(),
                    new NewAssignment(
                            frisky,
                            null,
                            LocalDate.now().plusDays(3),
                            false,
                            FeedbackPolicy.AFTER_SUBMIT,
                            false,
                            null,
                            false,
                            List.of(NewStep.of(NewStep.MARK_CLAIMS), NewStep.of(NewStep.IDENTIFY_SOURCES))));
        }
        try (var s = SignedIn.as(users, ada.username())) {
            MarkingSession claims = submissions.open(lesson.id()).orElseThrow();
            String said = "a source told The Daily Mail";
            int at = claims.text().indexOf(said);
            UUID mark = UUID.randomUUID();
            submissions.saveMark(
                    claims.attemptId(),
                    new MarkState(mark, 1, at, at + said.length(), said, "", "", "attributed", false));
            submissions.submit(claims.attemptId());
            MarkingSession sources = submissions.open(lesson.id()).orElseThrow();
            sourcesAttempt = sources.attemptId();
            UUID mail = UUID.randomUUID();
            work.saveSource(
                    sourcesAttempt, new SourceState(mail, 1, "The Daily Mail", "document", "first-hand", null, false));
            work.saveLink(sourcesAttempt, new LinkState(UUID.randomUUID(), 1, mark.toString(), mail, false));
            UUID writer = UUID.randomUUID();
            work.saveSource(
                    sourcesAttempt,
                    new SourceState(writer, 1, "the headline writer", "anonymous", "first-hand", null, false));
            String words = "European Operations";
            int w = sources.text().indexOf(words);
            work.saveMention(
                    sourcesAttempt,
                    new MentionState(UUID.randomUUID(), 1, writer, w, w + words.length(), words, "", "", false));
            submissions.submit(sourcesAttempt);
        }
    }

    private int amendments(String kind) {
        return jdbc.sql("SELECT count(*) FROM key_amendment WHERE assignment_id = :a AND kind = :k")
                .param("a", lesson.id())
                .param("k", kind)
                .query(Integer.class)
                .single();
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_teacher_accepts_a_kind_and_an_unknown_sources_words_for_this_assignment() {
        navigate("review/" + sourcesAttempt, ReviewView.class);
        Div panel = $(Div.class).withTestId("source-alternatives").single();
        assertThat($(Div.class).withTestId("source-feedback").exists()).isTrue();
        Button kind = $(Button.class, panel).withTestId("accept-source-kind").single();
        assertThat(kind.getText()).isEqualTo("Accept \u201cDocument\u201d for The Daily Mail");
        assertThat($(Button.class, panel)
                        .withTestId("accept-source-span")
                        .single()
                        .getText())
                .isEqualTo("Accept the words \u201cEuropean Operations\u201d as naming it");

        test(kind).click();
        assertThat(amendments("source-kind")).isEqualTo(1);
        assertThat($(Button.class).withTestId("accept-source-kind").exists())
                .as("the kind is accepted now")
                .isFalse();

        // Without a key source chosen, nothing is accepted.
        test($(Button.class).withTestId("accept-source-span").single()).click();
        assertThat(amendments("source-span")).isZero();
        @SuppressWarnings("unchecked")
        Select<String> target =
                $(Select.class).withTestId("accept-source-alias-target").single();
        test(target).selectItem("Abu Khaled (a pseudonym), whom The Frisky first calls \u201ca source\u201d");
        test($(Button.class).withTestId("accept-source-span").single()).click();
        assertThat(amendments("source-span")).isEqualTo(1);
    }
}
