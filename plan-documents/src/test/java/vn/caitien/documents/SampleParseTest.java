package vn.caitien.documents;

import org.junit.jupiter.api.Test;
import vn.caitien.api.catalog.FrameworkCatalog;
import vn.caitien.api.item.Budget;
import vn.caitien.api.item.LevelGroup;
import vn.caitien.api.plan.SchoolType;
import vn.caitien.api.plan.SchoolYear;
import vn.caitien.documents.read.Diagnostic.Severity;
import vn.caitien.documents.read.Diagnostic;
import vn.caitien.documents.read.HeaderParser;
import vn.caitien.documents.read.ImportHints;
import vn.caitien.documents.read.ParsedHeader;
import vn.caitien.documents.read.ParsedItem;
import vn.caitien.documents.read.ParsedPlan;
import vn.caitien.documents.read.PlanParser;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The two real plans, read straight from their .docx with POI (no Spring): every item and typed value. */
class SampleParseTest {
    static final String LE_DINH_CHINH = SampleDocuments.LE_DINH_CHINH;
    static final String TUOI_HONG = SampleDocuments.TUOI_HONG;
    static final LevelGroup L123 = LevelGroup.LEVELS_1_TO_3;
    static final YearMonth SEP_2023 = YearMonth.of(2023, 9);
    static final YearMonth MAY_2024 = YearMonth.of(2024, 5);

    static byte[] sample(String name) throws IOException {
        return SampleDocuments.sample(name);
    }

    static ParsedPlan parse(String name) throws IOException {
        return PlanParser.parse(sample(name), ImportHints.NONE, FrameworkCatalog.standard());
    }

    @Test
    void readsTheLeDinhChinhHeader() throws Exception {
        ParsedPlan plan = parse(LE_DINH_CHINH);
        ParsedHeader h = plan.header();
        assertThat(h.schoolName()).isEqualTo("Trường Tiểu học Lê Đình Chinh");
        assertThat(h.schoolType()).isEqualTo(SchoolType.TIEU_HOC);
        assertThat(h.managingUnit()).containsExactly("Quận 10");
        assertThat(h.documentNumber()).isEqualTo("107/KH-LĐC");
        assertThat(h.issuePlace()).isEqualTo("Quận 10");
        assertThat(h.issueDate()).isEqualTo(LocalDate.of(2023, 8, 18));
        assertThat(h.schoolYear()).isEqualTo(new SchoolYear(2023));
        assertThat(h.frameworkId()).isEqualTo("TT17-2018");
        assertThat(h.title()).isEqualTo("KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC");
        assertThat(h.legalBases()).hasSize(4);
        assertThat(h.legalBases().get(2)).startsWith("Căn cứ Thông tư số 17/2018/TT-BGDĐT ngày 22/8/2018");
        assertThat(h.legalBases().get(0)).doesNotStartWith("1.").doesNotEndWith(";");
        assertThat(h.signerTitle()).isEqualTo("HIỆU TRƯỞNG");
        assertThat(h.signerName()).isEqualTo("Lưu Thuận Phong");
        assertThat(h.recipients()).containsExactly("Phòng GDĐT (để b/c)", "Ủy ban nhân dân P5", "Lưu VT");
        assertThat(h.texts().school()).isEqualTo("TRƯỜNG TIỂU HỌC LÊ ĐÌNH CHINH");
        assertThat(h.texts().managingUnit()).isEqualTo("ỦY BAN NHÂN DÂN QUẬN 10");
        assertThat(h.texts().documentNumber()).isEqualTo("Số: 107/KH-LĐC");
        assertThat(h.texts().placeAndDate()).isEqualTo("Quận 10, ngày 18 tháng 8 năm 2023");
        assertThat(h.texts().schoolYear()).isEqualTo("Năm học 2023 - 2024");
        // Without the managingUnit parameter the upper unit is unknown: a warning, not an error.
        assertThat(warnings(plan)).anyMatch(d -> d.field().equals("school.managingUnit"));
    }

