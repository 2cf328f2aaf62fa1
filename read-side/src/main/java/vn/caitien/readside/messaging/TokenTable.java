package vn.caitien.readside.messaging;

import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;

/**
 * A read service keeps its processor's position (Kafka offsets) in the snake_case {@code token_entry} table of the
 * shared migration V1 (db/readside): Axon's defaults are camelCase names PostgreSQL would fold.
 */
public final class TokenTable {
    private TokenTable() {
    }

    public static TokenSchema schema() {
        return TokenSchema.builder().setTokenTable("token_entry").setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment").setTokenColumn("token").setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp").setOwnerColumn("owner").build();
    }
}
