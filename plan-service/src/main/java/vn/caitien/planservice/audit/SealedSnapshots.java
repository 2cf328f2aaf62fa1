package vn.caitien.planservice.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.caitien.planservice.domain.Plan;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Plan snapshots that cannot pass for the plan's history unless they are: each is stored sealed (see
 * {@link SnapshotSeals}), and {@value #FILTER} (named by {@code @Aggregate} on the Plan) discards on load any
 * snapshot whose seal or covered hash does not match, so the plan is built from its events instead. A discarded
 * snapshot is logged at ERROR, counted in {@code caitien.chain.snapshots.discarded} and reported by verify.
 * <p>
 * Snapshots are written on a thread of their own after the command has committed, so no command waits for
 * them, each in a transaction of its own.
 */
@Configuration
class SealedSnapshots {
    static final String FILTER = "planSnapshotFilter";
    private static final Logger log = LoggerFactory.getLogger(SealedSnapshots.class);
    /** Snapshot requests waiting beyond this are dropped: a later command asks again. */
    private static final int WAITING_SNAPSHOTS = 64;

    private final ThreadPoolExecutor snapshotThread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(WAITING_SNAPSHOTS), r -> {
                Thread t = new Thread(r, "plan-snapshots");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardPolicy());

    /** Axon's snapshotter as its auto-configuration builds it (which steps aside for this one), sealing what it stores. */
    @Bean
    SpringAggregateSnapshotter snapshotter(EventStore eventStore, ParameterResolverFactory parameterResolvers,
                                           HandlerDefinition handlers, TransactionManager transactions,
                                           Serializer snapshotSerializer, SnapshotSeals seals) {
        SpringAggregateSnapshotter.Builder builder = SpringAggregateSnapshotter.builder();
        builder.eventStore(eventStore).parameterResolverFactory(parameterResolvers).handlerDefinition(handlers)
                .transactionManager(transactions).executor(snapshotThread);
        return new Sealing(builder, snapshotSerializer, seals);
    }

    /** Replaces Axon's default filter of the Plan (its revision only), so it checks the revision first too. */
    @Bean(FILTER)
    SnapshotFilter planSnapshotFilter(SnapshotSeals seals, MeterRegistry meters) {
        SnapshotFilter sameRevision = RevisionSnapshotFilter.builder().type(Plan.class)
                .revision(Plan.class.getAnnotation(Revision.class).value()).build();
        return sameRevision.combine(snapshot -> {
            SnapshotSeals.State state = seals.check(snapshot);
            if (state == SnapshotSeals.State.VALID) return true;
            Counter.builder("caitien.chain.snapshots.discarded").tag("reason", state.name())
                    .description("plan snapshots not loaded because their seal or covered hash did not match")
                    .register(meters).increment();
            if (state == SnapshotSeals.State.UNSEALED) {
                log.warn("Bỏ qua ảnh chụp chưa niêm phong của kế hoạch {} (sự kiện số {}); dựng lại từ các sự kiện",
                        snapshot.getAggregateIdentifier(), snapshot.getSequenceNumber());
            } else {
                log.error("Ảnh chụp kế hoạch {} tại sự kiện số {} không khớp chuỗi băm ({}): đã bị sửa, bỏ qua và dựng lại"
                        + " kế hoạch từ các sự kiện", snapshot.getAggregateIdentifier(), snapshot.getSequenceNumber(), state);
            }
            return false;
        });
    }

    @PreDestroy
    void stopSnapshots() throws InterruptedException {
        snapshotThread.shutdown();
        snapshotThread.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Adds the covered hash and the seal to each snapshot it creates. */
    static final class Sealing extends SpringAggregateSnapshotter {
        private final Serializer serializer;
        private final SnapshotSeals seals;

        Sealing(Builder builder, Serializer serializer, SnapshotSeals seals) {
            super(builder);
            this.serializer = serializer;
            this.seals = seals;
        }

        @Override
        protected DomainEventMessage createSnapshot(Class<?> aggregateType, String aggregateIdentifier,
                                                    DomainEventStream eventStream) {
            DomainEventMessage<?> snapshot = super.createSnapshot(aggregateType, aggregateIdentifier, eventStream);
            if (snapshot == null) return null;
            // Serialized as the storage engine will (the same serializer), to seal its content.
            SerializedObject<byte[]> payload = serializer.serialize(snapshot.getPayload(), byte[].class);
            return snapshot.andMetaData(seals.metaDataFor(aggregateIdentifier, snapshot.getSequenceNumber(),
                    payload.getType().getName(), payload.getType().getRevision(), payload.getData()));
        }
    }
}
