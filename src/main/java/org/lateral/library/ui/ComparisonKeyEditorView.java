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
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.lateral.base.UserFacingException;
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

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(
                    FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(Locale.UK);

    private static final Map<String, String> FRAMING_LABELS =
            Map.of("neutral", "Neutral", "hedged", "Hedged", "sensational", "Sensational", "question", "A question");
    private static final Map<String, String> REPORTING_LABELS =
            Map.of("original", "Its own reporting", "relay", "Relays another outlet", "mixed", "Both");
    private static final Map<String, String> CARRYING_LABELS = Map.of(
            "fact",
            "As fact (own voice)",
            "attributed",
            "Attributed to someone",
            "hedged",
            "Hedged",
            "absent",
            "Absent");

    private final ComparisonKeyEditorService comparisons;
    private String title = "Comparison key · Lateral";

    private UUID storySetId = new UUID(0, 0);
    private List<ComparisonDrafts.SetArticle> articles = List.of();
    private Map<UUID, String> outlets = Map.of();
    private int version;
    private ComparisonDraft draft = ComparisonDraft.EMPTY;
    private boolean stale;
    private @Nullable String publishedAt;

    private final Div status = new Div();
    private final Paragraph error = new Paragraph();
    private final Div entriesBox = new Div();
    private final Div claimsBox = new Div();
    private final Div rubricBox = new Div();
    private final Div problems = new Div();
    private final Button publish = new Button("Publish");

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
        return title;
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        storySetId = RouteIds.parse(parameter);
        ComparisonKeyEditorService.Workspace workspace =
                comparisons.open(storySetId).orElseThrow(NotFoundException::new);
        title = "Comparison key: " + workspace.storySet().title() + " · Lateral";
        render(workspace);
    }

    private void render(ComparisonKeyEditorService.Workspace workspace) {
        removeAll();
        articles = workspace.storySet().articles();
        outlets = workspace.storySet().outlets();
        Anchor back = LibraryNavigation.library().anchor("\u2190 Back to the library");
        back.getElement().setAttribute("router-link", true);
        back.addClassName("back-link");
        add(back, new H2("Comparison key: " + workspace.storySet().title()));
        ComparisonKeyEditorService.EditedComparison key = workspace.key();
        if (key == null) {
            add(startPanel(workspace));
            return;
        }
        version = key.version();
        draft = key.draft();
        publishedAt =
                key.publishedAt() == null ? null : WHEN.format(key.publishedAt().atZone(ZoneId.systemDefault()));
        add(
                new Paragraph("This is what the compare-outlets step is scored against. Every change is saved at once;"
                        + " students see nothing until you publish, and lessons keep the version they pinned."),
                status,
                error);
        Div publishBox = new Div(
                new Paragraph("Publish when every article has its answers, every core claim its carriage, and the"
                        + " rubric its levels. Your new compare lessons on this set then use your key."),
                publish,
                problems);
        publishBox.addClassName("card");
        publishBox.setTestId("cmp-publish-box");
        add(publishBox, new H3("The articles"), entriesBox, new H3("Core claims"), claimsBox);
        add(new H3("Rubric for the closing judgement"), rubricBox);
        showStatus(key.draftPublished());
        renderAll();
    }

    // --- before a comparison key exists -------------------------------------------------------

    private Component startPanel(ComparisonKeyEditorService.Workspace workspace) {
        Div panel = new Div();
        panel.addClassName("card");
        panel.setTestId("cmp-start");
        panel.add(new H3("You have no comparison key for this story set yet"));
        ComparisonKeyEditorService.Copyable copyable = workspace.copyable();
        if (copyable != null) {
            String whose =
                    copyable.fromPack() ? "the comparison key that came with the exercise pack" : "a colleague's";
            panel.add(new Paragraph("This story set already has " + whose + " (" + copyable.claims() + " core claims, "
                    + copyable.levels() + " rubric levels). Copy it to adapt it: your copy is yours alone, and the "
                    + "original does not change."));
            Button copy = new Button("Copy it to adapt it", e -> start(true));
            copy.addThemeVariants(ButtonVariant.PRIMARY);
            copy.setTestId("cmp-copy");
            panel.add(copy);
        }
        int count = workspace.storySet().articles().size();
        if (count < 2) {
            panel.add(new Paragraph("This story set has " + count + " article"
                    + (count == 1 ? "" : "s") + ". A comparison needs at least two, so a key you start now can only"
                    + " be published once more articles join the set."));
        } else {
            panel.add(new Paragraph("Or start an empty comparison key and fill it in for its " + count + " articles."));
        }
        Button empty = new Button("Start an empty comparison key", e -> start(false));
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
            showError(e.getMessage());
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
            becomeStale(e.getMessage());
            return;
        } catch (UserFacingException e) {
            showError(e.getMessage());
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
            status.setText("All changes saved. Not published yet: lessons cannot use this comparison key.");
        } else if (published) {
            status.setText("All changes saved. This is the published comparison key (published " + publishedAt + ").");
        } else {
            status.setText("All changes saved. The comparison key was last published " + publishedAt
                    + "; publish again for your new lessons to use these changes.");
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
                result.problems().forEach(p -> list.add(new ListItem(p)));
                problems.add(new Paragraph("Not published yet. Still to do:"), list);
                problems.getElement().setAttribute("data-outcome", "problems");
                return;
            }
            problems.add(new Paragraph(
                    result.added()
                            ? "Published. Your new compare lessons on this story set use this comparison key."
                            : "Nothing changed since this version was published; it is the one your lessons use."));
            problems.getElement().setAttribute("data-outcome", "published");
            if (result.added()) {
                publishedAt = WHEN.format(ZonedDateTime.now(ZoneId.systemDefault()));
            }
            showStatus(true);
        } catch (StaleDraftException e) {
            becomeStale(e.getMessage());
        } catch (UserFacingException e) {
            showError(e.getMessage());
        }
    }

    // --- the form ----------------------------------------------------------------------------

    private void renderAll() {
        entriesBox.removeAll();
        for (ComparisonDrafts.SetArticle article : articles) {
            entriesBox.add(entryCard(article, ComparisonDrafts.entry(draft, article.articleId())));
        }
        claimsBox.removeAll();
        claimsBox.add(new Paragraph("The claims that make up the story, each in neutral words, and how each article"
                + " carries it. Quote the article's words unless it leaves the claim out."));
        int number = 0;
        for (ComparisonDraft.CoreClaim claim : draft.claims()) {
            claimsBox.add(claimCard(++number, claim));
        }
        Button addClaim = new Button("Add a core claim", e -> change(ComparisonDrafts::addClaim, true));
        addClaim.setTestId("cmp-add-claim");
        addClaim.setEnabled(draft.claims().size() < ComparisonDrafts.MAX_CLAIMS);
        claimsBox.add(addClaim);
        rubricBox.removeAll();
        rubricBox.add(new Paragraph("From 0, the lowest, up: what work at each level looks like, for grading the"
                + " closing judgement. Two to ten levels."));
        for (int level = 0; level < draft.rubric().size(); level++) {
            rubricBox.add(levelCard(level, draft.rubric().get(level)));
        }
        Button addLevel = new Button("Add a level", e -> change(ComparisonDrafts::addLevel, true));
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
        Details read = new Details("Read the article", words);
        read.setTestId("cmp-article-text");
        card.add(read);

        Select<String> framing = choice("Headline framing", ComparisonDrafts.FRAMINGS, FRAMING_LABELS, e.framing());
        framing.setTestId("cmp-framing");
        onChange(framing, v -> entry(id, x -> x.withFraming(v, x.framingAlsoAccepted(), x.framingWhy())));
        CheckboxGroup<String> also =
                checks("Other framings a careful student could defend", ComparisonDrafts.FRAMINGS, FRAMING_LABELS);
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
        TextArea why = area("Why those are accepted too", e.framingWhy(), ComparisonDrafts.MAX_TEXT);
        why.setTestId("cmp-framing-why");
        onChange(why, v -> entry(id, x -> x.withFraming(x.framing(), x.framingAlsoAccepted(), v)));
        TextArea explained = area(
                "The headline's framing explained (quote its words)", e.headlineFraming(), ComparisonDrafts.MAX_TEXT);
        explained.setTestId("cmp-headline-framing");
        onChange(explained, v -> entry(id, x -> x.withHeadlineFraming(v)));

        TextField named = count("Named sources", e.named());
        named.setTestId("cmp-named");
        TextField namedMax = count("Named sources, at most (empty: exact)", e.namedMax());
        namedMax.setTestId("cmp-named-max");
        TextField anonymous = count("Anonymous sources", e.anonymous());
        anonymous.setTestId("cmp-anonymous");
        TextField anonymousMax = count("Anonymous sources, at most (empty: exact)", e.anonymousMax());
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
                    showError("Type the number of sources as a whole number, such as 2. Nothing was saved.");
                    return;
                }
                entry(id, x -> x.withCounts(n == null ? 0 : n, nMax, a == null ? 0 : a, aMax));
            });
        }

        TextField hedges = words("Hedges, as the article words them (commas between)", e.hedges());
        hedges.setTestId("cmp-hedges");
        onChange(hedges, v -> entry(id, x -> x.withWords(ComparisonDrafts.words(v), x.loadedWords())));
        TextField loaded = words("Loaded words, as the article words them (commas between)", e.loadedWords());
        loaded.setTestId("cmp-loaded");
        onChange(loaded, v -> entry(id, x -> x.withWords(x.hedges(), ComparisonDrafts.words(v))));

        Select<String> reporting = choice("Reporting", ComparisonDrafts.REPORTING, REPORTING_LABELS, e.reporting());
        reporting.setTestId("cmp-reporting");
        onChange(reporting, v -> entry(id, x -> x.withReporting(v, x.relayedFrom())));
        TextField relayed = words("Outlets it relays, by name (commas between)", e.relayedFrom());
        relayed.setTestId("cmp-relayed");
        onChange(relayed, v -> entry(id, x -> x.withReporting(x.reporting(), ComparisonDrafts.words(v))));

        TextArea outletNote = area("What kind of outlet published it", e.outletKindNote(), ComparisonDrafts.MAX_TEXT);
        outletNote.setTestId("cmp-outlet-note");
        onChange(outletNote, v -> entry(id, x -> x.withNotes(v, x.omissions(), x.notes())));
        TextArea omissions = area("What it leaves out", e.omissions(), ComparisonDrafts.MAX_TEXT);
        omissions.setTestId("cmp-omissions");
        onChange(omissions, v -> entry(id, x -> x.withNotes(x.outletKindNote(), v, x.notes())));
        TextArea notes = area("Notes", e.notes(), ComparisonDrafts.MAX_TEXT);
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
        Div card = new Div(new H4("Core claim " + number));
        card.addClassNames("card", "cmp-claim");
        card.setTestId("cmp-claim");
        card.getElement().setAttribute("data-claim-id", claimId);
        TextArea text = area("The claim, in neutral words", claim.claim(), ComparisonDrafts.MAX_CLAIM);
        text.setTestId("cmp-claim-text");
        onChange(
                text,
                v -> change(
                        d -> ComparisonDrafts.updateClaim(
                                d, claimId, c -> new ComparisonDraft.CoreClaim(c.id(), v, c.carriages())),
                        false));
        Button remove =
                new Button("Remove this claim", e -> change(d -> ComparisonDrafts.removeClaim(d, claimId), true));
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
        Select<String> how = choice("How it carries the claim", ComparisonDrafts.CARRYING, CARRYING_LABELS, x.how());
        how.setTestId("cmp-how");
        onChange(how, v -> save.accept(c -> ComparisonDraft.how(c, v)));
        TextField quote = new TextField("The words that carry it (empty when absent)");
        quote.setValue(x.quote());
        quote.setMaxLength(ComparisonDrafts.MAX_QUOTE);
        quote.setTestId("cmp-quote");
        onChange(quote, v -> save.accept(c -> ComparisonDraft.quoting(c, v.strip())));
        CheckboxGroup<String> also =
                checks("Other answers a careful student could give", ComparisonDrafts.CARRYING, CARRYING_LABELS);
        also.setValue(java.util.Set.copyOf(x.alsoAccepted()));
        also.setTestId("cmp-how-also");
        also.addValueChangeListener(v -> save.accept(c -> ComparisonDraft.accepting(
                c,
                ComparisonDrafts.CARRYING.stream()
                        .filter(v.getValue()::contains)
                        .toList(),
                c.why())));
        TextArea why = new TextArea("Why those are accepted too");
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
        Div card = new Div(new H4("Level " + level));
        card.addClassNames("card", "cmp-rubric-level");
        card.setTestId("cmp-rubric-level");
        card.getElement().setAttribute("data-level", String.valueOf(level));
        TextField name = new TextField("Name");
        name.setValue(l.name());
        name.setWidthFull();
        name.setMaxLength(ComparisonDrafts.MAX_LEVEL_NAME);
        name.setTestId("cmp-level-name");
        onChange(
                name,
                v -> change(
                        d -> ComparisonDrafts.updateLevel(d, level, x -> new ComparisonDraft.Level(v, x.descriptor())),
                        false));
        TextArea descriptor =
                area("What work at this level looks like", l.descriptor(), ComparisonDrafts.MAX_DESCRIPTOR);
        descriptor.setTestId("cmp-level-descriptor");
        onChange(
                descriptor,
                v -> change(
                        d -> ComparisonDrafts.updateLevel(d, level, x -> new ComparisonDraft.Level(x.name(), v)),
                        false));
        Button remove = new Button("Remove this level", e -> change(d -> ComparisonDrafts.removeLevel(d, level), true));
        remove.addThemeVariants(ButtonVariant.TERTIARY);
        remove.setTestId("cmp-level-remove");
        card.add(name, descriptor, remove);
        return card;
    }

    // --- fields --------------------------------------------------------------------------------

    private static Select<String> choice(String label, List<String> codes, Map<String, String> labels, String value) {
        Select<String> select = new Select<>();
        select.setLabel(label);
        select.setItems(codes);
        select.setItemLabelGenerator(c -> c == null ? "Not chosen yet" : labels.getOrDefault(c, c));
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption("Not chosen yet");
        select.setValue(value.isEmpty() ? null : value);
        return select;
    }

    private static CheckboxGroup<String> checks(String label, List<String> codes, Map<String, String> labels) {
        CheckboxGroup<String> group = new CheckboxGroup<>(label);
        group.setItems(codes);
        group.setItemLabelGenerator(c -> labels.getOrDefault(c, c));
        return group;
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
