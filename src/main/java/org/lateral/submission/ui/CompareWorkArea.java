package org.lateral.submission.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.lateral.base.AnchoredSpan;
import org.lateral.base.UserFacingException;
import org.lateral.base.highlighter.CallBudget;
import org.lateral.base.highlighter.SaveResult;
import org.lateral.base.i18n.Translations;
import org.lateral.submission.CompareItems;
import org.lateral.submission.CompareWork;
import org.lateral.submission.CompareWorkService;

/**
 * Server side of {@code <lateral-compare-work>} (frontend/compare-work/compare-work.js, DD015 "The
 * browser protocol"): the element wraps the compare step's layout (its children, added with
 * {@link #add}), owns the browser outbox and saves every change of an item as its full state
 * through the {@code @ClientCallable} methods below, which hand it to {@link CompareWorkService}.
 * The browser is trusted with nothing: each call first spends the session's call budget (a session
 * over it is told "busy" and nothing is done, DD007), a state the browser could not send is
 * refused with a sentence, and the service checks the rest.
 *
 * <p>The stored work reaches the browser as the {@code work} property, each item in the shape its
 * save takes ({@link Snapshot}): the fields already show the values, the element needs the seqs to
 * continue from and the spans to list and draw.
 */
@Tag("lateral-compare-work")
@JsModule("./compare-work/compare-work.js")
@CssImport("./compare-work/compare-work.css")
public class CompareWorkArea extends Component implements HasComponents {

    /** The stored work in the browser's shapes: what each save method takes (CompareItems). */
    public record Snapshot(
            List<CompareItems.GridState> grids,
            List<CompareItems.SpanState> spans,
            List<CompareItems.CellState> cells,
            List<CompareItems.NoteState> notes,
            CompareItems.@Nullable JudgementState judgement) {

        public Snapshot {
            grids = List.copyOf(grids);
            spans = List.copyOf(spans);
            cells = List.copyOf(cells);
            notes = List.copyOf(notes);
        }

        /** The work as the browser takes it, items in a fixed order so the property is stable. */
        public static Snapshot of(CompareWork work) {
            return new Snapshot(
                    work.grids().values().stream()
                            .sorted(Comparator.comparing(CompareWork.Grid::articleId))
                            .map(g -> new CompareItems.GridState(
                                    g.articleId().toString(),
                                    g.seq(),
                                    g.grid().framing(),
                                    g.grid().namedSources(),
                                    g.grid().anonymousSources(),
                                    g.grid().reporting(),
                                    g.grid().relayedFrom(),
                                    g.grid().includes(),
                                    g.grid().outletKind()))
                            .toList(),
                    work.spans().stream()
                            .map(s -> new CompareItems.SpanState(
                                    s.spanId().toString(),
                                    s.seq(),
                                    s.articleId().toString(),
                                    s.kind(),
                                    s.span().start(),
                                    s.span().end(),
                                    s.span().exact(),
                                    s.span().prefix(),
                                    s.span().suffix(),
                                    false))
                            .toList(),
                    work.cells().stream()
                            .map(c -> {
                                @Nullable AnchoredSpan w = c.wording();
                                return new CompareItems.CellState(
                                        c.claimId(),
                                        c.articleId().toString(),
                                        c.seq(),
                                        c.carried(),
                                        w == null ? null : w.start(),
                                        w == null ? null : w.end(),
                                        w == null ? null : w.exact(),
                                        w == null ? null : w.prefix(),
                                        w == null ? null : w.suffix());
                            })
                            .toList(),
                    work.notes().values().stream()
                            .sorted(Comparator.comparing(CompareWork.Note::outletId))
                            .map(n ->
                                    new CompareItems.NoteState(n.outletId().toString(), n.seq(), n.address(), n.note()))
                            .toList(),
                    work.judgement() == null
                            ? null
                            : new CompareItems.JudgementState(
                                    work.judgement().seq(), work.judgement().text()));
        }
    }

    private @Nullable UUID attemptId;
    private @Nullable CompareWorkService service;
    private final List<Consumer<SaveResult>> saveListeners = new CopyOnWriteArrayList<>();

    public CompareWorkArea() {
        getElement().setAttribute("data-testid", "compare-work");
    }

