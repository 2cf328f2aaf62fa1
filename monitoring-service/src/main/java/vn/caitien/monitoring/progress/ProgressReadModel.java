package vn.caitien.monitoring.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import vn.caitien.api.access.PlanScope;
import vn.caitien.api.wire.WireJson;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the rows the projection keeps; all judgement (overdue, rates, report states) is in {@link vn.caitien.readmodel.Standing}. */
@Repository
public class ProgressReadModel {
    private final JdbcTemplate jdbc;

    public ProgressReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record PlanRow(String planId, String schoolName, String schoolKey, String schoolType, List<String> managingUnit,
                          String documentNumber, String schoolYear, String frameworkId, String status, Instant updatedAt,
                          String schoolCode) {
        /** Whose plan it is, for {@link vn.caitien.api.access.Access}: the school code and managing unit of PlanCreated. */
        public PlanScope scope() { return new PlanScope(schoolCode, managingUnit); }
    }

    public record ItemRow(String planId, String itemId, String criterionCode, String levelGroup, YearMonth start,
                          YearMonth end, String status, Integer percent, Long budgetPlanned, Long amountSpent,
                          int evidenceCount, LocalDate lastEffectiveDate, Instant lastUpdatedAt, String lastUpdatedBy,
                          JsonNode details, JsonNode indicatorValues) {
    }

    public record ReportRow(String planId, String period, int revision, LocalDate submittedOn, Instant submittedAt,
                            String submittedBy) {
    }

    /** Plans under a unit path (empty = all), optionally narrowed; nulls mean "any". */
    public List<PlanRow> plans(List<String> unitPath, String schoolType, String frameworkId, String schoolYear,
                               String schoolKey) {
        return jdbc.query("""
                select plan_id, school_name, school_key, school_type, managing_unit, document_number, school_year,
                       framework_id, status, updated_at, school_code
                from plan_progress
                where managing_unit[1:cardinality(?::text[])] = ?::text[]
                  and (?::text is null or school_type = ?) and (?::text is null or framework_id = ?)
                  and (?::text is null or school_year = ?) and (?::text is null or school_key = ?)
                order by school_name, school_year desc, plan_id""", PLAN,
                unitArray(unitPath), unitArray(unitPath), schoolType, schoolType, frameworkId, frameworkId,
                schoolYear, schoolYear, schoolKey, schoolKey);
    }

    public List<PlanRow> plan(String planId) {
        return jdbc.query("""
                select plan_id, school_name, school_key, school_type, managing_unit, document_number, school_year,
                       framework_id, status, updated_at, school_code
                from plan_progress where plan_id = ?""", PLAN, planId);
    }

    /** The plans of these ids that the read model has, in no particular order. */
    public List<PlanRow> plans(List<String> planIds) {
        if (planIds.isEmpty()) return List.of();
        return jdbc.query("""
                select plan_id, school_name, school_key, school_type, managing_unit, document_number, school_year,
                       framework_id, status, updated_at, school_code
                from plan_progress where plan_id = any(?)""", PLAN, (Object) planIds.toArray(String[]::new));
    }

    /** The approved plans of a school, by its code (the public disclosure), newest school year first. */
    public List<PlanRow> approvedPlansOfSchool(String schoolCode) {
        return jdbc.query("""
                select plan_id, school_name, school_key, school_type, managing_unit, document_number, school_year,
                       framework_id, status, updated_at, school_code
                from plan_progress where school_key = ? and nullif(trim(school_code), '') is not null and status = 'APPROVED'
                order by school_year desc, plan_id""", PLAN, schoolCode);
    }

    /** Whose plan it is, or empty when the read model has not heard of it. */
    public Optional<PlanScope> scope(String planId) {
        return jdbc.query("select school_code, managing_unit from plan_progress where plan_id = ?",
                (rs, n) -> new PlanScope(rs.getString(1), textList(rs.getArray(2))), planId).stream().findFirst();
    }

    public Map<String, List<ItemRow>> items(List<String> planIds) {
        Map<String, List<ItemRow>> byPlan = new LinkedHashMap<>();
        planIds.forEach(id -> byPlan.put(id, new ArrayList<>()));
        if (planIds.isEmpty()) return byPlan;
        jdbc.query("""
                select plan_id, item_id, criterion_code, level_group, start_month, end_month, status, percent,
                       budget_planned, amount_spent, cardinality(evidence_codes), last_effective_date, last_updated_at,
                       last_updated_by, details::text, indicator_values::text
                from item_progress where plan_id = any(?) and not removed order by plan_id, position""", rs -> {
            ItemRow row = item(rs);
            byPlan.get(row.planId()).add(row);
        }, (Object) planIds.toArray(String[]::new));
        return byPlan;
    }

    public Map<String, List<ReportRow>> reports(List<String> planIds) {
        Map<String, List<ReportRow>> byPlan = new LinkedHashMap<>();
        planIds.forEach(id -> byPlan.put(id, new ArrayList<>()));
        if (planIds.isEmpty()) return byPlan;
        jdbc.query("""
                select plan_id, period, revision, submitted_on, submitted_at, submitted_by
                from report_submission where plan_id = any(?) order by plan_id, period, revision""", rs -> {
            byPlan.get(rs.getString(1)).add(new ReportRow(rs.getString(1), rs.getString(2), rs.getInt(3),
                    localDate(rs.getDate(4)), rs.getTimestamp(5).toInstant(), rs.getString(6)));
        }, (Object) planIds.toArray(String[]::new));
        return byPlan;
    }

    private static final RowMapper<PlanRow> PLAN = (rs, n) -> new PlanRow(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), textList(rs.getArray(5)), rs.getString(6), rs.getString(7),
            rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant(), rs.getString(11));

    private static ItemRow item(ResultSet rs) throws SQLException {
        return new ItemRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                yearMonth(rs.getDate(5)), yearMonth(rs.getDate(6)), rs.getString(7), (Integer) rs.getObject(8),
                (Long) rs.getObject(9), (Long) rs.getObject(10), rs.getInt(11), localDate(rs.getDate(12)),
                rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant(), rs.getString(14),
                tree(rs.getString(15)), tree(rs.getString(16)));
    }

    private static JsonNode tree(String json) {
        if (json == null) return null;
        try {
            return WireJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable JSON in read model", e);
        }
    }

    private static String[] unitArray(List<String> path) { return path.toArray(String[]::new); }

    private static List<String> textList(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static YearMonth yearMonth(Date date) { return date == null ? null : YearMonth.from(date.toLocalDate()); }

    private static LocalDate localDate(Date date) { return date == null ? null : date.toLocalDate(); }
}