    @Test
    void readsEveryLeDinhChinhItemWithTypedValues() throws Exception {
        ParsedPlan plan = parse(LE_DINH_CHINH);
        assertThat(errors(plan)).isEmpty();
        List<ParsedItem> items = plan.items();
        assertThat(items).extracting(i -> i.criterionCode().value())
                .containsExactly("1.4", "1.5", "1.7", "2.4", "3.1", "3.3", "3.4", "3.5", "5.3", "5.4", "5.5");
        assertThat(items).extracting(ParsedItem::standardNo).containsExactly(1, 1, 1, 2, 3, 3, 3, 3, 5, 5, 5);
        assertThat(items).allSatisfy(i -> {
            assertThat(i.levelGroup()).isEqualTo(L123);
            assertThat(i.skipped()).isFalse();
        });
        for (ParsedItem i : items) {
            boolean project = List.of("3.1", "3.3", "3.4").contains(i.criterionCode().value());
            assertThat(i.schedule().text()).isEqualTo(project ? "Từ năm 2020 đến 2030" : "Năm học 2023-2024");
            assertThat(i.schedule().start()).as(i.criterionCode().value()).isEqualTo(project ? YearMonth.of(2020, 1) : SEP_2023);
            assertThat(i.schedule().end()).isEqualTo(project ? YearMonth.of(2030, 12) : MAY_2024);
        }
        assertNone(items.get(0).budget(), "Không");
        assertNone(items.get(1).budget(), "Không");
        assertAmount(items.get(2).budget(), 3_000_000, true, "3 triệu/NH");
        assertNone(items.get(3).budget(), "Không");
        for (int i = 4; i <= 6; i++) {
            Budget b = items.get(i).budget();
            assertThat(b.amount()).isNull();
            assertThat(b.fundingSource()).isEqualTo("Kinh phí dự án Quận");
            assertThat(b.text()).isEqualTo("Kinh phí dự án Quận");
        }
        assertAmount(items.get(7).budget(), 5_000_000, false, "5 triệu");
        assertAmount(items.get(8).budget(), 150_000_000, false, "150 triệu");
        assertNone(items.get(9).budget(), "Không");
        assertNone(items.get(10).budget(), "Không");
        ParsedItem i15 = items.get(1);
        assertThat(i15.targetResult()).isEqualTo("Sĩ số 35 học sinh /lớp");
        assertThat(i15.tasks()).containsExactly("Tham mưu, đề xuất phân bổ chỉ tiêu tuyển sinh phù hợp.",
                "Biên chế đều học sinh các lớp.");
        assertThat(i15.lead()).isEqualTo("Hiệu trưởng");
        assertThat(i15.coordinators()).containsExactly("Phó hiệu trưởng", "GVCN");
        assertThat(i15.supportConditions()).isEqualTo("Ủy ban nhân dân, Phòng GDĐT Q10");
        assertThat(items.get(0).tasks()).hasSize(1);
        assertThat(items.get(0).coordinators()).containsExactly("tổ trưởng chuyên môn");
        assertThat(items.get(4).coordinators()).containsExactly("các ban ngành liên quan");
        assertThat(items.get(8).lead()).isEqualTo("Hiệu trưởng");
        assertThat(items.get(8).coordinators()).containsExactly("giáo viên Tổng phụ trách Đội", "giáo viên chủ nhiệm");
    }

    @Test
    void readsTheTuoiHongHeaderWithoutNumberDateOrUnit() throws Exception {
        ParsedPlan plan = parse(TUOI_HONG);
        ParsedHeader h = plan.header();
        assertThat(h.schoolName()).isEqualTo("Trường Mầm non Tuổi Hồng");
        assertThat(h.schoolType()).isEqualTo(SchoolType.MAM_NON);
        assertThat(h.frameworkId()).isEqualTo("TT19-2018");
        assertThat(h.schoolYear()).isEqualTo(new SchoolYear(2021));
        assertThat(h.texts().schoolYear()).isEqualTo("Năm học 2021 – 2022");
        assertThat(h.documentNumber()).isEqualTo(HeaderParser.NO_NUMBER);
        assertThat(h.issueDate()).isNull();
        assertThat(h.managingUnit()).isEmpty();
        assertThat(h.legalBases()).hasSize(2);
        assertThat(h.signerName()).isEqualTo("Nguyễn Thị Diễm Kim");
        assertThat(warnings(plan)).extracting(Diagnostic::field)
                .contains("documentNumber", "issueDate", "school.managingUnit");
        assertThat(errors(plan)).isEmpty();
    }

