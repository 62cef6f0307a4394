package org.lateral.submission.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.lateral.assignment.AssignmentService;
import org.lateral.library.LibraryPins;

/**
 * The teacher's rubric for the compare step's judgement (DD015), edited for this assignment only:
 * each level's name and descriptor, levels added or removed (two to ten, numbered from 0 in
 * order), saved at once. The service checks the rubric again; this only gathers it.
 */
class RubricEditor extends Div {

    /** A level being edited: its fields, in order. */
    private record Row(TextField name, TextArea descriptor) {}

    private final List<Row> rows = new ArrayList<>();
    private final Div list = new Div();
    private final Consumer<List<LibraryPins.RubricLevel>> save;

    RubricEditor(List<LibraryPins.RubricLevel> levels, Consumer<List<LibraryPins.RubricLevel>> save) {
        this.save = save;
        addClassName("card");
        setTestId("edit-rubric");
        Paragraph how = new Paragraph(getTranslation("submission.rubric.how"));
        how.addClassName("reader-note");
        levels.forEach(l -> rows.add(row(l.name(), l.descriptor())));
        Button add = new Button(getTranslation("submission.rubric.addLevel"), e -> {
            if (rows.size() >= AssignmentService.MOST_RUBRIC_LEVELS) {
                return;
            }
            rows.add(row("", ""));
            draw();
        });
        add.setTestId("rubric-add-level");
        Button saveButton = new Button(getTranslation("submission.rubric.save"), e -> save.accept(levels()));
        saveButton.addThemeVariants(ButtonVariant.PRIMARY);
        saveButton.setTestId("rubric-save");
        add(new H3(getTranslation("submission.rubric.heading")), how, list, new Div(add, saveButton));
        draw();
    }

    private Row row(String name, String descriptor) {
        TextField n = new TextField(getTranslation("submission.rubric.name"));
        n.setMaxLength(200);
        n.setValue(name);
        TextArea d = new TextArea(getTranslation("submission.rubric.descriptor"));
        d.setMaxLength(2000);
        d.setWidthFull();
        d.setValue(descriptor);
        return new Row(n, d);
    }

    private void draw() {
        list.removeAll();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            int index = i;
            row.name().setTestId("rubric-name-" + i);
            row.descriptor().setTestId("rubric-descriptor-" + i);
            Button remove = new Button(getTranslation("submission.rubric.remove", i), e -> {
                rows.remove(index);
                draw();
            });
            remove.addThemeVariants(ButtonVariant.TERTIARY);
            remove.setTestId("rubric-remove-" + i);
            remove.setEnabled(rows.size() > 2);
            Div level = new Div(
                    new Paragraph(getTranslation("submission.rubric.level", i)), row.name(), row.descriptor(), remove);
            level.getElement().setAttribute("data-testid", "rubric-level");
            list.add(level);
        }
    }

    /** The levels as written, numbered in order. */
    List<LibraryPins.RubricLevel> levels() {
        List<LibraryPins.RubricLevel> levels = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            levels.add(new LibraryPins.RubricLevel(
                    i, rows.get(i).name().getValue(), rows.get(i).descriptor().getValue()));
        }
        return levels;
    }
}
