package vn.caitien.api.chain;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/**
 * The installation's key files ({@code caitien.keys.dir}, {@code caitien.keys.create-missing}) as beans, for
 * every service: each imports this class ({@code @Import(KeyFilesConfiguration.class)}) and asks only for the
 * keys it has business holding. The topic seal is read at start-up, so a missing key file (production)
 * stops the service instead of refusing, or being unable to seal, every event.
 */
@Configuration(proxyBeanMethods = false)
public class KeyFilesConfiguration {

    @Bean
    ChainKeys chainKeys(@Value("${caitien.keys.dir}") Path dir, @Value("${caitien.keys.create-missing:true}") boolean createMissing) {
        return new ChainKeys(dir, createMissing);
    }

    @Bean
    TopicSeal topicSeal(ChainKeys keys) {
        return keys.topicSeal();
    }
}
