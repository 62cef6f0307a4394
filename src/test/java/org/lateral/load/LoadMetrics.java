package org.lateral.load;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What the virtual students record while they run, shared by all of them: round-trip times in
 * microseconds, how late each mark left against its schedule (a server that falls behind makes the
 * students wait, which round trips alone would hide), errors by kind, and the ids of the marks the
 * server acknowledged and of those whose answer never came.
 */
final class LoadMetrics {

    /** Up to a minute, at three significant digits. */
    private static final long HIGHEST_MICROS = 60_000_000;

    final Histogram roundTrips = new ConcurrentHistogram(HIGHEST_MICROS, 3);
    final Histogram lateness = new ConcurrentHistogram(HIGHEST_MICROS, 3);
    final Histogram signIns = new ConcurrentHistogram(HIGHEST_MICROS, 3);
    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    final Set<String> unanswered = ConcurrentHashMap.newKeySet();
    /** Saved while opening the page (a sources step's claims), not in the measured phase. */
    final Set<String> setup = ConcurrentHashMap.newKeySet();

    final LongAdder sent = new LongAdder();
    final LongAdder studentsOnPage = new LongAdder();
    final LongAdder studentsStopped = new LongAdder();
    /** Dashboard polls of the watching teachers, and how many of them redrew the page. */
    final Histogram polls = new ConcurrentHistogram(HIGHEST_MICROS, 3);

    final LongAdder redraws = new LongAdder();
    final LongAdder teachersOnPage = new LongAdder();
    private final Map<Integer, Window> windows = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, String> firstMessage = new ConcurrentHashMap<>();

    void error(String kind, String message) {
        errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
        firstMessage.putIfAbsent(kind, message.length() > 300 ? message.substring(0, 300) + "…" : message);
    }

    /** Errors by kind, in name order. */
    Map<String, Long> errors() {
        Map<String, Long> counts = new TreeMap<>();
        errors.forEach((kind, n) -> counts.put(kind, n.sum()));
        return counts;
    }

    /** The first message seen of each kind of error, to say what went wrong. */
    Map<String, String> firstMessages() {
        return new TreeMap<>(firstMessage);
    }

    /** Length of the slices of the marking phase that the saturation reading compares. */
    static final long WINDOW_NANOS = 5_000_000_000L;

    /** The marks sent in one slice of the marking phase: their round trips, acks and errors. */
    static final class Window {
        final Histogram roundTrips = new ConcurrentHistogram(HIGHEST_MICROS, 3);
        final LongAdder acknowledged = new LongAdder();
        final LongAdder errors = new LongAdder();
    }

    /** The slice a mark sent at {@code sentAt} belongs to, the phase having started at {@code start}. */
    Window window(long sentAt, long start) {
        int index = (int) Math.max(0, (sentAt - start) / WINDOW_NANOS);
        return windows.computeIfAbsent(index, i -> new Window());
    }

    /** The slices so far, by index (slice i covers seconds 5i to 5i+5 of the phase). */
    Map<Integer, Window> windows() {
        return new TreeMap<>(windows);
    }

    static void record(Histogram histogram, long nanos) {
        histogram.recordValue(Math.clamp(nanos / 1_000, 0, HIGHEST_MICROS));
    }
}
