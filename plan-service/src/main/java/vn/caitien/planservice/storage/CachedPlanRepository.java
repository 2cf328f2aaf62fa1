package vn.caitien.planservice.storage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.RepositorySpanFactory;
import vn.caitien.planservice.domain.Plan;
import vn.caitien.planservice.messaging.AfterCommit;
import vn.caitien.planservice.messaging.AggregateVersions;

import java.util.Objects;

/**
 * The Plan repository: event sourced, with the plans commands used most recently kept in memory
 * ({@link RecentPlans}) so a command does not replay the whole plan (hundreds of progress records by the end
 * of a year) from the store each time. Several instances of plan-service share the store, so what is kept
 * here is never trusted on its own:
 * <ul>
 * <li>Only committed states are kept: a plan is put back after the transaction that stored its events has
 * committed (the outermost one, e.g. an Idempotency-Key request's), never when it rolls back. A command takes
 * its plan out while it works on it, so a failed command leaves nothing behind.</li>
 * <li>A kept plan is used only if its version is still the store's: the sequence number of the plan's last
 * stored event, read in the command's own transaction. Events are only ever appended, and a committed event
 * holds its (plan, sequence number) slot for good, so a committed state at the store's version is exactly
 * what replaying the store would give. A plan another instance has moved on is loaded from the store.</li>
 * <li>And whatever was loaded, a command decided on a state that is no longer the last one cannot be stored:
 * its event takes the next sequence number, which the store's unique key (plan, sequence number) refuses if
 * anyone appended it first. Axon reports that as a ConcurrencyException; the transaction rolls back (the plan
 * is not kept) and RecordProgress is decided again on the plan loaded afresh.</li>
 * </ul>
 * Loads from the store start at the plan's latest snapshot when it has one (see {@link PlanStorageConfiguration}).
 */
public class CachedPlanRepository extends EventSourcingRepository<Plan> {
    private final RecentPlans recent;
    private final AggregateVersions versions;
    private final EventStore eventStore;
    private final SnapshotTriggerDefinition snapshotTrigger;
    private final Counter hits;
    private final Counter misses;
    private final Counter stale;

    CachedPlanRepository(EventStore eventStore, SnapshotTriggerDefinition snapshotTrigger,
                         ParameterResolverFactory parameterResolvers, HandlerDefinition handlers,
                         RepositorySpanFactory spans, RecentPlans recent, AggregateVersions versions, MeterRegistry meters) {
        super(EventSourcingRepository.builder(Plan.class).eventStore(eventStore).snapshotTriggerDefinition(snapshotTrigger)
                .parameterResolverFactory(parameterResolvers).handlerDefinition(handlers).spanFactory(spans));
        this.recent = recent;
        this.versions = versions;
        this.eventStore = eventStore;
        this.snapshotTrigger = snapshotTrigger;
        this.hits = loads(meters, "cache", "the plan kept in memory, at the store's version");
        this.misses = loads(meters, "store", "not kept: loaded from the store (snapshot and later events)");
        this.stale = loads(meters, "stale", "kept, but the store had moved on (another instance): loaded from the store");
    }

    private static Counter loads(MeterRegistry meters, String source, String description) {
        return Counter.builder("caitien.plan.loads").tag("source", source).description(description).register(meters);
    }

    @Override
    protected EventSourcedAggregate<Plan> doLoadWithLock(String planId, Long expectedVersion) {
        AggregateCacheEntry<Plan> kept = recent.take(planId);
        if (kept != null) {
            EventSourcedAggregate<Plan> plan = kept.recreateAggregate(aggregateModel(), eventStore, snapshotTrigger);
            if (!plan.isDeleted() && Objects.equals(plan.version(), versions.current(planId))) {
                hits.increment();
                return plan;
            }
            stale.increment();
        } else {
            misses.increment();
        }
        return super.doLoadWithLock(planId, expectedVersion);
    }

    /**
     * Called as the command's unit of work prepares to commit, with all its events applied (so the version
     * is final); the plan is kept once they are committed.
     */
    @Override
    protected void doSaveWithLock(EventSourcedAggregate<Plan> plan) {
        super.doSaveWithLock(plan);
        String planId = plan.identifierAsString();
        AggregateCacheEntry<Plan> committed = new AggregateCacheEntry<>(plan);
        AfterCommit.run(() -> recent.put(planId, committed));
    }
}
