package org.lateral.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lateral.base.text.Tokens;
import org.lateral.library.text.CanonicalText;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's open Frisky assignment as the process tests mark it: a student's marking page opened
 * through a {@link VaadinClient}, and marks on the article's words in the form the highlighter
 * sends them to saveMark (one word each, mark {@code i} on the article's {@code i}-th word).
 */
public final class FriskyMarking {

    private static final Pattern ASSIGNMENT = Pattern.compile("assignment/([0-9a-f-]{36})");

    private final String text;
    private final int[] words;

    public FriskyMarking() throws IOException {
        text = CanonicalText.normalise(Files.readString(Path.of("seeds/defectors/articles/000-the-frisky.txt"))
                .split("\n---\n", 2)[1]);
        words = Tokens.words(text);
    }

    /**
     * Opens the Frisky assignment's marking page for the signed-in student and returns the
     * highlighter's state node; the first of the student's assignments whose page marks that
     * article's text (the demo's comparison and its two-step lesson show other pages).
     */
    public static int open(VaadinClient client) throws IOException, InterruptedException {
        route(client);
        return client.nodeWithId("claim-highlighter").orElseThrow();
    }

    /**
     * Finds the Frisky assignment's marking page as {@link #open} does and returns its route
     * ({@code assignment/<id>}), the same for every student of the demo class; the page stays open.
     */
    public static String route(VaadinClient client) throws IOException, InterruptedException {
        Matcher link = ASSIGNMENT.matcher(client.open("my"));
        while (link.find()) {
            String route = "assignment/" + link.group(1);
            String page = client.open(route);
            if (page.contains("claim-highlighter") && page.contains("Reportedly Defects")) {
                return route;
            }
        }
        throw new AssertionError("The student has no open Frisky assignment");
    }

    /** How many distinct marks {@link #mark} can make. */
    public int capacity() {
        return words.length / 2;
    }

    /** A new mark (seq 1) on the {@code i}-th word, as saveMark's argument. */
    public ObjectNode mark(UUID markId, int i) {
        int start = words[2 * (i % capacity())];
        int end = words[2 * (i % capacity()) + 1];
        return VaadinClient.object()
                .put("markId", markId.toString())
                .put("seq", 1)
                .put("start", start)
                .put("end", end)
                .put("exact", text.substring(start, end))
                .put("prefix", "")
                .put("suffix", "")
                .put("type", "factual")
                .put("deleted", false);
    }

    /** Whether a saveMark answer says that this mark was saved (the page then shows Saved). */
    public static boolean saved(String response, UUID markId) {
        return response.contains("\"status\":\"saved\"") && response.contains(markId.toString());
    }
}
