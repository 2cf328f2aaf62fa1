package vn.caitien.documents;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.caitien.documents.read.DocumentReader;
import vn.caitien.documents.read.UnreadableFile.Reason;
import vn.caitien.documents.read.UnreadableFile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Files that are not plans are refused with a reason, before or instead of parsing. */
class UnreadableFileParseTest {

    @Test
    void refusesATextFileRenamedDocx() {
        byte[] text = "KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC\nTiêu chí 1.4 ...".getBytes(StandardCharsets.UTF_8);
        assertRefused(text, Reason.NOT_OFFICE_FILE, "không phải tài liệu Word");
    }

    @Test
    void refusesEmptyLegacyAndOtherArchives() throws Exception {
        assertRefused(new byte[0], Reason.EMPTY, "không có nội dung");
        byte[] ole2 = new byte[512];
        System.arraycopy(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}, 0, ole2, 0, 8);
        assertRefused(ole2, Reason.LEGACY_FORMAT, ".doc/.xls");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("photo.jpg"));
            out.write(new byte[100]);
        }
        assertRefused(zip.toByteArray(), Reason.NOT_OFFICE_FILE, "không chứa tài liệu Word");
        byte[] truncated = Arrays.copyOf(TestDocuments.primaryPlan(java.util.List.of()), 700);
        assertThat(catchThrowableOfType(() -> DocumentReader.read(truncated), UnreadableFile.class).reason())
                .isIn(Reason.CORRUPT, Reason.NOT_OFFICE_FILE);
    }

    @Test
    void refusesAWordDocumentWithoutThePlanTable() throws Exception {
        assertRefused(TestDocuments.docxWithoutTable(), Reason.NO_PLAN_TABLE, "không có bảng kế hoạch");
    }

    @Test
    void refusesAnExcelWorkbookWithoutThePlanTable() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("Danh sách").createRow(0).createCell(0).setCellValue("Họ và tên");
            wb.write(out);
            assertRefused(out.toByteArray(), Reason.NO_PLAN_TABLE, "bảng kế hoạch");
        }
    }

    @Test
    void refusesAZipBombBeforePoiInflatesIt() throws Exception {
        byte[] bomb = TestDocuments.zipBomb(200);
        assertThat(bomb.length).isLessThan(1024 * 1024);
        long start = System.nanoTime();
        assertRefused(bomb, Reason.ARCHIVE_TOO_LARGE, "tỉ lệ nén bất thường");
        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(5_000);
    }

    private static void assertRefused(byte[] bytes, Reason reason, String message) {
        UnreadableFile e = catchThrowableOfType(() -> DocumentReader.read(bytes), UnreadableFile.class);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.getMessage()).containsIgnoringCase(message);
    }
}
