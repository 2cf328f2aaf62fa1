package vn.caitien.api.progress;

import vn.caitien.api.item.ActionItemId;
import vn.caitien.api.item.Money;
import vn.caitien.api.plan.PlanEvent;
import vn.caitien.api.plan.PlanId;

import java.time.LocalDate;
import java.util.List;

public record ProgressRecorded(
        PlanId planId,
        ActionItemId itemId,
        String progressId,
        ProgressStatus status,
        Integer percent,
        List<IndicatorValue> indicatorValues,
        String narrative,
        List<EvidenceCode> evidenceCodes,
        Money amountSpentToDate,
        LocalDate effectiveDate) implements PlanEvent {
    public ProgressRecorded {
        indicatorValues = indicatorValues == null ? List.of() : List.copyOf(indicatorValues);
        evidenceCodes = evidenceCodes == null ? List.of() : List.copyOf(evidenceCodes);
    }
}
