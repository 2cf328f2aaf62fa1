package vn.caitien.planservice.web.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.caitien.api.plan.ApprovePlan;
import vn.caitien.api.plan.CreatePlan;
import vn.caitien.api.plan.PlanId;
import vn.caitien.planservice.security.PlanGuard;
import vn.caitien.planservice.view.PlanSummary;
import vn.caitien.planservice.view.PlanView;
import vn.caitien.planservice.view.PlanViewRepository;
import vn.caitien.planservice.web.CommandSender;
import vn.caitien.planservice.web.IfMatch;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping(path = "/api/plans", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Kế hoạch", description = "Lập, xem và ban hành kế hoạch cải tiến chất lượng")
public class PlanController {
    private final CommandSender commands;
    private final PlanViewRepository views;
    private final PlanGuard guard;
    private final Clock clock;

    public PlanController(CommandSender commands, PlanViewRepository views, PlanGuard guard, Clock clock) {
        this.commands = commands;
        this.views = views;
        this.guard = guard;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Lập kế hoạch mới (dự thảo); hiệu trưởng, cho trường của mình: mã trường và đơn vị quản lý lấy "
            + "theo tài khoản, mã kế hoạch do hệ thống cấp")
    public ResponseEntity<Map<String, String>> create(@Valid @RequestBody CreatePlanRequest request) {
        CreatePlan command = request.toCommand(guard.scopeOfNewPlan(request.school().code(), request.school().managingUnit()));
        commands.send(command);
        String id = command.planId().value();
        return ResponseEntity.created(URI.create("/api/plans/" + id)).body(Map.of("id", id));
    }

    @GetMapping
    @Operation(summary = "Danh sách kế hoạch người dùng được xem")
    public List<PlanSummary> list() { return views.summaries(guard.readableScopes()); }

    @GetMapping("/{planId}")
    @Operation(summary = "Toàn bộ kế hoạch: thông tin chung, các nội dung cải tiến và phiên bản (cũng trong ETag)")
    public ResponseEntity<PlanView> get(@PathVariable PlanId planId) {
        PlanView view = guard.readable(planId.value());
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (view.version != null) ok.eTag(IfMatch.etag(view.version));
        return ok.body(view);
    }

    @PostMapping("/{planId}/approve")
    @Operation(summary = "Hiệu trưởng ban hành kế hoạch")
    public ResponseEntity<Map<String, String>> approve(@PathVariable PlanId planId,
                                                       @Valid @RequestBody(required = false) ApprovePlanRequest request,
                                                       @Parameter(description = IfMatch.DESCRIPTION)
                                                       @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        LocalDate on = request == null || request.approvedOn() == null ? LocalDate.now(clock) : request.approvedOn();
        commands.send(new ApprovePlan(planId, on, request == null ? null : request.approvedBy()), ifMatch);
        return ResponseEntity.status(HttpStatus.OK).body(Map.of("id", planId.value(), "status", "APPROVED"));
    }
}
