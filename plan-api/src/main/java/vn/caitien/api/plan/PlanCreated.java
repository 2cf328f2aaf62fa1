package vn.caitien.api.plan;


import java.time.LocalDate;
import java.util.List;

public record PlanCreated(
        PlanId planId,
        School school,
        String frameworkId,
        SchoolYear schoolYear,
        String documentNumber,
        LocalDate issueDate,
        String issuePlace,
        List<String> legalBases,
        Baseline baseline) implements PlanEvent {
    public PlanCreated {
        legalBases = legalBases == null ? List.of() : List.copyOf(legalBases);
    }
}
