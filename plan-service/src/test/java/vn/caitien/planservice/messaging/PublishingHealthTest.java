package vn.caitien.planservice.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.caitien.api.chain.ChainKeys;
import vn.caitien.api.lag.StoreHead;
import vn.caitien.planservice.Api;
import vn.caitien.planservice.ApiTestSupport;
import vn.caitien.planservice.PlanBodies;
import vn.caitien.planservice.TestStack;
import vn.caitien.planservice.Tokens;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Publishing that stops is no longer silent (issue 12): with the Kafka publisher stopped while commands are stored,
 * health component {@code publishing} is DOWN with the reason, the lag gauges and the store head sent to the read
 * services count the waiting events; once it runs again everything is published and health is UP.
 */
class PublishingHealthTest extends ApiTestSupport {
    @LocalServerPort
    int port;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ChainKeys keys;

    @Test
    void aStoppedPublisherIsDownWithItsReasonAndItsLagIsCountedAgainstTheStoreHead() throws Exception {
        Api api = new Api(port);
        TrackingEventProcessor publisher = processing.eventProcessor(PublisherPosition.PROCESSOR,
                TrackingEventProcessor.class).orElseThrow();
        assertThat(api.send("POST", "/api/plans", PlanBodies.PLAN, tokenFor("/api/plans")).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> publishing(api).at("/status").asText().equals("UP"));

        publisher.shutDown();
        try {
            for (int i = 0; i < 3; i++) {
                assertThat(api.send("POST", "/api/plans", PlanBodies.PLAN, tokenFor("/api/plans")).status()).isEqualTo(201);
            }
            JsonNode down = await().atMost(Duration.ofSeconds(20)).until(() -> publishing(api),
                    h -> h.at("/status").asText().equals("DOWN") && h.at("/details/reason").asText().contains("đứng yên"));
            System.out.println("Publishing health with the publisher stopped: " + down);
            assertThat(down.at("/details/reason").asText()).contains("đã dừng").contains("3 sự kiện chưa phát");
            assertThat(down.at("/details/lagEvents").asLong()).isEqualTo(3);
            assertThat(down.at("/details/head").asLong() - down.at("/details/position").asLong()).isGreaterThanOrEqualTo(3);
            assertThat(down.at("/details/lagSeconds").asLong()).isGreaterThanOrEqualTo(1);
            // Anyone sees the overall status, DOWN now; the reason only an administrator.
            JsonNode anonymous = api.get("/actuator/health", null).body();
            assertThat(anonymous.at("/status").asText()).isEqualTo("DOWN");
            assertThat(anonymous.has("components")).as(anonymous.toString()).isFalse();
            String metrics = new String(api.get("/actuator/prometheus", null).raw().body(), StandardCharsets.UTF_8);
            assertThat(metrics).containsPattern("caitien_publishing_lag_events\\{[^}]*} 3\\.0")
                    .containsPattern("caitien_publishing_lag_seconds\\{[^}]*} [1-9]");
            StoreHead sent = lastStoreHead();
            assertThat(sent.unpublished()).isEqualTo(3);
            assertThat(sent.head()).isEqualTo(down.at("/details/head").asLong());
            assertThat(sent.oldestUnpublishedAt()).isNotNull();
        } finally {
            publisher.start();
        }

        JsonNode up = await().atMost(Duration.ofSeconds(30)).until(() -> publishing(api),
                h -> h.at("/status").asText().equals("UP") && h.at("/details/lagEvents").asLong(-1) == 0);
        assertThat(up.at("/details/position").asLong()).isEqualTo(up.at("/details/head").asLong());
        assertThat(up.has("/details/reason")).isFalse();
    }

    /** Health component "publishing" as an administrator sees it. */
    private static JsonNode publishing(Api api) throws Exception {
        return api.get("/actuator/health/publishing", Tokens.admin()).body();
    }

    /** The newest store head on its topic; only a record with plan-service's seal counts. */
    private StoreHead lastStoreHead() throws Exception {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", TestStack.get().kafka().bootstrapServers()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(StoreHead.TOPIC, 0);
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            consumer.seek(partition, Math.max(0, end - 1));
            var records = consumer.poll(Duration.ofSeconds(5));
            assertThat(records.isEmpty()).as("a store head on " + StoreHead.TOPIC).isFalse();
            ConsumerRecord<String, byte[]> record = records.iterator().next();
            assertThat(keys.topicSeal().isSealed(record)).as("sealed with the topic key").isTrue();
            return StoreHead.fromJson(record.value());
        }
    }
}
