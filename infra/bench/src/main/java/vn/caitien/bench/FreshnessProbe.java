package vn.caitien.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import vn.caitien.infra.Topics;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * Freshness (3): one plan's team records progress while the load runs; each record is timed from
 * plan-service's 201 (the event is committed) to the moment monitoring-service's read model shows it,
 * and, by a consumer tailing the topic, to the moment it is on Kafka — so a slow figure says which leg
 * is slow: store → publisher → Kafka, or Kafka → projection → read model.
 */
final class FreshnessProbe {
    record Samples(List<Long> total, List<Long> toKafka) {
    }

    private final BenchSystem system;
    private final Api api;
    private final String planId;
    private final String itemId;
    private final String monitorToken;
    /** The next sample's number: each a day later than the last, across runs (warm-up, then measurement). */
    private int next;

    FreshnessProbe(BenchSystem system, Api api, String planId, String itemId, String monitorToken) {
        this.system = system;
        this.api = api;
        this.planId = planId;
        this.itemId = itemId;
        this.monitorToken = monitorToken;
    }

    /** Samples until the load is over (at least 3; at most 250 per run), one at a time. */
    Samples run(List<? extends Future<?>> load) throws Exception {
        Map<String, Long> onKafka = new ConcurrentHashMap<>();
        List<Long> total = new ArrayList<>(), toKafka = new ArrayList<>();
        String admin = api.admin();
        URI read = system.monitoring.uri("/api/plans/" + planId + "/progress");
        try (Tail tail = new Tail(onKafka)) {
            BooleanSupplier loadRunning = () -> load.stream().anyMatch(f -> !f.isDone());
            // Each sample a later effective date (a record for an earlier date would not change what is shown).
            for (int n = 0; n < 250 && (total.size() < 3 || loadRunning.getAsBoolean()); n++) {
                int k = next++;
                LocalDate day = LocalDate.of(2023, 9, 5).plusDays(k);
                int percent = 1 + k % 99;
                String marker = "Mẫu đo độ tươi " + k;
                String body = Api.JSON.createObjectNode().put("status", "DANG_THUC_HIEN").put("percent", percent)
                        .put("narrative", marker).put("effectiveDate", day.toString()).toString();
                Api.Response sent = api.post(system.plan.uri("/api/plans/" + planId + "/items/" + itemId + "/progress"),
                        monitorToken, body);
                if (sent.status() != 201) continue;
                long committed = System.nanoTime();
                if (awaitVisible(read, admin, percent, day, committed + Duration.ofSeconds(60).toNanos())) {
                    total.add(System.nanoTime() - committed);
                    Long arrived = onKafka.get(marker);
                    if (arrived != null) toKafka.add(Math.max(0, arrived - committed));
                }
                Thread.sleep(50);
            }
        }
        return new Samples(total, toKafka);
    }

    private boolean awaitVisible(URI read, String admin, int percent, LocalDate day, long deadline) throws Exception {
        while (System.nanoTime() < deadline) {
            Api.Response r = api.get(read, admin);
            if (r.status() == 200) {
                for (JsonNode item : r.json().path("items")) {
                    if (itemId.equals(item.path("itemId").asText()) && item.path("percent").asInt() == percent
                            && day.toString().equals(item.path("lastEffectiveDate").asText())) return true;
                }
            }
            Thread.sleep(10);
        }
        return false;
    }

    /** Reads the topic's new records and notes when each probe record arrived (by its narrative). */
    private final class Tail implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final Thread thread;
        private volatile boolean running = true;

        Tail(Map<String, Long> arrivals) {
            Properties p = new Properties();
            p.put("bootstrap.servers", system.stack.kafka().bootstrapServers());
            p.put("fetch.max.wait.ms", "5");
            consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
            List<TopicPartition> parts = IntStream.range(0, Topics.PARTITIONS)
                    .mapToObj(i -> new TopicPartition(Topics.PLAN_EVENTS, i)).toList();
            consumer.assign(parts);
            consumer.seekToEnd(parts);
            parts.forEach(consumer::position);
            thread = new Thread(() -> {
                while (running) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(20))) {
                        if (!planId.equals(r.key()) || r.value() == null) continue;
                        int at = r.value().indexOf("Mẫu đo độ tươi ");
                        if (at < 0) continue;
                        int end = at + "Mẫu đo độ tươi ".length();
                        while (end < r.value().length() && Character.isDigit(r.value().charAt(end))) end++;
                        arrivals.putIfAbsent(r.value().substring(at, end), System.nanoTime());
                    }
                }
            }, "freshness-tail");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(5_000);
            consumer.close();
        }
    }
}
