package vn.caitien.reporting.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import vn.caitien.access.PlanScope;
import vn.caitien.api.plan.PlanApproved;
import vn.caitien.api.plan.PlanCreated;
import vn.caitien.api.report.ReportSubmitted;
import vn.caitien.api.wire.MetadataKeys;
import vn.caitien.api.wire.WireJson;
import vn.caitien.readmodel.EventContext;
import vn.caitien.readmodel.PlanEvolution;
import vn.caitien.readmodel.PlanRows;
import vn.caitien.readmodel.ReportRow;
import vn.caitien.reporting.audit.PlanEvents;
import vn.caitien.readside.messaging.QueuedWrites;
import vn.caitien.reporting.messaging.ConsumerConfiguration;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;

/**
 * Freezes each submitted report as the plan stood at its ReportSubmitted event, so later progress
 * never changes what was sent; and keeps the directory of plans the submission tracker reads, with
 * each plan's scope (school code and managing unit) that every read is checked against.
 */
@Component
@ProcessingGroup(ConsumerConfiguration.PROCESSOR)
public class ReportSnapshotProjection {
    private final QueuedWrites writes;
    private final PlanEvents events;
    private final ReportBuilder builder;

    public ReportSnapshotProjection(QueuedWrites writes, PlanEvents events, ReportBuilder builder) {
        this.writes = writes;
        this.events = events;
        this.builder = builder;
    }

    @EventHandler
    void on(PlanCreated e) {
        PlanScope scope = PlanScope.of(e.school());
        writes.update("""
                insert into plan_directory (plan_id, school_name, school_code, managing_unit, school_year, framework_id)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""", e.planId().value(),
                e.school() == null ? null : e.school().name(), scope.schoolCode(),
                scope.managingUnit().toArray(String[]::new), e.schoolYear().toString(), e.frameworkId());
    }

    @EventHandler
    void on(PlanApproved e) {
        writes.update("update plan_directory set approved = true where plan_id = ?", e.planId().value());
    }

    @EventHandler
    void on(ReportSubmitted e, DomainEventMessage<?> message) throws JsonProcessingException {
        // The plan as it stood just before this event, then the event itself: independent of whether
        // the history handler has stored it yet. The batch's earlier events are sent first, for the fold to read.
        writes.flush();
        PlanRows before = PlanEvents.fold(events.upTo(e.planId().value(), null).stream()
                .filter(s -> s.sequence() < message.getSequenceNumber()).toList());
        String actor = (String) message.getMetaData().get(MetadataKeys.ACTOR);
        PlanRows plan = PlanEvolution.evolve(before, e,
                new EventContext(message.getTimestamp(), actor, message.getSequenceNumber()));
        // A revision seen twice keeps its first submission, as the snapshot table does.
        ReportRow submitted = plan.revisions(e.period().name()).stream()
                .filter(r -> r.revision() == e.revision()).findFirst().orElseThrow();
        LocalDate date = submitted.sentOn();
        MonitoringReport report = builder.build(plan, e.period(), submitted, date);
        writes.update("""
                insert into report_snapshot (plan_id, period, revision, sequence, submitted_on, recorded_at, content)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb)) on conflict do nothing""",
                e.planId().value(), e.period().name(), e.revision(), message.getSequenceNumber(), Date.valueOf(date),
                Timestamp.from(message.getTimestamp()), WireJson.mapper().writeValueAsString(report));
    }
}
