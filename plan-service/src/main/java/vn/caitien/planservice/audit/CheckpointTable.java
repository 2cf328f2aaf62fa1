package vn.caitien.planservice.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import vn.caitien.api.chain.ChainCheckpoint;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** The signed checkpoints plan-service took ({@code chain_checkpoint}), and which Kafka has not acknowledged yet. */
@Component
class CheckpointTable {
    record Pending(long id, ChainCheckpoint checkpoint) {
    }

    /** A plan's last stored event. */
    record Head(String planId, long sequence) {
    }

    private static final String COLUMNS = "plan_id, sequence_number, hash, created_at, reason, key_id, signature";
    private static final RowMapper<ChainCheckpoint> CHECKPOINT = (rs, n) -> new ChainCheckpoint(rs.getString(1),
            rs.getLong(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5),
            rs.getString(6), rs.getString(7));

    private final JdbcTemplate jdbc;

    CheckpointTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a checkpoint; its id, or null when the same periodic checkpoint is already there (another instance's). */
    Long insert(ChainCheckpoint c) {
        List<Long> ids = jdbc.queryForList("insert into chain_checkpoint (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?) "
                        + "on conflict (plan_id, sequence_number) where reason = 'PERIODIC' do nothing returning id", Long.class,
                c.planId(), c.sequence(), c.hash(), Timestamp.from(c.createdAt()), c.reason(), c.keyId(), c.signature());
        return ids.isEmpty() ? null : ids.get(0);
    }

    List<ChainCheckpoint> of(String planId) {
        return jdbc.query("select " + COLUMNS + " from chain_checkpoint where plan_id = ? order by sequence_number, id",
                CHECKPOINT, planId);
    }

    List<Pending> unpublished(int limit) {
        return jdbc.query("select id, " + COLUMNS + " from chain_checkpoint where published_at is null order by id limit ?",
                (rs, n) -> new Pending(rs.getLong(1), new ChainCheckpoint(rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6), rs.getString(7),
                        rs.getString(8))), limit);
    }

    long unpublishedCount() {
        Long count = jdbc.queryForObject("select count(*) from chain_checkpoint where published_at is null", Long.class);
        return count == null ? 0 : count;
    }

    void published(long id, Instant at) {
        jdbc.update("update chain_checkpoint set published_at = ? where id = ?", Timestamp.from(at), id);
    }

    /**
     * Plans whose last event is beyond their latest checkpoint (or that have none). One pass over the event
     * table's (plan, sequence) index; taken every few minutes, not per command.
     */
    List<Head> movedSinceLastCheckpoint() {
        return jdbc.query("select h.plan_id, h.head from (select aggregate_identifier plan_id, max(sequence_number) head "
                + "from domain_event_entry group by aggregate_identifier) h where h.head > coalesce((select "
                + "max(c.sequence_number) from chain_checkpoint c where c.plan_id = h.plan_id), -1)",
                (rs, n) -> new Head(rs.getString(1), rs.getLong(2)));
    }
}
