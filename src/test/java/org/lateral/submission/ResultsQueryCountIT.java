package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.Fixtures;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.lateral.StatementCounter;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.AssignmentSummary;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.NewAssignment;
import org.lateral.base.highlighter.MarkState;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.library.ClaimType;
import org.lateral.library.LibraryService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The results page reads a class of 30 in as many SQL statements as a class of 5: the attempts,
 * their latest scores and the marks behind the popular spans are read for all students at once.
 */
@LateralServerTest
class ResultsQueryCountIT {

    @Autowired
    Fixtures fixtures;

    @Autowired
    SubmissionService submissions;

    @Autowired
    ResultsService results;

    @Autowired
    GradingActions actions;

    @Autowired
    KeyAmendments keys;

    @Autowired
    AssignmentService assignments;

    @Autowired
    ClassroomService classroom;

    @Autowired
    LibraryService library;

    @Autowired
    UserDetailsService users;

    @TempDir
    Path temp;

    @Test
    void the_results_of_a_class_of_30_take_as_many_statements_as_those_of_a_class_of_5() throws IOException {
        UUID school = fixtures.schoolWithOwnPack("Query count school", temp);
        String teacher = fixtures.teacher(school, "counts");

        StatementCounter.Counted<Results> small = resultsOfAClassOf(5, teacher);
        StatementCounter.Counted<Results> large = resultsOfAClassOf(30, teacher);

        assertThat(small.value().students())
                .hasSize(5)
                .allSatisfy(s -> assertThat(s.attempt(1).score()).isNotNull());
        assertThat(large.value().students())
                .hasSize(30)
                .allSatisfy(s -> assertThat(s.attempt(1).score()).isNotNull());
        assertThat(large.value().students())
                .filteredOn(s -> s.attempt(1).score().overridden())
                .hasSize(1);
        assertThat(large.value().amendments()).hasSize(1);
        assertThat(small.statements()).isPositive();
        assertThat(large.statements())
                .as("statements for 30 students (5 students: %d)", small.statements())
                .isEqualTo(small.statements());
    }

    /**
     * A class where every student marked and submitted, one score is overridden and the key has an
     * amendment, so every part of the page has something to read; then its results, counted.
     */
    private StatementCounter.Counted<Results> resultsOfAClassOf(int size, String teacher) {
        ClassDetail schoolClass;
        List<OneTimeCredential> students;
        AssignmentSummary assignment;
        try (var s = SignedIn.as(users, teacher)) {
            schoolClass = classroom.createClass(new NewClass("Class of " + size, "", "", "UTC"));
            students = classroom.createStudents(
                    schoolClass.id(),
                    IntStream.rangeClosed(1, size).mapToObj(i -> "Student " + i).collect(Collectors.joining("\n")));
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
        UUID firstAttempt = null;
        for (OneTimeCredential student : students) {
            try (var s = SignedIn.as(users, student.username())) {
                MarkingSession session = submissions.open(assignment.id()).orElseThrow();
                String quote = GradingIT.HEADLINE;
                int at = session.text().indexOf(quote);
                submissions.saveMark(
                        session.attemptId(),
                        new MarkState(UUID.randomUUID(), 1, at, at + quote.length(), quote, "", "", "factual", false));
                submissions.submit(session.attemptId());
                firstAttempt = firstAttempt == null ? session.attemptId() : firstAttempt;
            }
        }
        try (var s = SignedIn.as(users, teacher)) {
            actions.override(firstAttempt, 90.0, "Explained her reading in class.");
            keys.acceptType(assignment.id(), "c01", ClaimType.FACTUAL);
            UUID assignmentId = assignment.id();
            return StatementCounter.count(() -> results.results(assignmentId).orElseThrow());
        }
    }
}
