package vn.caitien.reporting.render;

import org.junit.jupiter.api.Test;
import vn.caitien.reporting.report.MonitoringReport;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The wording shared by all formats, and the renderers' tolerance of a report with gaps. */
class ReportTextRenderingTest {

    @Test
    void managingBodyNamesThePeoplesCommitteeOfAnAdministrativeUnit() {
        assertThat(ReportText.managingBody(List.of("Thành phố Hồ Chí Minh", "Quận 10"))).isEqualTo("ỦY BAN NHÂN DÂN QUẬN 10");
        assertThat(ReportText.managingBody(List.of("Tỉnh Đồng Nai", "Xã Phú Hữu"))).isEqualTo("ỦY BAN NHÂN DÂN XÃ PHÚ HỮU");
        assertThat(ReportText.managingBody(List.of("Phường Diên Hồng"))).isEqualTo("ỦY BAN NHÂN DÂN PHƯỜNG DIÊN HỒNG");
        assertThat(ReportText.managingBody(List.of("Sở Giáo dục và Đào tạo Hà Nội"))).isEqualTo("SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ NỘI");
        assertThat(ReportText.managingBody(List.of("Ủy ban nhân dân Quận 3"))).isEqualTo("ỦY BAN NHÂN DÂN QUẬN 3");
        assertThat(ReportText.managingBody(List.of())).isEmpty();
        assertThat(ReportText.managingBody(null)).isEmpty();
    }

    @Test
    void datesFollowNghiDinh30() {
        assertThat(ReportText.placeAndDate("Quận 10", LocalDate.of(2024, 1, 5))).isEqualTo("Quận 10, ngày 05 tháng 01 năm 2024");
        assertThat(ReportText.placeAndDate("Quận 10", LocalDate.of(2023, 12, 18))).isEqualTo("Quận 10, ngày 18 tháng 12 năm 2023");
        assertThat(ReportText.placeAndDate("Quận 3", LocalDate.of(2024, 5, 20))).isEqualTo("Quận 3, ngày 20 tháng 5 năm 2024");
        assertThat(ReportText.placeAndDate(null, null)).isEqualTo("ngày .... tháng .... năm ....");
    }

    @Test
    void numbersAreWrittenTheVietnameseWay() {
        assertThat(ReportText.money(158_000_000)).isEqualTo("158.000.000 đồng");
        assertThat(ReportText.money(0)).isEqualTo("0 đồng");
        assertThat(ReportText.percent(100.0 * 8 / 11)).isEqualTo("72,7%");
        assertThat(ReportText.percent(100)).isEqualTo("100%");
        assertThat(ReportText.numberLine("107/KH-LĐC")).isEqualTo("Số: ..../BC-TGS-LĐC");
        assertThat(ReportText.numberLine("số 12 năm 2023")).isEqualTo("Số: ..../BC-TGS");
        assertThat(ReportText.numberLine(null)).isEqualTo("Số: ..../BC-TGS");
    }

    @Test
    void longSchoolNamesBreakAfterTheSchoolType() {
        assertThat(ReportText.schoolNameLines("Trường Tiểu học Lê Đình Chinh")).containsExactly("TRƯỜNG TIỂU HỌC", "LÊ ĐÌNH CHINH");
        assertThat(ReportText.schoolNameLines("Trường Trung học cơ sở Nguyễn Văn Trỗi"))
                .containsExactly("TRƯỜNG TRUNG HỌC CƠ SỞ", "NGUYỄN VĂN TRỖI");
        assertThat(ReportText.schoolNameLines("Trường Mầm non Tuổi Hồng")).containsExactly("TRƯỜNG MẦM NON TUỔI HỒNG");
        assertThat(ReportText.schoolNameLines("Trung tâm Giáo dục thường xuyên Quận Mười"))
                .containsExactly("TRUNG TÂM GIÁO DỤC", "THƯỜNG XUYÊN QUẬN MƯỜI");
    }

    @Test
    void recipientsAlwaysEndWithTheArchiveCopy() {
        assertThat(ReportText.recipients(List.of("Phòng GDĐT (để b/c)", "- Hiệu trưởng;", "Lưu: VT")))
                .containsExactly("- Phòng GDĐT (để b/c);", "- Hiệu trưởng;", "- Lưu VT.");
        assertThat(ReportText.recipients(null)).containsExactly("- Lưu VT.");
    }

    @Test
    void aReportWithGapsStillRendersInEveryFormat() throws Exception {
        MonitoringReport empty = new MonitoringReport(null, null, null, null, null, null, null, null, null, 0, null,
                null, null, null, null, null, null, null, null, null, null, null);
        ReportHtmlRenderer html = new ReportHtmlRenderer();
        String xhtml = html.render(empty);
        ReportHtmlRendererTest.parse(xhtml);
        assertThat(xhtml).contains("DỰ THẢO", "Kế hoạch chưa có nội dung cải tiến.", "........", "- Lưu VT.");
        assertThatCode(() -> new ReportPdfRenderer(html).render(empty)).doesNotThrowAnyException();
        assertThatCode(() -> new ReportDocxRenderer().render(empty)).doesNotThrowAnyException();
    }
}
