package vn.caitien.planservice.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.caitien.api.plan.ApprovePlan;
import vn.caitien.api.plan.CreatePlan;
import vn.caitien.api.plan.PlanId;
import vn.caitien.planservice.web.CommandSender;
import vn.caitien.planservice.web.PlanNotFound;

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
    private final Clock clock;

    public PlanController(CommandSender commands, PlanViewRepository views, Clock clock) {
        this.commands = commands;
        this.views = views;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Lập kế hoạch mới (dự thảo)")
    public ResponseEntity<Map<String, String>> create(@Valid @RequestBody CreatePlanRequest request) {
        CreatePlan command = request.toCommand();
        commands.send(command);
        String id = command.planId().value();
        return ResponseEntity.created(URI.create("/api/plans/" + id)).body(Map.of("id", id));
    }

    @GetMapping
    @Operation(summary = "Danh sách kế hoạch")
    public List<PlanSummary> list() { return views.summaries(); }

    @GetMapping("/{planId}")
    @Operation(summary = "Toàn bộ kế hoạch: thông tin chung và các nội dung cải tiến")
    public PlanView get(@PathVariable PlanId planId) {
        return views.find(planId.value()).orElseThrow(() -> new PlanNotFound(planId.value()));
    }

    @PostMapping("/{planId}/approve")
    @Operation(summary = "Hiệu trưởng ban hành kế hoạch")
    public ResponseEntity<Map<String, String>> approve(@PathVariable PlanId planId,
                                                       @Valid @RequestBody(required = false) ApprovePlanRequest request) {
        LocalDate on = request == null || request.approvedOn() == null ? LocalDate.now(clock) : request.approvedOn();
        commands.send(new ApprovePlan(planId, on, request == null ? null : request.approvedBy()));
        return ResponseEntity.status(HttpStatus.OK).body(Map.of("id", planId.value(), "status", "APPROVED"));
    }
}
