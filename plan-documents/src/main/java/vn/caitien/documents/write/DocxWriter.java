package vn.caitien.documents.write;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Writes an {@link ExportDocument} as a Word document: A4 landscape, Times New Roman, the samples' layout. */
public final class DocxWriter {
    private static final String FONT = "Times New Roman";
    private static final int PAGE_WIDTH = 16838;
    private static final int PAGE_HEIGHT = 11906;
    private static final int MARGIN = 720;
    private static final int TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;

    private DocxWriter() {
    }

    public static byte[] write(ExportDocument d) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(doc);
            header(doc, d);
            List<String> title = new ArrayList<>(ExportDocument.TITLE);
            title.add(d.schoolYearLine());
            lines(doc, ParagraphAlignment.CENTER, title, true, 13);
            if (!d.legalBases().isEmpty()) {
                lines(doc, ParagraphAlignment.LEFT, List.of(ExportDocument.BASES_HEADING), true, 13);
                for (int i = 0; i < d.legalBases().size(); i++) {
                    String end = i == d.legalBases().size() - 1 ? "." : ";";
                    lines(doc, ParagraphAlignment.BOTH, List.of((i + 1) + ". " + d.legalBases().get(i) + end), false, 13);
                }
            }
            lines(doc, ParagraphAlignment.LEFT, List.of(ExportDocument.TABLE_HEADING), true, 13);
            table(doc, d);
            paragraph(doc, ParagraphAlignment.LEFT);
            signature(doc, d);
            d.properties().forEach((k, v) -> doc.getProperties().getCustomProperties().addProperty(k, v));
            doc.getProperties().getCoreProperties().setTitle("Kế hoạch cải tiến chất lượng giáo dục "
                    + d.schoolYearLine().toLowerCase());
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Không tạo được tệp Word", e);
        }
    }

    private static void page(XWPFDocument doc) {
        CTSectPr section = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setOrient(STPageOrientation.LANDSCAPE);
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        CTPageMar margin = section.addNewPgMar();
        BigInteger m = BigInteger.valueOf(MARGIN);
        margin.setTop(m);
        margin.setBottom(m);
        margin.setLeft(m);
        margin.setRight(m);
    }

    /** Managing unit, school and number on the left; nation, motto, place and date on the right. */
    private static void header(XWPFDocument doc, ExportDocument d) {
        XWPFTable table = doc.createTable(1, 2);
        table.removeBorders();
        grid(table, List.of(45, 55));
        XWPFTableCell left = table.getRow(0).getCell(0);
        XWPFTableCell right = table.getRow(0).getCell(1);
        if (d.managingUnitLine() != null) text(left, d.managingUnitLine(), false, false, ParagraphAlignment.CENTER, 12);
        text(left, d.schoolLine(), true, false, ParagraphAlignment.CENTER, 12);
        text(left, d.numberLine(), false, false, ParagraphAlignment.CENTER, 12);
        text(right, ExportDocument.NATION, true, false, ParagraphAlignment.CENTER, 12);
        text(right, ExportDocument.MOTTO, true, false, ParagraphAlignment.CENTER, 12);
        text(right, d.placeDateLine(), false, true, ParagraphAlignment.CENTER, 12);
    }

    private static void table(XWPFDocument doc, ExportDocument d) {
        int columns = ExportDocument.COLUMNS.size();
        XWPFTable table = doc.createTable(1, columns);
        grid(table, ExportDocument.WIDTHS);
        XWPFTableRow head = table.getRow(0);
        head.setRepeatHeader(true);
        for (int c = 0; c < columns; c++) {
            text(head.getCell(c), ExportDocument.COLUMNS.get(c), true, false, ParagraphAlignment.CENTER, 11);
        }
        for (ExportDocument.Row row : d.rows()) {
            XWPFTableRow r = table.createRow();
            if (row instanceof ExportDocument.Level level) {
                span(r, 0, columns);
                text(r.getCell(0), level.label(), true, false, ParagraphAlignment.LEFT, 11);
            } else if (row instanceof ExportDocument.Standard standard) {
                span(r, 1, columns - 1);
                text(r.getCell(0), standard.index(), true, false, ParagraphAlignment.CENTER, 11);
                text(r.getCell(1), standard.text(), true, false, ParagraphAlignment.LEFT, 11);
            } else if (row instanceof ExportDocument.Item item) {
                for (int c = 0; c < columns; c++) {
                    text(r.getCell(c), item.cells().get(c), false, false, ParagraphAlignment.LEFT, 11);
                }
            }
        }
    }

    private static void signature(XWPFDocument doc, ExportDocument d) {
        XWPFTable table = doc.createTable(1, 2);
        table.removeBorders();
        grid(table, List.of(55, 45));
        XWPFTableCell left = table.getRow(0).getCell(0);
        XWPFTableCell right = table.getRow(0).getCell(1);
        text(left, "Nơi nhận:", true, true, ParagraphAlignment.LEFT, 11);
        for (int i = 0; i < d.recipients().size(); i++) {
            String end = i == d.recipients().size() - 1 ? "." : ";";
            text(left, "- " + d.recipients().get(i) + end, false, false, ParagraphAlignment.LEFT, 11);
        }
        text(right, d.signerTitle(), true, false, ParagraphAlignment.CENTER, 13);
        for (int i = 0; i < 3; i++) text(right, "", false, false, ParagraphAlignment.CENTER, 13);
        if (d.signerName() != null) text(right, d.signerName(), true, false, ParagraphAlignment.CENTER, 13);
    }

    /** Merges {@code count} cells from {@code first} into one spanning cell. */
    private static void span(XWPFTableRow row, int first, int count) {
        for (int i = 1; i < count; i++) row.removeCell(first + 1);
        CTTcPr pr = row.getCell(first).getCTTc().isSetTcPr() ? row.getCell(first).getCTTc().getTcPr()
                : row.getCell(first).getCTTc().addNewTcPr();
        pr.addNewGridSpan().setVal(BigInteger.valueOf(count));
    }

    /** Column widths in proportion, over the page's text width. */
    private static void grid(XWPFTable table, List<Integer> weights) {
        int total = weights.stream().mapToInt(Integer::intValue).sum();
        CTTblGrid grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid() : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) grid.removeGridCol(0);
        for (int w : weights) grid.addNewGridCol().setW(BigInteger.valueOf((long) TEXT_WIDTH * w / total));
        table.setWidth(String.valueOf(TEXT_WIDTH));
        XWPFTableRow row = table.getRow(0);
        for (int c = 0; c < weights.size() && c < row.getTableCells().size(); c++) {
            row.getCell(c).setWidth(String.valueOf((long) TEXT_WIDTH * weights.get(c) / total));
        }
    }

    /** Adds the text to the cell, one paragraph per line (a new cell's empty paragraph is used first). */
    private static void text(XWPFTableCell cell, String text, boolean bold, boolean italic, ParagraphAlignment align, int size) {
        for (String line : (text == null ? "" : text).split("\n", -1)) {
            boolean fresh = cell.getParagraphs().size() == 1 && cell.getParagraphs().get(0).getRuns().isEmpty();
            XWPFParagraph p = fresh ? cell.getParagraphs().get(0) : cell.addParagraph();
            p.setAlignment(align);
            p.setSpacingAfter(0);
            run(p, line, bold, italic, size);
        }
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, ParagraphAlignment align) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        return p;
    }

    /** Paragraphs with the given lines, one each, aligned alike. */
    private static void lines(XWPFDocument doc, ParagraphAlignment align, List<String> lines, boolean bold, int size) {
        for (String line : lines) run(paragraph(doc, align), line, bold, false, size);
    }

    private static XWPFRun run(XWPFParagraph p, String text, boolean bold, boolean italic, int size) {
        XWPFRun run = p.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(size);
        run.setBold(bold);
        run.setItalic(italic);
        if (!text.isEmpty()) run.setText(text);
        return run;
    }
}
