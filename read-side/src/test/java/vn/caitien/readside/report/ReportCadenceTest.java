package vn.caitien.readside.report;

import org.junit.jupiter.api.Test;
import vn.caitien.api.plan.SchoolYear;
import vn.caitien.readside.report.ReportCadence;
import vn.caitien.api.report.ReportPeriod;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportCadenceTest {
    private static final SchoolYear YEAR = SchoolYear.parse("2025-2026");

    @Test
    void defaultsAreTheThreeCheckPointsOfTheSchoolYear() {
        assertThat(new ReportCadence().dueDates(List.of("Thành phố Hồ Chí Minh"), YEAR)).containsExactly(
                Map.entry(ReportPeriod.DAU_NAM, LocalDate.of(2025, 10, 31)),
                Map.entry(ReportPeriod.CUOI_HK1, LocalDate.of(2026, 1, 15)),
                Map.entry(ReportPeriod.CUOI_NAM, LocalDate.of(2026, 5, 31)));
    }

    @Test
    void aProvinceMaySetTwoPeriodsAndAYearOverrideWins() {
        ReportCadence cadence = new ReportCadence();
        cadence.getOverrides().add(override("Tỉnh Lào Cai", null, Map.of(ReportPeriod.CUOI_HK1, "01-20", ReportPeriod.CUOI_NAM, "05-25")));
        cadence.getOverrides().add(override("Tỉnh Lào Cai", "2025-2026", Map.of(ReportPeriod.CUOI_NAM, "05-20")));
        assertThat(cadence.dueDates(List.of("Tỉnh Lào Cai", "Xã Bắc Hà"), SchoolYear.parse("2024-2025")))
                .containsOnlyKeys(ReportPeriod.CUOI_HK1, ReportPeriod.CUOI_NAM)
                .containsEntry(ReportPeriod.CUOI_HK1, LocalDate.of(2025, 1, 20));
        assertThat(cadence.dueDates(List.of("Tỉnh Lào Cai"), YEAR))
                .containsOnlyKeys(ReportPeriod.CUOI_NAM).containsEntry(ReportPeriod.CUOI_NAM, LocalDate.of(2026, 5, 20));
        assertThat(cadence.dueDates(List.of("Thành phố Hà Nội"), YEAR)).hasSize(3);
    }

    private static ReportCadence.Override override(String province, String year, Map<ReportPeriod, String> due) {
        ReportCadence.Override o = new ReportCadence.Override();
        o.setProvince(province);
        o.setSchoolYear(year);
        o.getDue().putAll(due);
        return o;
    }
}
