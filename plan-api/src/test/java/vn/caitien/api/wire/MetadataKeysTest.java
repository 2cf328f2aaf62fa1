package vn.caitien.api.wire;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetadataKeysTest {

    @Test
    void eachKeyComesBackFromItsExtensionName() {
        assertThat(MetadataKeys.extensionName(MetadataKeys.CORRELATION_ID)).isEqualTo("correlationid");
        assertThat(MetadataKeys.extensionName("previous_Hash-2")).isEqualTo("previoushash2");
        for (String key : MetadataKeys.ALL) assertThat(MetadataKeys.metadataKey(MetadataKeys.extensionName(key))).isEqualTo(key);
    }

    @Test
    void anExtensionOfNoKnownKeyKeepsItsName() {
        assertThat(MetadataKeys.metadataKey("traceparent")).isEqualTo("traceparent");
        assertThat(MetadataKeys.metadataKey("actorId")).isEqualTo("actorId");
    }
}
