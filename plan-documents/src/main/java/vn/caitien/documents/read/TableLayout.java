package vn.caitien.documents.read;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which grid column holds which part of a row, read from the table's header rows rather than
 * assumed: real plans add, drop or split columns (a "Chủ trì và phối hợp" header over two
 * sub-columns "Chủ trì" | "Phối hợp"). A table without a recognisable header but with the usual
 * nine columns is read positionally.
 */
public final class TableLayout {

    public enum Column { INDEX, CRITERION, TARGET, TASKS, PEOPLE, LEAD, COORDINATORS, SCHEDULE, BUDGET, SUPPORT, NOTES }

    private static final List<Column> NINE = List.of(Column.INDEX, Column.CRITERION, Column.TARGET, Column.TASKS,
            Column.PEOPLE, Column.SCHEDULE, Column.BUDGET, Column.SUPPORT, Column.NOTES);

    private final Map<Column, Integer> columns;
    private final int firstDataRow;

    private TableLayout(Map<Column, Integer> columns, int firstDataRow) {
        this.columns = columns;
        this.firstDataRow = firstDataRow;
    }

    /** Grid index of the column, or -1 when the table has none. */
    public int index(Column column) { return columns.getOrDefault(column, -1); }

    public boolean has(Column column) { return columns.containsKey(column); }

    /** Index (in the table's row list) of the first row after the header rows. */
    public int firstDataRow() { return firstDataRow; }

    /** The layout of the table, if it looks like a plan table. */
    public static Optional<TableLayout> detect(SourceTable table) {
        List<SourceTable.Row> rows = table.rows();
        for (int r = 0; r < rows.size() && r < 12; r++) {
            if (!isHeaderRow(texts(rows.get(r)))) continue;
            Column[] labels = new Column[table.width()];
            int next = r;
            while (next < rows.size() && (next == r || isSubHeader(texts(rows.get(next))))) {
                List<String> cells = texts(rows.get(next));
                for (int c = 0; c < cells.size() && c < labels.length; c++) {
                    Column label = label(cells.get(c));
                    if (label != null) labels[c] = label;
                }
                next++;
            }
            return Optional.of(new TableLayout(invert(labels), next));
        }
        if (table.width() == NINE.size() && mentionsCriteria(table)) {
            Map<Column, Integer> positional = new EnumMap<>(Column.class);
            for (int c = 0; c < NINE.size(); c++) positional.put(NINE.get(c), c);
            return Optional.of(new TableLayout(positional, 0));
        }
        return Optional.empty();
    }

    /** A header row names at least four of the plan's columns, the criterion or target among them. */
    public static boolean isHeaderRow(List<String> cells) {
        List<Column> found = new ArrayList<>();
        for (String cell : cells) {
            Column label = label(cell);
            if (label != null && !found.contains(label)) found.add(label);
        }
        return found.size() >= 4 && (found.contains(Column.CRITERION) || found.contains(Column.TARGET));
    }

    /** Rows under the header: sub-labels ("Chủ trì" | "Phối hợp") or column numbers "(1) (2) ...". */
    private static boolean isSubHeader(List<String> cells) {
        int labels = 0;
        int numbers = 0;
        int filled = 0;
        for (String cell : cells) {
            if (cell.isBlank()) continue;
            filled++;
            if (cell.matches("\\(?\\d{1,2}\\)?")) numbers++;
            if (label(cell) != null) labels++;
            if (VietnameseText.fold(cell).matches("^(tieu chi|tieu chuan)\\s*\\d.*")) return false;
        }
        return filled > 0 && (numbers == filled && numbers >= 4 || labels == filled);
    }

    static Column label(String text) {
        String f = VietnameseText.fold(VietnameseText.oneLine(text));
        if (f.isEmpty() || f.length() > 80) return null;
        if (f.matches("^(s\\.?\\s?tt|tt|so tt|thu tu)\\.?$")) return Column.INDEX;
        if (f.contains("thoi gian")) return Column.SCHEDULE;
        if (f.contains("kinh phi")) return Column.BUDGET;
        if (f.contains("dieu kien") || f.contains("ho tro")) return Column.SUPPORT;
        if (f.contains("ghi chu")) return Column.NOTES;
        boolean lead = f.contains("chu tri");
        boolean coordinators = f.contains("phoi hop");
        if (lead && coordinators) return Column.PEOPLE;
        if (lead) return Column.LEAD;
        if (coordinators) return Column.COORDINATORS;
        if (f.contains("nguoi thuc hien") || f.contains("phu trach") || f.contains("don vi thuc hien")) return Column.PEOPLE;
        if (f.contains("ket qua") || f.contains("muc tieu")) return Column.TARGET;
        if (f.contains("cong viec") || f.contains("giai phap") || f.contains("bien phap")) return Column.TASKS;
        if (f.startsWith("tieu chuan") || f.startsWith("tieu chi") || f.startsWith("noi dung")) {
            return f.matches(".*\\d.*") ? null : Column.CRITERION;
        }
        return null;
    }

    private static Map<Column, Integer> invert(Column[] labels) {
        Map<Column, Integer> map = new EnumMap<>(Column.class);
        for (int c = 0; c < labels.length; c++) {
            if (labels[c] != null) map.putIfAbsent(labels[c], c);
        }
        // Split people columns make the combined one (the header above them) redundant.
        if (map.containsKey(Column.LEAD) && map.containsKey(Column.COORDINATORS)) map.remove(Column.PEOPLE);
        return map;
    }

    private static boolean mentionsCriteria(SourceTable table) {
        return table.rows().stream().flatMap(r -> r.cells().stream())
                .anyMatch(c -> VietnameseText.fold(c.text()).matches("^tieu chi\\s*\\d{1,2}\\.\\d.*"));
    }

    private static List<String> texts(SourceTable.Row row) {
        return row.cells().stream().map(SourceTable.Cell::text).toList();
    }
}
