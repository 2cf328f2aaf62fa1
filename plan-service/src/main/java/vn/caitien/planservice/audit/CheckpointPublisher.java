package vn.caitien.planservice.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.caitien.api.chain.ChainCheckpoint;
import vn.caitien.api.chain.ChainKeys;
import vn.caitien.api.chain.TopicSeal;
import vn.caitien.api.wire.WireJson;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends checkpoints to {@link ChainCheckpoint#TOPIC}: keyed by plan id, the record as JSON (plan-api's wire
 * mapper), sealed with the topic key ({@link TopicSeal}) so the read services keep only plan-service's. Waits for
 * the broker's acknowledgement; what is not acknowledged stays unpublished in the table and is sent again.
 */
@Component
class CheckpointPublisher {
    private static final Logger log = LoggerFactory.getLogger(CheckpointPublisher.class);

    private final String bootstrapServers;
    private final TopicSeal seal;
    private final Duration ackTimeout;
    private Producer<String, byte[]> producer;

    CheckpointPublisher(@Value("${axon.kafka.bootstrap-servers}") String bootstrapServers, ChainKeys keys,
                        @Value("${caitien.publishing.ack-timeout:PT10S}") Duration ackTimeout) {
        this.bootstrapServers = bootstrapServers;
        this.seal = keys.topicSeal();
        this.ackTimeout = ackTimeout;
    }

    /** Whether Kafka acknowledged the checkpoint. */
    synchronized boolean publish(ChainCheckpoint checkpoint) {
        try {
            byte[] value = WireJson.mapper().writeValueAsBytes(checkpoint);
            producer().send(seal.seal(new ProducerRecord<>(ChainCheckpoint.TOPIC, checkpoint.planId(), value)))
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.warn("Kafka chưa nhận điểm kiểm của kế hoạch {} (sự kiện số {}); sẽ gửi lại: {}", checkpoint.planId(),
                    checkpoint.sequence(), e.toString());
            return false;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A checkpoint is always writable as JSON", e);
        }
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.CLIENT_ID_CONFIG, "plan-service-checkpoints", ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true", ProducerConfig.MAX_BLOCK_MS_CONFIG, "3000",
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000", ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "6000"),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) producer.close(Duration.ofSeconds(5));
    }
}
