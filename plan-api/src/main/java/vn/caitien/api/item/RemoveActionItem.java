package vn.caitien.api.item;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.caitien.api.plan.PlanId;

/** Removes a row; after approval it is an amendment and needs {@code amendmentReason}. */
public record RemoveActionItem(@TargetAggregateIdentifier PlanId planId, ActionItemId itemId,
                               String amendmentReason) {
}
