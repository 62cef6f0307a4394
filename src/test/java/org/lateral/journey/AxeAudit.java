package org.lateral.journey;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Runs axe-core over the page a journey stands on, against the WCAG 2.0, 2.1 and 2.2 A and AA
 * rules. Each distinct page state (route with its ids generalised, plus the dialog open on it,
 * plus the parts the page shows) is checked once per test run, so journeys that pass the same
 * page ten times pay for one check. Serious and critical findings are collected and fail the test
 * when it ends, with the rule, the elements and the rule's help page; milder ones are printed in
 * the class's summary.
 */
final class AxeAudit {

    static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

    /**
     * Known findings that another change fixes, skipped by rule and element until it lands
     * (issue 19): each entry is a rule id and a fragment of the offending element's selector.
     */
    static final List<Known> KNOWN = List.of();

    /** An open Vaadin dialog, whichever element carries it in this Vaadin version. */
    static final String OPEN_DIALOG = "vaadin-dialog[opened], vaadin-confirm-dialog[opened],"
            + " vaadin-dialog-overlay[opened], vaadin-confirm-dialog-overlay[opened]";

    /**
     * Only the WCAG rules, only their violations reported back, and no frames (the app has none).
     * Legacy mode runs axe in the page itself: the default opens an extra blank page per check to
     * merge frame results, which costs seconds on a busy machine and buys nothing here.
     */
    private static final AxeRunOptions OPTIONS = new AxeRunOptions();

    static {
        AxeRunOnlyOptions only = new AxeRunOnlyOptions();
        only.setType("tag");
        only.setValues(WCAG_TAGS);
        OPTIONS.setRunOnly(only);
        OPTIONS.setResultTypes(List.of("violations"));
        OPTIONS.setIFrames(false);
    }

    record Known(String rule, String selectorFragment, String why) {}

    /** One finding: a rule broken on one page state, with the elements that break it. */
    record Finding(String state, String rule, String impact, String help, String helpUrl, List<String> targets) {
        @Override
        public String toString() {
            return "[" + impact + "] " + rule + " on " + state + ": " + help + "\n    elements: "
                    + String.join(", ", targets) + "\n    help: " + helpUrl;
        }
    }

    /**
     * Page states checked by any journey class of this test run (one JVM), each with the set of
     * test ids its page shows: the same page with the same parts is checked once per run, while
     * the same address showing other parts (a compare step instead of a marking step, an empty
     * state instead of a list, a teacher's menu instead of a student's) is checked again. Saves a
     * minute or more of the suite against checking each state once per class.
     */
    private static final Set<String> CHECKED_IN_RUN = ConcurrentHashMap.newKeySet();

    private final List<String> timings = new ArrayList<>();
    private final List<Finding> failing = new ArrayList<>();
    private final List<Finding> milder = new ArrayList<>();
    private int pages;
    private int dialogs;
    private long millis;
    private int failingReported;

