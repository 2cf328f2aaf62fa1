package vn.caitien.readmodel;

import vn.caitien.api.item.ActionItemAdded;
import vn.caitien.api.item.ActionItemDetails;
import vn.caitien.api.item.ActionItemRemoved;
import vn.caitien.api.item.ActionItemUpdated;
import vn.caitien.api.plan.PlanApproved;
import vn.caitien.api.plan.PlanCreated;
import vn.caitien.api.plan.School;
import vn.caitien.api.progress.EvidenceCode;
import vn.caitien.api.progress.IndicatorValue;
import vn.caitien.api.progress.ProgressRecorded;
import vn.caitien.api.progress.ProgressStatus;
import vn.caitien.api.report.ReportSubmitted;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan read model's one evolve function: the rows of one plan and one of its events give the rows
 * after it. The live projection, the bulk rebuild and reporting's state as of any event all apply the
 * events through here. Rows an event does not change come back as the same instances, so a writer can
 * tell what to write by identity.
 * <p>
 * The rules, as the read side has always applied them:
 * <ul>
 * <li>An event seen twice changes nothing the second time: PlanCreated and ActionItemAdded keep the first
 * row, a report revision already there keeps the first submission ("on conflict do nothing").</li>
 * <li>Progress is ordered by its effective date, not by arrival: a record older than the item's standing
 * adds its evidence (and counts as a record) but does not roll status, percent, amount, indicator values
 * or narrative back. HOÀN THÀNH means 100 %. Who and when last recorded always move.</li>
 * <li>A removed item keeps its row and position, flagged; a new item takes the position after every item
 * ever added.</li>
 * <li>Any change to a plan's items or reports moves its updated time to the later of the two; approval
 * sets it to the approval's time.</li>
 * </ul>
 */
public final class PlanEvolution {
    private static final String ADDED = "Bổ sung: ";
    private static final String CHANGED = "Điều chỉnh: ";

    private PlanEvolution() {
    }

    /**
     * The rows after {@code event}. Events of other kinds leave the rows as they are.
     *
     * @throws EventRefused for an item or report of a plan not created yet, or an item without content
     */
    public static PlanRows evolve(PlanRows rows, Object event, EventContext context) {
        PlanRows before = rows == null ? PlanRows.NONE : rows;
        PlanRows after;
        if (event instanceof ProgressRecorded e) after = progress(before, e, context);
        else if (event instanceof ActionItemAdded e) after = added(before, e, context.recordedAt());
        else if (event instanceof ActionItemUpdated e) after = updated(before, e, context.recordedAt());
        else if (event instanceof ActionItemRemoved e) after = removed(before, e, context.recordedAt());
        else if (event instanceof PlanCreated e) after = created(before, e, context.recordedAt());
        else if (event instanceof PlanApproved e) after = approved(before, e, context.recordedAt());
        else if (event instanceof ReportSubmitted e) after = report(before, e, context);
        else after = before;
        return new PlanRows(after.plan(), after.items(), after.reports(), context.sequence(), context.recordedAt());
    }

    private static PlanRows created(PlanRows rows, PlanCreated e, Instant at) {
        School school = e.school();
        // Checked before the duplicate test, as the database checks a new row before "on conflict".
        if (e.schoolYear() == null || e.frameworkId() == null || school != null && school.type() == null) {
            throw new EventRefused("Kế hoạch " + e.planId().value() + " thiếu năm học, bộ tiêu chuẩn hoặc loại hình trường");
        }
        if (rows.exists()) return rows;
        PlanRow plan = new PlanRow(e.planId().value(), school == null ? null : school.name(),
                school == null ? null : school.code(),
                school == null ? null : school.type().name(),
                school == null ? List.of() : school.managingUnit(), PlanRow.schoolKeyOf(school), e.documentNumber(),
                e.schoolYear().toString(), e.frameworkId(), PlanRow.DRAFT,
                e.issueDate(), e.issuePlace(), e.legalBases(), null, null, at);
        return new PlanRows(plan, rows.items(), rows.reports(), rows.lastSequence(), rows.lastRecordedAt());
    }

    private static PlanRows approved(PlanRows rows, PlanApproved e, Instant at) {
        if (!rows.exists()) return rows;
        return withPlan(rows, rows.plan().approved(e.approvedOn(), e.approvedBy(), at));
    }

    private static PlanRows added(PlanRows rows, ActionItemAdded e, Instant at) {
        String itemId = e.itemId().value();
        requireContent(e.details(), itemId);
        if (!rows.exists()) {
            throw new EventRefused("Nội dung " + itemId + " thuộc kế hoạch " + e.planId().value() + " chưa được tạo");
        }
        if (rows.item(itemId) != null) return touched(rows, at);
        List<ItemRow> items = new ArrayList<>(rows.items().size() + 1);
        items.addAll(rows.items());
        items.add(ItemRow.added(rows.plan().planId(), itemId, rows.items().size(), e.details(),
                amendment(ADDED, e.amendmentReason())));
        return new PlanRows(rows.plan().touchedAt(at), items, rows.reports(), rows.lastSequence(), rows.lastRecordedAt());
    }

