package vn.caitien.readmodel;

import java.time.Instant;
import java.util.List;

/**
 * Everything the read side knows about one plan: its row (null until PlanCreated), its items in table
 * order (removed ones included, flagged) and its reports in the order they came.
 *
 * @param lastSequence   the sequence of the last event applied, or -1 (only callers that pass sequences use it)
 * @param lastRecordedAt when the last event applied was recorded, or null
 */
public record PlanRows(PlanRow plan, List<ItemRow> items, List<ReportRow> reports, long lastSequence,
                       Instant lastRecordedAt) {
    public static final PlanRows NONE = new PlanRows(null, List.of(), List.of(), -1, null);

    public PlanRows {
        items = items == null ? List.of() : List.copyOf(items);
        reports = reports == null ? List.of() : List.copyOf(reports);
    }

    /** Rows as a store holds them, without the position of the last event applied. */
    public static PlanRows of(PlanRow plan, List<ItemRow> items, List<ReportRow> reports) {
        return new PlanRows(plan, items, reports, -1, null);
    }

    public boolean exists() { return plan != null; }

    /** The item of this id, removed or not, or null. */
    public ItemRow item(String itemId) {
        for (ItemRow item : items) if (item.itemId().equals(itemId)) return item;
        return null;
    }

    /** The items the plan has now, in table order. */
    public List<ItemRow> currentItems() {
        return items.stream().filter(item -> !item.removed()).toList();
    }

    /** The revisions of one period's report, lowest revision first. */
    public List<ReportRow> revisions(String period) {
        return reports.stream().filter(r -> r.period().equals(period))
                .sorted(java.util.Comparator.comparingInt(ReportRow::revision)).toList();
    }
}
