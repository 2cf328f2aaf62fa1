package vn.caitien.planservice.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.caitien.api.chain.ChainKeys;
import vn.caitien.api.lag.StoreHead;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Is what is stored reaching Kafka? Every {@code caitien.publishing.sample-interval} the store's head (max
 * global_index) is compared with the publishing processor's position and claim ({@link PublisherPosition}); the
 * sample feeds the gauges and goes to the read services ({@link StoreHeadBeacon}). Health component
 * {@code publishing} is DOWN, with the reason, when events wait and the position has not moved for
 * {@code caitien.publishing.stuck-after}, when no instance has held or renewed the publisher's claim for as long
 * (stopped or dead), or when sampling itself stopped.
 */
@Component("publishing")
@ConditionalOnProperty(name = "axon.kafka.publisher.enabled", havingValue = "true", matchIfMissing = true)
public class PublishingHealth implements HealthIndicator, DisposableBean {
    private final JdbcTemplate jdbc;
    private final PublisherPosition publisher;
    private final StoreHeadBeacon beacon;
    private final Duration stuckAfter;
    private final Duration sampleInterval;
    private final Clock clock = Clock.systemUTC();
    private final Instant started = clock.instant();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "publishing-health");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Sample last;
    private volatile String sampleFailure;
    private long lastPosition = Long.MIN_VALUE;
    private Instant lastMovement = started;
    private Instant lastClaimSeen = started;

    /** One measurement: the store head sent to the read services, and the publisher's claim. */
    private record Sample(StoreHead head, boolean everClaimed, boolean claimed, Instant lastClaimSeen) {
    }

    public PublishingHealth(JdbcTemplate jdbc, Serializer serializer, ChainKeys keys, MeterRegistry metrics,
                            @Value("${axon.kafka.bootstrap-servers}") String bootstrap,
                            @Value("${caitien.publishing.stuck-after:PT60S}") Duration stuckAfter,
                            @Value("${caitien.publishing.sample-interval:PT5S}") Duration sampleInterval) {
        this.jdbc = jdbc;
        this.publisher = new PublisherPosition(jdbc, serializer);
        this.beacon = new StoreHeadBeacon(bootstrap, keys.topicSeal());
        this.stuckAfter = stuckAfter;
        this.sampleInterval = sampleInterval;
        gauge(metrics, "caitien.publishing.head", "Sự kiện cuối trong kho (global_index)", h -> h.head());
        gauge(metrics, "caitien.publishing.position", "Sự kiện cuối đã phát lên Kafka (global_index)", h -> h.published());
        gauge(metrics, "caitien.publishing.lag.events", "Sự kiện đã lưu nhưng chưa phát lên Kafka", h -> h.unpublished());
        gauge(metrics, "caitien.publishing.lag.seconds", "Sự kiện chưa phát lâu nhất đã chờ bao nhiêu giây",
                h -> h.unpublishedFor(clock.instant()).toMillis() / 1000.0);
        sampler.scheduleWithFixedDelay(this::sample, 0, sampleInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void gauge(MeterRegistry metrics, String name, String description, java.util.function.ToDoubleFunction<StoreHead> value) {
        Gauge.builder(name, this, h -> h.last == null ? Double.NaN : value.applyAsDouble(h.last.head()))
                .description(description).register(metrics);
    }

    synchronized void sample() {
        try {
            Instant now = clock.instant();
            long head = jdbc.queryForObject("select coalesce(max(global_index), -1) from domain_event_entry", Long.class);
            Optional<PublisherPosition.Reading> reading = publisher.read();
            long position = reading.map(PublisherPosition.Reading::position).orElse(-1L);
            if (position != lastPosition || head <= position) {
                lastPosition = position;
                lastMovement = now;
            }
            long unpublished = head <= position ? 0 : jdbc.queryForObject("select count(*) from (select 1 from "
                    + "domain_event_entry where global_index > ? limit 1000000) waiting", Long.class, position);
            Instant oldest = unpublished == 0 ? null : jdbc.query("select time_stamp from domain_event_entry "
                            + "where global_index > ? order by global_index limit 1",
                    rs -> rs.next() ? Instant.parse(rs.getString(1)) : null, position);
            Instant renewed = reading.map(PublisherPosition.Reading::claimRenewed).orElse(null);
            if (renewed != null && renewed.isAfter(lastClaimSeen)) lastClaimSeen = renewed;
            StoreHead sample = new StoreHead(head, position, unpublished, oldest, now);
            last = new Sample(sample, reading.isPresent(), renewed != null, lastClaimSeen);
            sampleFailure = null;
            beacon.send(sample);
        } catch (RuntimeException e) {
            sampleFailure = e.getMessage();
        }
    }

    @Override
    public Health health() {
        Sample sample = last;
        Instant now = clock.instant();
        if (sampleFailure != null) return Health.down().withDetail("reason", "không đọc được kho sự kiện: " + sampleFailure).build();
        if (sample == null) return Health.unknown().withDetail("reason", "đang đo lần đầu").build();
        StoreHead head = sample.head();
        List<String> reasons = new ArrayList<>();
        Duration sinceSample = Duration.between(head.at(), now);
        if (sinceSample.compareTo(sampleInterval.multipliedBy(3).plus(stuckAfter)) > 0) {
            reasons.add("không đo được vị trí bộ phát từ " + sinceSample.toSeconds() + " giây trước");
        }
        Duration still;
        synchronized (this) {
            still = Duration.between(lastMovement, now);
        }
        if (head.unpublished() > 0 && still.compareTo(stuckAfter) > 0) {
            reasons.add("bộ phát sự kiện lên Kafka đứng yên " + still.toSeconds() + " giây, còn " + head.unpublished()
                    + " sự kiện chưa phát: bảng theo dõi và báo cáo không nhận được chúng");
        }
        Duration unclaimed = Duration.between(sample.lastClaimSeen(), now);
        if (unclaimed.compareTo(stuckAfter) > 0) {
            reasons.add(!sample.everClaimed() ? "bộ phát sự kiện lên Kafka chưa chạy lần nào"
                    : !sample.claimed() ? "bộ phát sự kiện lên Kafka đã dừng: không phiên bản plan-service nào chạy nó"
                    : "bộ phát sự kiện lên Kafka không còn hoạt động: không được gia hạn từ " + unclaimed.toSeconds() + " giây");
        }
        Health.Builder health = reasons.isEmpty() ? Health.up() : Health.down().withDetail("reason", String.join("; ", reasons));
        return health.withDetail("head", head.head()).withDetail("position", head.published())
                .withDetail("lagEvents", head.unpublished())
                .withDetail("lagSeconds", head.unpublishedFor(now).toSeconds()).build();
    }

    @Override
    public void destroy() {
        sampler.shutdownNow();
        beacon.close();
    }
}
