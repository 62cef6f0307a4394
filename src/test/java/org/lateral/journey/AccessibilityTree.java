package org.lateral.journey;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a screen reader is given, read from Chromium's accessibility tree (the DevTools protocol's
 * {@code Accessibility.getFullAXTree}) rather than from the DOM: a live region hidden with
 * {@code display: none}, {@code aria-hidden} or left out of the tree says nothing, however its
 * text reads in the DOM.
 */
final class AccessibilityTree {

    private AccessibilityTree() {}

    /**
     * The text of every live region (polite or assertive) the accessibility tree exposes, one
     * entry per region, its text nodes joined by spaces.
     */
    static List<String> liveRegionTexts(Page page) {
        CDPSession cdp = page.context().newCDPSession(page);
        try {
            JsonArray nodes = cdp.send("Accessibility.getFullAXTree").getAsJsonArray("nodes");
            Map<String, JsonObject> byId = new HashMap<>();
            for (JsonElement n : nodes) {
                JsonObject node = n.getAsJsonObject();
                byId.put(node.get("nodeId").getAsString(), node);
            }
            List<String> texts = new ArrayList<>();
            for (JsonObject node : byId.values()) {
                String live = property(node, "live");
                if ("polite".equals(live) || "assertive".equals(live)) {
                    StringBuilder text = new StringBuilder();
                    collectText(node, byId, text);
                    texts.add(text.toString().strip());
                }
            }
            return texts;
        } finally {
            cdp.detach();
        }
    }

    /**
     * Whether some live region of the page currently exposes a text containing {@code words},
     * ignoring case (a type named mid-sentence or at its start).
     */
    static boolean announces(Page page, String words) {
        String wanted = words.toLowerCase(java.util.Locale.ROOT);
        return liveRegionTexts(page).stream()
                .anyMatch(t -> t.toLowerCase(java.util.Locale.ROOT).contains(wanted));
    }

    private static void collectText(JsonObject node, Map<String, JsonObject> byId, StringBuilder text) {
        if (node.has("ignored") && node.get("ignored").getAsBoolean()) {
            return;
        }
        String role = value(node.getAsJsonObject("role"));
        if ("StaticText".equals(role)) {
            text.append(' ').append(value(node.getAsJsonObject("name")));
            return;
        }
        if (node.has("childIds")) {
            for (JsonElement id : node.getAsJsonArray("childIds")) {
                JsonObject child = byId.get(id.getAsString());
                if (child != null) {
                    collectText(child, byId, text);
                }
            }
        }
    }

    private static String property(JsonObject node, String name) {
        if (!node.has("properties")) {
            return "";
        }
        for (JsonElement p : node.getAsJsonArray("properties")) {
            JsonObject property = p.getAsJsonObject();
            if (name.equals(property.get("name").getAsString())) {
                return value(property.getAsJsonObject("value"));
            }
        }
        return "";
    }

    private static String value(JsonObject holder) {
        if (holder == null || !holder.has("value") || holder.get("value").isJsonNull()) {
            return "";
        }
        JsonElement v = holder.get("value");
        return v.isJsonPrimitive() ? v.getAsString() : v.toString();
    }
}
