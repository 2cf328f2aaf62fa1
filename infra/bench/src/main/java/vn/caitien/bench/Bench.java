package vn.caitien.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.caitien.infra.Topics;
import vn.caitien.infra.synthetic.SyntheticData;
import vn.caitien.infra.synthetic.SyntheticData.SyntheticPlan;
import vn.caitien.infra.synthetic.SyntheticData.SyntheticProgress;
import vn.caitien.infra.synthetic.SyntheticData.WireEvent;
import vn.caitien.infra.process.ServiceProcess;
import vn.caitien.api.chain.TopicSeal;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static vn.caitien.bench.Report.f;

/** One run of the six measurements of issue 7 on a system of its own; returns the table. */
final class Bench {
    static final long SEED = 20231;
    private static final String PROVINCE = SyntheticData.OFFICE_PROVINCE;

    private final Size size;
    private final BenchSystem system;
    private final Api api;
    private final Report report;

    private final Set<String> only;
    private boolean reportingPaused;
    private CommandLoad.Result commandResult;
    private List<LivePlan> livePlans;

    private Bench(Size size, BenchSystem system, Set<String> only) {
        this.size = size;
        this.only = only;
        this.system = system;
        this.api = new Api(system.issuer);
        this.report = new Report(size.name());
    }

    static Report run(Size size, Path workDir, Set<String> only) throws Exception {
        log("Khởi động hệ thống nhúng và ba dịch vụ (" + workDir.toAbsolutePath() + ")…");
        try (BenchSystem system = BenchSystem.start(workDir)) {
            return new Bench(size, system, only).all();
        }
    }

    private Report all() throws Exception {
        EventRows.Result empty = baseline();
        if (wanted("2") || wanted("3")) commandsAndFreshness(empty);
        if (wanted("4") || wanted("6")) {
            long injected = inject();
            // The office figures read the rebuilt model (at the large size, the only one that is complete).
            if (wanted("4") || size.name().equals("large")) rebuild(injected);
            if (wanted("6")) office();
        }
        if (wanted("5")) largeStore(empty);
        return report;
    }

    private boolean wanted(String measurement) {
        return only.isEmpty() || only.contains(measurement);
    }

    // 1. ------------------------------------------------------------------------------------------
    private EventRows.Result baseline() throws Exception {
        log("(1) JDBC thô: " + size.baselineRows() + " hàng, " + Size.CLIENTS + " kết nối…");
        try (Connection c = system.connect(null)) {
            EventRows.createTable(c);
            EventRows.append(() -> system.connect(null), Math.min(500, size.baselineRows()), Size.CLIENTS, "warm");
            EventRows.truncate(c);
        }
        EventRows.Result r = EventRows.append(() -> system.connect(null), size.baselineRows(), Size.CLIENTS, "empty");
        report.add("1", "Baseline: raw JDBC append of event rows (1 row/transaction, batched), 16 connections, empty table",
                f("**%,.0f rows/s**; p50 %.1f ms, p99 %.1f ms (%,d rows)", r.perSecond(), r.latency().ms(50),
                        r.latency().ms(99), r.rows()), "reference (physical limit)", null);
        return r;
    }

    // 2 + 3. --------------------------------------------------------------------------------------
    record LivePlan(SyntheticData.School school, SyntheticPlan plan, String planId, List<String> itemIds) {
    }

