package vn.caitien.monitoring.rebuild;

import vn.caitien.api.plan.PlanEvent;
import vn.caitien.readmodel.EventContext;
import vn.caitien.readmodel.PlanEvolution;
import vn.caitien.readmodel.PlanRows;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every plan's rows as the topic's events leave them, kept in memory while a rebuild reads: each event
 * goes through the read model's one evolve function ({@link PlanEvolution}), as it does on the live
 * path, only without a database round trip per event. Plans are kept in the order they were first seen.
 */
final class ReplayedPlans {
    private final Map<String, PlanRows> plans = new LinkedHashMap<>();

    /**
     * Applies one event of the plan it names.
     *
     * @throws vn.caitien.readmodel.EventRefused where the live path would park the event
     */
    void apply(PlanEvent event, EventContext context) {
        String planId = event.planId().value();
        plans.put(planId, PlanEvolution.evolve(plans.get(planId), event, context));
    }

    /** The plans that exist (an event of a plan never created leaves none). */
    Collection<PlanRows> plans() {
        return plans.values().stream().filter(PlanRows::exists).toList();
    }

    int planCount() { return plans.size(); }

    long itemCount() { return plans.values().stream().mapToLong(rows -> rows.items().size()).sum(); }
}
