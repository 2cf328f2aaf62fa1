package vn.caitien.documents.read;

import vn.caitien.api.catalog.Framework;
import vn.caitien.api.item.Budget;
import vn.caitien.api.item.CriterionCode;
import vn.caitien.api.item.LevelGroup;
import vn.caitien.api.item.Schedule;
import vn.caitien.api.plan.SchoolYear;
import vn.caitien.documents.read.TableLayout.Column;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads one item's collected cell texts into typed values and checks it the way the plan will:
 * a row the plan would refuse (criterion not in the framework, a level group it does not have) is
 * an ERROR on that row and the item is skipped; everything else that looks off is a WARNING.
 */
final class ItemReader {
    private static final Pattern TASK_BULLET = Pattern.compile("^([-–—+•*·]|\\d{1,2}[.)])\\s*");

    private final TableLayout layout;
    private final int firstColumn;
    private final Framework framework;
    private final SchoolYear year;
    private final Diagnostics diagnostics;
    private boolean warnedNoLevel;

    ItemReader(TableLayout layout, int firstColumn, Framework framework, SchoolYear year, Diagnostics diagnostics) {
        this.layout = layout;
        this.firstColumn = firstColumn;
        this.framework = framework;
        this.year = year;
        this.diagnostics = diagnostics;
    }

    ParsedItem read(TableParser.Draft draft) {
        int row = draft.row;
        CriterionCode code = draft.criterion.code();
        String target = text(draft, Column.TARGET);
        String tasksText = text(draft, Column.TASKS);
        List<String> tasks = tasks(tasksText);
        String peopleText;
        PeopleParser.People people;
        if (layout.has(Column.LEAD) || layout.has(Column.COORDINATORS)) {
            PeopleParser.People leads = PeopleParser.parse(text(draft, Column.LEAD));
            PeopleParser.People others = PeopleParser.parse(text(draft, Column.COORDINATORS));
            List<String> coordinators = new ArrayList<>(leads.coordinators());
            if (others.lead() != null) coordinators.add(others.lead());
            coordinators.addAll(others.coordinators());
            people = new PeopleParser.People(leads.lead(), coordinators);
            peopleText = join(text(draft, Column.LEAD), text(draft, Column.COORDINATORS));
        } else {
            peopleText = text(draft, Column.PEOPLE);
            people = PeopleParser.parse(peopleText);
        }
        Schedule schedule = schedule(row, text(draft, Column.SCHEDULE));
        Budget budget = budget(draft, text(draft, Column.BUDGET));
        ParsedItem item = new ParsedItem(row, draft.criterionText, code, draft.criterion.name(), draft.standard,
                draft.level, target, tasks, tasksText, people.lead(), people.coordinators(), peopleText, schedule, budget,
                text(draft, Column.SUPPORT), text(draft, Column.NOTES), false);
        checkName(draft);
        return acceptable(item) ? item : item.skip();
    }

    /** Tasks are the cell's lines, each without its leading "-" or number. */
    static List<String> tasks(String text) {
        List<String> tasks = new ArrayList<>();
        if (text == null) return tasks;
        for (String line : VietnameseText.lines(text)) {
            String task = TASK_BULLET.matcher(line).replaceFirst("").strip();
            if (!task.isEmpty()) tasks.add(task);
        }
        return tasks;
    }

    private Schedule schedule(int row, String text) {
        ScheduleParser.Result result = ScheduleParser.parse(text, year);
        Schedule schedule = result.schedule();
        if (result.problem() != null) diagnostics.warn(row, column(Column.SCHEDULE), "schedule", result.problem());
        if (schedule != null && year != null && outside(schedule)) {
            diagnostics.warn(row, column(Column.SCHEDULE), "schedule", "Thời gian “" + schedule.text()
                    + "” nằm ngoài năm học " + year + " (tháng " + year.firstMonth().getMonthValue() + "/"
                    + year.firstMonth().getYear() + " – tháng " + year.lastMonth().getMonthValue() + "/"
                    + year.lastMonth().getYear() + ")");
        }
        return schedule;
    }

