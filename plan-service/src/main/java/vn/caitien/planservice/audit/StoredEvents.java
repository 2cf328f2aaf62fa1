package vn.caitien.planservice.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Reads Axon's event table directly, with the column names of the {@link EventSchema} the store uses.
 * JdbcTemplate joins the Spring transaction Axon opened for the command, so while an event is being
 * appended this sees what the same transaction has already written.
 */
@Component
class StoredEvents implements HashChainInterceptor.StoredHashes {
    private static final Logger log = LoggerFactory.getLogger(StoredEvents.class);

    private final JdbcTemplate jdbc;
    private final String hashQuery;
    private final String eventsQuery;

    StoredEvents(JdbcTemplate jdbc, EventSchema schema) {
        this.jdbc = jdbc;
        this.hashQuery = "select " + schema.metaDataColumn() + " from " + schema.domainEventTable() + " where "
                + schema.aggregateIdentifierColumn() + " = ? and " + schema.sequenceNumberColumn() + " = ?";
        this.eventsQuery = "select " + String.join(", ", schema.sequenceNumberColumn(), schema.eventIdentifierColumn(),
                schema.aggregateIdentifierColumn(), schema.payloadTypeColumn(), schema.timestampColumn(),
                schema.payloadColumn(), schema.metaDataColumn()) + " from " + schema.domainEventTable() + " where "
                + schema.aggregateIdentifierColumn() + " = ? order by " + schema.sequenceNumberColumn();
    }

    /** Every stored event of one aggregate, in sequence order. */
    List<StoredEvent> eventsOf(String aggregateIdentifier) {
        return jdbc.query(eventsQuery, (rs, n) -> new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getBytes(6), rs.getBytes(7)), aggregateIdentifier);
    }

    /**
     * The {@code hash} stored with an event. An event stored before the chain existed (or damaged) has none:
     * the new event then starts from the genesis value, and verification reports the older event.
     */
    @Override
    public String hashOf(String aggregateIdentifier, long sequenceNumber) {
        List<byte[]> found = jdbc.query(hashQuery, (rs, n) -> rs.getBytes(1), aggregateIdentifier, sequenceNumber);
        String hash = found.isEmpty() ? null : hashIn(found.get(0));
        if (hash == null) {
            log.warn("Sự kiện số {} của kế hoạch {} {}; sự kiện tiếp theo nối chuỗi từ giá trị khởi đầu", sequenceNumber,
                    aggregateIdentifier, found.isEmpty() ? "không có trong kho" : "không có mã băm");
            return EventContent.GENESIS;
        }
        return hash;
    }

    /** The {@code hash} stored with an event, or null when there is no such event or it has none. */
    String storedHash(String aggregateIdentifier, long sequenceNumber) {
        return hashIn(metaDataOf(aggregateIdentifier, sequenceNumber));
    }

    /** The stored metadata bytes of one event, or null when there is no such event. */
    byte[] metaDataOf(String aggregateIdentifier, long sequenceNumber) {
        List<byte[]> found = jdbc.query(hashQuery, (rs, n) -> rs.getBytes(1), aggregateIdentifier, sequenceNumber);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The {@code hash} in stored metadata, or null when it is absent or the metadata unreadable. */
    static String hashIn(byte[] metaData) {
        return textIn(metaData, EventContent.HASH);
    }

    static String textIn(byte[] metaData, String key) {
        if (metaData == null) return null;
        try {
            JsonNode value = CanonicalJson.parse(metaData).get(key);
            return value != null && value.isTextual() ? value.textValue() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
