package vn.caitien.monitoring.progress;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One row of plan_progress as the fold leaves it, with its items and report submissions. */
public final class FoldedPlan {
    private final String planId;
    private final String schoolName;
    private final String schoolCode;
    private final String schoolType;
    private final String[] managingUnit;
    private final String documentNumber;
    private final String schoolYear;
    private final String frameworkId;
    private final String schoolKey;
    private String status = "DRAFT";
    private long updatedAtMicros;
    private final Map<String, FoldedItem> items = new LinkedHashMap<>();
    private List<FoldedReport> reports;

    FoldedPlan(String planId, String schoolName, String schoolCode, String schoolType, String[] managingUnit,
               String documentNumber, String schoolYear, String frameworkId, String schoolKey, long createdAtMicros) {
        this.planId = planId;
        this.schoolName = schoolName;
        this.schoolCode = schoolCode;
        this.schoolType = schoolType;
        this.managingUnit = managingUnit;
        this.documentNumber = documentNumber;
        this.schoolYear = schoolYear;
        this.frameworkId = frameworkId;
        this.schoolKey = schoolKey;
        this.updatedAtMicros = createdAtMicros;
    }

    /** {@code updated_at = greatest(updated_at, ?)}. */
    void touch(long atMicros) { updatedAtMicros = Math.max(updatedAtMicros, atMicros); }

    /** Approval sets the time outright, unlike every other change. */
    void approve(long atMicros) {
        status = "APPROVED";
        updatedAtMicros = atMicros;
    }

    FoldedItem item(String itemId) { return items.get(itemId); }

    /** A new item takes the next position: the count of items ever added, removed ones included. */
    FoldedItem addItem(String itemId, long details) {
        FoldedItem item = new FoldedItem(itemId, items.size(), details);
        items.put(itemId, item);
        return item;
    }

    /** {@code on conflict do nothing}: the first submission of a period and revision stays. */
    void addReport(FoldedReport report) {
        if (reports == null) reports = new ArrayList<>(3);
        for (FoldedReport existing : reports) {
            if (existing.period().equals(report.period()) && existing.revision() == report.revision()) return;
        }
        reports.add(report);
    }

    public String planId() { return planId; }

    public String schoolName() { return schoolName; }

    public String schoolCode() { return schoolCode; }

    public String schoolType() { return schoolType; }

    public String[] managingUnit() { return managingUnit.clone(); }

    public String documentNumber() { return documentNumber; }

    public String schoolYear() { return schoolYear; }

    public String frameworkId() { return frameworkId; }

    public String schoolKey() { return schoolKey; }

    public String status() { return status; }

    public long updatedAtMicros() { return updatedAtMicros; }

    public Collection<FoldedItem> items() { return items.values(); }

    public List<FoldedReport> reports() { return reports == null ? List.of() : reports; }
}
