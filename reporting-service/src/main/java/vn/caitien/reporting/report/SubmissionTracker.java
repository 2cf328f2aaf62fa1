package vn.caitien.reporting.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.caitien.access.PlanScope;
import vn.caitien.api.plan.SchoolYear;
import vn.caitien.readside.report.ReportCadence;
import vn.caitien.readside.report.ReportCadence;
import vn.caitien.api.report.ReportPeriod;
import vn.caitien.reporting.security.PlanGuard;
import vn.caitien.reporting.security.PlanScopes;

import java.sql.Array;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * For an education office: per period, which schools under a unit sent their report on time, late, or
 * not yet. Only units the caller oversees, only plans the caller may read.
 */
@RestController
@Tag(name = "Theo dõi nộp báo cáo", description = "Trường nào đã nộp báo cáo giám sát đúng hạn, trễ hạn hoặc chưa nộp")
public class SubmissionTracker {
    private final JdbcTemplate jdbc;
    private final ReportArchive archive;
    private final ReportCadence cadence;
    private final Clock clock;
    private final PlanGuard guard;

    public SubmissionTracker(JdbcTemplate jdbc, ReportArchive archive, ReportCadence cadence, Clock clock,
                             PlanGuard guard) {
        this.jdbc = jdbc;
        this.archive = archive;
        this.cadence = cadence;
        this.clock = clock;
        this.guard = guard;
    }

    public record School(String planId, String schoolName, List<String> managingUnit, String schoolYear,
                         LocalDate dueDate, String state, LocalDate submittedOn, Integer revision) {
    }

    public record Period(String period, String label, int onTime, int late, int missing, int notDue, List<School> schools) {
    }

    @GetMapping("/api/submissions")
    @Operation(summary = "Tình hình nộp báo cáo theo kỳ của các trường thuộc một đơn vị trong phạm vi được giao "
            + "(cơ quan quản lý giáo dục, kiểm định viên, quản trị viên)")
    public Map<String, Object> submissions(
            @Parameter(description = "Đường dẫn đơn vị, vd. Thành phố Hồ Chí Minh/Quận 10; bỏ trống = đơn vị của người xem")
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String schoolYear) {
        PlanGuard.Oversight oversight = guard.overseeable(unit);
        List<String> path = oversight.path();
        List<School> plans = jdbc.query("""
                select plan_id, school_name, managing_unit, school_year, school_code from plan_directory
                where approved and managing_unit[1:cardinality(?::text[])] = ?::text[]
                  and (?::text is null or school_year = ?) order by school_name""",
                (rs, n) -> oversight.shows(new PlanScope(rs.getString(5), list(rs.getArray(3))))
                        ? new School(rs.getString(1), rs.getString(2), list(rs.getArray(3)), rs.getString(4),
                        null, null, null, null) : null,
                path.toArray(String[]::new), path.toArray(String[]::new), blank(schoolYear), blank(schoolYear))
                .stream().filter(Objects::nonNull).toList();
        LocalDate today = LocalDate.now(clock);
        List<Period> periods = SubmissionBoard.periods(plans,
                archive.revisions(plans.stream().map(School::planId).toList()), cadence, today);
        return Map.of("path", path, "schoolYear", schoolYear == null ? "" : schoolYear, "asOf", today, "periods", periods);
    }

    private static List<String> list(Array array) throws java.sql.SQLException {
        return PlanScopes.path(array);
    }

    private static String blank(String s) { return s == null || s.isBlank() ? null : s.strip(); }
}
