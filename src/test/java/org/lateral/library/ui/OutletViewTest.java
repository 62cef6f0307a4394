package org.lateral.library.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.UnorderedList;
import org.junit.jupiter.api.Test;
import org.lateral.LateralTest;
import org.lateral.SignedIn;
import org.lateral.library.LibraryService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

@LateralTest
class OutletViewTest extends SpringBrowserlessTest {

    @Autowired
    LibraryService library;

    @Autowired
    UserDetailsService users;

    @Test
    @WithUserDetails("teacher")
    void an_outlet_profile_shows_kind_ownership_with_its_source_and_the_outlets_articles() {
        String outletId;
        try (var signedIn = SignedIn.as(users, "teacher")) {
            outletId = library.articles("new eastern").getFirst().outletId().toString();
        }
        navigate(OutletView.class, outletId);
        String profile =
                $(Div.class).withTestId("outlet-profile").single().getElement().getTextRecursively();
        assertThat(profile)
                .contains("Online journal")
                .contains("Global Engagement Center")
                .contains("Where this comes from");
        assertThat($(UnorderedList.class)
                        .withTestId("outlet-articles")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .contains("Can We just Write ISIS Off?");
    }
}
