package vn.caitien.planservice.web.item;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import vn.caitien.api.item.ActionItemDetails;
import vn.caitien.api.item.Budget;
import vn.caitien.api.item.CriterionCode;
import vn.caitien.api.item.Indicator;
import vn.caitien.api.item.LevelGroup;
import vn.caitien.api.item.Money;
import vn.caitien.api.item.Schedule;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * One row of the plan table, as POST/PUT /api/plans/{id}/items take it. {@code levelGroup} defaults
 * to the framework's ordinary levels (or MỨC 4 for a level-4 criterion).
 */
public record ItemRequest(
        @NotNull(message = "Cần mã tiêu chí (vd. 3.4)") CriterionCode criterionCode,
        LevelGroup levelGroup,
        @NotBlank(message = "Cần nêu kết quả cần đạt") @Size(max = 4000) String targetResult,
        List<@NotNull(message = "Chỉ số không được để trống") @Valid IndicatorRequest> indicators,
        List<@NotBlank(message = "Công việc không được để trống") @Size(max = 4000) String> tasks,
        @Size(max = 500) String lead,
        List<@NotBlank(message = "Đơn vị phối hợp không được để trống") String> coordinators,
        @Valid ScheduleRequest schedule,
        @Valid BudgetRequest budget,
        @Size(max = 2000) String supportConditions,
        @Size(max = 2000) String notes,
        @Size(max = 2000) String amendmentReason) {

    public record IndicatorRequest(@NotBlank(message = "Cần tên chỉ số") @Size(max = 300) String name,
                                   @DecimalMin(value = "-1000000000000000", message = "Giá trị quá lớn")
                                   @DecimalMax(value = "1000000000000000", message = "Giá trị quá lớn")
                                   @Digits(integer = 16, fraction = 6, message = "Tối đa 6 chữ số thập phân") BigDecimal baseline,
                                   @NotNull(message = "Cần giá trị mục tiêu của chỉ số")
                                   @DecimalMin(value = "-1000000000000000", message = "Giá trị quá lớn")
                                   @DecimalMax(value = "1000000000000000", message = "Giá trị quá lớn")
                                   @Digits(integer = 16, fraction = 6, message = "Tối đa 6 chữ số thập phân") BigDecimal target,
                                   @Size(max = 100) String unit) {
    }

    /** Months as "2023-09"; {@code text} keeps how the plan wrote the time. */
    public record ScheduleRequest(YearMonth start, YearMonth end, @Size(max = 500) String text) {
    }

    /** {@code amount} in đồng; {@code text} keeps how the plan wrote the budget ("3 triệu/NH"). */
    public record BudgetRequest(@PositiveOrZero(message = "Kinh phí không được âm") Long amount,
                                boolean perSchoolYear, @Size(max = 500) String fundingSource,
                                @Size(max = 1000) String note, @Size(max = 1000) String text) {
    }

    ActionItemDetails toDetails() {
        return new ActionItemDetails(criterionCode, levelGroup, targetResult.strip(),
                indicators == null ? List.of() : indicators.stream()
                        .map(i -> new Indicator(i.name().strip(), i.baseline(), i.target(), i.unit())).toList(),
                tasks, lead, coordinators,
                schedule == null ? null : new Schedule(schedule.start(), schedule.end(), schedule.text()),
                budget == null ? null : new Budget(budget.amount() == null ? null : Money.of(budget.amount()),
                        budget.perSchoolYear(), budget.fundingSource(), budget.note(), budget.text()),
                supportConditions, notes);
    }
}
