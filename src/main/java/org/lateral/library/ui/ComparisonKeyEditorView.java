package org.lateral.library.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.lateral.base.UserFacingException;
import org.lateral.base.i18n.Formats;
import org.lateral.base.ui.RouteIds;
import org.lateral.library.keys.ComparisonDraft;
import org.lateral.library.keys.ComparisonDrafts;
import org.lateral.library.keys.ComparisonKeyEditorService;
import org.lateral.library.keys.StaleDraftException;

/**
 * The comparison key editor (DD021, "Comparison keys"): a plain form of a story set's comparison
 * key, what the compare-outlets step is scored against. Per article the grid's answers, then the
 * core claims with how each article carries them, then the closing judgement's rubric. Every
 * field change saves the whole draft at once through {@link ComparisonKeyEditorService}, which
 * checks it; this class only lays the draft out and turns field changes into {@link
 * ComparisonDrafts} changes.
 */
@Route("library/story-set-key")
@RolesAllowed("TEACHER")
class ComparisonKeyEditorView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    /** The keys of the choices' words, by the codes the draft stores. */
    private static final Map<String, String> FRAMING_LABELS = Map.of(
            "neutral", "library.comparison.framing.neutral",
            "hedged", "library.comparison.framing.hedged",
            "sensational", "library.comparison.framing.sensational",
            "question", "library.comparison.framing.question");

    private static final Map<String, String> REPORTING_LABELS = Map.of(
            "original", "library.comparison.reporting.original",
            "relay", "library.comparison.reporting.relay",
            "mixed", "library.comparison.reporting.mixed");
    private static final Map<String, String> CARRYING_LABELS = Map.of(
            "fact", "library.comparison.carrying.fact",
            "attributed", "library.comparison.carrying.attributed",
            "hedged", "library.comparison.carrying.hedged",
            "absent", "library.comparison.carrying.absent");

    private final ComparisonKeyEditorService comparisons;
    private String title = "";

    private UUID storySetId = new UUID(0, 0);
    private List<ComparisonDrafts.SetArticle> articles = List.of();
    private Map<UUID, String> outlets = Map.of();
    private int version;
    private ComparisonDraft draft = ComparisonDraft.EMPTY;
    private boolean stale;
    private @Nullable ZonedDateTime publishedAt;

    private final Div status = new Div();
    private final Paragraph error = new Paragraph();
    private final Div entriesBox = new Div();
    private final Div claimsBox = new Div();
    private final Div rubricBox = new Div();
    private final Div problems = new Div();
    private final Button publish = new Button(getTranslation("library.comparison.publish"));

    ComparisonKeyEditorView(ComparisonKeyEditorService comparisons) {
        this.comparisons = comparisons;
        addClassNames("page", "comparison-key-editor");
        status.setTestId("cmp-status");
        status.addClassName("key-status");
        status.getElement().setAttribute("aria-live", "polite");
        error.setTestId("cmp-error");
        error.addClassName("form-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        entriesBox.setTestId("cmp-entries");
        claimsBox.setTestId("cmp-claims");
        rubricBox.setTestId("cmp-rubric");
        problems.setTestId("cmp-problems");
        problems.getElement().setAttribute("aria-live", "polite");
        publish.setTestId("cmp-publish");
        publish.addThemeVariants(ButtonVariant.PRIMARY);
        publish.addClickListener(e -> publish());
    }

    @Override
    public String getPageTitle() {
        return getTranslation(
                "base.pageTitle",
                title.isEmpty()
                        ? getTranslation("library.comparison.title")
                        : getTranslation("library.comparison.titleOf", title));
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        storySetId = RouteIds.parse(parameter);
        ComparisonKeyEditorService.Workspace workspace =
                comparisons.open(storySetId).orElseThrow(NotFoundException::new);
        title = workspace.storySet().title();
        render(workspace);
    }

    private void render(ComparisonKeyEditorService.Workspace workspace) {
        removeAll();
        articles = workspace.storySet().articles();
        outlets = workspace.storySet().outlets();
        Anchor back = LibraryNavigation.library().anchor("\u2190 " + getTranslation("library.comparison.back"));
        back.getElement().setAttribute("router-link", true);
        back.addClassName("back-link");
        add(
                back,
                new H2(getTranslation(
                        "library.comparison.titleOf", workspace.storySet().title())));
        ComparisonKeyEditorService.EditedComparison key = workspace.key();
        if (key == null) {
            add(startPanel(workspace));
            return;
        }
        version = key.version();
        draft = key.draft();
        publishedAt = key.publishedAt() == null ? null : key.publishedAt().atZone(ZoneId.systemDefault());
        add(new Paragraph(getTranslation("library.comparison.intro")), status, error);
        Div publishBox = new Div(new Paragraph(getTranslation("library.comparison.publishWhen")), publish, problems);
        publishBox.addClassName("card");
        publishBox.setTestId("cmp-publish-box");
        add(
                publishBox,
                new H3(getTranslation("library.comparison.articles")),
                entriesBox,
                new H3(getTranslation("library.comparison.coreClaims")),
                claimsBox);
        add(new H3(getTranslation("library.comparison.rubric")), rubricBox);
        showStatus(key.draftPublished());
        renderAll();
    }

    // --- before a comparison key exists -------------------------------------------------------

    private Component startPanel(ComparisonKeyEditorService.Workspace workspace) {
        Div panel = new Div();
        panel.addClassName("card");
        panel.setTestId("cmp-start");
        panel.add(new H3(getTranslation("library.comparison.none")));
        ComparisonKeyEditorService.Copyable copyable = workspace.copyable();
        if (copyable != null) {
            panel.add(new Paragraph(
                    copyable.fromPack()
                            ? getTranslation("library.comparison.copyable.pack", copyable.claims(), copyable.levels())
                            : getTranslation(
                                    "library.comparison.copyable.colleague", copyable.claims(), copyable.levels())));
            Button copy = new Button(getTranslation("library.comparison.copy"), e -> start(true));
            copy.addThemeVariants(ButtonVariant.PRIMARY);
            copy.setTestId("cmp-copy");
            panel.add(copy);
        }
        int count = workspace.storySet().articles().size();
        if (count < 2) {
            panel.add(new Paragraph(getTranslation("library.comparison.tooFew", count)));
        } else {
            panel.add(new Paragraph(getTranslation("library.comparison.orEmpty", count)));
        }
        Button empty = new Button(getTranslation("library.comparison.startEmpty"), e -> start(false));
        if (copyable == null) {
            empty.addThemeVariants(ButtonVariant.PRIMARY);
        }
        empty.setTestId("cmp-start-empty");
        panel.add(empty, error);
        return panel;
    }

    private void start(boolean copy) {
        try {
            render(comparisons.start(storySetId, copy));
        } catch (UserFacingException e) {
            showError(e.getLocalizedMessage());
        }
    }

    // --- saving ----------------------------------------------------------------------------

    /**
     * Applies one change to the draft and saves the whole draft. {@code redraw} lays the form out
     * again (after adding or removing a part); a refused change always does, so the page shows
     * what is stored.
     */
    private void change(UnaryOperator<ComparisonDraft> edit, boolean redraw) {
        if (stale) {
            return;
        }
        ComparisonDraft changed = edit.apply(draft);
        if (changed.equals(draft)) {
            return;
        }
        try {
            ComparisonKeyEditorService.Saved saved = comparisons.save(storySetId, version, changed);
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
        }
        if (redraw) {
            renderAll();
        }
    }

    private void becomeStale(String message) {
        stale = true;
        showError(message);
        publish.setEnabled(false);
        entriesBox.setEnabled(false);
        claimsBox.setEnabled(false);
        rubricBox.setEnabled(false);
    }

    private void showStatus(boolean published) {
        status.getElement().setAttribute("data-draft-version", String.valueOf(version));
        if (publishedAt == null) {
            status.setText(getTranslation("library.comparison.status.unpublished"));
        } else if (published) {
            status.setText(
                    getTranslation("library.comparison.status.published", Formats.dateTime(publishedAt, getLocale())));
        } else {
            status.setText(
                    getTranslation("library.comparison.status.changed", Formats.dateTime(publishedAt, getLocale())));
        }
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private void publish() {
        problems.removeAll();
        problems.getElement().removeAttribute("data-outcome");
        if (stale) {
            return;
        }
        try {
            ComparisonKeyEditorService.Publication result = comparisons.publish(storySetId, version);
            if (!result.published()) {
                UnorderedList list = new UnorderedList();
                result.problems().forEach(p -> list.add(new ListItem(p.in(this))));
                problems.add(new Paragraph(getTranslation("library.comparison.problems")), list);
                problems.getElement().setAttribute("data-outcome", "problems");
                return;
            }
            problems.add(new Paragraph(
                    result.added()
                            ? getTranslation("library.comparison.published")
                            : getTranslation("library.comparison.unchanged")));
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

    // --- the form ----------------------------------------------------------------------------

    private void renderAll() {
        entriesBox.removeAll();
        for (ComparisonDrafts.SetArticle article : articles) {
            entriesBox.add(entryCard(article, ComparisonDrafts.entry(draft, article.articleId())));
        }
        claimsBox.removeAll();
        claimsBox.add(new Paragraph(getTranslation("library.comparison.claimsIntro")));
        int number = 0;
        for (ComparisonDraft.CoreClaim claim : draft.claims()) {
            claimsBox.add(claimCard(++number, claim));
        }
        Button addClaim = new Button(
                getTranslation("library.comparison.addClaim"), e -> change(ComparisonDrafts::addClaim, true));
        addClaim.setTestId("cmp-add-claim");
        addClaim.setEnabled(draft.claims().size() < ComparisonDrafts.MAX_CLAIMS);
        claimsBox.add(addClaim);
        rubricBox.removeAll();
        rubricBox.add(new Paragraph(getTranslation("library.comparison.rubricIntro")));
        for (int level = 0; level < draft.rubric().size(); level++) {
            rubricBox.add(levelCard(level, draft.rubric().get(level)));
        }
        Button addLevel = new Button(
                getTranslation("library.comparison.addLevel"), e -> change(ComparisonDrafts::addLevel, true));
        addLevel.setTestId("cmp-add-level");
        addLevel.setEnabled(draft.rubric().size() < ComparisonDrafts.MAX_LEVELS);
        rubricBox.add(addLevel);
    }

    private void entry(UUID articleId, UnaryOperator<ComparisonDraft.Entry> edit) {
        change(d -> ComparisonDrafts.updateEntry(d, articleId, edit), false);
    }

    private Component entryCard(ComparisonDrafts.SetArticle article, ComparisonDraft.Entry e) {
        UUID id = article.articleId();
        Div card = new Div(new H4(article.title() + " \u2014 " + outlets.getOrDefault(id, "")));
        card.addClassNames("card", "cmp-entry");
        card.setTestId("cmp-entry");
        card.getElement().setAttribute("data-article-id", id.toString());
        // The article's words, to copy hedges, loaded words and quotes from exactly.
        Paragraph words = new Paragraph(article.text());
        words.addClassName("cmp-text");
        Details read = new Details(getTranslation("library.comparison.read"), words);
        read.setTestId("cmp-article-text");
        card.add(read);

        Select<String> framing = choice(
                getTranslation("library.comparison.framing"), ComparisonDrafts.FRAMINGS, FRAMING_LABELS, e.framing());
        framing.setTestId("cmp-framing");
        onChange(framing, v -> entry(id, x -> x.withFraming(v, x.framingAlsoAccepted(), x.framingWhy())));
        CheckboxGroup<String> also =
                checks(getTranslation("library.comparison.framingAlso"), ComparisonDrafts.FRAMINGS, FRAMING_LABELS);
        also.setValue(java.util.Set.copyOf(e.framingAlsoAccepted()));
        also.setTestId("cmp-framing-also");
        also.addValueChangeListener(v -> entry(
                id,
                x -> x.withFraming(
                        x.framing(),
                        ComparisonDrafts.FRAMINGS.stream()
                                .filter(v.getValue()::contains)
                                .toList(),
                        x.framingWhy())));
        TextArea why = area(getTranslation("library.comparison.alsoWhy"), e.framingWhy(), ComparisonDrafts.MAX_TEXT);
        why.setTestId("cmp-framing-why");
        onChange(why, v -> entry(id, x -> x.withFraming(x.framing(), x.framingAlsoAccepted(), v)));
        TextArea explained = area(
                getTranslation("library.comparison.headlineFraming"), e.headlineFraming(), ComparisonDrafts.MAX_TEXT);
        explained.setTestId("cmp-headline-framing");
        onChange(explained, v -> entry(id, x -> x.withHeadlineFraming(v)));

        TextField named = count(getTranslation("library.comparison.named"), e.named());
        named.setTestId("cmp-named");
        TextField namedMax = count(getTranslation("library.comparison.namedMax"), e.namedMax());
        namedMax.setTestId("cmp-named-max");
        TextField anonymous = count(getTranslation("library.comparison.anonymous"), e.anonymous());
        anonymous.setTestId("cmp-anonymous");
        TextField anonymousMax = count(getTranslation("library.comparison.anonymousMax"), e.anonymousMax());
        anonymousMax.setTestId("cmp-anonymous-max");
        for (TextField f : List.of(named, namedMax, anonymous, anonymousMax)) {
            f.addValueChangeListener(v -> {
                Integer n = number(named.getValue());
                Integer a = number(anonymous.getValue());
                Integer nMax = number(namedMax.getValue());
                Integer aMax = number(anonymousMax.getValue());
                if ((n == null && !named.getValue().isBlank())
                        || (a == null && !anonymous.getValue().isBlank())
                        || (nMax == null && !namedMax.getValue().isBlank())
                        || (aMax == null && !anonymousMax.getValue().isBlank())) {
                    showError(getTranslation("library.comparison.notANumber"));
                    return;
                }
                entry(id, x -> x.withCounts(n == null ? 0 : n, nMax, a == null ? 0 : a, aMax));
            });
        }

        TextField hedges = words(getTranslation("library.comparison.hedges"), e.hedges());
        hedges.setTestId("cmp-hedges");
        onChange(hedges, v -> entry(id, x -> x.withWords(ComparisonDrafts.words(v), x.loadedWords())));
        TextField loaded = words(getTranslation("library.comparison.loaded"), e.loadedWords());
        loaded.setTestId("cmp-loaded");
        onChange(loaded, v -> entry(id, x -> x.withWords(x.hedges(), ComparisonDrafts.words(v))));

        Select<String> reporting = choice(
                getTranslation("library.comparison.reporting"),
                ComparisonDrafts.REPORTING,
                REPORTING_LABELS,
                e.reporting());
        reporting.setTestId("cmp-reporting");
        onChange(reporting, v -> entry(id, x -> x.withReporting(v, x.relayedFrom())));
        TextField relayed = words(getTranslation("library.comparison.relayed"), e.relayedFrom());
        relayed.setTestId("cmp-relayed");
        onChange(relayed, v -> entry(id, x -> x.withReporting(x.reporting(), ComparisonDrafts.words(v))));

        TextArea outletNote =
                area(getTranslation("library.comparison.outletNote"), e.outletKindNote(), ComparisonDrafts.MAX_TEXT);
        outletNote.setTestId("cmp-outlet-note");
        onChange(outletNote, v -> entry(id, x -> x.withNotes(v, x.omissions(), x.notes())));
        TextArea omissions =
                area(getTranslation("library.comparison.omissions"), e.omissions(), ComparisonDrafts.MAX_TEXT);
        omissions.setTestId("cmp-omissions");
        onChange(omissions, v -> entry(id, x -> x.withNotes(x.outletKindNote(), v, x.notes())));
        TextArea notes = area(getTranslation("library.comparison.notes"), e.notes(), ComparisonDrafts.MAX_TEXT);
        notes.setTestId("cmp-notes");
        onChange(notes, v -> entry(id, x -> x.withNotes(x.outletKindNote(), x.omissions(), v)));

        Div counts = new Div(named, namedMax, anonymous, anonymousMax);
        counts.addClassName("key-actions");
        Div reported = new Div(reporting, relayed);
        reported.addClassName("key-actions");
        card.add(framing, also, why, explained, counts, hedges, loaded, reported, outletNote, omissions, notes);
        return card;
    }

    private Component claimCard(int number, ComparisonDraft.CoreClaim claim) {
        String claimId = claim.id();
        Div card = new Div(new H4(getTranslation("library.comparison.coreClaim", number)));
        card.addClassNames("card", "cmp-claim");
        card.setTestId("cmp-claim");
        card.getElement().setAttribute("data-claim-id", claimId);
        TextArea text = area(getTranslation("library.comparison.claim"), claim.claim(), ComparisonDrafts.MAX_CLAIM);
        text.setTestId("cmp-claim-text");
        onChange(
                text,
                v -> change(
                        d -> ComparisonDrafts.updateClaim(
                                d, claimId, c -> new ComparisonDraft.CoreClaim(c.id(), v, c.carriages())),
                        false));
        Button remove = new Button(
                getTranslation("library.comparison.removeClaim"),
                e -> change(d -> ComparisonDrafts.removeClaim(d, claimId), true));
        remove.addThemeVariants(ButtonVariant.TERTIARY);
        remove.setTestId("cmp-claim-remove");
        card.add(text, remove);
        for (ComparisonDrafts.SetArticle article : articles) {
            card.add(cell(claimId, article, ComparisonDrafts.carriage(claim, article.articleId())));
        }
        return card;
    }

    private Component cell(String claimId, ComparisonDrafts.SetArticle article, ComparisonDraft.Carriage x) {
        UUID id = article.articleId();
        Div cell = new Div(new Paragraph(article.title()));
        cell.addClassName("cmp-cell");
        cell.setTestId("cmp-cell");
        cell.getElement().setAttribute("data-article-id", id.toString());
        Consumer<UnaryOperator<ComparisonDraft.Carriage>> save =
                op -> change(d -> ComparisonDrafts.updateCarriage(d, claimId, id, op), false);
        Select<String> how =
                choice(getTranslation("library.comparison.how"), ComparisonDrafts.CARRYING, CARRYING_LABELS, x.how());
        how.setTestId("cmp-how");
        onChange(how, v -> save.accept(c -> ComparisonDraft.how(c, v)));
        TextField quote = new TextField(getTranslation("library.comparison.quote"));
        quote.setValue(x.quote());
        quote.setMaxLength(ComparisonDrafts.MAX_QUOTE);
        quote.setTestId("cmp-quote");
        onChange(quote, v -> save.accept(c -> ComparisonDraft.quoting(c, v.strip())));
        CheckboxGroup<String> also =
                checks(getTranslation("library.comparison.howAlso"), ComparisonDrafts.CARRYING, CARRYING_LABELS);
        also.setValue(java.util.Set.copyOf(x.alsoAccepted()));
        also.setTestId("cmp-how-also");
        also.addValueChangeListener(v -> save.accept(c -> ComparisonDraft.accepting(
                c,
                ComparisonDrafts.CARRYING.stream()
                        .filter(v.getValue()::contains)
                        .toList(),
                c.why())));
        TextArea why = new TextArea(getTranslation("library.comparison.alsoWhy"));
        why.setValue(x.why());
        why.setMaxLength(ComparisonDrafts.MAX_TEXT);
        why.setTestId("cmp-how-why");
        onChange(why, v -> save.accept(c -> ComparisonDraft.accepting(c, c.alsoAccepted(), v)));
        quote.setWidthFull();
        why.setWidthFull();
        cell.add(how, quote, also, why);
        return cell;
    }

    private Component levelCard(int level, ComparisonDraft.Level l) {
        Div card = new Div(new H4(getTranslation("library.comparison.level", level)));
        card.addClassNames("card", "cmp-rubric-level");
        card.setTestId("cmp-rubric-level");
        card.getElement().setAttribute("data-level", String.valueOf(level));
        TextField name = new TextField(getTranslation("library.comparison.levelName"));
        name.setValue(l.name());
        name.setWidthFull();
        name.setMaxLength(ComparisonDrafts.MAX_LEVEL_NAME);
        name.setTestId("cmp-level-name");
        onChange(
                name,
                v -> change(
                        d -> ComparisonDrafts.updateLevel(d, level, x -> new ComparisonDraft.Level(v, x.descriptor())),
                        false));
        TextArea descriptor = area(
                getTranslation("library.comparison.levelDescriptor"), l.descriptor(), ComparisonDrafts.MAX_DESCRIPTOR);
        descriptor.setTestId("cmp-level-descriptor");
        onChange(
                descriptor,
                v -> change(
                        d -> ComparisonDrafts.updateLevel(d, level, x -> new ComparisonDraft.Level(x.name(), v)),
                        false));
        Button remove = new Button(
                getTranslation("library.comparison.removeLevel"),
                e -> change(d -> ComparisonDrafts.removeLevel(d, level), true));
        remove.addThemeVariants(ButtonVariant.TERTIARY);
        remove.setTestId("cmp-level-remove");
        card.add(name, descriptor, remove);
        return card;
    }

    // --- fields --------------------------------------------------------------------------------

    private Select<String> choice(String label, List<String> codes, Map<String, String> labels, String value) {
        Select<String> select = new Select<>();
        select.setLabel(label);
        select.setItems(codes);
        String notChosen = getTranslation("library.comparison.notChosen");
        select.setItemLabelGenerator(c -> c == null ? notChosen : word(labels, c));
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(notChosen);
        select.setValue(value.isEmpty() ? null : value);
        return select;
    }

    private CheckboxGroup<String> checks(String label, List<String> codes, Map<String, String> labels) {
        CheckboxGroup<String> group = new CheckboxGroup<>(label);
        group.setItems(codes);
        group.setItemLabelGenerator(c -> word(labels, c));
        return group;
    }

    /** A choice's words in the page's language; a code this version does not know, as it is. */
    private String word(Map<String, String> labels, String code) {
        String key = labels.get(code);
        return key == null ? code : getTranslation(key);
    }

    private static TextArea area(String label, String value, int max) {
        TextArea area = new TextArea(label);
        area.setValue(value);
        area.setMaxLength(max);
        area.setWidthFull();
        return area;
    }

    private static TextField words(String label, List<String> words) {
        TextField field = new TextField(label);
        field.setValue(String.join(", ", words));
        field.setWidthFull();
        return field;
    }

    private static TextField count(String label, @Nullable Integer value) {
        TextField field = new TextField(label);
        field.setValue(value == null ? "" : String.valueOf(value));
        field.setAllowedCharPattern("[0-9]");
        field.setMaxLength(3);
        return field;
    }

    private static @Nullable Integer number(String typed) {
        String t = typed.strip();
        if (t.isEmpty() || !t.matches("[0-9]{1,3}")) {
            return null;
        }
        return Integer.valueOf(t);
    }

    /** Saves the field's new value; an empty choice is the code "" (not chosen yet). */
    private static void onChange(HasValue<?, String> field, Consumer<String> save) {
        field.addValueChangeListener(e -> save.accept(e.getValue() == null ? "" : e.getValue()));
    }
}
