package vn.caitien.documents.read;

import vn.caitien.api.catalog.Framework;
import vn.caitien.api.catalog.Standard;
import vn.caitien.api.item.LevelGroup;
import vn.caitien.api.plan.SchoolYear;
import vn.caitien.documents.read.CriterionCell.StandardCell;
import vn.caitien.documents.read.SourceTable.Cell;
import vn.caitien.documents.read.SourceTable.Row;
import vn.caitien.documents.read.TableLayout.Column;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks the plan table row by row. Level rows ("MỨC 1, 2, 3", "MỨC 4", anywhere, also between the
 * items of one standard) set the level group of the items below them; standard rows
 * ("1 | Tiêu chuẩn 1: ...") set the standard; a row whose criterion cell names a criterion is an
 * item (a criterion written twice is two items). A row with content but no criterion continues the
 * item above it (a row broken across pages). Cell texts are collected first and read into typed
 * values by {@link ItemReader} once the item is complete.
 */
public final class TableParser {
    private static final Pattern LEVEL = Pattern.compile("^muc(?: do)?\\s*([1-4](?:\\s*(?:,|;|-|–|va|&)\\s*[1-4])*)(?!\\d)");

    private final SourceTable table;
    private final TableLayout layout;
    private final Framework framework;
    private final Diagnostics diagnostics;

    /** Cell texts of one item while its rows are read. */
    static final class Draft {
        final int row;
        final String criterionText;
        final CriterionCell criterion;
        final Integer standard;
        final LevelGroup level;
        final Map<Column, String> texts = new EnumMap<>(Column.class);
        /** Row where a vertically merged budget cell began, when this item shares it with the item above. */
        Integer sharedBudgetRow;

        Draft(int row, String criterionText, CriterionCell criterion, Integer standard, LevelGroup level) {
            this.row = row;
            this.criterionText = criterionText;
            this.criterion = criterion;
            this.standard = standard;
            this.level = level;
        }
    }

    private TableParser(SourceTable table, TableLayout layout, Framework framework, Diagnostics diagnostics) {
        this.table = table;
        this.layout = layout;
        this.framework = framework;
        this.diagnostics = diagnostics;
    }

    public static List<ParsedItem> parse(SourceTable table, Framework framework, SchoolYear year, Diagnostics diagnostics) {
        Optional<TableLayout> layout = TableLayout.detect(table);
        if (layout.isEmpty()) {
            diagnostics.fatal("table", "Bảng kế hoạch không có dòng tiêu đề cột nhận ra được");
            return List.of();
        }
        List<Draft> drafts = new TableParser(table, layout.get(), framework, diagnostics).drafts();
        ItemReader reader = new ItemReader(layout.get(), table.firstColumnNumber(), framework, year, diagnostics);
        List<ParsedItem> items = drafts.stream().map(reader::read).toList();
        if (items.isEmpty()) {
            diagnostics.fatal("items", "Bảng kế hoạch không có dòng nội dung cải tiến nào (dòng có “Tiêu chí …”)");
        }
        return items;
    }

    /**
     * Column numbers by item field (criterionCode, targetResult, tasks, lead, coordinators, schedule,
     * budget, supportConditions, notes), to point later checks at the right cell.
     */
    public static Map<String, Integer> columnNumbers(SourceTable table) {
        Map<String, Integer> numbers = new java.util.HashMap<>();
        TableLayout.detect(table).ifPresent(layout -> {
            Map<String, Column> fields = Map.of("criterionCode", Column.CRITERION, "levelGroup", Column.CRITERION,
                    "targetResult", Column.TARGET, "tasks", Column.TASKS, "schedule", Column.SCHEDULE,
                    "budget", Column.BUDGET, "supportConditions", Column.SUPPORT, "notes", Column.NOTES);
            fields.forEach((field, column) -> {
                if (layout.has(column)) numbers.put(field, layout.index(column) + table.firstColumnNumber());
            });
            Column lead = layout.has(Column.LEAD) ? Column.LEAD : Column.PEOPLE;
            Column coordinators = layout.has(Column.COORDINATORS) ? Column.COORDINATORS : Column.PEOPLE;
            if (layout.has(lead)) numbers.put("lead", layout.index(lead) + table.firstColumnNumber());
            if (layout.has(coordinators)) numbers.put("coordinators", layout.index(coordinators) + table.firstColumnNumber());
        });
        return numbers;
    }

    private List<Draft> drafts() {
        List<Draft> drafts = new ArrayList<>();
        LevelGroup level = null;
        Integer standard = null;
        int criterionColumn = layout.index(Column.CRITERION);
        for (int r = layout.firstDataRow(); r < table.rows().size(); r++) {
            Row row = table.rows().get(r);
            List<String> texts = row.cells().stream().map(Cell::text).toList();
            if (texts.stream().allMatch(String::isEmpty) || TableLayout.isHeaderRow(texts)) continue;
            Optional<LevelGroup> levelRow = levelRow(row);
            if (levelRow.isPresent()) {
                level = levelRow.get();
                continue;
            }
            Cell criterionCell = row.cell(criterionColumn);
            Optional<CriterionCell> criterion = CriterionCell.parse(criterionCell.text());
            Optional<StandardCell> standardRow = criterion.isPresent() ? Optional.empty() : standardRow(row);
            if (standardRow.isPresent()) {
                standard = standardRow.get().number();
                checkStandard(row.number(), standardRow.get());
                continue;
            }
            if (criterion.isPresent() && (!criterionCell.mergedAbove() || hasOwnContent(row, criterionColumn))) {
                Draft draft = new Draft(row.number(), criterionCell.text(), criterion.get(), standard, level);
                collect(draft, row, false);
                drafts.add(draft);
            } else if (!criterion.isPresent() && hasOwnContent(row, -1)) {
                continuation(drafts, row);
            }
        }
        return drafts;
    }

