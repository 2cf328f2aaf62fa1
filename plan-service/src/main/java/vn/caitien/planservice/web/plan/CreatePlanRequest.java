package vn.caitien.planservice.web.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Size;
import vn.caitien.access.PlanScope;
import vn.caitien.api.plan.Baseline;
import vn.caitien.api.plan.CreatePlan;
import vn.caitien.api.plan.PlanId;
import vn.caitien.api.plan.School;
import vn.caitien.api.plan.SchoolType;
import vn.caitien.api.plan.SchoolYear;

import java.time.LocalDate;
import java.util.List;

/**
 * Body of POST /api/plans. The plan's id is the server's to draw: a {@code planId} in the body is refused,
 * whatever its value, so no answer tells whether some plan (another school's) has that id; retries are made
 * safe with an {@code Idempotency-Key}. The school's code and managing unit come from the principal's account
 * ({@code school.code} and {@code school.managingUnit} may be left out, or must be the account's own).
 */
public record CreatePlanRequest(
        @Null(message = "Mã kế hoạch do hệ thống cấp, không gửi kèm; để gửi lại an toàn hãy dùng tiêu đề Idempotency-Key")
        PlanId planId,
        @NotNull(message = "Cần thông tin nhà trường") @Valid SchoolRequest school,
        @NotBlank(message = "Cần chọn bộ tiêu chuẩn (vd. TT17-2018)") String frameworkId,
        @NotNull(message = "Cần năm học (vd. 2023-2024)") SchoolYear schoolYear,
        @NotBlank(message = "Cần số hiệu văn bản (vd. 107/KH-LĐC)") @Size(max = 64) String documentNumber,
        LocalDate issueDate,
        @Size(max = 200) String issuePlace,
        List<@NotBlank(message = "Căn cứ không được để trống") String> legalBases,
        Baseline baseline) {

    public record SchoolRequest(
            @NotBlank(message = "Cần tên trường") @Size(max = 300) String name,
            @Size(max = 64) String code,
            @NotNull(message = "Cần loại hình trường") SchoolType type,
            List<@NotBlank(message = "Tên đơn vị quản lý không được để trống") String> managingUnit) {
    }

    /** The command for this request: a new plan id, the school's code and managing unit from the principal's account. */
    CreatePlan toCommand(PlanScope scope) {
        return new CreatePlan(PlanId.random(),
                new School(school.name().strip(), scope.schoolCode(), school.type(), scope.managingUnit()),
                frameworkId.strip(), schoolYear, documentNumber.strip(), issueDate, issuePlace, legalBases, baseline);
    }
}
