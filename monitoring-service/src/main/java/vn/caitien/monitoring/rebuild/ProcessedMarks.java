package vn.caitien.monitoring.rebuild;

import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;
import vn.caitien.monitoring.messaging.ConsumerConfiguration;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Makes the processor's processed_event marks exactly the ids the rebuild applied. A rebuild replays
 * the same append-only topic the live path applied, so the marks are nearly always already those: they
 * are read (COPY out) and only the difference is written, instead of emptying a table of a million rows
 * and inserting them all again through its primary key.
 */
final class ProcessedMarks {
    static final int REBUILD_INDEX_FROM = 50_000;

    private ProcessedMarks() {
    }

    /** Answers the number of marks after the change. */
    static long replace(Connection connection, CopyManager copy, AppliedEvents applied) throws SQLException {
        BitSet present = new BitSet(applied.count());
        List<String> extra = new ArrayList<>();
        CopyOut out = copy.copyOut("copy (select event_id from processed_event where processor_name = '"
                + ConsumerConfiguration.PROCESSOR + "') to stdout");
        byte[] row;
        while ((row = out.readFromCopy()) != null) {
            String id = unescape(row);
            int at = applied.indexOf(id);
            if (at >= 0) present.set(at);
            else extra.add(id);
        }
        if (!extra.isEmpty()) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from processed_event where processor_name = ? and event_id = any(?)")) {
                delete.setString(1, ConsumerConfiguration.PROCESSOR);
                delete.setArray(2, connection.createArrayOf("varchar", extra.toArray()));
                delete.executeUpdate();
            }
        }
        int missing = applied.count() - present.cardinality();
        if (missing > 0) {
            // Many new marks (a first rebuild, a reset read model): one index build after the copy costs
            // far less than a million insertions into the primary key's index.
            List<String> restore = missing >= REBUILD_INDEX_FROM ? dropPrimaryKey(connection) : List.of();
            try (CopyRows rows = new CopyRows(copy, "processed_event", "processor_name, event_id")) {
                int[] at = {0};
                SQLException[] failure = new SQLException[1];
                applied.forEachId(id -> {
                    if (failure[0] == null && !present.get(at[0])) {
                        try {
                            rows.text(ConsumerConfiguration.PROCESSOR).text(id).endRow();
                        } catch (SQLException e) {
                            failure[0] = e;
                        }
                    }
                    at[0]++;
                });
                if (failure[0] != null) throw failure[0];
                rows.finish();
            }
            try (Statement s = connection.createStatement()) {
                for (String add : restore) s.execute(add);
            }
        }
        return applied.count();
    }

    /** Drops processed_event's primary key; answers the statement that adds it back as it was. */
    private static List<String> dropPrimaryKey(Connection connection) throws SQLException {
        List<String> add = new ArrayList<>();
        try (Statement s = connection.createStatement()) {
            List<String> drop = new ArrayList<>();
            try (ResultSet keys = s.executeQuery("select format('alter table %s drop constraint %I', conrelid::regclass, conname), "
                    + "format('alter table %s add constraint %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) "
                    + "from pg_constraint where contype = 'p' and conrelid = 'processed_event'::regclass")) {
                while (keys.next()) {
                    drop.add(keys.getString(1));
                    add.add(keys.getString(2));
                }
            }
            for (String statement : drop) s.execute(statement);
        }
        return add;
    }

    /** One column of COPY's text format, its backslash escapes undone (the row ends with a newline). */
    static String unescape(byte[] row) {
        int end = row.length > 0 && row[row.length - 1] == '\n' ? row.length - 1 : row.length;
        boolean plain = true;
        for (int i = 0; i < end; i++) if (row[i] == '\\') plain = false;
        if (plain) return new String(row, 0, end, StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(end);
        for (int i = 0; i < end; i++) {
            byte b = row[i];
            if (b != '\\' || i + 1 == end) {
                bytes.write(b);
                continue;
            }
            byte next = row[++i];
            bytes.write(switch (next) {
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'v' -> 0x0B;
                default -> next;
            });
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
