package vn.caitien.reporting.render;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHdrFtr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.springframework.stereotype.Component;
import vn.caitien.reporting.report.MonitoringReport;
import vn.caitien.reporting.report.MonitoringReport.Item;
import vn.caitien.reporting.render.ReportText.Column;
import vn.caitien.reporting.render.ReportText.Group;
import vn.caitien.reporting.render.ReportText.Line;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A monitoring report as a Word document (Apache POI XWPF) that a school can still edit: the same
 * wording as the HTML/PDF ({@link ReportText}), Times New Roman as Vietnamese offices use, real
 * tables, and the Nghị định 30/2020 page: A4, margins 2 / 2 / 3 / 2 cm, page number centred at the
 * top from page 2 on. Table II sits in a landscape section of its own.
 */
@Component
public class ReportDocxRenderer {

    private static final String FONT = "Times New Roman";
    private static final List<XWPFRun.FontCharRange> FONT_RANGES = List.of(XWPFRun.FontCharRange.ascii,
            XWPFRun.FontCharRange.hAnsi, XWPFRun.FontCharRange.eastAsia, XWPFRun.FontCharRange.cs);
    private static final int BODY_PT = 13;
    private static final int TABLE_PT = 11;
    /** Twips (1/20 pt): A4 is 11906 x 16838, 1 cm = 567. */
    private static final int CM = 567;
    private static final int A4_SHORT = 11906;
    private static final int A4_LONG = 16838;
    private static final int PORTRAIT_WIDTH = A4_SHORT - 3 * CM - 2 * CM;
    private static final int LANDSCAPE_WIDTH = A4_LONG - 2 * CM - 2 * CM;

    /** The report as .docx bytes. */
    public byte[] render(MonitoringReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        render(report, out);
        return out.toByteArray();
    }

    /** Writes the report as .docx to {@code out}, which stays open. */
    public void render(MonitoringReport report, OutputStream out) {
        try (XWPFDocument doc = new XWPFDocument()) {
            defaults(doc);
            List<CTSectPr> sections = new ArrayList<>();
            if (ReportText.isDraft(report)) {
                XWPFRun mark = text(paragraph(doc.createParagraph(), ParagraphAlignment.RIGHT, 120), " DỰ THẢO ", 12, true, false);
                CTBorder box = rPr(mark).addNewBdr();
                box.setVal(STBorder.SINGLE);
                box.setSz(BigInteger.valueOf(12));
            }
            header(doc, report);
            title(doc, report);
            body(doc, ReportText.basis(report));
            overview(doc, report);
            sections.add(sectionBreak(doc, false));
            heading(doc, "II. KẾT QUẢ THỰC HIỆN TỪNG NỘI DUNG");
            items(doc, report.items());
            sections.add(sectionBreak(doc, true));
            heading(doc, "III. KIẾN NGHỊ");
            ReportText.recommendations(report).forEach(l -> body(doc, l));
            signatures(doc, report);
            CTSectPr last = doc.getDocument().getBody().isSetSectPr()
                    ? doc.getDocument().getBody().getSectPr() : doc.getDocument().getBody().addNewSectPr();
            page(last, false);
            sections.add(last);
            pageNumbers(doc, sections);
            doc.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Không tạo được tệp Word của báo cáo", e);
        }
    }

    /** Document defaults, so every run (and Word's empty paragraphs) is Times New Roman, Vietnamese. */
    private static void defaults(XWPFDocument doc) {
        CTStyles styles = CTStyles.Factory.newInstance();
        CTRPr rPr = styles.addNewDocDefaults().addNewRPrDefault().addNewRPr();
        fonts(rPr.addNewRFonts());
        rPr.addNewSz().setVal(BigInteger.valueOf(BODY_PT * 2L));
        rPr.addNewSzCs().setVal(BigInteger.valueOf(BODY_PT * 2L));
        rPr.addNewLang().setVal("vi-VN");
        doc.createStyles().setStyles(styles);
    }

