package org.lateral.base.highlighter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the highlighter's JavaScript unit tests (frontend/test/*.test.js) with Node's own test
 * runner, so `./mvnw verify` covers them too. Node is the one Vaadin builds the frontend with:
 * the first on PATH, otherwise the newest one Vaadin installed under ~/.vaadin.
 */
class FrontendHelpersTest {

    @Test
    void the_offset_helpers_pass_their_node_tests() throws Exception {
        Path node = findNode()
                .orElseThrow(() -> new AssertionError(
                        "No Node.js found on PATH or under ~/.vaadin; run .ci/provision-node.sh (see README)"));
        List<String> command = new ArrayList<>(List.of(node.toString(), "--test", "--test-reporter=tap"));
        try (Stream<Path> files = Files.list(Path.of("frontend", "test"))) {
            files.filter(f -> f.getFileName().toString().endsWith(".test.js"))
                    .sorted()
                    .forEach(f -> command.add(f.toString()));
        }
        assertThat(command).as("JavaScript test files").hasSizeGreaterThan(2);

        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        System.out.println(output);

        assertThat(process.exitValue())
                .as("node --test exit code; output:%n%s", output)
                .isZero();
        Matcher pass = Pattern.compile("(?m)^# pass (\\d+)$").matcher(output);
        assertThat(pass.find()).as("node reported its passed tests").isTrue();
        assertThat(Integer.parseInt(pass.group(1))).isPositive();
        assertThat(output).containsPattern("(?m)^# fail 0$");
    }

    static Optional<Path> findNode() throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, "node");
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        Path vaadin = Path.of(System.getProperty("user.home"), ".vaadin");
        if (!Files.isDirectory(vaadin)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(vaadin)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("node"))
                    .map(d -> d.resolve("bin").resolve("node"))
                    .filter(Files::isExecutable)
                    .max(Comparator.comparing(Path::toString));
        }
    }
}
