package vn.caitien.bench.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.caitien.infra.synthetic.SyntheticData.SyntheticPlan;
import vn.caitien.infra.synthetic.SyntheticData;
import vn.caitien.planservice.Api;
import vn.caitien.planservice.ApiTestSupport;
import vn.caitien.planservice.TestStack;
import vn.caitien.planservice.Tokens;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RecordProgress over HTTP from 16 clients at once, each on its own plans, as the benchmark's row 2 sends
 * them (synthetic plans of 5–20 items on real criteria, progress bodies of the school year, the monitoring
 * team's token); then the same number through the command gateway in-process (row 2b, the {@code bench}
 * profile's POST /api/admin/bench/record-progress). Small by default, so it runs with the suite and checks
 * what must hold under concurrency: every command accepted, each plan's events numbered without gaps, its
 * view at the stored version, its hash chain intact. For a measurement, raise the size and read the printed
 * rate and latencies (nothing here is asserted against a clock):
 * <pre>
 * ./mvnw -o -pl plan-service test -Dtest=RecordProgressLoadTest -Dload.plans=48 -Dload.commands=2000 -Dload.rounds=3 \
 *        -Dload.publish=true
 * </pre>
 * {@code load.publish} makes this test's own context publish the events to Kafka, as in production (see
 * {@link BenchProfileTestSupport}); {@code load.history} first records that many progress records on every
 * plan (a plan late in the year). The CPU time per command of this JVM (service, clients, Kafka broker, JIT), of the threads that handle the
 * commands, and of PostgreSQL is printed too: on a shared machine it moves less than the rate does.
 */
class RecordProgressLoadTest extends BenchProfileTestSupport {
    static final int CLIENTS = 16;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PLANS = Integer.getInteger("load.plans", 16);
    private static final int COMMANDS = Integer.getInteger("load.commands", 160);
    private static final int ROUNDS = Integer.getInteger("load.rounds", 1);
    private static final int HISTORY = Integer.getInteger("load.history", 0);
    /** Each run of this test in the same database gets plans of its own. */
    private static final long SEED = System.nanoTime();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    /** A plan set up through the API: its server-drawn id and its items' ids. */
    record LivePlan(SyntheticPlan plan, String planId, List<String> itemIds) {
        String progressPath(int item) { return "/api/plans/" + planId() + "/items/" + itemIds.get(item) + "/progress"; }

        String monitor() { return Tokens.monitor(plan.school().code()); }
    }

