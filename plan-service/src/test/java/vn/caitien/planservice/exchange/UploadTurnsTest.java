package vn.caitien.planservice.exchange;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import vn.caitien.planservice.web.BodyLimits;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Uploads are held and read a few at a time (caitien.import.concurrent-reads): one more waits at most a
 * read's time, then is refused with 503, so simultaneous uploads cannot add up past the service's memory.
 */
class UploadTurnsTest {

    @Test
    void anUploadBeyondTheConcurrentReadsWaitsThenIsRefusedAndATurnGivenBackServesTheNext() {
        UploadLimits limits = new UploadLimits(new BodyLimits(DataSize.ofMegabytes(1), DataSize.ofMegabytes(11)),
                DataSize.ofMegabytes(10), 1_000, 50, 30_000, 300, 3, 10_000, 300_000, DataSize.ofMegabytes(10),
                Duration.ofMillis(200), 1);
        UploadLimits.Turn first = limits.turn();
        long started = System.nanoTime();
        ImportRefused busy = catchThrowableOfType(limits::turn, ImportRefused.class);
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(150);
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.getMessage()).contains("gửi lại sau");
        first.close();
        limits.turn().close();
    }
}
