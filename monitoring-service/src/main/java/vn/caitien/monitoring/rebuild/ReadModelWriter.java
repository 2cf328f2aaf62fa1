package vn.caitien.monitoring.rebuild;

import org.apache.kafka.common.TopicPartition;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.caitien.api.chain.ChainLink;
import vn.caitien.monitoring.messaging.ConsumerConfiguration;
import vn.caitien.readside.deadletter.DeadLetters;


import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Replaces the read model with a replay's rows in one transaction: the three tables are emptied and
 * refilled with COPY, the processor's processed_event marks become the applied events' ids, the
 * dead-letter queue is emptied, and the processor's token moves to the end of what was read. Either all
 * of it is committed or none.
 */
@Component
class ReadModelWriter {
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final TokenStore tokenStore;
    private final DeadLetters deadLetters;

    ReadModelWriter(DataSource dataSource, PlatformTransactionManager transactions, TokenStore tokenStore,
                    DeadLetters deadLetters) {
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactions);
        this.tokenStore = tokenStore;
        this.deadLetters = deadLetters;
    }

    /** What was written, and how long each step took (milliseconds, for the log). */
    record Written(long plans, long items, long reports, long marks, String timings) {
    }

    /** @param end each partition's end offset when the rebuild began: the next record to read */
    Written write(ReplayedPlans replayed, AppliedEvents applied, Map<TopicPartition, Long> end) {
        return transaction.execute(status -> {
            try {
                return writeIn(DataSourceUtils.getConnection(dataSource), replayed, applied, end);
            } catch (SQLException e) {
                throw new WriteFailed(e);
            }
        });
    }

    private Written writeIn(Connection connection, ReplayedPlans replayed, AppliedEvents applied,
                            Map<TopicPartition, Long> end) throws SQLException {
        Steps steps = new Steps();
        List<String> restoreForeignKeys;
        try (Statement s = connection.createStatement()) {
            s.execute("truncate report_submission, item_progress, plan_progress");
            restoreForeignKeys = dropForeignKeys(s);
        }
        steps.done("xoá");
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        long plans = PlanRowsCopy.plans(copy, replayed.plans());
        steps.done("kế hoạch");
        long items = PlanRowsCopy.items(copy, replayed);
        steps.done("nội dung");
        long reports = PlanRowsCopy.reports(copy, replayed.plans());
        steps.done("báo cáo");
        try (Statement s = connection.createStatement()) {
            for (String add : restoreForeignKeys) s.execute(add);
        }
        steps.done("khóa ngoại");
        long marks = ProcessedMarks.replace(connection, copy, applied);
        steps.done("dấu đã xử lý");
        copyChainHeads(connection, copy, applied);
        steps.done("đầu chuỗi");
        // Parked events were applied by the replay (or it refused them and nothing here runs).
        deadLetters.clear();
        storeToken(end);
        steps.done("mốc đọc");
        return new Written(plans, items, reports, marks, steps.toString());
    }

    /**
     * The foreign keys from items and reports to their plan, dropped for the copy and added back after
     * it: checked once by one join instead of by a trigger per row (the read model already refuses rows
     * whose plan is missing; the check stays as a guard). Answers the statements that add them back as they were.
     */
    private static List<String> dropForeignKeys(Statement s) throws SQLException {
        List<String> drop = new ArrayList<>();
        List<String> add = new ArrayList<>();
        try (ResultSet keys = s.executeQuery("""
                select format('alter table %s drop constraint %I', conrelid::regclass, conname),
                       format('alter table %s add constraint %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
                from pg_constraint
                where contype = 'f' and conrelid in ('item_progress'::regclass, 'report_submission'::regclass)""")) {
            while (keys.next()) {
                drop.add(keys.getString(1));
                add.add(keys.getString(2));
            }
        }
        for (String statement : drop) s.execute(statement);
        return add;
    }

    /** Each plan's last applied event, which the live path's chain check goes on from. */
    private static void copyChainHeads(Connection connection, CopyManager copy, AppliedEvents applied) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("truncate plan_chain");
        }
        try (CopyRows rows = new CopyRows(copy, "plan_chain", "plan_id, sequence, hash")) {
            Map<String, ChainLink.Head> heads = new HashMap<>();
            applied.forEachHead(heads::put);
            for (Map.Entry<String, ChainLink.Head> head : heads.entrySet()) {
                rows.text(head.getKey()).number(head.getValue().sequence()).text(head.getValue().hash()).endRow();
            }
            rows.finish();
        }
    }

    /**
     * A Kafka tracking token holds, per partition, the offset of the last record consumed: the
     * processor seeks to it plus one. So the live processor goes on exactly after what the replay read.
     */
    private void storeToken(Map<TopicPartition, Long> end) {
        Map<TopicPartition, Long> lastRead = new HashMap<>();
        end.forEach((partition, next) -> {
            if (next > 0) lastRead.put(partition, next - 1);
        });
        KafkaTrackingToken token = KafkaTrackingToken.newInstance(lastRead);
        int[] segments = tokenStore.fetchSegments(ConsumerConfiguration.PROCESSOR);
        if (segments.length == 0) tokenStore.initializeTokenSegments(ConsumerConfiguration.PROCESSOR, 1, token);
        for (int segment : segments) tokenStore.storeToken(token, ConsumerConfiguration.PROCESSOR, segment);
    }

    /** How long each step of the write took. */
    private static final class Steps {
        private final StringBuilder done = new StringBuilder();
        private long since = System.nanoTime();

        void done(String step) {
            long now = System.nanoTime();
            done.append(done.isEmpty() ? "" : ", ").append(step).append(' ').append((now - since) / 1_000_000).append(" ms");
            since = now;
        }

        @Override
        public String toString() { return done.toString(); }
    }

    /** The database refused the rows or the connection failed; the transaction is rolled back. */
    static final class WriteFailed extends RuntimeException {
        WriteFailed(SQLException cause) {
            super(cause.getMessage(), cause);
        }

        /**
         * The database refused the rows (data or integrity errors, SQLSTATE classes 22 and 23) or a statement
         * of the bulk path itself (class 42: e.g. no right to set the keys aside): the per-event replay can
         * still rebuild. Anything else (the connection, the server) would stop it too.
         */
        boolean refusedTheRows() {
            for (Throwable t = getCause(); t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && sql.getSQLState() != null && (sql.getSQLState().startsWith("22")
                        || sql.getSQLState().startsWith("23") || sql.getSQLState().startsWith("42"))) return true;
            }
            return false;
        }
    }
}
