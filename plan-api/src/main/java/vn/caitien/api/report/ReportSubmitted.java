package vn.caitien.api.report;

import vn.caitien.api.plan.PlanEvent;
import vn.caitien.api.plan.PlanId;
import vn.caitien.api.plan.SchoolYear;

import java.time.LocalDate;

/** Revision 1 is the submission; revisions 2.. are corrections that supersede, never overwrite. */
public record ReportSubmitted(
        PlanId planId,
        ReportPeriod period,
        SchoolYear schoolYear,
        int revision,
        String summary,
        String findings,
        String recommendations,
        String correctionReason,
        LocalDate submittedOn) implements PlanEvent {
}
