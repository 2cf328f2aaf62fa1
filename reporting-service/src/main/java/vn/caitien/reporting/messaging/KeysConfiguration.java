package vn.caitien.reporting.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.caitien.api.chain.ChainKeys;

import java.security.PublicKey;

/**
 * Besides the topic key every read service checks seals with (vn.caitien.readside), this service checks
 * checkpoint signatures with plan-service's public key, from the same key files (caitien.keys.*).
 */
@Configuration
public class KeysConfiguration {

    /** plan-service's checkpoint signing key, public half. */
    @Bean
    PublicKey checkpointPublicKey(ChainKeys keys) { return keys.publicKey(); }
}
