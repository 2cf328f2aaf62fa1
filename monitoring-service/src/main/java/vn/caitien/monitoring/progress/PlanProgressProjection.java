package vn.caitien.monitoring.progress;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.caitien.api.item.ActionItemAdded;
import vn.caitien.api.item.ActionItemDetails;
import vn.caitien.api.item.ActionItemRemoved;
import vn.caitien.api.item.ActionItemUpdated;
import vn.caitien.api.plan.PlanApproved;
import vn.caitien.api.plan.PlanCreated;
import vn.caitien.api.progress.ProgressRecorded;
import vn.caitien.api.progress.ProgressStatus;
import vn.caitien.api.report.ReportSubmitted;
import vn.caitien.api.wire.MetadataKeys;
import vn.caitien.monitoring.messaging.ConsumerConfiguration;
import vn.caitien.readside.messaging.QueuedWrites;

import com.fasterxml.jackson.core.JsonProcessingException;
import vn.caitien.api.wire.WireJson;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the plan events from Kafka into each item's latest standing. Progress is ordered by its
 * effective date, not by arrival: a late-entered older record adds its evidence but does not roll
 * the status back. Each handler writes one statement, and reads nothing: its effect does not depend on
 * when, in its transaction, the statement is sent.
 */
@Component
@ProcessingGroup(ConsumerConfiguration.PROCESSOR)
public class PlanProgressProjection {
    private final JdbcTemplate jdbc;
    /** Every write of a handler goes through here: in a processor batch, they are sent together. */
    private final QueuedWrites writes;
    private final ApplicationEventPublisher changes;

