package vn.caitien.monitoring.progress;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import vn.caitien.access.Access;
import vn.caitien.access.Caller;
import vn.caitien.access.PlanAction;
import vn.caitien.access.PlanScope;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

@RestController
@Validated
@SecurityRequirement(name = "bearer")
@Tag(name = "Tiến độ", description = "Tiến độ thực hiện kế hoạch cải tiến, dựng từ dòng sự kiện")
public class ProgressController {
    private final PlanProgressService progress;
    private final ProgressReadModel readModel;

    public ProgressController(PlanProgressService progress, ProgressReadModel readModel) {
        this.progress = progress;
        this.readModel = readModel;
    }

    @GetMapping("/api/plans/{planId}/progress")
    @Operation(summary = "Tiến độ từng nội dung, số lượng theo trạng thái, tỉ lệ hoàn thành, quá hạn, báo cáo",
            description = "Kế hoạch ngoài phạm vi được xem trả về 404 như kế hoạch không tồn tại.")
    public PlanProgress progress(@PathVariable String planId, Caller caller) {
        // Out of scope answers exactly like missing: the same status, title and detail.
        ProgressReadModel.PlanRow row = readModel.plan(planId).stream()
                .filter(plan -> Access.canRead(caller, plan.scope())).findFirst()
                .orElseThrow(() -> notFound(planId));
        PlanProgress plan = progress.progress(row);
        return plan.withPermissions(permissions(caller, row.scope(), plan));
    }

    static ResponseStatusException notFound(String planId) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND,
                "Chưa có kế hoạch mã " + planId + " (hoặc sự kiện của kế hoạch chưa đến)");
    }

    static PlanProgress.Permissions permissions(Caller caller, PlanScope scope, PlanProgress plan) {
        List<String> actions = Arrays.stream(PlanAction.values())
                .filter(action -> action != PlanAction.CREATE_PLAN && action != PlanAction.RECORD_PROGRESS)
                .filter(action -> Access.may(caller, action, scope)).map(Enum::name).toList();
        List<String> items = plan.items().stream()
                .filter(item -> Access.mayRecordProgress(caller, scope, lead(item)))
                .map(ItemProgress::itemId).toList();
        return new PlanProgress.Permissions(actions, items);
    }

    private static String lead(ItemProgress item) {
        return item.details() == null || !item.details().hasNonNull("lead") ? null : item.details().get("lead").asText();
    }

    @GetMapping("/api/plans")
    @Operation(summary = "Danh sách kế hoạch người dùng được xem, lọc theo đơn vị quản lý, loại hình, bộ tiêu chuẩn, năm học")
    public Page<PlanSummary> plans(
            @Parameter(description = "Đường dẫn đơn vị, vd. Thành phố Hồ Chí Minh/Quận 10") @RequestParam(required = false) String unit,
            @RequestParam(required = false) String schoolType, @RequestParam(required = false) String frameworkId,
            @RequestParam(required = false) String schoolYear,
            @Parameter(description = "schoolName, completionRate, overdueCount; thêm ,desc để giảm dần")
            @RequestParam(defaultValue = "schoolName") String sort,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "Số trang phải từ 0") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "Cỡ trang phải từ 1 đến 500")
            @Max(value = 500, message = "Cỡ trang phải từ 1 đến 500") int size,
            Caller caller) {
        Comparator<PlanSummary> order = order(sort);
        List<PlanSummary> all = progress.summaries(new PlanFilter(PlanFilter.path(unit), blank(schoolType),
                blank(frameworkId), blank(schoolYear), null), scope -> Access.canRead(caller, scope));
        return Page.of(all.stream().sorted(order).toList(), page, size);
    }

    static Comparator<PlanSummary> order(String sort) {
        String[] parts = sort.split(",");
        Comparator<PlanSummary> by = switch (parts[0].strip()) {
            case "schoolName" -> Comparator.comparing(PlanSummary::schoolName, Comparator.nullsLast(String::compareTo));
            case "completionRate" -> Comparator.comparingDouble(PlanSummary::completionRate);
            case "overdueCount" -> Comparator.comparingInt(PlanSummary::overdueCount);
            case "schoolYear" -> Comparator.comparing(PlanSummary::schoolYear);
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "Không sắp xếp được theo '" + parts[0] + "'; chọn schoolName, completionRate, overdueCount, schoolYear");
        };
        return parts.length > 1 && parts[1].strip().equalsIgnoreCase("desc") ? by.reversed() : by;
    }

    static String blank(String value) { return value == null || value.isBlank() ? null : value.strip(); }
}
