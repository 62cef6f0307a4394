package org.lateral.library.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.lateral.library.SourceKind;
import org.lateral.library.keys.KeyDraft;
import org.lateral.library.keys.KeyDrafts;

/** One source of the key being written: names, kind, origin and the places the text names it. */
class KeySourceCard extends Div {

    KeySourceCard(KeyDraft.Source source, String text, KeyEditorView.Changes changes) {
        addClassNames("card", "key-source");
        setTestId("key-source");
        getElement().setAttribute("data-source-id", source.id());
        String id = source.id();

        TextField name = new TextField(getTranslation("library.keySource.name", id));
        name.setWidthFull();
        name.setMaxLength(KeyDrafts.MAX_NAME);
        name.setRequired(true);
        name.setValue(source.name());
        name.setTestId("key-source-name");
        // A blank name goes to the server too, which refuses it with a sentence and keeps the old one;
        // a new name is redrawn everywhere it shows (the claims' "Who says so?", the mention list).
        name.addValueChangeListener(e -> {
            String value = e.getValue().strip();
            changes.apply(
                    d -> KeyDrafts.updateSource(
                            d, id, s -> copy(s, value, s.aliases(), s.kind(), s.primary(), s.relayedFrom())),
                    true);
        });

        TextField aliases = new TextField(getTranslation("library.keySource.aliases"));
        aliases.setWidthFull();
        aliases.setValue(String.join(", ", source.aliases()));
        aliases.setTestId("key-source-aliases");
        aliases.addValueChangeListener(e -> {
            List<String> list = KeyClaimCard.commaList(e.getValue());
            changes.apply(
                    d -> KeyDrafts.updateSource(
                            d, id, s -> copy(s, s.name(), list, s.kind(), s.primary(), s.relayedFrom())),
                    false);
        });

        Select<SourceKind> kind = new Select<>();
        kind.setLabel(getTranslation("library.keySource.kind"));
        kind.setItems(SourceKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.labelKey()));
        kind.setValue(source.kind());
        kind.setTestId("key-source-kind");
        kind.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                SourceKind value = e.getValue();
                changes.apply(
                        d -> KeyDrafts.updateSource(
                                d, id, s -> copy(s, s.name(), s.aliases(), value, s.primary(), s.relayedFrom())),
                        false);
            }
        });

        TextField relayed = new TextField(getTranslation("library.keySource.relayed"));
        relayed.setWidthFull();
        relayed.setMaxLength(KeyDrafts.MAX_NAME);
        relayed.setValue(source.relayedFrom() == null ? "" : source.relayedFrom());
        relayed.setVisible(!source.primary());
        relayed.setTestId("key-source-relayed");
        relayed.addValueChangeListener(e -> {
            String value = e.getValue().isBlank() ? null : e.getValue().strip();
            changes.apply(
                    d -> KeyDrafts.updateSource(
                            d, id, s -> copy(s, s.name(), s.aliases(), s.kind(), s.primary(), value)),
                    false);
        });

        RadioButtonGroup<Boolean> origin = new RadioButtonGroup<>(getTranslation("library.keySource.origin"));
        origin.setItems(true, false);
        origin.setItemLabelGenerator(
                p -> p ? getTranslation("library.keySource.primary") : getTranslation("library.keySource.secondary"));
        origin.setValue(source.primary());
        origin.setTestId("key-source-origin");
        origin.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                boolean primary = e.getValue();
                relayed.setVisible(!primary);
                changes.apply(
                        d -> KeyDrafts.updateSource(
                                d, id, s -> copy(s, s.name(), s.aliases(), s.kind(), primary, s.relayedFrom())),
                        false);
            }
        });

        add(name, aliases, kind, origin, relayed);
        if (!source.alsoAcceptedKinds().isEmpty()) {
            String kinds = String.join(
                    ", ",
                    source.alsoAcceptedKinds().stream()
                            .map(k -> getTranslation(k.labelKey()))
                            .toList());
            add(new Paragraph(
                    source.kindWhy() == null
                            ? getTranslation("library.keySource.alsoAccepted", kinds)
                            : getTranslation("library.keySource.alsoAcceptedWhy", kinds, source.kindWhy())));
        }
        UnorderedList places = new UnorderedList();
        places.setTestId("key-source-mentions");
        for (KeyDraft.Span m : source.mentions()) {
            Button drop = new Button(
                    getTranslation("library.keySource.removePlace"),
                    e -> changes.apply(d -> KeyDrafts.removeMention(d, id, m), true));
            drop.addThemeVariants(ButtonVariant.TERTIARY);
            drop.getElement()
                    .setAttribute(
                            "aria-label",
                            getTranslation(
                                    "library.keySource.removePlaceLabel", KeyDrafts.quote(text, m.start(), m.end())));
            places.add(new ListItem(new Span(KeyDrafts.quote(text, m.start(), m.end()) + " "), drop));
        }
        add(
                new Paragraph(
                        source.mentions().isEmpty()
                                ? getTranslation("library.keySource.notMarked")
                                : getTranslation("library.keySource.namedAt")),
                places);
        Button remove = new Button(
                getTranslation("library.keySource.remove"),
                e -> changes.apply(d -> KeyDrafts.removeSource(d, id), true));
        remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        remove.setTestId("key-source-remove");
        add(remove);
    }

    private static KeyDraft.Source copy(
            KeyDraft.Source s,
            String name,
            List<String> aliases,
            SourceKind kind,
            boolean primary,
            String relayedFrom) {
        return new KeyDraft.Source(
                s.id(), name, aliases, kind, s.alsoAcceptedKinds(), s.kindWhy(), primary, relayedFrom, s.mentions());
    }
}
