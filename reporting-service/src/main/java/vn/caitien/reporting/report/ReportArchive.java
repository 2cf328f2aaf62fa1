package vn.caitien.reporting.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.caitien.api.wire.WireJson;
import vn.caitien.readmodel.ReportRow;
import vn.caitien.readmodel.Standing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Submitted report revisions as frozen at submission. */
@Repository
public class ReportArchive {
    private final JdbcTemplate jdbc;

    public ReportArchive(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Revision(String planId, String period, int revision, LocalDate submittedOn, Instant recordedAt) {

        /** As the read model's report row, without the texts: enough for its {@link Standing} to judge. */
        ReportRow row() {
            return new ReportRow(planId, period, revision, null, null, null, null, submittedOn, recordedAt, null);
        }
    }

    public List<Revision> revisions(List<String> planIds) {
        if (planIds.isEmpty()) return List.of();
        return jdbc.query("""
                select plan_id, period, revision, submitted_on, recorded_at from report_snapshot
                where plan_id = any(?) order by plan_id, period, revision""",
                (rs, n) -> new Revision(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(), rs.getTimestamp(5).toInstant()),
                (Object) planIds.toArray(String[]::new));
    }

    /** The number of the given revision, or of the latest when {@code revision} is null, if it was submitted. */
    public Optional<Integer> revisionNumber(String planId, String period, Integer revision) {
        return jdbc.query("""
                select revision from report_snapshot where plan_id = ? and period = ?
                  and (?::int is null or revision = ?::int) order by revision desc limit 1""",
                (rs, n) -> rs.getInt(1), planId, period, revision, revision).stream().findFirst();
    }

    /** The given revision, or the latest when {@code revision} is null. */
    public Optional<MonitoringReport> report(String planId, String period, Integer revision) {
        return jdbc.query("""
                select content::text from report_snapshot where plan_id = ? and period = ?
                  and (?::int is null or revision = ?::int) order by revision desc limit 1""",
                (rs, n) -> read(rs.getString(1)), planId, period, revision, revision).stream().findFirst();
    }

    private static MonitoringReport read(String json) {
        try {
            return WireJson.mapper().readValue(json, MonitoringReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable frozen report", e);
        }
    }
}
