package vn.caitien.monitoring.progress;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.caitien.api.item.ActionItemAdded;
import vn.caitien.api.item.ActionItemRemoved;
import vn.caitien.api.item.ActionItemUpdated;
import vn.caitien.api.plan.PlanApproved;
import vn.caitien.api.plan.PlanCreated;
import vn.caitien.api.plan.PlanEvent;
import vn.caitien.api.progress.ProgressRecorded;
import vn.caitien.api.report.ReportSubmitted;
import vn.caitien.api.wire.MetadataKeys;
import vn.caitien.monitoring.messaging.ConsumerConfiguration;
import vn.caitien.readmodel.EventContext;
import vn.caitien.readmodel.PlanEvolution;
import vn.caitien.readmodel.PlanRows;
import vn.caitien.readside.messaging.QueuedWrites;

import java.time.Instant;

/**
 * Turns the plan events from Kafka into each plan's rows: the rows the event touches are read (once per
 * processor batch, {@link LoadedPlans}), the read-model kernel evolves them ({@link PlanEvolution}, where
 * every rule is) and what changed is written back with the rest of the batch ({@link PlanRowsStore}).
 */
@Component
@ProcessingGroup(ConsumerConfiguration.PROCESSOR)
public class PlanProgressProjection {
    private final JdbcTemplate jdbc;
    private final LoadedPlans plans;
    private final PlanRowsStore store;
    private final ApplicationEventPublisher changes;

    PlanProgressProjection(JdbcTemplate jdbc, LoadedPlans plans, PlanRowsStore store,
                           ApplicationEventPublisher changes) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.store = store;
        this.changes = changes;
    }

    /** A rebuild starts from empty tables and replays the topic from its first record. */
    @ResetHandler
    void reset() {
        plans.forgetAll();
        jdbc.update("truncate report_submission, item_progress, plan_progress, plan_chain");
        jdbc.update("delete from processed_event where processor_name = ?", ConsumerConfiguration.PROCESSOR);
    }

    @EventHandler
    void on(PlanCreated e, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR) String actor, @SequenceNumber Long sequence) {
        apply(e, at, actor, sequence);
    }

    @EventHandler
    void on(PlanApproved e, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR) String actor, @SequenceNumber Long sequence) {
        apply(e, at, actor, sequence);
    }

    @EventHandler
    void on(ActionItemAdded e, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR) String actor, @SequenceNumber Long sequence) {
        apply(e, at, actor, sequence);
    }

    @EventHandler
    void on(ActionItemUpdated e, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR) String actor, @SequenceNumber Long sequence) {
        apply(e, at, actor, sequence);
    }

    @EventHandler
    void on(ActionItemRemoved e, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR) String actor, @SequenceNumber Long sequence) {
        apply(e, at, actor, sequence);
    }

    @EventHandler
    void on(ProgressRecorded e, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR) String actor, @SequenceNumber Long sequence) {
        apply(e, at, actor, sequence);
    }

    @EventHandler
    void on(ReportSubmitted e, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR) String actor, @SequenceNumber Long sequence) {
        apply(e, at, actor, sequence);
    }

    /** An event the kernel refuses (EventRefused) leaves here and is parked with its plan's later events. */
    private void apply(PlanEvent event, Instant at, String actor, Long sequence) {
        String planId = event.planId().value();
        long position = sequence == null ? -1 : sequence;
        PlanRows before = plans.rows(planId, position);
        PlanRows after = PlanEvolution.evolve(before, event, new EventContext(at, actor, position));
        store.write(before, after);
        plans.applied(planId, after);
        changes.publishEvent(new PlanChanged(planId));
    }
}
