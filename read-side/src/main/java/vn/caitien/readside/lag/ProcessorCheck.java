package vn.caitien.readside.lag;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.TrackingEventProcessor;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A read service's processor as its health tells it: down when stopped or in error, when Kafka does not answer,
 * or when it is behind the event store and not catching up ({@link ReadSideLag}); with the figures either way and
 * gauges of the topic lag and of the lag against the store, in events and seconds. The health indicator of each
 * read service ({@link ProcessorHealth}) turns the {@link Verdict} into its answer and adds its dead letters.
 */
public final class ProcessorCheck {
    private final TopicPositions positions;
    private final StoreHeadListener storeHeads;
    private final ReadSideLag lag;
    private final Clock clock;
    private volatile ReadSideLag.Sample last;

    public ProcessorCheck(TopicPositions positions, StoreHeadListener storeHeads, ReadSideLag lag, Clock clock) {
        this.positions = positions;
        this.storeHeads = storeHeads;
        this.lag = lag;
        this.clock = clock;
    }

    /** {@code what} names the read model in the gauges' descriptions, e.g. "bảng theo dõi". */
    public void registerGauges(MeterRegistry metrics, String what) {
        gauge(metrics, "caitien.kafka.consumer.lag", "Bản ghi trên chủ đề sự kiện chưa được " + what + " đọc",
                ReadSideLag.Sample::topicLag);
        gauge(metrics, "caitien.store.lag.events", "Sự kiện đã lưu trong kho nhưng " + what + " chưa áp dụng",
                ReadSideLag.Sample::storeLag);
        gauge(metrics, "caitien.store.lag.seconds", "Sự kiện chưa phát lên Kafka lâu nhất đã chờ bao nhiêu giây",
                s -> s.oldestWait().toMillis() / 1000.0);
    }

    private void gauge(MeterRegistry metrics, String name, String description,
                       java.util.function.ToDoubleFunction<ReadSideLag.Sample> value) {
        Gauge.builder(name, this, c -> c.last == null ? 0 : value.applyAsDouble(c.last)).description(description)
                .register(metrics);
    }

    /** Whether the processor is up, and the details that say why or how far behind it is. */
    public synchronized Verdict check() {
        Optional<TrackingEventProcessor> processor = positions.processor();
        if (processor.isEmpty()) return Verdict.down("processor", "chưa cấu hình");
        if (!processor.get().isRunning()) return Verdict.down("processor", "đã dừng");
        if (processor.get().isError()) return Verdict.down("processor", "đang lỗi, thử lại");
        long consumed = positions.consumedTotal();
        long end;
        try {
            end = positions.endOffsetTotal();
        } catch (Exception e) {
            return Verdict.down("kafka", "không kết nối được: " + e.getMessage());
        }
        ReadSideLag.Sample sample = lag.observe(consumed, end, storeHeads.latest().orElse(null), clock.instant());
        last = sample;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("consumed", consumed);
        details.put("topicEnd", end);
        details.putAll(sample.details());
        if (storeHeads.refused() > 0) details.put("refusedStoreHeads", storeHeads.refused());
        return new Verdict(!sample.stuck(), details);
    }

    /** Up or down, and what the health answer shows. */
    public record Verdict(boolean up, Map<String, Object> details) {
        static Verdict down(String key, String reason) {
            return new Verdict(false, Map.of(key, reason));
        }
    }
}
