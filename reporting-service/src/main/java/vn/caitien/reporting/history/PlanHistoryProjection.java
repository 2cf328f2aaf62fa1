package vn.caitien.reporting.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import vn.caitien.api.wire.EventTypes;
import vn.caitien.api.wire.MetadataKeys;
import vn.caitien.api.wire.WireJson;
import vn.caitien.readside.messaging.QueuedWrites;
import vn.caitien.reporting.messaging.ConsumerConfiguration;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;

/**
 * Appends every plan event, whatever its type, to the plan's history, with its chain hashes: this service's
 * own copy of the chain. The chain guard lets through only the event that extends the plan's chain, so a
 * row is never replaced; a second row for the same sequence would be refused and parked, not dropped. The row
 * goes with the rest of the processor's batch ({@link QueuedWrites}).
 */
@Component
@ProcessingGroup(ConsumerConfiguration.PROCESSOR)
public class PlanHistoryProjection {
    private final QueuedWrites writes;

    public PlanHistoryProjection(QueuedWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message) throws JsonProcessingException {
        LocalDate effective = EventDescriptions.effectiveDate(event);
        writes.update("""
                insert into plan_event (plan_id, sequence, event_id, type, effective_date, recorded_at, actor,
                                        actor_id, correlation_id, description, payload, hash, previous_hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)""",
                message.getAggregateIdentifier(), message.getSequenceNumber(), message.getIdentifier(),
                EventTypes.shortName(event.getClass()), effective == null ? null : Date.valueOf(effective),
                Timestamp.from(message.getTimestamp()), (String) message.getMetaData().get(MetadataKeys.ACTOR),
                (String) message.getMetaData().get(MetadataKeys.ACTOR_ID),
                (String) message.getMetaData().get(MetadataKeys.CORRELATION_ID), EventDescriptions.describe(event),
                WireJson.mapper().writeValueAsString(event), (String) message.getMetaData().get(MetadataKeys.HASH),
                (String) message.getMetaData().get(MetadataKeys.PREVIOUS_HASH));
    }
}
