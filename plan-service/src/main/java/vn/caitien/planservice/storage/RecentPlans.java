package vn.caitien.planservice.storage;

import org.axonframework.eventsourcing.AggregateCacheEntry;
import vn.caitien.planservice.domain.Plan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last committed state of the plans commands worked on most recently, at most {@code capacity} of them
 * (the least recently used leaves first), so the heap stays bounded whatever the number of plans.
 * A command takes its plan out while it works on it; {@link CachedPlanRepository} puts it back once the
 * command's transaction has committed.
 */
final class RecentPlans {
    private final int capacity;
    private final LinkedHashMap<String, AggregateCacheEntry<Plan>> plans;

    RecentPlans(int capacity) {
        if (capacity < 0) throw new IllegalArgumentException("capacity " + capacity);
        this.capacity = capacity;
        this.plans = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, AggregateCacheEntry<Plan>> eldest) {
                return size() > RecentPlans.this.capacity;
            }
        };
    }

    /** The plan's last committed state, now out of the cache; null when it is not kept. */
    synchronized AggregateCacheEntry<Plan> take(String planId) {
        return plans.remove(planId);
    }

    synchronized void put(String planId, AggregateCacheEntry<Plan> committed) {
        if (capacity > 0) plans.put(planId, committed);
    }

    synchronized void clear() {
        plans.clear();
    }

    synchronized int size() {
        return plans.size();
    }
}
