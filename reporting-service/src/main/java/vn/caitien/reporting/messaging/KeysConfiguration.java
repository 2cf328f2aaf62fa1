package vn.caitien.reporting.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import vn.caitien.api.chain.ChainKeys;
import vn.caitien.api.chain.KeyFilesConfiguration;

import java.security.PublicKey;

/**
 * The installation's key files (caitien.keys.*): this service checks seals with the topic key and
 * checkpoint signatures with plan-service's public key.
 */
@Configuration
@Import(KeyFilesConfiguration.class)
public class KeysConfiguration {

    /** plan-service's checkpoint signing key, public half. */
    @Bean
    PublicKey checkpointPublicKey(ChainKeys keys) { return keys.publicKey(); }
}
