package vn.caitien.api.item;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.caitien.api.plan.PlanId;

/** Replaces a row's content; after approval it is an amendment and needs {@code amendmentReason}. */
public record UpdateActionItem(@TargetAggregateIdentifier PlanId planId, ActionItemId itemId,
                               ActionItemDetails details, String amendmentReason) {
}
