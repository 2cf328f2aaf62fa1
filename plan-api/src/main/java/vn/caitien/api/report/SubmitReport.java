package vn.caitien.api.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.caitien.api.plan.PlanId;
import vn.caitien.api.plan.SchoolYear;

import java.time.LocalDate;

/**
 * The monitoring team submits its report for one period of the plan's school year. A period is
 * submitted once; a later {@code correction} becomes a new revision and keeps the earlier one.
 * {@code schoolYear} is optional and, when given, must be the plan's. {@code submittedOn} is the date
 * the report was sent to the principal and the education office (on time or late is judged by it).
 */
public record SubmitReport(
        @TargetAggregateIdentifier PlanId planId,
        ReportPeriod period,
        SchoolYear schoolYear,
        String summary,
        String findings,
        String recommendations,
        boolean correction,
        String correctionReason,
        LocalDate submittedOn) {
}
