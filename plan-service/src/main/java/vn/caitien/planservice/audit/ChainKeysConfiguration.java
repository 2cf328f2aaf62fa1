package vn.caitien.planservice.audit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.caitien.api.chain.ChainKeys;

import java.nio.file.Path;

/**
 * The key files that make the chain tamper-evident outside the database ({@code caitien.keys.dir}). Every key
 * plan-service holds is read at start-up, so a missing or unreadable file (production mounts them and sets
 * {@code caitien.keys.create-missing=false}) stops the service before it stores an event it cannot seal.
 */
@Configuration
class ChainKeysConfiguration {

    @Bean
    ChainKeys chainKeys(@Value("${caitien.keys.dir}") Path dir,
                        @Value("${caitien.keys.create-missing:true}") boolean createMissing) {
        ChainKeys keys = new ChainKeys(dir, createMissing);
        keys.sealKey();
        keys.topicSeal();
        keys.signingKeys();
        return keys;
    }

    @Bean
    EventSeals eventSeals(ChainKeys keys) {
        return new EventSeals(keys.sealKey());
    }
}
