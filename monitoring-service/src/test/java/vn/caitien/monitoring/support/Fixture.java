package vn.caitien.monitoring.support;

import org.springframework.jdbc.core.JdbcTemplate;
import vn.caitien.api.item.ActionItemAdded;
import vn.caitien.api.item.ActionItemDetails;
import vn.caitien.api.item.ActionItemId;
import vn.caitien.api.item.Budget;
import vn.caitien.api.item.CriterionCode;
import vn.caitien.api.item.Indicator;
import vn.caitien.api.item.LevelGroup;
import vn.caitien.api.item.Money;
import vn.caitien.api.item.Schedule;
import vn.caitien.api.plan.PlanApproved;
import vn.caitien.api.plan.PlanCreated;
import vn.caitien.api.plan.PlanEvent;
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
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * The plans every access test reads, published once per test JVM: two schools of Thành phố Hồ Chí
 * Minh under different units, one school of Hà Nội, a school without a code, a draft-only school.
 * Personal data (actor names, approver, narratives, notes) is planted on purpose so tests can prove
 * the public page leaks none of it.
 */
public final class Fixture {
    public static final List<String> HCM = List.of("Thành phố Hồ Chí Minh");
    public static final List<String> Q10 = List.of("Thành phố Hồ Chí Minh", "Quận 10");
    public static final List<String> Q1 = List.of("Thành phố Hồ Chí Minh", "Quận 1");
    public static final List<String> Q1_WARD = List.of("Thành phố Hồ Chí Minh", "Quận 1", "Phường Cầu Ông Lãnh");
    public static final List<String> BA_DINH = List.of("Thành phố Hà Nội", "Quận Ba Đình");

    public static final String LDC = "79000701";
    public static final String TUOI_HONG = "79000102";
    public static final String HA_NOI = "01000001";
    public static final String DRAFT_ONLY = "79000999";

    /** Lê Đình Chinh 2023-2024 (approved, progress and a report) and its 2024-2025 draft. */
    public static final String PLAN_LDC = "test-ldc-2023";
    public static final String PLAN_LDC_DRAFT = "test-ldc-2024";
    public static final String PLAN_TUOI_HONG = "test-tuoi-hong-2023";
    public static final String PLAN_HA_NOI = "test-ha-noi-2023";
    /** A school of Quận 10 whose plan gives no code: only officers, auditors and admins see it. */
    public static final String PLAN_NO_CODE = "test-khong-ma-2023";
    public static final String PLAN_DRAFT_ONLY = "test-nhap-2023";
    public static final List<String> ALL = List.of(PLAN_LDC, PLAN_LDC_DRAFT, PLAN_TUOI_HONG, PLAN_HA_NOI,
            PLAN_NO_CODE, PLAN_DRAFT_ONLY);

    public static final String ITEM_LED_BY_HEADS = "item-ldc-1";
    public static final String ITEM_LED_BY_PRINCIPAL = "item-ldc-2";

    /** Names and free text that must never reach the public page. */
    public static final String MONITOR_NAME = "Nguyễn Thị Mai";
    public static final String MONITOR_ACTOR = "Tổ giám sát - " + MONITOR_NAME;
    public static final String PRINCIPAL_NAME = "Trần Văn Hùng";
    public static final String PRINCIPAL_ACTOR = "Hiệu trưởng - " + PRINCIPAL_NAME;
    public static final String NARRATIVE = "Cô Nguyễn Thị Mai đã tổ chức 2 chuyên đề, thầy Lý Văn Bảy vắng";
    public static final String EVIDENCE = "[H1-1.4-01]";
    public static final String NOTE = "Cô Lê Thị Hoa theo dõi sát việc này";
    public static final String BUDGET_NOTE = "Ông Phạm Văn Tài tài trợ một phần";
    public static final String MONITOR_USERNAME = "giamsat.ldc";
    public static final List<String> PERSONAL = List.of(MONITOR_NAME, PRINCIPAL_NAME, NARRATIVE, "Lý Văn Bảy",
            EVIDENCE, NOTE, "Lê Thị Hoa", BUDGET_NOTE, "Phạm Văn Tài", MONITOR_USERNAME, "hieutruong.ldc",
            "Lưu Thuận Phong", "Võ Thị Hạnh", "Đỗ Thị Lan", "Ngô Văn Nam", "Hồ Văn Tư", "Đinh Văn Sáu", "hoidong",
            "Tổ giám sát -", "Hiệu trưởng -", "lastUpdatedBy", "submittedBy", "approvedBy", "narrative", "evidence",
            "notes", "Tóm tắt do");

