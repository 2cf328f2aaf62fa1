package vn.caitien.monitoring.messaging;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.caitien.api.chain.ChainKeys;
import vn.caitien.api.chain.TopicSeal;

import java.nio.file.Path;

/** The installation's key files (caitien.keys.*): this service needs only the topic key, to check seals. */
@Configuration
public class KeysConfiguration {

    @Bean
    ChainKeys chainKeys(@Value("${caitien.keys.dir}") Path dir, @Value("${caitien.keys.create-missing}") boolean createMissing) {
        return new ChainKeys(dir, createMissing);
    }

    /** Read at start-up: a missing key file (production) stops the service instead of refusing every event. */
    @Bean
    TopicSeal topicSeal(ChainKeys keys) { return keys.topicSeal(); }
}
