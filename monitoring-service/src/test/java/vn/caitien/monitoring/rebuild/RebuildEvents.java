package vn.caitien.monitoring.rebuild;

import vn.caitien.api.item.ActionItemAdded;
import vn.caitien.api.item.ActionItemDetails;
import vn.caitien.api.item.ActionItemId;
import vn.caitien.api.item.Budget;
import vn.caitien.api.item.CriterionCode;
import vn.caitien.api.item.Indicator;
import vn.caitien.api.item.LevelGroup;
import vn.caitien.api.item.Money;
import vn.caitien.api.item.Schedule;
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
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The plan events the rebuild tests publish: one of each kind, as plan-service would send them. */
final class RebuildEvents {
    private RebuildEvents() {
    }

    static PlanCreated created(String plan, String school, String code) {
        return new PlanCreated(PlanId.of(plan), new School(school, code, SchoolType.TIEU_HOC,
                List.of("Thành phố Hồ Chí Minh", "Quận 3")), "TT17-2018", SchoolYear.parse("2023-2024"), "1/KH", null, null,
                List.of(), null);
    }

    static ActionItemAdded added(String plan, String item, String criterion, String target) {
        return new ActionItemAdded(PlanId.of(plan), ActionItemId.of(item), details(criterion, target, null), null);
    }

    static ActionItemDetails details(String criterion, String target, Budget budget) {
        return new ActionItemDetails(CriterionCode.parse(criterion), LevelGroup.LEVELS_1_TO_3, target,
                List.of(new Indicator("Sĩ số", BigDecimal.valueOf(35), BigDecimal.valueOf(30), "học sinh/lớp")),
                List.of("Khảo sát", "Thực hiện"), "Tổ trưởng", List.of("Kế toán"),
                new Schedule(YearMonth.of(2023, 9), YearMonth.of(2024, 5), "cả năm"), budget, null, "ghi chú");
    }

    static ProgressRecorded progress(String plan, String item, ProgressStatus status, Integer percent, Long amount,
                                     LocalDate on, List<String> evidence, Map<String, BigDecimal> indicators) {
        return new ProgressRecorded(PlanId.of(plan), ActionItemId.of(item), UUID.randomUUID().toString(), status, percent,
                indicators.entrySet().stream().map(e -> new IndicatorValue(e.getKey(), e.getValue())).toList(), "Diễn giải",
                evidence.stream().map(EvidenceCode::parse).toList(), amount == null ? null : Money.of(amount), on);
    }

    static ReportSubmitted report(String plan, ReportPeriod period, int revision, LocalDate on) {
        return new ReportSubmitted(PlanId.of(plan), period, SchoolYear.parse("2023-2024"), revision, "Tóm tắt", "Nhận xét",
                "Kiến nghị", revision > 1 ? "Sửa" : null, on);
    }
}
