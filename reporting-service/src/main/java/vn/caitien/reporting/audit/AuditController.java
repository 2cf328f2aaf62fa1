package vn.caitien.reporting.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import vn.caitien.api.plan.PlanCreated;
import vn.caitien.reporting.security.PlanGuard;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** The auditor's replay: the plan as it stood at an instant, and what changed between two instants. */
@RestController
@Tag(name = "Kiểm tra", description = "Dựng lại kế hoạch tại một thời điểm bằng cách phát lại sự kiện")
public class AuditController {
    private final PlanEvents events;
    private final PlanGuard guard;

    public AuditController(PlanEvents events, PlanGuard guard) {
        this.events = events;
        this.guard = guard;
    }

    @GetMapping("/api/plans/{planId}/state")
    @Operation(summary = "Kế hoạch đúng như tại thời điểm asOf, dựng lại từ các sự kiện đến thời điểm đó")
    public PlanState state(@PathVariable String planId,
                           @Parameter(description = "vd. 2024-01-15T00:00:00+07:00; bỏ trống = hiện tại")
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime asOf,
                           @Parameter(description = "effective: theo ngày hiệu lực của sự kiện (mặc định); "
                                   + "recorded: theo thời điểm hệ thống ghi nhận")
                           @RequestParam(defaultValue = "effective") String basis) {
        requireKnown(planId);
        if (!basis.equals("effective") && !basis.equals("recorded")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "basis phải là effective hoặc recorded");
        }
        List<PlanEvents.Stored> upTo = asOf == null ? events.upTo(planId, null)
                : basis.equals("recorded") ? events.upTo(planId, asOf.toInstant())
                : events.inEffectBy(planId, asOf.toInstant(), asOf.toZonedDateTime().getZone());
        // An item typed in before the plan's issue date can be in effect while the plan itself is not yet.
        if (upTo.isEmpty() || !(upTo.get(0).event() instanceof PlanCreated)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Tại " + asOf + " kế hoạch " + planId + " chưa được lập");
        }
        return PlanState.of(PlanEvents.fold(upTo));
    }

    @GetMapping("/api/plans/{planId}/diff")
    @Operation(summary = "Những gì thay đổi giữa hai thời điểm: nội dung thêm/sửa/bỏ, tiến độ ghi nhận, báo cáo nộp")
    public PlanDiff diff(@PathVariable String planId,
                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to) {
        requireKnown(planId);
        if (to.isBefore(from)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Thời điểm 'to' phải sau 'from'");
        }
        Instant start = from.toInstant();
        List<PlanEvents.Stored> all = events.upTo(planId, to.toInstant());
        List<PlanEvents.Stored> before = all.stream().filter(e -> !e.recordedAt().isAfter(start)).toList();
        List<PlanEvents.Stored> between = all.stream().filter(e -> e.recordedAt().isAfter(start)).toList();
        return PlanDiff.between(planId, start, to.toInstant(), PlanEvents.fold(before), between);
    }

    private void requireKnown(String planId) {
        guard.auditable(planId);
        if (!events.exists(planId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Chưa có lịch sử cho kế hoạch mã " + planId);
        }
    }
}
