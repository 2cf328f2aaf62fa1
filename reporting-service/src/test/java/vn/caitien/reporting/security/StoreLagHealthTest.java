package vn.caitien.reporting.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.caitien.api.chain.TopicSeal;
import vn.caitien.api.lag.StoreHead;
import vn.caitien.reporting.TestStack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reporting processor's health measures its lag against plan-service's event store, not only the topic
 * (issue 12: "monitoring reports lag 0" while the publisher was dead): a store head ahead of everything on the
 * topic, not moving, turns component eventProcessing DOWN with the reason and the store-lag gauges up; a head
 * without plan-service's seal is not believed; once the store head is caught up the component is UP again.
 */
class StoreLagHealthTest extends ApiTestSupport {
    @Autowired
    TopicSeal seal;

    @Test
    void aStoreAheadOfWhatWasAppliedAndNotMovingIsDownWithTheReason() throws Exception {
        leDinhChinh();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", TestStack.get().kafka().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            Instant oldest = Instant.now().minusSeconds(30);
            JsonNode down = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
                send(producer, new StoreHead(5000, 4990, 10, oldest, Instant.now()), true);
                return processing();
            }, h -> h.at("/status").asText().equals("DOWN"));
            System.out.println("Reporting processor with the store ahead: " + down);
            assertThat(down.at("/details/reason").asText())
                    .contains("10 sự kiện chưa được plan-service phát lên Kafka").contains("dữ liệu ở đây đang cũ");
            assertThat(down.at("/details/storeLag").asLong()).isGreaterThanOrEqualTo(10);
            assertThat(down.at("/details/storeHead").asLong()).isEqualTo(5000);
            assertThat(down.at("/details/storeLagSeconds").asLong()).isGreaterThanOrEqualTo(30);
            String metrics = new String(get("/actuator/prometheus", null).body(), StandardCharsets.UTF_8);
            assertThat(metrics).containsPattern("caitien_store_lag_events\\{[^}]*} [1-9]")
                    .containsPattern("caitien_store_lag_seconds\\{[^}]*} [1-9]");

            // Anyone who can write to Kafka could claim the store is caught up; without the seal it is not believed.
            send(producer, new StoreHead(5000, 5000, 0, null, Instant.now()), false);
            JsonNode forged = await().atMost(Duration.ofSeconds(10)).until(this::processing,
                    h -> h.at("/details/refusedStoreHeads").asLong() >= 1);
            assertThat(forged.at("/status").asText()).isEqualTo("DOWN");

            send(producer, new StoreHead(5000, 5000, 0, null, Instant.now()), true);
            JsonNode up = await().atMost(Duration.ofSeconds(20)).until(this::processing,
                    h -> h.at("/status").asText().equals("UP"));
            assertThat(up.at("/details/storeLag").asLong()).isEqualTo(up.at("/details/lag").asLong());
            assertThat(up.has("/details/reason")).isFalse();
        }
    }

    private void send(KafkaProducer<String, byte[]> producer, StoreHead head, boolean sealed) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(StoreHead.TOPIC, 0, StoreHead.KEY, head.toJson());
        producer.send(sealed ? seal.seal(record) : record).get(5, TimeUnit.SECONDS);
    }

    private JsonNode processing() {
        return json(get("/actuator/health/eventProcessing", TestCallers.all().stream().filter(TestCallers.Who::admin)
                .findFirst().orElseThrow().token()));
    }
}
