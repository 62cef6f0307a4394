package org.lateral.load;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lateral.harness.VaadinClient;

/**
 * One teacher watching the marked assignment's dashboard as the browser tab would (scenario (c)
 * of issue 18): their own session of the demo teacher, the dashboard opened as one UI, then the
 * page's own poll at the interval the server set on the UI, and heartbeats, until the students are
 * done; the tab-closed beacon at the end. A poll whose answer carries the page's heading again
 * redrew the dashboard.
 */
final class TeacherWatcher implements Runnable {

    private static final Pattern POLL_INTERVAL =
            Pattern.compile("\"key\":\"pollInterval\",\"feat\":\\d+,\"value\":(\\d+)");

    private final int number;
    private final URI base;
    private final String dashboardRoute;
    private final LoadMetrics metrics;
    private final Semaphore signingIn;
    private final CountDownLatch onPage;
    private final CountDownLatch done;

    TeacherWatcher(
            int number,
            URI base,
            String dashboardRoute,
            LoadMetrics metrics,
            Semaphore signingIn,
            CountDownLatch onPage,
            CountDownLatch done) {
        this.number = number;
        this.base = base;
        this.dashboardRoute = dashboardRoute;
        this.metrics = metrics;
        this.signingIn = signingIn;
        this.onPage = onPage;
        this.done = done;
    }

    /** The dashboard of the assignment whose marking page is {@code markingRoute}. */
    static String dashboardOf(String markingRoute) {
        return "dashboards/" + markingRoute;
    }

    @Override
    public void run() {
        VaadinClient client = new VaadinClient(base);
        long pollMillis;
        try {
            signingIn.acquire();
            try {
                client.signIn("teacher", "lateral-demo");
                String page = client.open(dashboardRoute);
                if (!page.contains("dashboard-title")) {
                    throw new IOException(
                            "The dashboard did not open: " + page.substring(0, Math.min(200, page.length())));
                }
                Matcher interval = POLL_INTERVAL.matcher(page);
                if (!interval.find()) {
                    throw new IOException("The dashboard page sets no poll interval");
                }
                pollMillis = Long.parseLong(interval.group(1));
            } finally {
                signingIn.release();
            }
            metrics.teachersOnPage.increment();
        } catch (IOException e) {
            metrics.error("TEACHER_OPEN", "teacher session " + number + ": " + e.getMessage());
            onPage.countDown();
            client.close();
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            onPage.countDown();
            return;
        }
        onPage.countDown();
        try {
            long heartbeatEvery = client.heartbeatInterval().toMillis() / 2;
            long lastHeartbeat = System.nanoTime();
            while (!done.await(pollMillis, TimeUnit.MILLISECONDS)) {
                long sentAt = System.nanoTime();
                String response = client.poll();
                LoadMetrics.record(metrics.polls, System.nanoTime() - sentAt);
                if (response.contains("dashboard-title")) {
                    metrics.redraws.increment();
                }
                if ((System.nanoTime() - lastHeartbeat) / 1_000_000 > heartbeatEvery) {
                    client.heartbeat();
                    lastHeartbeat = System.nanoTime();
                }
            }
        } catch (VaadinClient.ProtocolError e) {
            metrics.error("TEACHER_" + e.kind().name(), "teacher session " + number + ": " + e.getMessage());
        } catch (IOException e) {
            metrics.error("TEACHER_IO", "teacher session " + number + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            client.close();
        }
    }
}
