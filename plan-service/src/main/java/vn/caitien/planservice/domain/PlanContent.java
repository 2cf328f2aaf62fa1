package vn.caitien.planservice.domain;

import vn.caitien.api.item.ActionItemDetails;
import vn.caitien.api.item.Indicator;
import vn.caitien.api.plan.Baseline;
import vn.caitien.api.plan.School;
import vn.caitien.api.progress.EvidenceCode;
import vn.caitien.api.progress.IndicatorValue;

import java.util.List;
import java.util.function.Consumer;

/**
 * The free text a plan stores, field by field, named as the request bodies name the fields: what
 * {@link PlanLimits} judges in a command and what the plan counts, from its events, as its size. Only
 * text is counted; codes, dates, numbers and enums are bounded by their own formats.
 */
final class PlanContent {

    /** How long one text may be: an ordinary field, or one of a report's three long texts. */
    enum Kind { FIELD, REPORT_TEXT }

    /** Receives every text and every list of a piece of content. */
    interface Fields {
        void text(String field, String value, Kind kind);

        default void list(String field, int size) {
        }
    }

    private PlanContent() {
    }

    /** Size in characters (UTF-16 units, as Java and JSON count them) of the content's texts. */
    static long chars(Consumer<Fields> content) {
        long[] total = {0};
        content.accept((field, value, kind) -> total[0] += value == null ? 0 : value.length());
        return total[0];
    }

    /** The header of CreatePlan / PlanCreated. */
    static Consumer<Fields> header(School school, String frameworkId, String documentNumber, String issuePlace,
                                   List<String> legalBases, Baseline baseline) {
        return f -> {
            if (school != null) {
                f.text("school.name", school.name(), Kind.FIELD);
                f.text("school.code", school.code(), Kind.FIELD);
                texts(f, "school.managingUnit", school.managingUnit());
            }
            f.text("frameworkId", frameworkId, Kind.FIELD);
            f.text("documentNumber", documentNumber, Kind.FIELD);
            f.text("issuePlace", issuePlace, Kind.FIELD);
            texts(f, "legalBases", legalBases);
            if (baseline != null) {
                f.list("baseline.levels", baseline.levels().size());
                f.text("baseline.source", baseline.source(), Kind.FIELD);
            }
        };
    }

    /** One row of the plan table and, after approval, the reason it was added, changed or removed. */
    static Consumer<Fields> item(ActionItemDetails d, String amendmentReason) {
        return f -> {
            if (d != null) {
                f.text("targetResult", d.targetResult(), Kind.FIELD);
                f.list("indicators", d.indicators().size());
                for (int i = 0; i < d.indicators().size(); i++) {
                    Indicator indicator = d.indicators().get(i);
                    if (indicator == null) continue;
                    f.text("indicators[" + i + "].name", indicator.name(), Kind.FIELD);
                    f.text("indicators[" + i + "].unit", indicator.unit(), Kind.FIELD);
                }
                texts(f, "tasks", d.tasks());
                f.text("lead", d.lead(), Kind.FIELD);
                texts(f, "coordinators", d.coordinators());
                if (d.schedule() != null) f.text("schedule.text", d.schedule().text(), Kind.FIELD);
                if (d.budget() != null) {
                    f.text("budget.fundingSource", d.budget().fundingSource(), Kind.FIELD);
                    f.text("budget.note", d.budget().note(), Kind.FIELD);
                    f.text("budget.text", d.budget().text(), Kind.FIELD);
                }
                f.text("supportConditions", d.supportConditions(), Kind.FIELD);
                f.text("notes", d.notes(), Kind.FIELD);
            }
            f.text("amendmentReason", amendmentReason, Kind.FIELD);
        };
    }

    /** One progress record of RecordProgress / ProgressRecorded. */
    static Consumer<Fields> progress(String narrative, List<IndicatorValue> values, List<EvidenceCode> evidence) {
        return f -> {
            f.text("narrative", narrative, Kind.FIELD);
            f.list("indicatorValues", values.size());
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) != null) f.text("indicatorValues[" + i + "].name", values.get(i).name(), Kind.FIELD);
            }
            f.list("evidenceCodes", evidence.size());
            for (int i = 0; i < evidence.size(); i++) {
                if (evidence.get(i) != null) f.text("evidenceCodes[" + i + "]", evidence.get(i).value(), Kind.FIELD);
            }
        };
    }

    /** One report revision of SubmitReport / ReportSubmitted. */
    static Consumer<Fields> report(String summary, String findings, String recommendations, String correctionReason) {
        return f -> {
            f.text("summary", summary, Kind.REPORT_TEXT);
            f.text("findings", findings, Kind.REPORT_TEXT);
            f.text("recommendations", recommendations, Kind.REPORT_TEXT);
            f.text("correctionReason", correctionReason, Kind.FIELD);
        };
    }

    private static void texts(Fields f, String field, List<String> values) {
        f.list(field, values.size());
        for (int i = 0; i < values.size(); i++) f.text(field + "[" + i + "]", values.get(i), Kind.FIELD);
    }
}