    @Test
    void readsEveryTuoiHongItemWithTypedValues() throws Exception {
        ParsedPlan plan = parse(TUOI_HONG);
        assertThat(errors(plan)).isEmpty();
        List<ParsedItem> items = plan.items();
        assertThat(items).extracting(i -> i.criterionCode().value()).containsExactly("1.1", "1.4", "3.5", "3.6", "4.2", "5.1");
        assertThat(items).extracting(i -> i.levelGroup().label())
                .containsExactly("MỨC 2", "MỨC 2", "MỨC 1", "MỨC 1", "MỨC 3", "MỨC 2");
        assertSchedule(items.get(0), "2021-09", "2022-05", "Tháng 9/2021\nTháng 5/2022");
        assertSchedule(items.get(1), "2022-10", "2022-10", "Tháng 10/2022");
        assertSchedule(items.get(2), "2021-08", "2021-08", "Tháng 8/2021");
        assertSchedule(items.get(3), "2021-09", "2022-05", "Tháng 9/2021 đến tháng 5/2022");
        assertSchedule(items.get(4), "2022-08", "2022-08", "Tháng 8/2022");
        assertSchedule(items.get(5), "2021-08", "2021-08", "Tháng 8/2021");
        assertThat(items.get(0).budget()).isNull();
        assertThat(items.get(1).budget()).isNull();
        assertAmount(items.get(2).budget(), 81_000_000, false, "81 triệu đồng");
        Budget repair = items.get(3).budget();
        assertThat(repair.amount().vnd()).isEqualTo(494_510_000L);
        assertThat(repair.perSchoolYear()).isFalse();
        assertThat(repair.fundingSource()).isNull();
        assertThat(repair.note()).isEqualTo("Công tác sữa chữa điểm 329-331 Phạm Ngũ Lão");
        assertThat(items.get(4).budget()).isNull();
        assertThat(items.get(5).budget()).isNull();
        // People: "CB-GV-NV-CMHS trường - UBND phường Cầu Ông Lãnh", "BGH-nhân viên kế toán⏎Hội đồng ...".
        assertThat(items.get(0).lead()).isEqualTo("CB");
        assertThat(items.get(0).coordinators()).containsExactly("GV", "NV", "CMHS trường", "UBND phường Cầu Ông Lãnh");
        assertThat(items.get(2).lead()).isEqualTo("BGH");
        assertThat(items.get(2).coordinators()).containsExactly("nhân viên kế toán",
                "Hội đồng lựa chọn đồ dùng, đồ chơi, thiết bị dạy học");
        assertThat(items.get(3).lead()).isEqualTo("BGH");
        assertThat(items.get(3).coordinators()).containsExactly("GV", "NV");
        assertThat(items.get(0).tasks()).hasSize(4).allSatisfy(t -> assertThat(t).doesNotStartWith("-"));
        assertThat(items.get(3).tasks()).containsExactly(
                "Kiểm tra thực hiện vệ sinh môi trường trong và ngoài nhóm lớp thường xuyên và theo định kỳ đảm bảo "
                        + "môi trường nhà trường luôn xanh – sạch – đẹp – thân thiện – an toàn.",
                "Kiểm tra hệ thống cấp thoát nước.", "Chọn nhà thầu uy tín, chất lượng.");
        assertThat(items.get(5).criterionName()).isEqualTo("Thực hiện Chương trình giáo dục mầm non");
    }

    @Test
    void warnsAboutTimeOutsideTheSchoolYearAndAStandardNamedDifferently() throws Exception {
        ParsedPlan plan = parse(TUOI_HONG);
        List<Diagnostic> schedule = warnings(plan).stream().filter(d -> d.field().equals("schedule")).toList();
        // 1.4 "Tháng 10/2022" is after the 2021-2022 school year (and its summer); August is preparation.
        assertThat(schedule).hasSize(1);
        assertThat(schedule.get(0).row()).isEqualTo(plan.items().get(1).row());
        assertThat(schedule.get(0).column()).isEqualTo(6);
        assertThat(schedule.get(0).message()).contains("Tháng 10/2022").contains("2021-2022");
        assertThat(warnings(plan)).anyMatch(d -> d.field().equals("standard") && d.message().contains("Khối phòng tổ chức ăn")
                && d.column() == 2 && d.row() == 7);
        assertThat(warnings(plan)).noneMatch(d -> d.field().equals("criterionCode"));
    }

    static List<Diagnostic> warnings(ParsedPlan plan) {
        return plan.diagnostics().stream().filter(d -> d.severity() == Severity.WARNING).toList();
    }

    static List<Diagnostic> errors(ParsedPlan plan) {
        return plan.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
    }

    static void assertNone(Budget b, String text) {
        assertThat(b.amount()).isNull();
        assertThat(b.fundingSource()).isNull();
        assertThat(b.perSchoolYear()).isFalse();
        assertThat(b.text()).isEqualTo(text);
    }

    static void assertAmount(Budget b, long vnd, boolean perSchoolYear, String text) {
        assertThat(b.amount().vnd()).isEqualTo(vnd);
        assertThat(b.perSchoolYear()).isEqualTo(perSchoolYear);
        assertThat(b.fundingSource()).isNull();
        assertThat(b.text()).isEqualTo(text);
    }

    static void assertSchedule(ParsedItem item, String start, String end, String text) {
        assertThat(item.schedule().start()).as(item.criterionCode().value()).isEqualTo(YearMonth.parse(start));
        assertThat(item.schedule().end()).isEqualTo(YearMonth.parse(end));
        assertThat(item.schedule().text()).isEqualTo(text);
    }
}
