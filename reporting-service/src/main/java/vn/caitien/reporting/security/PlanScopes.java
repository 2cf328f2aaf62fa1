package vn.caitien.reporting.security;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.caitien.access.PlanScope;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Each plan's {@link PlanScope} as this service learnt it from {@code PlanCreated}: the school code and
 * managing unit kept in {@code plan_directory} (written by ReportSnapshotProjection, deduplicated and
 * replayed with the rest of the reporting projections).
 */
@Repository
public class PlanScopes {
    private final JdbcTemplate jdbc;

    public PlanScopes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty when the plan is unknown here (never created, or its events have not arrived yet). */
    public Optional<PlanScope> find(String planId) {
        return jdbc.query("select school_code, managing_unit from plan_directory where plan_id = ?",
                (rs, n) -> new PlanScope(rs.getString(1), path(rs.getArray(2))), planId).stream().findFirst();
    }

    public static List<String> path(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
