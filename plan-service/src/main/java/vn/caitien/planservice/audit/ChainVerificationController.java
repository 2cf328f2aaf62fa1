package vn.caitien.planservice.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.caitien.api.plan.PlanId;
import vn.caitien.planservice.security.PlanGuard;

@RestController
@Tag(name = "Kiểm chứng", description = "Kiểm tra dữ liệu sự kiện của kế hoạch không bị sửa, xóa hay đảo thứ tự")
public class ChainVerificationController {
    private final ChainVerifier verifier;
    private final PlanGuard guard;

    public ChainVerificationController(ChainVerifier verifier, PlanGuard guard) {
        this.verifier = verifier;
        this.guard = guard;
    }

    @GetMapping("/api/plans/{planId}/verify")
    @Operation(summary = "Tính lại chuỗi mã băm các sự kiện của kế hoạch và báo chỗ hỏng đầu tiên (kiểm định viên, hiệu trưởng)")
    public ChainReport verify(@PathVariable PlanId planId) {
        guard.requireAudit(planId.value());
        return verifier.verify(planId.value());
    }
}
