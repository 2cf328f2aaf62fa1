package vn.caitien.monitoring.progress;

import org.springframework.stereotype.Service;
import vn.caitien.api.progress.ProgressStatus;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Assembles plan pages and plan summaries from the read model and the monitoring rules. */
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

    public Optional<PlanProgress> plan(String planId) {
        List<ProgressReadModel.PlanRow> rows = readModel.plan(planId);
        if (rows.isEmpty()) return Optional.empty();
        ProgressReadModel.PlanRow plan = rows.get(0);
        LocalDate today = LocalDate.now(clock);
        List<ItemProgress> items = readModel.items(List.of(planId)).get(planId).stream()
                .map(row -> standing.item(row, plan.frameworkId(), today)).toList();
        PlanSummary summary = standing.summary(plan, items, readModel.reports(List.of(planId)).get(planId), today);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ProgressStatus s : ProgressStatus.values()) counts.put(s.name(), 0);
        items.forEach(i -> counts.merge(i.status(), 1, Integer::sum));
        return Optional.of(new PlanProgress(planId, plan.schoolName(), plan.schoolYear(), plan.frameworkId(),
                plan.status(), today, summary, items, counts, summary.reports()));
    }

    /** Summaries of every plan matching the filter (nulls mean any), in the read model's order. */
    public List<PlanSummary> summaries(PlanFilter filter) {
        List<ProgressReadModel.PlanRow> plans = readModel.plans(filter.unitPath(), filter.schoolType(),
                filter.frameworkId(), filter.schoolYear(), filter.schoolKey());
        List<String> ids = plans.stream().map(ProgressReadModel.PlanRow::planId).toList();
        Map<String, List<ProgressReadModel.ItemRow>> items = readModel.items(ids);
        Map<String, List<ProgressReadModel.ReportRow>> reports = readModel.reports(ids);
        LocalDate today = LocalDate.now(clock);
        return plans.stream().map(plan -> standing.summary(plan, items.get(plan.planId()).stream()
                .map(row -> standing.item(row, plan.frameworkId(), today)).toList(), reports.get(plan.planId()), today))
                .toList();
    }

    public LocalDate today() { return LocalDate.now(clock); }
}
