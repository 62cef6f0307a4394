package org.lateral.assignment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.Fixtures;
import org.lateral.LateralTest;
import org.lateral.SignedIn;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.library.LibraryEntry;
import org.lateral.library.TestPacks;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

/** Choosing an article in the assign dialog shows what to read before assigning it. */
@LateralTest
class AssignDialogCareNotesTest extends SpringBrowserlessTest {

    static final String TEACHER = "assign-care-teacher";

    @Autowired
    Fixtures fixtures;

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    ClassroomService classroom;

    @Autowired
    UserDetailsService users;

    ClassDetail media;

    @BeforeEach
    void aTeacherWithAClassInASchoolWithTheCarefulPack() throws IOException {
        UUID school = fixtures.school("Assign care school");
        fixtures.importPack(
                school,
                TestPacks.careful(Files.createTempDirectory("assign-care").resolve("careful")));
        administration.ensureAccount(school, TEACHER, "Mr Care", Set.of(Role.TEACHER), Fixtures.PASSWORD);
        try (var s = SignedIn.as(users, TEACHER)) {
            media = classroom.createClass(
                    new NewClass("Media " + UUID.randomUUID().toString().substring(0, 4), "", "", "UTC"));
        }
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    @SuppressWarnings("unchecked")
    void picking_an_article_shows_its_story_sets_care_notes_and_its_content_note() {
        navigate(ClassView.class, media.id().toString());
        test($(Button.class).withTestId("assign-article").single()).click();
        Div notes = $(Div.class).withTestId("assign-care-notes").single();
        assertThat(notes.getElement().getTextRecursively())
                .as("nothing before an article is chosen")
                .isEmpty();

        Select<LibraryEntry> article =
                $(Select.class).withTestId("assign-article-select").single();
        test(article).selectItem("The Daily Example: Mayor reportedly resigns");

        assertThat(notes.getElement().getTextRecursively())
                .contains("Maturity note: Violence is discussed.")
                .contains("Age band: 14+ (grades 9–12)")
                .contains("For analysis: State-linked texts are here for analysis, not endorsement.")
                .contains("Supporting students: Some students may have family in the region: offer another article.")
                .contains("Content note: This text stereotypes mayors.");
    }
}
