package org.lateral.base.highlighter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Type-checks the highlighter's JavaScript with TypeScript's checker ({@code tsc --noEmit} on
 * frontend/claim-highlighter/tsconfig.json: {@code checkJs}, strict, the JSDoc types in the
 * files), so `./mvnw verify` fails on a type error as it does on a Java one (DD008). TypeScript
 * is the one the frontend build installs into node_modules (Vaadin lists it among its
 * devDependencies in package.json); this test runs after that build, in the test phase.
 */
class FrontendTypesTest {

    private static final Path TSC = Path.of("node_modules", "typescript", "bin", "tsc");
    private static final Path PROJECT = Path.of("frontend", "claim-highlighter", "tsconfig.json");
    /** The compare step's element (DD015), checked the same way. */
    private static final Path COMPARE_PROJECT = Path.of("frontend", "compare-work", "tsconfig.json");

    @Test
    void the_highlighter_javascript_passes_the_typescript_checker() throws Exception {
        check(PROJECT);
    }

    @Test
    void the_compare_work_javascript_passes_the_typescript_checker() throws Exception {
        check(COMPARE_PROJECT);
    }

    private static void check(Path project) throws Exception {
        Path node = FrontendHelpersTest.findNode()
                .orElseThrow(() -> new AssertionError(
                        "No Node.js found on PATH or under ~/.vaadin; run .ci/provision-node.sh (see README)"));
        assertThat(TSC)
                .as("TypeScript, installed by the frontend build (./mvnw process-classes)")
                .isRegularFile();
        assertThat(project).isRegularFile();

        Process process = new ProcessBuilder(
                        List.of(node.toString(), TSC.toString(), "-p", project.toString(), "--pretty", "false"))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("tsc finished").isTrue();

        assertThat(process.exitValue())
                .as("tsc exit code; its output:%n%s", output)
                .isZero();
        assertThat(output).as("tsc reports nothing when the types check").isBlank();
        try (var files = Files.list(project.getParent())) {
            assertThat(files.filter(f -> f.toString().endsWith(".js")))
                    .as("every highlighter module opts in with // @ts-check, so editors check it too")
                    .allSatisfy(f -> assertThat(Files.readString(f)).startsWith("// @ts-check"));
        }
    }
}
