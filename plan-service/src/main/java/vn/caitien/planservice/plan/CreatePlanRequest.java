package vn.caitien.planservice.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.caitien.api.plan.Baseline;
import vn.caitien.api.plan.CreatePlan;
import vn.caitien.api.plan.PlanId;
import vn.caitien.api.plan.School;
import vn.caitien.api.plan.SchoolType;
import vn.caitien.api.plan.SchoolYear;

import java.time.LocalDate;
import java.util.List;

/** Body of POST /api/plans. {@code planId} is optional: give one to make retries safe. */
public record CreatePlanRequest(
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

    /** The command for this request, for the school with this code (the caller's own when none was given). */
    CreatePlan toCommand(String schoolCode) {
        return new CreatePlan(planId == null ? PlanId.random() : planId,
                new School(school.name().strip(), schoolCode, school.type(), school.managingUnit()),
                frameworkId.strip(), schoolYear, documentNumber.strip(), issueDate, issuePlace, legalBases, baseline);
    }
}
