package vn.caitien.planservice.messaging;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaEventPublisher;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the Kafka publishing processor stands, read from its rows in {@code token_entry} (whichever instance of
 * plan-service runs it): the lowest position over its segments (the token's global index, decoded by Axon's
 * serializer as the token store does) and the oldest claim renewal. A running processor renews its claim every
 * few seconds; a stopped one releases it (no owner) and a dead thread leaves it to age.
 */
final class PublisherPosition {
    static final String PROCESSOR = KafkaEventPublisher.DEFAULT_PROCESSING_GROUP;

    /**
     * @param position     global index of the last event published, -1 before the first
     * @param claimRenewed when the least recently renewed segment was claimed or renewed; null when one is unclaimed
     */
    record Reading(long position, Instant claimRenewed) {
    }

    private record Row(byte[] token, String type, String timestamp, String owner) {
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    PublisherPosition(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** Empty when the processor has never claimed a segment (no row yet). */
    Optional<Reading> read() {
        List<Row> rows = jdbc.query("select token, token_type, timestamp, owner from token_entry where processor_name = ?",
                (rs, i) -> new Row(rs.getBytes(1), rs.getString(2), rs.getString(3), rs.getString(4)), PROCESSOR);
        if (rows.isEmpty()) return Optional.empty();
        long position = Long.MAX_VALUE;
        Instant renewed = Instant.MAX;
        for (Row row : rows) {
            position = Math.min(position, position(row));
            Instant claimed = row.owner() == null || row.timestamp() == null ? null : Instant.parse(row.timestamp());
            renewed = claimed == null || renewed == null ? null : claimed.isBefore(renewed) ? claimed : renewed;
        }
        return Optional.of(new Reading(position, renewed));
    }

    private long position(Row row) {
        if (row.token() == null || row.type() == null) return -1;
        TrackingToken token = serializer.deserialize(new SimpleSerializedObject<>(row.token(), byte[].class, row.type(), null));
        return token == null ? -1 : token.position().orElse(-1L);
    }
}
