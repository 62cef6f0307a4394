package org.lateral.library.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.lateral.base.TextSpan;
import org.lateral.base.UserFacingException;
import org.lateral.base.highlighter.ClaimHighlighter;
import org.lateral.base.highlighter.HighlighterClaimType;
import org.lateral.base.highlighter.OverlayKind;
import org.lateral.base.i18n.Formats;
import org.lateral.base.i18n.KeyedText;
import org.lateral.base.ui.RouteIds;
import org.lateral.base.ui.ScrollRegions;
import org.lateral.library.ClaimType;
import org.lateral.library.SourceKind;
import org.lateral.library.keys.KeyDraft;
import org.lateral.library.keys.KeyDrafts;
import org.lateral.library.keys.KeyEditorService;
import org.lateral.library.keys.StaleDraftException;
import org.lateral.library.suggest.Suggestions;

/**
 * The key editor (DD021): the teacher selects passages in the article with the students'
 * {@code <claim-highlighter>} (or types the words, for keyboard use), makes them claims or
 * sources, accepts or dismisses Lateral's suggestions one by one, and publishes. Every change is
 * saved at once through {@link KeyEditorService}, which checks it; this class only lays out the
 * draft and turns clicks into {@link KeyDrafts} changes.
 */
@Route("library/key")
@RolesAllowed("TEACHER")
class KeyEditorView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private final KeyEditorService keys;
    private String title = "";

    private UUID articleId = new UUID(0, 0);
    private String text = "";
    private int version;
    private KeyDraft draft = KeyDraft.EMPTY;
    private @Nullable TextSpan selected;
    private @Nullable Suggestions suggestions;
    private boolean stale;
    /** When the current published version was made; null before the first. */
    private @Nullable ZonedDateTime publishedAt;
    /** What gets the keyboard focus after the next redraw, so a keyboard user keeps their place. */
    private @Nullable Runnable focusAfterRedraw;

    private @Nullable Button firstAccept;
    private @Nullable Button addClaimButton;
    private final java.util.Map<String, KeyClaimCard> claimCards = new java.util.HashMap<>();
    private final Div side = new Div();

    private final ClaimHighlighter highlighter = new ClaimHighlighter();
    private final Div status = new Div();
    private final Paragraph error = new Paragraph();
    private final Div selectionBox = new Div();
    private final Div publishBox = new Div();
    private final Div suggestionsBox = new Div();
    private final Div claimsBox = new Div();
    private final Div sourcesBox = new Div();

    KeyEditorView(KeyEditorService keys) {
        this.keys = keys;
        addClassNames("page", "reader", "key-editor");
        status.setTestId("key-status");
        status.addClassName("key-status");
        status.getElement().setAttribute("aria-live", "polite");
        error.setTestId("key-error");
        error.addClassName("form-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        selectionBox.setTestId("key-selection");
        selectionBox.addClassNames("card", "key-selection");
        publishBox.setTestId("key-publish-box");
        publishBox.addClassName("card");
        suggestionsBox.setTestId("key-suggestions");
        claimsBox.setTestId("key-claims");
        sourcesBox.setTestId("key-sources");
        highlighter.addSelectionListener(e -> e.span().ifPresent(this::select));
        // The key's claims are drawn calmly, their ids hidden; the list finds each one in the text.
        highlighter.setOverlayList(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation(
                "base.pageTitle",
                title.isEmpty()
                        ? getTranslation("library.keyEditor.title")
                        : getTranslation("library.keyEditor.titleOf", title));
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        articleId = RouteIds.parse(parameter);
        KeyEditorService.Workspace workspace = keys.open(articleId).orElseThrow(NotFoundException::new);
        title = workspace.article().title();
        text = workspace.article().text();
        removeAll();
        render(workspace);
    }

    private void render(KeyEditorService.Workspace workspace) {
        Anchor back = LibraryNavigation.reader(articleId).anchor(getTranslation("library.keyEditor.back"));
        back.getElement().setAttribute("router-link", true);
        back.addClassName("back-link");
        highlighter.setText(text);
        Div column = new Div(
                back,
                new H2(getTranslation(
                        "library.keyEditor.titleOf", workspace.article().title())));
        UUID storySet = workspace.article().storySetId();
        if (storySet != null) {
            // The story set's comparison key has its own editor (DD021, "Comparison keys").
            Anchor comparison = LibraryNavigation.comparisonKeyEditor(storySet)
                    .anchor(getTranslation("library.keyEditor.comparisonLink"));
            comparison.getElement().setAttribute("router-link", true);
            comparison.setTestId("key-comparison-link");
            column.add(comparison);
        }
        column.addClassName("reader-text");
        side.removeAll();
        side.setEnabled(true);
        side.addClassName("reader-side");
        ScrollRegions.keyboardScrollable(side, getTranslation("library.keyEditor.sideRegion"));
        Div layout = new Div(column, side);
        layout.addClassName("reader-layout");
        add(layout);

        KeyEditorService.EditedKey key = workspace.key();
        if (key == null) {
            column.add(highlighter);
            side.add(startPanel(workspace));
            return;
        }
        version = key.version();
        draft = key.draft();
        column.add(new Paragraph(getTranslation("library.keyEditor.intro")), status, error);
        if (!key.lost().isEmpty()) {
            column.add(lostNotice(key.lost()));
        }
        // The selected passage and its actions stay in sight above the text while the teacher scrolls.
        column.add(selectionBox, highlighter);
        side.add(
                publishBox,
                suggestionsBox,
                new H3(getTranslation("library.keyEditor.claims")),
                typesHelp(),
                claimsBox,
                new H3(getTranslation("library.keyEditor.sources")),
                sourcesBox);
        publishedAt = key.publishedAt() == null ? null : key.publishedAt().atZone(ZoneId.systemDefault());
        showStatus(key.draftPublished());
        renderAll();
    }

    // --- before a key exists -------------------------------------------------------------------

    private Component startPanel(KeyEditorService.Workspace workspace) {
        Div panel = new Div();
        panel.addClassName("card");
        panel.setTestId("key-start");
        panel.add(new H3(getTranslation("library.keyEditor.start.heading")));
        KeyEditorService.Copyable copyable = workspace.copyable();
        if (copyable != null) {
            panel.add(new Paragraph(getTranslation(
                    copyable.fromPack() ? "library.keyEditor.copyable.pack" : "library.keyEditor.copyable.colleague",
                    copyable.claims(),
                    copyable.sources())));
            Button copy = new Button(getTranslation("library.keyEditor.copy"), e -> start(true));
            copy.addThemeVariants(ButtonVariant.PRIMARY);
            copy.setTestId("key-copy");
            panel.add(copy);
        }
        panel.add(new Paragraph(getTranslation("library.keyEditor.start.empty")));
        Button empty = new Button(getTranslation("library.keyEditor.start.button"), e -> start(false));
        if (copyable == null) {
            empty.addThemeVariants(ButtonVariant.PRIMARY);
        }
        empty.setTestId("key-start-empty");
        panel.add(empty, error);
        return panel;
    }

    private void start(boolean copy) {
        try {
            KeyEditorService.Workspace started = keys.start(articleId, copy);
            removeAll();
            render(started);
        } catch (UserFacingException e) {
            showError(e.getLocalizedMessage());
        }
    }

    private Component typesHelp() {
        UnorderedList list = new UnorderedList();
        for (ClaimType type : ClaimType.values()) {
            list.add(new ListItem(getTranslation(
                    "library.keyEditor.typeMeaning",
                    getTranslation(type.labelKey()),
                    getTranslation(type.descriptionKey()))));
        }
        return new Details(getTranslation("library.keyEditor.typesHelp"), list);
    }

    private Component lostNotice(List<KeyedText> lost) {
        Div notice = new Div();
        notice.addClassName("card");
        notice.setTestId("key-lost");
        UnorderedList list = new UnorderedList();
        lost.forEach(l -> list.add(new ListItem(l.in(this))));
        notice.add(new Paragraph(getTranslation("library.keyEditor.lost")), list);
        return notice;
    }

    // --- saving ----------------------------------------------------------------------------------

    /**
     * Applies a change and saves the draft. {@code redraw} rebuilds the lists (after adding or
     * removing something); a field's own edit needs no redraw, and redrawing would move the focus.
     */
    private void change(UnaryOperator<KeyDraft> edit, boolean redraw) {
        if (stale) {
            return;
        }
        KeyDraft changed = edit.apply(draft);
        if (changed.equals(draft)) {
            return;
        }
        try {
            KeyEditorService.Saved saved = keys.save(articleId, version, changed);
            version = saved.version();
            draft = changed;
            error.setVisible(false);
            showStatus(saved.published());
        } catch (StaleDraftException e) {
            becomeStale(e.getLocalizedMessage());
            return;
        } catch (UserFacingException e) {
            showError(e.getLocalizedMessage());
            redraw = true;
            focusAfterRedraw = null;
        }
        if (redraw) {
            renderAll();
            Runnable focus = focusAfterRedraw;
            focusAfterRedraw = null;
            if (focus != null) {
                focus.run();
            }
        } else {
            highlighter.setOverlays(overlays());
        }
    }

    /**
     * The stored draft moved on without this page (another tab, a corrected article): every field
     * stops working, so nothing typed here looks saved when it is not, and the sentence stays.
     */
    private void becomeStale(String message) {
        stale = true;
        showError(message);
        side.setEnabled(false);
        selectionBox.setEnabled(false);
        status.setText(getTranslation("library.keyEditor.status.stale"));
    }

    private void showStatus(boolean published) {
        status.getElement().setAttribute("data-draft-version", String.valueOf(version));
        if (publishedAt == null) {
            status.setText(getTranslation("library.keyEditor.status.unpublished"));
        } else if (published) {
            status.setText(
                    getTranslation("library.keyEditor.status.published", Formats.dateTime(publishedAt, getLocale())));
        } else {
            status.setText(
                    getTranslation("library.keyEditor.status.changed", Formats.dateTime(publishedAt, getLocale())));
        }
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private void renderAll() {
        highlighter.setOverlays(overlays());
        renderSelection();
        renderPublish();
        renderSuggestions();
        renderClaims();
        renderSources();
    }

    private List<ClaimHighlighter.Overlay> overlays() {
        List<ClaimHighlighter.Overlay> overlays = new ArrayList<>();
        for (KeyDraft.Claim c : draft.claims()) {
            HighlighterClaimType type = c.types().stream()
                    .sorted()
                    .findFirst()
                    .map(t -> HighlighterClaimType.of(t.code()))
                    .orElse(null);
            overlays.add(
                    new ClaimHighlighter.Overlay(c.id(), c.start(), c.end(), OverlayKind.CLAIM, type, c.id(), null));
        }
        for (KeyDraft.Source s : draft.sources()) {
            int n = 0;
            for (KeyDraft.Span m : s.mentions()) {
                overlays.add(ClaimHighlighter.Overlay.source(s.id() + "-" + n++, m.start(), m.end(), s.name()));
            }
        }
        return overlays;
    }

    // --- the selected passage ----------------------------------------------------------------------

    private void select(TextSpan span) {
        selected = span;
        renderSelection();
    }

    private void renderSelection() {
        selectionBox.removeAll();
        addClaimButton = null;
        // Kept short: it stays above the text while the teacher scrolls.
        TextField find = new TextField();
        find.setPlaceholder(getTranslation("library.keyEditor.find.placeholder"));
        find.setAriaLabel(getTranslation("library.keyEditor.find.label"));
        find.setTestId("key-find");
        find.setMaxLength(2000);
        find.addClassName("key-find");
        Button findButton =
                new Button(getTranslation("library.keyEditor.find.button"), e -> findWords(find.getValue()));
        findButton.setTestId("key-find-button");
        find.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, e -> findWords(find.getValue()));
        Div findRow = new Div(find, findButton);
        findRow.addClassName("key-actions");
        TextSpan span = selected;
        if (span == null) {
            selectionBox.add(new Paragraph(getTranslation("library.keyEditor.selection.none")), findRow);
            return;
        }
        Paragraph quote = new Paragraph(KeyDrafts.quote(text, span.start(), span.end()));
        quote.setTestId("key-selected");
        quote.getElement().setAttribute("data-start", String.valueOf(span.start()));
        quote.getElement().setAttribute("data-end", String.valueOf(span.end()));
        Button claim = new Button(getTranslation("library.keyEditor.addClaim"), e -> {
            selected = null;
            KeyDraft added = KeyDrafts.addClaim(draft, span.start(), span.end());
            String newId = added.claims().getLast().id();
            // The new claim's "why", so the teacher goes on describing it from the keyboard.
            focusAfterRedraw = () -> {
                KeyClaimCard card = claimCards.get(newId);
                if (card != null) {
                    card.focus();
                }
            };
            change(d -> added, true);
        });
        claim.setTestId("key-add-claim");
        addClaimButton = claim;
        claim.addThemeVariants(ButtonVariant.PRIMARY);
        Button source = new Button(getTranslation("library.keyEditor.addSource"), e -> {
            selected = null;
            change(
                    d -> KeyDrafts.addSource(
                            d,
                            text.substring(span.start(), span.end()),
                            SourceKind.NAMED_PERSON,
                            span.start(),
                            span.end()),
                    true);
        });
        source.setTestId("key-add-source");
        Div actions = new Div(claim, source);
        actions.addClassName("key-actions");
        selectionBox.add(quote, actions);
        if (!draft.sources().isEmpty()) {
            Select<KeyDraft.Source> which = new Select<>();
            which.setLabel(getTranslation("library.keyEditor.mention.label"));
            which.setItems(draft.sources());
            which.setItemLabelGenerator(KeyDraft.Source::name);
            which.setTestId("key-mention-source");
            Button mention = new Button(getTranslation("library.keyEditor.mention.add"), e -> {
                if (which.getValue() != null) {
                    selected = null;
                    change(d -> KeyDrafts.addMention(d, which.getValue().id(), span.start(), span.end()), true);
                }
            });
            mention.setTestId("key-add-mention");
            Div mentionRow = new Div(which, mention);
            mentionRow.addClassName("key-actions");
            selectionBox.add(mentionRow);
        }
        selectionBox.add(findRow);
    }

    /** The keyboard's way to select: the typed words, where they first occur in the text. */
    private void findWords(String typed) {
        String words = typed.strip();
        if (words.isEmpty()) {
            showError(getTranslation("library.keyEditor.find.empty"));
            return;
        }
        // Typing the selected words again selects their next occurrence: a name the text repeats.
        TextSpan current = selected;
        int from = current != null && current.exact().equals(words) ? current.end() : 0;
        int at = text.indexOf(words, from);
        if (at < 0 && from > 0) {
            at = text.indexOf(words);
        }
        if (at < 0) {
            showError(getTranslation("library.keyEditor.find.notFound"));
            return;
        }
        error.setVisible(false);
        selected = TextSpan.within(text, at, at + words.length(), words);
        renderSelection();
        // Found from the keyboard: the next step is what to make of the words.
        if (addClaimButton != null) {
            addClaimButton.focus();
        }
    }

    // --- publishing --------------------------------------------------------------------------------

    private void renderPublish() {
        publishBox.removeAll();
        publishBox.add(new H3(getTranslation("library.keyEditor.publish.heading")));
        publishBox.add(new Paragraph(getTranslation("library.keyEditor.publish.intro")));
        TextArea changes = new TextArea(getTranslation("library.keyEditor.publish.changes"));
        changes.setTestId("key-changes");
        changes.setWidthFull();
        changes.setMaxLength(KeyDrafts.MAX_CHANGES);
        changes.setValue(draft.changes());
        changes.addValueChangeListener(e -> {
            change(d -> KeyDrafts.withChanges(d, e.getValue()), false);
        });
        Div problems = new Div();
        problems.setTestId("key-problems");
        Button publish = new Button(getTranslation("library.keyEditor.publish.button"), e -> publish(problems));
        publish.addThemeVariants(ButtonVariant.PRIMARY);
        publish.setTestId("key-publish");
        publish.setEnabled(!stale);
        publishBox.add(changes, publish, problems);
    }

    private void publish(Div problems) {
        problems.removeAll();
        try {
            KeyEditorService.Publication result = keys.publish(articleId, version);
            if (!result.published()) {
                UnorderedList list = new UnorderedList();
                result.problems().forEach(p -> list.add(new ListItem(p.in(this))));
                problems.add(new Paragraph(getTranslation("library.keyEditor.publish.problems")), list);
                problems.getElement().setAttribute("data-outcome", "problems");
                return;
            }
            Paragraph done = new Paragraph(
                    result.added()
                            ? getTranslation("library.keyEditor.publish.done")
                            : getTranslation("library.keyEditor.publish.unchanged"));
            problems.add(done);
            problems.getElement().setAttribute("data-outcome", "published");
            if (result.added()) {
                publishedAt = ZonedDateTime.now(ZoneId.systemDefault());
            }
            showStatus(true);
        } catch (StaleDraftException e) {
            becomeStale(e.getLocalizedMessage());
        } catch (UserFacingException e) {
            showError(e.getLocalizedMessage());
        }
    }

    // --- suggestions -------------------------------------------------------------------------------

    private void renderSuggestions() {
        suggestionsBox.removeAll();
        firstAccept = null;
        Suggestions all = suggestions;
        if (all == null) {
            all = keys.suggestions(articleId);
            suggestions = all;
        }
        List<Suggestions.ProposedClaim> claims =
                all.claims().stream().filter(c -> KeyDrafts.open(draft, c)).toList();
        List<Suggestions.ProposedSource> sources =
                all.sources().stream().filter(s -> KeyDrafts.open(draft, s)).toList();
        Div inner = new Div();
        if (claims.isEmpty() && sources.isEmpty()) {
            inner.add(new Paragraph(getTranslation("library.keyEditor.suggestions.none")));
        }
        for (Suggestions.ProposedSource s : sources) {
            Div item = new Div();
            item.addClassNames("key-suggestion", "card");
            item.setTestId("key-suggested-source");
            item.add(
                    new Paragraph(new Span(getTranslation("library.keyEditor.suggestions.source")), new Span(s.name())),
                    new Paragraph(getTranslation(
                            "library.keyEditor.suggestions.sourceFacts",
                            getTranslation(s.kind().labelKey()),
                            s.mentions().size(),
                            s.cue())));
            item.add(decisions(d -> KeyDrafts.accept(d, s), KeyDrafts.suggestionKey(s)));
            inner.add(item);
        }
        for (Suggestions.ProposedClaim c : claims) {
            Div item = new Div();
            item.addClassNames("key-suggestion", "card");
            item.setTestId("key-suggested-claim");
            item.getElement().setAttribute("data-start", String.valueOf(c.start()));
            item.add(
                    new Paragraph(KeyDrafts.quote(text, c.start(), c.end())),
                    new Paragraph(getTranslation(
                            "library.keyEditor.suggestions.claimFacts", typeNames(c.types()), c.worthiness(), c.cue())),
                    new Paragraph(c.why()));
            item.add(decisions(d -> KeyDrafts.accept(d, c), KeyDrafts.suggestionKey(c)));
            inner.add(item);
        }
        Details details = new Details(
                getTranslation("library.keyEditor.suggestions.heading", claims.size() + sources.size()), inner);
        details.setOpened(true);
        suggestionsBox.add(details, new Paragraph(getTranslation("library.keyEditor.suggestions.about")));
    }

    private Component decisions(UnaryOperator<KeyDraft> accept, String suggestionKey) {
        Button yes = new Button(getTranslation("library.keyEditor.suggestions.accept"), e -> {
            focusAfterRedraw = this::focusNextSuggestion;
            change(accept, true);
        });
        yes.setTestId("key-suggestion-accept");
        if (firstAccept == null) {
            firstAccept = yes;
        }
        Button no = new Button(getTranslation("library.keyEditor.suggestions.dismiss"), e -> {
            focusAfterRedraw = this::focusNextSuggestion;
            change(d -> KeyDrafts.dismiss(d, suggestionKey), true);
        });
        no.setTestId("key-suggestion-dismiss");
        no.addThemeVariants(ButtonVariant.TERTIARY);
        Div row = new Div(yes, no);
        row.addClassName("key-actions");
        return row;
    }

    /** After a decision, the next suggestion's "Accept", so the keyboard stays in the list. */
    private void focusNextSuggestion() {
        if (firstAccept != null) {
            firstAccept.focus();
        }
    }

    private String typeNames(java.util.Set<ClaimType> types) {
        return types.stream()
                .sorted()
                .map(t -> getTranslation(t.labelKey()))
                .reduce((a, b) -> a + ", " + b)
                .orElseGet(() -> getTranslation("library.keyEditor.noType"));
    }

    // --- claims and sources ----------------------------------------------------------------------

    private void renderClaims() {
        claimsBox.removeAll();
        claimCards.clear();
        if (draft.claims().isEmpty()) {
            claimsBox.add(new Paragraph(getTranslation("library.keyEditor.claims.none")));
            return;
        }
        for (KeyDraft.Claim c : KeyDrafts.inTextOrder(draft.claims())) {
            KeyClaimCard card = new KeyClaimCard(c, text, draft.sources(), this::change);
            claimCards.put(c.id(), card);
            claimsBox.add(card);
        }
    }

    private void renderSources() {
        sourcesBox.removeAll();
        if (draft.sources().isEmpty()) {
            sourcesBox.add(new Paragraph(getTranslation("library.keyEditor.sources.none")));
            return;
        }
        for (KeyDraft.Source s : draft.sources()) {
            sourcesBox.add(new KeySourceCard(s, text, this::change));
        }
    }

    /** How a card hands a change to the view. */
    @FunctionalInterface
    interface Changes {
        void apply(UnaryOperator<KeyDraft> edit, boolean redraw);
    }
}
