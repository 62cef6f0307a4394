package org.lateral.library.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.upload.Upload;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lateral.LateralTest;
import org.lateral.library.pack.PackZip;
import org.lateral.library.pack.SeedPack;
import org.lateral.library.pack.SeedPackReader;
import org.springframework.security.test.context.support.WithUserDetails;

/** The library page's pack panel: a story set downloads as a pack; an upload shows its report. */
@LateralTest
class PackPanelTest extends SpringBrowserlessTest {

    private byte[] download() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        test($(Anchor.class).withTestId("export-pack").single()).download(out);
        return out.toByteArray();
    }

    private String report() {
        return $(Div.class)
                .withTestId("import-pack-report")
                .single()
                .getElement()
                .getTextRecursively();
    }

    @Test
    @WithUserDetails("teacher")
    void the_story_set_downloads_as_a_pack_and_uploading_it_again_finds_everything_already_there() {
        navigate(LibraryView.class);
        byte[] zip = download();
        SeedPack pack = SeedPackReader.read(PackZip.read("defectors", zip));
        assertThat(pack.articles()).hasSize(5);
        assertThat(pack.keys()).hasSize(5);

        test($(Upload.class).withTestId("import-pack").single()).upload("defectors.zip", "application/zip", zip);
        assertThat(report())
                .contains("Imported")
                .contains("Already in the library")
                .contains("5 articles");
    }

    @Test
    @WithUserDetails("teacher")
    void a_hostile_upload_is_refused_with_its_reason() {
        navigate(LibraryView.class);
        byte[] evil = PackZip.write(Map.of("pack.yaml", "id: x", "../escape.txt", "boo"));
        test($(Upload.class).withTestId("import-pack").single()).upload("evil.zip", "application/zip", evil);
        assertThat(report())
                .contains("Nothing was imported")
                .contains("The entry \u2018../escape.txt\u2019 points outside the pack (\u2018..\u2019).");
    }

    /**
     * A zip that opens but whose pack is wrong: no id in pack.yaml, an outlet of an unknown kind, an
     * article that pack.yaml lists but the zip lacks.
     */
    private static byte[] brokenPack() {
        return PackZip.write(Map.of(
                "pack.yaml",
                "title: Tiny\nmaturity: None\narticles: [one]\n",
                "outlets.yaml",
                "outlets:\n  - slug: daily\n    id: 6a5b2f0e-1111-4c5e-9a33-000000000002\n"
                        + "    name: The Daily Example\n    kind: pamphlet\n"));
    }

    @Test
    @WithUserDetails("teacher")
    void a_pack_with_mistakes_in_its_files_is_refused_with_every_finding() {
        navigate(LibraryView.class);
        test($(Upload.class).withTestId("import-pack").single()).upload("broken.zip", "application/zip", brokenPack());
        assertThat(report())
                .contains("Nothing was imported from “broken”:")
                .contains("pack.yaml: needs \u2018id\u2019")
                .contains(
                        "outlets.yaml: outlet \u2018daily\u2019: kind \u2018pamphlet\u2019 is not one of news-agency,")
                .contains("articles/one.txt: the file is missing (pack.yaml lists \u2018one\u2019)");
    }

    /** The pack checker's findings are made where the language is not known and worded by the page. */
    @Test
    @WithUserDetails("teacher")
    void the_findings_about_a_pack_s_files_read_in_spanish_on_a_spanish_page() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("es-ES"));
        navigate(LibraryView.class);
        test($(Upload.class).withTestId("import-pack").single()).upload("broken.zip", "application/zip", brokenPack());
        assertThat(report())
                .contains("No se importó nada de «broken»:")
                .contains("pack.yaml: falta \u2018id\u2019")
                .contains(
                        "outlets.yaml: medio \u2018daily\u2019: kind \u2018pamphlet\u2019 no es ninguno de estos: news-agency,")
                .contains("articles/one.txt: falta el archivo (pack.yaml incluye \u2018one\u2019)")
                .doesNotContain("needs", "is not one of", "the file is missing", "outlet \u2018daily\u2019");
    }

    /** The refusal is made where the language is not known and worded by the page (DD034). */
    @Test
    @WithUserDetails("teacher")
    void a_refused_upload_on_a_spanish_page_reads_in_spanish() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("es-ES"));
        navigate(LibraryView.class);
        byte[] evil = PackZip.write(Map.of("pack.yaml", "id: x", "../escape.txt", "boo"));
        test($(Upload.class).withTestId("import-pack").single()).upload("evil.zip", "application/zip", evil);
        assertThat(report())
                .contains("No se importó nada de «evil»:")
                .contains("La entrada \u2018../escape.txt\u2019 apunta fuera del paquete (\u2018..\u2019).")
                .doesNotContain("points outside the pack", "Nothing was imported");
    }
}
