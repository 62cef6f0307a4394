package org.lateral.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.LoadState;
import java.net.URI;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lateral.harness.LateralProcess;

/**
 * Goal G8 of issue 18: the compressed JavaScript a student's browser downloads on a first visit,
 * ≤ 400 KB. A fresh Chromium context (empty cache) opens the login page, signs a demo student in
 * and opens the marking step, as the production jar serves them; every response the browser
 * received is then counted once per address: the bytes on the wire (Chromium's encoded body size,
 * with the {@code Content-Encoding} the server chose for Chromium's {@code Accept-Encoding}) and
 * the decoded size. Scripts are reported file by file, everything else (documents, styles, fonts,
 * Vaadin's requests) as totals beside them. The reference beside the figure: a default Vaadin 25
 * production bundle sends 362 KB of compressed JavaScript on its first page (performance guide,
 * F2).
 *
 * <p>Run (README, "Browser timing"): {@code java -cp … org.lateral.bench.FirstVisitJavaScript}; it
 * starts target/lateral.jar in demo mode on its own embedded PostgreSQL.
 */
public final class FirstVisitJavaScript {

    private FirstVisitJavaScript() {}

    /** One response: its address, kind, content encoding, bytes on the wire and decoded. */
    public record Download(String url, String kind, String encoding, long wire, long decoded) {

        public boolean script() {
            return kind.equals("script");
        }

        String name() {
            String path = URI.create(url).getPath();
            return path.isEmpty() || path.equals("/") ? "/" : path;
        }
    }

    /** Everything the first visit downloaded, once per address, in the order first received. */
    public record Result(List<Download> downloads, String acceptEncoding) {

        public long scriptWire() {
            return downloads.stream()
                    .filter(Download::script)
                    .mapToLong(Download::wire)
                    .sum();
        }

        public long scriptDecoded() {
            return downloads.stream()
                    .filter(Download::script)
                    .mapToLong(Download::decoded)
                    .sum();
        }

        public long scripts() {
            return downloads.stream().filter(Download::script).count();
        }

        String text() {
            StringBuilder out = new StringBuilder();
            out.append("Chromium asked for Accept-Encoding: ")
                    .append(acceptEncoding)
                    .append('\n');
            out.append(String.format(
                    Locale.ROOT, "%-86s %-8s %10s %10s%n", "script", "encoding", "wire KB", "decoded KB"));
            downloads.stream()
                    .filter(Download::script)
                    .sorted(Comparator.comparingLong(Download::wire).reversed())
                    .forEach(d -> out.append(String.format(
                            Locale.ROOT,
                            "%-86s %-8s %10.1f %10.1f%n",
                            d.name(),
                            d.encoding(),
                            d.wire() / 1000.0,
                            d.decoded() / 1000.0)));
            out.append(String.format(
                    Locale.ROOT,
                    "JavaScript: %d files, %.1f KB on the wire (as served), %.1f KB decoded%n",
                    scripts(),
                    scriptWire() / 1000.0,
                    scriptDecoded() / 1000.0));
            Map<String, long[]> others = new LinkedHashMap<>();
            downloads.stream().filter(d -> !d.script()).forEach(d -> {
                long[] sum = others.computeIfAbsent(d.kind(), k -> new long[3]);
                sum[0]++;
                sum[1] += d.wire();
                sum[2] += d.decoded();
            });
            others.forEach((kind, sum) -> out.append(String.format(
                    Locale.ROOT,
                    "Besides, %-10s %3d responses, %8.1f KB on the wire, %8.1f KB decoded%n",
                    kind,
                    sum[0],
                    sum[1] / 1000.0,
                    sum[2] / 1000.0)));
            out.append(String.format(
                    Locale.ROOT,
                    "Reference: a default Vaadin 25 bundle, 362 KB compressed JavaScript; ratio %.2f%n",
                    scriptWire() / 1000.0 / 362));
            return out.toString();
        }
    }

    /** A first visit of {@code student} to the Lateral at {@code base}: login, then the marking step. */
    public static Result run(Browser chromium, URI base, String student) {
        Map<String, Download> byUrl = new LinkedHashMap<>();
        String[] acceptEncoding = {""};
        try (StudentInChromium browser = new StudentInChromium(chromium, base)) {
            // Read at once: a response's body is gone once its page has navigated away.
            browser.context.onRequestFinished(request -> {
                Response response = request.response();
                if (response == null) {
                    return;
                }
                if (request.resourceType().equals("script")) {
                    acceptEncoding[0] = request.allHeaders().getOrDefault("accept-encoding", "");
                }
                String encoding = response.headerValue("content-encoding");
                long decoded;
                try {
                    decoded = response.body().length;
                } catch (RuntimeException noBody) {
                    decoded = 0; // a redirect has none
                }
                Download download = new Download(
                        request.url(),
                        request.resourceType(),
                        encoding == null ? "none" : encoding,
                        request.sizes().responseBodySize,
                        decoded);
                // A file the cache answered a second time costs nothing more: keep the first.
                byUrl.putIfAbsent(request.url(), download);
            });
            browser.signIn(student);
            browser.openMarkingStep();
            browser.page.waitForLoadState(LoadState.NETWORKIDLE);
            browser.settle();
            return new Result(List.copyOf(byUrl.values()), acceptEncoding[0]);
        }
    }

    /**
     * Starts the production jar, measures one first visit, prints the figures. Options:
     * {@code --student} (student1), {@code --host} a name Chromium then resolves to 127.0.0.1 and
     * opens Lateral by (over plain HTTP such a name is no secure context, and Chromium offers no
     * Brotli: what a school serving Lateral without TLS sends), {@code --base} the address of a
     * Lateral already running in demo mode instead of starting target/lateral.jar.
     */
    public static void main(String[] args) throws Exception {
        String student = "student1";
        URI base = null;
        String host = null;
        for (String arg : args) {
            if (arg.startsWith("--student=")) {
                student = arg.substring("--student=".length());
            } else if (arg.startsWith("--host=")) {
                host = arg.substring("--host=".length());
            } else if (arg.startsWith("--base=")) {
                base = URI.create(arg.substring("--base=".length()));
            } else {
                throw new IllegalArgumentException(
                        "Unknown option " + arg + "; use --student=NAME --host=NAME --base=URL");
            }
        }
        System.out.println("G8, JavaScript on a student's first visit (login, then the marking step), "
                + (host == null ? "loopback" : "as http://" + host) + ", load average "
                + StudentInChromium.loadAverage());
        try (LateralProcess lateral = new LateralProcess();
                Playwright playwright = org.lateral.journey.Browser.playwright();
                Browser chromium = org.lateral.journey.Browser.chromium(
                        playwright,
                        host == null ? List.of() : List.of("--host-resolver-rules=MAP " + host + " 127.0.0.1"))) {
            if (base == null) {
                lateral.start(1);
                base = lateral.base();
            }
            if (host != null) {
                // Not loopback to the browser: a page of the school's network over plain HTTP.
                base = URI.create("http://" + host + ":" + base.getPort() + "/");
            }
            Result result = run(chromium, base, student);
            System.out.print(result.text());
            System.out.println(result.scriptWire() <= 400_000 ? "G8: met (<= 400 KB)" : "G8: NOT met");
        }
    }
}
