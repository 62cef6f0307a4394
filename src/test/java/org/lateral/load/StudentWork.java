package org.lateral.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lateral.base.text.Tokens;
import org.lateral.harness.FriskyMarking;
import org.lateral.harness.VaadinClient;
import org.lateral.library.text.CanonicalText;
import org.lateral.submission.MarkClaimsModel;
import org.lateral.submission.SourceWorkModel;
import tools.jackson.databind.node.ObjectNode;

/**
 * What one virtual student does on the page, as the browser's outbox sends it: each save is one
 * {@code @ClientCallable} call on the highlighter with a new item's full state (seq 1), whose id
 * the answer must name with status "saved". Two kinds, chosen by {@code --work}: marking claims
 * on the demo's Frisky assignment, or the "Who says so?" lesson's sources step (sources, their
 * mentions in the text, links from claims to them).
 */
interface StudentWork {

    /**
     * Opens the page for a signed-in student and gets it ready to save: the state node of the
     * highlighter. Anything it saves on the way (the marks a sources step needs first) is named in
     * {@code setupIds}, so that the database check can tell them from the measured saves.
     */
    int open(VaadinClient client, Set<String> setupIds) throws IOException, InterruptedException;

    /** How many saves one student can make before the page's limits refuse more. */
    int capacity();

    /** The {@code i}-th save, with {@code newId} giving the ids of new items. */
    Save save(int i, Supplier<UUID> newId);

    /** One call: the method, the new item's id the answer must carry, the state. */
    record Save(String method, String id, ObjectNode state) {}

    /**
     * One kind of work: the page's route ({@code assignment/<id>}, also naming the assignment
     * whose dashboard teachers watch) and a new work for each student (a sources step keeps what
     * it made).
     */
    record Kind(String route, Supplier<StudentWork> forStudent) {}

    /** Finds the page of this kind of work with a first signed-in student; the same for the class. */
    static Kind find(String work, VaadinClient scout) throws IOException, InterruptedException {
        return switch (work) {
            case "marks" -> {
                FriskyMarking marking = new FriskyMarking();
                String route = FriskyMarking.route(scout);
                yield new Kind(route, () -> new Marks(marking, route));
            }
            case "sources" -> {
                String route = Sources.route(scout);
                String text =
                        CanonicalText.normalise(Files.readString(Path.of("seeds/defectors/articles/002-isegoria.txt"))
                                .split("\n---\n", 2)[1]);
                int[] words = Tokens.words(text);
                yield new Kind(route, () -> new Sources(route, text, words));
            }
            default -> throw new IllegalArgumentException("--work is marks or sources; got " + work);
        };
    }

    /** New claim marks, one word each, on the Frisky assignment's marking page. */
    final class Marks implements StudentWork {
        private final FriskyMarking marking;
        private final String route;

        Marks(FriskyMarking marking, String route) {
            this.marking = marking;
            this.route = route;
        }

        @Override
        public int open(VaadinClient client, Set<String> setupIds) throws IOException, InterruptedException {
            String page = client.open(route);
            int highlighter = client.nodeWithId("claim-highlighter")
                    .orElseThrow(() -> new IOException(
                            "The marking page has no highlighter: " + page.substring(0, Math.min(200, page.length()))));
            client.call(highlighter, "drawn"); // as the browser does once the text is drawn
            return highlighter;
        }

        @Override
        public int capacity() {
            return Math.min(marking.capacity(), MarkClaimsModel.MAX_MARKS_PER_ATTEMPT);
        }

        @Override
        public Save save(int i, Supplier<UUID> newId) {
            UUID id = newId.get();
            return new Save("saveMark", id.toString(), marking.mark(id, i));
        }
    }

    /**
     * The lesson's sources step: a student first marks two claims in step 1 and submits it through
     * the page's button and confirm dialog (as {@code SourceStreamCrashIT} does), then, in turn,
     * adds a source, marks where the text names it, and links one of the two claims to it.
     */
    final class Sources implements StudentWork {
        /** The demo's two-step lesson (DemoSeeder.LESSON_TITLE is package-private to the demo). */
        static final String LESSON_TITLE = "Who says so? A former ISIS spy, in two steps";

        private static final Pattern ASSIGNMENT = Pattern.compile("assignment/([0-9a-f-]{36})");

