package vn.caitien.documents.read;

import vn.caitien.api.item.Budget;
import vn.caitien.api.item.CriterionCode;
import vn.caitien.api.item.LevelGroup;
import vn.caitien.api.item.Schedule;

import java.util.List;

/**
 * One item row of the plan table: typed values next to the texts they were read from (the schedule
 * and budget keep theirs inside). {@code skipped}: the plan would refuse this row (an ERROR names
 * why), so it is shown but not imported.
 */
public record ParsedItem(
        int row,
        String criterionText,
        CriterionCode criterionCode,
        String criterionName,
        Integer standardNo,
        LevelGroup levelGroup,
        String targetResult,
        List<String> tasks,
        String tasksText,
        String lead,
        List<String> coordinators,
        String peopleText,
        Schedule schedule,
        Budget budget,
        String supportConditions,
        String notes,
        boolean skipped) {

    public ParsedItem {
        tasks = List.copyOf(tasks);
        coordinators = List.copyOf(coordinators);
    }

    public ParsedItem skip() {
        return new ParsedItem(row, criterionText, criterionCode, criterionName, standardNo, levelGroup, targetResult,
                tasks, tasksText, lead, coordinators, peopleText, schedule, budget, supportConditions, notes, true);
    }
}
