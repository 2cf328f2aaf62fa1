package vn.caitien.planservice.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import vn.caitien.api.chain.ChainKeys;
import vn.caitien.api.chain.KeyFilesConfiguration;

/**
 * The key files that make the chain tamper-evident outside the database ({@code caitien.keys.dir}). Every key
 * plan-service holds is read at start-up, so a missing or unreadable file (production mounts them and sets
 * {@code caitien.keys.create-missing=false}) stops the service before it stores an event it cannot seal.
 */
@Configuration
@Import(KeyFilesConfiguration.class)
class ChainKeysConfiguration {

    @Bean
    EventSeals eventSeals(ChainKeys keys) {
        keys.signingKeys();
        return new EventSeals(keys.sealKey());
    }
}
