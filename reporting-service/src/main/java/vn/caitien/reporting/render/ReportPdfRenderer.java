package vn.caitien.reporting.render;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.stereotype.Component;
import vn.caitien.reporting.report.MonitoringReport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A monitoring report as PDF: the XHTML of {@link ReportHtmlRenderer} laid out by openhtmltopdf.
 * The PDF base-14 fonts have no Vietnamese letters, so DejaVu Serif (shipped in
 * {@code render/fonts/} with its licence) is embedded from the classpath; a server never depends
 * on the fonts its operating system happens to have.
 */
@Component
public class ReportPdfRenderer {

    /** Family name the stylesheet asks for. */
    static final String FONT_FAMILY = "DejaVu Serif";

    private record FontFile(String resource, int weight, FontStyle style) {
    }

    private static final List<FontFile> FONT_FILES = List.of(
            new FontFile("DejaVuSerif.ttf", 400, FontStyle.NORMAL),
            new FontFile("DejaVuSerif-Bold.ttf", 700, FontStyle.NORMAL),
            new FontFile("DejaVuSerif-Italic.ttf", 400, FontStyle.ITALIC),
            new FontFile("DejaVuSerif-BoldItalic.ttf", 700, FontStyle.ITALIC));

    /** Font bytes read once: about 1.4 MB, cheaper than reading four jar entries per report. */
    private static final class Fonts {
        static final List<byte[]> BYTES = FONT_FILES.stream().map(f -> read("/render/fonts/" + f.resource())).toList();

        private static byte[] read(String resource) {
            try (InputStream in = ReportPdfRenderer.class.getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException("Thiếu phông chữ " + resource + " trong classpath");
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("Không đọc được phông chữ " + resource, e);
            }
        }
    }

    private final ReportHtmlRenderer html;

    public ReportPdfRenderer(ReportHtmlRenderer html) {
        this.html = html;
    }

    /** The report as PDF bytes. */
    public byte[] render(MonitoringReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        render(report, out);
        return out.toByteArray();
    }

    /** Writes the report as PDF to {@code out}, which stays open. */
    public void render(MonitoringReport report, OutputStream out) {
        renderXhtml(html.render(report), out);
    }

    /** Lays out a well-formed XHTML document (as the HTML renderer makes) as PDF. */
    public static void renderXhtml(String xhtml, OutputStream out) {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        for (int i = 0; i < FONT_FILES.size(); i++) {
            byte[] bytes = Fonts.BYTES.get(i);
            FontFile f = FONT_FILES.get(i);
            // subset = true: only the glyphs used are embedded, a few dozen kB instead of 1.4 MB
            builder.useFont(() -> new ByteArrayInputStream(bytes), FONT_FAMILY, f.weight(), f.style(), true);
        }
        builder.withProducer("Cải tiến · reporting-service");
        builder.withHtmlContent(xhtml, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Không tạo được tệp PDF của báo cáo", e);
        }
    }
}
