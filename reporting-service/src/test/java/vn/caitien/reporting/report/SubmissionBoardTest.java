package vn.caitien.reporting.report;

import org.junit.jupiter.api.Test;
import vn.caitien.readside.report.ReportCadence;
import vn.caitien.api.report.ReportPeriod;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** On time, late, missing or not yet due, per period, as the education office's tracker shows it. */
class SubmissionBoardTest {
    private static final List<String> Q10 = List.of("Thành phố Hồ Chí Minh", "Quận 10");
    private static final List<String> LAO_CAI = List.of("Tỉnh Lào Cai", "Thành phố Lào Cai");
    private static final LocalDate DAU_NAM_DUE = LocalDate.of(2023, 10, 31);
    private static final LocalDate CUOI_HK1_DUE = LocalDate.of(2024, 1, 15);

    private final ReportCadence cadence = new ReportCadence();

    private static SubmissionTracker.School plan(String id, List<String> unit) {
        return new SubmissionTracker.School(id, "Trường " + id, unit, "2023-2024", null, null, null, null);
    }

    private static ReportArchive.Revision sent(String plan, ReportPeriod period, int revision, LocalDate on) {
        return new ReportArchive.Revision(plan, period.name(), revision, on, Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void aReportSentOnItsDueDateIsOnTimeAndTheDayAfterLate() {
        SubmissionTracker.School a = plan("a", Q10);

        assertThat(SubmissionBoard.standing(a, ReportPeriod.DAU_NAM, DAU_NAM_DUE,
                List.of(sent("a", ReportPeriod.DAU_NAM, 1, DAU_NAM_DUE)), LocalDate.of(2024, 1, 1)).state())
                .isEqualTo("ON_TIME");
        assertThat(SubmissionBoard.standing(a, ReportPeriod.DAU_NAM, DAU_NAM_DUE,
                List.of(sent("a", ReportPeriod.DAU_NAM, 1, DAU_NAM_DUE.plusDays(1))), LocalDate.of(2024, 1, 1)).state())
                .isEqualTo("LATE");
    }

    @Test
    void anUnsentReportIsNotDueUntilTheDayAfterItsDueDateThenMissing() {
        SubmissionTracker.School a = plan("a", Q10);

        assertThat(SubmissionBoard.standing(a, ReportPeriod.DAU_NAM, DAU_NAM_DUE, List.of(), DAU_NAM_DUE).state())
                .isEqualTo("NOT_DUE");
        SubmissionTracker.School missing = SubmissionBoard.standing(a, ReportPeriod.DAU_NAM, DAU_NAM_DUE, List.of(),
                DAU_NAM_DUE.plusDays(1));
        assertThat(missing.state()).isEqualTo("MISSING");
        assertThat(missing.submittedOn()).isNull();
        assertThat(missing.revision()).isNull();
        assertThat(missing.dueDate()).isEqualTo(DAU_NAM_DUE);
    }

    @Test
    void theFirstSubmissionDecidesAndTheLatestRevisionIsShown() {
        SubmissionTracker.School row = SubmissionBoard.standing(plan("a", Q10), ReportPeriod.DAU_NAM, DAU_NAM_DUE,
                List.of(sent("a", ReportPeriod.DAU_NAM, 1, DAU_NAM_DUE.minusDays(1)),
                sent("a", ReportPeriod.DAU_NAM, 2, DAU_NAM_DUE.plusDays(20))), LocalDate.of(2024, 1, 1));

        assertThat(row.state()).as("a correction does not make a report late").isEqualTo("ON_TIME");
        assertThat(row.submittedOn()).isEqualTo(DAU_NAM_DUE.minusDays(1));
        assertThat(row.revision()).isEqualTo(2);
        assertThat(row.schoolName()).isEqualTo("Trường a");
        assertThat(row.managingUnit()).isEqualTo(Q10);
        assertThat(row.schoolYear()).isEqualTo("2023-2024");
    }

    @Test
    void everyPeriodCountsItsSchoolsAndAProvinceAskingLessLeavesItsSchoolsOut() {
        ReportCadence.Override laoCai = new ReportCadence.Override();
        laoCai.setProvince("Tỉnh Lào Cai");
        laoCai.setDue(Map.of(ReportPeriod.CUOI_HK1, "01-20", ReportPeriod.CUOI_NAM, "05-25"));
        cadence.setOverrides(List.of(laoCai));
        List<SubmissionTracker.School> plans = List.of(plan("a", Q10), plan("b", Q10), plan("c", LAO_CAI));
        List<ReportArchive.Revision> revisions = List.of(
                sent("a", ReportPeriod.CUOI_HK1, 1, CUOI_HK1_DUE),
                sent("a", ReportPeriod.DAU_NAM, 1, DAU_NAM_DUE),
                sent("b", ReportPeriod.DAU_NAM, 1, DAU_NAM_DUE.plusDays(3)),
                sent("c", ReportPeriod.CUOI_HK1, 1, LocalDate.of(2024, 1, 18)));

        List<SubmissionTracker.Period> periods = SubmissionBoard.periods(plans, revisions, cadence,
                LocalDate.of(2024, 1, 17));

        assertThat(periods).extracting(SubmissionTracker.Period::period, SubmissionTracker.Period::label,
                        SubmissionTracker.Period::onTime, SubmissionTracker.Period::late,
                        SubmissionTracker.Period::missing, SubmissionTracker.Period::notDue)
                .containsExactly(tuple("DAU_NAM", "Đầu năm học", 1, 1, 0, 0),
                        tuple("CUOI_HK1", "Cuối học kỳ I", 2, 0, 1, 0),
                        tuple("CUOI_NAM", "Cuối năm học", 0, 0, 0, 3));
        assertThat(periods.get(0).schools()).extracting(SubmissionTracker.School::planId).containsExactly("a", "b");
        assertThat(periods.get(1).schools()).extracting(SubmissionTracker.School::planId, SubmissionTracker.School::dueDate,
                        SubmissionTracker.School::state)
                .containsExactly(tuple("a", CUOI_HK1_DUE, "ON_TIME"), tuple("b", CUOI_HK1_DUE, "MISSING"),
                        tuple("c", LocalDate.of(2024, 1, 20), "ON_TIME"));
        assertThat(periods.get(2).schools()).extracting(SubmissionTracker.School::dueDate)
                .containsExactly(LocalDate.of(2024, 5, 31), LocalDate.of(2024, 5, 31), LocalDate.of(2024, 5, 25));
    }

    @Test
    void noPlansStillListsEveryPeriod() {
        assertThat(SubmissionBoard.periods(List.of(), List.of(), cadence, LocalDate.of(2024, 1, 17)))
                .extracting(SubmissionTracker.Period::period).containsExactly("DAU_NAM", "CUOI_HK1", "CUOI_NAM");
    }
}