        private final String route;
        private final String text;
        private final int[] words;
        private final List<String> claims = new ArrayList<>();
        private String source = "";

        Sources(String route, String text, int[] words) {
            this.route = route;
            this.text = text;
            this.words = words;
        }

        static String route(VaadinClient scout) throws IOException, InterruptedException {
            Matcher link = ASSIGNMENT.matcher(scout.open("my"));
            while (link.find()) {
                String route = "assignment/" + link.group(1);
                if (scout.open(route).contains(LESSON_TITLE)) {
                    return route;
                }
            }
            throw new IOException("The student has no open lesson \"" + LESSON_TITLE + "\"");
        }

        @Override
        public int open(VaadinClient client, Set<String> setupIds) throws IOException, InterruptedException {
            client.open(route);
            int step1 = client.nodeWithId("claim-highlighter")
                    .orElseThrow(() -> new IOException("The lesson's first step has no highlighter"));
            for (int i = 0; i < 2; i++) {
                String markId = UUID.randomUUID().toString();
                int start = words[4 * i];
                int end = words[4 * i + 3];
                String answer = client.call(
                        step1,
                        "saveMark",
                        VaadinClient.object()
                                .put("markId", markId)
                                .put("seq", 1)
                                .put("start", start)
                                .put("end", end)
                                .put("exact", text.substring(start, end))
                                .put("prefix", "")
                                .put("suffix", "")
                                .put("type", "factual")
                                .put("deleted", false));
                if (!answer.contains("\"status\":\"saved\"")) {
                    throw new IOException("A claim of the first step was not saved: " + answer);
                }
                claims.add(markId);
                setupIds.add(markId);
            }
            client.event(
                    client.nodeWithAttribute("data-testid", "submit-attempt")
                            .orElseThrow(() -> new IOException("The first step has no submit button")),
                    "click",
                    VaadinClient.click());
            client.event(
                    client.nodeWithTag("vaadin-confirm-dialog")
                            .orElseThrow(() -> new IOException("Submitting asked for no confirmation")),
                    "confirm",
                    VaadinClient.object());
            // The first step's UI is left as a closed tab leaves it, so it holds no memory meanwhile.
            client.close();
            String step2 = client.open(route);
            if (!step2.contains("\"sources\"")) {
                throw new IOException("The sources step did not open after the first step was submitted");
            }
            int highlighter = client.nodeWithId("claim-highlighter")
                    .orElseThrow(() -> new IOException("The sources step has no highlighter"));
            client.call(highlighter, "drawn"); // as the browser does once the text is drawn
            return highlighter;
        }

        @Override
        public int capacity() {
            // Every third save adds a source; the attempt holds at most so many.
            return 3 * SourceWorkModel.MAX_SOURCES_PER_ATTEMPT;
        }

        @Override
        public Save save(int i, Supplier<UUID> newId) {
            String id = newId.get().toString();
            int n = i / 3;
            return switch (i % 3) {
                case 0 -> {
                    source = id;
                    yield new Save(
                            "saveSource",
                            id,
                            VaadinClient.object()
                                    .put("sourceId", id)
                                    .put("seq", 1)
                                    .put("name", "Source " + n)
                                    .put("kind", "anonymous")
                                    .put("origin", "relayed")
                                    .put("relayedFrom", "The Daily Beast")
                                    .put("deleted", false));
                }
                case 1 -> {
                    int w = n % (words.length / 2);
                    int start = words[2 * w];
                    int end = words[2 * w + 1];
                    yield new Save(
                            "saveMention",
                            id,
                            VaadinClient.object()
                                    .put("mentionId", id)
                                    .put("seq", 1)
                                    .put("sourceId", source)
                                    .put("start", start)
                                    .put("end", end)
                                    .put("exact", text.substring(start, end))
                                    .put("prefix", "")
                                    .put("suffix", "")
                                    .put("deleted", false));
                }
                default ->
                    new Save(
                            "saveLink",
                            id,
                            VaadinClient.object()
                                    .put("linkId", id)
                                    .put("seq", 1)
                                    .put("claimRef", claims.get(n % claims.size()))
                                    .put("sourceId", source)
                                    .put("deleted", false));
            };
        }
    }
}
