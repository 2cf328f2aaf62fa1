package vn.caitien.planservice.plan;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.axonframework.common.transaction.TransactionManager;
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
import vn.caitien.planservice.messaging.AggregateVersions;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * How plans are loaded for commands: from memory when {@link CachedPlanRepository} may, otherwise from the
 * store, starting at the plan's latest snapshot ({@code snapshot_event_entry}, the Plan as JSON) and replaying
 * only the events after it. A snapshot is taken every {@code caitien.plan.snapshot-after-events} events, on a
 * thread of its own after the command has committed, so no command waits for it.
 */
@Configuration
public class PlanStorageConfiguration {
    /** Snapshot requests waiting beyond this are dropped: a later command asks again. */
    private static final int WAITING_SNAPSHOTS = 64;

    private final ThreadPoolExecutor snapshotThread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(WAITING_SNAPSHOTS), r -> {
                Thread t = new Thread(r, "plan-snapshots");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardPolicy());

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

    /**
     * As Axon's auto-configuration builds it (which steps aside for this one), but off the command's thread.
     * The snapshot is written in a transaction of its own.
     */
    @Bean
    SpringAggregateSnapshotter snapshotter(EventStore eventStore, ParameterResolverFactory parameterResolvers,
                                           HandlerDefinition handlers, TransactionManager transactions) {
        return SpringAggregateSnapshotter.builder().eventStore(eventStore).parameterResolverFactory(parameterResolvers)
                .handlerDefinition(handlers).transactionManager(transactions).executor(snapshotThread).build();
    }

    @PreDestroy
    void stopSnapshots() throws InterruptedException {
        snapshotThread.shutdown();
        snapshotThread.awaitTermination(10, TimeUnit.SECONDS);
    }
}
