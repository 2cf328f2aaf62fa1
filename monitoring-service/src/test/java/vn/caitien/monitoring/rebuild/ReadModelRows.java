package vn.caitien.monitoring.rebuild;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row and column of the read model as PostgreSQL prints them (jsonb normalised, arrays and
 * timestamps as text), the processor's processed-event marks and each plan's chain head: two snapshots are equal only if the
 * tables are.
 */
record ReadModelRows(List<String> plans, List<String> items, List<String> reports, Set<String> marks,
                     List<String> chainHeads) {

    static ReadModelRows of(JdbcTemplate jdbc) {
        return new ReadModelRows(
                rows(jdbc, "select * from plan_progress order by plan_id"),
                rows(jdbc, "select * from item_progress order by plan_id, item_id"),
                rows(jdbc, "select * from report_submission order by plan_id, period, revision"),
                new TreeSet<>(jdbc.queryForList("select event_id from processed_event where processor_name = 'monitoring'",
                        String.class)),
                rows(jdbc, "select * from plan_chain order by plan_id"));
    }

    /** Fails unless these are the expected rows, naming the first table that differs and how. */
    void assertSameAs(ReadModelRows expected) {
        assertThat(plans).as("plan_progress").containsExactlyElementsOf(expected.plans);
        assertThat(items).as("item_progress").containsExactlyElementsOf(expected.items);
        assertThat(reports).as("report_submission").containsExactlyElementsOf(expected.reports);
        assertThat(marks).as("processed_event").isEqualTo(expected.marks);
        assertThat(chainHeads).as("plan_chain").containsExactlyElementsOf(expected.chainHeads);
    }

    private static List<String> rows(JdbcTemplate jdbc, String sql) {
        List<String> rows = new ArrayList<>();
        jdbc.query(sql, (ResultSet rs) -> {
            rows.add(row(rs));
        });
        return rows;
    }

    private static String row(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.append(i == 1 ? "" : " | ").append(meta.getColumnName(i)).append('=').append(rs.getString(i));
        }
        return row.toString();
    }
}
