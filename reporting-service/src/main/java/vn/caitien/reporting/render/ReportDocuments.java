package vn.caitien.reporting.render;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import vn.caitien.api.report.ReportPeriod;
import vn.caitien.reporting.render.RenderedReports.Document;
import vn.caitien.reporting.render.RenderedReports.Key;
import vn.caitien.reporting.report.MonitoringReport;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Report documents, rendered within bounds: at most {@code threads} at once with {@code queue} waiting (more
 * are refused at once), each request waiting at most {@code timeout}, every text cut to the plan's limits
 * ({@link BoundedReport}). A submitted revision is rendered once per format and kept ({@link RenderedReports}):
 * requests for it while it renders share that one rendering, which runs on after a request gave up waiting, so
 * the retry finds it done. A draft changes with every event and is rendered for each request, and abandoned
 * (interrupted) when its request gives up.
 */
public class ReportDocuments implements AutoCloseable {

    /** Where reports come from: the archive of submitted revisions, and drafts built from the plan's events. */
    public interface Reports {
        /** The number of the submitted revision asked for (the latest when {@code revision} is null), if any. */
        Optional<Integer> submittedRevision(String planId, ReportPeriod period, Integer revision);

        /** The submitted revision, or for an unsubmitted period the draft as of today (404 when neither). */
        MonitoringReport resolve(String planId, ReportPeriod period, Integer revision);
    }

    private final Reports reports;
    private final DocumentRenderer renderer;
    private final RenderProperties properties;
    private final RenderedReports cache;
    private final ThreadPoolExecutor renderers;
    private final Map<Key, Future<Document>> rendering = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    private final Counter hits;
    private final Counter misses;

    public ReportDocuments(Reports reports, DocumentRenderer renderer, RenderProperties properties, MeterRegistry meters) {
        this.reports = reports;
        this.renderer = renderer;
        this.properties = properties;
        this.meters = meters;
        this.cache = new RenderedReports(properties.getCacheBytes());
        AtomicInteger threadNo = new AtomicInteger();
        this.renderers = new ThreadPoolExecutor(properties.getThreads(), properties.getThreads(), 0, TimeUnit.SECONDS,
                properties.getQueue() == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(properties.getQueue()),
                r -> {
                    Thread t = new Thread(r, "report-render-" + threadNo.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.hits = Counter.builder("caitien.reports.render.cache").tag("result", "hit")
                .description("Downloads of a submitted report served from rendered documents").register(meters);
        this.misses = Counter.builder("caitien.reports.render.cache").tag("result", "miss")
                .description("Downloads of a submitted report that had to be rendered").register(meters);
        Gauge.builder("caitien.reports.render.cache.bytes", cache, RenderedReports::bytes).baseUnit("bytes")
                .description("Memory held by rendered documents of submitted reports").register(meters);
        Gauge.builder("caitien.reports.render.queue", renderers, e -> e.getQueue().size())
                .description("Report documents waiting for a renderer").register(meters);
    }

    /** The report as a document; throws {@link RenderUnavailable} when it cannot be had now. */
    public Document document(String planId, ReportPeriod period, Integer revision, DocumentFormat format) {
        Optional<Integer> submitted = reports.submittedRevision(planId, period, revision);
        if (submitted.isEmpty()) {
            Future<Document> draft = submit(() -> render(reports.resolve(planId, period, revision), format, "draft"));
            return await(draft, true);
        }
        Key key = new Key(planId, period.name(), submitted.get(), format);
        Document kept = cache.get(key);
        if (kept != null) {
            hits.increment();
            return kept;
        }
        misses.increment();
        return await(rendering.computeIfAbsent(key, k -> submit(() -> renderAndKeep(k))), false);
    }

    private Document renderAndKeep(Key key) {
        try {
            ReportPeriod period = ReportPeriod.valueOf(key.period());
            Document document = render(reports.resolve(key.planId(), period, key.revision()), key.format(), "submitted");
            cache.put(key, document);
            return document;
        } finally {
            rendering.remove(key);
        }
    }

    private Document render(MonitoringReport report, DocumentFormat format, String kind) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failed";
        try {
            byte[] body = renderer.render(BoundedReport.of(report, properties), format);
            outcome = "ok";
            return new Document(body, filename(report, format));
        } finally {
            sample.stop(Timer.builder("caitien.reports.renders").tag("format", format.extension()).tag("kind", kind)
                    .tag("outcome", outcome).description("Report documents rendered").register(meters));
        }
    }

    static String filename(MonitoringReport report, DocumentFormat format) {
        return "bao-cao-giam-sat-" + report.period().toLowerCase().replace('_', '-') + "-" + report.schoolYear()
                + (report.revision() > 0 ? "-lan-" + report.revision() : "-du-thao") + "." + format.extension();
    }

    private Future<Document> submit(Callable<Document> task) {
        try {
            return renderers.submit(task);
        } catch (RejectedExecutionException e) {
            refused("busy");
            throw new RenderUnavailable("Hệ thống đang tạo nhiều báo cáo cùng lúc; vui lòng thử lại sau "
                    + properties.getRetryAfter().toSeconds() + " giây", properties.getRetryAfter());
        }
    }

    private Document await(Future<Document> document, boolean abandonOnTimeout) {
        try {
            return document.get(properties.getTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | CancellationException e) {
            if (abandonOnTimeout) document.cancel(true);
            refused("timeout");
            throw new RenderUnavailable("Báo cáo chưa tạo xong sau " + properties.getTimeout().toSeconds()
                    + " giây; vui lòng thử lại sau " + properties.getRetryAfter().toSeconds() + " giây",
                    properties.getRetryAfter());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            document.cancel(abandonOnTimeout);
            throw new RenderUnavailable("Yêu cầu bị dừng; vui lòng thử lại sau", properties.getRetryAfter());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException("Không tạo được báo cáo", e.getCause());
        }
    }

    private void refused(String reason) {
        Counter.builder("caitien.reports.render.refused").tag("reason", reason)
                .description("Report downloads answered 503: renderers busy, or rendering too slow").register(meters)
                .increment();
    }

    /** Waits for nothing: renderings still running are abandoned with the service. */
    @Override
    public void close() {
        renderers.shutdownNow();
    }
}
