package vn.caitien.api.item;

import vn.caitien.api.plan.PlanEvent;
import vn.caitien.api.plan.PlanId;

/** {@code amendmentReason} is null while the plan is a draft, set for amendments after approval. */
public record ActionItemAdded(PlanId planId, ActionItemId itemId, ActionItemDetails details,
                              String amendmentReason) implements PlanEvent {
}
