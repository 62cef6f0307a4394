package org.lateral.base.highlighter;

import com.vaadin.flow.server.VaadinSession;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How many calls a browser session may make to the highlighter (DD007): a burst of
 * {@value #BURST} (a whole outbox of up to 200 marks sent after a network drop, with room to
 * spare), then {@value #PER_SECOND} a second, far above what a person marking can do. A script
 * calling faster is answered "busy" and its calls do no work; the real highlighter retries later.
 * The bucket lives in the Vaadin session, so it is per person and per app node (sessions are
 * sticky to a node). Public because the compare step's element (submission.ui.CompareWorkArea)
 * spends the same budget: one session, one budget, whichever element calls.
 */
public final class CallBudget {

    static final int BURST = 300;
    static final int PER_SECOND = 20;
    private static final String ATTRIBUTE = CallBudget.class.getName();

    /**
     * The buckets' clock: the system's, or one a test holds still so that a budget it spends does
     * not refill between two of its calls on a slow machine.
     */
    static volatile TimeMeter time = TimeMeter.SYSTEM_MILLISECONDS;

    private CallBudget() {}

    /** Takes one call from the current session's budget; true when there was one. */
    public static boolean take() {
        @Nullable VaadinSession session = VaadinSession.getCurrent();
        if (session == null) {
            return true; // Not in a browser request (a test calling the component directly).
        }
        Bucket bucket = (Bucket) session.getAttribute(ATTRIBUTE);
        if (bucket == null) {
            bucket = Bucket.builder()
                    .withCustomTimePrecision(time)
                    .addLimit(Bandwidth.builder()
                            .capacity(BURST)
                            .refillGreedy(PER_SECOND, Duration.ofSeconds(1))
                            .build())
                    .build();
            session.setAttribute(ATTRIBUTE, bucket);
        }
        return bucket.tryConsume(1);
    }
}
