package vn.caitien.planservice.exchange;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;
import vn.caitien.documents.read.ReadLimits;
import vn.caitien.planservice.web.BodyLimits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * What an upload to POST /api/plans/import (the service's only multipart endpoint) may cost
 * ({@code caitien.import.*}, defaults in application.yml and docs/security.md): one file of at most
 * {@code max-file-size} in a request of at most {@code caitien.request.max-upload}; as much of the
 * file read as {@link ReadLimits} allow; and at most {@code concurrent-reads} files held and read at
 * once, so simultaneous uploads cannot add up to more memory than the service has. These beans
 * replace Spring Boot's multipart defaults. The resolver parses lazily, when the controller asks for
 * the file: a too-large upload then fails inside the import controller, whose own handler answers 413
 * problem+json, instead of before any controller is chosen, where only the generic 500 handler would see it.
 */
@Configuration
class UploadLimits {
    /** Smaller uploads stay in memory; larger ones go to a temporary file while being received. */
    static final DataSize IN_MEMORY = DataSize.ofMegabytes(1);
    private final DataSize maxFile;
    private final DataSize maxRequest;
    private final ReadLimits read;
    private final Semaphore reading;

    UploadLimits(BodyLimits body,
                 @Value("${caitien.import.max-file-size:10MB}") DataSize maxFile,
                 @Value("${caitien.import.max-rows:1000}") int maxRows,
                 @Value("${caitien.import.max-columns:50}") int maxColumns,
                 @Value("${caitien.import.max-cells:30000}") int maxCells,
                 @Value("${caitien.import.max-merged-regions:300}") int maxMergedRegions,
                 @Value("${caitien.import.max-nesting-depth:3}") int maxNestingDepth,
                 @Value("${caitien.import.max-cell-text:10000}") int maxCellText,
                 @Value("${caitien.import.max-xml-elements:300000}") int maxXmlElements,
                 @Value("${caitien.import.max-xml-size:10MB}") DataSize maxXmlSize,
                 @Value("${caitien.import.max-read-time:10s}") Duration maxReadTime,
                 @Value("${caitien.import.concurrent-reads:2}") int concurrentReads) {
        this.maxFile = maxFile;
        this.maxRequest = body.maxUpload();
        this.read = new ReadLimits(maxRows, maxColumns, maxCells, maxMergedRegions, maxNestingDepth, maxCellText,
                maxXmlElements, maxXmlSize.toBytes(), maxReadTime);
        this.reading = new Semaphore(Math.max(1, concurrentReads), true);
    }

    @Bean
    MultipartConfigElement multipartConfigElement() {
        return new MultipartConfigElement("", maxFile.toBytes(), maxRequest.toBytes(), (int) IN_MEMORY.toBytes());
    }

    @Bean(name = DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
    StandardServletMultipartResolver multipartResolver() {
        StandardServletMultipartResolver resolver = new StandardServletMultipartResolver();
        resolver.setResolveLazily(true);
        return resolver;
    }

    ReadLimits read() { return read; }

    long maxFileBytes() { return maxFile.toBytes(); }

    ImportRefused fileTooLarge() {
        return new ImportRefused(413, "import-file-too-large", "Tệp quá lớn",
                "Tệp kế hoạch tối đa " + maxFile.toMegabytes() + " MB", "file", Map.of("maxBytes", maxFile.toBytes()));
    }

    /**
     * A turn to hold and read an uploaded file, waiting at most as long as one read may take; close it
     * when done. When every turn stays taken the upload is refused with 503, the file unread.
     */
    Turn turn() {
        try {
            if (reading.tryAcquire(read.maxReadTime().toMillis(), TimeUnit.MILLISECONDS)) return reading::release;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new ImportRefused(503, "import-busy", "Máy chủ đang đọc các tệp kế hoạch khác",
                "Đang có nhiều tệp được nhập cùng lúc; vui lòng gửi lại sau ít phút", "file", Map.of());
    }

    /** When a client refused for want of a turn should try again: once a read may have finished. */
    long retryAfterSeconds() {
        return Math.max(1, read.maxReadTime().toSeconds());
    }

    /** A taken turn; closing gives it back. */
    interface Turn extends AutoCloseable {
        @Override
        void close();
    }
}
