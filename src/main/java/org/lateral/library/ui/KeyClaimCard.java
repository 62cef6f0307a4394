package org.lateral.library.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.lateral.library.ClaimType;
import org.lateral.library.keys.KeyDraft;
import org.lateral.library.keys.KeyDrafts;

/** One claim of the key being written: its types, check-worthiness, why, cue words and sources. */
class KeyClaimCard extends Div {

    private final TextArea why;

    KeyClaimCard(KeyDraft.Claim claim, String text, List<KeyDraft.Source> sources, KeyEditorView.Changes changes) {
        addClassNames("card", "key-claim");
        setTestId("key-claim");
        getElement().setAttribute("data-claim-id", claim.id());
        String id = claim.id();
        Span head = new Span(id + " \u00b7 " + KeyDrafts.quote(text, claim.start(), claim.end()));
        head.addClassName("key-claim-quote");

        CheckboxGroup<ClaimType> types = new CheckboxGroup<>(getTranslation("library.keyClaim.types"));
        types.setItems(ClaimType.values());
        types.setItemLabelGenerator(t -> getTranslation(t.labelKey()));
        types.setValue(claim.types());
        types.setTestId("key-claim-types");
        types.addValueChangeListener(e -> {
            Set<ClaimType> chosen = e.getValue().isEmpty() ? Set.of() : EnumSet.copyOf(e.getValue());
            changes.apply(d -> KeyDrafts.updateClaim(d, id, c -> c.withTypes(chosen)), false);
        });

        RadioButtonGroup<Integer> worthiness = new RadioButtonGroup<>(getTranslation("library.keyClaim.worthiness"));
        worthiness.setItems(1, 2, 3);
        worthiness.setItemLabelGenerator(n -> switch (n) {
            case 1 -> getTranslation("library.keyClaim.worthiness.1");
            case 2 -> getTranslation("library.keyClaim.worthiness.2");
            default -> getTranslation("library.keyClaim.worthiness.3");
        });
        worthiness.setValue(claim.worthiness());
        worthiness.setTestId("key-claim-worthiness");
        worthiness.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                int chosen = e.getValue();
                changes.apply(d -> KeyDrafts.updateClaim(d, id, c -> c.withWorthiness(chosen)), false);
            }
        });

        why = new TextArea(getTranslation("library.keyClaim.why"));
        why.setWidthFull();
        why.setMaxLength(KeyDrafts.MAX_WHY);
        why.setValue(claim.why());
        why.setTestId("key-claim-why");
        why.addValueChangeListener(e -> {
            String value = e.getValue();
            changes.apply(d -> KeyDrafts.updateClaim(d, id, c -> c.withWhy(value)), false);
        });

        TextField cues = new TextField(getTranslation("library.keyClaim.cues"));
        cues.setWidthFull();
        cues.setValue(String.join(", ", claim.cues()));
        cues.setTestId("key-claim-cues");
        cues.addValueChangeListener(e -> {
            List<String> list = commaList(e.getValue());
            changes.apply(d -> KeyDrafts.updateClaim(d, id, c -> c.withCues(list)), false);
        });

        add(head, types, worthiness, why, cues);
        if (sources.isEmpty()) {
            add(new Paragraph(getTranslation("library.keyClaim.noSources")));
        } else {
            CheckboxGroup<KeyDraft.Source> backed = new CheckboxGroup<>(getTranslation("library.keyClaim.sources"));
            backed.setItems(sources);
            backed.setItemLabelGenerator(s -> s.id() + " \u00b7 " + s.name());
            backed.setValue(sources.stream()
                    .filter(s -> claim.sourceIds().contains(s.id()))
                    .collect(Collectors.toSet()));
            backed.setTestId("key-claim-sources");
            backed.addValueChangeListener(e -> {
                Set<String> ids = e.getValue().stream().map(KeyDraft.Source::id).collect(Collectors.toSet());
                changes.apply(d -> KeyDrafts.link(d, id, ids), false);
            });
            add(backed);
        }
        Button remove = new Button(
                getTranslation("library.keyClaim.remove"), e -> changes.apply(d -> KeyDrafts.removeClaim(d, id), true));
        remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        remove.setTestId("key-claim-remove");
        add(remove);
    }

    /** Puts the keyboard in the claim's "why", its one field that needs words. */
    void focus() {
        why.focus();
    }

    /** Comma-separated words as a list: trimmed, without blanks or repeats. */
    static List<String> commaList(String value) {
        return List.copyOf(Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(w -> !w.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }
}
