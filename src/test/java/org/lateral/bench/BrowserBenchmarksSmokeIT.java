package org.lateral.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lateral.harness.LateralProcess;

/**
 * The browser benchmarks still work (README, "Browser timing"): against the production jar, a few
 * marks through {@link ClickToSaved} and one first visit through {@link FirstVisitJavaScript}. The
 * figures are printed and prove nothing about speed at this size; the full runs are separate
 * commands. What is checked is that each measurement happened, and that the jar serves its
 * scripts compressed both to a browser that offers Brotli and to one that offers only gzip (plain
 * HTTP to a name that is not loopback).
 */
class BrowserBenchmarksSmokeIT {

    private static final LateralProcess lateral = new LateralProcess();
    private static Playwright playwright;

    @BeforeAll
    static void start() throws Exception {
        lateral.start(1);
        playwright = org.lateral.journey.Browser.playwright();
    }

    @AfterAll
    static void stop() throws Exception {
        playwright.close();
        lateral.close();
    }

    @Test
    void three_marks_are_timed_from_the_click_to_saved_beside_both_baselines() {
        try (Browser chromium = org.lateral.journey.Browser.chromium(playwright)) {
            ClickToSaved.Result result = ClickToSaved.run(chromium, lateral.base(), "student2", 3);
            System.out.print(result.text());
            assertThat(result.marksOnPage()).isEqualTo(3);
            for (ClickToSaved.Summary summary : List.of(
                    result.clickToSaved(),
                    result.clickToDrawn(),
                    result.markRequest(),
                    result.vaadinRoundTrip(),
                    result.vaadinRequest(),
                    result.plainDom())) {
                assertThat(summary.count()).isEqualTo(3);
                assertThat(summary.p50()).isPositive(); // -1 when a step or the request was not seen
            }
            assertThat(result.clickToDrawn().max())
                    .as("the mark is drawn before the server's answer says it is saved")
                    .isLessThanOrEqualTo(result.clickToSaved().max());
        }
    }

    @Test
    void a_first_visit_gets_every_script_as_brotli_on_loopback() {
        try (Browser chromium = org.lateral.journey.Browser.chromium(playwright)) {
            FirstVisitJavaScript.Result result = FirstVisitJavaScript.run(chromium, lateral.base(), "student3");
            System.out.print(result.text());
            assertThat(result.acceptEncoding()).contains("br");
            assertCompressed(result, "br");
        }
    }

    @Test
    void a_first_visit_over_plain_http_to_a_school_host_name_gets_every_script_gzipped() {
        try (Browser chromium = org.lateral.journey.Browser.chromium(
                playwright, List.of("--host-resolver-rules=MAP lateral.school 127.0.0.1"))) {
            URI base = URI.create("http://lateral.school:" + lateral.base().getPort() + "/");
            FirstVisitJavaScript.Result result = FirstVisitJavaScript.run(chromium, base, "student4");
            System.out.print(result.text());
            assertThat(result.acceptEncoding()).as("no Brotli offered").doesNotContain("br");
            assertCompressed(result, "gzip");
        }
    }

    private static void assertCompressed(FirstVisitJavaScript.Result result, String encoding) {
        List<FirstVisitJavaScript.Download> scripts = result.downloads().stream()
                .filter(FirstVisitJavaScript.Download::script)
                .toList();
        assertThat(scripts).as("scripts of the first visit").hasSizeGreaterThan(5);
        assertThat(scripts)
                .allSatisfy(
                        script -> assertThat(script.encoding()).as(script.url()).isEqualTo(encoding));
        assertThat(result.scriptWire()).isLessThan(result.scriptDecoded() / 2);
    }
}
