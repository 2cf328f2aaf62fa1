package vn.caitien.documents.read;

import java.util.List;

/**
 * The plan table as a grid: merged cells are expanded so every row has one cell per grid column,
 * each continuation cell carrying the text of the cell it continues. Rows and columns keep the
 * numbers the user sees in Word or Excel, so diagnostics can point at them.
 */
public record SourceTable(List<Row> rows, int firstColumnNumber) {

    public SourceTable {
        rows = List.copyOf(rows);
    }

    public int width() { return rows.stream().mapToInt(r -> r.cells().size()).max().orElse(0); }

    /** One table row; {@code number} is 1-based as the user counts it. */
    public record Row(int number, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }

        public Cell cell(int index) { return index >= 0 && index < cells.size() ? cells.get(index) : Cell.EMPTY; }
    }

    /**
     * A grid cell. {@code mergedLeft}: part of a horizontal merge begun in a column to the left;
     * {@code mergedAbove}: part of a vertical merge begun in {@code originRow}.
     */
    public record Cell(String text, boolean mergedLeft, boolean mergedAbove, int originRow) {
        public static final Cell EMPTY = new Cell("", false, false, 0);

        public Cell {
            text = VietnameseText.clean(text);
        }

        public static Cell of(String text, int row) { return new Cell(text, false, false, row); }

        public boolean isBlank() { return text.isEmpty(); }
    }
}
