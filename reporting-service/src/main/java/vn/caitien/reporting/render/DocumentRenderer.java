package vn.caitien.reporting.render;

import vn.caitien.reporting.report.MonitoringReport;

/** Turns a report's content into a document of one format; {@link ReportDocuments} bounds and keeps its work. */
public interface DocumentRenderer {
    byte[] render(MonitoringReport report, DocumentFormat format);
}
