package vn.caitien.monitoring.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.Utils;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import vn.caitien.infra.SharedTestStack;
import vn.caitien.monitoring.support.Api;
import vn.caitien.monitoring.support.Users;
import vn.caitien.readside.deadletter.DeadLetters;
import vn.caitien.readside.lag.TopicPositions;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bulk rebuild against the real PostgreSQL and Kafka, in a monitoring service of the test class's
 * own: each subclass registers its {@link OwnTopic} and hands it to a {@code @DynamicPropertySource}
 * method of its own (which gives it a Spring context of its own), so its plans and the records it leaves
 * on its topic stay out of the other classes' read model.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class RebuildOnOwnTopic {
    static final Instant T = Instant.parse("2024-01-01T00:00:00.123456789Z");
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final int PARTITIONS = 3;
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TopicPositions positions;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    DeadLetters deadLetters;
    Api api;

    /**
     * The schema and the topics (events in, plans' summaries out) of one test class, registered as its
     * extension: creates the topics before the class's tests and holds a publisher onto the events topic
     * while they run.
     */
    static final class OwnTopic implements BeforeAllCallback, AfterAllCallback {
        private final String schema;
        private final String topic;
        private final String progressTopic;
        private ScriptedEvents script;

        OwnTopic(String schema, String topic, String progressTopic) {
            this.schema = schema;
            this.topic = topic;
            this.progressTopic = progressTopic;
        }

        /** For the class's {@code @DynamicPropertySource}: a service on this schema and these topics. */
        void register(DynamicPropertyRegistry registry) {
            SharedTestStack.serviceProperties(schema).forEach(registry::add);
            registry.add("spring.flyway.schemas", () -> schema);
            registry.add("axon.kafka.default-topic", () -> topic);
            registry.add("caitien.progress-topic", () -> progressTopic);
        }

        ScriptedEvents script() { return script; }

        @Override
        public void beforeAll(ExtensionContext context) throws Exception {
            String bootstrap = SharedTestStack.stack().kafka().bootstrapServers();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1),
                        new NewTopic(progressTopic, PARTITIONS, (short) 1))).all().get();
            }
            script = new ScriptedEvents(bootstrap, topic);
        }

        @Override
        public void afterAll(ExtensionContext context) { script.close(); }
    }

    @BeforeEach
    void api() { api = new Api(port); }

    /** Starts a rebuild as the administrator and waits until it is no longer running. */
    JsonNode rebuild() {
        Api.Response started = api.send("POST", "/api/admin/rebuild", Users.ADMIN.token());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode done = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/admin/rebuild", Users.ADMIN.token()).json(),
                        s -> !"RUNNING".equals(s.get("state").asText()));
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("DONE");
        return done;
    }

    List<String> constraints() {
        return jdbc.queryForList("""
                select conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
                where conrelid in ('plan_progress'::regclass, 'item_progress'::regclass, 'report_submission'::regclass)
                order by 1""", String.class);
    }

    /** Waits until the processor has marked each of the events applied. */
    void awaitMarked(Collection<String> ids) {
        String[] wanted = ids.toArray(String[]::new);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.queryForObject(
                "select count(*) from processed_event where processor_name = 'monitoring' and event_id = any(?)",
                Long.class, (Object) wanted) == wanted.length);
    }

    /** How many dead letters the plan has now. */
    long deadLettersOf(String plan) {
        return deadLetters.list().stream().filter(letter -> letter.planId().equals(plan)).count();
    }

    /** Plan ids whose records land on each partition of the topic (Kafka's default partitioner: murmur2 of the key). */
    static List<String> onePlanPerPartition(String prefix) {
        List<String> plans = new ArrayList<>();
        Set<Integer> covered = new HashSet<>();
        for (int i = 0; covered.size() < PARTITIONS; i++) {
            String plan = prefix + "-" + i;
            int partition = Utils.toPositive(Utils.murmur2(plan.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
            if (covered.add(partition)) plans.add(plan);
        }
        return plans;
    }
}