    public PlanProgressProjection(JdbcTemplate jdbc, QueuedWrites writes, ApplicationEventPublisher changes) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.changes = changes;
    }

    /** A rebuild starts from empty tables and replays the topic from its first record. */
    @ResetHandler
    void reset() {
        jdbc.update("truncate report_submission, item_progress, plan_progress, plan_chain");
        jdbc.update("delete from processed_event where processor_name = ?", ConsumerConfiguration.PROCESSOR);
    }

    @EventHandler
    void on(PlanCreated e, @Timestamp Instant at) {
        writes.update("""
                insert into plan_progress (plan_id, school_name, school_code, school_type, managing_unit,
                                           document_number, school_year, framework_id, status, updated_at, school_key)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?) on conflict (plan_id) do nothing""",
                e.planId().value(), e.school() == null ? null : e.school().name(),
                e.school() == null ? null : e.school().code(),
                e.school() == null ? null : e.school().type().name(),
                e.school() == null ? new String[0] : e.school().managingUnit().toArray(String[]::new),
                e.documentNumber(), e.schoolYear().toString(), e.frameworkId(), java.sql.Timestamp.from(at),
                SchoolKey.of(e.school()));
        changes.publishEvent(new PlanChanged(e.planId().value()));
    }

    @EventHandler
    void on(ActionItemAdded e, @Timestamp Instant at) {
        ActionItemDetails d = e.details();
        changeAndTouch("""
                insert into item_progress (plan_id, item_id, position, criterion_code, level_group, target_result, lead,
                                           start_month, end_month, budget_planned, details)
                values (?, ?, (select count(*) from item_progress where plan_id = ?), ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
                on conflict (plan_id, item_id) do nothing""", e.planId().value(), at,
                e.planId().value(), e.itemId().value(), e.planId().value(), d.criterionCode().value(),
                d.levelGroup().label(), d.targetResult(), d.lead(), month(start(d)), month(end(d)), budget(d), json(d));
    }

    @EventHandler
    void on(ActionItemUpdated e, @Timestamp Instant at) {
        ActionItemDetails d = e.details();
        changeAndTouch("""
                update item_progress set criterion_code = ?, level_group = ?, target_result = ?, lead = ?,
                       start_month = ?, end_month = ?, budget_planned = ?, details = cast(? as jsonb)
                where plan_id = ? and item_id = ?""", e.planId().value(), at,
                d.criterionCode().value(), d.levelGroup().label(), d.targetResult(), d.lead(), month(start(d)),
                month(end(d)), budget(d), json(d), e.planId().value(), e.itemId().value());
    }

    @EventHandler
    void on(ActionItemRemoved e, @Timestamp Instant at) {
        changeAndTouch("update item_progress set removed = true where plan_id = ? and item_id = ?", e.planId().value(), at,
                e.planId().value(), e.itemId().value());
    }

    @EventHandler
    void on(PlanApproved e, @Timestamp Instant at) {
        writes.update("update plan_progress set status = 'APPROVED', updated_at = ? where plan_id = ?",
                java.sql.Timestamp.from(at), e.planId().value());
        changes.publishEvent(new PlanChanged(e.planId().value()));
    }

    @EventHandler
    void on(ProgressRecorded e, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        Integer percent = e.status() == ProgressStatus.HOAN_THANH ? Integer.valueOf(100) : e.percent();
        String[] evidence = e.evidenceCodes().stream().map(Object::toString).toArray(String[]::new);
        // Evidence always accumulates; the standing moves only for a record at least as recent.
        changeAndTouch("""
                update item_progress set
                    evidence_codes = array(select distinct c from unnest(evidence_codes || ?::text[]) c order by c),
                    status = case when newer then ? else status end,
                    percent = case when newer then coalesce(?, percent) else percent end,
                    amount_spent = case when newer then coalesce(?, amount_spent) else amount_spent end,
                    last_effective_date = case when newer then ? else last_effective_date end,
                    indicator_values = case when newer then indicator_values || cast(? as jsonb) else indicator_values end,
                    last_updated_at = ?, last_updated_by = ?
                from (select last_effective_date is null or last_effective_date <= ? as newer
                      from item_progress where plan_id = ? and item_id = ?) as t
                where plan_id = ? and item_id = ?""", e.planId().value(), at,
                evidence, e.status().name(), percent,
                e.amountSpentToDate() == null ? null : e.amountSpentToDate().vnd(),
                Date.valueOf(e.effectiveDate()), json(indicatorValues(e)), java.sql.Timestamp.from(at), actor,
                Date.valueOf(e.effectiveDate()),
                e.planId().value(), e.itemId().value(), e.planId().value(), e.itemId().value());
    }

    @EventHandler
    void on(ReportSubmitted e, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        changeAndTouch("""
                insert into report_submission (plan_id, period, revision, submitted_at, submitted_by, submitted_on)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""", e.planId().value(), at,
                e.planId().value(), e.period().name(), e.revision(), java.sql.Timestamp.from(at), actor,
                e.submittedOn() == null ? null : Date.valueOf(e.submittedOn()));
    }

    /**
     * The change to an item or report and the plan's last-updated time in one statement (one round trip
     * to the database per event instead of two): the plan is touched whether or not the change found its row.
     */
    private void changeAndTouch(String change, String planId, Instant at, Object... changeArguments) {
        Object[] arguments = java.util.Arrays.copyOf(changeArguments, changeArguments.length + 2);
        arguments[changeArguments.length] = java.sql.Timestamp.from(at);
        arguments[changeArguments.length + 1] = planId;
        writes.update("with change as (" + change + ")\n"
                + "update plan_progress set updated_at = greatest(updated_at, ?) where plan_id = ?", arguments);
        changes.publishEvent(new PlanChanged(planId));
    }

    private static Map<String, BigDecimal> indicatorValues(ProgressRecorded e) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        e.indicatorValues().forEach(v -> values.put(v.name(), v.value()));
        return values;
    }

    private static String json(Object value) {
        try {
            return WireJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static YearMonth start(ActionItemDetails d) { return d.schedule() == null ? null : d.schedule().start(); }

    private static YearMonth end(ActionItemDetails d) { return d.schedule() == null ? null : d.schedule().end(); }

    private static Date month(YearMonth month) { return month == null ? null : Date.valueOf(month.atDay(1)); }

    private static Long budget(ActionItemDetails d) {
        return d.budget() == null || d.budget().amount() == null ? null : d.budget().amount().vnd();
    }
}
