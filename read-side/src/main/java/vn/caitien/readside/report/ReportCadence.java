package vn.caitien.readside.report;

import vn.caitien.api.report.ReportPeriod;
import vn.caitien.api.plan.SchoolYear;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which reports a school owes in a school year and when each is due: data, not code. Defaults are
 * 31/10, 15/01, 31/05; a province (the first unit of a school's managing path), optionally for one
 * school year, may set its own periods and dates — including only two periods.
 * <pre>
 * caitien.reports.cadence.due.DAU_NAM=10-31
 * caitien.reports.cadence.overrides[0].province=Tỉnh Lào Cai
 * caitien.reports.cadence.overrides[0].school-year=2025-2026
 * caitien.reports.cadence.overrides[0].due.CUOI_HK1=01-20
 * caitien.reports.cadence.overrides[0].due.CUOI_NAM=05-25
 * </pre>
 * Services bind it from configuration, so monitoring and reporting judge due dates the same way.
 */
public class ReportCadence {
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");
    private Map<ReportPeriod, String> due = new LinkedHashMap<>(Map.of(
            ReportPeriod.DAU_NAM, "10-31", ReportPeriod.CUOI_HK1, "01-15", ReportPeriod.CUOI_NAM, "05-31"));
    private List<Override> overrides = new ArrayList<>();

    public static class Override {
        private String province;
        private String schoolYear;
        private Map<ReportPeriod, String> due = new LinkedHashMap<>();

        public String getProvince() { return province; }
        public void setProvince(String province) { this.province = province; }
        public String getSchoolYear() { return schoolYear; }
        public void setSchoolYear(String schoolYear) { this.schoolYear = schoolYear; }
        public Map<ReportPeriod, String> getDue() { return due; }
        public void setDue(Map<ReportPeriod, String> due) { this.due = due; }
    }

    public Map<ReportPeriod, String> getDue() { return due; }
    public void setDue(Map<ReportPeriod, String> due) { this.due = due; }
    public List<Override> getOverrides() { return overrides; }
    public void setOverrides(List<Override> overrides) { this.overrides = overrides; }

    /** The periods owed and their due dates, in school-year order; the most specific override wins. */
    public Map<ReportPeriod, LocalDate> dueDates(List<String> managingUnit, SchoolYear year) {
        String province = managingUnit.isEmpty() ? null : managingUnit.get(0);
        Map<ReportPeriod, String> chosen = due;
        int best = 0;
        for (Override o : overrides) {
            boolean provinceMatches = o.province != null && o.province.equals(province);
            boolean yearMatches = o.schoolYear == null || o.schoolYear.equals(year.toString());
            int score = provinceMatches && yearMatches ? (o.schoolYear == null ? 1 : 2) : 0;
            if (score > best && !o.due.isEmpty()) {
                best = score;
                chosen = o.due;
            }
        }
        Map<ReportPeriod, LocalDate> dates = new LinkedHashMap<>();
        for (ReportPeriod period : ReportPeriod.values()) {
            String day = chosen.get(period);
            if (day == null) continue;
            MonthDay monthDay = MonthDay.parse(day, MONTH_DAY);
            dates.put(period, monthDay.atYear(monthDay.getMonthValue() >= 8 ? year.startYear() : year.startYear() + 1));
        }
        return dates;
    }
}