    /** All four font slots: Word picks eastAsia/cs for some Vietnamese letters depending on the system. */
    private static void fonts(CTFonts fonts) {
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT);
        fonts.setEastAsia(FONT);
        fonts.setCs(FONT);
    }

    private static void header(XWPFDocument doc, MonitoringReport r) {
        XWPFTable t = table(doc, 1, new int[] {PORTRAIT_WIDTH * 2 / 5, PORTRAIT_WIDTH - PORTRAIT_WIDTH * 2 / 5});
        t.removeBorders();
        XWPFTableCell left = t.getRow(0).getCell(0);
        XWPFTableCell right = t.getRow(0).getCell(1);
        String body = ReportText.managingBody(r.managingUnit());
        if (!body.isEmpty()) text(cellParagraph(left, ParagraphAlignment.CENTER), body, 12, false, false);
        for (String line : ReportText.schoolNameLines(r.schoolName())) {
            text(cellParagraph(left, ParagraphAlignment.CENTER), line, 12, true, false);
        }
        text(cellParagraph(left, ParagraphAlignment.CENTER), "TỔ GIÁM SÁT", 12, true, false);
        rule(cellParagraph(left, ParagraphAlignment.CENTER), PORTRAIT_WIDTH * 2 / 5, 0.3);
        text(cellParagraph(left, ParagraphAlignment.CENTER), ReportText.numberLine(r.documentNumber()), BODY_PT, false, false);
        text(cellParagraph(right, ParagraphAlignment.CENTER), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, true, false);
        text(cellParagraph(right, ParagraphAlignment.CENTER), "Độc lập - Tự do - Hạnh phúc", BODY_PT, true, false)
                .setUnderline(UnderlinePatterns.SINGLE);
        XWPFParagraph date = cellParagraph(right, ParagraphAlignment.CENTER);
        date.setSpacingBefore(160);
        text(date, ReportText.placeAndDate(r.place(), r.reportDate()), BODY_PT, false, true);
    }

    private static void title(XWPFDocument doc, MonitoringReport r) {
        List<String> lines = ReportText.title(r);
        for (int i = 0; i < lines.size(); i++) {
            XWPFParagraph p = paragraph(doc.createParagraph(), ParagraphAlignment.CENTER, 0);
            if (i == 0) p.setSpacingBefore(360);
            text(p, lines.get(i), 14, true, false);
        }
        rule(paragraph(doc.createParagraph(), ParagraphAlignment.CENTER, 120), PORTRAIT_WIDTH, 0.25);
        String correction = ReportText.correctionLine(r);
        if (correction != null) text(paragraph(doc.createParagraph(), ParagraphAlignment.CENTER, 120), correction, BODY_PT, false, true);
    }

    private static void overview(XWPFDocument doc, MonitoringReport r) {
        heading(doc, "I. KHÁI QUÁT TÌNH HÌNH THỰC HIỆN");
        // sub-headings are numbered by what is present, as in the HTML
        int n = 1;
        heading(doc, n++ + ". Tình hình chung");
        ReportText.overviewLines(r.overview()).forEach(l -> body(doc, l));
        if (!blank(r.summary())) {
            heading(doc, n++ + ". Nhận xét chung");
            ReportText.paragraphs(r.summary()).forEach(l -> body(doc, l));
        }
        if (!blank(r.findings())) {
            heading(doc, n + ". Những vấn đề phát hiện qua giám sát");
            ReportText.paragraphs(r.findings()).forEach(l -> body(doc, l));
        }
    }

    private static void items(XWPFDocument doc, List<Item> items) {
        List<Column> columns = ReportText.COLUMNS;
        int[] widths = new int[columns.size()];
        int used = 0;
        for (int c = 0; c < widths.length; c++) {
            widths[c] = c == widths.length - 1 ? LANDSCAPE_WIDTH - used : (int) (LANDSCAPE_WIDTH * columns.get(c).widthPercent() / 100);
            used += widths[c];
        }
        XWPFTable t = table(doc, 1, widths);
        XWPFTableRow head = t.getRow(0);
        head.setRepeatHeader(true);
        head.setCantSplitRow(true);
        for (int c = 0; c < columns.size(); c++) {
            XWPFTableCell cell = head.getCell(c);
            cell.setColor("E8E8E8");
            cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
            text(cellParagraph(cell, ParagraphAlignment.CENTER), columns.get(c).header(), TABLE_PT, true, false);
        }
        List<Group> groups = ReportText.groups(items);
        if (groups.isEmpty()) spanRow(t, "Kế hoạch chưa có nội dung cải tiến.", false);
        for (Group g : groups) {
            spanRow(t, g.heading(), true);
            for (Item item : g.items()) {
                XWPFTableRow row = t.createRow();
                row.setCantSplitRow(true); // as in the PDF; a row taller than a page still breaks
                List<List<Line>> cells = ReportText.cells(item);
                for (int c = 0; c < cells.size(); c++) {
                    XWPFTableCell cell = row.getCell(c);
                    width(cell, widths[c]);
                    ParagraphAlignment align = c == 0 ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT;
                    if (cells.get(c).isEmpty()) cellParagraph(cell, align);
                    for (Line line : cells.get(c)) {
                        text(cellParagraph(cell, align), line.text(), TABLE_PT, line.bold(), line.italic());
                    }
                }
            }
        }
    }

    /** A row of one cell across the table: a standard's heading, kept with the row after it. */
    private static void spanRow(XWPFTable t, String text, boolean keepWithNext) {
        XWPFTableRow row = t.createRow();
        while (row.getTableCells().size() > 1) row.removeCell(row.getTableCells().size() - 1);
        XWPFTableCell cell = row.getCell(0);
        CTTcPr tcPr = tcPr(cell);
        tcPr.addNewGridSpan().setVal(BigInteger.valueOf(ReportText.COLUMNS.size()));
        width(cell, LANDSCAPE_WIDTH);
        cell.setColor("F4F4F4");
        XWPFParagraph p = cellParagraph(cell, ParagraphAlignment.LEFT);
        p.setKeepNext(keepWithNext);
        text(p, text, TABLE_PT, true, false);
    }

    private static void signatures(XWPFDocument doc, MonitoringReport r) {
        XWPFTable t = table(doc, 2, new int[] {PORTRAIT_WIDTH / 2, PORTRAIT_WIDTH - PORTRAIT_WIDTH / 2});
        t.removeBorders();
        signer(t.getRow(0).getCell(0), "DUYỆT CỦA HIỆU TRƯỞNG", r.principal());
        signer(t.getRow(0).getCell(1), "TỔ TRƯỞNG TỔ GIÁM SÁT", r.monitoringLead());
        XWPFTableCell to = t.getRow(1).getCell(0);
        XWPFParagraph label = cellParagraph(to, ParagraphAlignment.LEFT);
        label.setSpacingBefore(240);
        text(label, "Nơi nhận:", 12, true, true);
        for (String line : ReportText.recipients(r.recipients())) text(cellParagraph(to, ParagraphAlignment.LEFT), line, 11, false, false);
        for (XWPFTableRow row : t.getRows()) row.setCantSplitRow(true);
    }

    private static void signer(XWPFTableCell cell, String authority, String name) {
        XWPFParagraph p = cellParagraph(cell, ParagraphAlignment.CENTER);
        p.setSpacingBefore(240);
        p.setKeepNext(true);
        text(p, authority, BODY_PT, true, false);
        for (int i = 0; i < 4; i++) cellParagraph(cell, ParagraphAlignment.CENTER).setKeepNext(true);
        text(cellParagraph(cell, ParagraphAlignment.CENTER), ReportText.orEmpty(name), BODY_PT, true, false);
    }

    private static void heading(XWPFDocument doc, String text) {
        XWPFParagraph p = paragraph(doc.createParagraph(), ParagraphAlignment.LEFT, 80);
        p.setSpacingBefore(120);
        p.setKeepNext(true);
        text(p, text, BODY_PT, true, false);
    }

    /** A body paragraph: justified, first line indented 1 cm, 6 pt after (Nghị định 30 layout). */
    private static void body(XWPFDocument doc, String text) {
        XWPFParagraph p = paragraph(doc.createParagraph(), ParagraphAlignment.BOTH, 120);
        p.setFirstLineIndent(CM);
        text(p, text, BODY_PT, false, false);
    }

    /** A short centred line (a paragraph border narrowed by indents), as under the issuer and the title. */
    private static void rule(XWPFParagraph p, int width, double share) {
        int indent = (int) (width * (1 - share) / 2);
        p.setIndentationLeft(indent);
        p.setIndentationRight(indent);
        CTBorder bottom = p.getCTP().getPPr().addNewPBdr().addNewBottom();
        bottom.setVal(STBorder.SINGLE);
        bottom.setSz(BigInteger.valueOf(6));
        // the paragraph mark at 2 pt keeps the line right under the text above
        p.getCTP().getPPr().addNewRPr().addNewSz().setVal(BigInteger.valueOf(4));
    }

    private static XWPFParagraph paragraph(XWPFParagraph p, ParagraphAlignment align, int spacingAfter) {
        p.setAlignment(align);
        p.setSpacingAfter(spacingAfter);
        p.setSpacingBefore(0);
        return p;
    }

    /** The cell's next paragraph: the empty one POI creates with the cell first, then new ones. */
    private static XWPFParagraph cellParagraph(XWPFTableCell cell, ParagraphAlignment align) {
        List<XWPFParagraph> ps = cell.getParagraphs();
        XWPFParagraph p = ps.size() == 1 && ps.get(0).getRuns().isEmpty() && !ps.get(0).getCTP().isSetPPr()
                ? ps.get(0) : cell.addParagraph();
        return paragraph(p, align, 0);
    }

    private static XWPFRun text(XWPFParagraph p, String text, int pt, boolean bold, boolean italic) {
        XWPFRun run = p.createRun();
        run.setText(text == null ? "" : text);
        run.setFontSize(pt);
        run.setBold(bold);
        run.setItalic(italic);
        for (XWPFRun.FontCharRange range : FONT_RANGES) run.setFontFamily(FONT, range);
        return run;
    }

    private static CTRPr rPr(XWPFRun run) {
        return run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr();
    }

    /** A fixed-layout table with explicit column widths, so Word and LibreOffice agree on them. */
    private static XWPFTable table(XWPFDocument doc, int rows, int[] widths) {
        XWPFTable t = doc.createTable(rows, widths.length);
        int total = 0;
        for (int w : widths) total += w;
        t.setWidthType(TableWidthType.DXA);
        t.setWidth(String.valueOf(total));
        t.getCTTbl().getTblPr().addNewTblLayout().setType(STTblLayoutType.FIXED);
        CTTblGrid grid = t.getCTTbl().getTblGrid() == null ? t.getCTTbl().addNewTblGrid() : t.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) grid.removeGridCol(0);
        for (int w : widths) grid.addNewGridCol().setW(BigInteger.valueOf(w));
        t.setCellMargins(30, 70, 30, 70);
        for (XWPFTableRow row : t.getRows()) {
            for (int c = 0; c < widths.length; c++) width(row.getCell(c), widths[c]);
        }
        return t;
    }

    private static void width(XWPFTableCell cell, int twips) {
        CTTcPr tcPr = tcPr(cell);
        var w = tcPr.isSetTcW() ? tcPr.getTcW() : tcPr.addNewTcW();
        w.setW(BigInteger.valueOf(twips));
        w.setType(STTblWidth.DXA);
    }

    private static CTTcPr tcPr(XWPFTableCell cell) {
        return cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
    }

    /** Ends the current section (what came before it) with an empty paragraph holding its page setup. */
    private static CTSectPr sectionBreak(XWPFDocument doc, boolean landscape) {
        XWPFParagraph p = paragraph(doc.createParagraph(), ParagraphAlignment.LEFT, 0);
        p.getCTP().getPPr().addNewRPr().addNewSz().setVal(BigInteger.valueOf(4));
        CTSectPr sectPr = p.getCTP().getPPr().addNewSectPr();
        page(sectPr, landscape);
        return sectPr;
    }

    private static void page(CTSectPr sectPr, boolean landscape) {
        CTPageSz size = sectPr.isSetPgSz() ? sectPr.getPgSz() : sectPr.addNewPgSz();
        size.setW(BigInteger.valueOf(landscape ? A4_LONG : A4_SHORT));
        size.setH(BigInteger.valueOf(landscape ? A4_SHORT : A4_LONG));
        if (landscape) size.setOrient(STPageOrientation.LANDSCAPE);
        CTPageMar m = sectPr.isSetPgMar() ? sectPr.getPgMar() : sectPr.addNewPgMar();
        m.setTop(BigInteger.valueOf(2L * CM));
        m.setBottom(BigInteger.valueOf(landscape ? 3L * CM / 2 : 2L * CM));
        m.setLeft(BigInteger.valueOf(landscape ? 2L * CM : 3L * CM));
        m.setRight(BigInteger.valueOf(2L * CM));
        m.setHeader(BigInteger.valueOf(CM));
        m.setFooter(BigInteger.valueOf(CM));
        m.setGutter(BigInteger.ZERO);
    }

    /**
     * Page number centred in the top margin, none on page 1 (Nghị định 30). POI attaches headers
     * to the last section only, so every section gets explicit references; only the first one
     * has a distinct (empty) first-page header.
     */
    private static void pageNumbers(XWPFDocument doc, List<CTSectPr> sections) {
        XWPFHeader numbered = doc.createHeader(HeaderFooterType.DEFAULT);
        XWPFParagraph p = paragraph(numbered.createParagraph(), ParagraphAlignment.CENTER, 0);
        var field = p.getCTP().addNewFldSimple();
        field.setInstr(" PAGE ");
        var placeholder = field.addNewR();
        fonts(placeholder.addNewRPr().addNewRFonts());
        placeholder.addNewT().setStringValue("2");
        XWPFHeader empty = doc.createHeader(HeaderFooterType.FIRST);
        paragraph(empty.createParagraph(), ParagraphAlignment.CENTER, 0);
        String numberedId = doc.getRelationId(numbered);
        String emptyId = doc.getRelationId(empty);
        for (int i = 0; i < sections.size(); i++) {
            CTSectPr s = sections.get(i);
            while (s.sizeOfHeaderReferenceArray() > 0) s.removeHeaderReference(0);
            if (s.isSetTitlePg()) s.unsetTitlePg();
            var ref = s.addNewHeaderReference();
            ref.setType(STHdrFtr.DEFAULT);
            ref.setId(numberedId);
            if (i == 0) {
                var first = s.addNewHeaderReference();
                first.setType(STHdrFtr.FIRST);
                first.setId(emptyId);
                s.addNewTitlePg();
            }
        }
    }

    private static boolean blank(String s) { return ReportText.blank(s); }
}
