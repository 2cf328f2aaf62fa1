package vn.caitien.reporting.audit;

import vn.caitien.api.item.ActionItemDetails;
import vn.caitien.api.plan.School;
import vn.caitien.api.plan.SchoolType;
import vn.caitien.readmodel.ItemRow;
import vn.caitien.readmodel.PlanRow;
import vn.caitien.readmodel.PlanRows;
import vn.caitien.readmodel.ReportRow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The auditor's answer for a plan as it stood after some prefix of its events: the read model's rows
 * ({@link PlanEvents#fold}) in the shape this endpoint has always answered with — items keyed by id
 * and only those the plan still had, the school as PlanCreated named it.
 */
public record PlanState(String planId, School school, String frameworkId, String schoolYear, String documentNumber,
                        LocalDate issueDate, String issuePlace, List<String> legalBases, String status,
                        LocalDate approvedOn, String approvedBy, Map<String, Item> items, List<Report> reports,
                        long lastSequence, Instant lastRecordedAt) {

    public record Item(String itemId, ActionItemDetails details, String status, Integer percent, String narrative,
                       List<String> evidenceCodes, Long amountSpentToDate, LocalDate lastEffectiveDate,
                       List<String> amendments, int progressRecords) {
    }

    public record Report(String period, int revision, String summary, String findings, String recommendations,
                         String correctionReason, LocalDate submittedOn, Instant recordedAt, String actor) {
    }

    /** @param rows rows of a plan that exists */
    public static PlanState of(PlanRows rows) {
        PlanRow plan = rows.plan();
        // The read model refuses a named school without a type, so no type means PlanCreated named no school.
        School school = plan.schoolType() == null ? null : new School(plan.schoolName(), plan.schoolCode(),
                SchoolType.valueOf(plan.schoolType()), plan.managingUnit());
        Map<String, Item> items = new LinkedHashMap<>();
        for (ItemRow i : rows.currentItems()) {
            items.put(i.itemId(), new Item(i.itemId(), i.details(), i.status(), i.percent(), i.narrative(),
                    i.evidenceCodes(), i.amountSpent(), i.lastEffectiveDate(), i.amendments(), i.progressRecords()));
        }
        List<Report> reports = rows.reports().stream().map(PlanState::report).toList();
        return new PlanState(plan.planId(), school, plan.frameworkId(), plan.schoolYear(), plan.documentNumber(),
                plan.issueDate(), plan.issuePlace(), plan.legalBases(), plan.status(), plan.approvedOn(),
                plan.approvedBy(), items, reports, rows.lastSequence(), rows.lastRecordedAt());
    }

    private static Report report(ReportRow r) {
        return new Report(r.period(), r.revision(), r.summary(), r.findings(), r.recommendations(),
                r.correctionReason(), r.submittedOn(), r.recordedAt(), r.actor());
    }
}
