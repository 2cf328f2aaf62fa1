package vn.caitien.reporting.render;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.caitien.api.report.ReportPeriod;
import vn.caitien.reporting.render.RenderedReports.Document;
import vn.caitien.reporting.report.MonitoringReport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Report documents within bounds: submitted revisions rendered once per format and kept, drafts rendered for
 * each request, a slow rendering refused with Retry-After, renderers busy refused at once. Renders are counted
 * by the service's own metric.
 */
class ReportDocumentsTest {
    private static final String PLAN = "plan-1";
    private static final ReportPeriod PERIOD = ReportPeriod.CUOI_HK1;

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final RenderProperties properties = new RenderProperties();
    private final List<MonitoringReport> submitted = new ArrayList<>();
    private final AtomicInteger rendered = new AtomicInteger();
    /** Closed: renderings wait until it opens (the "slow renderer"). */
    private final CountDownLatch gate = new CountDownLatch(1);
    private final AtomicBoolean gateClosed = new AtomicBoolean();
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private ReportDocuments documents;

    private final ReportDocuments.Reports reports = new ReportDocuments.Reports() {
        @Override
        public Optional<Integer> submittedRevision(String planId, ReportPeriod period, Integer revision) {
            if (submitted.isEmpty()) return Optional.empty();
            return revision == null ? Optional.of(submitted.size())
                    : revision <= submitted.size() ? Optional.of(revision) : Optional.empty();
        }

        @Override
        public MonitoringReport resolve(String planId, ReportPeriod period, Integer revision) {
            if (submitted.isEmpty()) return report(0, MonitoringReport.DRAFT, null, null);
            return submitted.get((revision == null ? submitted.size() : revision) - 1);
        }
    };

