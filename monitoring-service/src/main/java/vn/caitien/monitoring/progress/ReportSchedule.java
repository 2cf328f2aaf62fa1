package vn.caitien.monitoring.progress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.caitien.api.plan.SchoolYear;
import vn.caitien.api.report.ReportPeriod;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.EnumMap;
import java.util.Map;

/**
 * When each of a school year's reports is due. Defaults 31/10, 15/01, 31/05; a deployment changes
 * them with {@code caitien.reports.due.DAU_NAM=--11-15} style MonthDay values: the cadence is data.
 */
@ConfigurationProperties("caitien.reports")
public class ReportSchedule {
    private final Map<ReportPeriod, MonthDay> due = new EnumMap<>(Map.of(
            ReportPeriod.DAU_NAM, MonthDay.of(10, 31),
            ReportPeriod.CUOI_HK1, MonthDay.of(1, 15),
            ReportPeriod.CUOI_NAM, MonthDay.of(5, 31)));

    public Map<ReportPeriod, MonthDay> getDue() { return due; }

    /** The due date in the given school year: months from August on fall in its first calendar year. */
    public LocalDate dueDate(ReportPeriod period, SchoolYear year) {
        MonthDay day = due.get(period);
        int calendarYear = day.getMonthValue() >= 8 ? year.startYear() : year.startYear() + 1;
        return day.atYear(calendarYear);
    }
}
