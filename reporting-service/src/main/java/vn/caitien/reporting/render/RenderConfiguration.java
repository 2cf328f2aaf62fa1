package vn.caitien.reporting.render;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.caitien.api.report.ReportPeriod;
import vn.caitien.reporting.report.MonitoringReport;
import vn.caitien.reporting.report.ReportArchive;
import vn.caitien.reporting.report.ReportController;

import java.util.Optional;

/** Report documents from the archive of submitted revisions and from drafts, rendered within bounds. */
@Configuration
public class RenderConfiguration {

    @Bean(destroyMethod = "close")
    ReportDocuments reportDocuments(ReportArchive archive, ReportController reports, DocumentRenderer renderer,
                                    RenderProperties properties, MeterRegistry meters) {
        ReportDocuments.Reports source = new ReportDocuments.Reports() {
            @Override
            public Optional<Integer> submittedRevision(String planId, ReportPeriod period, Integer revision) {
                return archive.revisionNumber(planId, period.name(), revision);
            }

            @Override
            public MonitoringReport resolve(String planId, ReportPeriod period, Integer revision) {
                return reports.resolve(planId, period, revision);
            }
        };
        return new ReportDocuments(source, renderer, properties, meters);
    }
}