    /**
     * The browser's texts default to English (compare-work/labels.js); on a page in another
     * language Lateral has, they come from the translations' {@code compareWork.} keys, English
     * where a translation lacks one.
     */
    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        Translations.of(attach.getSession().getService()).ifPresent(translations -> {
            Locale language = translations.language(attach.getUI().getLocale());
            if (!language.equals(Translations.ENGLISH)) {
                getElement().setPropertyMap("labels", Map.copyOf(translations.withPrefix("compareWork.", language)));
            }
        });
    }

    /**
     * Turns on saving: the attempt the work belongs to, its stored work, the key of this user's
     * and step's outbox in the browser (OutboxKeys.forAttempt with the step), and the service.
     * Setting the key makes the browser put its unsent changes back and send them.
     */
    public void start(UUID attemptId, CompareWork work, String outboxKey, CompareWorkService service) {
        this.attemptId = attemptId;
        this.service = service;
        setWork(work);
        getElement().setProperty("readonly", false);
        getElement().setProperty("outboxKey", outboxKey);
    }

    /** Replaces the stored work the browser continues from (its unsent changes stay on top). */
    public void setWork(CompareWork work) {
        getElement().setPropertyBean("work", Snapshot.of(work));
    }

    /** Read-only: the browser saves nothing, picks nothing and offers no remove buttons. */
    public void setReadOnly(boolean readOnly) {
        getElement().setProperty("readonly", readOnly);
    }

    /**
     * Hears the service's answer to every save of this area, on the server, right after it (e.g.
     * to show an outlet's profile once the student's note about it is saved: its key is
     * {@code note:<outletId>}). Calls refused before reaching the service are not reported.
     */
    public Registration addSaveListener(Consumer<SaveResult> listener) {
        saveListeners.add(listener);
        return () -> saveListeners.remove(listener);
    }

    /** Forgets unsent changes kept in the browser: after a submit, or at sign-out. */
    public void clearOutbox() {
        getElement().callJsFunction("clearOutbox");
    }

    /**
     * Runs {@code whenSaved} once the browser reports everything saved (it waits up to about 10
     * s for saves under way); does nothing when it is not, so the caller decides what to say.
     */
    public void whenAllSaved(Runnable whenSaved) {
        whenAllSaved(whenSaved, () -> {});
    }

    /** As {@link #whenAllSaved(Runnable)}, running {@code otherwise} when something is not saved. */
    public void whenAllSaved(Runnable whenSaved, Runnable otherwise) {
        getElement()
                .callJsFunction("allSaved")
                .then(
                        Boolean.class,
                        saved -> {
                            if (Boolean.TRUE.equals(saved)) {
                                whenSaved.run();
                            } else {
                                otherwise.run();
                            }
                        },
                        error -> otherwise.run());
    }

    // --- the browser's calls -------------------------------------------------------------------

    @ClientCallable
    SaveResult saveGrid(CompareItems.@Nullable GridState state) {
        String key = state == null || state.articleId() == null ? "" : CompareItems.gridKey(state.articleId());
        return checked(
                key,
                state == null ? 0 : state.seq(),
                state,
                Texts.getTranslation("submission.compare.unreadableGrid"),
                (s, a, st) -> s.saveGrid(a, st));
    }

    @ClientCallable
    SaveResult saveSpan(CompareItems.@Nullable SpanState state) {
        String key = state == null || state.spanId() == null ? "" : CompareItems.spanKey(state.spanId());
        return checked(
                key,
                state == null ? 0 : state.seq(),
                state,
                Texts.getTranslation("submission.compare.unreadableSpan"),
                (s, a, st) -> s.saveSpan(a, st));
    }

    @ClientCallable
    SaveResult saveCell(CompareItems.@Nullable CellState state) {
        String key = state == null || state.claimId() == null || state.articleId() == null
                ? ""
                : CompareItems.cellKey(state.claimId(), state.articleId());
        return checked(
                key,
                state == null ? 0 : state.seq(),
                state,
                Texts.getTranslation("submission.compare.unreadableCell"),
                (s, a, st) -> s.saveCell(a, st));
    }

    @ClientCallable
    SaveResult saveNote(CompareItems.@Nullable NoteState state) {
        String key = state == null || state.outletId() == null ? "" : CompareItems.noteKey(state.outletId());
        return checked(
                key,
                state == null ? 0 : state.seq(),
                state,
                Texts.getTranslation("submission.compare.unreadableNote"),
                (s, a, st) -> s.saveNote(a, st));
    }

    @ClientCallable
    SaveResult saveJudgement(CompareItems.@Nullable JudgementState state) {
        return checked(
                CompareItems.JUDGEMENT_KEY,
                state == null ? 0 : state.seq(),
                state,
                Texts.getTranslation("submission.compare.unreadableJudgement"),
                (s, a, st) -> s.saveJudgement(a, st));
    }

    /** The stored work; nothing (the browser keeps what it shows) when over the budget or not started. */
    @ClientCallable
    @Nullable
    Snapshot refreshCompareWork() {
        CompareWorkService saving = service;
        UUID attempt = attemptId;
        if (!CallBudget.take() || saving == null || attempt == null) {
            return null;
        }
        return Snapshot.of(saving.compareWork(attempt));
    }

    @FunctionalInterface
    private interface Save<S> {
        SaveResult save(CompareWorkService service, UUID attemptId, S state);
    }

    /** The budget first, then a state that could not be read, then saving closed; the service decides the rest. */
    private <S> SaveResult checked(String key, int seq, @Nullable S state, String unreadable, Save<S> save) {
        if (!CallBudget.take()) {
            return SaveResult.busy(key, seq);
        }
        if (state == null) {
            return SaveResult.rejected(key, 0, unreadable);
        }
        CompareWorkService saving = service;
        UUID attempt = attemptId;
        if (saving == null || attempt == null) {
            return SaveResult.rejected(key, seq, Texts.getTranslation("submission.compare.closed"));
        }
        SaveResult result;
        try {
            result = save.save(saving, attempt, state);
        } catch (UserFacingException refused) {
            // A refusal that is not about this item (the student left the class, the work is not
            // theirs): retrying cannot help, so it is answered in words and settles the change.
            result = SaveResult.rejected(key, seq, refused.getLocalizedMessage());
        }
        for (Consumer<SaveResult> listener : saveListeners) {
            listener.accept(result);
        }
        return result;
    }
}
