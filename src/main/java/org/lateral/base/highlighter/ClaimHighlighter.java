package org.lateral.base.highlighter;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.lateral.base.TextSpan;
import org.lateral.base.i18n.KeyedText;
import org.lateral.base.i18n.Translations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server side of {@code <claim-highlighter>}: the article's canonical text goes to the browser,
 * which renders it in the light DOM (paragraph elements carry their start offsets) and reports
 * selections back as UTF-16 offsets plus the exact quote. The server never trusts those: a
 * selection is accepted only if the offsets lie in the text and the quote matches.
 */
@Tag("claim-highlighter")
@JsModule("./claim-highlighter/claim-highlighter.js")
@CssImport("./claim-highlighter/claim-highlighter.css")
public class ClaimHighlighter extends Component {

    private static final Logger log = LoggerFactory.getLogger(ClaimHighlighter.class);
    private String text = "";

    public ClaimHighlighter() {
        setId("claim-highlighter");
        getElement().setAttribute("data-testid", "claim-highlighter");
    }

    /**
     * The browser's texts default to English (labels.js); on a page in another language Lateral
     * has, they come from the translations' {@code highlighter.} keys, English where a
     * translation lacks one.
     */
    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        Translations.of(attach.getSession().getService()).ifPresent(translations -> {
            Locale language = translations.language(attach.getUI().getLocale());
            if (!language.equals(Translations.ENGLISH)) {
                setLabels(translations.withPrefix("highlighter.", language));
            }
        });
    }

    public void setText(String canonicalText) {
        this.text = canonicalText;
        getElement().setProperty("text", canonicalText);
    }

    public String getText() {
        return text;
    }

    /**
     * A span drawn over the text: a claim (with its type) or a source attribution. The browser
     * renders a claim as {@code <mark>} fragments sharing {@code data-mark-id} and carrying
     * {@code data-claim-type}, a source as fragments sharing {@code data-source-id}; the label is
     * shown once, from an attribute, so it never becomes part of the text. The typed fields reach
     * the browser as their codes ({@code "claim"}, {@code "hedged"}, {@code "found"}).
     */
    public record Overlay(
            String id,
            int start,
            int end,
            OverlayKind kind,
            @Nullable HighlighterClaimType type,
            String label,
            @Nullable ClaimStatus status) {
        public static Overlay claim(String id, int start, int end, HighlighterClaimType type, String label) {
            return new Overlay(id, start, end, OverlayKind.CLAIM, type, label, null);
        }

        /** A claim in feedback, with how the student did on it. */
        public static Overlay claim(
                String id, int start, int end, HighlighterClaimType type, String label, ClaimStatus status) {
            return new Overlay(id, start, end, OverlayKind.CLAIM, type, label, status);
        }

        public static Overlay source(String id, int start, int end, String label) {
            return new Overlay(id, start, end, OverlayKind.SOURCE, null, label, null);
        }

        /** Cue words that signal a claim's type ("reportedly", "If true"). */
        public static Overlay cue(String id, int start, int end) {
            return new Overlay(id, start, end, OverlayKind.CUE, null, "", null);
        }
    }

    public void setOverlays(List<Overlay> overlays) {
        getElement().setPropertyList("overlays", List.copyOf(overlays));
    }

    /**
     * Filters (claim types, missed only, sources only) and a list of the overlays' items above the
     * text, each linked to its place in it; the overlays are then drawn calmly (lighter tints, no
     * label badges) until the reader asks for the labels. For long keys and feedback, where every
     * item drawn at once is a wall of colour.
     */
    public void setOverlayList(boolean on) {
        getElement().setProperty("overlayList", on);
    }

    /** Saves one mark and answers after the commit; the marking view supplies it. */
    @FunctionalInterface
    public interface MarkSaver {
        SaveResult save(MarkState state);
    }

    private MarkSaver markSaver = state -> SaveResult.rejected(
            state.markId() == null ? "" : state.markId().toString(), state.seq(), KeyedText.of("base.save.notOpen"));
    private Supplier<List<SavedMark>> markSource = List::of;

    /**
     * Turns on marking: the text's word and sentence spans (for snapping), the marks saved so far,
     * the key of this user's and submission's outbox in the browser, and where saves go.
     */
    public void startMarking(
            int[] words,
            int[] sentences,
            List<SavedMark> marks,
            String outboxKey,
            MarkSaver saver,
            Supplier<List<SavedMark>> source) {
        this.markSaver = saver;
        this.markSource = source;
        setBoundaries(words, sentences);
        setMarks(marks);
        getElement().setProperty("outboxKey", outboxKey);
        getElement().setProperty("mode", "marks");
        getElement().setProperty("markable", true);
    }

    /**
     * The word and sentence spans, each as one {@link SpanCodec} string: a list of numbers would
     * keep a JSON node per number in the UI's state for as long as the page is open (about a
     * thousand for a short article, issue 18).
     */
    private void setBoundaries(int[] words, int[] sentences) {
        getElement().setProperty("words", SpanCodec.encode(words));
        getElement().setProperty("sentences", SpanCodec.encode(sentences));
    }

    public void setMarks(List<SavedMark> marks) {
        getElement().setPropertyList("marks", List.copyOf(marks));
    }

    /** Ends marking on this page (submitted): the text stays, the palette goes. */
    public void stopMarking() {
        getElement().setProperty("markable", false);
        getElement().setProperty("readonly", true);
    }

    /** Forgets unsent changes kept in the browser: after a submit, or at sign-out. */
    public void clearOutbox() {
        getElement().callJsFunction("clearOutbox");
    }

    /**
     * Checked before anything else: a call without a mark (a broken or tampered client) is
     * refused with a message and changes nothing; a session calling faster than a person can mark
     * is told "busy" (the highlighter retries later) and its calls do no work (DD007).
     */
    @ClientCallable
    SaveResult saveMark(@Nullable MarkState state) {
        if (!CallBudget.take()) {
            return state == null
                    ? SaveResult.busy("", 0)
                    : SaveResult.busy(
                            state.markId() == null ? "" : state.markId().toString(), state.seq());
        }
        if (state == null) {
            return SaveResult.rejected("", 0, KeyedText.of("base.save.markUnreadable"));
        }
        return markSaver.save(state);
    }

    /** The saved marks; nothing (the browser keeps what it shows) when the session is over its budget. */
    @ClientCallable
    java.util.@Nullable List<SavedMark> refreshMarks() {
        if (!CallBudget.take()) {
            return null;
        }
        return markSource.get();
    }

    // --- "Who says so?": sources, their mentions, claim links (DD013) ---------------------------

    private static final KeyedText SOURCES_CLOSED = KeyedText.of("base.save.sourcesNotOpen");

    private SourceWorkSaver sourceWorkSaver = SourceWorkSaver.closed(SOURCES_CLOSED);
    private Supplier<SourceWorkSnapshot> sourceWorkRefresh = SourceWorkSnapshot::empty;

    /**
     * Turns on the sources mode ("Who says so?"): the text's word and sentence spans (for
     * snapping), the claims to link (drawn as neutral, numbered highlights: the browser never
     * learns their types), the student's saved sources (each with its mentions) and links, the
     * outlets the text names (offered when a source was relayed; the student may also type one),
     * the key of this user's and attempt's outbox, where saves go, and where a tab that comes back
     * reads the current work.
     */
    public void startSourceWork(
            int[] words,
            int[] sentences,
            List<LinkableClaim> claims,
            List<SavedSource> sources,
            List<SavedLink> links,
            List<String> outlets,
            String outboxKey,
            SourceWorkSaver saver,
            Supplier<SourceWorkSnapshot> refresh) {
        this.sourceWorkSaver = saver;
        this.sourceWorkRefresh = refresh;
        setBoundaries(words, sentences);
        getElement().setPropertyList("claims", List.copyOf(claims));
        setSourceWork(new SourceWorkSnapshot(sources, links));
        getElement().setPropertyList("outlets", List.copyOf(outlets));
        getElement().setProperty("outboxKey", outboxKey);
        getElement().setProperty("mode", "sources");
        getElement().setProperty("readonly", false);
        getElement().setProperty("markable", true);
    }

    /**
     * Shows source work without any control to change it (after submitting, or for review): the
     * claims, the mentions drawn over the text and the sources panel with their links. After a
     * submit, call {@link #clearOutbox()} too, as for marks.
     */
    public void showSourceWork(List<LinkableClaim> claims, List<SavedSource> sources, List<SavedLink> links) {
        this.sourceWorkSaver = SourceWorkSaver.closed(SOURCES_CLOSED);
        this.sourceWorkRefresh = SourceWorkSnapshot::empty;
        getElement().setPropertyList("claims", List.copyOf(claims));
        setSourceWork(new SourceWorkSnapshot(sources, links));
        getElement().setProperty("mode", "sources");
        getElement().setProperty("markable", false);
        getElement().setProperty("readonly", true);
    }

    /**
     * The texts the browser shows, by key, over its English defaults ({@code DEFAULT_LABELS} in
     * labels.js): e.g. {@code "makeSource"}, a source kind's name {@code "kind:<code>"} and its
     * one-line explanation {@code "kindHelp:<code>"}, a claim type's name by its code.
     */
    public void setLabels(Map<String, String> labels) {
        getElement().setPropertyMap("labels", Map.copyOf(labels));
    }

    /** Replaces the saved source work the browser shows (its unsent changes stay on top). */
    public void setSourceWork(SourceWorkSnapshot work) {
        getElement().setPropertyBean("sourceWork", work);
    }

    /**
     * The sources mode's saves, each checked as {@link #saveMark} is: the call budget first (a
     * session over it is told "busy" and nothing is done), then a state the browser could not send
     * is refused with a message; anything else goes to the view's saver.
     */
    @ClientCallable
    SaveResult saveSource(@Nullable SourceState state) {
        if (!CallBudget.take()) {
            return state == null ? SaveResult.busy("", 0) : SaveResult.busy(id(state.sourceId()), state.seq());
        }
        if (state == null) {
            return SaveResult.rejected("", 0, KeyedText.of("base.save.sourceUnreadable"));
        }
        return sourceWorkSaver.saveSource(state);
    }

    @ClientCallable
    SaveResult saveMention(@Nullable MentionState state) {
        if (!CallBudget.take()) {
            return state == null ? SaveResult.busy("", 0) : SaveResult.busy(id(state.mentionId()), state.seq());
        }
        if (state == null) {
            return SaveResult.rejected("", 0, KeyedText.of("base.save.mentionUnreadable"));
        }
        return sourceWorkSaver.saveMention(state);
    }

    @ClientCallable
    SaveResult saveLink(@Nullable LinkState state) {
        if (!CallBudget.take()) {
            return state == null ? SaveResult.busy("", 0) : SaveResult.busy(id(state.linkId()), state.seq());
        }
        if (state == null) {
            return SaveResult.rejected("", 0, KeyedText.of("base.save.linkUnreadable"));
        }
        return sourceWorkSaver.saveLink(state);
    }

    /** The saved source work; nothing (the browser keeps what it shows) when over the budget. */
    @ClientCallable
    @Nullable
    SourceWorkSnapshot refreshSourceWork() {
        if (!CallBudget.take()) {
            return null;
        }
        return sourceWorkRefresh.get();
    }

    /**
     * Called once by the browser after it has drawn the text; it does nothing but take its share
     * of the call budget. The point is the round trip: Vaadin keeps each UI's last response so it
     * can send it again if the browser missed it, and for a student who has not saved anything yet
     * that is the response that built the page, article included (about 41 KB of heap per idle
     * student, issue 18). This call's small response replaces it (DD028).
     */
    @ClientCallable
    void drawn() {
        CallBudget.take();
    }

    private static String id(java.util.@Nullable UUID id) {
        return id == null ? "" : id.toString();
    }

    public void setReadOnly(boolean readOnly) {
        getElement().setProperty("readonly", readOnly);
    }

    public Registration addSelectionListener(SelectionListener listener) {
        return addListener(SelectionEvent.class, listener::onSelection);
    }

    /**
     * Called by the browser when the user has selected text. A selection that does not match the
     * text (a stale page, a tampered request) is dropped and logged; it changes nothing.
     */
    @ClientCallable
    void selectionChanged(int start, int end, @Nullable String exact) {
        if (exact == null || !CallBudget.take()) {
            return;
        }
        TextSpan span;
        try {
            span = TextSpan.within(text, start, end, exact);
        } catch (IllegalArgumentException e) {
            log.debug("Ignored a selection that does not match the text: {}", e.getMessage());
            fireEvent(new SelectionEvent(this, null, e.getMessage()));
            return;
        }
        fireEvent(new SelectionEvent(this, span, null));
    }

    @FunctionalInterface
    public interface SelectionListener {
        void onSelection(SelectionEvent event);
    }

    /** A selection the browser reported: either a checked span, or why it was refused. */
    public static final class SelectionEvent extends ComponentEvent<ClaimHighlighter> {
        private final @Nullable TextSpan span;
        private final @Nullable String problem;

        SelectionEvent(ClaimHighlighter source, @Nullable TextSpan span, @Nullable String problem) {
            super(source, true);
            this.span = span;
            this.problem = problem;
        }

        public Optional<TextSpan> span() {
            return Optional.ofNullable(span);
        }

        public Optional<String> problem() {
            return Optional.ofNullable(problem);
        }
    }
}
