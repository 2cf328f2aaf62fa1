package vn.caitien.reporting.audit;

import vn.caitien.api.item.ActionItemAdded;
import vn.caitien.api.item.ActionItemDetails;
import vn.caitien.api.item.ActionItemRemoved;
import vn.caitien.api.item.ActionItemUpdated;
import vn.caitien.api.plan.PlanApproved;
import vn.caitien.api.plan.PlanCreated;
import vn.caitien.api.plan.School;
import vn.caitien.api.progress.ProgressRecorded;
import vn.caitien.api.progress.ProgressStatus;
import vn.caitien.api.report.ReportSubmitted;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A plan as it stood after some prefix of its events, folded from those events alone. Progress is
 * ordered by effective date: an older record entered late adds evidence but does not roll back.
 */
public class PlanState {
    public String planId;
    public School school;
    public String frameworkId;
    public String schoolYear;
    public String documentNumber;
    public LocalDate issueDate;
    public String issuePlace;
    public List<String> legalBases = new ArrayList<>();
    public String status;
    public LocalDate approvedOn;
    public String approvedBy;
    public Map<String, Item> items = new LinkedHashMap<>();
    public List<Report> reports = new ArrayList<>();
    public long lastSequence = -1;
    public Instant lastRecordedAt;

    public static class Item {
        public String itemId;
        public ActionItemDetails details;
        public String status = ProgressStatus.CHUA_THUC_HIEN.name();
        public Integer percent;
        public String narrative;
        public TreeSet<String> evidenceCodes = new TreeSet<>();
        public Long amountSpentToDate;
        public LocalDate lastEffectiveDate;
        public List<String> amendments = new ArrayList<>();
        public int progressRecords;
    }

    public record Report(String period, int revision, String summary, String findings, String recommendations,
                         String correctionReason, LocalDate submittedOn, Instant recordedAt, String actor) {
    }

    /** Applies one event; {@code recordedAt} and {@code actor} come from its message. */
    public void apply(Object event, long sequence, Instant recordedAt, String actor) {
        lastSequence = sequence;
        lastRecordedAt = recordedAt;
        if (event instanceof PlanCreated e) {
            planId = e.planId().value();
            school = e.school();
            frameworkId = e.frameworkId();
            schoolYear = e.schoolYear().toString();
            documentNumber = e.documentNumber();
            issueDate = e.issueDate();
            issuePlace = e.issuePlace();
            legalBases = new ArrayList<>(e.legalBases());
            status = "DRAFT";
        } else if (event instanceof ActionItemAdded e) {
            Item item = new Item();
            item.itemId = e.itemId().value();
            item.details = e.details();
            if (e.amendmentReason() != null) item.amendments.add("Bổ sung: " + e.amendmentReason());
            items.put(item.itemId, item);
        } else if (event instanceof ActionItemUpdated e) {
            Item item = items.get(e.itemId().value());
            if (item != null) {
                item.details = e.details();
                if (e.amendmentReason() != null) item.amendments.add("Điều chỉnh: " + e.amendmentReason());
            }
        } else if (event instanceof ActionItemRemoved e) {
            items.remove(e.itemId().value());
        } else if (event instanceof PlanApproved e) {
            status = "APPROVED";
            approvedOn = e.approvedOn();
            approvedBy = e.approvedBy();
        } else if (event instanceof ProgressRecorded e) {
            applyProgress(e);
        } else if (event instanceof ReportSubmitted e) {
            reports.add(new Report(e.period().name(), e.revision(), e.summary(), e.findings(), e.recommendations(),
                    e.correctionReason(), e.submittedOn(), recordedAt, actor));
        }
    }

    private void applyProgress(ProgressRecorded e) {
        Item item = items.get(e.itemId().value());
        if (item == null) return;
        item.progressRecords++;
        e.evidenceCodes().forEach(code -> item.evidenceCodes.add(code.value()));
        if (item.lastEffectiveDate != null && e.effectiveDate().isBefore(item.lastEffectiveDate)) return;
        item.lastEffectiveDate = e.effectiveDate();
        item.status = e.status().name();
        item.percent = e.status() == ProgressStatus.HOAN_THANH ? Integer.valueOf(100)
                : e.percent() != null ? e.percent() : item.percent;
        if (e.narrative() != null && !e.narrative().isBlank()) item.narrative = e.narrative();
        if (e.amountSpentToDate() != null) item.amountSpentToDate = e.amountSpentToDate().vnd();
    }
}
