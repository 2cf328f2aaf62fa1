package vn.caitien.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one table of a run, with the machine it ran on; printed and written as Markdown. */
final class Report {
    /** One figure: {@code met} is "có", "không", or "—" when there is no target or nothing was measured. */
    record Row(String id, String what, String figure, String target, String met) {
    }

    final String size;
    final List<Row> rows = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final String machine = machine();
    final String date = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);

    Report(String size) { this.size = size; }

    void add(String id, String what, String figure, String target, Boolean met) {
        rows.add(new Row(id, what, figure, target, met == null ? "—" : met ? "có" : "không"));
    }

    static String f(String format, Object... args) { return String.format(Locale.ROOT, format, args); }

    String table() {
        StringBuilder s = new StringBuilder("| # | Đo | Kết quả | Mục tiêu | Đạt |\n|---|---|---|---|---|\n");
        for (Row r : rows) {
            s.append("| ").append(r.id()).append(" | ").append(r.what()).append(" | ").append(r.figure()).append(" | ")
                    .append(r.target()).append(" | ").append(r.met()).append(" |\n");
        }
        return s.toString();
    }

    String markdown() {
        StringBuilder s = new StringBuilder();
        s.append("# Benchmarks\n\n");
        s.append("Written by `./caitien bench --size ").append(size).append("` (infra/bench, `vn.caitien.bench.BenchMain`). ")
                .append("Every figure below was measured in this one run, on this machine, against the embedded default ")
                .append("(real PostgreSQL, in-process KRaft Kafka, the three services as separate JVMs with the launcher's ")
                .append("options `-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1`). Run it again to replace this file; ")
                .append("see the end of the file for how each figure is taken.\n\n");
        s.append("**Machine:** ").append(machine).append("  \n**Date:** ").append(date).append("  \n**Size:** `")
                .append(size).append("`\n\n");
        s.append(table()).append('\n');
        if (!notes.isEmpty()) {
            s.append("Notes of this run:\n\n");
            for (String n : notes) s.append("- ").append(n).append('\n');
            s.append('\n');
        }
        s.append(METHOD);
        return s.toString();
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, markdown());
    }

    private static String machine() {
        String cpu = read("/proc/cpuinfo", "model name");
        String mem = read("/proc/meminfo", "MemTotal");
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return f("nproc %d; %s; memory %s; %s %s (%s); %s %s; load average at start %.2f",
                Runtime.getRuntime().availableProcessors(), cpu == null ? "CPU unknown" : cpu.trim(),
                mem == null ? "unknown" : mem.trim(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("java.vendor"), System.getProperty("os.name"), System.getProperty("os.version"), load);
    }

    private static String read(String file, String key) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.startsWith(key)) return line.substring(line.indexOf(':') + 1);
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    static final String METHOD = """
            ## How each figure is taken

            Sizes (`--size tiny|small|medium|large`, in `infra/bench/.../Size.java`): schools injected as events,
            of which in the measured province; RecordProgress commands; rows per append measurement; rows in the
            large store. `large` is the issue's size (≈ 1,000,000 events replayed, 10,000,000 rows stored,
            1,000 schools in the province); it needs about half an hour and ≈ 25 GB of disk (the work directory
            `target/bench` is kept after the run; delete it when done). `--only 2,4`
            runs some of the measurements (the baseline always runs) to try a change; the table above is a full run.
            The services run as `./caitien` runs them; `CAITIEN_SERVICE_JVM_OPTS` adds JVM options (a profiler;
            `{service}` in them becomes the service's name, e.g. `-XX:StartFlightRecording=filename=/tmp/{service}.jfr`);
            `CAITIEN_BENCH_JAVA_OPTS=-Dcaitien.bench.samples=true` prints every freshness sample in order.

            1. **Baseline.** A table of exactly plan-service's `domain_event_entry` shape and indexes (Flyway V1) in
               a scratch schema `bench_scratch` of the same PostgreSQL. 16 connections; each transaction appends one
               event-shaped row (≈ 0.4 KB JSON payload and ≈ 0.3 KB metadata in BYTEA, as a RecordProgress commit
               appends one event) through a JDBC batch, then commits. Rows/s over the whole run; latency per commit.
               Warmed up on 500 rows first, then truncated.
            2. **Command throughput.** Plans created through plan-service's API (CreatePlan, 5–20 AddActionItem on
               real criteria of the school's framework, ApprovePlan), then 16 client threads, each owning its own
               plans (as each school's team records on its own plan), send RecordProgress bodies from the synthetic
               year back to back over HTTP/1.1 with a bearer token (MONITOR of the school). Commands/s = 201 answers /
               wall time; latency per request at the client. Anything but 201 is counted and reported. First a
               warm-up of a tenth as many commands (at least 32; the freshness probe of 3 runs during it too) is
               sent and not counted: the services' first requests run interpreted code, and in earlier runs the
               backlog of those first seconds made the first freshness samples 3–10 s.
               **2b** sends the same kind of load from 16 threads inside plan-service's JVM through its command
               gateway (`POST /api/admin/bench/record-progress`, from infra/bench-hooks, which the harness adds to
               plan-service's class path and switches on with the `bench` profile; it is not in plan-service's own
               code): the difference to 2 is what HTTP, JSON and token checks cost.
            3. **Freshness.** During that load, a 17th client records progress on its own plan, and from the moment
               plan-service answers 201 (the event is committed before the answer) polls monitoring-service's
               `GET /api/plans/{id}/progress` every 10 ms until the item shows that record. This crosses the store,
               the Kafka publisher, Kafka and monitoring's projection; the 10 ms poll adds up to 10 ms. A consumer
               tailing the topic notes when each probe record arrives, which splits the figure into store → Kafka
               and Kafka → read model. One sample at a time, 50 ms apart, at least 3 and at most 250 (at `large`
               the 250 cover about the first half of the load).
            4. **Rebuild.** The synthetic schools' plans of a year (PlanCreated, items, approval, progress over the
               year, the three reports, some late or missing) are produced straight onto `caitien.plan.events` as
               CloudEvents (the wire format, docs/events.md), beside the events of 2 and 3; both read services consume
               them and the catch-up rate is reported (4a; at `large` this is skipped and reporting-service is paused,
               SIGSTOP, so it does not compete). Then `POST /api/admin/rebuild` as ADMIN, and
               `GET /api/admin/rebuild` until DONE: events/s = events replayed / (finishedAt − startedAt) as the
               service reports them.
            5. **Large store.** The scratch table of 1 is bulk-loaded server-side (INSERT … SELECT generate_series,
               same row shape and size) to the size's row count, then VACUUM (ANALYZE) and CHECKPOINT, so the
               figure is that of a store this size in service rather than seconds after a load (autovacuum's pass
               over ten million new rows, and the load's dirty pages, would otherwise run during the
               measurement: 70% in the first large run), and the append of 1 is repeated.
               **5b** then bulk-loads as many events of made-up plans into plan-service's own
               `plan.domain_event_entry` (negative global indexes, so the running publisher never reads them) and
               repeats the load of 2 over HTTP on the same plans: commands/s against 2's.
            6. **Office scale.** As an OFFICER of Thành phố Hồ Chí Minh: `GET /api/units?path=…&schoolYear=2023-2024`
               (monitoring-service, the province dashboard) and `GET /api/submissions?unit=…&schoolYear=2023-2024`
               (reporting-service, the submission tracker), sequentially, after one warm-up request each, with
               the size's schools in the province (each ≈ 12 items with a year of progress), on the rebuilt model.

            Targets are from issue 7. Nothing here is asserted against a clock: the smoke test
            (`BenchSmokeTest`, size `tiny`) only checks that every row has a number.
            """;

}