    /**
     * Checks the page once per distinct state. Waits (no fixed sleep) until the Vaadin client has
     * no request in flight and no finite animation runs, so the check sees a settled page.
     */
    void check(Page page) {
        if (page.isClosed()) {
            return;
        }
        long start = System.nanoTime();
        String state;
        try {
            settle(page);
            state = (String) page.evaluate(STATE_SCRIPT);
        } catch (RuntimeException e) {
            if (!movedOn(e)) {
                throw e;
            }
            // The page moved on while it was being read: the next check sees where it went.
            return;
        }
        if (state == null) {
            return;
        }
        String signature = state.substring(state.indexOf(" ## ") + 4);
        state = state.substring(0, state.indexOf(" ## "));
        if (!CHECKED_IN_RUN.add(state + "\n" + signature)) {
            return;
        }
        AxeResults results;
        try {
            results = new AxeBuilder(page).options(OPTIONS).setLegacyMode(true).analyze();
        } catch (RuntimeException e) {
            if (!movedOn(e)) {
                throw e;
            }
            // The page moved on mid-check: this state is checked when the journey is back on it.
            CHECKED_IN_RUN.remove(state + "\n" + signature);
            return;
        }
        if (state.contains(" + ")) {
            dialogs++;
        } else {
            pages++;
        }
        for (Rule rule : results.getViolations()) {
            List<String> targets = new ArrayList<>();
            for (CheckedNode node : rule.getNodes()) {
                String target = String.valueOf(node.getTarget());
                if (KNOWN.stream()
                        .noneMatch(k -> k.rule().equals(rule.getId()) && target.contains(k.selectorFragment()))) {
                    targets.add(target);
                }
            }
            if (targets.isEmpty()) {
                continue;
            }
            Finding finding =
                    new Finding(state, rule.getId(), rule.getImpact(), rule.getHelp(), rule.getHelpUrl(), targets);
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                failing.add(finding);
            } else {
                milder.add(finding);
            }
        }
        long took = (System.nanoTime() - start) / 1_000_000;
        millis += took;
        timings.add(state + " (" + took + " ms)");
    }

    /** The serious and critical findings since the last call, as one readable message, or "". */
    String newFailures() {
        List<Finding> fresh = failing.subList(failingReported, failing.size());
        failingReported = failing.size();
        return fresh.isEmpty()
                ? ""
                : "axe found " + fresh.size() + " serious or critical WCAG violation(s):\n"
                        + fresh.stream().map(Finding::toString).collect(Collectors.joining("\n"));
    }

    String summary(String testClass) {
        StringBuilder s = new StringBuilder("axe summary for " + testClass + ": " + pages + " page(s) and " + dialogs
                + " dialog(s) checked in " + millis + " ms, " + failing.size() + " serious/critical and "
                + milder.size() + " minor/moderate violation(s)");
        for (String state : timings) {
            s.append("\n  checked: ").append(state);
        }
        for (Finding f : failing) {
            s.append("\n  FAIL ").append(f);
        }
        for (Finding f : milder) {
            s.append("\n  note ").append(f);
        }
        return s.toString();
    }

    /** A navigation or a closed page interrupted the check, which is no finding about the page. */
    private static boolean movedOn(RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("Execution context was destroyed")
                || message.contains("has been closed")
                || message.contains("navigation");
    }

    private static void settle(Page page) {
        page.waitForFunction("""
                () => {
                  const clients = Object.values(window.Vaadin?.Flow?.clients ?? {});
                  if (clients.some(c => c.isActive?.())) return false;
                  return document.getAnimations().every(a =>
                      a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity);
                }""");
    }

    /**
     * The page state's name: the path with ids and numbers generalised, and the open dialog by
     * its title or test id. Null while no view is rendered yet.
     */
    private static final String STATE_SCRIPT = """
            () => {
              if (!location.protocol.startsWith('http')) return null;
              const path = location.pathname
                  .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '{id}')
                  .replace(/\\/[0-9]+(?=\\/|$)/g, '/{n}');
              const open = [...document.querySelectorAll(
                  'vaadin-dialog[opened], vaadin-confirm-dialog[opened], vaadin-dialog-overlay[opened], vaadin-confirm-dialog-overlay[opened]')];
              open.push(...document.querySelectorAll('vaadin-popover[opened]'));
              const names = open.map(d => d.getAttribute('header-title') || d.getAttribute('header')
                  || d.getAttribute('data-testid') || d.getAttribute('aria-label') || d.localName);
              const state = names.length ? path + ' + ' + [...new Set(names)].join(', ') : path;
              // The parts the page shows, by test id (one per kind: rows of a list count once).
              const parts = [...new Set([...document.querySelectorAll('[data-testid]')]
                  .map(e => e.getAttribute('data-testid').replace(/-[0-9]+$/, '')))].sort().join(' ');
              return state + ' ## ' + parts;
            }""";
}
