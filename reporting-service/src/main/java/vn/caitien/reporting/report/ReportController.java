package vn.caitien.reporting.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import vn.caitien.api.plan.SchoolYear;
import vn.caitien.readside.report.ReportCadence;
import vn.caitien.api.report.ReportPeriod;
import vn.caitien.reporting.audit.PlanEvents;
import vn.caitien.readmodel.Labels;
import vn.caitien.readmodel.PlanRow;
import vn.caitien.readmodel.PlanRows;
import vn.caitien.readmodel.ReportRow;
import vn.caitien.reporting.security.PlanGuard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The school year's monitoring reports of a plan: frozen revisions once submitted, a live draft before. */
@RestController
@Tag(name = "Báo cáo giám sát", description = "Ba báo cáo định kỳ: bản đã nộp (giữ nguyên) và bản dự thảo")
public class ReportController {
    private final PlanEvents events;
    private final ReportArchive archive;
    private final ReportBuilder builder;
    private final ReportCadence cadence;
    private final Clock clock;
    private final PlanGuard guard;

    public ReportController(PlanEvents events, ReportArchive archive, ReportBuilder builder, ReportCadence cadence,
                            Clock clock, PlanGuard guard) {
        this.events = events;
        this.archive = archive;
        this.builder = builder;
        this.cadence = cadence;
        this.clock = clock;
        this.guard = guard;
    }

    @GetMapping("/api/plans/{planId}/reports")
    @Operation(summary = "Các kỳ báo cáo của năm học: hạn nộp, các lần nộp và đính chính")
    public List<Map<String, Object>> periods(@PathVariable String planId) {
        guard.readable(planId);
        PlanRow plan = plan(planId).plan();
        Map<ReportPeriod, LocalDate> due = cadence.dueDates(plan.managingUnit(), SchoolYear.parse(plan.schoolYear()));
        List<ReportArchive.Revision> revisions = archive.revisions(List.of(planId));
        List<Map<String, Object>> result = new ArrayList<>();
        due.forEach((period, date) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("period", period.name());
            entry.put("label", Labels.reportPeriod(period));
            entry.put("dueDate", date);
            entry.put("revisions", revisions.stream().filter(r -> r.period().equals(period.name())).toList());
            result.add(entry);
        });
        return result;
    }

    @GetMapping("/api/plans/{planId}/reports/current")
    @Operation(summary = "Báo cáo của kỳ hiện tại: kỳ đầu tiên chưa nộp (dự thảo đến hôm nay), hoặc kỳ cuối nếu đã nộp đủ")
    public MonitoringReport current(@PathVariable String planId) {
        guard.readable(planId);
        PlanRows rows = plan(planId);
        List<String> submitted = rows.reports().stream().map(ReportRow::period).toList();
        Map<ReportPeriod, LocalDate> due = cadence.dueDates(rows.plan().managingUnit(),
                SchoolYear.parse(rows.plan().schoolYear()));
        ReportPeriod current = due.keySet().stream().filter(p -> !submitted.contains(p.name())).findFirst()
                .orElse(due.keySet().stream().reduce((a, b) -> b).orElse(ReportPeriod.CUOI_NAM));
        return resolve(planId, current, null);
    }

    @GetMapping("/api/plans/{planId}/reports/{period}")
    @Operation(summary = "Nội dung báo cáo một kỳ: bản đã nộp (lần mới nhất hoặc revision), hoặc dự thảo tính đến hôm nay")
    public MonitoringReport report(@PathVariable String planId, @PathVariable ReportPeriod period,
                                   @Parameter(description = "Lần nộp; bỏ trống = lần mới nhất")
                                   @RequestParam(required = false) Integer revision) {
        guard.readable(planId);
        return resolve(planId, period, revision);
    }

    /**
     * The frozen revision (latest if null), or for an unsubmitted period a draft as of today. Callers
     * check {@link PlanGuard#readable} first.
     */
    public MonitoringReport resolve(String planId, ReportPeriod period, Integer revision) {
        Optional<MonitoringReport> frozen = archive.report(planId, period.name(), revision);
        if (frozen.isPresent()) return frozen.get();
        if (revision != null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Không có lần nộp " + revision + " của kỳ " + Labels.reportPeriod(period));
        }
        return builder.build(plan(planId), period, null, LocalDate.now(clock));
    }

    private PlanRows plan(String planId) {
        List<PlanEvents.Stored> all = events.upTo(planId, null);
        if (all.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Chưa có kế hoạch mã " + planId);
        }
        return PlanEvents.fold(all);
    }
}
