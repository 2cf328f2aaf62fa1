package vn.caitien.planservice.storage;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.RepositorySpanFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.caitien.planservice.domain.Plan;
import vn.caitien.planservice.messaging.AggregateVersions;

/**
 * How plans are loaded for commands: from memory when {@link CachedPlanRepository} may, otherwise from the
 * store, starting at the plan's latest snapshot ({@code snapshot_event_entry}, the Plan as JSON) and replaying
 * only the events after it. A snapshot is taken every {@code caitien.plan.snapshot-after-events} events, by the
 * snapshotter of audit/SealedSnapshots, which seals each snapshot and discards, on load, one that does not match
 * the plan's hash chain.
 */
@Configuration
public class PlanStorageConfiguration {
    @Bean
    RecentPlans recentPlans(@Value("${caitien.plan.cached-plans:256}") int capacity) {
        return new RecentPlans(capacity);
    }

    /** Named by {@code @Aggregate(repository = ...)} on {@link Plan}. */
    @Bean
    CachedPlanRepository planRepository(EventStore eventStore, SnapshotTriggerDefinition planSnapshotTrigger,
                                        ParameterResolverFactory parameterResolvers, HandlerDefinition handlers,
                                        RepositorySpanFactory spans, RecentPlans recentPlans, AggregateVersions versions,
                                        MeterRegistry meters) {
        return new CachedPlanRepository(eventStore, planSnapshotTrigger, parameterResolvers, handlers, spans, recentPlans,
                versions, meters);
    }

    @Bean
    SnapshotTriggerDefinition planSnapshotTrigger(SpringAggregateSnapshotter snapshotter,
                                                  @Value("${caitien.plan.snapshot-after-events:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