    private static PlanRows updated(PlanRows rows, ActionItemUpdated e, Instant at) {
        requireContent(e.details(), e.itemId().value());
        ItemRow item = rows.item(e.itemId().value());
        if (item == null) return touched(rows, at);
        return withItem(rows, item.withDetails(e.details(), amendment(CHANGED, e.amendmentReason())), at);
    }

    private static PlanRows removed(PlanRows rows, ActionItemRemoved e, Instant at) {
        ItemRow item = rows.item(e.itemId().value());
        if (item == null) return touched(rows, at);
        return withItem(rows, item.removed() ? item : item.asRemoved(), at);
    }

    private static PlanRows progress(PlanRows rows, ProgressRecorded e, EventContext context) {
        if (e.status() == null || e.effectiveDate() == null
                || e.indicatorValues().stream().anyMatch(value -> value.name() == null)) {
            throw new EventRefused("Tiến độ của nội dung " + e.itemId().value() + " thiếu trạng thái, ngày hiệu lực hoặc tên chỉ số");
        }
        ItemRow item = rows.item(e.itemId().value());
        if (item == null) return touched(rows, context.recordedAt());
        List<String> evidence = ItemRow.withEvidence(item.evidenceCodes(),
                e.evidenceCodes().stream().map(EvidenceCode::value).toList());
        boolean newer = item.lastEffectiveDate() == null || !e.effectiveDate().isBefore(item.lastEffectiveDate());
        ItemRow after;
        if (newer) {
            Integer percent = e.status() == ProgressStatus.HOAN_THANH ? Integer.valueOf(100)
                    : e.percent() != null ? e.percent() : item.percent();
            Long amount = e.amountSpentToDate() != null ? Long.valueOf(e.amountSpentToDate().vnd()) : item.amountSpent();
            Map<String, BigDecimal> indicators = new LinkedHashMap<>(item.indicatorValues());
            for (IndicatorValue value : e.indicatorValues()) indicators.put(value.name(), value.value());
            String narrative = e.narrative() != null && !e.narrative().isBlank() ? e.narrative() : item.narrative();
            after = item.withProgress(e.status().name(), percent, amount, evidence, e.effectiveDate(),
                    indicators, narrative, context.recordedAt(), context.actor());
        } else {
            after = item.withProgress(item.status(), item.percent(), item.amountSpent(), evidence,
                    item.lastEffectiveDate(), item.indicatorValues(), item.narrative(), context.recordedAt(),
                    context.actor());
        }
        return withItem(rows, after, context.recordedAt());
    }

    private static PlanRows report(PlanRows rows, ReportSubmitted e, EventContext context) {
        if (!rows.exists()) {
            throw new EventRefused("Báo cáo của kế hoạch " + e.planId().value() + " chưa được tạo");
        }
        ReportRow report = new ReportRow(rows.plan().planId(), e.period().name(), e.revision(), e.summary(),
                e.findings(), e.recommendations(), e.correctionReason(), e.submittedOn(), context.recordedAt(),
                context.actor());
        if (rows.reports().stream().anyMatch(report::sameRevision)) return touched(rows, context.recordedAt());
        List<ReportRow> reports = new ArrayList<>(rows.reports().size() + 1);
        reports.addAll(rows.reports());
        reports.add(report);
        return new PlanRows(rows.plan().touchedAt(context.recordedAt()), rows.items(), reports, rows.lastSequence(),
                rows.lastRecordedAt());
    }

    /** An item's event for an item the plan does not have still counts as a change to the plan. */
    private static PlanRows touched(PlanRows rows, Instant at) {
        return rows.exists() ? withPlan(rows, rows.plan().touchedAt(at)) : rows;
    }

    private static PlanRows withItem(PlanRows rows, ItemRow item, Instant at) {
        List<ItemRow> items = new ArrayList<>(rows.items());
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).itemId().equals(item.itemId())) items.set(i, item);
        }
        PlanRow plan = rows.exists() ? rows.plan().touchedAt(at) : null;
        return new PlanRows(plan, items, rows.reports(), rows.lastSequence(), rows.lastRecordedAt());
    }

    private static PlanRows withPlan(PlanRows rows, PlanRow plan) {
        if (plan == rows.plan()) return rows;
        return new PlanRows(plan, rows.items(), rows.reports(), rows.lastSequence(), rows.lastRecordedAt());
    }

    private static void requireContent(ActionItemDetails details, String itemId) {
        if (details == null || details.criterionCode() == null || details.levelGroup() == null) {
            throw new EventRefused("Nội dung " + itemId + " thiếu tiêu chí hoặc nhóm mức");
        }
    }

    private static String amendment(String kind, String reason) {
        return reason == null ? null : kind + reason;
    }
}
