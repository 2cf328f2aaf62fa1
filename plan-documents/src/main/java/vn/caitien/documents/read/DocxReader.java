package vn.caitien.documents.read;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.officeDocument.x2006.customProperties.CTProperty;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTrPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import vn.caitien.documents.read.SourceDocument.Format;
import vn.caitien.documents.read.SourceTable.Cell;
import vn.caitien.documents.read.SourceTable.Row;
import vn.caitien.documents.read.UnreadableFile.Reason;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a Word plan: the body's paragraphs and tables in order. The plan table is the first table
 * with a plan header; tables right after it with the same number of columns continue it (a table
 * split at a page break). Other tables (the two-column header, the signature block) are read as
 * lines, cell by cell. {@link PackageScan} has bounded rows, cells, spans and nesting beforehand.
 */
final class DocxReader {

    private DocxReader() {
    }

    static SourceDocument read(byte[] bytes, ReadLimits.Deadline deadline) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(ZipGuard.open(bytes))) {
            List<String> before = new ArrayList<>();
            List<String> after = new ArrayList<>();
            List<Row> planRows = new ArrayList<>();
            int width = 0;
            boolean inTable = false;
            boolean done = false;
            for (IBodyElement element : doc.getBodyElements()) {
                deadline.check();
                if (element instanceof XWPFTable table) {
                    List<Row> grid = grid(table, planRows.size(), deadline);
                    SourceTable candidate = new SourceTable(grid, 1);
                    if (!done && !inTable && TableLayout.detect(candidate).isPresent()) {
                        planRows.addAll(grid);
                        width = candidate.width();
                        inTable = true;
                        continue;
                    }
                    if (inTable && candidate.width() == width) {
                        planRows.addAll(grid);
                        continue;
                    }
                    if (inTable) done = true;
                    (done ? after : before).addAll(lines(grid));
                } else if (element instanceof XWPFParagraph paragraph) {
                    List<String> text = VietnameseText.lines(paragraph.getText());
                    if (inTable && !text.isEmpty()) {
                        inTable = false;
                        done = true;
                    }
                    (done ? after : before).addAll(text);
                }
            }
            if (planRows.isEmpty()) {
                throw new UnreadableFile(Reason.NO_PLAN_TABLE, "Tài liệu Word không có bảng kế hoạch 9 cột "
                        + "(TT | Tiêu chuẩn, tiêu chí | Kết quả cần đạt | Công việc/giải pháp | Chủ trì và phối hợp | "
                        + "Thời gian | Kinh phí | Điều kiện hỗ trợ | Ghi chú)");
            }
            return new SourceDocument(Format.DOCX, before, new SourceTable(planRows, 1), after, properties(doc));
        }
    }

    /** The table as a grid; {@code firstNumber} rows precede it in the plan table (a continuation). */
    private static List<Row> grid(XWPFTable table, int firstNumber, ReadLimits.Deadline deadline) {
        List<Row> rows = new ArrayList<>();
        List<Cell> previous = List.of();
        for (XWPFTableRow row : table.getRows()) {
            deadline.check();
            int number = firstNumber + rows.size() + 1;
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < gridBefore(row); i++) cells.add(Cell.EMPTY);
            for (XWPFTableCell tc : row.getTableCells()) {
                CTTcPr pr = tc.getCTTc().getTcPr();
                int span = pr != null && pr.getGridSpan() != null ? pr.getGridSpan().getVal().intValue() : 1;
                boolean continued = pr != null && pr.getVMerge() != null
                        && (pr.getVMerge().getVal() == null || pr.getVMerge().getVal() == STMerge.CONTINUE);
                Cell first;
                if (continued && cells.size() < previous.size()) {
                    Cell above = previous.get(cells.size());
                    first = new Cell(above.text(), false, true, above.originRow());
                } else {
                    first = Cell.of(text(tc), number);
                }
                cells.add(first);
                for (int s = 1; s < span; s++) {
                    cells.add(new Cell(first.text(), true, first.mergedAbove(), first.originRow()));
                }
            }
            rows.add(new Row(number, cells));
            previous = cells;
        }
        return rows;
    }

    private static int gridBefore(XWPFTableRow row) {
        CTTrPr pr = row.getCtRow().getTrPr();
        if (pr == null || pr.sizeOfGridBeforeArray() == 0) return 0;
        CTDecimalNumber before = pr.getGridBeforeArray(0);
        return before.getVal() == null ? 0 : before.getVal().intValue();
    }

    /** Paragraphs of the cell (and of any table nested in it), one line each; breaks split lines. */
    private static String text(XWPFTableCell cell) {
        StringBuilder out = new StringBuilder();
        for (IBodyElement element : cell.getBodyElements()) {
            if (element instanceof XWPFParagraph p) {
                out.append(p.getText()).append('\n');
            } else if (element instanceof XWPFTable nested) {
                for (XWPFTableRow row : nested.getRows()) {
                    for (XWPFTableCell c : row.getTableCells()) out.append(text(c)).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** A non-plan table as lines: each cell's lines, row by row, left to right. */
    private static List<String> lines(List<Row> grid) {
        List<String> lines = new ArrayList<>();
        for (Row row : grid) {
            for (Cell cell : row.cells()) {
                if (!cell.mergedLeft() && !cell.mergedAbove()) lines.addAll(VietnameseText.lines(cell.text()));
            }
        }
        return lines;
    }

    private static Map<String, String> properties(XWPFDocument doc) {
        Map<String, String> map = new HashMap<>();
        POIXMLProperties.CustomProperties custom = doc.getProperties().getCustomProperties();
        for (CTProperty p : custom.getUnderlyingProperties().getPropertyList()) {
            Optional.ofNullable(p.getLpwstr()).ifPresent(v -> map.put(p.getName(), v));
        }
        return map;
    }
}
