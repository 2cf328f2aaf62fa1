package vn.caitien.planservice.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.caitien.api.chain.ChainKeys;
import vn.caitien.api.chain.TopicSeal;

/**
 * The seal every record on the plan events topic carries (header {@value TopicSeal#HEADER}): the read
 * services refuse records without it, so only plan-service's publisher can put events before them.
 * The topic key is a file in {@code caitien.keys.dir} (docs/security.md).
 */
@Configuration
public class TopicSealConfiguration {

    @Bean
    TopicSeal topicSeal(ChainKeys keys) {
        return keys.topicSeal();
    }
}
