package vn.caitien.monitoring.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * DOWN when the projection cannot keep up: its processor is stopped or in error, or records wait on
 * the topic while nothing has been read for a while (the Kafka fetcher died and the processor idles).
 * Events parked in the dead-letter queue are reported as details (count and a message) without
 * turning the status DOWN: every other plan is still kept up to date.
 */
@Component("eventProcessing")
public class ProcessorHealth implements HealthIndicator {
    static final Duration STALL = Duration.ofSeconds(60);
    private final TopicPositions positions;
    private final DeadLetters deadLetters;
    private long lastConsumed = -1;
    private Instant lastMovement = Instant.now();
    private volatile long lastLag;

    public ProcessorHealth(TopicPositions positions, DeadLetters deadLetters, MeterRegistry metrics) {
        this.positions = positions;
        this.deadLetters = deadLetters;
        Gauge.builder("caitien.kafka.consumer.lag", this, h -> h.lastLag)
                .description("Bản ghi trên chủ đề sự kiện chưa được bảng theo dõi đọc").register(metrics);
    }

    @Override
    public synchronized Health health() {
        Optional<TrackingEventProcessor> processor = positions.processor();
        if (processor.isEmpty()) return Health.down().withDetail("processor", "chưa cấu hình").build();
        TrackingEventProcessor p = processor.get();
        if (!p.isRunning()) return Health.down().withDetail("processor", "đã dừng").build();
        if (p.isError()) return Health.down().withDetail("processor", "đang lỗi, thử lại").build();
        long consumed = positions.consumedTotal();
        long end;
        try {
            end = positions.endOffsetTotal();
        } catch (Exception e) {
            return Health.down().withDetail("kafka", "không kết nối được: " + e.getMessage()).build();
        }
        Instant now = Instant.now();
        if (consumed != lastConsumed) {
            lastConsumed = consumed;
            lastMovement = now;
        }
        lastLag = Math.max(0, end - consumed);
        Health.Builder health = lastLag > 0 && Duration.between(lastMovement, now).compareTo(STALL) > 0
                ? Health.down().withDetail("fetcher", "có " + lastLag + " sự kiện chờ nhưng không đọc được trong "
                + STALL.toSeconds() + " s")
                : Health.up();
        // Parked events do not stop the other plans: they show in the details, the status stays as it is.
        deadLetters.describe(health);
        return health.withDetail("consumed", consumed).withDetail("topicEnd", end).withDetail("lag", lastLag).build();
    }
}
