package vn.caitien.reporting.render;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import vn.caitien.reporting.report.MonitoringReport;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ReportHtmlRendererTest {

    private final ReportHtmlRenderer renderer = new ReportHtmlRenderer();

    @Test
    void rendersTheAdministrativeLayoutAndEveryItem() throws Exception {
        MonitoringReport report = SampleReports.leDinhChinh();
        String html = renderer.render(report);
        SampleReports.save("report.html", html.getBytes(StandardCharsets.UTF_8));

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"UTF-8\"/>")
                .contains("ỦY BAN NHÂN DÂN QUẬN 10", "<b>TRƯỜNG TIỂU HỌC</b><br/><b>LÊ ĐÌNH CHINH</b>", "TỔ GIÁM SÁT",
                        "Số: ..../BC-TGS-LĐC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                        "Quận 10, ngày 05 tháng 01 năm 2024", "BÁO CÁO",
                        "KẾT QUẢ GIÁM SÁT THỰC HIỆN KẾ HOẠCH", "CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC",
                        "Cuối học kỳ I năm học 2023-2024",
                        "Căn cứ Kế hoạch số 107/KH-LĐC", "tiêu chuẩn đánh giá: Thông tư 17/2018/TT-BGDĐT",
                        "I. KHÁI QUÁT TÌNH HÌNH THỰC HIỆN", "Tỷ lệ hoàn thành: 3/8 (37,5%).",
                        "- Chậm tiến độ: 1;", "dự kiến 158.000.000 đồng; đã chi 95.500.000 đồng",
                        "II. KẾT QUẢ THỰC HIỆN TỪNG NỘI DUNG", "Tiêu chuẩn 1: Tổ chức và quản lý nhà trường",
                        "Tiêu chí mức 4", "Hoàn thành (100%)", "Đang thực hiện (55%)", "quá hạn", "[H1-1.4-01]",
                        "- Biên chế đều học sinh các lớp.", "III. KIẾN NGHỊ", "Nơi nhận:",
                        "- Phòng GDĐT (để b/c);", "- Lưu VT.", "TỔ TRƯỞNG TỔ GIÁM SÁT", "Lưu Thuận Phong")
                .doesNotContain("DỰ THẢO", "Đính chính");
        for (MonitoringReport.Item item : report.items()) {
            String code = item.criterionCode().replace("M4.", "");
            assertThat(html).contains("<b>Tiêu chí " + code + "</b>");
        }
        // multi-line text keeps its lines: each line of the findings is a paragraph of its own
        assertThat(html).contains(">Sĩ số lớp vẫn cao hơn mục tiêu 35 học sinh/lớp.</p>");
        assertThat(parse(html).getElementsByTagName("tr").getLength()).isGreaterThan(report.items().size());
    }

    @Test
    void escapesUserTextAndStaysWellFormed() throws Exception {
        String html = renderer.render(SampleReports.withHostileText("Sĩ số <b>35</b> học sinh & \"đủ\" phòng"));

        assertThat(html).contains("Sĩ số &lt;b&gt;35&lt;/b&gt; học sinh &amp; &quot;đủ&quot; phòng")
                .contains("Cô &quot;Hạnh&quot; &amp; thầy O&#39;Brien")
                .contains("&lt;/p&gt;&lt;script&gt;")
                .doesNotContain("<b>35</b>", "<script>", "\u0001");
        Document doc = parse(html);
        assertThat(doc.getDocumentElement().getTextContent()).contains("Sĩ số <b>35</b> học sinh & \"đủ\" phòng");
    }

    @Test
    void marksDraftsAndCorrections() {
        String html = renderer.render(SampleReports.draftCorrection());

        assertThat(html).contains("DỰ THẢO", "(Đính chính lần 1 — lý do: bổ sung minh chứng tiêu chí 3.1)");
    }

    static Document parse(String xhtml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));
    }
}
