package vn.caitien.monitoring.live;

import java.util.Set;

/** Plans whose read model changed in one committed transaction (a batch of events), each named once. */
public record ChangedPlans(Set<String> planIds) {
}
