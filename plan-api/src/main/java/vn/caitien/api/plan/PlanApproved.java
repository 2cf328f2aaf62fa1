package vn.caitien.api.plan;

import java.time.LocalDate;

public record PlanApproved(PlanId planId, LocalDate approvedOn, String approvedBy) implements PlanEvent {
}
