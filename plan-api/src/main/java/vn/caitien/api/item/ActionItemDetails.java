package vn.caitien.api.item;

import java.util.List;

/** The content of one row of the plan's 9-column table. */
public record ActionItemDetails(
        CriterionCode criterionCode,
        LevelGroup levelGroup,
        String targetResult,
        List<Indicator> indicators,
        List<String> tasks,
        String lead,
        List<String> coordinators,
        Schedule schedule,
        Budget budget,
        String supportConditions,
        String notes) {
    public ActionItemDetails {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        coordinators = coordinators == null ? List.of() : List.copyOf(coordinators);
    }

    public ActionItemDetails withLevelGroup(LevelGroup group) {
        return new ActionItemDetails(criterionCode, group, targetResult, indicators, tasks, lead, coordinators,
                schedule, budget, supportConditions, notes);
    }
}
