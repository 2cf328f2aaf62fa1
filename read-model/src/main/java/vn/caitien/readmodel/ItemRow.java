package vn.caitien.readmodel;

import vn.caitien.api.item.ActionItemDetails;
import vn.caitien.api.progress.ProgressStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a plan's table as the read side sees it: the content as the plan states it
 * ({@code details}) and where its execution stands.
 *
 * @param position          its place in the table: how many items the plan had when it was added
 * @param status            a name of {@link ProgressStatus}; {@code CHUA_THUC_HIEN} until progress is recorded
 * @param percent           the latest known percent (100 once completed), or null
 * @param amountSpent       the amount spent to date in đồng, as last recorded, or null
 * @param evidenceCodes     every evidence code ever recorded for it, each once, sorted
 * @param lastEffectiveDate the effective date of the record its standing comes from
 * @param indicatorValues   the latest value of each measured indicator (a value may be null)
 * @param narrative         the latest non-blank narrative of a record at least as recent as the standing
 * @param progressRecords   how many progress records it has had, older ones included
 * @param amendments        "Bổ sung: …" / "Điều chỉnh: …" for each change made after approval
 * @param lastUpdatedAt     when progress was last recorded (by arrival, not effective date)
 * @param lastUpdatedBy     who recorded it
 * @param removed           removed from the plan; the row stays so positions do not move
 */
public record ItemRow(String planId, String itemId, int position, ActionItemDetails details, String status,
                      Integer percent, Long amountSpent, List<String> evidenceCodes, LocalDate lastEffectiveDate,
                      Map<String, BigDecimal> indicatorValues, String narrative, int progressRecords,
                      List<String> amendments, Instant lastUpdatedAt, String lastUpdatedBy, boolean removed) {
    public static final String NOT_STARTED = ProgressStatus.CHUA_THUC_HIEN.name();

    public ItemRow {
        evidenceCodes = sortedDistinct(evidenceCodes);
        // Copied by hand: a recorded indicator value may be JSON null, which Map.copyOf refuses.
        indicatorValues = indicatorValues == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(indicatorValues));
        amendments = amendments == null ? List.of() : List.copyOf(amendments);
    }

    /** A new row of the table, nothing recorded yet. */
    static ItemRow added(String planId, String itemId, int position, ActionItemDetails details, String amendment) {
        return new ItemRow(planId, itemId, position, details, NOT_STARTED, null, null, List.of(), null, Map.of(),
                null, 0, amendment == null ? List.of() : List.of(amendment), null, null, false);
    }

    public String criterionCode() { return details.criterionCode().value(); }

    /** "MỨC 1, 2, 3". */
    public String levelGroup() { return details.levelGroup().label(); }

    public String targetResult() { return details.targetResult(); }

    public String lead() { return details.lead(); }

    public YearMonth start() { return details.schedule() == null ? null : details.schedule().start(); }

    public YearMonth end() { return details.schedule() == null ? null : details.schedule().end(); }

    /** The planned amount in đồng, or null when the plan states none. */
    public Long budgetPlanned() {
        return details.budget() == null || details.budget().amount() == null ? null : details.budget().amount().vnd();
    }

    public ItemFacts facts() { return new ItemFacts(status, percent, end(), budgetPlanned(), amountSpent); }

    ItemRow withDetails(ActionItemDetails newDetails, String amendment) {
        return new ItemRow(planId, itemId, position, newDetails, status, percent, amountSpent, evidenceCodes,
                lastEffectiveDate, indicatorValues, narrative, progressRecords, plus(amendments, amendment),
                lastUpdatedAt, lastUpdatedBy, removed);
    }

    ItemRow asRemoved() {
        return new ItemRow(planId, itemId, position, details, status, percent, amountSpent, evidenceCodes,
                lastEffectiveDate, indicatorValues, narrative, progressRecords, amendments, lastUpdatedAt,
                lastUpdatedBy, true);
    }

    ItemRow withProgress(String newStatus, Integer newPercent, Long newAmount, List<String> newEvidence,
                         LocalDate effectiveDate, Map<String, BigDecimal> newIndicators, String newNarrative,
                         Instant at, String by) {
        return new ItemRow(planId, itemId, position, details, newStatus, newPercent, newAmount, newEvidence,
                effectiveDate, newIndicators, newNarrative, progressRecords + 1, amendments, at, by, removed);
    }

    /** Sorted and each once, whatever order a store gives them in (linear for a list already sorted). */
    private static List<String> sortedDistinct(List<String> codes) {
        if (codes == null || codes.isEmpty()) return List.of();
        List<String> sorted = new ArrayList<>(codes);
        sorted.sort(null);
        for (int i = sorted.size() - 1; i > 0; i--) if (sorted.get(i).equals(sorted.get(i - 1))) sorted.remove(i);
        return Collections.unmodifiableList(sorted);
    }

    /** These codes with {@code more} added, still sorted and distinct; the same list when nothing is new. */
    static List<String> withEvidence(List<String> codes, List<String> more) {
        List<String> longer = null;
        for (String code : more) {
            List<String> current = longer == null ? codes : longer;
            int at = Collections.binarySearch(current, code);
            if (at >= 0) continue;
            if (longer == null) longer = new ArrayList<>(codes);
            longer.add(-at - 1, code);
        }
        return longer == null ? codes : Collections.unmodifiableList(longer);
    }

    private static List<String> plus(List<String> list, String entry) {
        if (entry == null) return list;
        List<String> longer = new ArrayList<>(list);
        longer.add(entry);
        return longer;
    }
}
