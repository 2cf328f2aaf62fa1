package vn.caitien.planservice.messaging;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.sql.SQLException;

/** The event store's tables as the Flyway migration V1 creates them, in snake_case. */
@Configuration
public class EventStoreConfiguration {

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder().eventTable("domain_event_entry").snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index").eventIdentifierColumn("event_identifier")
                .metaDataColumn("meta_data").payloadColumn("payload").payloadRevisionColumn("payload_revision")
                .payloadTypeColumn("payload_type").timestampColumn("time_stamp")
                .aggregateIdentifierColumn("aggregate_identifier").sequenceNumberColumn("sequence_number")
                .typeColumn("type").build();
    }

    /** The publisher's position, in the token_entry table of migration V1. */
    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder().setTokenTable("token_entry").setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment").setTokenColumn("token").setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp").setOwnerColumn("owner").build();
    }

    /**
     * Two writers appending the same sequence number of a plan (another instance came first) hit the
     * unique key: PostgreSQL says 23505. Recognised here, Axon reports a ConcurrencyException (409 with the
     * current version, or a retry for progress) and, for a plan's first event, AggregateStreamCreationException
     * (the plan id is taken), instead of a store failure.
     */
    @Bean
    PersistenceExceptionResolver duplicateAppends() {
        return exception -> {
            for (Throwable t = exception; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) return true;
            }
            return false;
        };
    }
}
