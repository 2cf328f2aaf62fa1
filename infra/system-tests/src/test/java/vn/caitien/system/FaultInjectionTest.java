package vn.caitien.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import vn.caitien.system.CommandClient.Command;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Nothing acknowledged is lost, nothing is stored twice, and every projection equals a rebuild from
 * scratch — under a steady load of commands while the Kafka broker and PostgreSQL are restarted and
 * plan-service and a projection service are killed with {@code kill -9}.
 *
 * <p>Short by default (one round of the four faults, about two minutes); {@code infra/fault-drill.sh}
 * runs it longer with {@code -Dfault.rounds}, {@code -Dfault.clients} and the other settings of
 * {@link Settings}. It runs first, on a system of its own, before the shared one starts.
 */
@Order(1)
class FaultInjectionTest {

    /** The drill's size; every value can be set as a system property {@code fault.<name>}. */
    record Settings(int rounds, int clients, long seed, Duration warmUp, Duration gap, Duration kafkaDown,
                    Duration postgresDown, int progressPerPlan, Duration think) {
        static Settings fromSystemProperties() {
            return new Settings(Integer.getInteger("fault.rounds", 1), Integer.getInteger("fault.clients", 3),
                    Long.getLong("fault.seed", System.nanoTime() % 1_000_000), seconds("fault.warmUp", 4),
                    seconds("fault.gap", 3), seconds("fault.kafkaDown", 3), seconds("fault.postgresDown", 2),
                    Integer.getInteger("fault.progressPerPlan", 30), Duration.ofMillis(Long.getLong("fault.thinkMillis", 100)));
        }

        private static Duration seconds(String property, long otherwise) {
            return Duration.ofMillis((long) (Double.parseDouble(System.getProperty(property, Long.toString(otherwise))) * 1000));
        }
    }

    @Test
    void nothingAcknowledgedIsLostOrDoubledAndEveryProjectionMatchesARebuild() throws Exception {
        Settings settings = Settings.fromSystemProperties();
        System.out.printf("Kiểm thử chịu lỗi: %s%n", settings);
        try (IsolatedSystem system = IsolatedSystem.start("fault")) {
            long startedAt = System.nanoTime();
            CommandClient client = new CommandClient(URI.create("http://localhost:" + system.plan.port()),
                    Duration.ofSeconds(20), Duration.ofSeconds(90));
            LoadClients load = new LoadClients(client, system.tokens, settings.clients(), settings.seed(),
                    settings.progressPerPlan(), settings.think());
            FaultInjector faults = new FaultInjector(system, startedAt);

            load.start();
            Thread.sleep(settings.warmUp().toMillis());
            for (int round = 1; round <= settings.rounds(); round++) {
                faults.restartKafka(settings.kafkaDown());
                Thread.sleep(settings.gap().toMillis());
                faults.restartPostgres(settings.postgresDown());
                Thread.sleep(settings.gap().toMillis());
                faults.killAndRestart(system.plan);
                Thread.sleep(settings.gap().toMillis());
                // the projection services take turns: monitoring in odd rounds, reporting in even ones
                faults.killAndRestart(round % 2 == 1 ? system.monitoring : system.reporting);
                if (round < settings.rounds()) Thread.sleep(settings.gap().toMillis());
            }
            load.stopAndAwait(Duration.ofSeconds(180));
            double loadSeconds = (System.nanoTime() - startedAt) / 1e9;
            List<Command> ledger = client.ledger();

            // What the store holds, against what the clients were told.
            Map<String, Integer> byCorrelation;
            Map<String, EventStore.PlanEvents> byPlan;
            List<String> storedIds;
            try (Connection db = system.connect("plan")) {
                byCorrelation = EventStore.eventsByCorrelationId(db);
                byPlan = EventStore.eventsByPlan(db);
                storedIds = EventStore.eventIds(db);
            }
            List<Command> acked = ledger.stream().filter(Command::acked).toList();
            List<Command> notAcked = ledger.stream().filter(c -> !c.acked()).toList();
            List<String> ackedNotOnce = acked.stream().filter(c -> byCorrelation.getOrDefault(c.correlationId, 0) != 1)
                    .map(c -> c + " — " + byCorrelation.getOrDefault(c.correlationId, 0) + " event(s)").toList();
            List<String> unackedStored = notAcked.stream().filter(c -> byCorrelation.getOrDefault(c.correlationId, 0) != 0)
                    .map(c -> c + " — " + byCorrelation.get(c.correlationId) + " event(s)").toList();
            Set<String> sentCorrelations = ledger.stream().map(c -> c.correlationId).collect(Collectors.toSet());
            Map<String, Integer> foreign = new TreeMap<>();
            byCorrelation.forEach((id, n) -> { if (!sentCorrelations.contains(id)) foreign.put(String.valueOf(id), n); });

            // Every stored event reaches the topic; consumers see duplicates at most, which they absorb.
            // Catching up takes longer the more there is to read (a long drill stores tens of thousands of events).
            Duration catchUp = Duration.ofSeconds(120).plusMillis(100L * storedIds.size());
            List<TopicRecords.Event> wire = CatchUp.awaitPublished(system, new HashSet<>(storedIds), catchUp);
            Set<String> distinctOnWire = wire.stream().map(TopicRecords.Event::eventId).collect(Collectors.toSet());
            Set<String> phantoms = new HashSet<>(distinctOnWire);
            phantoms.removeAll(new HashSet<>(storedIds));

            // The long-running projections, then a rebuild from scratch beside them.
            String admin = system.tokens.admin();
            CatchUp.awaitConsumed(system.monitoring, system.reporting, byPlan, admin, catchUp);
            ReadModels running = ReadModels.capture(system.monitoring, system.reporting, load.plans(), admin);
            long rebuildStarted = System.nanoTime();
            List<ManagedService> fresh = system.startFreshReadServices("rebuilt");
            CatchUp.awaitConsumed(fresh.get(0), fresh.get(1), byPlan, admin, catchUp);
            double rebuildSeconds = (System.nanoTime() - rebuildStarted) / 1e9;
            ReadModels rebuilt = ReadModels.capture(fresh.get(0), fresh.get(1), load.plans(), admin);

            List<String> brokenChains = new ArrayList<>();
            for (String planId : byPlan.keySet()) {
                JsonNode chain = ReadModels.get(system.plan.uri("/api/plans/" + planId + "/verify"), system.tokens.principal());
                if (!chain.path("intact").asBoolean()) brokenChains.add(planId + " " + chain);
            }

            String summary = summary(settings, loadSeconds, ledger, faults.faults(), storedIds.size(), byPlan.size(),
                    wire.size(), distinctOnWire.size(), running.knownPlans(), rebuildSeconds);
            System.out.println(summary);
            Files.writeString(Path.of("target", "fault-injection-summary.txt"), summary);

            // Every check is made and reported, not only the first that fails.
            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(load.failures()).as("errors in the load clients themselves").isEmpty();
            soft.assertThat(ledger.stream().filter(Command::unresolved).map(Command::toString).toList())
                    .as("commands never answered although retried with the same Idempotency-Key").isEmpty();
            soft.assertThat(ledger.stream().filter(Command::refused).map(Command::toString).toList())
                    .as("commands refused (4xx): a retry must get the first answer, never a conflict with itself").isEmpty();
            soft.assertThat(ackedNotOnce).as("acknowledged commands not stored exactly once").isEmpty();
            soft.assertThat(unackedStored).as("events of commands never acknowledged").isEmpty();
            soft.assertThat(foreign).as("events whose correlation id no client sent").isEmpty();
            soft.assertThat(byPlan.values().stream().filter(p -> !p.contiguous()).toList()).as("gaps in a plan's sequence").isEmpty();
            soft.assertThat(storedIds.size()).as("events in the store").isEqualTo(acked.size());
            soft.assertThat(phantoms).as("events on the topic that the store does not hold").isEmpty();
            soft.assertThat(brokenChains).as("plans whose hash chain does not verify").isEmpty();
            for (ManagedService s : List.of(system.monitoring, system.reporting, fresh.get(0), fresh.get(1))) {
                soft.check(() -> CatchUp.assertNoDeadLetters(s, admin));
            }
            soft.assertThat(running.knownPlans()).as("plans on the dashboard").isEqualTo(byPlan.size());
            soft.check(() -> running.assertSameAs(rebuilt, "long-running vs rebuilt from scratch"));
            soft.assertAll();
        }
    }

