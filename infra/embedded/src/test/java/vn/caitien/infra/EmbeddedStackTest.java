package vn.caitien.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

class EmbeddedStackTest {

    @Test
    void startsPostgresAndKafkaWithTheServiceTopicsAndStopsBoth() throws Exception {
        Path dataDir = TestDirectories.fresh("stack");
        StackSettings settings = new StackSettings(dataDir, 0, 0);
        int postgresPort;
        int kafkaPort;
        try (EmbeddedStack stack = EmbeddedStack.start(settings)) {
            postgresPort = stack.postgres().port();
            kafkaPort = stack.kafka().port();
            assertThat(stack.postgres().dataDirectory()).isEqualTo(dataDir.resolve("postgres"));
            assertThat(stack.kafka().dataDirectory()).isEqualTo(dataDir.resolve("kafka"));

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    stack.kafka().bootstrapServers()))) {
                Map<String, TopicDescription> topics = admin
                        .describeTopics(List.of(Topics.PLAN_EVENTS, Topics.PLAN_PROGRESS, Topics.PLAN_CHECKPOINTS,
                                Topics.PLAN_STORE_HEAD))
                        .allTopicNames().get(30, TimeUnit.SECONDS);
                assertThat(topics.get(Topics.PLAN_EVENTS).partitions()).hasSize(3);
                assertThat(topics.get(Topics.PLAN_PROGRESS).partitions()).hasSize(3);
                assertThat(topics.get(Topics.PLAN_CHECKPOINTS).partitions()).hasSize(3);
                assertThat(topics.get(Topics.PLAN_STORE_HEAD).partitions()).hasSize(1);
                assertThat(topicConfig(admin, Topics.PLAN_STORE_HEAD).get("cleanup.policy").value()).isEqualTo("compact");
                assertThat(topicConfig(admin, Topics.PLAN_CHECKPOINTS).get("retention.ms").value()).isEqualTo("-1");

                Config events = topicConfig(admin, Topics.PLAN_EVENTS);
                assertThat(events.get("retention.ms").value()).isEqualTo("-1");
                assertThat(events.get("cleanup.policy").value()).isEqualTo("delete");
                Config progress = topicConfig(admin, Topics.PLAN_PROGRESS);
                assertThat(progress.get("cleanup.policy").value()).isEqualTo("compact");
            }

            try (Connection connection = DriverManager.getConnection(
                    stack.postgres().jdbcUrl(EmbeddedPostgresServer.DEFAULT_DATABASE), "postgres", "");
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT current_database()")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("caitien");
            }
        }
        assertThat(Postmaster.running(dataDir.resolve("postgres"))).as("PostgreSQL stopped").isEmpty();
        assertThat(FreePorts.isFree(postgresPort)).as("PostgreSQL port released").isTrue();
        assertThat(FreePorts.isFree(kafkaPort)).as("Kafka port released").isTrue();

        // a second start on the same data keeps the topics (creation is idempotent)
        try (EmbeddedStack stack = EmbeddedStack.start(new StackSettings(dataDir, postgresPort, kafkaPort));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     stack.kafka().bootstrapServers()))) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .containsExactlyInAnyOrder(Topics.PLAN_EVENTS, Topics.PLAN_PROGRESS, Topics.PLAN_CHECKPOINTS,
                            Topics.PLAN_STORE_HEAD);
        }
    }

    private static Config topicConfig(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
    }
}
