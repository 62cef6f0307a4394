package org.lateral;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build check for unsafe sinks (issue 17, R13): places where text becomes markup or script.
 * Everything a user types reaches the page as text (Vaadin's setText, Lit's text bindings); a sink
 * is only allowed where it was reviewed and its input is built by an escaping method of the same
 * file, and scripts run in the browser are literals with their values passed as parameters
 * ({@code $0}), never concatenated. A new sink fails this test until it is reviewed and listed.
 */
class UnsafeSinksTest {

    private static final Path JAVA = Path.of("src/main/java");
    private static final Path FRONTEND = Path.of("frontend");

    /** Markup sinks in Java, by file and count: reviewed. */
    private static final Map<String, Integer> REVIEWED_MARKUP = Map.of(
            // Tables and the score histogram: every cell and caption goes through escape().
            "org/lateral/dashboard/ui/AssignmentDashboardView.java", 6,
            // A spread drawn from numbers only: no text at all.
            "org/lateral/dashboard/ui/ClassOverviewView.java", 1,
            // Bars from numbers, labelled with the claim types' fixed names: no typed text.
            "org/lateral/dashboard/ui/ProgressView.java", 1,
            // The relay-chain drawing: every outlet and source name goes through escape().
            "org/lateral/submission/ui/CompareFeedbackParts.java", 1);

    /** Of those, the ones that put typed text (names, titles, answers) into the markup. */
    private static final List<String> CARRY_TEXT = List.of(
            "org/lateral/dashboard/ui/AssignmentDashboardView.java",
            "org/lateral/submission/ui/CompareFeedbackParts.java");

    private static final Pattern MARKUP_SINK =
            Pattern.compile("new Html\\(|setProperty\\(\\s*\"(?:innerHTML|outerHTML)\"");

    /** Script sinks in the browser code: none is allowed (Lit renders text; no markup strings). */
    private static final Pattern JS_SINK = Pattern.compile(
            "\\.innerHTML\\s*=|\\.outerHTML\\s*=|insertAdjacentHTML|unsafeHTML|document\\.write|\\beval\\(|new Function\\(");

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix))
                    .filter(p -> !p.toString().contains("node_modules"))
                    .filter(p -> !p.startsWith(FRONTEND.resolve("generated")))
                    .filter(p -> !p.startsWith(FRONTEND.resolve("test")))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void markup_is_only_built_where_it_was_reviewed_and_escaped() throws IOException {
        Map<String, Integer> found = new TreeMap<>();
        for (Path file : files(JAVA, ".java")) {
            String source = read(file);
            Matcher m = MARKUP_SINK.matcher(source);
            int count = 0;
            while (m.find()) {
                count++;
            }
            if (count > 0) {
                String name = JAVA.relativize(file).toString().replace('\\', '/');
                found.put(name, count);
                if (CARRY_TEXT.contains(name)) {
                    assertThat(source)
                            .as("%s puts text into markup: it must escape it", file)
                            .containsPattern("String escape\\(");
                }
            }
        }
        assertThat(found)
                .as("markup sinks (new Html, innerHTML) by file; review a new one and list it here")
                .isEqualTo(new TreeMap<>(REVIEWED_MARKUP));
        System.out.printf(
                "Unsafe sinks: %d reviewed markup sinks in %d files%n",
                found.values().stream().mapToInt(Integer::intValue).sum(), found.size());
    }

    @Test
    void scripts_sent_to_the_browser_are_literals_with_their_values_as_parameters() throws IOException {
        List<String> concatenated = new ArrayList<>();
        int scripts = 0;
        for (Path file : files(JAVA, ".java")) {
            String source = read(file);
            int at = source.indexOf("executeJs(");
            while (at >= 0) {
                scripts++;
                String script = firstArgument(source, at + "executeJs(".length());
                // What is left once string literals and text blocks are taken out must be only the
                // "+" that joins them: a variable, a call or a field would be text spliced into code.
                String rest = script.replaceAll("(?s)\"\"\".*?\"\"\"", "")
                        .replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "")
                        .replaceAll("[+\\s]", "");
                if (!rest.isEmpty()) {
                    concatenated.add(JAVA.relativize(file) + ": " + script.strip());
                }
                at = source.indexOf("executeJs(", at + 1);
            }
        }
        assertThat(scripts).as("scripts found (the scan works)").isPositive();
        assertThat(concatenated).as("executeJs built by concatenation").isEmpty();
        System.out.printf("Unsafe sinks: %d executeJs calls, all literal%n", scripts);
    }

    @Test
    void the_browser_code_never_turns_strings_into_markup_or_code() throws IOException {
        List<String> sinks = new ArrayList<>();
        List<Path> scripts = files(FRONTEND, ".js");
        for (Path file : scripts) {
            String[] lines = read(file).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (!line.startsWith("//")
                        && !line.startsWith("*")
                        && JS_SINK.matcher(line).find()) {
                    sinks.add(file + ":" + (i + 1) + ": " + line);
                }
            }
        }
        assertThat(scripts).as("browser files scanned").isNotEmpty();
        assertThat(sinks).isEmpty();
        System.out.printf("Unsafe sinks: %d browser files, 0 markup or code sinks%n", scripts.size());
    }

    /** The text of the call's first argument: up to the first comma or closing parenthesis at depth 0. */
    static String firstArgument(String source, int from) {
        int depth = 0;
        StringBuilder arg = new StringBuilder();
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                arg.append(source, i, end + 3);
                i = end + 2;
                continue;
            }
            if (c == '"') {
                int j = i + 1;
                while (source.charAt(j) != '"') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                arg.append(source, i, j + 1);
                i = j;
                continue;
            }
            if ((c == ',' || c == ')') && depth == 0) {
                return arg.toString();
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            arg.append(c);
        }
        return arg.toString();
    }

    @Test
    void the_script_scan_tells_literals_from_spliced_text() {
        String literal = "executeJs(\"a\" + \"b\", x)";
        String spliced = "executeJs(\"alert('\" + name + \"')\")";
        assertThat(firstArgument(literal, "executeJs(".length())).isEqualTo("\"a\" + \"b\"");
        assertThat(firstArgument(spliced, "executeJs(".length())
                        .replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "")
                        .replaceAll("[+\\s]", ""))
                .isEqualTo("name");
    }
}
