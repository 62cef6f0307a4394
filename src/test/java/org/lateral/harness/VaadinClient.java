package org.lateral.harness;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A minimal client that speaks Vaadin Flow's client–server protocol the way the browser does
 * (shared/research/performance.md §4): a cookie jar, sign-in, {@code v-r=init} for the UI id and
 * the security key, then UIDL messages that echo {@code syncId} and {@code clientId}, one request in
 * flight. It calls the highlighter's saves as published event handlers and fires DOM events (a
 * button's click, a dialog's confirm). Used by the crash tests now and by the load harness later;
 * loopback only.
 */
public final class VaadinClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern NODE_WITH_ID =
            Pattern.compile("\\{\"node\":(\\d+),\"type\":\"put\",\"key\":\"id\",\"feat\":3,\"value\":\"([^\"]+)\"\\}");

    /** Spring Security's CSRF token as Vaadin writes it into every page. */
    public static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final HttpClient http;
    private final URI base;
    private int uiId;
    private String csrf = "";
    private int syncId;
    private int clientId;
    private int promise;
    private String lastResponse = "";
    private int heartbeatSeconds = 300;

    public VaadinClient(URI base) {
        this(base, new CookieManager());
    }

    /** With a cookie jar the caller can read, to see which session the client is in. */
    public VaadinClient(URI base, CookieManager cookies) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Spring Security's form login, as the login page posts it. */
    public void signIn(String username, String password) throws IOException, InterruptedException {
        String page = get("login").body();
        // The login form sends Spring Security's CSRF token, which the page carries in a meta tag.
        Matcher token = CSRF_META.matcher(page);
        if (!token.find()) {
            throw new IOException("The login page carries no CSRF token");
        }
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(base.resolve("login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new IOException("Sign-in failed: " + response.statusCode() + " " + location);
        }
    }

    /** Opens a UI on a route and returns the raw changes of the first response. */
    public String open(String route) throws IOException, InterruptedException {
        HttpResponse<String> init = get("?v-r=init&location=" + URLEncoder.encode(route, StandardCharsets.UTF_8));
        JsonNode config = JSON.readTree(init.body()).get("appConfig");
        uiId = config.get("v-uiId").asInt();
        if (config.has("heartbeatInterval")) {
            heartbeatSeconds = config.get("heartbeatInterval").asInt();
        }
        JsonNode uidl = config.get("uidl");
        csrf = uidl.get("Vaadin-Security-Key").asString();
        syncId = uidl.has("syncId") ? uidl.get("syncId").asInt() : 0;
        clientId = uidl.has("clientId") ? uidl.get("clientId").asInt() : 0;
        lastResponse = uidl.toString();
        ArrayNode rpc = JSON.createArrayNode();
        ObjectNode navigate =
                rpc.addObject().put("type", "event").put("node", 1).put("event", "ui-navigate");
        navigate.putObject("data")
                .put("route", route)
                .put("query", "")
                .put("appShellTitle", "")
                .put("trigger", "")
                .putObject("historyState")
                .put("idx", 0);
        lastResponse = lastResponse + send(rpc);
        return lastResponse;
    }

    /** The state node of the element with this DOM id, from the changes seen so far. */
    public Optional<Integer> nodeWithId(String id) {
        Matcher m = NODE_WITH_ID.matcher(lastResponse);
        while (m.find()) {
            if (m.group(2).equals(id)) {
                return Optional.of(Integer.parseInt(m.group(1)));
            }
        }
        return Optional.empty();
    }

    /**
     * The state node of the element whose attribute {@code name} (as {@code setTestId} sets
     * {@code data-testid}) has this value, from the changes seen so far.
     */
    public Optional<Integer> nodeWithAttribute(String name, String value) {
        return lastNode(name, value);
    }

    /** The state node of the last element attached with this tag name, from the changes seen so far. */
    public Optional<Integer> nodeWithTag(String tag) {
        return lastNode("tag", tag);
    }

    private Optional<Integer> lastNode(String key, String value) {
        Matcher m = Pattern.compile("\\{\"node\":(\\d+),\"type\":\"put\",\"key\":\"" + Pattern.quote(key)
                        + "\",\"feat\":\\d+,\"value\":\"" + Pattern.quote(value) + "\"\\}")
                .matcher(lastResponse);
        Integer node = null;
        while (m.find()) {
            node = Integer.parseInt(m.group(1));
        }
        return Optional.ofNullable(node);
    }

    /**
     * Fires a DOM event on an element as the browser reports one to the server's listeners (a
     * button's click, a confirm dialog's confirm); the changes it causes count as seen.
     */
    public String event(int node, String event, ObjectNode data) throws IOException, InterruptedException {
        ArrayNode rpc = JSON.createArrayNode();
        rpc.addObject()
                .put("type", "event")
                .put("node", node)
                .put("event", event)
                .set("data", data);
        String response = send(rpc);
        lastResponse = lastResponse + response;
        return response;
    }

    /**
     * The poll an open page sends at the UI's poll interval; the answer is returned but not kept
     * with the changes seen so far (a page polled for minutes would pile them up).
     */
    public String poll() throws IOException, InterruptedException {
        ArrayNode rpc = JSON.createArrayNode();
        rpc.addObject()
                .put("type", "event")
                .put("node", 1)
                .put("event", "ui-poll")
                .putObject("data");
        return send(rpc);
    }

    /** Calls a {@code @ClientCallable} method and returns the raw response carrying its result. */
    public String call(int node, String method, JsonNode... args) throws IOException, InterruptedException {
        return callMany(node, method, 1, args);
    }

    /** Calls a {@code @ClientCallable} method {@code times} times in one request, as a script could. */
    public String callMany(int node, String method, int times, JsonNode... args)
            throws IOException, InterruptedException {
        ArrayNode rpc = JSON.createArrayNode();
        for (int i = 0; i < times; i++) {
            ObjectNode invocation = rpc.addObject()
                    .put("type", "publishedEventHandler")
                    .put("node", node)
                    .put("templateEventMethodName", method)
                    .put("promise", promise++);
            ArrayNode arguments = invocation.putArray("templateEventMethodArgs");
            for (JsonNode arg : args) {
                arguments.add(arg);
            }
        }
        return send(rpc);
    }

    public static JsonNode text(String value) {
        return JSON.getNodeFactory().textNode(value);
    }

    public static JsonNode nullNode() {
        return JSON.getNodeFactory().nullNode();
    }

    /** The event data a browser reports with a click, which a Vaadin button's listener reads. */
    public static ObjectNode click() {
        ObjectNode data = object();
        for (String position : new String[] {"screenX", "screenY", "clientX", "clientY", "detail", "button"}) {
            data.put("event." + position, 0);
        }
        for (String key : new String[] {"ctrlKey", "shiftKey", "altKey", "metaKey"}) {
            data.put("event." + key, false);
        }
        return data;
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** How often the open UI must send a heartbeat, as the server's init answer says. */
    public Duration heartbeatInterval() {
        return Duration.ofSeconds(heartbeatSeconds);
    }

    /**
     * The heartbeat an open tab sends every {@link #heartbeatInterval}: without it the server
     * closes the UI after three missed beats, and the next message finds the session expired.
     */
    public void heartbeat() throws IOException, InterruptedException {
        HttpResponse<Void> response = http.send(
                HttpRequest.newBuilder(base.resolve("?v-r=heartbeat&v-uiId=" + uiId))
                        .header("Content-Type", "text/plain;charset=utf-8")
                        .timeout(Duration.ofSeconds(20))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new ProtocolError(ProtocolError.Kind.HTTP_STATUS, "Heartbeat failed: " + response.statusCode());
        }
    }

    /**
     * Drops the changes seen so far (the element lookups start afresh), so a benchmark that keeps
     * many open clients measures the server's memory and not these copies of its answers.
     */
    public void forget() {
        lastResponse = "";
    }

    /** Leaves cleanly, so the server frees the UI at once. */
    public void close() {
        try {
            ObjectNode body = JSON.createObjectNode()
                    .put("csrfToken", csrf)
                    .put("syncId", syncId)
                    .put("clientId", clientId)
                    .put("UNLOAD", true);
            body.putArray("rpc");
            http.send(post(body), HttpResponse.BodyHandlers.discarding());
        } catch (IOException | InterruptedException ignored) {
            // The server may already be gone; nothing to free then.
        }
    }

    private String send(ArrayNode rpc) throws IOException, InterruptedException {
        int sentClientId = clientId;
        ObjectNode body = JSON.createObjectNode()
                .put("csrfToken", csrf)
                .put("syncId", syncId)
                .put("clientId", clientId);
        body.set("rpc", rpc);
        HttpResponse<String> response = http.send(post(body), HttpResponse.BodyHandlers.ofString());
        String text = response.body();
        if (response.statusCode() != 200) {
            throw new ProtocolError(
                    ProtocolError.Kind.HTTP_STATUS, "UIDL request failed: " + response.statusCode() + " " + text);
        }
        // Older Flow wrapped responses in "for(;;);[ ... ]"; 25.2 answers plain JSON. Accept both.
        String json = text.startsWith("for(;;);[") ? text.substring(9, text.length() - 1) : text;
        JsonNode message = JSON.readTree(json);
        if (message.has("meta")) {
            JsonNode meta = message.get("meta");
            if (meta.has("sessionExpired")) {
                throw new ProtocolError(ProtocolError.Kind.SESSION_EXPIRED, "The server reported an error: " + meta);
            }
            if (meta.has("appError")) {
                throw new ProtocolError(ProtocolError.Kind.APP_ERROR, "The server reported an error: " + meta);
            }
        }
        if (!message.has("syncId") || !message.has("clientId")) {
            throw new ProtocolError(ProtocolError.Kind.RESYNC, "The server's answer has no syncId: " + text);
        }
        syncId = message.get("syncId").asInt();
        clientId = message.get("clientId").asInt();
        // The server expects the next message to carry the id after the one it just handled; any
        // other answer means it did not take this message in order (a resent or resynchronised one).
        if (clientId != sentClientId + 1 || message.has("resynchronize")) {
            throw new ProtocolError(
                    ProtocolError.Kind.RESYNC,
                    "The server resynchronised: sent clientId " + sentClientId + ", it expects " + clientId);
        }
        return text;
    }

    /** What went wrong with a UIDL round trip, in the kinds the load harness counts. */
    public static final class ProtocolError extends IOException {

        /** The kinds of protocol failure. */
        public enum Kind {
            /** Any HTTP status but 200. */
            HTTP_STATUS,
            /** {@code meta.appError}: the server could not handle the message. */
            APP_ERROR,
            /** {@code meta.sessionExpired}: the session is gone. */
            SESSION_EXPIRED,
            /** The server did not take the message in order (clientId/syncId out of step). */
            RESYNC
        }

        private final Kind kind;

        ProtocolError(Kind kind, String message) {
            super(message);
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }

    private HttpRequest post(ObjectNode body) {
        return HttpRequest.newBuilder(base.resolve("?v-r=uidl&v-uiId=" + uiId))
                .header("Content-Type", "application/json; charset=UTF-8")
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
