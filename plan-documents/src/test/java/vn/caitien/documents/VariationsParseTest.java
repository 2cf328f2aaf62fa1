package vn.caitien.documents;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.caitien.api.catalog.FrameworkCatalog;
import vn.caitien.api.item.LevelGroup;
import vn.caitien.api.plan.SchoolType;
import vn.caitien.api.plan.SchoolYear;
import vn.caitien.documents.read.Diagnostic.Severity;
import vn.caitien.documents.read.Diagnostic;
import vn.caitien.documents.read.ImportHints;
import vn.caitien.documents.read.ParsedItem;
import vn.caitien.documents.read.ParsedPlan;
import vn.caitien.documents.read.PlanParser;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.caitien.documents.TestDocuments.row;

/** Variations beyond the two samples: merged cells, continuation rows, level-4 rows, refused rows, Excel. */
class VariationsParseTest {

    @Test
    void readsMergedCellsContinuationsLevel4RowsAndSkipsRefusedRows() throws Exception {
        byte[] docx = TestDocuments.primaryPlan(List.of(
                row("<span=9>MỨC 1, 2, 3"),
                row("1", "<span=8>Tiêu chuẩn 1: Tổ chức và quản lý nhà trường"),
                row("", "<top>Tiêu chí 1.1", "Kết quả A", "- Việc 1\n- Việc 2", "Hiệu trưởng", "Thường xuyên", "<top>10 triệu", "", ""),
                row("", "<down>", "Kết quả B", "Việc 3", "Phó hiệu trưởng", "Học kỳ I", "<down>", "", ""),
                row("", "", "", "- Việc 4", "", "", "", "", ""),
                row("<span=9>MỨC 4"),
                row("", "2", "100% học sinh có hoàn cảnh khó khăn hoàn thành mục tiêu", "Lập kế hoạch riêng", "Hiệu trưởng",
                        "Năm học 2023-2024", "Không", "", ""),
                row("<span=9>Mức 1, 2 và 3"),
                row("", "Tiêu chí 5.6", "Kết quả C", "Việc 5", "Hiệu trưởng", "Tháng 10/2023", "", "", ""),
                row("", "3", "Kết quả D", "Việc 6", "Hiệu trưởng", "Tháng 10/2023", "", "", ""),
                row("3", "<span=8>Tiêu chuẩn 3: Cơ sở vật chất và thiết bị dạy học"),
                row("", "Tiêu chí 3.4: Khu vệ sinh, hệ thống cấp thoát nước", "Kết quả E", "Việc 7", "Hiệu trưởng",
                        "Tháng 9/2023", "Khi có kinh phí", "", "Ghi chú E"),
                row("", "Tiêu chí 3.5: Thư viện", "Kết quả F", "Việc 8", "Hiệu trưởng", "Tháng 6/2025", "", "", "")));
        ParsedPlan plan = PlanParser.parse(docx, ImportHints.NONE, FrameworkCatalog.standard());
        assertThat(plan.header().schoolName()).isEqualTo("Trường Tiểu học Thử Nghiệm");
        assertThat(plan.header().managingUnit()).containsExactly("Quận 3");
        assertThat(plan.header().issueDate()).isEqualTo(LocalDate.of(2023, 9, 5));
        assertThat(plan.header().schoolYear()).isEqualTo(new SchoolYear(2023));
        assertThat(plan.header().legalBases()).containsExactly("Thông tư 17/2018/TT-BGDĐT");
        assertThat(plan.header().signerName()).isEqualTo("Trần Văn Bình");
        List<ParsedItem> items = plan.items();
        assertThat(items).extracting(i -> i.criterionCode().value())
                .containsExactly("1.1", "1.1", "M4.2", "5.6", "M4.3", "3.4", "3.5");
        assertThat(items).extracting(ParsedItem::skipped).containsExactly(false, false, false, true, true, false, false);
        assertThat(items.get(2).levelGroup()).isEqualTo(LevelGroup.LEVEL_4);
        assertThat(items.get(3).levelGroup()).isEqualTo(LevelGroup.LEVELS_1_TO_3);
        // A criterion written twice is two items; the merged budget counts once; the continuation row adds a task.
        assertThat(items.get(0).tasks()).containsExactly("Việc 1", "Việc 2");
        assertThat(items.get(0).budget().amount().vnd()).isEqualTo(10_000_000L);
        assertThat(items.get(0).schedule().end()).isNull();
        assertThat(items.get(1).budget().amount()).isNull();
        assertThat(items.get(1).budget().text()).isEqualTo("10 triệu");
        assertThat(items.get(1).tasks()).containsExactly("Việc 3", "Việc 4");
        assertThat(items.get(1).schedule().start()).isEqualTo(YearMonth.of(2023, 9));
        assertThat(items.get(1).schedule().end()).isEqualTo(YearMonth.of(2024, 1));
        assertThat(items.get(5).notes()).isEqualTo("Ghi chú E");

        List<Diagnostic> errors = plan.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
        assertThat(errors).extracting(Diagnostic::row).containsExactly(items.get(3).row(), items.get(4).row());
        assertThat(errors).allSatisfy(e -> assertThat(e.column()).isEqualTo(2));
        assertThat(errors.get(0).message()).contains("5.6").contains("Thông tư 17/2018");
        assertThat(errors.get(1).message()).contains("MỨC 4");
        assertThat(plan.blocked()).isFalse();
        List<Diagnostic> warnings = plan.diagnostics().stream().filter(d -> d.severity() == Severity.WARNING).toList();
        assertThat(warnings).anyMatch(w -> w.field().equals("budget") && w.row() == items.get(1).row() && w.column() == 7);
        assertThat(warnings).anyMatch(w -> w.field().equals("budget") && w.row() == items.get(5).row()
                && w.message().contains("Khi có kinh phí"));
        assertThat(warnings).anyMatch(w -> w.field().equals("criterionCode") && w.row() == items.get(6).row()
                && w.message().contains("Thư viện") && w.message().contains("Thiết bị"));
        assertThat(warnings).anyMatch(w -> w.field().equals("schedule") && w.row() == items.get(6).row() && w.column() == 6);
        assertThat(warnings).anyMatch(w -> w.message().contains("nối vào nội dung tiêu chí 1.1"));
    }

