package vn.caitien.api.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Opens a school's improvement plan for one school year, as a draft. */
public record CreatePlan(
        @TargetAggregateIdentifier PlanId planId,
        School school,
        String frameworkId,
        SchoolYear schoolYear,
        String documentNumber,
        LocalDate issueDate,
        String issuePlace,
        List<String> legalBases,
        Baseline baseline) {
    public CreatePlan {
        legalBases = legalBases == null ? List.of() : List.copyOf(legalBases);
    }
}
