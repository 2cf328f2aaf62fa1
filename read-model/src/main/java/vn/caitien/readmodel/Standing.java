package vn.caitien.readmodel;

import vn.caitien.api.plan.BusinessTime;
import vn.caitien.api.progress.ProgressStatus;
import vn.caitien.api.report.ReportPeriod;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every rule that judges the rows, in one place. Business dates ("today") are the caller's, taken in
 * Vietnam ({@link BusinessTime#ZONE}); due dates of reports are the caller's too (they are configuration).
 */
public final class Standing {
    /** The time zone of every business date: schools, offices and deadlines are in Vietnam. */

    private Standing() {
    }

    /** Judged item: whether it is done, the percent to show, and whether (and how many days) it is late. */
    public record ItemStanding(boolean completed, Integer percent, boolean overdue, long daysLate) {
    }

    /**
     * A plan's items in figures: counts by status (every status, in order), completed, overdue,
     * completed / all rounded to three decimals (the TT57 indicator), planned budget and amount spent.
     */
    public record Totals(int itemCount, Map<String, Integer> countsByStatus, int completed, int overdue,
                         double completionRate, long budgetPlanned, long amountSpent) {
    }

    /**
     * One period's report: its state, the day it counts as sent (the first submission's), and its first
     * and latest revisions (null when none was sent).
     */
    public record ReportStanding(ReportPeriod period, LocalDate dueDate, ReportState state, LocalDate sentOn,
                                 ReportRow first, ReportRow latest) {
    }

    /** Completed means HOÀN THÀNH, whatever percent was recorded. */
    public static boolean completed(String status) {
        return ProgressStatus.HOAN_THANH.name().equals(status);
    }

    /** The percent to show: 100 once completed, otherwise the latest recorded (or null). */
    public static Integer percentShown(String status, Integer percent) {
        return completed(status) ? Integer.valueOf(100) : percent;
    }

    /** Overdue: the end month has passed (its last day is before today) and it is not completed. */
    public static boolean overdue(YearMonth end, String status, LocalDate today) {
        return end != null && end.atEndOfMonth().isBefore(today) && !completed(status);
    }

    /** Days since the end month's last day for an overdue item; 0 otherwise. */
    public static long daysLate(YearMonth end, String status, LocalDate today) {
        return overdue(end, status, today) ? ChronoUnit.DAYS.between(end.atEndOfMonth(), today) : 0;
    }

    public static ItemStanding item(ItemFacts item, LocalDate today) {
        return new ItemStanding(completed(item.status()), percentShown(item.status(), item.percent()),
                overdue(item.end(), item.status(), today), daysLate(item.end(), item.status(), today));
    }

    /** Completed / all, rounded to three decimals; 0 for a plan without items. */
    public static double completionRate(int completed, int all) {
        return all == 0 ? 0 : Math.round(1000.0 * completed / all) / 1000.0;
    }

    /** The figures of these items (a plan's current items, or several plans' together). */
    public static Totals totals(Collection<ItemFacts> items, LocalDate today) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ProgressStatus s : ProgressStatus.values()) counts.put(s.name(), 0);
        int completed = 0;
        int overdue = 0;
        long planned = 0;
        long spent = 0;
        for (ItemFacts item : items) {
            counts.merge(item.status(), 1, Integer::sum);
            if (completed(item.status())) completed++;
            if (overdue(item.end(), item.status(), today)) overdue++;
            if (item.budgetPlanned() != null) planned += item.budgetPlanned();
            if (item.amountSpent() != null) spent += item.amountSpent();
        }
        return new Totals(items.size(), counts, completed, overdue, completionRate(completed, items.size()), planned,
                spent);
    }

    /**
     * One period's report against its due date. Sent: on time when the first submission is sent by the due
     * date, else late — corrections never make a report late. Not sent: missing once the due date has
     * passed, not due before.
     *
     * @param revisions the report rows of this period (any order)
     */
    public static ReportStanding report(ReportPeriod period, List<ReportRow> revisions, LocalDate due,
                                        LocalDate today) {
        if (revisions.isEmpty()) {
            return new ReportStanding(period, due, today.isAfter(due) ? ReportState.MISSING : ReportState.NOT_DUE,
                    null, null, null);
        }
        ReportRow first = revisions.stream().min(Comparator.comparingInt(ReportRow::revision)).orElseThrow();
        ReportRow latest = revisions.stream().max(Comparator.comparingInt(ReportRow::revision)).orElseThrow();
        LocalDate sent = first.sentOn();
        return new ReportStanding(period, due, sent.isAfter(due) ? ReportState.LATE : ReportState.ON_TIME, sent,
                first, latest);
    }

    /**
     * Every report the plan owes, in school-year order: the periods and due dates are the caller's
     * (ReportCadence, which may leave a period out).
     */
    public static List<ReportStanding> reports(List<ReportRow> reports, Map<ReportPeriod, LocalDate> dueDates,
                                               LocalDate today) {
        List<ReportStanding> standings = new ArrayList<>();
        for (Map.Entry<ReportPeriod, LocalDate> owed : dueDates.entrySet()) {
            List<ReportRow> revisions = reports.stream().filter(r -> r.period().equals(owed.getKey().name())).toList();
            standings.add(report(owed.getKey(), revisions, owed.getValue(), today));
        }
        return standings;
    }
}
