package vn.caitien.readside.messaging;

import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;

/**
 * Every service keeps its processors' positions in a snake_case {@code token_entry} table created
 * by its own Flyway migration (Axon's defaults are camelCase names PostgreSQL would fold).
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
