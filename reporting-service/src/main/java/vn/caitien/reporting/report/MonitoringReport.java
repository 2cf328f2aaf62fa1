package vn.caitien.reporting.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The content of one monitoring report (báo cáo kết quả giám sát thực hiện kế hoạch cải tiến chất
 * lượng giáo dục), as renderers turn it into HTML, DOCX and PDF. A submitted report is this record
 * frozen as the plan stood at its ReportSubmitted event; a draft is built from the plan as of now.
 */
public record MonitoringReport(
        String planId,
        String schoolName,
        List<String> managingUnit,
        String documentNumber,
        String schoolYear,
        String frameworkId,
        String frameworkTitle,
        String period,
        String periodLabel,
        int revision,
        String state,
        LocalDate reportDate,
        String place,
        String summary,
        String findings,
        String recommendations,
        String correctionReason,
        Overview overview,
        List<Item> items,
        String monitoringLead,
        String principal,
        List<String> recipients) {

    /** DRAFT while being prepared, SUBMITTED once the monitoring team sent it. */
    public static final String DRAFT = "DRAFT";
    public static final String SUBMITTED = "SUBMITTED";

    /** I. Khái quát: items by status, completion, overdue, budget planned vs spent. */
    public record Overview(int itemCount, Map<String, Integer> countsByStatus, int completed, double completionRate,
                           int overdue, long budgetPlanned, long amountSpent) {
    }

    /**
     * II. One row per item: criterion, target, tasks, lead, time, progress and status, evidence,
     * problems and causes (the latest narrative of an unfinished item), adjustments (amendment reasons).
     */
    public record Item(int no, String criterionCode, String criterionName, String levelGroup, int standardNo,
                       String standardName, String targetResult, List<String> tasks, String lead,
                       List<String> coordinators, String time, String budget, String status, String statusLabel,
                       Integer percent, boolean overdue, List<String> evidenceCodes, String progressNarrative,
                       String problems, String adjustments) {
    }
}