    private void continuation(List<Draft> drafts, Row row) {
        if (drafts.isEmpty()) {
            diagnostics.warn(row.number(), null, "criterionCode",
                    "Dòng " + row.number() + " không có mã tiêu chí và không thuộc nội dung nào; bỏ qua");
            return;
        }
        Draft previous = drafts.get(drafts.size() - 1);
        collect(previous, row, true);
        diagnostics.warn(row.number(), column(Column.CRITERION), "criterionCode", "Dòng " + row.number()
                + " không có mã tiêu chí: nối vào nội dung tiêu chí " + previous.criterion.code() + " (dòng " + previous.row + ")");
    }

    /** Copies the row's cells into the draft; merged-down cells repeat the row above and are not appended twice. */
    private void collect(Draft draft, Row row, boolean append) {
        for (Column column : Column.values()) {
            if (column == Column.CRITERION || column == Column.INDEX || !layout.has(column)) continue;
            Cell cell = row.cell(layout.index(column));
            if (cell.isBlank() || cell.mergedLeft() && isRepeatOfLeft(row, column)) continue;
            if (append && cell.mergedAbove()) continue;
            if (column == Column.BUDGET && cell.mergedAbove()) draft.sharedBudgetRow = cell.originRow();
            draft.texts.merge(column, cell.text(), (a, b) -> a + "\n" + b);
        }
    }

    /** A horizontally merged cell spanning two of our columns fills only the first. */
    private boolean isRepeatOfLeft(Row row, Column column) {
        int index = layout.index(column);
        for (Column other : Column.values()) {
            if (other != column && layout.has(other) && layout.index(other) < index
                    && row.cell(layout.index(other)).originRow() == row.cell(index).originRow()
                    && row.cell(layout.index(other)).text().equals(row.cell(index).text())) return true;
        }
        return false;
    }

    /** Whether the row says something new, beyond cells merged down from the row above. */
    private boolean hasOwnContent(Row row, int ignoredColumn) {
        int index = layout.index(Column.INDEX);
        for (int c = 0; c < row.cells().size(); c++) {
            Cell cell = row.cells().get(c);
            if (c == index || c == ignoredColumn || cell.isBlank() || cell.mergedAbove()) continue;
            return true;
        }
        return false;
    }

    /** "MỨC 1, 2, 3" alone on its row (the TT column aside), usually merged across the table. */
    private Optional<LevelGroup> levelRow(Row row) {
        Set<String> distinct = new LinkedHashSet<>();
        for (int c = 0; c < row.cells().size(); c++) {
            if (c != layout.index(Column.INDEX) && !row.cell(c).isBlank()) distinct.add(row.cell(c).text());
        }
        if (distinct.size() != 1) return Optional.empty();
        String text = distinct.iterator().next();
        Matcher m = LEVEL.matcher(VietnameseText.fold(VietnameseText.oneLine(text)));
        if (!m.find()) return Optional.empty();
        List<Integer> levels = new ArrayList<>();
        Matcher part = Pattern.compile("([1-4])(?:\\s*[-–]\\s*([1-4]))?").matcher(m.group(1));
        while (part.find()) {
            int from = Integer.parseInt(part.group(1));
            int to = part.group(2) == null ? from : Integer.parseInt(part.group(2));
            for (int l = from; l <= to; l++) levels.add(l);
        }
        return Optional.of(new LevelGroup(levels));
    }

    private Optional<StandardCell> standardRow(Row row) {
        for (int c = 0; c < row.cells().size(); c++) {
            if (c == layout.index(Column.INDEX)) continue;
            Optional<StandardCell> standard = StandardCell.parse(row.cell(c).text());
            if (standard.isPresent()) return standard;
        }
        return Optional.empty();
    }

    private void checkStandard(int row, StandardCell cell) {
        if (framework == null) return;
        Optional<Standard> known = framework.standard(cell.number());
        if (known.isEmpty()) {
            diagnostics.warn(row, column(Column.CRITERION), "standard", "Tiêu chuẩn " + cell.number() + " không có trong "
                    + framework.title());
        } else if (cell.name() != null && !VietnameseText.comparable(cell.name()).equals(VietnameseText.comparable(known.get().name()))) {
            diagnostics.warn(row, column(Column.CRITERION), "standard", "Tên tiêu chuẩn " + cell.number() + " trong văn bản (“"
                    + cell.name() + "”) khác với " + framework.title() + " (“" + known.get().name() + "”)");
        }
    }

    private Integer column(Column column) {
        return layout.has(column) ? layout.index(column) + table.firstColumnNumber() : null;
    }
}
