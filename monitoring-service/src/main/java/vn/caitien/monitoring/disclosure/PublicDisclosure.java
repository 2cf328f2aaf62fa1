package vn.caitien.monitoring.disclosure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * What a school publishes (công khai): its approved improvement plans as the plan states them and how
 * far each row has come. Built field by field from an allow-list, so nothing personal can slip in:
 * no names of who recorded, approved or submitted anything, no progress narratives, no evidence, no
 * free-text notes.
 */
public record PublicDisclosure(String schoolCode, String schoolName, String schoolType, List<String> managingUnit,
                               LocalDate lastUpdated, List<Plan> plans) {

    public record Plan(String schoolYear, String documentNumber, String frameworkId, LocalDate lastUpdated,
                       int itemCount, int completedCount, int overdueCount, double completionRate,
                       long budgetPlanned, long amountSpent, Map<String, Integer> counts, List<Report> reports,
                       List<Item> items) {
    }

    /** One periodic report: due date, state, the date it was sent and its revision; not who sent it. */
    public record Report(String period, String label, LocalDate dueDate, String state, String stateLabel,
                         LocalDate submittedOn, Integer revision) {
    }

    /** One row of the plan's table with its standing. */
    public record Item(int position, String criterionCode, String criterionName, int standardNo, String standardName,
                       String levelGroup, String targetResult, List<Indicator> indicators, List<String> tasks,
                       String lead, List<String> coordinators, YearMonth start, YearMonth end, String scheduleText,
                       Long budgetPlanned, boolean budgetPerSchoolYear, String fundingSource, String budgetText,
                       String supportConditions, Long amountSpent, String status, String statusLabel, Integer percent,
                       boolean overdue, long daysLate, LocalDate lastEffectiveDate) {
    }

    public record Indicator(String name, BigDecimal baseline, BigDecimal target, String unit, BigDecimal current) {
    }
}
