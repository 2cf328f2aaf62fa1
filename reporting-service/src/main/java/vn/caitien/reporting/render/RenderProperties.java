package vn.caitien.reporting.render;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import vn.caitien.api.plan.ContentLimits;

import java.time.Duration;

/**
 * How report documents are rendered ({@code caitien.reports.render.*}, documented in docs/operations.md):
 * a few at once, each within a time limit, submitted revisions kept once rendered, and no text beyond the
 * plan's own limits (a plan stored before the limits existed is cut, visibly).
 */
@Validated
@ConfigurationProperties("caitien.reports.render")
public class RenderProperties {
    /** Documents rendered at the same time; each keeps one CPU busy. */
    @Min(1)
    private int threads = 2;
    /** Requests waiting for a renderer; beyond them a request is refused at once (503, Retry-After). */
    @Min(0)
    private int queue = 8;
    /** How long a request waits for its document, queueing included; then 503 with Retry-After. */
    private Duration timeout = Duration.ofSeconds(20);
    /** What Retry-After tells the client. A submitted revision keeps rendering meanwhile and is then kept. */
    private Duration retryAfter = Duration.ofSeconds(30);
    /** Memory for rendered documents of submitted revisions; the least recently read leave first. */
    @Min(0)
    private long cacheBytes = 64L * 1024 * 1024;
    /** Characters of one text rendered (a cell, a list entry); the rest is cut with a marker. */
    @Min(1)
    private int maxFieldChars = ContentLimits.MAX_FIELD_CHARS;
    /** Characters of each of the report's summary, findings and recommendations rendered. */
    @Min(1)
    private int maxReportTextChars = ContentLimits.MAX_REPORT_TEXT_CHARS;
    /** Entries of one list rendered (tasks, coordinators, evidence codes). */
    @Min(1)
    private int maxListEntries = ContentLimits.MAX_LIST_ENTRIES;
    /** Rows of table II rendered. */
    @Min(1)
    private int maxItems = ContentLimits.MAX_ITEMS;

    public int getThreads() { return threads; }

    public void setThreads(int threads) { this.threads = threads; }

    public int getQueue() { return queue; }

    public void setQueue(int queue) { this.queue = queue; }

    public Duration getTimeout() { return timeout; }

    public void setTimeout(Duration timeout) { this.timeout = timeout; }

    public Duration getRetryAfter() { return retryAfter; }

    public void setRetryAfter(Duration retryAfter) { this.retryAfter = retryAfter; }

    public long getCacheBytes() { return cacheBytes; }

    public void setCacheBytes(long cacheBytes) { this.cacheBytes = cacheBytes; }

    public int getMaxFieldChars() { return maxFieldChars; }

    public void setMaxFieldChars(int maxFieldChars) { this.maxFieldChars = maxFieldChars; }

    public int getMaxReportTextChars() { return maxReportTextChars; }

    public void setMaxReportTextChars(int maxReportTextChars) { this.maxReportTextChars = maxReportTextChars; }

    public int getMaxListEntries() { return maxListEntries; }

    public void setMaxListEntries(int maxListEntries) { this.maxListEntries = maxListEntries; }

    public int getMaxItems() { return maxItems; }

    public void setMaxItems(int maxItems) { this.maxItems = maxItems; }
}