    private static String summary(Settings settings, double seconds, List<Command> ledger, List<FaultInjector.Fault> faults,
                                  int events, int plans, int records, int distinctRecords, long compared, double rebuildSeconds) {
        Map<CommandClient.Kind, Long> byKind = new TreeMap<>(ledger.stream()
                .collect(Collectors.groupingBy(c -> c.kind, Collectors.counting())));
        long acked = ledger.stream().filter(Command::acked).count();
        long retried = ledger.stream().filter(c -> c.attempts() > 1).count();
        long replayed = ledger.stream().filter(c -> c.replayed).count();
        StringBuilder out = new StringBuilder();
        out.append("\n=== Kiểm thử chịu lỗi (fault injection) ===\n");
        out.append(String.format("Cấu hình: %d vòng, %d máy khách, seed %d (chạy lại: -Dfault.seed=%d)%n",
                settings.rounds(), settings.clients(), settings.seed(), settings.seed()));
        out.append(String.format("Lệnh: %d đã gửi trong %.0f s, %d được xác nhận (2xx), %d phải gửi lại (%d lần: %s), "
                        + "%d trả lời từ kho idempotency, %d bị từ chối, %d không có trả lời%n",
                ledger.size(), seconds, acked, retried, ledger.stream().mapToInt(c -> c.attempts() - 1).sum(),
                CommandClient.retryCauses(ledger), replayed, ledger.stream().filter(Command::refused).count(),
                ledger.stream().filter(Command::unresolved).count()));
        out.append("Theo loại: ").append(byKind).append('\n');
        out.append("Sự cố đã gây ra (").append(faults.size()).append("):\n");
        faults.forEach(f -> out.append("  ").append(f).append('\n'));
        out.append(String.format("Kho sự kiện: %d sự kiện của %d kế hoạch đã kiểm tra theo mã tương quan%n", events, plans));
        out.append(String.format("Kafka: %d bản ghi trên chủ đề, %d sự kiện khác nhau (%d bản trùng, người tiêu thụ tự loại)%n",
                records, distinctRecords, records - distinctRecords));
        out.append(String.format("Mô hình đọc: %d kế hoạch so sánh (tiến độ, lịch sử, báo cáo, danh sách); dựng lại từ đầu mất %.1f s%n",
                compared, rebuildSeconds));
        return out.toString();
    }
}
