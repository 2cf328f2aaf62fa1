package vn.caitien.monitoring.progress;

import java.util.Set;

/**
 * Published once after a bulk rebuild has committed: every plan of the read model may have changed.
 * Open dashboards re-read what they show once, and the plans' summaries can be published again,
 * instead of hearing of a change per replayed event.
 */
public record ReadModelRebuilt(Set<String> planIds) {
}
