package vn.caitien.documents;

import org.junit.jupiter.api.Test;
import vn.caitien.documents.hostile.HostileFiles;
import vn.caitien.documents.read.Diagnostic;
import vn.caitien.documents.read.DocumentReader;
import vn.caitien.documents.read.ReadLimits;
import vn.caitien.documents.read.UnreadableFile.Reason;
import vn.caitien.documents.read.UnreadableFile;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static vn.caitien.documents.TestDocuments.row;

/**
 * Each of the reading limits, set low, refuses a small file at the row and column where it is passed;
 * the same files pass under the default limits. (The API tests send the full-size hostile files.)
 */
class ReadLimitsParseTest {
    static final ReadLimits SMALL = new ReadLimits(10, 9, 200, 5, 1, 100, 5_000, 1024 * 1024, Duration.ofSeconds(10));

    @Test
    void rowsPastTheLimitAreRefusedAtTheFirstOneOver() {
        byte[] docx = HostileFiles.docxWithTableRows(20);
        assertThat(DocumentReader.read(docx).table().rows()).hasSize(21);
        Diagnostic at = refused(docx, SMALL, Reason.OVER_LIMIT);
        assertThat(at.row()).isEqualTo(11);
        byte[] xlsx = HostileFiles.xlsxWithEmptyRows(20);
        assertThat(refused(xlsx, SMALL, Reason.OVER_LIMIT).row()).isEqualTo(11);
    }

    @Test
    void aCellWithTooMuchTextIsNamedByRowAndColumn() throws Exception {
        byte[] docx = TestDocuments.primaryPlan(List.of(
                row("", "Tiêu chí 1.1", "Kết quả ".repeat(8), "Việc", "Hiệu trưởng", "Tháng 9/2023", "", "", "")));
        DocumentReader.read(docx);
        ReadLimits fewCharacters = new ReadLimits(100, 9, 2_000, 5, 1, 40, 5_000, 1024 * 1024, Duration.ofSeconds(10));
        Diagnostic at = refused(docx, fewCharacters, Reason.OVER_LIMIT);
        assertThat(at.row()).isEqualTo(2);
        assertThat(at.column()).isEqualTo(3);
        assertThat(at.message()).contains("40 ký tự");
    }

    @Test
    void mergedRegionsAreCountedAndBoundToThePlanArea() throws Exception {
        byte[] xlsx = HostileFiles.xlsxWithEmptyRows(3);
        ReadLimits wide = new ReadLimits(100_000, 200, Integer.MAX_VALUE, 300, 3, 10_000, 300_000, 1024 * 1024,
                Duration.ofSeconds(10));
        Diagnostic outside = refused(HostileFiles.withMergedRegions(xlsx, 1), SMALL, Reason.OVER_LIMIT);
        assertThat(outside.message()).contains("A40:CV139");
        assertThat(outside.row()).isEqualTo(40);
        Diagnostic many = refused(HostileFiles.withMergedRegions(xlsx, 400), wide, Reason.OVER_LIMIT);
        assertThat(many.message()).contains("hơn 300 vùng gộp ô");
        assertThat(many.row()).isEqualTo(30_040);
    }

    @Test
    void nestingElementsAndTimeHaveLimitsToo() {
        assertThat(refused(HostileFiles.docxWithNestedTables(2), SMALL, Reason.TOO_COMPLEX).message()).contains("1 tầng");
        assertThat(refused(HostileFiles.docxWithTableRows(500), new ReadLimits(1_000, 9, 30_000, 5, 1, 100, 5_000,
                1024 * 1024, Duration.ofSeconds(10)), Reason.OVER_LIMIT).message()).contains("5000 phần tử");
        UnreadableFile late = catchThrowableOfType(() -> DocumentReader.read(HostileFiles.docxWithTableRows(5),
                new ReadLimits(1_000, 9, 30_000, 5, 1, 100, 5_000, 1024 * 1024, Duration.ofNanos(1))), UnreadableFile.class);
        assertThat(late.reason()).isEqualTo(Reason.TOO_COMPLEX);
        assertThat(late.getMessage()).contains("giây");
    }

    private static Diagnostic refused(byte[] file, ReadLimits limits, Reason reason) {
        UnreadableFile e = catchThrowableOfType(() -> DocumentReader.read(file, limits), UnreadableFile.class);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
        assertThat(e.diagnostics()).hasSize(1);
        assertThat(e.diagnostics().get(0).message()).isEqualTo(e.getMessage());
        return e.diagnostics().get(0);
    }
}
