package vn.caitien.documents.hostile;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The hostile uploads and bodies of the probes, generated on demand (nothing large is committed) and
 * usable from any test, in process or against a running service: an Excel file with many large merged
 * regions, Word files with thousands of table rows or tables nested deep, an Excel sheet with a million
 * empty rows, and a JSON body of any length produced lazily, a few bytes at a time.
 */
public final class HostileFiles {
    /** The nine column titles of a plan table (what the importer recognises). */
    public static final List<String> PLAN_COLUMNS = List.of("TT", "Tiêu chuẩn, tiêu chí", "Kết quả cần đạt",
            "Công việc/giải pháp cần thực hiện", "Chủ trì và phối hợp thực hiện", "Thời gian thực hiện và hoàn thành",
            "Dự kiến kinh phí", "Điều kiện hỗ trợ khác", "Ghi chú");
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private HostileFiles() {
    }

    /**
     * The .xlsx with {@code regions} merged regions of 100 rows × 100 columns added to its first sheet:
     * A40:CV139, A140:CV239, … (an exported plan of 13 KB with 1,000 of them took the service down).
     */
    public static byte[] withMergedRegions(byte[] xlsx, int regions) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            for (int i = 0; i < regions; i++) {
                sheet.addMergedRegionUnsafe(new CellRangeAddress(39 + 100 * i, 138 + 100 * i, 0, 99));
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Word plan whose table has the plan's header row and then {@code rows} item rows (5,000: 274 KB). */
    public static byte[] docxWithTableRows(int rows) {
        StringBuilder body = new StringBuilder(paragraph("TRƯỜNG TIỂU HỌC THỬ NGHIỆM") + paragraph("KẾ HOẠCH")
                + paragraph("Năm học 2023 – 2024") + "<w:tbl>" + row(PLAN_COLUMNS));
        for (int i = 1; i <= rows; i++) {
            body.append(row(List.of(String.valueOf(i), "Tiêu chí 1." + (1 + i % 10), "Kết quả dòng " + i,
                    "Công việc cần làm ở dòng " + i, "Hiệu trưởng", "Tháng 9/2023", "1.000.000 đồng", "", "")));
        }
        return docx(body.append("</w:tbl>").append(paragraph("HIỆU TRƯỞNG")).toString());
    }

    /** A Word document with a table nested {@code depth} deep (each one inside the only cell of the one before). */
    public static byte[] docxWithNestedTables(int depth) {
        String open = "<w:tbl><w:tr><w:tc>";
        String close = "<w:p/></w:tc></w:tr></w:tbl>";
        return docx(paragraph("KẾ HOẠCH") + open.repeat(depth) + paragraph("Tiêu chí 1.1") + close.repeat(depth));
    }

    /** An Excel plan sheet: the header row, then {@code rows} empty rows (a million: 2.6 MB). */
    public static byte[] xlsxWithEmptyRows(int rows) {
        StringBuilder sheet = new StringBuilder("<worksheet xmlns=\"" + S + "\"><sheetData><row r=\"1\">");
        for (int c = 0; c < PLAN_COLUMNS.size(); c++) {
            sheet.append("<c r=\"").append((char) ('A' + c)).append("1\" t=\"inlineStr\"><is><t>")
                    .append(PLAN_COLUMNS.get(c)).append("</t></is></c>");
        }
        sheet.append("</row>");
        for (int r = 2; r <= rows + 1; r++) sheet.append("<row r=\"").append(r).append("\"/>");
        sheet.append("</sheetData></worksheet>");
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "</Types>");
        parts.put("_rels/.rels", relationships("officeDocument", "xl/workbook.xml"));
        parts.put("xl/workbook.xml", "<workbook xmlns=\"" + S + "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<sheets><sheet name=\"Kế hoạch\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        parts.put("xl/_rels/workbook.xml.rels", relationships("worksheet", "worksheets/sheet1.xml"));
        parts.put("xl/worksheets/sheet1.xml", sheet.toString());
        return zip(parts);
    }

    /**
     * {@code length} bytes of one JSON object, {"note":"aaaa…"}, generated as they are read: a body of
     * hundreds of megabytes costs the sender nothing. For {@code BodyPublishers.ofInputStream}.
     */
    public static InputStream jsonBody(long length) {
        byte[] head = "{\"note\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\"}".getBytes(StandardCharsets.US_ASCII);
        return new InputStream() {
            private long at;

            @Override
            public int read() {
                if (at >= length) return -1;
                long i = at++;
                if (i < head.length) return head[(int) i];
                if (i >= length - tail.length) return tail[(int) (i - (length - tail.length))];
                return 'a';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at >= length) return -1;
                int n = 0;
                while (n < len && at < length) b[off + n++] = (byte) read();
                return n;
            }
        };
    }

    private static String paragraph(String text) {
        return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>";
    }

    private static String row(List<String> cells) {
        StringBuilder row = new StringBuilder("<w:tr>");
        for (String cell : cells) row.append("<w:tc>").append(paragraph(cell)).append("</w:tc>");
        return row.append("</w:tr>").toString();
    }

    private static byte[] docx(String body) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                + "</Types>");
        parts.put("_rels/.rels", relationships("officeDocument", "word/document.xml"));
        parts.put("word/document.xml", "<w:document xmlns:w=\"" + W + "\"><w:body>" + body + "</w:body></w:document>");
        return zip(parts);
    }

    private static String relationships(String type, String target) {
        return "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                + type + "\" Target=\"" + target + "\"/></Relationships>";
    }

    private static byte[] zip(Map<String, String> parts) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        parts.forEach((name, xml) -> entries.put(name, ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + xml).getBytes(StandardCharsets.UTF_8)));
        return archive(entries);
    }

    /** The entries of a zip archive (a .docx or .xlsx), by name, in order. */
    public static Map<String, byte[]> entries(byte[] archive) {
        Map<String, byte[]> all = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) all.put(e.getName(), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    /** A zip archive of these entries, in order. */
    public static byte[] archive(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
