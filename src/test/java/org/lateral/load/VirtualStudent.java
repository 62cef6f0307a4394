package org.lateral.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.lateral.harness.VaadinClient;

/**
 * One student as the browser would act for them: their own cookie jar, sign-in, the page of their
 * {@link StudentWork} opened as one UI, new marks (or sources, mentions and links) sent through the
 * highlighter's saves one at a time (the browser queues, so one request is in flight per UI), and
 * the tab-closed beacon at the end. Mark times
 * follow a Poisson process at this student's share of the scenario's rate, from its own seeded
 * random source.
 */
final class VirtualStudent implements Runnable {

    private final int number;
    private final URI base;
    private final StudentWork work;
    private final LoadScenario scenario;
    private final SplittableRandom random;
    private final LoadMetrics metrics;
    private final long signInAt;
    private final CountDownLatch onPage;
    private final MarkingClock clock;
    private final Semaphore signingIn;
    /**
     * When this student's tab last sent a heartbeat. The browser sends them on a timer of their
     * own, whatever else it sends: a student kept busy by a slow server (every mark late, no pause
     * between them) still beats, or Vaadin closes the UI after three missed beats.
     */
    private long lastHeartbeat;

    /** When the measured phase starts, set once every student is on the page. */
    interface MarkingClock {
        /**
         * Waits at most {@code nanos} for the start; the phase's start in {@link
         * System#nanoTime()} terms, or null when it has not started yet.
         */
        @org.jspecify.annotations.Nullable
        Long awaitStart(long nanos) throws InterruptedException;
    }

    VirtualStudent(
            int number,
            URI base,
            StudentWork work,
            LoadScenario scenario,
            SplittableRandom random,
            LoadMetrics metrics,
            long signInAt,
            CountDownLatch onPage,
            MarkingClock clock,
            Semaphore signingIn) {
        this.number = number;
        this.base = base;
        this.work = work;
        this.scenario = scenario;
        this.random = random;
        this.metrics = metrics;
        this.signInAt = signInAt;
        this.onPage = onPage;
        this.clock = clock;
        this.signingIn = signingIn;
    }

    @Override
    public void run() {
        VaadinClient client = new VaadinClient(base);
        int highlighter;
        try {
            sleepUntil(signInAt);
            // A few at a time: bcrypt is slow on purpose, and a queue of sign-ins would time out.
            signingIn.acquire();
            try {
                long started = System.nanoTime();
                client.signIn("student" + number, "lateral-demo");
                highlighter = work.open(client, metrics.setup);
                LoadMetrics.record(metrics.signIns, System.nanoTime() - started);
            } finally {
                signingIn.release();
            }
            metrics.studentsOnPage.increment();
        } catch (IOException e) {
            metrics.error("SIGN_IN_OR_OPEN", "student" + number + ": " + e.getMessage());
            onPage.countDown();
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            onPage.countDown();
            return;
        }
        onPage.countDown();
        try {
            Long start = null;
            lastHeartbeat = System.nanoTime();
            while (start == null) {
                start = clock.awaitStart(client.heartbeatInterval().toNanos() / 2);
                if (start == null) {
                    client.heartbeat();
                    lastHeartbeat = System.nanoTime();
                }
            }
            mark(client, highlighter, start);
        } catch (IOException e) {
            metrics.error("HEARTBEAT", "student" + number + ": " + e.getMessage());
            metrics.studentsStopped.increment();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            client.close();
        }
    }

    private void mark(VaadinClient client, int highlighter, long start) throws InterruptedException {
        long end = start + scenario.duration().toNanos();
        int limit = work.capacity();
        long due = start;
        for (int i = 0; ; i++) {
            double rate = scenario.rateAt(Duration.ofNanos(due - start)) / scenario.students();
            // Exponential gaps: independent students, each marking now and then.
            due += (long) (-Math.log(1 - random.nextDouble()) / rate * 1e9);
            if (due >= end) {
                return;
            }
            if (i >= limit) {
                metrics.error(
                        "OUT_OF_ROOM", "student" + number + " made " + limit + " saves, as many as one page takes");
                return;
            }
            waitUntil(client, due);
            StudentWork.Save save = work.save(
                    i,
                    () -> new UUID(
                            (random.nextLong() & ~0xF000L) | 0x4000L,
                            (random.nextLong() & (-1L >>> 2)) | Long.MIN_VALUE));
            String markId = save.id();
            long sentAt = System.nanoTime();
            LoadMetrics.Window window = metrics.window(sentAt, start);
            LoadMetrics.record(metrics.lateness, sentAt - due);
            metrics.sent.increment();
            String response;
            try {
                response = client.call(highlighter, save.method(), save.state());
            } catch (VaadinClient.ProtocolError e) {
                stop(window, markId, e.kind().name(), e.getMessage());
                return;
            } catch (HttpTimeoutException e) {
                stop(window, markId, "TIMEOUT", e.getMessage());
                return;
            } catch (IOException e) {
                stop(window, markId, "IO", e.toString());
                return;
            }
            long roundTrip = System.nanoTime() - sentAt;
            LoadMetrics.record(metrics.roundTrips, roundTrip);
            LoadMetrics.record(window.roundTrips, roundTrip);
            if (response.contains("\"status\":\"saved\"") && response.contains(markId)) {
                metrics.acknowledged.add(markId);
                window.acknowledged.increment();
            } else if (response.contains("\"status\":\"busy\"")) {
                window.errors.increment();
                metrics.error("BUSY", "student" + number + " was told busy (over the session's call budget)");
            } else {
                window.errors.increment();
                metrics.error("NOT_SAVED", "student" + number + ": " + response);
            }
        }
    }

    /** A protocol failure leaves the UI out of step with the server; a browser would reload. */
    private void stop(LoadMetrics.Window window, String markId, String kind, String message) {
        window.errors.increment();
        metrics.unanswered.add(markId);
        metrics.error(kind, "student" + number + ": " + message);
        metrics.studentsStopped.increment();
    }

    /**
     * Sleeps until {@code nanoTime}, sending the heartbeats an open tab sends meanwhile, and one
     * first if a beat is overdue (a late mark leaves at once, but not before the beat).
     */
    private void waitUntil(VaadinClient client, long nanoTime) throws InterruptedException {
        long every = client.heartbeatInterval().toNanos() / 2;
        while (nanoTime - lastHeartbeat > every) {
            sleepUntil(lastHeartbeat + every);
            try {
                client.heartbeat();
            } catch (IOException e) {
                metrics.error("HEARTBEAT", "student" + number + ": " + e.getMessage());
            }
            lastHeartbeat = System.nanoTime();
        }
        sleepUntil(nanoTime);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