    private void commandsAndFreshness(EventRows.Result baseline) throws Exception {
        SyntheticData data = new SyntheticData(SEED + 1, size.httpPlans() + 1, 0, 40, 60);
        log("(2) Lập " + (size.httpPlans() + 1) + " kế hoạch qua API…");
        ExecutorService pool = Executors.newFixedThreadPool(Size.CLIENTS + 1);
        List<Future<LivePlan>> setUps = new ArrayList<>();
        for (int i = 0; i <= size.httpPlans(); i++) {
            int index = i;
            setUps.add(pool.submit(() -> setUp(data.plan(index))));
        }
        List<LivePlan> plans = new ArrayList<>();
        for (Future<LivePlan> f : setUps) plans.add(f.get());
        LivePlan probe = plans.remove(plans.size() - 1);

        FreshnessProbe probing = new FreshnessProbe(system, api, probe.planId(), probe.itemIds().get(0),
                api.monitor(probe.school()));
        // The same load, not counted, so the figures are those of warm services: the first commands after
        // start-up run interpreted code in every JVM, and the backlog they leave took seconds to drain.
        int warmUp = Math.max(2 * Size.CLIENTS, size.httpCommands() / 10);
        log("(2) Khởi động: " + warmUp + " lệnh RecordProgress không tính…");
        CommandLoad.Running warming = new CommandLoad(system, api, plans, SEED + 7).start(pool, warmUp);
        pool.submit(() -> probing.run(warming.clients())).get();
        warming.await();
        log("(2) " + size.httpCommands() + " lệnh RecordProgress, " + Size.CLIENTS + " máy khách; (3) đo độ tươi song song…");
        CommandLoad.Running load = new CommandLoad(system, api, plans, SEED).start(pool, size.httpCommands());
        Future<FreshnessProbe.Samples> freshness = pool.submit(() -> probing.run(load.clients()));
        CommandLoad.Result result = load.await();
        FreshnessProbe.Samples samples = freshness.get();
        if (Boolean.getBoolean("caitien.bench.samples")) {
            log("(3) độ tươi từng mẫu theo thứ tự (ms): " + samples.total().stream().map(n -> n / 1_000_000).toList()
                    + "; đến Kafka: " + samples.toKafka().stream().map(n -> n / 1_000_000).toList());
        }
        Stats fresh = Stats.of(samples.total()), toKafka = Stats.of(samples.toKafka());
        pool.shutdown();

        Stats lat = result.latency();
        double share = result.perSecond() / baseline.perSecond();
        report.add("2", f("RecordProgress over HTTP, 16 clients on %d plans (5–20 items each)", plans.size()),
                f("**%,.0f commands/s** (%.0f%% of 1); p50 %.1f ms, **p99 %.1f ms** (%,d accepted%s)", result.perSecond(),
                        share * 100, lat.ms(50), lat.ms(99), result.accepted(), result.refused() == 0 ? ""
                                : f(", %d refused", result.refused())),
                "≥ 50% of 1 and p99 ≤ 50 ms", share >= 0.5 && lat.ms(99) <= 50);
        if (result.refused() > 0) report.notes.add("Refused commands in 2 (first ones): " + String.join(" · ", result.firstRefusals()));
        commandResult = result;
        livePlans = plans;
        report.add("3", "Freshness: committed (201) → visible in monitoring read model, under the load of 2",
                f("p50 %.0f ms, p90 %.0f ms, **p99 %.0f ms**, max %.0f ms (%d samples); of which on Kafka after p50 %.0f ms, "
                                + "p90 %.0f ms, p99 %.0f ms", fresh.ms(50), fresh.ms(90), fresh.ms(99), fresh.maxMs(), fresh.count(),
                        toKafka.ms(50), toKafka.ms(90), toKafka.ms(99)),
                "p99 ≤ 1 s", fresh.count() > 0 && fresh.ms(99) <= 1000);
        InProcessLoad.measure(system, api, plans, size.httpCommands(), baseline, report);
    }

