package vn.caitien.documents.read;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

import javax.xml.stream.XMLStreamReader;

/**
 * The limits on Excel sheets, applied to SpreadsheetML elements: rows and cells (by count across all
 * sheets, and by position: no row or column past the limits), merged regions (by count, by position
 * and by the cells they cover together, since the reader expands each region cell by cell), shared
 * strings, and characters in one value. Rows and columns of a refusal are Excel's, 1-based.
 */
final class SheetRules {
    private final ReadLimits limits;
    private String part;
    private int rows;
    private int cells;
    private int merges;
    private long mergedCells;
    private int strings;
    private int row;
    private int column;
    private long text;
    private boolean inText;

    SheetRules(ReadLimits limits) {
        this.limits = limits;
    }

    static boolean applies(String namespace) { return namespace != null && namespace.contains("spreadsheetml"); }

    void part(String name) {
        part = name;
        row = 0;
        column = 0;
        inText = false;
    }

    void start(XMLStreamReader xml) {
        switch (xml.getLocalName()) {
            case "row" -> row(xml.getAttributeValue(null, "r"));
            case "c" -> cell(xml.getAttributeValue(null, "r"));
            case "mergeCell" -> merge(xml.getAttributeValue(null, "ref"));
            case "si" -> {
                if (++strings > limits.maxCells()) {
                    throw UnreadableFile.overLimit("Bảng tính có hơn " + limits.maxCells() + " chuỗi văn bản", null, null);
                }
                text = 0;
            }
            case "v", "t", "f" -> {
                inText = true;
                if (!part.contains("sharedStrings")) text = 0;
            }
            default -> {
            }
        }
    }

    void end(String localName) {
        if (localName.equals("v") || localName.equals("t") || localName.equals("f")) inText = false;
    }

    void text(int length) {
        if (!inText) return;
        text += length;
        if (text > limits.maxCellText()) {
            boolean shared = part.contains("sharedStrings");
            throw UnreadableFile.overLimit((shared ? "Một chuỗi văn bản của bảng tính" : "Ô " + cellName())
                    + " có hơn " + limits.maxCellText() + " ký tự", shared ? null : row, shared ? null : column);
        }
    }

    private void row(String reference) {
        row = reference == null ? row + 1 : number(reference);
        column = 0;
        if (++rows > limits.maxRows() || row > limits.maxRows()) {
            throw UnreadableFile.overLimit("Bảng tính có dòng " + (row > limits.maxRows() ? row : "thứ " + rows)
                    + " trong " + part + ", quá giới hạn " + limits.maxRows() + " dòng; một kế hoạch cải tiến không dài như vậy",
                    row, null);
        }
    }

    private void cell(String reference) {
        if (reference == null) {
            column++;
        } else {
            CellReference ref = reference(reference);
            column = ref.getCol() + 1;
            if (ref.getRow() + 1 != row && ref.getRow() >= 0) row = ref.getRow() + 1;
        }
        if (column > limits.maxColumns() || row > limits.maxRows()) {
            throw UnreadableFile.overLimit("Ô " + cellName() + " nằm ngoài vùng " + limits.maxRows() + " dòng × "
                    + limits.maxColumns() + " cột mà một kế hoạch cải tiến dùng", row, column);
        }
        if (++cells > limits.maxCells()) {
            throw UnreadableFile.overLimit("Bảng tính có hơn " + limits.maxCells() + " ô (đến ô " + cellName() + ")", row, column);
        }
    }

    private void merge(String reference) {
        CellRangeAddress region;
        try {
            region = CellRangeAddress.valueOf(reference == null ? "" : reference);
        } catch (RuntimeException e) {
            throw UnreadableFile.tooComplex("Vùng gộp ô “" + clip(reference) + "” không hợp lệ", null, null);
        }
        int lastRow = region.getLastRow() + 1;
        int lastColumn = region.getLastColumn() + 1;
        row = region.getFirstRow() + 1;
        column = region.getFirstColumn() + 1;
        if (++merges > limits.maxMergedRegions()) {
            throw UnreadableFile.overLimit("Bảng tính có hơn " + limits.maxMergedRegions() + " vùng gộp ô (đến vùng "
                    + region.formatAsString() + ")", row, column);
        }
        if (region.getFirstRow() < 0 || region.getFirstColumn() < 0 || lastRow > limits.maxRows()
                || lastColumn > limits.maxColumns()) {
            throw UnreadableFile.overLimit("Vùng gộp ô " + region.formatAsString() + " vượt ra ngoài vùng " + limits.maxRows()
                    + " dòng × " + limits.maxColumns() + " cột mà một kế hoạch cải tiến dùng", row, column);
        }
        mergedCells += (long) region.getNumberOfCells();
        if (mergedCells > limits.maxCells()) {
            throw UnreadableFile.overLimit("Các vùng gộp ô phủ hơn " + limits.maxCells() + " ô (đến vùng "
                    + region.formatAsString() + ")", row, column);
        }
    }

    private String cellName() {
        return column > 0 ? CellReference.convertNumToColString(Math.min(column, 16_384) - 1) + row : "dòng " + row;
    }

    private static CellReference reference(String text) {
        try {
            return new CellReference(text);
        } catch (RuntimeException e) {
            throw UnreadableFile.tooComplex("Địa chỉ ô “" + clip(text) + "” không hợp lệ", null, null);
        }
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static String clip(String text) {
        if (text == null) return "";
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
