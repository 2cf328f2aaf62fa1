package vn.caitien.planservice.messaging;

import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.caitien.api.wire.TokenTable;

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

    @Bean
    TokenSchema tokenSchema() { return TokenTable.schema(); }
}
