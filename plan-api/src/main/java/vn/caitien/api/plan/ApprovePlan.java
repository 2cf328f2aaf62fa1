package vn.caitien.api.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The principal issues the plan; from then on item changes are amendments with a reason. */
public record ApprovePlan(@TargetAggregateIdentifier PlanId planId, LocalDate approvedOn, String approvedBy) {
}
