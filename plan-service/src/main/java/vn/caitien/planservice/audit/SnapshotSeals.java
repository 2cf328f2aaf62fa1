package vn.caitien.planservice.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plan snapshot ({@code snapshot_event_entry}) carries in its metadata the {@code hash} of the last event it
 * covers and a {@code seal} over that hash and its own content:
 * <pre>
 * caitien.plan-snapshot.v1 \n planId \n sequence \n payloadType \n payloadRevision \n hash \n canonical payload JSON
 * </pre>
 * A snapshot whose seal fails (edited in SQL) or whose hash is not the stored event's at its sequence (the
 * events under it were rewritten) does not describe the plan's history and must never be loaded.
 */
@Component
class SnapshotSeals {
    static final String VERSION = "caitien.plan-snapshot.v1";

    enum State {
        VALID, UNSEALED, BAD_SEAL, HASH_MISMATCH
    }

    /** The latest stored snapshot of a plan and what its seal says. */
    record Checked(long sequence, State state) {
    }

    private final EventSeals seals;
    private final StoredEvents events;
    private final JdbcTemplate jdbc;
    private final String latestQuery;

    SnapshotSeals(EventSeals seals, StoredEvents events, JdbcTemplate jdbc, EventSchema schema) {
        this.seals = seals;
        this.events = events;
        this.jdbc = jdbc;
        this.latestQuery = "select " + String.join(", ", schema.sequenceNumberColumn(), schema.payloadTypeColumn(),
                schema.payloadRevisionColumn(), schema.payloadColumn(), schema.metaDataColumn()) + " from "
                + schema.snapshotTable() + " where " + schema.aggregateIdentifierColumn() + " = ? order by "
                + schema.sequenceNumberColumn() + " desc limit 1";
    }

    /** The metadata a new snapshot is stored with. */
    Map<String, String> metaDataFor(String planId, long sequence, String payloadType, String revision, byte[] payload) {
        String hash = orEmpty(events.storedHash(planId, sequence));
        return Map.of(EventContent.HASH, hash,
                EventContent.SEAL, seals.sealOf(sealedText(planId, sequence, payloadType, revision, hash, payload)));
    }

    /** As Axon's snapshot filter sees a stored snapshot. */
    State check(DomainEventData<?> snapshot) {
        return check(snapshot.getAggregateIdentifier(), snapshot.getSequenceNumber(), snapshot.getPayload().getType().getName(),
                snapshot.getPayload().getType().getRevision(), bytes(snapshot.getPayload().getData()),
                bytes(snapshot.getMetaData().getData()));
    }

    /** The plan's latest stored snapshot, checked, if it has one. */
    Optional<Checked> latestOf(String planId) {
        List<Checked> found = jdbc.query(latestQuery, (rs, n) -> new Checked(rs.getLong(1), check(planId, rs.getLong(1),
                rs.getString(2), rs.getString(3), rs.getBytes(4), rs.getBytes(5))), planId);
        return found.stream().findFirst();
    }

    State check(String planId, long sequence, String payloadType, String revision, byte[] payload, byte[] metaData) {
        JsonNode meta;
        try {
            meta = CanonicalJson.parse(metaData);
        } catch (IllegalArgumentException e) {
            return State.BAD_SEAL;
        }
        JsonNode seal = meta.get(EventContent.SEAL);
        JsonNode hash = meta.get(EventContent.HASH);
        if (seal == null || seal.isNull()) return State.UNSEALED;
        if (!seal.isTextual() || hash == null || !hash.isTextual()) return State.BAD_SEAL;
        String text;
        try {
            text = sealedText(planId, sequence, payloadType, revision, hash.textValue(), payload);
        } catch (IllegalArgumentException e) {
            return State.BAD_SEAL;
        }
        if (!seals.matches(text, seal.textValue())) return State.BAD_SEAL;
        return hash.textValue().equals(orEmpty(events.storedHash(planId, sequence))) ? State.VALID : State.HASH_MISMATCH;
    }

    private static String sealedText(String planId, long sequence, String payloadType, String revision, String hash,
                                     byte[] payload) {
        return String.join("\n", VERSION, planId, Long.toString(sequence), orEmpty(payloadType), orEmpty(revision), hash,
                CanonicalJson.of(payload));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static byte[] bytes(Object data) {
        if (data instanceof byte[] b) return b;
        return data == null ? null : data.toString().getBytes(StandardCharsets.UTF_8);
    }
}
