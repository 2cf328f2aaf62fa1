package vn.caitien.reporting.report;

import vn.caitien.api.plan.SchoolYear;
import vn.caitien.api.report.ReportCadence;
import vn.caitien.api.report.ReportPeriod;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The submission tracker's board without the database: per period, where each plan's report stands
 * on {@code today} given the revisions sent so far.
 */
final class SubmissionBoard {

    private SubmissionBoard() {
    }

    /**
     * @param plans     the plans shown, in display order (due date, state and revision still empty)
     * @param revisions their sent revisions, ordered by plan, period and revision
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
                schools.add(standing(plan, due, sent.getOrDefault(plan.planId() + "/" + period.name(), List.of()), today));
            }
            periods.add(new SubmissionTracker.Period(period.name(), period.label(), count(schools, "ON_TIME"),
                    count(schools, "LATE"), count(schools, "MISSING"), count(schools, "NOT_DUE"), schools));
        }
        return periods;
    }

    /** One plan's row for one period: its revisions in revision order. */
    static SubmissionTracker.School standing(SubmissionTracker.School plan, LocalDate due,
                                             List<ReportArchive.Revision> revisions, LocalDate today) {
        if (revisions.isEmpty()) {
            return new SubmissionTracker.School(plan.planId(), plan.schoolName(), plan.managingUnit(),
                    plan.schoolYear(), due, today.isAfter(due) ? "MISSING" : "NOT_DUE", null, null);
        }
        return new SubmissionTracker.School(plan.planId(), plan.schoolName(), plan.managingUnit(), plan.schoolYear(),
                due, !revisions.get(0).submittedOn().isAfter(due) ? "ON_TIME" : "LATE",
                revisions.get(0).submittedOn(), revisions.get(revisions.size() - 1).revision());
    }

    private static int count(List<SubmissionTracker.School> schools, String state) {
        return (int) schools.stream().filter(s -> state.equals(s.state())).count();
    }
}