    @Test
    void sixteenClientsRecordProgressOnTheirOwnPlans() throws Exception {
        Api api = new Api(port);
        SyntheticData data = new SyntheticData(SEED, PLANS, 0, 8, 30);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<LivePlan> plans = new ArrayList<>();
        try {
            List<Future<LivePlan>> setUps = new ArrayList<>();
            for (int i = 0; i < PLANS; i++) {
                SyntheticPlan plan = data.plan(i);
                setUps.add(pool.submit(() -> setUp(api, plan)));
            }
            for (Future<LivePlan> f : setUps) plans.add(f.get());
            if (HISTORY > 0) {
                Result history = run(api, pool, plans, HISTORY * PLANS);
                assertThat(history.refusals()).isEmpty();
                System.out.printf("RecordProgress load: history of %d records on each of %d plans%n", HISTORY, PLANS);
            }
            CpuMeter cpu = new CpuMeter(TestStack.get().postgres().dataDirectory());
            for (int round = 1; round <= ROUNDS; round++) {
                CpuMeter.Reading before = cpu.read();
                Map<String, Double> loadsBefore = planLoads();
                Result r = run(api, pool, plans, COMMANDS);
                report("over HTTP", round, r.seconds(), r.accepted(), r.ms(50), r.ms(99), r.refusals().size(),
                        cpu.read().since(before), loadsBefore);
                assertThat(r.refusals()).isEmpty();
                assertThat(r.accepted()).isEqualTo(COMMANDS);
            }
            String inProcess = inProcessRequest(plans);
            for (int round = 1; round <= ROUNDS; round++) {
                CpuMeter.Reading before = cpu.read();
                Map<String, Double> loadsBefore = planLoads();
                JsonNode r = api.send("POST", "/api/admin/bench/record-progress", inProcess, Tokens.admin()).body();
                assertThat(r.has("accepted")).as(r.toString()).isTrue();
                CpuMeter.Reading used = cpu.read().since(before);
                // The sending threads have ended; the endpoint measured their CPU time itself.
                long senders = (long) (r.path("cpuMsPerCommand").asDouble() * 1e6 * COMMANDS);
                report("in-process", round, r.path("seconds").asDouble(), r.path("accepted").asInt(),
                        r.path("p50Ms").asDouble(), r.path("p99Ms").asDouble(), r.path("refused").asInt(),
                        new CpuMeter.Reading(used.jvmNanos(), senders, used.postgresNanos()), loadsBefore);
                assertThat(r.path("firstRefusals")).as(r.toString()).isEmpty();
                assertThat(r.path("accepted").asInt()).isEqualTo(COMMANDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (LivePlan p : plans) assertStoredInOrder(api, p.planId());
        System.out.printf("RecordProgress load: %d of the %d plans have a snapshot%n", jdbc.queryForObject(
                "select count(distinct aggregate_identifier) from snapshot_event_entry where aggregate_identifier in ("
                        + String.join(",", java.util.Collections.nCopies(PLANS, "?")) + ")", Long.class,
                plans.stream().map(LivePlan::planId).toArray()), PLANS);
    }

    private void report(String how, int round, double seconds, int accepted, double p50, double p99, int refused,
                        CpuMeter.Reading used, Map<String, Double> loadsBefore) {
        Map<String, Double> loads = planLoads();
        loads.replaceAll((source, n) -> n - loadsBefore.getOrDefault(source, 0.0));
        System.out.printf("RecordProgress load %s, round %d/%d: %d commands from %d clients on %d plans in %.2f s: "
                        + "%.0f commands/s, p50 %.1f ms, p99 %.1f ms, %d refused; CPU per command: this JVM %.2f ms, "
                        + "of which command threads %.2f ms, PostgreSQL %.2f ms; plans loaded from %s%n", how, round, ROUNDS,
                COMMANDS, CLIENTS, PLANS, seconds, accepted / seconds, p50, p99, refused, used.jvmNanos() / 1e6 / COMMANDS,
                used.requestThreadsNanos() / 1e6 / COMMANDS, used.postgresNanos() / 1e6 / COMMANDS, loads);
    }

    /**
     * The same load through the command gateway in-process (POST /api/admin/bench/record-progress): every item of
     * every plan, each with its own progress bodies of the year.
     */
    private static String inProcessRequest(List<LivePlan> plans) {
        ObjectNode request = JSON.createObjectNode().put("clients", CLIENTS).put("commands", COMMANDS);
        ArrayNode targets = request.putArray("targets");
        try {
            for (LivePlan p : plans) {
                for (int i = 0; i < p.itemIds().size(); i++) {
                    ObjectNode target = targets.addObject().put("planId", p.planId()).put("itemId", p.itemIds().get(i))
                            .put("schoolCode", p.plan().school().code());
                    ArrayNode bodies = target.putArray("bodies");
                    for (var progress : p.plan().items().get(i).progress()) bodies.add(JSON.readTree(progress.body()));
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return request.toString();
    }

    /** caitien.plan.loads by source (cache, store, stale). */
    private Map<String, Double> planLoads() {
        Map<String, Double> loads = new TreeMap<>();
        meters.find("caitien.plan.loads").counters().forEach(c -> loads.put(c.getId().getTag("source"), c.count()));
        return loads;
    }

    private LivePlan setUp(Api api, SyntheticPlan plan) throws Exception {
        String principal = Tokens.principal(plan.school().code(), plan.school().managingUnit());
        Api.Response created = api.send("POST", "/api/plans", plan.createPlanBody(), principal);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String planId = created.body().get("id").asText();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < plan.items().size(); i++) {
            Api.Response added = api.send("POST", "/api/plans/" + planId + "/items", plan.itemBody(i), principal);
            assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
            items.add(added.body().get("id").asText());
        }
        Api.Response approved = api.send("POST", "/api/plans/" + planId + "/approve", plan.approveBody(), principal);
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        return new LivePlan(plan, planId, items);
    }

    record Result(double seconds, List<Long> nanos, List<String> refusals) {
        int accepted() { return nanos.size(); }

        double ms(int percentile) {
            if (nanos.isEmpty()) return Double.NaN;
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, index)) / 1e6;
        }
    }

    /** {@code commands} requests from {@link #CLIENTS} threads, each sending on its own plans back to back. */
    private Result run(Api api, ExecutorService pool, List<LivePlan> plans, int commands) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
        List<Future<?>> clients = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                Random random = new Random(SEED + client);
                List<LivePlan> mine = new ArrayList<>();
                for (int i = client; i < plans.size(); i += CLIENTS) mine.add(plans.get(i));
                if (mine.isEmpty()) mine.add(plans.get(client % plans.size()));
                for (int n = 0; next.getAndIncrement() < commands; n++) {
                    LivePlan p = mine.get(n % mine.size());
                    int item = random.nextInt(p.itemIds().size());
                    var year = p.plan().items().get(item).progress();
                    String body = year.get((n / mine.size()) % year.size()).body();
                    long sent = System.nanoTime();
                    Api.Response r = api.send("POST", p.progressPath(item), body, p.monitor());
                    if (r.status() == 201) nanos.add(System.nanoTime() - sent);
                    else refusals.add(r.status() + " " + r.body());
                }
                return null;
            }));
        }
        for (Future<?> f : clients) f.get();
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(seconds, new ArrayList<>(nanos), new ArrayList<>(refusals));
    }

    /** Sequence numbers 0..n without gaps, the view at version n, the hash chain intact. */
    private void assertStoredInOrder(Api api, String planId) throws Exception {
        List<Long> sequence = jdbc.queryForList("select sequence_number from domain_event_entry where aggregate_identifier = ? "
                + "order by sequence_number", Long.class, planId);
        for (int i = 0; i < sequence.size(); i++) assertThat(sequence.get(i)).isEqualTo(i);
        Api.Response read = api.get("/api/plans/" + planId, Tokens.admin());
        assertThat(read.body().get("version").asLong()).isEqualTo(sequence.size() - 1);
        Api.Response verified = api.get("/api/plans/" + planId + "/verify", Tokens.admin());
        ApiTestSupport.assertChainUntampered(verified.body());
        assertThat(verified.body().get("events").asInt()).isEqualTo(sequence.size());
    }
}
