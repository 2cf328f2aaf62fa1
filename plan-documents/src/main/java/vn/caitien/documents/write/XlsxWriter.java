package vn.caitien.documents.write;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes an {@link ExportDocument} as one Excel sheet: the header in two blocks (columns A-C and
 * E-I), the title, legal bases, the table with merged level and standard rows, an empty row that
 * ends the table, then the signature above "Nơi nhận" (so the signer's name follows the title in
 * reading order) and the recipients.
 */
public final class XlsxWriter {
    private static final int COLUMNS = ExportDocument.COLUMNS.size();

    private final XSSFWorkbook workbook;
    private final XSSFSheet sheet;
    private final CellStyle plain;
    private final CellStyle bold;
    private final CellStyle centred;
    private final CellStyle italic;
    private final CellStyle cell;
    private final CellStyle cellBold;
    private final CellStyle cellBoldLeft;
    private final CellStyle centredPlain;
    private int next;

    private XlsxWriter(XSSFWorkbook workbook) {
        this.workbook = workbook;
        this.sheet = workbook.createSheet("Kế hoạch");
        this.plain = style(false, false, HorizontalAlignment.LEFT, false);
        this.bold = style(true, false, HorizontalAlignment.LEFT, false);
        this.centred = style(true, false, HorizontalAlignment.CENTER, false);
        this.italic = style(false, true, HorizontalAlignment.CENTER, false);
        this.cell = style(false, false, HorizontalAlignment.LEFT, true);
        this.cellBold = style(true, false, HorizontalAlignment.CENTER, true);
        this.cellBoldLeft = style(true, false, HorizontalAlignment.LEFT, true);
        this.centredPlain = style(false, false, HorizontalAlignment.CENTER, false);
    }

    public static byte[] write(ExportDocument d) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            new XlsxWriter(workbook).sheet(d);
            d.properties().forEach((k, v) -> workbook.getProperties().getCustomProperties().addProperty(k, v));
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Không tạo được tệp Excel", e);
        }
    }

    private void sheet(ExportDocument d) {
        for (int c = 0; c < COLUMNS; c++) sheet.setColumnWidth(c, ExportDocument.WIDTHS.get(c) * 256 * 3 / 2);
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        put(0, 0, d.managingUnitLine() == null ? "" : d.managingUnitLine(), centredPlain, 3);
        put(1, 0, d.schoolLine(), centred, 3);
        put(2, 0, d.numberLine(), centredPlain, 3);
        put(0, 4, ExportDocument.NATION, centred, COLUMNS - 4);
        put(1, 4, ExportDocument.MOTTO, centred, COLUMNS - 4);
        put(2, 4, d.placeDateLine(), italic, COLUMNS - 4);
        next = 4;
        for (String line : ExportDocument.TITLE) put(next++, 0, line, centred, COLUMNS);
        put(next++, 0, d.schoolYearLine(), centred, COLUMNS);
        next++;
        if (!d.legalBases().isEmpty()) {
            put(next++, 0, ExportDocument.BASES_HEADING, bold, COLUMNS);
            for (int i = 0; i < d.legalBases().size(); i++) {
                String end = i == d.legalBases().size() - 1 ? "." : ";";
                put(next++, 0, (i + 1) + ". " + d.legalBases().get(i) + end, plain, COLUMNS);
            }
        }
        put(next++, 0, ExportDocument.TABLE_HEADING, bold, COLUMNS);
        Row head = sheet.createRow(next++);
        for (int c = 0; c < COLUMNS; c++) cell(head, c, ExportDocument.COLUMNS.get(c), cellBold);
        sheet.createFreezePane(0, next);
        for (ExportDocument.Row row : d.rows()) table(row);
        next++;
        int signature = next;
        put(next++, 5, d.signerTitle(), centred, COLUMNS - 5);
        put(next++, 0, "Nơi nhận:", bold, 4);
        for (int i = 0; i < d.recipients().size(); i++) {
            put(next++, 0, "- " + d.recipients().get(i) + (i == d.recipients().size() - 1 ? "." : ";"), plain, 4);
        }
        if (d.signerName() != null) put(Math.max(next, signature + 4), 5, d.signerName(), centred, COLUMNS - 5);
    }

    private void table(ExportDocument.Row row) {
        Row r = sheet.createRow(next);
        if (row instanceof ExportDocument.Level level) {
            for (int c = 0; c < COLUMNS; c++) cell(r, c, c == 0 ? level.label() : "", cellBold);
            r.getCell(0).setCellStyle(cellBoldLeft);
            sheet.addMergedRegion(new CellRangeAddress(next, next, 0, COLUMNS - 1));
        } else if (row instanceof ExportDocument.Standard standard) {
            cell(r, 0, standard.index(), cellBold);
            for (int c = 1; c < COLUMNS; c++) cell(r, c, c == 1 ? standard.text() : "", cellBold);
            r.getCell(1).setCellStyle(cellBoldLeft);
            sheet.addMergedRegion(new CellRangeAddress(next, next, 1, COLUMNS - 1));
        } else if (row instanceof ExportDocument.Item item) {
            for (int c = 0; c < COLUMNS; c++) cell(r, c, item.cells().get(c), cell);
        }
        next++;
    }

    /** A text in one cell merged over {@code width} columns. */
    private void put(int rowIndex, int column, String text, CellStyle style, int width) {
        Row row = sheet.getRow(rowIndex) == null ? sheet.createRow(rowIndex) : sheet.getRow(rowIndex);
        cell(row, column, text, style);
        if (width > 1) sheet.addMergedRegion(new CellRangeAddress(rowIndex, rowIndex, column, column + width - 1));
    }

    private static void cell(Row row, int column, String text, CellStyle style) {
        var c = row.createCell(column);
        c.setCellValue(text == null ? "" : text);
        c.setCellStyle(style);
    }

    private CellStyle style(boolean isBold, boolean isItalic, HorizontalAlignment align, boolean bordered) {
        Font font = workbook.createFont();
        font.setFontName("Times New Roman");
        font.setFontHeightInPoints((short) 12);
        font.setBold(isBold);
        font.setItalic(isItalic);
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        style.setAlignment(align);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        style.setWrapText(bordered);
        if (bordered) {
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
        }
        return style;
    }
}
