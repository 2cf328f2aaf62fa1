package vn.caitien.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The physical limit: event-shaped rows appended with plain JDBC into a table of exactly the shape
 * and indexes of plan-service's {@code domain_event_entry} (its Flyway V1), in a scratch schema of the
 * same PostgreSQL. One RecordProgress commits one event, so each transaction inserts one row through
 * a JDBC batch (as Axon's JdbcEventStorageEngine appends a unit of work's events), 16 connections at once.
 */
final class EventRows {
    static final String SCHEMA = "bench_scratch";
    private static final String PAYLOAD = """
            {"planId":"%s","itemId":"%s","progressId":"%s","status":"DANG_THUC_HIEN","percent":60,\
            "indicatorValues":[{"name":"Tỉ lệ giáo viên đạt chuẩn","value":72}],\
            "narrative":"Tổ giám sát kiểm tra minh chứng ngày 2024-01-10: đạt 60%% kế hoạch",\
            "evidenceCodes":["[H1-1.5-01]"],"amountSpentToDate":1500000,"effectiveDate":"2024-01-10"}""";
    private static final String META = """
            {"actor":"Tổ giám sát - Nguyễn Thị Mai","actorId":"gs.79000001","correlationId":"%s","causationId":"%s",\
            "previousHash":"9f2c1e6b3a7d4c5e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9012345678abcd",\
            "hash":"0a1b2c3d4e5f60718293a4b5c6d7e8f9012345678abcd9f2c1e6b3a7d4c5e8f9"}""";
    static final String TYPE = "vn.caitien.api.event.ProgressRecorded";

    record Result(long rows, double seconds, Stats latency) {
        double perSecond() { return rows / seconds; }
    }

    static void createTable(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
            s.execute("create schema " + SCHEMA);
            s.execute("""
                    create table %s.domain_event_entry (
                        global_index         bigserial    not null primary key,
                        event_identifier     varchar(255) not null unique,
                        meta_data            bytea,
                        payload              bytea        not null,
                        payload_revision     varchar(255),
                        payload_type         varchar(255) not null,
                        time_stamp           varchar(255) not null,
                        aggregate_identifier varchar(255) not null,
                        sequence_number      bigint       not null,
                        type                 varchar(255),
                        unique (aggregate_identifier, sequence_number))""".formatted(SCHEMA));
            s.execute("create index domain_event_entry_time_stamp on %s.domain_event_entry (time_stamp)".formatted(SCHEMA));
        }
    }

    /** Gives the scratch table's disk back (a large run needs room for one large table at a time). */
    static void dropScratch(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    static void truncate(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("truncate " + SCHEMA + ".domain_event_entry restart identity");
        }
    }

    /**
     * Appends {@code rows} events with {@code clients} connections, each a transaction of one batched
     * row, spread over many aggregates (one sequence per aggregate, as plans are).
     */
    static Result append(ConnectionSource connections, int rows, int clients, String run) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        List<Future<List<Long>>> futures = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            int client = t;
            futures.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                try (Connection c = connections.get()) {
                    c.setAutoCommit(false);
                    try (PreparedStatement insert = c.prepareStatement("insert into " + SCHEMA + ".domain_event_entry "
                            + "(event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp, "
                            + "aggregate_identifier, sequence_number, type) values (?, ?, ?, null, ?, ?, ?, ?, 'Plan')")) {
                        int seq = 0;
                        String aggregate = run + "-" + client + "-" + UUID.randomUUID();
                        while (next.getAndIncrement() < rows) {
                            if (seq == 200) { // a plan's year of events, then the next plan
                                aggregate = run + "-" + client + "-" + UUID.randomUUID();
                                seq = 0;
                            }
                            long t0 = System.nanoTime();
                            String id = UUID.randomUUID().toString();
                            insert.setString(1, id);
                            insert.setBytes(2, META.formatted(id, id).getBytes(StandardCharsets.UTF_8));
                            insert.setBytes(3, PAYLOAD.formatted(aggregate, id, id).getBytes(StandardCharsets.UTF_8));
                            insert.setString(4, TYPE);
                            insert.setString(5, Instant.now().toString());
                            insert.setString(6, aggregate);
                            insert.setLong(7, seq++);
                            insert.addBatch();
                            insert.executeBatch();
                            c.commit();
                            latencies.add(System.nanoTime() - t0);
                        }
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) all.addAll(f.get());
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        return new Result(all.size(), seconds, Stats.of(all));
    }

    /**
     * Bulk-loads {@code rows} event rows server-side (INSERT … SELECT generate_series in chunks of
     * 500,000, one transaction each), the same row shape and size as {@link #append}, then settles it; answers
     * the seconds the rows took to load.
     */
    static double bulkLoad(Connection c, long rows) throws Exception {
        return bulkLoad(c, SCHEMA + ".domain_event_entry", rows, false);
    }

    /**
     * Loads {@code rows} event rows of made-up plans ("bulk-…", 200 events each) server-side. With
     * {@code belowExisting} they get negative global indexes: a running plan-service's publisher, whose
     * position is above them, never reads them, so they only make the store (table and indexes) large.
     */
    static double bulkLoad(Connection c, String table, long rows, boolean belowExisting) throws Exception {
        long started = System.nanoTime();
        String payload = PAYLOAD.formatted("00000000-0000-0000-0000-000000000000", "x", "x");
        String meta = META.formatted("x", "x");
        c.setAutoCommit(true);
        try (PreparedStatement insert = c.prepareStatement("insert into " + table + " ("
                + (belowExisting ? "global_index, " : "")
                + "event_identifier, meta_data, payload, payload_type, time_stamp, aggregate_identifier, sequence_number, type) "
                + "select " + (belowExisting ? "-1 - i, " : "")
                + "md5('e' || i)::uuid::text, convert_to(replace(?, 'x', md5('m' || i)), 'UTF8'), "
                + "convert_to(replace(?, 'x', md5('p' || i)), 'UTF8'), ?, "
                + "to_char(timestamp '2023-09-05' + i * interval '1 second', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), "
                + "'bulk-' || md5('a' || (i / 200))::uuid::text, i % 200, 'Plan' "
                + "from generate_series(?::bigint, ?::bigint) i")) {
            for (long from = 0; from < rows; from += 500_000) {
                long to = Math.min(rows, from + 500_000) - 1;
                insert.setString(1, meta);
                insert.setString(2, payload);
                insert.setString(3, TYPE);
                insert.setLong(4, from);
                insert.setLong(5, to);
                insert.executeUpdate();
                System.out.printf("  … %,d / %,d hàng đã nạp%n", to + 1, rows);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        settle(c, table);
        return seconds;
    }

    /**
     * Leaves the loaded store as a store that size is in service, not seconds after a load: vacuumed (else
     * autovacuum's pass over the new rows runs during the measurement), analyzed, and checkpointed (else
     * the load's dirty pages are written during it).
     */
    private static void settle(Connection c, String table) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("vacuum (analyze) " + table);
            try {
                s.execute("checkpoint");
            } catch (java.sql.SQLException notAllowed) {
                System.out.println("  … (không được chạy CHECKPOINT với tài khoản này: " + notAllowed.getMessage() + ")");
            }
        }
    }

    interface ConnectionSource {
        Connection get() throws Exception;
    }

    private EventRows() {
    }
}