    @Test
    void readsAnExcelPlanWithSplitPeopleColumnsAndSheetCoordinates() throws Exception {
        ParsedPlan plan = PlanParser.parse(excelPlan(), ImportHints.NONE, FrameworkCatalog.standard());
        assertThat(plan.header().schoolName()).isEqualTo("Trường THCS Nguyễn Du");
        assertThat(plan.header().schoolType()).isEqualTo(SchoolType.THCS);
        assertThat(plan.header().frameworkId()).isEqualTo("TT18-2018");
        assertThat(plan.header().managingUnit()).containsExactly("Phường Diên Hồng");
        assertThat(plan.header().documentNumber()).isEqualTo("45/KH-THCSND");
        assertThat(plan.header().issueDate()).isEqualTo(LocalDate.of(2025, 9, 20));
        assertThat(plan.header().issuePlace()).isEqualTo("Phường Diên Hồng");
        assertThat(plan.header().schoolYear()).isEqualTo(new SchoolYear(2025));
        assertThat(plan.header().signerName()).isEqualTo("Nguyễn Văn An");
        assertThat(plan.items()).hasSize(2);
        ParsedItem first = plan.items().get(0);
        assertThat(first.criterionCode().value()).isEqualTo("1.5");
        assertThat(first.lead()).isEqualTo("Hiệu trưởng");
        assertThat(first.coordinators()).containsExactly("Tổ trưởng", "giáo viên chủ nhiệm");
        assertThat(first.budget().amount().vnd()).isEqualTo(5_000_000L);
        assertThat(first.schedule().end()).isEqualTo(YearMonth.of(2026, 5));
        Diagnostic outside = plan.diagnostics().stream().filter(d -> d.field().equals("schedule")).findFirst().orElseThrow();
        assertThat(outside.row()).isEqualTo(13);
        assertThat(outside.column()).isEqualTo(8);
        assertThat(plan.diagnostics()).noneMatch(d -> d.severity() == Severity.ERROR);
    }

    /** Header rows above a table whose "Chủ trì và phối hợp" splits into two sub-columns; the table starts in column B. */
    static byte[] excelPlan() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("KH");
            set(s, 0, 1, "UBND PHƯỜNG DIÊN HỒNG");
            set(s, 0, 6, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            set(s, 1, 1, "TRƯỜNG THCS NGUYỄN DU");
            set(s, 1, 6, "Độc lập - Tự do - Hạnh phúc");
            set(s, 2, 1, "Số: 45/KH-THCSND");
            set(s, 2, 6, "Phường Diên Hồng, ngày 20/9/2025");
            set(s, 4, 1, "KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC");
            set(s, 5, 1, "Năm học 2025-2026");
            String[] head = {"TT", "Tiêu chuẩn, tiêu chí", "Kết quả cần đạt", "Công việc/giải pháp",
                    "Chủ trì và phối hợp thực hiện", "", "Thời gian", "Kinh phí", "Điều kiện hỗ trợ", "Ghi chú"};
            for (int c = 0; c < head.length; c++) set(s, 7, c + 1, head[c]);
            set(s, 8, 5, "Chủ trì");
            set(s, 8, 6, "Phối hợp");
            s.addMergedRegion(new CellRangeAddress(7, 7, 5, 6));
            for (int c : new int[]{1, 2, 3, 4, 7, 8, 9, 10}) s.addMergedRegion(new CellRangeAddress(7, 8, c, c));
            set(s, 9, 1, "MỨC 1, 2, 3");
            s.addMergedRegion(new CellRangeAddress(9, 9, 1, 10));
            set(s, 10, 1, "1");
            set(s, 10, 2, "Tiêu chuẩn 1: Tổ chức và quản lý nhà trường");
            s.addMergedRegion(new CellRangeAddress(10, 10, 2, 10));
            String[] item = {"", "Tiêu chí 1.5", "Sĩ số 40 học sinh/lớp", "Điều chỉnh tuyển sinh", "Hiệu trưởng",
                    "Tổ trưởng, giáo viên chủ nhiệm", "Tháng 9/2025 đến tháng 5/2026"};
            for (int c = 0; c < item.length; c++) set(s, 11, c + 1, item[c]);
            s.getRow(11).createCell(8).setCellValue(5_000_000);
            String[] late = {"", "Tiêu chí 1.6", "Sổ sách đầy đủ", "Rà soát", "Phó hiệu trưởng", "", "Tháng 10/2027"};
            for (int c = 0; c < late.length; c++) set(s, 12, c + 1, late[c]);
            set(s, 14, 6, "HIỆU TRƯỞNG");
            set(s, 15, 1, "Nơi nhận:");
            set(s, 16, 1, "- Lưu VT.");
            set(s, 18, 6, "Nguyễn Văn An");
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static void set(Sheet sheet, int r, int c, String value) {
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        row.createCell(c).setCellValue(value);
    }
}
