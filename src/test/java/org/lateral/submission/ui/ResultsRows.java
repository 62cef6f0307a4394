package org.lateral.submission.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.lateral.submission.Results;

/**
 * The rows of the results grid as a browserless test sees them: the grid draws a row's cells only
 * when the row is shown, so the cells are asked for through {@link GridTester}, row by row, as the
 * browser would ask for the rows it shows.
 */
final class ResultsRows {

    private ResultsRows() {}

    /** One row: the student and the drawn cells, by column key, in column order. */
    record Row(Results.StudentResult student, Map<String, Component> cells) {

        /** Every cell's text, one after the other, as the old table's row read. */
        String text() {
            StringBuilder b = new StringBuilder();
            cells.values().forEach(c -> b.append(c.getElement().getTextRecursively()));
            return b.toString();
        }

        /** The component in this row with this test id, if any cell has one. */
        <T extends Component> Optional<T> find(Class<T> type, String testId) {
            return cells.values().stream()
                    .flatMap(c -> tree(c.getElement()))
                    .filter(e -> testId.equals(e.getAttribute("data-testid")))
                    .flatMap(e -> e.getComponent().stream())
                    .filter(type::isInstance)
                    .map(type::cast)
                    .findFirst();
        }

        <T extends Component> T get(Class<T> type, String testId) {
            return find(type, testId)
                    .orElseThrow(() -> new AssertionError("No " + testId + " in the row of " + student.username()));
        }
    }

    /** The grid's headers, one after the other. */
    static String headers(Grid<?> grid) {
        StringBuilder b = new StringBuilder();
        GridTester<Grid<Object>, Object> tester = tester(grid);
        for (int i = 0; i < grid.getColumns().size(); i++) {
            b.append(tester.getHeaderCell(i));
        }
        return b.toString();
    }

    /** Every row of the grid, fetched and drawn as the grid does for the rows it shows. */
    static List<Row> of(Grid<?> grid) {
        GridTester<Grid<Object>, Object> tester = tester(grid);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < tester.size(); i++) {
            Map<String, Component> cells = new LinkedHashMap<>();
            for (Grid.Column<?> column : grid.getColumns()) {
                cells.put(column.getKey(), tester.getCellComponent(i, column.getKey()));
            }
            rows.add(new Row((Results.StudentResult) tester.getRow(i), cells));
        }
        return rows;
    }

    /** The row of the student with this username. */
    static Row of(Grid<?> grid, String username) {
        return of(grid).stream()
                .filter(r -> r.student().username().equals(username))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No row of " + username));
    }

    @SuppressWarnings("unchecked")
    private static GridTester<Grid<Object>, Object> tester(Grid<?> grid) {
        return new GridTester<>((Grid<Object>) grid);
    }

    private static Stream<Element> tree(Element e) {
        return Stream.concat(Stream.of(e), e.getChildren().flatMap(ResultsRows::tree));
    }
}
