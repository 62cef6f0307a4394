package org.lateral.library.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.Fixtures;
import org.lateral.LateralTest;
import org.lateral.SignedIn;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.library.LibraryEntry;
import org.lateral.library.LibraryService;
import org.lateral.library.TestPacks;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * What a teacher must read before using an article (the story set's maturity note, age band,
 * analysis note and support note, the article's content note) is shown in the library and the
 * reader, with the article's original address and where it was found; the outlet page shows the
 * publisher, the facts with the outlet's response, and that its profile was corrected (DD012).
 */
@LateralTest
class CareNotesViewTest extends SpringBrowserlessTest {

    static final String TEACHER = "care-notes-teacher";

    /** One school for the class: the teacher's username is global. */
    private static boolean loaded;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    LibraryService library;

    @Autowired
    UserDetailsService users;

    @BeforeEach
    void aSchoolWithTheCarefulPackWhoseOutletProfileWasCorrected() throws IOException {
        if (loaded) {
            return;
        }
        UUID school = fixtures.school("Care notes school");
        Path pack = TestPacks.careful(Files.createTempDirectory("care-notes").resolve("careful"));
        fixtures.importPack(school, pack);
        Path outlets = pack.resolve("outlets.yaml");
        Files.writeString(
                outlets,
                Files.readString(outlets)
                        .replace("Owned by Example Holdings.", "Owned by Example Holdings since 2018."));
        fixtures.importPack(school, pack);
        administration.ensureAccount(school, TEACHER, "Ms Care", Set.of(Role.TEACHER), Fixtures.PASSWORD);
        loaded = true;
    }

    private LibraryEntry theArticle() {
        try (var s = SignedIn.as(users, TEACHER)) {
            return library.articles("").getFirst();
        }
    }

    private String text(String testId) {
        return $(Div.class).withTestId(testId).single().getElement().getTextRecursively();
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_library_shows_the_story_sets_care_notes_and_the_articles_content_note() {
        navigate(LibraryView.class);
        Div set = $(Div.class).withTestId("story-set").single();
        assertThat(text("maturity-note")).isEqualTo("Maturity note: Violence is discussed.");
        assertThat(text("age-band")).isEqualTo("Age band: 14+ (grades 9–12)");
        assertThat(text("analysis-note"))
                .isEqualTo("For analysis: State-linked texts are here for analysis, not endorsement.");
        assertThat(text("support-note"))
                .isEqualTo("Supporting students: Some students may have family in the region: offer another article.");
        Div row = $(Div.class).withTestId("library-article").single();
        assertThat($(Div.class).withTestId("content-note").single().getParent().flatMap(c -> c.getParent()))
                .as("the content note belongs to the article's row")
                .contains(row);
        assertThat(text("content-note")).isEqualTo("Content note: This text stereotypes mayors.");
        assertThat(set.getElement().getTextRecursively()).contains("Careful set");
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_reader_shows_the_care_notes_the_content_note_and_the_original_address_with_where_it_was_found() {
        navigate(ReaderView.class, theArticle().articleId().toString());
        assertThat(text("maturity-note")).contains("Violence is discussed.");
        assertThat(text("age-band")).contains("14+ (grades 9–12)");
        assertThat(text("analysis-note")).contains("for analysis, not endorsement");
        assertThat(text("support-note")).contains("offer another article");
        assertThat(text("content-note")).isEqualTo("Content note: This text stereotypes mayors.");
        Anchor address = $(Anchor.class).withTestId("original-url").single();
        assertThat(address.getHref()).isEqualTo("https://daily.example/mayor");
        assertThat(address.getTarget()).contains("_blank");
        assertThat(text("outlet-card")).contains("Publisher: Example Media Group");
        assertThat($(Paragraph.class)
                        .withTestId("original-address")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .isEqualTo(
                        "Original address: https://daily.example/mayor. Where this address comes from: Internet Archive"
                                + " capture of 2 March 2017");
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_outlet_page_shows_publisher_facts_with_the_outlets_response_and_that_the_profile_was_corrected() {
        navigate(OutletView.class, theArticle().outletId().toString());
        assertThat(text("outlet-profile"))
                .contains("Publisher")
                .contains("Example Media Group")
                .contains("The outlet's imprint page")
                .contains("Country")
                .contains("Nowhere")
                .contains("Owned by Example Holdings since 2018.")
                .contains("Company register, 2019");
        assertThat($(ListItem.class)
                        .withTestId("outlet-fact")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .contains("Named in a government report on disinformation.")
                .contains("Source: The report, August 2020")
                .contains("The outlet\u2019s response: The outlet disputes the report.")
                .contains("Source: The outlet's statement of 5 August 2020");
        assertThat(text("outlet-history"))
                .containsPattern(
                        "Profile history: corrected on [A-Z][a-z]{2} \\d{1,2}, \\d{4}; earlier versions: 1\\.");
        Details earlier = $(Details.class).withTestId("outlet-earlier-versions").single();
        assertThat(earlier.getElement().getTextRecursively())
                .contains("Owned by Example Holdings.")
                .doesNotContain("since 2018");
    }
}
