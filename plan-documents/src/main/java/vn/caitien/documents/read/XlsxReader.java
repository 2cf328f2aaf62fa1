package vn.caitien.documents.read;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.officeDocument.x2006.customProperties.CTProperty;
import vn.caitien.documents.read.SourceDocument.Format;
import vn.caitien.documents.read.UnreadableFile.Reason;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an Excel plan: the first sheet with a plan header row. Rows above the header are the
 * document header, read row by row; the table runs to the first empty row, and what follows is the
 * signature block. Merged regions are expanded like Word's merged cells. Sheet row and column
 * numbers are kept so diagnostics point at the cells Excel shows. {@link PackageScan} has bounded the
 * rows, cells and merged regions (and the cells they cover) beforehand.
 */
final class XlsxReader {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d/M/yyyy");

    private XlsxReader() {
    }

    static SourceDocument read(byte[] bytes, ReadLimits.Deadline deadline) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(ZipGuard.open(bytes))) {
            DataFormatter formatter = new DataFormatter();
            formatter.setUseCachedValuesForFormulaCells(true);
            for (Sheet sheet : workbook) {
                Map<Long, CellRangeAddress> merges = merges(sheet);
                for (int r = sheet.getFirstRowNum(); r <= Math.min(sheet.getLastRowNum(), 60); r++) {
                    if (r < 0 || !TableLayout.isHeaderRow(texts(sheet.getRow(r), formatter))) continue;
                    return document(sheet, r, merges, formatter, properties(workbook), deadline);
                }
            }
            throw new UnreadableFile(Reason.NO_PLAN_TABLE,
                    "Không trang tính nào có dòng tiêu đề của bảng kế hoạch (Tiêu chuẩn, tiêu chí | Kết quả cần đạt | ...)");
        }
    }

    private static SourceDocument document(Sheet sheet, int headerRow, Map<Long, CellRangeAddress> merges,
                                           DataFormatter formatter, Map<String, String> properties,
                                           ReadLimits.Deadline deadline) {
        Row header = sheet.getRow(headerRow);
        int firstCol = header.getFirstCellNum();
        int lastCol = header.getLastCellNum() - 1;
        while (lastCol > firstCol && value(sheet, headerRow, lastCol, merges, formatter).isBlank()) lastCol--;
        List<String> before = new ArrayList<>();
        for (int r = 0; r < headerRow; r++) before.addAll(rowLines(sheet.getRow(r), merges, formatter));
        List<SourceTable.Row> rows = new ArrayList<>();
        int r = headerRow;
        for (; r <= sheet.getLastRowNum(); r++) {
            deadline.check();
            List<SourceTable.Cell> cells = new ArrayList<>();
            boolean blank = true;
            for (int c = firstCol; c <= lastCol; c++) {
                SourceTable.Cell cell = cell(sheet, r, c, merges, formatter);
                blank &= cell.isBlank();
                cells.add(cell);
            }
            if (blank) break;
            rows.add(new SourceTable.Row(r + 1, cells));
        }
        List<String> after = new ArrayList<>();
        for (; r <= sheet.getLastRowNum(); r++) after.addAll(rowLines(sheet.getRow(r), merges, formatter));
        return new SourceDocument(Format.XLSX, before, new SourceTable(rows, firstCol + 1), after, properties);
    }

    private static SourceTable.Cell cell(Sheet sheet, int r, int c, Map<Long, CellRangeAddress> merges,
                                         DataFormatter formatter) {
        CellRangeAddress region = merges.get(key(r, c));
        if (region == null) return SourceTable.Cell.of(format(cellAt(sheet, r, c), formatter), r + 1);
        String text = format(cellAt(sheet, region.getFirstRow(), region.getFirstColumn()), formatter);
        return new SourceTable.Cell(text, c > region.getFirstColumn(), r > region.getFirstRow(), region.getFirstRow() + 1);
    }

    private static String value(Sheet sheet, int r, int c, Map<Long, CellRangeAddress> merges, DataFormatter formatter) {
        return cell(sheet, r, c, merges, formatter).text();
    }

    /** A row outside the table as lines: each cell that starts a region, left to right. */
    private static List<String> rowLines(Row row, Map<Long, CellRangeAddress> merges, DataFormatter formatter) {
        List<String> lines = new ArrayList<>();
        if (row == null) return lines;
        for (Cell cell : row) {
            CellRangeAddress region = merges.get(key(cell.getRowIndex(), cell.getColumnIndex()));
            if (region != null && (region.getFirstRow() != cell.getRowIndex()
                    || region.getFirstColumn() != cell.getColumnIndex())) continue;
            lines.addAll(VietnameseText.lines(format(cell, formatter)));
        }
        return lines;
    }

    private static List<String> texts(Row row, DataFormatter formatter) {
        List<String> texts = new ArrayList<>();
        if (row != null) for (Cell cell : row) texts.add(format(cell, formatter));
        return texts;
    }

    /** What the cell shows; dates typed as dates read as "18/8/2023" so the value parsers see text. */
    private static String format(Cell cell, DataFormatter formatter) {
        if (cell == null) return "";
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return DAY.format(cell.getLocalDateTimeCellValue().toLocalDate());
        }
        return formatter.formatCellValue(cell);
    }

    private static Cell cellAt(Sheet sheet, int r, int c) {
        Row row = sheet.getRow(r);
        return row == null ? null : row.getCell(c);
    }

    private static Map<Long, CellRangeAddress> merges(Sheet sheet) {
        Map<Long, CellRangeAddress> map = new HashMap<>();
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            // Guard against absurd regions (a whole column merged) before expanding them cell by cell.
            if ((long) (region.getLastRow() - region.getFirstRow() + 1)
                    * (region.getLastColumn() - region.getFirstColumn() + 1) > 10_000) continue;
            for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
                for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) map.put(key(r, c), region);
            }
        }
        return map;
    }

    private static long key(int row, int column) { return ((long) row << 20) | column; }

    private static Map<String, String> properties(XSSFWorkbook workbook) {
        Map<String, String> map = new HashMap<>();
        for (CTProperty p : workbook.getProperties().getCustomProperties().getUnderlyingProperties().getPropertyList()) {
            if (p.getLpwstr() != null) map.put(p.getName(), p.getLpwstr());
        }
        return map;
    }
}
