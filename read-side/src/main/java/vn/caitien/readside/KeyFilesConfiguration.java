package vn.caitien.readside;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.caitien.api.chain.ChainKeys;
import vn.caitien.api.chain.TopicSeal;

import java.nio.file.Path;

/**
 * The installation's key files ({@code caitien.keys.dir}, {@code caitien.keys.create-missing}) as beans for the
 * read services, which ask only for the keys they have business holding (the topic seal; reporting also
 * plan-service's public checkpoint key). The topic seal is read at start-up, so a missing key file (production)
 * stops the service instead of refusing every event.
 */
@Configuration(proxyBeanMethods = false)
class KeyFilesConfiguration {

    @Bean
    ChainKeys chainKeys(@Value("${caitien.keys.dir}") Path dir, @Value("${caitien.keys.create-missing:true}") boolean createMissing) {
        return new ChainKeys(dir, createMissing);
    }

    @Bean
    TopicSeal topicSeal(ChainKeys keys) {
        return keys.topicSeal();
    }
}
