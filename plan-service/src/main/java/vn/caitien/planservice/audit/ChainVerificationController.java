package vn.caitien.planservice.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.caitien.api.plan.PlanId;
import vn.caitien.planservice.security.PlanGuard;

@RestController
@Tag(name = "Kiểm chứng", description = "Kiểm tra dữ liệu sự kiện của kế hoạch không bị sửa, xóa, thêm giả hay đảo thứ tự")
public class ChainVerificationController {
    private final ChainVerifier verifier;
    private final PlanGuard guard;

    public ChainVerificationController(ChainVerifier verifier, PlanGuard guard) {
        this.verifier = verifier;
        this.guard = guard;
    }

    @GetMapping("/api/plans/{planId}/verify")
    @Operation(summary = "Kiểm chứng lịch sử của kế hoạch: tính lại chuỗi mã băm, kiểm niêm phong từng sự kiện, đối chiếu"
            + " với các điểm kiểm đã ký và với bản sao của dịch vụ báo cáo; nêu mọi sai lệch (kiểm định viên, hiệu trưởng)")
    public ChainReport verify(@PathVariable PlanId planId,
                              @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        guard.requireAudit(planId.value());
        return verifier.verify(planId.value(), authorization);
    }
}
