package vn.caitien.monitoring.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import vn.caitien.api.item.ActionItemAdded;
import vn.caitien.api.item.ActionItemDetails;
import vn.caitien.api.item.ActionItemRemoved;
import vn.caitien.api.item.ActionItemUpdated;
import vn.caitien.api.plan.PlanApproved;
import vn.caitien.api.plan.PlanCreated;
import vn.caitien.api.plan.School;
import vn.caitien.api.progress.ProgressRecorded;
import vn.caitien.api.progress.ProgressStatus;
import vn.caitien.api.report.ReportSubmitted;
import vn.caitien.api.wire.WireJson;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Folds plan events, in topic order, into the final rows of plan_progress, item_progress and
 * report_submission — what {@link PlanProgressProjection}'s statements leave after applying the same
 * events one by one, without a statement per event. Each method below mirrors one handler of the
 * projection, expression for expression: keep them in step.
 *
 * <p>Where a handler's statement would fail (a missing plan behind a foreign key, an over-long value,
 * a null the handler dereferences) the fold throws — a {@link FoldRefused} or the handler's own
 * exception — and the rebuild falls back to the per-event replay, which parks such events per plan.
 */
public final class ProgressFold {
    private final Map<String, FoldedPlan> plans = new LinkedHashMap<>();
    private final DetailsStore details;
    /**
     * Evidence codes and indicator names, and actors (as stored), repeat across thousands of rows: one
     * copy of each, checked once.
     */
    private final Map<String, String> shared = new HashMap<>();
    private final Map<String, String> actors = new HashMap<>();
    private long items;

    public ProgressFold(DetailsStore details) {
        this.details = details;
    }

    /** Applies one event payload, recorded at {@code at} by {@code actor} (null when the event names none). */
    public void apply(Object payload, Instant at, String actor) {
        if (payload instanceof ProgressRecorded e) on(e, at, actor);
        else if (payload instanceof ActionItemAdded e) on(e, at);
        else if (payload instanceof ActionItemUpdated e) on(e, at);
        else if (payload instanceof ActionItemRemoved e) on(e, at);
        else if (payload instanceof PlanCreated e) on(e, at);
        else if (payload instanceof PlanApproved e) on(e, at);
        else if (payload instanceof ReportSubmitted e) on(e, at, actor);
        else throw new FoldRefused("Không có bộ xử lý cho " + (payload == null ? "null" : payload.getClass().getName()));
    }

    private void on(PlanCreated e, Instant at) {
        School school = e.school();
        String planId = ColumnValues.varchar(e.planId().value(), 64, "plan_id");
        String name = ColumnValues.varchar(school == null ? null : school.name(), 300, "school_name");
        String code = ColumnValues.varchar(school == null ? null : school.code(), 64, "school_code");
        String type = ColumnValues.varchar(school == null ? null : school.type().name(), 32, "school_type");
        String[] unit = school == null ? new String[0] : school.managingUnit().toArray(String[]::new);
        for (String part : unit) ColumnValues.text(part, "managing_unit");
        String documentNumber = ColumnValues.varchar(e.documentNumber(), 64, "document_number");
        String schoolYear = ColumnValues.varchar(e.schoolYear().toString(), 9, "school_year");
        // NOT NULL is checked on the new row before ON CONFLICT looks for an existing one.
        if (e.frameworkId() == null) throw new FoldRefused("framework_id trống");
        String frameworkId = ColumnValues.varchar(e.frameworkId(), 32, "framework_id");
        long created = ColumnValues.micros(at);
        String schoolKey = ColumnValues.varchar(SchoolKey.of(school), 400, "school_key");
        plans.putIfAbsent(planId, new FoldedPlan(planId, name, code, type, unit, documentNumber, schoolYear,
                frameworkId, schoolKey, created));
    }

    private void on(ActionItemAdded e, Instant at) {
        ActionItemDetails d = e.details();
        String planId = e.planId().value();
        String itemId = ColumnValues.varchar(e.itemId().value(), 64, "item_id");
        byte[] content = content(d);
        FoldedPlan plan = plans.get(planId);
        FoldedItem existing = plan == null ? null : plan.item(itemId);
        long atMicros = ColumnValues.micros(at);
        if (existing == null) {
            if (plan == null) {
                throw new FoldRefused("Nội dung " + itemId + " thuộc kế hoạch " + planId + " chưa được tạo (khóa ngoại)");
            }
            plan.addItem(itemId, details.put(content));
            items++;
        }
        touch(planId, atMicros);
    }

    private void on(ActionItemUpdated e, Instant at) {
        ActionItemDetails d = e.details();
        String planId = e.planId().value();
        String itemId = e.itemId().value();
        byte[] content = content(d);
        long atMicros = ColumnValues.micros(at);
        FoldedItem item = item(planId, itemId);
        if (item != null) item.replaceDetails(details.put(content));
        touch(planId, atMicros);
    }

