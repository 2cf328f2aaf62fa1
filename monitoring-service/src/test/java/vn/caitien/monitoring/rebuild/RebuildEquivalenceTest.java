package vn.caitien.monitoring.rebuild;

import net.jqwik.api.Tag;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.caitien.infra.SharedTestStack;
import vn.caitien.monitoring.MonitoringApplication;
import vn.caitien.readside.deadletter.DeadLetters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The read model has one set of rules, applied two ways: event by event by the live processor as the
 * records arrive, and all at once by the bulk rebuild. Random valid histories of a few plans
 * ({@link PlanScripts}: duplicates, progress out of effective-date order, removals and re-added ids,
 * amendments, reports and their corrections) go onto a topic of their own; once the live path has
 * applied them, a rebuild replays the whole topic, and every row of plan_progress, item_progress and
 * report_submission (and the dedup marks and chain heads) must be what the live path left.
 *
 * <p>jqwik runs this, not JUnit Jupiter, so the service is started here rather than by Spring's test
 * support: once for all tries, on a schema and topic of its own. Each try's plans are new, so the topic
 * grows and each rebuild replays every earlier try as well.
 */
@Tag("integration") // jqwik's own tag: it starts the service over PostgreSQL and Kafka
class RebuildEquivalenceTest {
    static final String TOPIC = "caitien.equivalence.events";
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final AtomicInteger plansSoFar = new AtomicInteger();
    static ConfigurableApplicationContext service;
    static ScriptedEvents script;

    @BeforeContainer
    static void startTheService() throws Exception {
        String bootstrap = SharedTestStack.stack().kafka().bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1),
                    new NewTopic("caitien.equivalence.progress", 3, (short) 1))).all().get();
        }
        // As arguments: they take precedence over application.yml, as Spring's test properties do.
        List<String> arguments = new ArrayList<>();
        SharedTestStack.serviceProperties("monitoring_equivalence").forEach((key, value) -> arguments.add("--" + key + "=" + value.get()));
        arguments.addAll(List.of("--spring.flyway.schemas=monitoring_equivalence", "--axon.kafka.default-topic=" + TOPIC,
                "--caitien.progress-topic=caitien.equivalence.progress", "--server.port=0"));
        service = new SpringApplicationBuilder(MonitoringApplication.class).run(arguments.toArray(String[]::new));
        script = new ScriptedEvents(bootstrap, TOPIC);
    }

    @AfterContainer
    static void stopTheService() {
        if (script != null) script.close();
        if (service != null) service.close();
    }

    @Provide
    net.jqwik.api.Arbitrary<List<List<PlanScripts.Step>>> histories() { return PlanScripts.plans(); }

    @Property(tries = 30, shrinking = ShrinkingMode.BOUNDED)
    void theRebuildLeavesTheRowsTheLivePathLeft(@ForAll("histories") List<List<PlanScripts.Step>> plans) {
        Set<String> applied = publish(plans);
        JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
        awaitMarked(jdbc, applied);
        ReadModelRows live = ReadModelRows.of(jdbc);

        rebuild();

        ReadModelRows.of(jdbc).assertSameAs(live);
        assertThat(service.getBean(DeadLetters.class).counts().letters()).isZero();
    }

    /** Publishes the plans' histories, taking turns between plans; answers the ids the consumers should apply. */
    private static Set<String> publish(List<List<PlanScripts.Step>> histories) {
        List<PlanScripts.Plan> plans = new ArrayList<>();
        List<List<Integer>> sentByPlan = new ArrayList<>();
        Set<String> applied = new LinkedHashSet<>();
        for (int p = 0; p < histories.size(); p++) {
            int number = plansSoFar.incrementAndGet();
            plans.add(new PlanScripts.Plan("eq-" + RUN + "-" + number, number));
            sentByPlan.add(new ArrayList<>());
            send(plans.get(p), plans.get(p).created(number), sentByPlan.get(p), applied);
        }
        int longest = histories.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (int p = 0; p < histories.size(); p++) {
                if (i < histories.get(p).size()) send(plans.get(p), plans.get(p).next(histories.get(p).get(i)), sentByPlan.get(p), applied);
            }
        }
        return applied;
    }

    private static void send(PlanScripts.Plan plan, PlanScripts.Send send, List<Integer> sent, Set<String> applied) {
        if (send instanceof PlanScripts.Resend again) {
            script.resend(sent.get(again.nth()));
            return;
        }
        PlanScripts.Publish event = (PlanScripts.Publish) send;
        sent.add(script.sentCount());
        applied.add(script.publish(plan.id(), event.event(), event.at(), event.actor()));
    }

    private static void rebuild() {
        ProjectionRebuild rebuild = service.getBean(ProjectionRebuild.class);
        try {
            rebuild.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        RebuildStatus done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(rebuild::status, status -> !"RUNNING".equals(status.state()));
        assertThat(done.state()).as(done.message()).isEqualTo("DONE");
        assertThat(done.message()).startsWith("Đã dựng lại xong:");
    }

    private static void awaitMarked(JdbcTemplate jdbc, Set<String> ids) {
        String[] wanted = ids.toArray(String[]::new);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.queryForObject(
                "select count(*) from processed_event where processor_name = 'monitoring' and event_id = any(?)",
                Long.class, (Object) wanted) == wanted.length);
    }
}
