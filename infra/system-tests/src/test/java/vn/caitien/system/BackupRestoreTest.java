package vn.caitien.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import vn.caitien.infra.Topics;
import vn.caitien.system.CommandClient.Command;
import vn.caitien.system.CommandClient.Kind;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Disaster recovery as docs/operations.md describes it, with the scripts it names: back up the event
 * store with {@code infra/backup.sh} (pg_dump), lose it and the Kafka topic, restore with
 * {@code infra/restore.sh --republish --reset-read-models}, start the services on the restored store
 * with empty read models — and get the same plans, progress, histories and reports back, an intact
 * hash chain, remembered Idempotency-Key answers, and a system that takes new commands.
 */
@Order(2)
class BackupRestoreTest {
    private static final Path INFRA = Path.of("..").toAbsolutePath().normalize();

    @Test
    void aDumpOfTheEventStoreRestoresEveryPlanAndRebuildsTheReadModels() throws Exception {
        try (IsolatedSystem system = IsolatedSystem.start("backup")) {
            CommandClient client = new CommandClient(URI.create("http://localhost:" + system.plan.port()),
                    Duration.ofSeconds(20), Duration.ofSeconds(60));
            List<String> plans = new ArrayList<>();
            Map<String, List<String>> items = new TreeMap<>();
            for (int p = 0; p < 3; p++) plans.add(setUp(client, system.tokens, new Random(p), items));
            String admin = system.tokens.admin();
            Map<String, EventStore.PlanEvents> before;
            try (Connection db = system.connect("plan")) {
                before = EventStore.eventsByPlan(db);
                CatchUp.awaitPublished(system, new HashSet<>(EventStore.eventIds(db)), Duration.ofSeconds(60));
            }
            CatchUp.awaitConsumed(system.monitoring, system.reporting, before, admin, Duration.ofSeconds(60));
            ReadModels original = ReadModels.capture(system.monitoring, system.reporting, plans, admin);
            Map<String, JsonNode> planViews = planViews(system, plans);
            Map<String, JsonNode> chains = chains(system, plans);

            // Back up while the system runs, then lose the event store and the topic (services down).
            Path dump = Files.createDirectories(Path.of("target", "backups")).resolve("plan-" + System.nanoTime() + ".dump");
            String backup = script(system, "backup.sh", dump.toString());
            assertThat(dump).exists();
            assertThat(backup).contains("Đã sao lưu");
            for (ManagedService s : List.of(system.plan, system.monitoring, system.reporting)) s.close();
            try (Connection db = system.connect(null); Statement s = db.createStatement()) {
                s.execute("drop schema plan cascade");
            }
            recreateTopic(system);
            assertThat(TopicRecords.readAll(system.stack.kafka().bootstrapServers(), Topics.PLAN_EVENTS)).isEmpty();

            // Restore into the database without it; plan-service republishes, the read services rebuild.
            long stored = before.values().stream().mapToLong(EventStore.PlanEvents::count).sum();
            String restore = script(system, "restore.sh", dump.toString(), "--republish", "--reset-read-models");
            assertThat(restore).contains("Đã khôi phục " + stored + " sự kiện");
            try (Connection db = system.connect(null); Statement s = db.createStatement();
                 var schemas = s.executeQuery("select count(*) from information_schema.schemata "
                         + "where schema_name in ('monitoring', 'reporting')")) {
                schemas.next();
                assertThat(schemas.getInt(1)).as("read models dropped for a rebuild").isZero();
            }
            assertThat(script(system, "restore.sh", dump.toString(), "--expect-failure"))
                    .as("a restore over an existing schema is refused").contains("đã có lược đồ plan");
            assertThat(script(system, "restore.sh", dump.toString(), "--replace", "--republish"))
                    .as("unless asked to replace it").contains("Đã khôi phục " + stored + " sự kiện");
            for (ManagedService s : List.of(system.plan, system.monitoring, system.reporting)) s.restart();
            try (Connection db = system.connect("plan")) {
                assertThat(EventStore.eventsByPlan(db)).isEqualTo(before);
                CatchUp.awaitPublished(system, new HashSet<>(EventStore.eventIds(db)), Duration.ofSeconds(90));
            }
            CatchUp.awaitConsumed(system.monitoring, system.reporting, before, admin, Duration.ofSeconds(90));

            original.assertSameAs(ReadModels.capture(system.monitoring, system.reporting, plans, admin),
                    "before the backup vs rebuilt after the restore");
            assertThat(planViews(system, plans)).isEqualTo(planViews);
            assertThat(chains(system, plans)).as("hash chains, head hashes included").isEqualTo(chains);
            chains.values().forEach(chain -> assertThat(chain.get("intact").asBoolean()).isTrue());

            // The remembered answers came back too: a late retry of a command from before the backup is
            // answered as the first time and stores nothing.
            Command early = client.ledger().stream().filter(c -> c.kind == Kind.ADD_ITEM).findFirst().orElseThrow();
            HttpResponse<String> replay = client.resend(early, system.tokens.principal());
            assertThat(replay.statusCode()).isEqualTo(early.status);
            assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
            assertThat(Http.json(replay.body().getBytes(StandardCharsets.UTF_8))).isEqualTo(early.body);

            // And the restored system goes on: a new command is stored after the restored events and shown.
            String planId = plans.get(0);
            Command next = client.send(Kind.RECORD_PROGRESS, planId, "/api/plans/" + planId + "/items/"
                    + items.get(planId).get(0) + "/progress", system.tokens.monitor(),
                    SamplePlan.progress("HOAN_THANH", 100, "2024-04-20"));
            assertThat(next.status).as(next.toString()).isEqualTo(201);
            try (Connection db = system.connect("plan")) {
                assertThat(EventStore.eventsByPlan(db).get(planId).count()).isEqualTo(before.get(planId).count() + 1);
                assertThat(EventStore.eventsByPlan(db).get(planId).contiguous()).isTrue();
            }
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> ReadModels.get(system.reporting.uri("/api/plans/" + planId + "/history"), admin),
                            h -> h.size() == before.get(planId).count() + 1);
            System.out.printf("Sao lưu/khôi phục: %d sự kiện của %d kế hoạch, %d byte; mô hình đọc dựng lại bằng bản gốc%n",
                    before.values().stream().mapToLong(EventStore.PlanEvents::count).sum(), plans.size(), Files.size(dump));
        }
    }

    /** Create, three items, approve, progress on each item and the start-of-year report: the plan's id (its items in {@code items}). */
    private static String setUp(CommandClient client, Tokens tokens, Random random, Map<String, List<String>> itemsByPlan)
            throws Exception {
        Command created = client.send(Kind.CREATE_PLAN, LoadClients.NEW_PLAN, "/api/plans", tokens.principal(),
                LoadClients.createPlan());
        assertThat(created.status).as(created.toString()).isEqualTo(201);
        String planId = created.body.get("id").asText();
        List<String> items = new ArrayList<>();
        for (String criterion : List.of("1.4", "3.4", "5.3")) {
            Command added = client.send(Kind.ADD_ITEM, planId, "/api/plans/" + planId + "/items", tokens.principal(),
                    SamplePlan.item(criterion, "Năm học 2023-2024"));
            assertThat(added.status).as(added.toString()).isEqualTo(201);
            items.add(added.body.get("id").asText());
        }
        assertThat(client.send(Kind.APPROVE, planId, "/api/plans/" + planId + "/approve", tokens.principal(),
                "{\"approvedOn\": \"2023-08-18\", \"approvedBy\": \"Lưu Thuận Phong\"}").status).isEqualTo(200);
        for (int n = 0; n < 6; n++) {
            Command progress = client.send(Kind.RECORD_PROGRESS, planId, "/api/plans/" + planId + "/items/"
                    + items.get(n % 3) + "/progress", tokens.monitor(), LoadClients.progress(random, LocalDate.of(2023, 9, 10).plusDays(9L * n)));
            assertThat(progress.status).as(progress.toString()).isEqualTo(201);
        }
        assertThat(client.send(Kind.SUBMIT_REPORT, planId, "/api/plans/" + planId + "/reports", tokens.monitor(),
                LoadClients.report()).status).isEqualTo(201);
        itemsByPlan.put(planId, items);
        return planId;
    }

    private static Map<String, JsonNode> planViews(IsolatedSystem system, List<String> plans) throws Exception {
        Map<String, JsonNode> views = new TreeMap<>();
        for (String planId : plans) views.put(planId, ReadModels.get(system.plan.uri("/api/plans/" + planId), system.tokens.principal()));
        return views;
    }

    private static Map<String, JsonNode> chains(IsolatedSystem system, List<String> plans) throws Exception {
        Map<String, JsonNode> chains = new TreeMap<>();
        for (String planId : plans) {
            chains.put(planId, ReadModels.get(system.plan.uri("/api/plans/" + planId + "/verify"), system.tokens.principal()));
        }
        return chains;
    }

    /** The topic deleted and created again, empty: Kafka lost with its data. */
    private static void recreateTopic(IsolatedSystem system) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.stack.kafka().bootstrapServers()))) {
            admin.deleteTopics(List.of(Topics.PLAN_EVENTS)).all().get(30, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(Topics.PLAN_EVENTS));
        }
        system.stack.kafka().createTopic(Topics.PLAN_EVENTS, Topics.PARTITIONS, Map.of("retention.ms", "-1"));
    }

    /**
     * Runs infra/&lt;name&gt; against this system's PostgreSQL and returns what it printed; it must exit 0,
     * or (with {@code --expect-failure}, not passed on) must not.
     */
    private static String script(IsolatedSystem system, String name, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", INFRA.resolve(name).toString()));
        boolean expectFailure = false;
        for (String arg : args) {
            if (arg.equals("--expect-failure")) expectFailure = true;
            else command.add(arg);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CAITIEN_PG_PORT", Integer.toString(system.stack.postgres().port()));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        System.out.print(output);
        if (expectFailure) assertThat(process.exitValue()).as(output).isNotZero();
        else assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
