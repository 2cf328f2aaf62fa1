package vn.caitien.monitoring.progress;

import org.springframework.stereotype.Service;
import vn.caitien.api.access.PlanScope;
import vn.caitien.api.catalog.Framework;
import vn.caitien.api.catalog.FrameworkCatalog;
import vn.caitien.api.catalog.Standard;
import vn.caitien.api.item.CriterionCode;
import vn.caitien.api.plan.SchoolYear;
import vn.caitien.api.report.ReportCadence;
import vn.caitien.readmodel.ItemFacts;
import vn.caitien.readmodel.Labels;
import vn.caitien.readmodel.ReportRow;
import vn.caitien.readmodel.Standing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Assembles plan pages and plan summaries from the read model and the rules of the read-model kernel
 * ({@link Standing}: completed, overdue, rates, report states; {@link Labels}). Callers say
 * which plans are visible ({@code visible}, from {@link vn.caitien.api.access.Access}); plans outside
 * it are left out before anything else is read.
 */
@Service
public class PlanProgressService {
    private final ProgressReadModel readModel;
    private final ReportCadence cadence;
    private final Clock clock;
    private final FrameworkCatalog catalog = FrameworkCatalog.standard();

    public PlanProgressService(ProgressReadModel readModel, ReportCadence cadence, Clock clock) {
        this.readModel = readModel;
        this.cadence = cadence;
        this.clock = clock;
    }

    /** The plan when it exists and is visible; otherwise empty, the same for both. */
    public Optional<PlanProgress> plan(String planId, Predicate<PlanScope> visible) {
        List<ProgressReadModel.PlanRow> rows = readModel.plan(planId);
        if (rows.isEmpty() || !visible.test(rows.get(0).scope())) return Optional.empty();
        return Optional.of(progress(rows.get(0)));
    }

    public PlanProgress progress(ProgressReadModel.PlanRow plan) {
        String planId = plan.planId();
        LocalDate today = LocalDate.now(clock);
        List<ProgressReadModel.ItemRow> rows = readModel.items(List.of(planId)).get(planId);
        List<ItemProgress> items = rows.stream().map(row -> item(row, plan.frameworkId(), today)).toList();
        PlanSummary summary = summary(plan, rows, readModel.reports(List.of(planId)).get(planId), today);
        Map<String, Integer> counts = Standing.totals(facts(rows), today).countsByStatus();
        return new PlanProgress(planId, plan.schoolName(), plan.schoolYear(), plan.frameworkId(),
                plan.status(), today, summary, items, counts, summary.reports(), null);
    }

    /** Summaries of every visible plan matching the filter (nulls mean any), in the read model's order. */
    public List<PlanSummary> summaries(PlanFilter filter, Predicate<PlanScope> visible) {
        return summaries(rows(filter, visible), LocalDate.now(clock));
    }

    /**
     * Summaries of these plans whatever their scope, three queries for all of them: for the service's own
     * use (the progress topic), never for a request. Plans the read model does not have are left out.
     */
    public List<PlanSummary> summariesOf(List<String> planIds) {
        return summaries(readModel.plans(planIds), LocalDate.now(clock));
    }

    private List<PlanSummary> summaries(List<ProgressReadModel.PlanRow> plans, LocalDate today) {
        List<String> ids = plans.stream().map(ProgressReadModel.PlanRow::planId).toList();
        Map<String, List<ProgressReadModel.ItemRow>> items = readModel.items(ids);
        Map<String, List<ProgressReadModel.ReportRow>> reports = readModel.reports(ids);
        return plans.stream().map(plan -> summary(plan, items.get(plan.planId()), reports.get(plan.planId()), today))
                .toList();
    }

