package vn.caitien.reporting.report;

import vn.caitien.api.plan.SchoolYear;
import vn.caitien.readside.report.ReportCadence;
import vn.caitien.api.report.ReportPeriod;
import vn.caitien.readmodel.Labels;
import vn.caitien.readmodel.ReportState;
import vn.caitien.readmodel.Standing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The submission tracker's board without the database: per period, where each plan's report stands
 * on {@code today} given the revisions sent so far, as the read model's {@link Standing} judges it.
 */
final class SubmissionBoard {

    private SubmissionBoard() {
    }

    /**
     * @param plans     the plans shown, in display order (due date, state and revision still empty)
     * @param revisions their sent revisions
     */
    static List<SubmissionTracker.Period> periods(List<SubmissionTracker.School> plans,
                                                  List<ReportArchive.Revision> revisions, ReportCadence cadence,
                                                  LocalDate today) {
        Map<String, List<ReportArchive.Revision>> sent = new LinkedHashMap<>();
        revisions.forEach(r -> sent.computeIfAbsent(r.planId() + "/" + r.period(), k -> new ArrayList<>()).add(r));
        List<SubmissionTracker.Period> periods = new ArrayList<>();
        for (ReportPeriod period : ReportPeriod.values()) {
            List<SubmissionTracker.School> schools = new ArrayList<>();
            for (SubmissionTracker.School plan : plans) {
                LocalDate due = cadence.dueDates(plan.managingUnit(), SchoolYear.parse(plan.schoolYear())).get(period);
                if (due == null) continue; // this province does not ask for this period
                schools.add(standing(plan, period, due,
                        sent.getOrDefault(plan.planId() + "/" + period.name(), List.of()), today));
            }
            periods.add(new SubmissionTracker.Period(period.name(), Labels.reportPeriod(period),
                    count(schools, ReportState.ON_TIME), count(schools, ReportState.LATE),
                    count(schools, ReportState.MISSING), count(schools, ReportState.NOT_DUE), schools));
        }
        return periods;
    }

    /** One plan's row for one period. */
    static SubmissionTracker.School standing(SubmissionTracker.School plan, ReportPeriod period, LocalDate due,
                                             List<ReportArchive.Revision> revisions, LocalDate today) {
        Standing.ReportStanding standing = Standing.report(period,
                revisions.stream().map(ReportArchive.Revision::row).toList(), due, today);
        return new SubmissionTracker.School(plan.planId(), plan.schoolName(), plan.managingUnit(), plan.schoolYear(),
                due, standing.state().name(), standing.sentOn(),
                standing.latest() == null ? null : standing.latest().revision());
    }

    private static int count(List<SubmissionTracker.School> schools, ReportState state) {
        return (int) schools.stream().filter(s -> state.name().equals(s.state())).count();
    }
}
