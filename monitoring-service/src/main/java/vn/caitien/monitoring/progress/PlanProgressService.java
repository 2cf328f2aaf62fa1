package vn.caitien.monitoring.progress;

import org.springframework.stereotype.Service;
import vn.caitien.access.PlanScope;
import vn.caitien.api.progress.ProgressStatus;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Assembles plan pages and plan summaries from the read model and the monitoring rules. Callers say
 * which plans are visible ({@code visible}, from {@link vn.caitien.access.Access}); plans outside
 * it are left out before anything else is read.
 */
@Service
public class PlanProgressService {
    private final ProgressReadModel readModel;
    private final Standing standing;
    private final Clock clock;

    public PlanProgressService(ProgressReadModel readModel, Standing standing, Clock clock) {
        this.readModel = readModel;
        this.standing = standing;
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
        List<ItemProgress> items = readModel.items(List.of(planId)).get(planId).stream()
                .map(row -> standing.item(row, plan.frameworkId(), today)).toList();
        PlanSummary summary = standing.summary(plan, items, readModel.reports(List.of(planId)).get(planId), today);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ProgressStatus s : ProgressStatus.values()) counts.put(s.name(), 0);
        items.forEach(i -> counts.merge(i.status(), 1, Integer::sum));
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
        return plans.stream().map(plan -> standing.summary(plan, items.get(plan.planId()).stream()
                .map(row -> standing.item(row, plan.frameworkId(), today)).toList(), reports.get(plan.planId()), today))
                .toList();
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
