package vn.caitien.api.chain;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChainKeysTest {
    @TempDir
    Path dir;

    @Test
    void a_secret_file_is_created_once_and_read_back_the_same() {
        byte[] first = KeyFiles.loadOrCreateSecret(dir.resolve("keys/topic.key"));
        byte[] again = KeyFiles.loadOrCreateSecret(dir.resolve("keys/topic.key"));
        assertThat(first).hasSize(32).isEqualTo(again);
        assertThat(KeyFiles.loadOrCreateSecret(dir.resolve("keys/other.key"))).isNotEqualTo(first);
    }

    @Test
    void a_checkpoint_verifies_only_with_its_key_and_unchanged() {
        KeyPair keys = KeyFiles.loadOrCreateSigningKeys(dir.resolve("cp.key"), dir.resolve("cp.pub"));
        KeyPair reloaded = KeyFiles.loadOrCreateSigningKeys(dir.resolve("cp.key"), dir.resolve("cp.pub"));
        KeyPair other = KeyFiles.loadOrCreateSigningKeys(dir.resolve("x.key"), dir.resolve("x.pub"));
        ChainCheckpoint signed = new ChainCheckpoint("plan-1", 7, "ab".repeat(32), Instant.parse("2024-01-15T03:00:00Z"),
                ChainCheckpoint.PERIODIC, null, null).signedWith(keys.getPrivate(), KeyFiles.keyId(keys.getPublic()));

        assertThat(signed.isSignedBy(reloaded.getPublic())).isTrue();
        assertThat(signed.isSignedBy(other.getPublic())).isFalse();
        assertThat(new ChainCheckpoint("plan-1", 6, signed.hash(), signed.createdAt(), signed.reason(), signed.keyId(),
                signed.signature()).isSignedBy(keys.getPublic())).isFalse();
        assertThat(new ChainCheckpoint("plan-1", 7, "cd".repeat(32), signed.createdAt(), signed.reason(), signed.keyId(),
                signed.signature()).isSignedBy(keys.getPublic())).isFalse();
        assertThat(new ChainCheckpoint("plan-1", 7, signed.hash(), signed.createdAt(), signed.reason(), signed.keyId(),
                "not base64!").isSignedBy(keys.getPublic())).isFalse();
    }

    @Test
    void a_record_is_sealed_only_with_the_topic_key_and_its_own_bytes() {
        TopicSeal seal = new TopicSeal(KeyFiles.loadOrCreateSecret(dir.resolve("topic.key")));
        TopicSeal otherKey = new TopicSeal(KeyFiles.loadOrCreateSecret(dir.resolve("forger.key")));
        byte[] value = "{\"id\":\"e-1\"}".getBytes(StandardCharsets.UTF_8);
        ProducerRecord<String, byte[]> sent = seal.seal(new ProducerRecord<>("t", "k", value));

        assertThat(seal.isSealed(received(sent, value))).isTrue();
        assertThat(seal.isSealed(received(otherKey.seal(new ProducerRecord<>("t", "k", value)), value))).isFalse();
        assertThat(seal.isSealed(received(sent, "{\"id\":\"e-2\"}".getBytes(StandardCharsets.UTF_8)))).isFalse();
        assertThat(seal.isSealed(new ConsumerRecord<>("t", 0, 0, "k", value))).isFalse();
    }

    @Test
    void a_short_or_malformed_key_is_refused() {
        assertThatThrownBy(() -> new TopicSeal(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    private static ConsumerRecord<String, byte[]> received(ProducerRecord<String, byte[]> sent, byte[] value) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("t", 0, 0, "k", value);
        sent.headers().forEach(h -> record.headers().add(h));
        return record;
    }
}
