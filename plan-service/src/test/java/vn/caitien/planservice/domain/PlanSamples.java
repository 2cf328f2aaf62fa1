package vn.caitien.planservice.domain;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import vn.caitien.api.item.ActionItemAdded;
import vn.caitien.api.item.ActionItemDetails;
import vn.caitien.api.item.ActionItemId;
import vn.caitien.api.item.Budget;
import vn.caitien.api.item.CriterionCode;
import vn.caitien.api.item.Indicator;
import vn.caitien.api.item.LevelGroup;
import vn.caitien.api.item.Schedule;
import vn.caitien.api.plan.Baseline;
import vn.caitien.api.plan.CreatePlan;
import vn.caitien.api.plan.LevelAttainment;
import vn.caitien.api.plan.PlanApproved;
import vn.caitien.api.plan.PlanCreated;
import vn.caitien.api.plan.PlanId;
import vn.caitien.api.plan.School;
import vn.caitien.api.plan.SchoolType;
import vn.caitien.api.plan.SchoolYear;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** Test data modelled on the Lê Đình Chinh plan (107/KH-LĐC, 2023-2024). */
public final class PlanSamples {
    static final PlanId PLAN = PlanId.of("6f1c1d9e-0000-4000-8000-000000000107");
    static final ActionItemId ITEM_1_5 = ActionItemId.of("item-1-5");
    static final ActionItemId ITEM_3_4 = ActionItemId.of("item-3-4");
    static final SchoolYear YEAR = SchoolYear.parse("2023-2024");
    static final School SCHOOL = new School("Trường Tiểu học Lê Đình Chinh", "79770401", SchoolType.TIEU_HOC,
            List.of("Thành phố Hồ Chí Minh", "Quận 10"));
    static final Baseline BASELINE = new Baseline(List.of(new LevelAttainment(1, 27, 27),
            new LevelAttainment(2, 27, 27), new LevelAttainment(3, 19, 19), new LevelAttainment(4, 2, 5)), 3, null);

    private PlanSamples() {
    }

    static CreatePlan createPlan(String frameworkId, SchoolType type, Baseline baseline) {
        return new CreatePlan(PLAN, new School(SCHOOL.name(), SCHOOL.code(), type, SCHOOL.managingUnit()),
                frameworkId, YEAR, "107/KH-LĐC", LocalDate.of(2023, 8, 18), "Quận 10",
                List.of("Thông tư số 17/2018/TT-BGDĐT ngày 22/8/2018"), baseline);
    }

    static CreatePlan createPlan() { return createPlan("TT17-2018", SchoolType.TIEU_HOC, BASELINE); }

    static PlanCreated planCreated() { return planCreated("TT17-2018"); }

    static PlanCreated planCreated(String frameworkId) {
        CreatePlan c = createPlan(frameworkId, SchoolType.TIEU_HOC, BASELINE);
        return new PlanCreated(c.planId(), c.school(), c.frameworkId(), c.schoolYear(), c.documentNumber(),
                c.issueDate(), c.issuePlace(), c.legalBases(), c.baseline());
    }

    public static ActionItemDetails details(String code, String group) {
        return new ActionItemDetails(CriterionCode.parse(code), group == null ? null : LevelGroup.parse(group),
                "Sĩ số 35 học sinh /lớp",
                List.of(new Indicator("Sĩ số", new BigDecimal("38"), new BigDecimal("35"), "học sinh/lớp")),
                List.of("Tham mưu, đề xuất phân bổ chỉ tiêu tuyển sinh phù hợp.", "Biên chế đều học sinh các lớp."),
                "Hiệu trưởng", List.of("Phó hiệu trưởng", "GVCN"),
                new Schedule(YearMonth.of(2023, 9), YearMonth.of(2024, 5), "Năm học 2023-2024"),
                Budget.none("Không"), "Ủy ban nhân dân, Phòng GDĐT Q10", null);
    }

    static ActionItemAdded itemAdded(ActionItemId id, String code) {
        return new ActionItemAdded(PLAN, id, details(code, "MỨC 1, 2, 3"), null);
    }

    static PlanApproved approved() { return new PlanApproved(PLAN, LocalDate.of(2023, 8, 18), "Lưu Thuận Phong"); }

    /** An approved plan with items 1.5 and 3.4. */
    static Object[] approvedPlan() {
        return new Object[]{planCreated(), itemAdded(ITEM_1_5, "1.5"), itemAdded(ITEM_3_4, "3.4"), approved()};
    }

    /** Matches a {@link PlanRejected} for the given reason and field. */
    static Matcher<Object> rejected(Rejection reason, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof PlanRejected r && r.rejection() == reason && r.field().equals(field)
                        && r.getMessage() != null && !r.getMessage().isBlank();
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("PlanRejected " + reason + " on " + field);
            }
        };
    }
}
