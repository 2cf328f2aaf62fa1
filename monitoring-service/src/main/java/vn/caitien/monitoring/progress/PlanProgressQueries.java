package vn.caitien.monitoring.progress;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.caitien.api.progress.ProgressStatus;
import vn.caitien.api.report.ReportPeriod;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the progress read model; overdue is judged against today's date. */
@Repository
public class PlanProgressQueries {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public PlanProgressQueries(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<PlanProgress> find(String planId) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.query("""
                select plan_id, school_name, document_number, school_year, framework_id, status, updated_at
                from plan_progress where plan_id = ?""", rs -> {
            if (!rs.next()) return Optional.<PlanProgress>empty();
            List<ItemProgress> items = items(planId, today);
            return Optional.of(assemble(rs, items, reports(planId), today));
        }, planId);
    }

    private PlanProgress assemble(ResultSet rs, List<ItemProgress> items, List<PlanProgress.ReportStatus> reports,
                                  LocalDate today) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ProgressStatus s : ProgressStatus.values()) counts.put(s.name(), 0);
        items.forEach(i -> counts.merge(i.status(), 1, Integer::sum));
        int completed = counts.get(ProgressStatus.HOAN_THANH.name());
        int overdue = (int) items.stream().filter(ItemProgress::overdue).count();
        long planned = items.stream().mapToLong(i -> i.budgetPlanned() == null ? 0 : i.budgetPlanned()).sum();
        long spent = items.stream().mapToLong(i -> i.amountSpent() == null ? 0 : i.amountSpent()).sum();
        double rate = items.isEmpty() ? 0 : Math.round(1000.0 * completed / items.size()) / 1000.0;
        return new PlanProgress(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), today, rs.getTimestamp(7).toInstant(), items, counts,
                items.size(), completed, overdue, rate, planned, spent, reports);
    }

    private List<ItemProgress> items(String planId, LocalDate today) {
        return jdbc.query("""
                select item_id, criterion_code, level_group, target_result, lead, start_month, end_month, status,
                       percent, budget_planned, amount_spent, cardinality(evidence_codes), last_effective_date,
                       last_updated_at, last_updated_by
                from item_progress where plan_id = ? and not removed order by position""", (rs, n) -> {
            YearMonth end = yearMonth(rs.getDate(7));
            ProgressStatus status = ProgressStatus.valueOf(rs.getString(8));
            LocalDate due = end == null ? null : end.atEndOfMonth();
            boolean overdue = due != null && due.isBefore(today) && status != ProgressStatus.HOAN_THANH;
            return new ItemProgress(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), yearMonth(rs.getDate(6)), end, status.name(), status.label(),
                    (Integer) rs.getObject(9), overdue, overdue ? ChronoUnit.DAYS.between(due, today) : 0,
                    (Long) rs.getObject(10), (Long) rs.getObject(11), rs.getInt(12),
                    rs.getDate(13) == null ? null : rs.getDate(13).toLocalDate(),
                    rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant(), rs.getString(15));
        }, planId);
    }

    private List<PlanProgress.ReportStatus> reports(String planId) {
        Map<String, PlanProgress.ReportStatus> latest = new LinkedHashMap<>();
        jdbc.query("""
                select period, revision, submitted_at, submitted_by from report_submission
                where plan_id = ? order by revision""", rs -> {
            ReportPeriod period = ReportPeriod.valueOf(rs.getString(1));
            latest.put(period.name(), new PlanProgress.ReportStatus(period.name(), period.label(), rs.getInt(2),
                    rs.getTimestamp(3).toInstant(), rs.getString(4)));
        }, planId);
        List<PlanProgress.ReportStatus> all = new ArrayList<>();
        for (ReportPeriod p : ReportPeriod.values()) {
            all.add(latest.getOrDefault(p.name(), new PlanProgress.ReportStatus(p.name(), p.label(), null, null, null)));
        }
        return all;
    }

    private static YearMonth yearMonth(java.sql.Date date) {
        return date == null ? null : YearMonth.from(date.toLocalDate());
    }
}
