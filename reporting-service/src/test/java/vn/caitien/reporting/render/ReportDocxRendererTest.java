package vn.caitien.reporting.render;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import vn.caitien.reporting.report.MonitoringReport;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ReportDocxRendererTest {

    private final ReportDocxRenderer renderer = new ReportDocxRenderer();

    @Test
    void writesTheReportAsAWordDocumentWithRealTables() throws Exception {
        MonitoringReport report = SampleReports.leDinhChinh();
        byte[] docx = renderer.render(report);
        SampleReports.save("report.docx", docx);

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            String tables = doc.getTables().stream().map(XWPFTable::getText).collect(Collectors.joining("\n"));
            assertThat(tables).contains("ỦY BAN NHÂN DÂN QUẬN 10", "TRƯỜNG TIỂU HỌC\tLÊ ĐÌNH CHINH", "TỔ GIÁM SÁT",
                    "Số: ..../BC-TGS-LĐC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "Quận 10, ngày 05 tháng 01 năm 2024", "TỔ TRƯỞNG TỔ GIÁM SÁT", "DUYỆT CỦA HIỆU TRƯỞNG",
                    "Lưu Thuận Phong", "Nơi nhận:", "- Phòng GDĐT (để b/c);", "- Lưu VT.",
                    "Phấn đấu 100% học sinh tham gia các hoạt động tham quan ngoại khóa.", "Đang thực hiện (55%)",
                    "quá hạn", "[H1-1.4-01]");
            assertThat(paragraphs).contains("BÁO CÁO", "KẾT QUẢ GIÁM SÁT THỰC HIỆN KẾ HOẠCH",
                    "Cuối học kỳ I năm học 2023-2024", "Căn cứ Kế hoạch số 107/KH-LĐC",
                    "Tỷ lệ hoàn thành: 3/8 (37,5%).", "Kinh phí: dự kiến 158.000.000 đồng",
                    "Sĩ số lớp vẫn cao hơn mục tiêu 35 học sinh/lớp.", "III. KIẾN NGHỊ",
                    "Đề nghị Phòng GDĐT xem xét điều chỉnh chỉ tiêu tuyển sinh năm học 2024-2025.");

            XWPFTable items = doc.getTables().stream().filter(t -> t.getRow(0).getTableCells().size() == 10)
                    .findFirst().orElseThrow();
            int standards = (int) report.items().stream().filter(i -> !ReportText.isLevel4(i))
                    .map(MonitoringReport.Item::standardNo).distinct().count();
            assertThat(items.getNumberOfRows()).isEqualTo(1 + standards + 1 + report.items().size());
            assertThat(items.getRow(0).isRepeatHeader()).isTrue();
            assertThat(items.getRow(0).getCell(1).getText()).isEqualTo("Tiêu chí");
            assertThat(items.getRow(1).getCell(0).getText()).isEqualTo("Tiêu chuẩn 1: Tổ chức và quản lý nhà trường");
            XWPFTableRow first = items.getRow(2);
            assertThat(first.getCell(1).getText()).startsWith("Tiêu chí 1.4");
            assertThat(first.getCell(6).getText()).startsWith("Hoàn thành (100%)");
            assertThat(items.getText()).contains("Tiêu chí mức 4");

            List<XWPFRun> runs = new ArrayList<>();
            doc.getParagraphs().forEach(p -> runs.addAll(p.getRuns()));
            assertThat(runs).isNotEmpty().allSatisfy(r -> assertThat(r.getFontFamily()).isEqualTo("Times New Roman"));
            XWPFRun motto = doc.getTables().get(0).getRow(0).getCell(1).getParagraphs().get(1).getRuns().get(0);
            assertThat(motto.isBold()).isTrue();
            assertThat(motto.getUnderline().name()).isEqualTo("SINGLE");

            // portrait A4 (I), landscape (II), portrait (III and signatures)
            List<CTSectPr> sections = new ArrayList<>();
            doc.getParagraphs().stream().filter(p -> p.getCTP().isSetPPr() && p.getCTP().getPPr().isSetSectPr())
                    .forEach(p -> sections.add(p.getCTP().getPPr().getSectPr()));
            sections.add(doc.getDocument().getBody().getSectPr());
            assertThat(sections).extracting(s -> s.getPgSz().getW().toString())
                    .containsExactly("11906", "16838", "11906");
        }
    }

    @Test
    void marksDraftsAndCorrections() throws Exception {
        byte[] docx = renderer.render(SampleReports.draftCorrection());
        SampleReports.save("report-draft.docx", docx);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String text = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(text).contains("DỰ THẢO", "(Đính chính lần 1 — lý do: bổ sung minh chứng tiêu chí 3.1)");
        }
    }

    @Test
    void keepsMarkupLikeTextAsText() throws Exception {
        String target = "Sĩ số <b>35</b> học sinh & \"đủ\" phòng";
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(renderer.render(SampleReports.withHostileText(target))))) {
            assertThat(doc.getTables().stream().map(XWPFTable::getText).collect(Collectors.joining())).contains(target);
        }
    }
}