    /**
     * Outside means no overlap with the school year widened by the summer on each side (August
     * before and after): schools prepare in August and repair over the summer, while a multi-year
     * project ("Từ năm 2020 đến 2030") that covers the year is in it.
     */
    private boolean outside(Schedule s) {
        if (s.start() == null && s.end() == null) return false;
        YearMonth from = YearMonth.of(year.startYear(), 8);
        YearMonth to = YearMonth.of(year.startYear() + 1, 8);
        return (s.start() != null && s.start().isAfter(to)) || (s.end() != null && s.end().isBefore(from));
    }

    private Budget budget(TableParser.Draft draft, String text) {
        BudgetParser.Result result = BudgetParser.parse(text);
        if (result.problem() != null) diagnostics.warn(draft.row, column(Column.BUDGET), "budget", result.problem());
        Budget budget = result.budget();
        if (budget != null && draft.sharedBudgetRow != null && budget.hasAmount()) {
            // One merged cell for several items: count the amount once, on the item where the cell begins.
            diagnostics.warn(draft.row, column(Column.BUDGET), "budget", "Kinh phí “" + budget.text()
                    + "” dùng chung với dòng " + draft.sharedBudgetRow + "; chỉ tính số tiền một lần ở dòng đó");
            return new Budget(null, false, budget.fundingSource(), "Dùng chung kinh phí ghi ở dòng " + draft.sharedBudgetRow,
                    budget.text());
        }
        return budget;
    }

    private void checkName(TableParser.Draft draft) {
        CriterionCode code = draft.criterion.code();
        String written = draft.criterion.name();
        // Level-4 criteria are catalogued as summaries of Điều 22, not names: nothing to compare.
        if (framework == null || written == null || code.isLevel4()) return;
        Optional<String> catalogued = framework.criterionName(code);
        if (catalogued.isPresent() && !VietnameseText.comparable(written).equals(VietnameseText.comparable(catalogued.get()))) {
            diagnostics.warn(draft.row, column(Column.CRITERION), "criterionCode", "Tên tiêu chí " + code
                    + " trong văn bản (“" + written + "”) khác với " + framework.title() + " (“" + catalogued.get() + "”)");
        }
        if (draft.standard != null && code.standardNo() != draft.standard) {
            diagnostics.warn(draft.row, column(Column.CRITERION), "criterionCode", "Tiêu chí " + code
                    + " nằm dưới dòng Tiêu chuẩn " + draft.standard);
        }
    }

    /** The plan's own checks on a row (PlanRules.checkDetails), so a refused row is skipped, not the plan. */
    private boolean acceptable(ParsedItem item) {
        if (framework == null) return true;
        Integer col = column(Column.CRITERION);
        CriterionCode code = item.criterionCode();
        LevelGroup group = item.levelGroup();
        if (group == null && !warnedNoLevel) {
            warnedNoLevel = true;
            diagnostics.warn(item.row(), col, "levelGroup", "Chưa có dòng “MỨC …” trước tiêu chí " + code
                    + ": dùng nhóm mức mặc định của " + framework.title());
        }
        String refusal = null;
        if (group != null && group.levels().stream().anyMatch(l -> !framework.hasLevel(l))) {
            refusal = framework.title() + " không có " + group.label().toLowerCase();
        } else if (group != null && group.includesLevel4() && !group.isLevel4()) {
            refusal = "Mức 4 là một nhóm riêng, không gộp với mức 1-3";
        } else if (group != null && code.isLevel4() != group.isLevel4()) {
            refusal = code.isLevel4() ? "Tiêu chí mức 4 (" + code + ") phải thuộc nhóm MỨC 4"
                    : "Tiêu chí " + code + " thuộc các mức 1-3, không thuộc nhóm MỨC 4";
        } else if (group == null && code.isLevel4() && !framework.hasLevel(4)) {
            refusal = framework.title() + " không có mức 4";
        } else if (!framework.hasCriterion(code)) {
            refusal = "Tiêu chí " + code + " không có trong " + framework.title();
        }
        if (refusal == null) return true;
        diagnostics.error(item.row(), col, "criterionCode", refusal + "; bỏ qua dòng này, các dòng khác vẫn được nhập");
        return false;
    }

    private String text(TableParser.Draft draft, Column column) {
        String text = draft.texts.get(column);
        return text == null || text.isBlank() ? null : VietnameseText.clean(text);
    }

    private static String join(String a, String b) {
        if (a == null) return b;
        return b == null ? a : a + "\n" + b;
    }

    private Integer column(Column column) {
        return layout.has(column) ? layout.index(column) + firstColumn : null;
    }
}
