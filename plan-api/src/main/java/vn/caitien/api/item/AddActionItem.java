package vn.caitien.api.item;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.caitien.api.plan.PlanId;

/** Adds a row to the plan; after approval it is an amendment and needs {@code amendmentReason}. */
public record AddActionItem(@TargetAggregateIdentifier PlanId planId, ActionItemId itemId,
                            ActionItemDetails details, String amendmentReason) {
}
