package vn.caitien.reporting.chain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.caitien.api.chain.ChainCheckpoint;
import vn.caitien.api.chain.TopicSeal;
import vn.caitien.api.wire.WireJson;

import java.security.PublicKey;
import java.time.Instant;
import java.util.List;

/**
 * plan-service's signed checkpoints of each plan's chain, as this service keeps them. A record is kept
 * only when it carries plan-service's topic seal, reads as a {@link ChainCheckpoint} of the plan it is
 * keyed by, and is signed with plan-service's checkpoint key; any other is refused with an alarm (ERROR
 * log, counter {@code caitien.checkpoints.refused}, health) and kept aside, never used.
 */
@Repository
public class Checkpoints {
    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);
    private final JdbcTemplate jdbc;
    private final TopicSeal seal;
    private final PublicKey signers;
    private final MeterRegistry metrics;

    public Checkpoints(JdbcTemplate jdbc, TopicSeal seal, PublicKey checkpointPublicKey, MeterRegistry metrics) {
        this.jdbc = jdbc;
        this.seal = seal;
        this.signers = checkpointPublicKey;
        this.metrics = metrics;
    }

    /** Keeps or refuses one record of the checkpoints topic, in the caller's transaction. */
    void accept(ConsumerRecord<String, byte[]> record) {
        String sealed = seal.check(record.headers(), record.value());
        if (!TopicSeal.VALID.equals(sealed)) {
            refuse(record, TopicSeal.MISSING.equals(sealed) ? "Điểm kiểm không có dấu niêm phong của plan-service"
                    : "Điểm kiểm có dấu niêm phong sai");
            return;
        }
        ChainCheckpoint checkpoint;
        try {
            checkpoint = WireJson.mapper().readValue(record.value(), ChainCheckpoint.class);
        } catch (java.io.IOException | RuntimeException e) {
            refuse(record, "Không đọc được điểm kiểm: " + e.getClass().getSimpleName());
            return;
        }
        if (!checkpoint.planId().equals(record.key())) {
            refuse(record, "Điểm kiểm của kế hoạch " + checkpoint.planId() + " nằm dưới khoá " + record.key());
            return;
        }
        if (!checkpoint.isSignedBy(signers)) {
            refuse(record, "Chữ ký của điểm kiểm kế hoạch " + checkpoint.planId() + " (số " + checkpoint.sequence()
                    + ") không phải của plan-service");
            return;
        }
        jdbc.update("""
                insert into plan_checkpoint (plan_id, sequence, hash, created_at, reason, key_id, signature)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", checkpoint.planId(), checkpoint.sequence(),
                checkpoint.hash(), checkpoint.createdAt().toString(), checkpoint.reason(), checkpoint.keyId(),
                checkpoint.signature());
    }

    private void refuse(ConsumerRecord<String, byte[]> record, String reason) {
        log.error("Từ chối điểm kiểm (phân vùng {}, offset {}): {}", record.partition(), record.offset(), reason);
        Counter.builder("caitien.checkpoints.refused").description("Điểm kiểm bị từ chối: không có dấu niêm phong, "
                + "không đọc được hoặc chữ ký sai").register(metrics).increment();
        jdbc.update("""
                insert into refused_checkpoint (topic_partition, topic_offset, record_key, reason, value)
                values (?, ?, ?, ?, ?) on conflict do nothing""", record.partition(), record.offset(),
                record.key() == null ? null : record.key().substring(0, Math.min(255, record.key().length())), reason,
                record.value());
    }

    /** A plan's checkpoints, oldest first. */
    public List<ChainCheckpoint> of(String planId) {
        return jdbc.query("""
                select plan_id, sequence, hash, created_at, reason, key_id, signature from plan_checkpoint
                where plan_id = ? order by sequence, created_at""", (rs, n) -> new ChainCheckpoint(rs.getString(1),
                rs.getLong(2), rs.getString(3), Instant.parse(rs.getString(4)), rs.getString(5), rs.getString(6),
                rs.getString(7)), planId);
    }

    /** Checkpoint records refused so far. */
    public long refusedCount() {
        return jdbc.queryForObject("select count(*) from refused_checkpoint", Long.class);
    }
}
