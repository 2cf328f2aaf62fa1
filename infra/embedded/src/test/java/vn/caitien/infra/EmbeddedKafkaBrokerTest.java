package vn.caitien.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaBrokerTest {

    private static final String TOPIC = "caitien.test.records";

    @Test
    void recordsSurviveStopAndStartOnTheSamePort() throws Exception {
        Path data = TestDirectories.fresh("kafka-restart").resolve("kafka");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDirectory(data).start()) {
            int port = broker.port();
            String clusterId = broker.clusterId();
            assertThat(broker.bootstrapServers()).isEqualTo("localhost:" + port);
            broker.createTopic(TOPIC, 2, Map.of());
            broker.createTopic(TOPIC, 2, Map.of()); // idempotent

            try (KafkaProducer<String, String> producer = KafkaTestClients.idempotentProducer(broker.bootstrapServers())) {
                for (int i = 1; i <= 3; i++) {
                    KafkaTestClients.send(producer, TOPIC, "plan-" + i, "trước-" + i);
                }
                assertThat(KafkaTestClients.readValues(broker.bootstrapServers(), TOPIC, 3))
                        .containsExactlyInAnyOrder("trước-1", "trước-2", "trước-3");

                broker.stop(); // simulated outage
                assertThat(broker.isRunning()).isFalse();
                assertThat(FreePorts.isFree(port)).as("listener closed during the outage").isTrue();

                broker.start();
                assertThat(broker.port()).isEqualTo(port);
                assertThat(broker.clusterId()).isEqualTo(clusterId);
                // the producer from before the outage reconnects by itself
                KafkaTestClients.send(producer, TOPIC, "plan-4", "sau-4");
            }
            try (KafkaProducer<String, String> producer = KafkaTestClients.idempotentProducer(broker.bootstrapServers())) {
                KafkaTestClients.send(producer, TOPIC, "plan-5", "sau-5");
            }
            assertThat(KafkaTestClients.readValues(broker.bootstrapServers(), TOPIC, 5))
                    .containsExactlyInAnyOrder("trước-1", "trước-2", "trước-3", "sau-4", "sau-5");
        }
    }

    @Test
    void aNewBrokerOnTheSameDirectoryKeepsClusterTopicsAndRecords() throws Exception {
        Path data = TestDirectories.fresh("kafka-reopen").resolve("kafka");
        String clusterId;
        int port;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDirectory(data).start()) {
            clusterId = broker.clusterId();
            port = broker.port();
            broker.createTopic(TOPIC, 1, Map.of());
            try (KafkaProducer<String, String> producer = KafkaTestClients.idempotentProducer(broker.bootstrapServers())) {
                KafkaTestClients.send(producer, TOPIC, "k", "giữ lại");
            }
        }
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDirectory(data).port(port).start()) {
            assertThat(broker.clusterId()).isEqualTo(clusterId);
            assertThat(KafkaTestClients.readValues(broker.bootstrapServers(), TOPIC, 1)).containsExactly("giữ lại");
        }
    }

    @Test
    void createsTopicsWithTheRequestedPartitionsAndConfigs() throws Exception {
        Path data = TestDirectories.fresh("kafka-topics").resolve("kafka");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDirectory(data).start();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            broker.createTopic("caitien.test.compacted", 4, Map.of("cleanup.policy", "compact"));
            TopicDescription description = admin.describeTopics(List.of("caitien.test.compacted"))
                    .allTopicNames().get(30, TimeUnit.SECONDS).get("caitien.test.compacted");
            assertThat(description.partitions()).hasSize(4);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "caitien.test.compacted");
            Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
            // auto-creation is off: a typo in a topic name must not silently create a topic
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).containsExactly("caitien.test.compacted");
        }
    }

    @Test
    void refusesAFixedPortThatIsTaken() throws Exception {
        Path data = TestDirectories.fresh("kafka-busy").resolve("kafka");
        try (ServerSocket occupant = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDirectory(data)
                    .port(occupant.getLocalPort()).build();
            assertThatThrownBy(broker::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Cổng " + occupant.getLocalPort());
            assertThat(broker.isRunning()).isFalse();
            broker.close();
        }
    }
}
