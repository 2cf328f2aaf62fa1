package vn.caitien.planservice.web.progress;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import vn.caitien.api.item.ActionItemId;
import vn.caitien.api.item.Money;
import vn.caitien.api.plan.PlanId;
import vn.caitien.api.progress.EvidenceCode;
import vn.caitien.api.progress.IndicatorValue;
import vn.caitien.api.progress.ProgressStatus;
import vn.caitien.api.progress.RecordProgress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Body of POST /api/plans/{id}/items/{itemId}/progress. */
public record ProgressRequest(
        @NotNull(message = "Cần trạng thái thực hiện") ProgressStatus status,
        @Min(value = 0, message = "Tỉ lệ hoàn thành phải từ 0 đến 100")
        @Max(value = 100, message = "Tỉ lệ hoàn thành phải từ 0 đến 100") Integer percent,
        List<@NotNull(message = "Giá trị chỉ số không được để trống") @Valid IndicatorValueRequest> indicatorValues,
        @Size(max = 8000) String narrative,
        List<@NotNull(message = "Mã minh chứng trống") EvidenceCode> evidenceCodes,
        @PositiveOrZero(message = "Số tiền đã chi không được âm") Long amountSpentToDate,
        @NotNull(message = "Cần ngày ghi nhận")
        @PastOrPresent(message = "Ngày ghi nhận không được ở tương lai") LocalDate effectiveDate) {

    public record IndicatorValueRequest(@NotBlank(message = "Cần tên chỉ số") @Size(max = 300) String name,
                                        @NotNull(message = "Cần giá trị chỉ số")
                                        @DecimalMin(value = "-1000000000000000", message = "Giá trị quá lớn")
                                        @DecimalMax(value = "1000000000000000", message = "Giá trị quá lớn")
                                   @Digits(integer = 16, fraction = 6, message = "Tối đa 6 chữ số thập phân") BigDecimal value) {
        IndicatorValue toValue() { return new IndicatorValue(name.strip(), value); }
    }

    List<IndicatorValue> values() {
        return indicatorValues == null ? List.of() : indicatorValues.stream().map(IndicatorValueRequest::toValue).toList();
    }

    /** The command this body asks for on that item, under a new record id. */
    public RecordProgress toCommand(PlanId planId, ActionItemId itemId, String progressId) {
        return new RecordProgress(planId, itemId, progressId, status, percent, values(), narrative, evidenceCodes,
                amountSpentToDate == null ? null : Money.of(amountSpentToDate), effectiveDate);
    }
}