    private final DocumentRenderer renderer = (report, format) -> {
        if (gateClosed.get()) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw new IllegalStateException(e);
            }
        }
        rendered.incrementAndGet();
        return (format + " " + report.state() + " " + report.revision() + " " + report.summary())
                .getBytes(StandardCharsets.UTF_8);
    };

    @AfterEach
    void stop() {
        gate.countDown();
        if (documents != null) documents.close();
    }

    private ReportDocuments documents() {
        documents = new ReportDocuments(reports, renderer, properties, meters);
        return documents;
    }

    @Test
    void aSubmittedRevisionIsRenderedOnceThenServedAsKept() {
        submit("Đúng tiến độ");
        ReportDocuments docs = documents();

        Document first = docs.document(PLAN, PERIOD, null, DocumentFormat.PDF);
        Document second = docs.document(PLAN, PERIOD, null, DocumentFormat.PDF);
        Document byNumber = docs.document(PLAN, PERIOD, 1, DocumentFormat.PDF);

        assertThat(renders("submitted")).isEqualTo(1);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(byNumber.body()).isEqualTo(first.body());
        assertThat(first.filename()).isEqualTo("bao-cao-giam-sat-cuoi-hk1-2023-2024-lan-1.pdf");
        assertThat(meters.counter("caitien.reports.render.cache", "result", "hit").count()).isEqualTo(2);
        assertThat(meters.counter("caitien.reports.render.cache", "result", "miss").count()).isEqualTo(1);
    }

    @Test
    void eachFormatOfARevisionIsRenderedOnce() {
        submit("Đúng tiến độ");
        ReportDocuments docs = documents();
        for (int i = 0; i < 2; i++) {
            for (DocumentFormat format : DocumentFormat.values()) docs.document(PLAN, PERIOD, null, format);
        }
        assertThat(renders("submitted")).isEqualTo(DocumentFormat.values().length);
    }

    @Test
    void aDraftIsRenderedForEveryRequestAndNeverKept() {
        ReportDocuments docs = documents();
        Document first = docs.document(PLAN, PERIOD, null, DocumentFormat.HTML);
        docs.document(PLAN, PERIOD, null, DocumentFormat.HTML);

        assertThat(renders("draft")).isEqualTo(2);
        assertThat(rendered.get()).isEqualTo(2);
        assertThat(first.filename()).endsWith("-du-thao.html");
        assertThat(meters.get("caitien.reports.render.cache.bytes").gauge().value()).isZero();
    }

    @Test
    void aCorrectionIsANewRevisionAndIsRenderedAfresh() {
        submit("Đúng tiến độ");
        ReportDocuments docs = documents();
        Document original = docs.document(PLAN, PERIOD, null, DocumentFormat.HTML);
        submit("Bổ sung minh chứng tiêu chí 3.1");

        Document latest = docs.document(PLAN, PERIOD, null, DocumentFormat.HTML);
        assertThat(renders("submitted")).isEqualTo(2);
        assertThat(new String(latest.body(), StandardCharsets.UTF_8)).contains("Bổ sung minh chứng");
        assertThat(latest.filename()).endsWith("-lan-2.html");
        assertThat(docs.document(PLAN, PERIOD, 1, DocumentFormat.HTML).body())
                .as("the earlier revision is still the one kept").isEqualTo(original.body());
        assertThat(renders("submitted")).isEqualTo(2);
    }

    @Test
    void aDraftSlowerThanTheTimeoutIsRefusedWithRetryAfterAndAbandoned() {
        properties.setTimeout(Duration.ofMillis(200));
        properties.setRetryAfter(Duration.ofSeconds(7));
        gateClosed.set(true);
        ReportDocuments docs = documents();

        assertThatThrownBy(() -> docs.document(PLAN, PERIOD, null, DocumentFormat.PDF))
                .isInstanceOfSatisfying(RenderUnavailable.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
                    assertThat(e.getMessage()).contains("thử lại sau 7 giây");
                });
        await().atMost(Duration.ofSeconds(5)).untilTrue(interrupted);
        assertThat(meters.counter("caitien.reports.render.refused", "reason", "timeout").count()).isEqualTo(1);
    }

    @Test
    void aSubmittedRevisionRendersOnAfterATimeoutSoTheRetryFindsItKept() {
        submit("Đúng tiến độ");
        properties.setTimeout(Duration.ofMillis(200));
        gateClosed.set(true);
        ReportDocuments docs = documents();

        assertThatThrownBy(() -> docs.document(PLAN, PERIOD, null, DocumentFormat.PDF))
                .isInstanceOf(RenderUnavailable.class);
        assertThatThrownBy(() -> docs.document(PLAN, PERIOD, null, DocumentFormat.PDF))
                .as("a second request waits for the same rendering").isInstanceOf(RenderUnavailable.class);
        gate.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> renders("submitted") == 1);

        docs.document(PLAN, PERIOD, null, DocumentFormat.PDF);
        assertThat(rendered.get()).isEqualTo(1);
        assertThat(interrupted).isFalse();
        assertThat(meters.counter("caitien.reports.render.cache", "result", "hit").count()).isEqualTo(1);
    }

    @Test
    void requestsBeyondTheRenderersAndTheirQueueAreRefusedAtOnce() throws Exception {
        properties.setThreads(1);
        properties.setQueue(1);
        properties.setTimeout(Duration.ofSeconds(30));
        gateClosed.set(true);
        ReportDocuments docs = documents();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        CompletableFuture<Document> running = CompletableFuture.supplyAsync(
                () -> docs.document(PLAN, PERIOD, null, DocumentFormat.PDF), clients);
        CompletableFuture<Document> queued = CompletableFuture.supplyAsync(
                () -> docs.document(PLAN, PERIOD, null, DocumentFormat.DOCX), clients);
        await().atMost(Duration.ofSeconds(5)).until(() -> meters.get("caitien.reports.render.queue").gauge().value() == 1);

        long started = System.nanoTime();
        assertThatThrownBy(() -> docs.document(PLAN, PERIOD, null, DocumentFormat.HTML))
                .isInstanceOf(RenderUnavailable.class).hasMessageContaining("thử lại sau");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).as("refused without waiting").isLessThan(5);
        assertThat(meters.counter("caitien.reports.render.refused", "reason", "busy").count()).isEqualTo(1);

        gate.countDown();
        assertThat(running.get(10, TimeUnit.SECONDS).body()).isNotEmpty();
        assertThat(queued.get(10, TimeUnit.SECONDS).body()).isNotEmpty();
        clients.shutdown();
    }

    @Test
    void keptDocumentsStayWithinTheirMemory() {
        properties.setCacheBytes(200);
        ReportDocuments docs = documents();
        for (int i = 1; i <= 5; i++) {
            submit("Lần " + i + " " + "x".repeat(60));
            docs.document(PLAN, PERIOD, null, DocumentFormat.HTML);
            assertThat(meters.get("caitien.reports.render.cache.bytes").gauge().value()).isLessThanOrEqualTo(200);
        }
        docs.document(PLAN, PERIOD, 5, DocumentFormat.HTML);
        docs.document(PLAN, PERIOD, 1, DocumentFormat.HTML);
        assertThat(renders("submitted")).as("the latest kept, the first evicted").isEqualTo(6);
    }

    private void submit(String summary) {
        String reason = submitted.isEmpty() ? null : "đính chính lần " + submitted.size();
        submitted.add(report(submitted.size() + 1, MonitoringReport.SUBMITTED, summary, reason));
    }

    private static MonitoringReport report(int revision, String state, String summary, String correctionReason) {
        MonitoringReport r = SampleReports.leDinhChinh();
        return new MonitoringReport(r.planId(), r.schoolName(), r.managingUnit(), r.documentNumber(), r.schoolYear(),
                r.frameworkId(), r.frameworkTitle(), r.period(), r.periodLabel(), revision, state, r.reportDate(),
                r.place(), summary, r.findings(), r.recommendations(), correctionReason, r.overview(), r.items(),
                r.monitoringLead(), r.principal(), r.recipients());
    }

    private long renders(String kind) {
        return meters.find("caitien.reports.renders").tag("kind", kind).tag("outcome", "ok").timers().stream()
                .mapToLong(t -> t.count()).sum();
    }
}