    private static PlanEvents publisher;

    private Fixture() {
    }

    /** Publishes the fixture once, then waits until the read model has applied every event published so far. */
    public static synchronized void ensureLoaded(JdbcTemplate jdbc) {
        if (publisher == null) {
            publisher = new PlanEvents(TestStack.stack().kafka().bootstrapServers());
            Runtime.getRuntime().addShutdownHook(new Thread(publisher::close, "fixture-publisher-close"));
            publishAll(publisher);
        }
        awaitApplied(jdbc);
    }

    /** One more event, after the fixture (sequence numbers continue per plan). */
    public static synchronized void publish(String planId, PlanEvent event, String actor) {
        publisher.publish(planId, event, actor, "test");
    }

    public static synchronized void awaitApplied(JdbcTemplate jdbc) {
        int events = publisher.published();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.queryForObject(
                "select count(*) from processed_event where processor_name = 'monitoring'", Long.class) >= events);
    }

    private static void publishAll(PlanEvents publish) {
        String councilActor = "Hội đồng tự đánh giá - Lưu Thuận Phong";
        // Lê Đình Chinh 2023-2024: approved, progress, a report.
        create(publish, PLAN_LDC, new School("Trường Tiểu học Lê Đình Chinh", LDC, SchoolType.TIEU_HOC, Q10),
                "TT17-2018", "2023-2024", "45/KH-LĐC", councilActor);
        item(publish, PLAN_LDC, ITEM_LED_BY_HEADS, "1.4", "Tổ trưởng chuyên môn, GVCN",
                "Nâng cao chất lượng sinh hoạt chuyên môn", 5_000_000L, councilActor);
        item(publish, PLAN_LDC, ITEM_LED_BY_PRINCIPAL, "3.4", "Hiệu trưởng", "Khu vệ sinh đủ cho học sinh",
                30_000_000L, councilActor);
        item(publish, PLAN_LDC, "item-ldc-3", "5.3", "Phó Hiệu trưởng", "Học sinh hoàn thành chương trình",
                null, councilActor);
        publish.publish(PLAN_LDC, new PlanApproved(PlanId.of(PLAN_LDC), LocalDate.of(2023, 9, 15), PRINCIPAL_NAME),
                PRINCIPAL_ACTOR, "hieutruong.ldc");
        publish.publish(PLAN_LDC, new ProgressRecorded(PlanId.of(PLAN_LDC), ActionItemId.of(ITEM_LED_BY_HEADS),
                "progress-1", ProgressStatus.HOAN_THANH, 100, List.of(new IndicatorValue("Số chuyên đề", BigDecimal.valueOf(2))),
                NARRATIVE, List.of(EvidenceCode.parse(EVIDENCE)), Money.of(4_500_000L), LocalDate.of(2023, 12, 15)),
                MONITOR_ACTOR, MONITOR_USERNAME);
        publish.publish(PLAN_LDC, new ReportSubmitted(PlanId.of(PLAN_LDC), ReportPeriod.DAU_NAM, SchoolYear.parse("2023-2024"),
                1, "Tóm tắt do " + PRINCIPAL_NAME + " ký", "Nhận xét", "Kiến nghị", null, LocalDate.of(2023, 10, 30)),
                PRINCIPAL_ACTOR, "hieutruong.ldc");
        // Its next year's draft: visible to the school and its office, never public.
        create(publish, PLAN_LDC_DRAFT, new School("Trường Tiểu học Lê Đình Chinh", LDC, SchoolType.TIEU_HOC, Q10),
                "TT17-2018", "2024-2025", null, councilActor);
        item(publish, PLAN_LDC_DRAFT, "item-ldc-draft-1", "1.1", "Hiệu trưởng", "Dự thảo chưa công khai", null, councilActor);
        // Tuổi Hồng, another school under another unit of the same province.
        create(publish, PLAN_TUOI_HONG, new School("Trường Mầm non Tuổi Hồng", TUOI_HONG, SchoolType.MAM_NON, Q1_WARD),
                "TT19-2018", "2023-2024", "12/KH-MNTH", "Hội đồng tự đánh giá - Đỗ Thị Lan");
        item(publish, PLAN_TUOI_HONG, "item-th-1", "1.1", "Hiệu trưởng", "Kế hoạch chiến lược được rà soát", null,
                "Hội đồng tự đánh giá - Đỗ Thị Lan");
        publish.publish(PLAN_TUOI_HONG, new PlanApproved(PlanId.of(PLAN_TUOI_HONG), LocalDate.of(2023, 9, 20), "Võ Thị Hạnh"),
                "Hiệu trưởng - Võ Thị Hạnh", "hieutruong.th");
        // A school of another province.
        create(publish, PLAN_HA_NOI, new School("Trường Tiểu học Ba Đình", HA_NOI, SchoolType.TIEU_HOC, BA_DINH),
                "TT17-2018", "2023-2024", "3/KH-BĐ", "Hội đồng tự đánh giá - Ngô Văn Nam");
        item(publish, PLAN_HA_NOI, "item-hn-1", "1.2", "Hiệu trưởng", "Hội đồng trường hoạt động hiệu quả", null,
                "Hội đồng tự đánh giá - Ngô Văn Nam");
        publish.publish(PLAN_HA_NOI, new PlanApproved(PlanId.of(PLAN_HA_NOI), LocalDate.of(2023, 9, 10), "Ngô Văn Nam"),
                "Hiệu trưởng - Ngô Văn Nam", "hieutruong.bd");
        // A school of Quận 10 whose plan gives no code.
        create(publish, PLAN_NO_CODE, new School("Trường Tiểu học Không Mã", null, SchoolType.TIEU_HOC, Q10),
                "TT17-2018", "2023-2024", null, "Hội đồng tự đánh giá - Hồ Văn Tư");
        // A school with a draft only: nothing to publish.
        create(publish, PLAN_DRAFT_ONLY, new School("Trường Tiểu học Nháp", DRAFT_ONLY, SchoolType.TIEU_HOC, Q10),
                "TT17-2018", "2023-2024", null, "Hội đồng tự đánh giá - Đinh Văn Sáu");
    }

    private static void create(PlanEvents publish, String planId, School school, String framework, String year,
                               String documentNumber, String actor) {
        publish.publish(planId, new PlanCreated(PlanId.of(planId), school, framework, SchoolYear.parse(year), documentNumber,
                null, null, List.of(), null), actor, "hoidong");
    }

    private static void item(PlanEvents publish, String planId, String itemId, String criterion, String lead,
                             String target, Long budget, String actor) {
        ActionItemDetails details = new ActionItemDetails(CriterionCode.parse(criterion), LevelGroup.LEVELS_1_TO_3, target,
                List.of(new Indicator("Số chuyên đề", BigDecimal.ZERO, BigDecimal.valueOf(4), "chuyên đề")),
                List.of("Khảo sát hiện trạng", "Tổ chức thực hiện"), lead, List.of("Kế toán", "Ban đại diện CMHS"),
                new Schedule(YearMonth.of(2023, 9), YearMonth.of(2024, 5), "Năm học 2023-2024"),
                budget == null ? null : new Budget(Money.of(budget), false, "Ngân sách nhà nước", BUDGET_NOTE,
                        budget / 1_000_000 + " triệu đồng"),
                "Sự hỗ trợ của Phòng GD&ĐT", NOTE);
        publish.publish(planId, new ActionItemAdded(PlanId.of(planId), ActionItemId.of(itemId), details, null), actor, "hoidong");
    }
}
