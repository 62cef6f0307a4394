package org.lateral.assignment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.internal.StateNode;
import com.vaadin.flow.internal.nodefeature.ElementData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.lateral.classroom.RosterEntry;

/**
 * The class page's roster as a browserless test sees it (DD029): a grid of one column whose
 * cells are the students' whole rows. The grid draws a row only when the browser shows it, so a
 * row is asked for through {@link GridTester}, as the browser would ask for it.
 */
final class RosterRows {

    /** The roster grid's one column (its key in {@code ClassroomPanels}). */
    private static final String STUDENT = "student";

    private RosterRows() {}

    /** One drawn row: the student and the row's component, whose buttons work as on the page. */
    record Row(RosterEntry student, Component row) {

        String text() {
            return row.getElement().getTextRecursively();
        }

        /** The component in this row with this test id. */
        <T extends Component> T get(Class<T> type, String testId) {
            return find(type, testId)
                    .orElseThrow(() -> new AssertionError("No " + testId + " in the row of " + student.username()));
        }

        <T extends Component> Optional<T> find(Class<T> type, String testId) {
            return tree(row.getElement())
                    .filter(e -> testId.equals(e.getAttribute("data-testid")))
                    .flatMap(e -> e.getComponent().stream())
                    .filter(type::isInstance)
                    .map(type::cast)
                    .findFirst();
        }
    }

    /** Every row of the roster grid, fetched and drawn one by one. */
    static List<Row> of(Grid<?> grid) {
        GridTester<Grid<Object>, Object> tester = tester(grid);
        return IntStream.range(0, tester.size())
                .mapToObj(i -> new Row((RosterEntry) tester.getRow(i), tester.getCellComponent(i, STUDENT)))
                .toList();
    }

    /** The row of the student with this username. */
    static Row of(Grid<?> grid, String username) {
        return of(grid).stream()
                .filter(r -> r.student().username().equals(username))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No row of " + username));
    }

    /**
     * The elements of the UI's state tree with this test id: what the server keeps for the page and
     * sends to the browser, the grid's drawn rows included (they hang off the grid as virtual
     * children, which a component query does not see).
     */
    static List<Element> inStateTree(UI ui, String testId) {
        List<Element> found = new ArrayList<>();
        ui.getInternals().getStateTree().getRootNode().visitNodeTree((StateNode node) -> {
            if (node.hasFeature(ElementData.class)) {
                Element e = Element.get(node);
                if (testId.equals(e.getAttribute("data-testid"))) {
                    found.add(e);
                }
            }
        });
        return found;
    }

    @SuppressWarnings("unchecked")
    private static GridTester<Grid<Object>, Object> tester(Grid<?> grid) {
        return new GridTester<>((Grid<Object>) grid);
    }

    private static Stream<Element> tree(Element e) {
        return Stream.concat(Stream.of(e), e.getChildren().flatMap(RosterRows::tree));
    }
}
