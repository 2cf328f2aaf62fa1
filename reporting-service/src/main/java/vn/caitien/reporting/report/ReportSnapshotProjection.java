package vn.caitien.reporting.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import vn.caitien.api.access.PlanScope;
import vn.caitien.api.plan.PlanApproved;
import vn.caitien.api.plan.PlanCreated;
import vn.caitien.api.report.ReportSubmitted;
import vn.caitien.api.wire.MetadataKeys;
import vn.caitien.api.wire.WireJson;
import vn.caitien.reporting.audit.PlanEvents;
import vn.caitien.reporting.audit.PlanState;
import vn.caitien.readside.messaging.QueuedWrites;
import vn.caitien.reporting.messaging.ConsumerConfiguration;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Freezes each submitted report as the plan stood at its ReportSubmitted event, so later progress
 * never changes what was sent; and keeps the directory of plans the submission tracker reads, with
 * each plan's scope (school code and managing unit) that every read is checked against.
 */
@Component
@ProcessingGroup(ConsumerConfiguration.PROCESSOR)
public class ReportSnapshotProjection {
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
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
        PlanState plan = events.fold(events.upTo(e.planId().value(), null).stream()
                .filter(s -> s.sequence() < message.getSequenceNumber()).toList());
        String actor = (String) message.getMetaData().get(MetadataKeys.ACTOR);
        plan.apply(e, message.getSequenceNumber(), message.getTimestamp(), actor);
        PlanState.Report submitted = plan.reports.get(plan.reports.size() - 1);
        LocalDate date = e.submittedOn() != null ? e.submittedOn() : LocalDate.ofInstant(message.getTimestamp(), VIETNAM);
        MonitoringReport report = builder.build(plan, e.period(), submitted, date);
        writes.update("""
                insert into report_snapshot (plan_id, period, revision, sequence, submitted_on, recorded_at, content)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb)) on conflict do nothing""",
                e.planId().value(), e.period().name(), e.revision(), message.getSequenceNumber(), Date.valueOf(date),
                Timestamp.from(message.getTimestamp()), WireJson.mapper().writeValueAsString(report));
    }
}