    private ItemProgress item(ProgressReadModel.ItemRow row, String frameworkId, LocalDate today) {
        Standing.ItemStanding judged = Standing.item(facts(row), today);
        CriterionCode code = CriterionCode.parse(row.criterionCode());
        Optional<Framework> framework = catalog.find(frameworkId);
        Optional<Standard> standard = framework.flatMap(f -> f.standard(code.standardNo()));
        return new ItemProgress(row.itemId(), row.criterionCode(),
                framework.flatMap(f -> f.criterionName(code)).orElse(null), code.standardNo(),
                code.isLevel4() ? "Tiêu chí mức 4" : standard.map(Standard::name).orElse(null), row.levelGroup(),
                row.start(), row.end(), row.status(), Labels.progressStatus(row.status()), judged.percent(),
                judged.overdue(), judged.daysLate(), row.budgetPlanned(), row.amountSpent(), row.evidenceCount(),
                row.lastEffectiveDate(), row.lastUpdatedAt(), row.lastUpdatedBy(), row.details(), row.indicatorValues());
    }

    private PlanSummary summary(ProgressReadModel.PlanRow plan, List<ProgressReadModel.ItemRow> items,
                                List<ProgressReadModel.ReportRow> reports, LocalDate today) {
        Standing.Totals totals = Standing.totals(facts(items), today);
        List<ReportRow> sent = reports.stream().map(r -> new ReportRow(r.planId(), r.period(), r.revision(), null, null,
                null, null, r.submittedOn(), r.submittedAt(), r.submittedBy())).toList();
        List<PlanSummary.ReportStatus> statuses = new ArrayList<>();
        for (Standing.ReportStanding report : Standing.reports(sent,
                cadence.dueDates(plan.managingUnit(), SchoolYear.parse(plan.schoolYear())), today)) {
            ReportRow latest = report.latest();
            statuses.add(new PlanSummary.ReportStatus(report.period().name(), Labels.reportPeriod(report.period()),
                    report.dueDate(), report.state().name(), Labels.reportState(report.state()),
                    latest == null ? null : latest.revision(), report.sentOn(),
                    latest == null ? null : latest.recordedAt(), latest == null ? null : latest.actor()));
        }
        return new PlanSummary(plan.planId(), plan.schoolName(), plan.schoolKey(), plan.schoolType(),
                plan.managingUnit(), plan.documentNumber(), plan.schoolYear(), plan.frameworkId(), plan.status(),
                totals.itemCount(), totals.completed(), totals.overdue(), totals.completionRate(),
                totals.budgetPlanned(), totals.amountSpent(), statuses, plan.updatedAt(), plan.scope().schoolCode());
    }

    private static ItemFacts facts(ProgressReadModel.ItemRow row) {
        return new ItemFacts(row.status(), row.percent(), row.end(), row.budgetPlanned(), row.amountSpent());
    }

    private static List<ItemFacts> facts(List<ProgressReadModel.ItemRow> rows) {
        return rows.stream().map(PlanProgressService::facts).toList();
    }

    /** The plan rows themselves (no items): visible plans matching the filter. */
    public List<ProgressReadModel.PlanRow> rows(PlanFilter filter, Predicate<PlanScope> visible) {
        return readModel.plans(filter.unitPath(), filter.schoolType(), filter.frameworkId(), filter.schoolYear(),
                filter.schoolKey()).stream().filter(row -> visible.test(row.scope())).toList();
    }

    /** The values the office filters offer, taken from the plans the caller may see under a unit. */
    public Map<String, List<String>> filterValues(List<String> unitPath, Predicate<PlanScope> visible) {
        List<ProgressReadModel.PlanRow> plans = rows(new PlanFilter(unitPath, null, null, null, null), visible);
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("schoolYears", distinct(plans, ProgressReadModel.PlanRow::schoolYear, Comparator.reverseOrder()));
        values.put("frameworkIds", distinct(plans, ProgressReadModel.PlanRow::frameworkId, Comparator.naturalOrder()));
        values.put("schoolTypes", distinct(plans, ProgressReadModel.PlanRow::schoolType, Comparator.naturalOrder()));
        return values;
    }

    private static List<String> distinct(List<ProgressReadModel.PlanRow> plans,
                                         Function<ProgressReadModel.PlanRow, String> value, Comparator<String> order) {
        return plans.stream().map(value).filter(Objects::nonNull).distinct().sorted(order).toList();
    }

    public LocalDate today() { return LocalDate.now(clock); }
}
