package vn.caitien.reporting.audit;

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
import vn.caitien.api.progress.ProgressRecorded;
import vn.caitien.api.progress.ProgressStatus;
import vn.caitien.api.report.ReportPeriod;
import vn.caitien.api.report.ReportSubmitted;
import vn.caitien.readmodel.PlanRows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plan's stored history written in a few lines, for the domain tests: each event gets the next
 * sequence number, is recorded a day after the previous one unless told otherwise, and carries the
 * effective date plan-service would store with it.
 */
public final class PlanHistory {
    public static final String PLAN = "plan-ldc";
    public static final List<String> UNIT = List.of("Thành phố Hồ Chí Minh", "Quận 10");
    public static final String SECRETARY = "Thư ký hội đồng";

    private final PlanId planId = new PlanId(PLAN);
    private final List<PlanEvents.Stored> events = new ArrayList<>();
    private Instant clock = Instant.parse("2023-09-01T01:00:00Z");
    private String actor = SECRETARY;

    public static PlanHistory of() { return new PlanHistory(); }

    /** The next events are recorded from {@code instant} on. */
    public PlanHistory at(String instant) {
        clock = Instant.parse(instant);
        return this;
    }

    public PlanHistory by(String actor) {
        this.actor = actor;
        return this;
    }

    public PlanHistory created(String issuePlace) {
        return add(new PlanCreated(planId, new School("Trường Tiểu học Lê Đình Chinh", "79000701", SchoolType.TIEU_HOC,
                        UNIT), "TT17-2018", SchoolYear.parse("2023-2024"), "107/KH-LĐC", LocalDate.of(2023, 9, 5),
                        issuePlace, List.of("Thông tư 17/2018/TT-BGDĐT"), null),
                LocalDate.of(2023, 9, 5), "Lập kế hoạch");
    }

    public PlanHistory item(String itemId, String code, YearMonth end, Long budgetVnd) {
        return add(new ActionItemAdded(planId, new ActionItemId(itemId), details(code, end, budgetVnd), null), null,
                "Thêm nội dung " + code);
    }

    public PlanHistory itemAmended(String itemId, String code, YearMonth end, Long budgetVnd, String reason) {
        return add(new ActionItemAdded(planId, new ActionItemId(itemId), details(code, end, budgetVnd), reason), null,
                "Bổ sung nội dung " + code);
    }

    public PlanHistory itemChanged(String itemId, String code, YearMonth end, Long budgetVnd, String reason) {
        return add(new ActionItemUpdated(planId, new ActionItemId(itemId), details(code, end, budgetVnd), reason), null,
                "Sửa nội dung " + code);
    }

    public PlanHistory itemRemoved(String itemId, String reason) {
        return add(new ActionItemRemoved(planId, new ActionItemId(itemId), reason), null, "Bỏ nội dung");
    }

    public PlanHistory approved(LocalDate on, String by) {
        return add(new PlanApproved(planId, on, by), on, "Phê duyệt");
    }

    public PlanHistory progress(String itemId, ProgressStatus status, Integer percent, String narrative,
                                Long spentVnd, LocalDate effective, String... evidence) {
        return add(new ProgressRecorded(planId, new ActionItemId(itemId), itemId + "-" + events.size(), status, percent,
                        List.of(), narrative, Arrays.stream(evidence).map(EvidenceCode::parse).toList(),
                        spentVnd == null ? null : Money.of(spentVnd), effective),
                effective, "Ghi nhận tiến độ");
    }

    public PlanHistory report(ReportPeriod period, int revision, String correctionReason, LocalDate submittedOn) {
        return add(new ReportSubmitted(planId, period, SchoolYear.parse("2023-2024"), revision, "Tóm tắt " + revision,
                "Nhận định " + revision, "Kiến nghị " + revision, correctionReason, submittedOn),
                submittedOn, "Nộp báo cáo");
    }

    public List<PlanEvents.Stored> events() { return List.copyOf(events); }

    /** The plan's rows after all these events. */
    public PlanRows rows() { return PlanEvents.fold(events); }

    /** The plan as the auditor's endpoint shows it after all these events. */
    public PlanState state() { return PlanState.of(rows()); }

    public static ActionItemDetails details(String code, YearMonth end, Long budgetVnd) {
        return new ActionItemDetails(CriterionCode.parse(code), LevelGroup.LEVELS_1_TO_3, "Kết quả " + code, List.of(),
                List.of("Công việc " + code), "Hiệu trưởng", List.of("Tổ trưởng chuyên môn"),
                end == null ? null : new Schedule(YearMonth.of(2023, 9), end, null),
                budgetVnd == null ? Budget.none("Không") : Budget.amount(budgetVnd, budgetVnd / 1_000_000 + " triệu"),
                null, null);
    }

    private PlanHistory add(Object event, LocalDate effective, String description) {
        events.add(new PlanEvents.Stored(events.size(), event.getClass().getSimpleName(), event, clock, effective,
                actor, description));
        clock = clock.plusSeconds(86_400);
        return this;
    }
}
