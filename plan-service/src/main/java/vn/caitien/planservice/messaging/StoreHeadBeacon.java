package vn.caitien.planservice.messaging;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.caitien.api.chain.TopicSeal;
import vn.caitien.api.lag.StoreHead;

import java.time.Duration;
import java.util.Map;

/**
 * Sends the store's head and the publisher's position ({@link StoreHead}) to the read services, sealed with the
 * topic key, with a producer of its own: it goes on telling them how far the store goes while the event
 * publisher is stuck. Best effort: when Kafka is away nothing is sent and the read services see the head age.
 */
final class StoreHeadBeacon implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StoreHeadBeacon.class);
    private final KafkaProducer<String, byte[]> producer;
    private final TopicSeal seal;

    StoreHeadBeacon(String bootstrap, TopicSeal seal) {
        this.seal = seal;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.CLIENT_ID_CONFIG, "plan-service-store-head", ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false", ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 4000,
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer());
    }

    void send(StoreHead head) {
        try {
            producer.send(seal.seal(new ProducerRecord<>(StoreHead.TOPIC, 0, StoreHead.KEY, head.toJson())), (m, e) -> {
                if (e != null) log.debug("Chưa gửi được vị trí kho sự kiện: {}", e.getMessage());
            });
        } catch (RuntimeException e) {
            log.debug("Chưa gửi được vị trí kho sự kiện: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
    }
}
