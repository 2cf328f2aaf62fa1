package vn.caitien.reporting.render;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class ReportPdfRendererTest {

    private final ReportPdfRenderer renderer = new ReportPdfRenderer(new ReportHtmlRenderer());

    @Test
    void rendersVietnameseTextWithTheEmbeddedFont() throws Exception {
        byte[] pdf = renderer.render(SampleReports.leDinhChinh());
        SampleReports.save("report.pdf", pdf);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            savePages(doc);
            String raw = new PDFTextStripper().getText(doc);
            // the national heading must fit on one line of the header
            assertThat(raw).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            // elsewhere a sentence may wrap inside a table cell: compare with whitespace collapsed
            String text = raw.replaceAll("\\s+", " ");
            assertThat(text).contains("Độc lập - Tự do - Hạnh phúc", "BÁO CÁO",
                    "TRƯỜNG TIỂU HỌC LÊ ĐÌNH CHINH", "KẾT QUẢ GIÁM SÁT THỰC HIỆN KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC",
                    "Quận 10, ngày 05 tháng 01 năm 2024", "KIẾN NGHỊ",
                    "TỔ TRƯỞNG TỔ GIÁM SÁT", "Nơi nhận:", "Lưu Thuận Phong", "Tiêu chí mức 4",
                    "Phấn đấu 100% học sinh tham gia các hoạt động tham quan ngoại khóa.");

            Set<String> fonts = new TreeSet<>();
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) fonts.add(resources.getFont(name).getName());
            }
            assertThat(fonts).isNotEmpty().allMatch(f -> f.contains("DejaVuSerif"));

            PDRectangle first = doc.getPage(0).getMediaBox();
            assertThat(first.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(1f));
            assertThat(first.getHeight()).isCloseTo(PDRectangle.A4.getHeight(), org.assertj.core.data.Offset.offset(1f));

            BufferedImage page1 = ImageIO.read(Path.of("target", "render", "report-page1.png").toFile());
            assertThat(darkPixels(page1)).isGreaterThan(2_000);
        }
    }

    @Test
    void rendersDraftCorrections() throws Exception {
        byte[] pdf = renderer.render(SampleReports.draftCorrection());
        SampleReports.save("report-draft.pdf", pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("DỰ THẢO", "Đính chính lần 1");
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 100), "png", png);
            SampleReports.save("report-draft-page1.png", png.toByteArray());
        }
    }

    /** Every page as a PNG at 100 dpi under target/render/, for people (and the test) to look at. */
    private static void savePages(PDDocument doc) throws Exception {
        PDFRenderer pages = new PDFRenderer(doc);
        for (int p = 0; p < doc.getNumberOfPages(); p++) {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(pages.renderImageWithDPI(p, 100), "png", png);
            SampleReports.save("report-page" + (p + 1) + ".png", png.toByteArray());
        }
    }

    private static int darkPixels(BufferedImage image) {
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int luminance = ((rgb >> 16 & 0xff) * 299 + (rgb >> 8 & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
                if (luminance < 100) dark++;
            }
        }
        return dark;
    }
}
