package vn.caitien.reporting.render;

import org.springframework.stereotype.Component;
import vn.caitien.reporting.report.MonitoringReport;

import java.nio.charset.StandardCharsets;

/** The three renderers behind one entry point. */
@Component
public class ReportRenderers implements DocumentRenderer {
    private final ReportHtmlRenderer html;
    private final ReportDocxRenderer docx;
    private final ReportPdfRenderer pdf;

    public ReportRenderers(ReportHtmlRenderer html, ReportDocxRenderer docx, ReportPdfRenderer pdf) {
        this.html = html;
        this.docx = docx;
        this.pdf = pdf;
    }

    @Override
    public byte[] render(MonitoringReport report, DocumentFormat format) {
        return switch (format) {
            case HTML -> html.render(report).getBytes(StandardCharsets.UTF_8);
            case DOCX -> docx.render(report);
            case PDF -> pdf.render(report);
        };
    }
}
