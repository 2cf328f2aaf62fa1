package vn.caitien.planservice.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.beans.factory.annotation.Value;
import vn.caitien.api.chain.ChainKeys;
import vn.caitien.api.chain.TopicSeal;

import java.nio.file.Path;

/**
 * The key files that make the chain tamper-evident outside the database ({@code caitien.keys.dir}). Every key
 * plan-service holds is read at start-up, so a missing or unreadable file (production mounts them and sets
 * {@code caitien.keys.create-missing=false}) stops the service before it stores an event it cannot seal.
 */
@Configuration
class ChainKeysConfiguration {

    @Bean
    ChainKeys chainKeys(@Value("${caitien.keys.dir}") Path dir, @Value("${caitien.keys.create-missing:true}") boolean createMissing) {
        return new ChainKeys(dir, createMissing);
    }

    @Bean
    TopicSeal topicSeal(ChainKeys keys) {
        return keys.topicSeal();
    }

    @Bean
    EventSeals eventSeals(ChainKeys keys) {
        keys.signingKeys();
        return new EventSeals(keys.sealKey());
    }
}
