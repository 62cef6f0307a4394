package org.lateral.library.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.Fixtures;
import org.lateral.LateralTest;
import org.lateral.SignedIn;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.library.LibraryService;
import org.lateral.library.OutletKind;
import org.lateral.library.importing.ArticleImportService;
import org.lateral.library.importing.EditableOutlet;
import org.lateral.library.importing.OutletCorrection;
import org.lateral.library.importing.OutletEditService;
import org.lateral.library.importing.PastedArticle;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

/** Correcting an own outlet's profile from its page: owner only, a new version, back to the profile (DD012). */
@LateralTest
class OutletEditViewTest extends SpringBrowserlessTest {

    static final String OWNER = "outlet-view-owner";
    static final String COLLEAGUE = "outlet-view-colleague";

    static @Nullable UUID school;

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ArticleImportService imports;

    @Autowired
    OutletEditService outlets;

    @Autowired
    LibraryService library;

    @Autowired
    UserDetailsService users;

    @BeforeEach
    void twoTeachersOfOneSchool() {
        if (school != null) {
            return;
        }
        UUID id = fixtures.school("Outlet edit view school");
        administration.ensureAccount(id, OWNER, "Mx Owner", Set.of(Role.TEACHER), Fixtures.PASSWORD);
        administration.ensureAccount(id, COLLEAGUE, "Mx Colleague", Set.of(Role.TEACHER), Fixtures.PASSWORD);
        school = id;
    }

    /** A fresh outlet of the owner's, created by importing an article that names it. */
    private UUID ownersOutlet(String name) {
        try (var signedIn = SignedIn.as(users, OWNER)) {
            UUID article = imports.save(imports.preview(new PastedArticle(
                            "Ferry news from " + name + "\n\nResidents voted to keep the ferry.",
                            null,
                            name,
                            null,
                            null,
                            null)))
                    .articleId();
            return library.reading(article).orElseThrow().outlet().id();
        }
    }

    @Test
    @WithUserDetails(value = OWNER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_owner_corrects_the_profile_and_its_history_lists_the_earlier_version() {
        UUID id = ownersOutlet("The Estuary Post");
        navigate(OutletView.class, id.toString());
        test($(Button.class).withTestId("outlet-edit").single()).click();
        assertThat(getCurrentView()).isInstanceOf(OutletEditView.class);
        assertThat($(TextField.class).withTestId("outlet-edit-name").single().getValue())
                .isEqualTo("The Estuary Post");
        @SuppressWarnings("unchecked")
        Select<OutletKind> kind = $(Select.class).withTestId("outlet-edit-kind").single();
        assertThat(kind.getValue()).isEqualTo(OutletKind.NEWSPAPER);
        assertThat($(TextArea.class)
                        .withTestId("outlet-edit-description")
                        .single()
                        .getValue())
                .isEmpty();

        test($(TextField.class).withTestId("outlet-edit-name").single()).setValue("The Estuary Evening Post");
        kind.setValue(OutletKind.BLOG);
        test($(TextArea.class).withTestId("outlet-edit-description").single())
                .setValue("A blog about the estuary's towns, written by two former reporters.");
        test($(TextField.class).withTestId("outlet-edit-home").single()).setValue("https://estuary-post.example/");
        test($(Button.class).withTestId("outlet-edit-save").single()).click();

        assertThat(getCurrentView()).isInstanceOf(OutletView.class);
        String profile =
                $(Div.class).withTestId("outlet-profile").single().getElement().getTextRecursively();
        assertThat(profile)
                .contains("Blog")
                .contains("A blog about the estuary's towns")
                .contains("https://estuary-post.example/")
                .contains("earlier versions: 1");
        assertThat($(ListItem.class)
                        .withTestId("outlet-earlier-version")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .contains("The Estuary Post");
    }

    @Test
    @WithUserDetails(value = OWNER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void saving_unchanged_or_over_a_newer_version_says_so_and_stays_on_the_form() {
        UUID id = ownersOutlet("The Estuary Courier");
        navigate(OutletEditView.class, id.toString());
        test($(Button.class).withTestId("outlet-edit-save").single()).click();
        assertThat($(Div.class).withTestId("outlet-edit-error").single().getText())
                .isEqualTo("Nothing was changed, so no new version of the profile was saved.");

        // Another tab saves a correction meanwhile.
        try (var signedIn = SignedIn.as(users, OWNER)) {
            EditableOutlet other = outlets.editable(id);
            OutletCorrection c = other.asCorrection();
            outlets.saveEdit(
                    id,
                    other.version(),
                    new OutletCorrection(
                            c.name(),
                            c.kind(),
                            "Ireland",
                            c.ownership(),
                            c.ownershipSource(),
                            c.publisher(),
                            c.publisherSource(),
                            c.description(),
                            c.homeUrl()));
        }

        test($(TextField.class).withTestId("outlet-edit-country").single()).setValue("Wales");
        test($(Button.class).withTestId("outlet-edit-save").single()).click();
        assertThat(getCurrentView()).isInstanceOf(OutletEditView.class);
        assertThat($(Div.class).withTestId("outlet-edit-error").single().getText())
                .isEqualTo("Someone changed this outlet\u2019s profile since you opened it; reload to see it.");
        try (var signedIn = SignedIn.as(users, OWNER)) {
            assertThat(library.outlet(id).orElseThrow().country()).isEqualTo("Ireland");
        }
    }

    @Test
    @WithUserDetails(value = COLLEAGUE, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_colleague_reads_the_profile_without_an_edit_button_and_the_form_refuses_them() {
        UUID id = ownersOutlet("The Estuary Gazette");
        navigate(OutletView.class, id.toString());
        assertThat($(Div.class)
                        .withTestId("outlet-profile")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .contains("Newspaper");
        assertThat($(Button.class).withTestId("outlet-edit").all()).isEmpty();

        navigate(OutletEditView.class, id.toString());
        assertThat($(Div.class).withTestId("outlet-edit-error").single().getText())
                .isEqualTo("This outlet belongs to another teacher; you can read its profile but not change it.");
        assertThat($(Button.class).withTestId("outlet-edit-save").all()).isEmpty();
    }
}
