package org.lateral.base.ui;

import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps malformed browser calls from flooding the log (DD007). Vaadin logs every exception
 * thrown while it handles a call from the browser with its whole stack trace (about 23 KB); a
 * script sending broken calls could fill a disk. A call that fails before it reaches Lateral's
 * code (arguments that cannot be read, a method that does not exist) is a refused request, not a
 * bug: it gets one short line, at most {@value #LINES_PER_MINUTE} a minute for the whole server,
 * with a count of the lines left out. A failure inside Lateral's own code is a bug and is still
 * logged in full.
 */
@Component
class BrowserCallErrors implements VaadinServiceInitListener, ErrorHandler {

    static final int LINES_PER_MINUTE = 30;
    private static final Logger log = LoggerFactory.getLogger(BrowserCallErrors.class);
    private static final String RPC_PACKAGE = "com.vaadin.flow.server.communication.rpc.";

    private final transient Bucket lines = Bucket.builder()
            .addLimit(Bandwidth.builder()
                    .capacity(LINES_PER_MINUTE)
                    .refillGreedy(LINES_PER_MINUTE, Duration.ofMinutes(1))
                    .build())
            .build();
    private final AtomicLong unlogged = new AtomicLong();
    private final ErrorHandler full = new DefaultErrorHandler();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        Throwable failure = event.getThrowable();
        if (!isRefusedBrowserCall(failure)) {
            full.error(event);
            return;
        }
        if (!lines.tryConsume(1)) {
            unlogged.incrementAndGet();
            return;
        }
        long skipped = unlogged.getAndSet(0);
        Throwable root = rootCause(failure);
        String message = String.valueOf(root.getMessage());
        log.warn(
                "Refused a malformed call from a browser: {}: {}{}",
                root.getClass().getSimpleName(),
                message.length() > 200 ? message.substring(0, 200) + "…" : message,
                skipped > 0 ? " (" + skipped + " more not logged in the last minute)" : "");
    }

    /**
     * Whether the failure happened while Vaadin was reading a browser call, before any of
     * Lateral's code ran: the frames of the root cause, from where it was thrown down to Vaadin's
     * call handling, hold no Lateral class.
     */
    static boolean isRefusedBrowserCall(Throwable failure) {
        Throwable root = rootCause(failure);
        boolean reachedRpc = false;
        for (StackTraceElement frame : root.getStackTrace()) {
            if (frame.getClassName().startsWith(RPC_PACKAGE)) {
                reachedRpc = true;
                break;
            }
            if (frame.getClassName().startsWith("org.lateral.")) {
                return false;
            }
        }
        return reachedRpc;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