    private void on(ActionItemRemoved e, Instant at) {
        String planId = e.planId().value();
        String itemId = e.itemId().value();
        long atMicros = ColumnValues.micros(at);
        FoldedItem item = item(planId, itemId);
        if (item != null) item.markRemoved();
        touch(planId, atMicros);
    }

    private void on(PlanApproved e, Instant at) {
        String planId = e.planId().value();
        long atMicros = ColumnValues.micros(at);
        FoldedPlan plan = plans.get(planId);
        if (plan != null) plan.approve(atMicros);
    }

    private void on(ProgressRecorded e, Instant at, String actor) {
        Integer percent = e.status() == ProgressStatus.HOAN_THANH ? Integer.valueOf(100) : e.percent();
        String[] evidence = e.evidenceCodes().stream().map(Object::toString).toArray(String[]::new);
        for (int i = 0; i < evidence.length; i++) evidence[i] = text(evidence[i], "evidence_codes");
        String status = e.status().name();
        Long amount = e.amountSpentToDate() == null ? null : e.amountSpentToDate().vnd();
        int effectiveDay = ColumnValues.day(e.effectiveDate());
        Map<String, BigDecimal> indicators = indicatorValues(e);
        long atMicros = ColumnValues.micros(at);
        String by = actor(actor, "last_updated_by");
        FoldedItem item = item(e.planId().value(), e.itemId().value());
        if (item != null) item.record(status, percent, amount, effectiveDay, evidence, indicators, atMicros, by);
        touch(e.planId().value(), atMicros);
    }

    private void on(ReportSubmitted e, Instant at, String actor) {
        String planId = e.planId().value();
        String period = ColumnValues.varchar(e.period().name(), 16, "period");
        long atMicros = ColumnValues.micros(at);
        String by = actor(actor, "submitted_by");
        int submittedOn = e.submittedOn() == null ? ColumnValues.NO_DAY : ColumnValues.day(e.submittedOn());
        FoldedPlan plan = plans.get(planId);
        if (plan == null) {
            throw new FoldRefused("Báo cáo của kế hoạch " + planId + " chưa được tạo (khóa ngoại)");
        }
        plan.addReport(new FoldedReport(period, e.revision(), atMicros, by, submittedOn));
        touch(planId, atMicros);
    }

    private void touch(String planId, long atMicros) {
        FoldedPlan plan = plans.get(planId);
        if (plan != null) plan.touch(atMicros);
    }

    private FoldedItem item(String planId, String itemId) {
        FoldedPlan plan = plans.get(planId);
        return plan == null ? null : plan.item(itemId);
    }

    /**
     * The item's content as the handler writes it: the details as WireJson, from which the criterion,
     * level group, target, lead, months and budget columns are read back when the row is written.
     * The handler's own dereferences come first, so a malformed item fails here as it fails there.
     */
    private static byte[] content(ActionItemDetails d) {
        ColumnValues.varchar(d.criterionCode().value(), 16, "criterion_code");
        ColumnValues.varchar(d.levelGroup().label(), 32, "level_group");
        ColumnValues.text(d.targetResult(), "target_result");
        ColumnValues.text(d.lead(), "lead");
        ColumnValues.month(d.schedule() == null ? null : d.schedule().start());
        ColumnValues.month(d.schedule() == null ? null : d.schedule().end());
        return ColumnValues.json(json(d), "details").getBytes(StandardCharsets.UTF_8);
    }

    /** A text value, checked once per distinct value and kept once. */
    private String text(String value, String column) {
        String known = shared.get(value);
        if (known != null) return known;
        shared.put(ColumnValues.text(value, column), value);
        return value;
    }

    /** Who recorded an event, as a varchar(300) column stores it; checked once per distinct actor. */
    private String actor(String actor, String column) {
        if (actor == null) return null;
        String stored = actors.get(actor);
        if (stored == null) {
            stored = ColumnValues.varchar(actor, 300, column);
            actors.put(actor, stored);
        }
        return stored;
    }

    private Map<String, BigDecimal> indicatorValues(ProgressRecorded e) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        e.indicatorValues().forEach(v -> {
            // The handler writes them as a JSON object: a null name fails there, NUL fails in jsonb.
            if (v.name() == null) throw new FoldRefused("Chỉ số không có tên");
            values.put(text(v.name(), "indicator_values"), v.value());
        });
        return values;
    }

    static String json(Object value) {
        try {
            return WireJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public Collection<FoldedPlan> plans() { return plans.values(); }

    public int planCount() { return plans.size(); }

    public long itemCount() { return items; }

    public DetailsStore details() { return details; }
}
