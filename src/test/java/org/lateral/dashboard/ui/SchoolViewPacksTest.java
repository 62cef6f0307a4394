package org.lateral.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.lateral.LateralTest;
import org.lateral.library.pack.PackZip;
import org.lateral.library.pack.SeedPack;
import org.lateral.library.pack.SeedPackReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The school view's pack panel (DD020): the demo school admin, who does not teach and so has no
 * library page, downloads the school's story set as a pack and uploads it again there.
 */
@LateralTest
class SchoolViewPacksTest extends SpringBrowserlessTest {

    @Autowired
    UserDetailsService users;

    @Test
    @WithUserDetails("admin")
    void the_admin_who_does_not_teach_finds_the_packs_on_the_school_view_and_exports_and_imports_there() {
        assertThat(users.loadUserByUsername("admin").getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_ADMIN");
        navigate(SchoolView.class);
        assertThat($(H3.class).withTestId("pack-heading").single().getText())
                .isEqualTo("Exercise packs: a story set in one file");
        assertThat($(Paragraph.class).withTestId("pack-about").single().getText())
                .startsWith(
                        "A pack is one story set of the library, with its articles, outlet profiles and answer keys");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        test($(Anchor.class).withTestId("export-pack").single()).download(out);
        SeedPack pack = SeedPackReader.read(PackZip.read("defectors", out.toByteArray()));
        assertThat(pack.articles()).hasSize(5);

        test($(Upload.class).withTestId("import-pack").single())
                .upload("defectors.zip", "application/zip", out.toByteArray());
        assertThat($(Div.class)
                        .withTestId("import-pack-report")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .contains("Imported")
                .contains("Already in the library")
                .contains("5 articles");
    }
}