    private LivePlan setUp(SyntheticPlan plan) {
        SyntheticData.School s = plan.school();
        String principal = api.principal(s);
        String planId = Api.ok(api.post(system.plan.uri("/api/plans"), principal, plan.createPlanBody()), "CreatePlan " + s.name())
                .json().path("id").asText();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < plan.items().size(); i++) {
            Api.Response added = Api.ok(api.post(system.plan.uri("/api/plans/" + planId + "/items"), principal,
                    plan.itemBody(i)), "AddActionItem " + plan.items().get(i).criterion().code());
            items.add(added.json().path("id").asText());
        }
        Api.ok(api.post(system.plan.uri("/api/plans/" + planId + "/approve"), principal, plan.approveBody()), "ApprovePlan");
        return new LivePlan(s, plan, planId, items);
    }

    // 4 (data) -------------------------------------------------------------------------------------
    private long inject() throws Exception {
        SyntheticData data = size.data(SEED);
        log("(4)(6) Sinh " + size.schools() + " trường (" + size.officeSchools() + " ở " + PROVINCE
                + ") và đẩy sự kiện một năm học lên " + Topics.PLAN_EVENTS + "…");
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.stack.kafka().bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        AtomicLong produced = new AtomicLong();
        long started = System.nanoTime();
        // Sealed with the topic key the services were started with, linked as plan-service links them.
        TopicSeal seal = ServiceProcess.keys().topicSeal();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < size.schools(); i++) {
                for (WireEvent e : data.plan(i).cloudEvents()) {
                    producer.send(e.record(Topics.PLAN_EVENTS, seal), (m, ex) -> {
                        if (ex != null) throw new IllegalStateException(ex);
                    });
                    produced.incrementAndGet();
                }
                if ((i + 1) % 500 == 0) log(f("  … %,d trường, %,d sự kiện", i + 1, produced.get()));
            }
            producer.flush();
        }
        log(f("  %,d sự kiện đã đẩy trong %.1f s; chờ monitoring và reporting đọc hết…", produced.get(),
                (System.nanoTime() - started) / 1e9));
        long end = topicEnd();
        if (size.name().equals("large")) {
            // Both read services would need tens of minutes to follow a million events live; the rebuild (4)
            // brings monitoring's model up to date instead, and reporting is paused so it does not compete.
            report.add("4a", f("Live consumption of %,d injected events", produced.get()),
                    "not measured at this size (the rebuild in 4 replaces the live catch-up)", "—", null);
            system.pause(system.reporting);
            reportingPaused = true;
            return end;
        }
        // Distinct events, not topic records: a publisher retry may leave duplicates, which the services skip.
        long distinct = produced.get() + storedEvents();
        long caughtUp = awaitConsumed("monitoring", distinct, Duration.ofSeconds(Math.max(300, end / 50)));
        long reportingCaughtUp = awaitConsumed("reporting", distinct, Duration.ofSeconds(Math.max(300, end / 50)));
        double mSeconds = (caughtUp - started) / 1e9;
        double rSeconds = (reportingCaughtUp - started) / 1e9;
        report.add("4a", f("Live consumption of %,d injected events (both read services at once)", produced.get()),
                f("monitoring %,.0f events/s, reporting %,.0f events/s (all %,d topic events in %.0f s / %.0f s)",
                        produced.get() / mSeconds, produced.get() / rSeconds, end, mSeconds, rSeconds), "—", null);
        return end;
    }

    private long topicEnd() {
        Properties p = new Properties();
        p.put("bootstrap.servers", system.stack.kafka().bootstrapServers());
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = IntStream.range(0, Topics.PARTITIONS)
                    .mapToObj(i -> new TopicPartition(Topics.PLAN_EVENTS, i)).toList();
            return c.endOffsets(parts).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Waits until a read service has marked every event id of the topic processed; returns when (nanoTime). */
    /** Events plan-service stored (what its publisher sends), without bulk-loaded ones. */
    private long storedEvents() throws Exception {
        try (Connection c = system.connect("plan"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from domain_event_entry where global_index > 0")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long awaitConsumed(String schema, long events, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long seen = 0;
        try (Connection c = system.connect(schema); Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery("select count(*) from processed_event")) {
                    rs.next();
                    seen = rs.getLong(1);
                }
                if (seen >= events) return System.nanoTime();
                Thread.sleep(200);
            }
        }
        report.notes.add(f("%s had processed %,d of %,d events when the wait ended after %s", schema, seen, events, timeout));
        return System.nanoTime();
    }

    // 6. --------------------------------------------------------------------------------------------
    private void office() {
        log("(6) Bảng điều khiển cấp tỉnh và theo dõi nộp báo cáo…");
        String officer = api.officer(PROVINCE);
        URI units = system.monitoring.uri("/api/units?path=" + Api.q(PROVINCE) + "&schoolYear=" + SyntheticData.SCHOOL_YEAR);
        URI submissions = system.reporting.uri("/api/submissions?unit=" + Api.q(PROVINCE) + "&schoolYear="
                + SyntheticData.SCHOOL_YEAR);
        JsonNode rollup = Api.ok(api.get(units, officer), "GET /api/units").json();
        int schools = rollup.path("plans").size();
        if (!reportingPaused) Api.ok(api.get(submissions, officer), "GET /api/submissions");
        List<Long> u = new ArrayList<>(), s = new ArrayList<>();
        long bytesU = 0, bytesS = 0;
        for (int i = 0; i < size.officeRepeats(); i++) {
            Api.Response a = Api.ok(api.get(units, officer), "GET /api/units");
            u.add(a.nanos());
            bytesU = a.body().length();
            if (reportingPaused) continue;
            Api.Response b = Api.ok(api.get(submissions, officer), "GET /api/submissions");
            s.add(b.nanos());
            bytesS = b.body().length();
        }
        Stats su = Stats.of(u), ss = Stats.of(s);
        report.add("6a", f("Province dashboard `/api/units` over %,d plans of the province (%,d schools generated there)",
                        schools, size.officeSchools()),
                f("p50 %.0f ms, **p99 %.0f ms** (%d requests, %,d kB)", su.ms(50), su.ms(99), su.count(), bytesU / 1024),
                "≤ 2 s", su.ms(99) <= 2000);
        report.add("6b", "Submission tracker `/api/submissions` for the province", reportingPaused
                        ? "not measured at this size (reporting-service has not read the injected events, see 4a)" :
                f("p50 %.0f ms, p99 %.0f ms (%d requests, %,d kB)", ss.ms(50), ss.ms(99), ss.count(), bytesS / 1024),
                "— (none in the issue)", null);
    }

    // 4. --------------------------------------------------------------------------------------------
    private void rebuild(long topicEvents) throws Exception {
        log(f("(4) Dựng lại dữ liệu theo dõi từ %,d sự kiện…", topicEvents));
        String admin = api.admin();
        Api.ok(api.post(system.monitoring.uri("/api/admin/rebuild"), admin, null), "POST /api/admin/rebuild");
        long deadline = System.nanoTime() + Duration.ofSeconds(Math.max(300, topicEvents / 20)).toNanos();
        JsonNode status = null;
        while (System.nanoTime() < deadline) {
            Thread.sleep(250);
            status = Api.ok(api.get(system.monitoring.uri("/api/admin/rebuild"), admin), "GET /api/admin/rebuild").json();
            if (!"RUNNING".equals(status.path("state").asText())) break;
        }
        if (status == null || !"DONE".equals(status.path("state").asText())) {
            report.add("4", "Rebuild of the monitoring read model", "not finished: " + status, "≥ 50,000 events/s", false);
            return;
        }
        long done = status.path("eventsDone").asLong();
        double seconds = Duration.between(Instant.parse(status.path("startedAt").asText()),
                Instant.parse(status.path("finishedAt").asText())).toMillis() / 1000.0;
        double rate = done / seconds;
        report.add("4", f("Rebuild of the monitoring read model (`POST /api/admin/rebuild`), %,d events", done),
                f("**%,.0f events/s** (%.1f s)", rate, seconds), "≥ 50,000 events/s", rate >= 50_000);
    }

    // 5. --------------------------------------------------------------------------------------------
    private void largeStore(EventRows.Result empty) throws Exception {
        log(f("(5) Nạp %,d hàng vào bảng sự kiện nháp…", size.largeStore()));
        double loadSeconds;
        try (Connection c = system.connect(null)) {
            loadSeconds = EventRows.bulkLoad(c, size.largeStore());
        }
        EventRows.Result large = EventRows.append(() -> system.connect(null), size.baselineRows(), Size.CLIENTS, "large");
        double ratio = large.perSecond() / empty.perSecond();
        report.add("5", f("Append with %,d events stored vs empty (raw JDBC as in 1, same table shape)", size.largeStore()),
                f("**%,.0f rows/s = %.0f%%** of empty (%,.0f rows/s); p99 %.1f ms (bulk load %,.0f rows/s)",
                        large.perSecond(), ratio * 100, empty.perSecond(), large.latency().ms(99),
                        size.largeStore() / loadSeconds), "≥ 80% of empty", ratio >= 0.8);
        try (Connection c = system.connect(null)) {
            EventRows.dropScratch(c);
        }
        if (commandResult == null) return;
        log(f("(5b) Nạp %,d sự kiện vào kho sự kiện của plan-service, rồi lặp lại tải của (2)…", size.largeStore()));
        long stored;
        try (Connection c = system.connect("plan")) {
            loadSeconds = EventRows.bulkLoad(c, "plan.domain_event_entry", size.largeStore(), true);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from plan.domain_event_entry")) {
                rs.next();
                stored = rs.getLong(1);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Size.CLIENTS);
        CommandLoad.Result again = new CommandLoad(system, api, livePlans, SEED + 7).start(pool, size.httpCommands()).await();
        pool.shutdown();
        double share = again.perSecond() / commandResult.perSecond();
        report.add("5b", f("RecordProgress over HTTP as in 2, with %,d events in plan-service's store", stored),
                f("**%s = %.0f%%** of 2 (bulk load %,.0f rows/s)", again.summary(), share * 100,
                        size.largeStore() / loadSeconds), "≥ 80% of empty", share >= 0.8);
    }

    static void log(String line) {
        System.out.println("» " + line);
        System.out.flush();
    }

}
