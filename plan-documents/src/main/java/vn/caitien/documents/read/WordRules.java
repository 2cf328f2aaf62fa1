package vn.caitien.documents.read;

import javax.xml.stream.XMLStreamReader;

/**
 * The limits on Word tables, applied to WordprocessingML elements wherever they appear (body, headers,
 * footers, notes): table rows and cells across the whole file, grid columns a row spans (cells, merges
 * and skipped grid columns: the reader expands them one by one), tables nested in a cell, and characters
 * in one cell or paragraph. Row and column of a refusal are those of the outermost table, 1-based.
 */
final class WordRules {
    private final ReadLimits limits;
    private int nesting;
    private int table;
    private int row;
    private int column;
    private int rows;
    private int cells;
    private long text;
    private boolean inText;

    WordRules(ReadLimits limits) {
        this.limits = limits;
    }

    static boolean applies(String namespace) { return namespace != null && namespace.contains("wordprocessingml"); }

    void part() {
        nesting = 0;
        inText = false;
        text = 0;
    }

    void start(XMLStreamReader xml) {
        switch (xml.getLocalName()) {
            case "tbl" -> {
                if (++nesting > limits.maxNestingDepth()) {
                    throw UnreadableFile.tooComplex("Bảng " + table + " có bảng lồng trong ô sâu hơn " + limits.maxNestingDepth()
                            + " tầng (dòng " + row + ", cột " + column + ")", row, column);
                }
                if (nesting == 1) {
                    table++;
                    row = 0;
                }
            }
            case "tr" -> {
                if (++rows > limits.maxRows()) {
                    throw UnreadableFile.overLimit("Tài liệu có hơn " + limits.maxRows() + " dòng bảng (bảng " + table
                            + ", dòng " + (row + 1) + "); một kế hoạch cải tiến không dài như vậy", row + 1, null);
                }
                if (nesting == 1) {
                    row++;
                    column = 0;
                }
            }
            case "tc" -> {
                if (++cells > limits.maxCells()) {
                    throw UnreadableFile.overLimit("Tài liệu có hơn " + limits.maxCells() + " ô bảng (bảng " + table
                            + ", dòng " + row + ")", row, column + 1);
                }
                if (nesting == 1) {
                    columns(1);
                    text = 0;
                }
            }
            case "gridSpan", "gridBefore", "gridAfter" -> {
                if (nesting == 1) columns(value(xml) - ("gridSpan".equals(xml.getLocalName()) ? 1 : 0));
            }
            case "p" -> {
                if (nesting == 0) text = 0;
            }
            case "t", "instrText", "delText" -> inText = true;
            default -> {
            }
        }
    }

    void end(String localName) {
        switch (localName) {
            case "tbl" -> nesting--;
            case "t", "instrText", "delText" -> inText = false;
            default -> {
            }
        }
    }

    void text(int length) {
        if (!inText) return;
        text += length;
        if (text > limits.maxCellText()) {
            String where = nesting == 0 ? "Một đoạn văn ngoài bảng" : "Ô ở bảng " + table + ", dòng " + row + ", cột " + column;
            throw UnreadableFile.overLimit(where + " có hơn " + limits.maxCellText() + " ký tự",
                    nesting == 0 ? null : row, nesting == 0 ? null : column);
        }
    }

    private void columns(long added) {
        column = (int) Math.min(Integer.MAX_VALUE, column + Math.max(0, added));
        if (column > limits.maxColumns()) {
            throw UnreadableFile.overLimit("Dòng " + row + " của bảng " + table + " trải trên hơn " + limits.maxColumns()
                    + " cột", row, column);
        }
    }

    /** The w:val of a span or skip; absurd or unreadable values count as over any limit. */
    private static long value(XMLStreamReader xml) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if ("val".equals(xml.getAttributeLocalName(i))) {
                try {
                    return Long.parseLong(xml.getAttributeValue(i).strip());
                } catch (NumberFormatException e) {
                    return Long.MAX_VALUE;
                }
            }
        }
        return 0;
    }
}
