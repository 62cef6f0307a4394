package org.lateral.library.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Plain text out of parsed HTML, one string per block (paragraph, heading, list item, quote…), in
 * page order. Only text nodes are read: attributes (event handlers, links, styles) and data nodes
 * (scripts, styles, JSON) never reach the result.
 */
final class PageText {

    /** Elements that start a new paragraph; everything else is inline and joins its neighbours. */
    private static final Set<String> BLOCKS = Set.of(
            "address",
            "article",
            "aside",
            "blockquote",
            "body",
            "dd",
            "details",
            "dialog",
            "div",
            "dl",
            "dt",
            "fieldset",
            "figcaption",
            "figure",
            "footer",
            "form",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "header",
            "hr",
            "li",
            "main",
            "nav",
            "ol",
            "p",
            "pre",
            "section",
            "summary",
            "table",
            "tbody",
            "td",
            "tfoot",
            "th",
            "thead",
            "tr",
            "ul",
            "caption",
            "menu");

    /** Never text: whatever they hold is code, styling or an embedded object. */
    static final String NOT_TEXT =
            "head, title, script, style, noscript, template, iframe, frame, frameset, object, embed, applet, svg, math, canvas, "
                    + "video, audio, source, track, map, link, meta, base, input, select, option, textarea, button";

    private PageText() {}

    static List<String> blocks(Element root) {
        List<String> blocks = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        walk(root, blocks, line);
        flush(blocks, line);
        return blocks;
    }

    private static void walk(Node node, List<String> blocks, StringBuilder line) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode text) {
                // Line breaks in the source are only spaces in HTML; only <br> breaks a line.
                line.append(text.getWholeText().replaceAll("\\s+", " "));
            } else if (child instanceof Element element) {
                String tag = element.normalName();
                if (element.is(NOT_TEXT)) {
                    continue;
                }
                if (tag.equals("br")) {
                    line.append('\n');
                } else if (tag.equals("pre")) {
                    flush(blocks, line);
                    String kept = element.wholeText().strip();
                    if (!kept.isEmpty()) {
                        blocks.add(kept);
                    }
                } else if (BLOCKS.contains(tag)) {
                    flush(blocks, line);
                    walk(element, blocks, line);
                    flush(blocks, line);
                } else {
                    walk(element, blocks, line);
                }
            }
        }
    }

    /** HTML whitespace rules: runs collapse to one space, except the line breaks of {@code <br>}. */
    private static void flush(List<String> blocks, StringBuilder line) {
        String[] lines = line.toString().split("\n", -1);
        line.setLength(0);
        StringBuilder out = new StringBuilder();
        for (String l : lines) {
            String collapsed = l.replaceAll(" {2,}", " ").strip();
            if (!collapsed.isEmpty()) {
                if (!out.isEmpty()) {
                    out.append('\n');
                }
                out.append(collapsed);
            }
        }
        if (!out.isEmpty()) {
            blocks.add(out.toString());
        }
    }
}
