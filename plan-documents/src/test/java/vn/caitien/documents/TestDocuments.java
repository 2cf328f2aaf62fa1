package vn.caitien.documents;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds the documents the tests need with POI: plans with chosen header lines and table rows, a
 * Word file without any table, and a zip bomb shaped like a .docx. In a table cell, "\n" starts a
 * new paragraph, a leading "<span=N>" merges N grid columns and "<down>" continues the cell above
 * (vertical merge).
 */
public final class TestDocuments {
    public static final List<String> HEADER = List.of("TT", "Tiêu chuẩn, tiêu chí", "Kết quả cần đạt (so với hiện trạng)",
            "Công việc/giải pháp cần thực hiện", "Chủ trì và phối hợp thực hiện", "Thời gian thực hiện và hoàn thành",
            "Dự kiến kinh phí", "Điều kiện hỗ trợ khác", "Ghi chú");

    private TestDocuments() {
    }

    public static List<String> row(String... cells) { return Arrays.asList(cells); }

    /** A primary-school plan header for 2023-2024 followed by the given table rows (under the standard header row). */
    public static byte[] primaryPlan(List<List<String>> rows) throws IOException {
        return docx(List.of("ỦY BAN NHÂN DÂN QUẬN 3", "TRƯỜNG TIỂU HỌC THỬ NGHIỆM", "Số: 12/KH-TH",
                "Quận 3, ngày 5 tháng 9 năm 2023", "KẾ HOẠCH", "CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC", "Năm học 2023 – 2024",
                "I. CĂN CỨ XÂY DỰNG KẾ HOẠCH", "1. Thông tư 17/2018/TT-BGDĐT;", "II. NỘI DUNG"), withHeader(rows), List.of(
                "Nơi nhận:", "- Lưu VT.", "HIỆU TRƯỞNG", "Trần Văn Bình"));
    }

    public static List<List<String>> withHeader(List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(rows);
        return all;
    }

    public static byte[] docx(List<String> before, List<List<String>> table, List<String> after) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : before) doc.createParagraph().createRun().setText(line);
            if (!table.isEmpty()) {
                XWPFTable t = doc.createTable();
                for (int r = 0; r < table.size(); r++) {
                    XWPFTableRow row = r == 0 ? t.getRow(0) : t.createRow();
                    while (row.getTableCells().size() > 0 && r > 0) row.removeCell(0);
                    List<String> cells = table.get(r);
                    for (int c = 0; c < cells.size(); c++) {
                        XWPFTableCell cell = r == 0 && c == 0 ? row.getCell(0) : row.addNewTableCell();
                        fill(cell, cells.get(c));
                    }
                }
            }
            for (String line : after) doc.createParagraph().createRun().setText(line);
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static void fill(XWPFTableCell cell, String spec) {
        String text = spec;
        CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
        if (text.startsWith("<span=")) {
            int end = text.indexOf('>');
            pr.addNewGridSpan().setVal(BigInteger.valueOf(Integer.parseInt(text.substring(6, end))));
            text = text.substring(end + 1);
        }
        if (text.startsWith("<down>")) {
            pr.addNewVMerge();
            text = "";
        } else if (text.startsWith("<top>")) {
            pr.addNewVMerge().setVal(STMerge.RESTART);
            text = text.substring(5);
        }
        String[] lines = text.split("\n", -1);
        cell.getParagraphs().get(0).createRun().setText(lines[0]);
        for (int i = 1; i < lines.length; i++) cell.addParagraph().createRun().setText(lines[i]);
    }

    /** A Word document with paragraphs only: a letter, not a plan. */
    public static byte[] docxWithoutTable() throws IOException {
        return docx(List.of("TRƯỜNG TIỂU HỌC LÊ ĐÌNH CHINH", "THÔNG BÁO", "Về việc họp phụ huynh đầu năm học 2023-2024"),
                List.of(), List.of());
    }

    /** A docx-shaped zip whose document.xml inflates to {@code megabytes} MB of one repeated byte. */
    public static byte[] zipBomb(int megabytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<?xml version=\"1.0\"?><Types/>".getBytes());
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] block = new byte[1024 * 1024];
            Arrays.fill(block, (byte) ' ');
            for (int i = 0; i < megabytes; i++) zip.write(block);
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
