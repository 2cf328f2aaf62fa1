package vn.caitien.api.progress;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.caitien.api.item.ActionItemId;
import vn.caitien.api.item.Money;
import vn.caitien.api.plan.PlanId;

import java.time.LocalDate;
import java.util.List;

/**
 * The monitoring team records where an item stands on {@code effectiveDate}. {@code percent} and
 * indicator values are optional; {@code amountSpentToDate} is cumulative for the item, so recording
 * the same figure twice never double-counts.
 */
public record RecordProgress(
        @TargetAggregateIdentifier PlanId planId,
        ActionItemId itemId,
        String progressId,
        ProgressStatus status,
        Integer percent,
        List<IndicatorValue> indicatorValues,
        String narrative,
        List<EvidenceCode> evidenceCodes,
        Money amountSpentToDate,
        LocalDate effectiveDate) {
    public RecordProgress {
        indicatorValues = indicatorValues == null ? List.of() : List.copyOf(indicatorValues);
        evidenceCodes = evidenceCodes == null ? List.of() : List.copyOf(evidenceCodes);
    }
}
