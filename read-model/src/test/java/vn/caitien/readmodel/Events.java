package vn.caitien.readmodel;

import vn.caitien.api.item.ActionItemAdded;
import vn.caitien.api.item.ActionItemDetails;
import vn.caitien.api.item.ActionItemId;
import vn.caitien.api.item.ActionItemRemoved;
import vn.caitien.api.item.ActionItemUpdated;
import vn.caitien.api.item.Budget;
import vn.caitien.api.item.CriterionCode;
import vn.caitien.api.item.LevelGroup;
import vn.caitien.api.item.Money;
import vn.caitien.api.item.Schedule;
import vn.caitien.api.plan.PlanApproved;
import vn.caitien.api.plan.PlanCreated;
import vn.caitien.api.plan.PlanId;
import vn.caitien.api.plan.School;
import vn.caitien.api.plan.SchoolType;
import vn.caitien.api.plan.SchoolYear;
import vn.caitien.api.progress.EvidenceCode;
import vn.caitien.api.progress.IndicatorValue;
import vn.caitien.api.progress.ProgressRecorded;
import vn.caitien.api.progress.ProgressStatus;
import vn.caitien.api.report.ReportPeriod;
import vn.caitien.api.report.ReportSubmitted;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

/** Events of one plan, "P1", and a way to apply them in the giftcard style: given events, then rows. */
final class Events {
    static final String PLAN = "P1";
    static final School SCHOOL = new School("Trường Tiểu học Lê Đình Chinh", "79000701", SchoolType.TIEU_HOC,
            List.of("Thành phố Hồ Chí Minh", "Quận 10"));
    static final Instant T0 = Instant.parse("2024-09-05T01:00:00Z");

    private Events() {
    }

    /** An event with the time and actor its message gives it. */
    record At(Object event, Instant recordedAt, String actor) {
    }

    static At at(Object event, int minutesAfterT0, String actor) {
        return new At(event, T0.plusSeconds(60L * minutesAfterT0), actor);
    }

    static At at(Object event, int minutesAfterT0) { return at(event, minutesAfterT0, "chuyenvien@caitien.vn"); }

    /** The rows after these events, applied in order, numbered from 0. */
    static PlanRows given(At... events) {
        PlanRows rows = PlanRows.NONE;
        long sequence = 0;
        for (At at : Arrays.asList(events)) {
            rows = PlanEvolution.evolve(rows, at.event(), new EventContext(at.recordedAt(), at.actor(), sequence++));
        }
        return rows;
    }

    static Instant minute(int minutesAfterT0) { return T0.plusSeconds(60L * minutesAfterT0); }

    static PlanCreated created() { return created(SCHOOL); }

    static PlanCreated created(School school) {
        return new PlanCreated(new PlanId(PLAN), school, "TT22-2024", SchoolYear.parse("2024-2025"), "15/KH-THLĐC",
                LocalDate.of(2024, 9, 3), "Quận 10", List.of("Thông tư 22/2024/TT-BGDĐT"), null);
    }

    static PlanApproved approved() {
        return new PlanApproved(new PlanId(PLAN), LocalDate.of(2024, 9, 10), "Hiệu trưởng Nguyễn Văn A");
    }

    static ActionItemDetails details(String criterion, String target, YearMonth end, Long budget) {
        return new ActionItemDetails(CriterionCode.parse(criterion), LevelGroup.LEVELS_1_TO_3, target, List.of(),
                List.of("Tổ chức chuyên đề"), "Tổ trưởng chuyên môn", List.of(),
                new Schedule(YearMonth.of(2024, 9), end, null),
                budget == null ? null : new Budget(Money.of(budget), false, null, null, budget + " đồng"), null, null);
    }

    static ActionItemDetails details(String criterion) {
        return details(criterion, "Đạt mức 2", YearMonth.of(2025, 5), 5_000_000L);
    }

    static ActionItemAdded added(String item) { return added(item, details("1.1"), null); }

    static ActionItemAdded added(String item, ActionItemDetails details, String reason) {
        return new ActionItemAdded(new PlanId(PLAN), new ActionItemId(item), details, reason);
    }

    static ActionItemUpdated updated(String item, ActionItemDetails details, String reason) {
        return new ActionItemUpdated(new PlanId(PLAN), new ActionItemId(item), details, reason);
    }

    static ActionItemRemoved removed(String item) {
        return new ActionItemRemoved(new PlanId(PLAN), new ActionItemId(item), "Không còn phù hợp");
    }

    static ProgressRecorded progress(String item, ProgressStatus status, Integer percent, LocalDate effective,
                                     String... evidence) {
        return progress(item, status, percent, effective, null, null, List.of(), evidence);
    }

    static ProgressRecorded progress(String item, ProgressStatus status, Integer percent, LocalDate effective,
                                     Long spent, String narrative, List<IndicatorValue> indicators,
                                     String... evidence) {
        return new ProgressRecorded(new PlanId(PLAN), new ActionItemId(item), "R-" + effective + "-" + status, status,
                percent, indicators, narrative, Arrays.stream(evidence).map(EvidenceCode::parse).toList(),
                spent == null ? null : Money.of(spent), effective);
    }

    static IndicatorValue indicator(String name, String value) {
        return new IndicatorValue(name, value == null ? null : new BigDecimal(value));
    }

    static ReportSubmitted report(ReportPeriod period, int revision, LocalDate submittedOn, String correction) {
        return new ReportSubmitted(new PlanId(PLAN), period, SchoolYear.parse("2024-2025"), revision,
                "Tóm tắt " + revision, "Phát hiện", "Kiến nghị", correction, submittedOn);
    }
}
