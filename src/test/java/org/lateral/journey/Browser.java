package org.lateral.journey;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Debian's Chromium, driven by Playwright (which must not download a browser of its own: this
 * network reaches only package registries). {@code LATERAL_CHROMIUM} points elsewhere if needed.
 * Public for the browser benchmarks in {@code org.lateral.bench}.
 */
public final class Browser {

    private Browser() {}

    public static Playwright playwright() {
        return Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    public static com.microsoft.playwright.Browser chromium(Playwright playwright) {
        return chromium(playwright, List.of());
    }

    /** Chromium with more command-line switches, e.g. {@code --host-resolver-rules}. */
    public static com.microsoft.playwright.Browser chromium(Playwright playwright, List<String> more) {
        Path chromium = Path.of(System.getenv().getOrDefault("LATERAL_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException("Chromium not found at " + chromium
                    + ": install Debian's chromium package (.ci/run does) or set LATERAL_CHROMIUM");
        }
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(chromium)
                        .setHeadless(true)
                        .setArgs(Stream.concat(
                                        Stream.of(
                                                "--no-sandbox",
                                                "--disable-gpu",
                                                "--disable-background-networking",
                                                "--disable-component-update",
                                                "--disable-sync",
                                                "--no-first-run"),
                                        more.stream())
                                .toList()));
    }
}
