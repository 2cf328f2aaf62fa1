package vn.caitien.monitoring.rebuild;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.postgresql.copy.CopyManager;
import vn.caitien.api.wire.WireJson;
import vn.caitien.readmodel.ItemRow;
import vn.caitien.readmodel.PlanRow;
import vn.caitien.readmodel.PlanRows;
import vn.caitien.readmodel.ReportRow;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;

/**
 * The read model's rows into plan_progress, item_progress and report_submission by COPY: the same
 * columns, from the same row fields, as the live projection's statements write them; an item's details
 * column is the JSON its content was kept as ({@link ReplayedPlans}).
 */
final class PlanRowsCopy {
    private PlanRowsCopy() {
    }

    static long plans(CopyManager copy, Collection<PlanRows> plans) throws SQLException {
        try (CopyRows rows = new CopyRows(copy, "plan_progress", "plan_id, school_name, school_code, school_type, "
                + "managing_unit, document_number, school_year, framework_id, status, updated_at, school_key")) {
            for (PlanRows plan : plans) {
                PlanRow p = plan.plan();
                rows.text(p.planId()).text(p.schoolName()).text(p.schoolCode()).text(p.schoolType())
                        .textArray(p.managingUnit()).text(p.documentNumber()).text(p.schoolYear()).text(p.frameworkId())
                        .text(p.status());
                timestamp(rows, p.updatedAt());
                rows.text(p.schoolKey()).endRow();
            }
            return rows.finish();
        }
    }

    static long items(CopyManager copy, ReplayedPlans replayed) throws SQLException {
        try (CopyRows rows = new CopyRows(copy, "item_progress", "plan_id, item_id, position, criterion_code, "
                + "level_group, target_result, lead, start_month, end_month, budget_planned, status, percent, "
                + "amount_spent, evidence_codes, last_effective_date, last_updated_at, last_updated_by, removed, "
                + "details, indicator_values")) {
            for (PlanRows plan : replayed.plans()) {
                for (ItemRow i : plan.items()) {
                    rows.text(i.planId()).text(i.itemId()).number(i.position()).text(i.criterionCode())
                            .text(i.levelGroup()).text(i.targetResult()).text(i.lead());
                    month(rows, i.start());
                    month(rows, i.end());
                    rows.number(i.budgetPlanned()).text(i.status()).number(i.percent()).number(i.amountSpent())
                            .textArray(i.evidenceCodes());
                    date(rows, i.lastEffectiveDate());
                    timestamp(rows, i.lastUpdatedAt());
                    rows.text(i.lastUpdatedBy()).bool(i.removed()).utf8(replayed.detailsJson(i))
                            .text(json(i.indicatorValues()))
                            .endRow();
                }
            }
            return rows.finish();
        }
    }

    static long reports(CopyManager copy, Collection<PlanRows> plans) throws SQLException {
        try (CopyRows rows = new CopyRows(copy, "report_submission",
                "plan_id, period, revision, submitted_at, submitted_by, submitted_on")) {
            for (PlanRows plan : plans) {
                for (ReportRow r : plan.reports()) {
                    rows.text(r.planId()).text(r.period()).number(r.revision());
                    timestamp(rows, r.recordedAt());
                    rows.text(r.actor());
                    date(rows, r.submittedOn());
                    rows.endRow();
                }
            }
            return rows.finish();
        }
    }

    private static void timestamp(CopyRows rows, Instant at) throws SQLException {
        if (at == null) rows.nullValue();
        else rows.timestamp(at);
    }

    private static void date(CopyRows rows, LocalDate day) throws SQLException {
        if (day == null) rows.nullValue();
        else rows.date(day);
    }

    /** A month is stored as the date of its first day. */
    private static void month(CopyRows rows, YearMonth month) throws SQLException {
        date(rows, month == null ? null : month.atDay(1));
    }

    private static String json(java.util.Map<String, java.math.BigDecimal> value) {
        try {
            return WireJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write indicator values as JSON", e);
        }
    }
}
