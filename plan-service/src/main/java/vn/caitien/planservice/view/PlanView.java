package vn.caitien.planservice.view;

import vn.caitien.access.PlanScope;
import vn.caitien.api.item.ActionItemDetails;
import vn.caitien.api.plan.Baseline;
import vn.caitien.api.plan.PlanCreated;
import vn.caitien.api.plan.PlanStatus;
import vn.caitien.api.plan.School;
import vn.caitien.api.plan.SchoolYear;
import vn.caitien.api.report.ReportPeriod;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan as its authors see it (GET /api/plans/{id}): header, rows in table order and the reports
 * submitted. Kept current by {@link PlanViewProjection} in the same transaction as the events.
 */
public class PlanView {
    public String id;
    /** The aggregate's version: the sequence number of the plan's last event (ETag of GET /api/plans/{id}). */
    public Long version;
    public School school;
    public String schoolName;
    public String documentNumber;
    public SchoolYear schoolYear;
    public String frameworkId;
    public PlanStatus status;
    public LocalDate issueDate;
    public String issuePlace;
    public List<String> legalBases = new ArrayList<>();
    public Baseline baseline;
    public LocalDate approvedOn;
    public String approvedBy;
    public List<Item> items = new ArrayList<>();
    public List<Report> reports = new ArrayList<>();

    public record Item(String itemId, ActionItemDetails details, String lastAmendmentReason) {
    }

    public record Report(ReportPeriod period, int revision, String summary, String correctionReason,
                         LocalDate submittedOn) {
    }

    static PlanView created(PlanCreated e) {
        PlanView view = new PlanView();
        view.id = e.planId().value();
        view.school = e.school();
        view.schoolName = e.school() == null ? null : e.school().name();
        view.documentNumber = e.documentNumber();
        view.schoolYear = e.schoolYear();
        view.frameworkId = e.frameworkId();
        view.status = PlanStatus.DRAFT;
        view.issueDate = e.issueDate();
        view.issuePlace = e.issuePlace();
        view.legalBases = new ArrayList<>(e.legalBases());
        view.baseline = e.baseline();
        return view;
    }

    void putItem(String itemId, ActionItemDetails details, String amendmentReason) {
        Item item = new Item(itemId, details, amendmentReason);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).itemId().equals(itemId)) {
                items.set(i, item);
                return;
            }
        }
        items.add(item);
    }

    void removeItem(String itemId) { items.removeIf(i -> i.itemId().equals(itemId)); }

    /** The row of this item, if the plan has it. */
    public java.util.Optional<Item> item(String itemId) {
        return items.stream().filter(i -> i.itemId().equals(itemId)).findFirst();
    }

    /** Whose plan it is, for access decisions. */
    public PlanScope scope() { return PlanScope.of(school); }

    PlanSummary summary(java.time.Instant updatedAt) {
        return new PlanSummary(id, schoolName, documentNumber, schoolYear.toString(), frameworkId, status.name(),
                items.size(), updatedAt);
    }
}
