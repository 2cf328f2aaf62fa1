package vn.caitien.monitoring.rebuild;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import vn.caitien.api.item.ActionItemAdded;
import vn.caitien.api.item.ActionItemDetails;
import vn.caitien.api.item.ActionItemId;
import vn.caitien.api.item.ActionItemRemoved;
import vn.caitien.api.item.ActionItemUpdated;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Random plan histories that plan-service could have published: a plan is created, items are added,
 * changed and removed (a removed item's id may come back), it is approved, then progress is recorded on
 * its current items with effective dates in any order, items are amended (with a reason), reports are
 * submitted and corrected (revisions 2, 3…), and records are delivered again. What is drawn is a list of
 * {@link Step}s, read against the plan as it stands; a step that plan-service would refuse there becomes
 * one it would take, so every list of steps — shrunk ones too — is a valid history.
 */
final class PlanScripts {
    static final Instant START = Instant.parse("2023-09-05T01:02:03.123456789Z");
    private static final List<String> CRITERIA = List.of("1.1", "1.2", "1.10", "2.1", "3.4", "M4.1");
    private static final List<String> EVIDENCE = List.of("[H1-1.1-01]", "[H1-1.1-02]", "[H1-1.1-10]", "[H1-1.10-01]",
            "[H2-1.1-01]", "[H10-1.1-01]", "MC.1.1.01", "MC.1.2.01");
    private static final List<String> ACTORS = List.of("Hội đồng - Lưu Phong", "Tổ giám sát - Mai", "Tổ giám sát - Lan",
            "Hiệu trưởng");
    private static final List<String> INDICATORS = List.of("Sĩ số", "Tỷ lệ");
    private static final List<BigDecimal> VALUES = List.of(BigDecimal.valueOf(30), new BigDecimal("1.50"),
            new BigDecimal("2.5"), BigDecimal.ZERO, BigDecimal.valueOf(35));

    private PlanScripts() {
    }

    enum Kind { ADD, UPDATE, REMOVE, APPROVE, PROGRESS, REPORT, RESEND }

    /** What to do next, with numbers that pick its details. */
    record Step(Kind kind, int a, int b, int c, int d) {
    }

    /** One to three plans, each a history of 3 to 40 steps after its creation. */
    static Arbitrary<List<List<Step>>> plans() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(Tuple.of(4, Kind.ADD), Tuple.of(2, Kind.UPDATE),
                Tuple.of(1, Kind.REMOVE), Tuple.of(2, Kind.APPROVE), Tuple.of(8, Kind.PROGRESS), Tuple.of(2, Kind.REPORT),
                Tuple.of(2, Kind.RESEND));
        Arbitrary<Integer> number = Arbitraries.integers().between(0, 9_999);
        Arbitrary<Step> step = Combinators.combine(kinds, number, number, number, number).as(Step::new);
        return step.list().ofMinSize(3).ofMaxSize(40).list().ofMinSize(1).ofMaxSize(3);
    }

    /** A record to publish as the plan's next event, or one published before to deliver again. */
    sealed interface Send permits Publish, Resend {
    }

    record Publish(PlanEvent event, Instant at, String actor) implements Send {
    }

    /** The {@code nth} record this plan published, sent again unchanged. */
    record Resend(int nth) implements Send {
    }

    /** Reads steps against one plan's state and answers what plan-service would send for each. */
    static final class Plan {
        private final PlanId id;
        private final Set<String> current = new LinkedHashSet<>();
        private final Map<ReportPeriod, Integer> revisions = new EnumMap<>(ReportPeriod.class);
        private boolean approved;
        private int published;
        private int nextItem;
        private Instant clock;

        Plan(String id, int number) {
            this.id = PlanId.of(id);
            this.clock = START.plusSeconds(number * 7_919L);
        }

        String id() { return id.value(); }

        Send created(int variant) {
            School school = new School("Trường Tiểu học Ngẫu Nhiên " + variant, variant % 3 == 0 ? null : "7909" + variant,
                    SchoolType.TIEU_HOC, List.of("Thành phố Hồ Chí Minh", variant % 2 == 0 ? "Quận 3" : "Phường Bến Thành"));
            return publish(new PlanCreated(id, school, "TT17-2018", SchoolYear.parse("2023-2024"), "1/KH", null, null,
                    List.of(), null), 0, variant);
        }

        Send next(Step s) {
            Kind kind = s.kind();
            // What plan-service would refuse here turns into what it would take.
            if (kind == Kind.RESEND && published == 0) kind = Kind.ADD;
            if ((kind == Kind.UPDATE || kind == Kind.REMOVE) && current.isEmpty()) kind = Kind.ADD;
            if (kind == Kind.APPROVE && (approved || current.isEmpty())) kind = current.isEmpty() ? Kind.ADD : Kind.PROGRESS;
            if ((kind == Kind.PROGRESS || kind == Kind.REPORT) && !approved) kind = current.isEmpty() ? Kind.ADD : Kind.APPROVE;
            if (kind == Kind.PROGRESS && current.isEmpty()) kind = Kind.ADD;
            return switch (kind) {
                case ADD -> add(s);
                case UPDATE -> publish(new ActionItemUpdated(id, ActionItemId.of(pick(s.a())), details(s), reason(s)), s.b(), s.c());
                case REMOVE -> remove(s);
                case APPROVE -> {
                    approved = true;
                    yield publish(new PlanApproved(id, LocalDate.of(2023, 9, 15).plusDays(s.a() % 20), "Trần Hùng"), s.b(), s.c());
                }
                case PROGRESS -> publish(progress(s), s.b(), s.c());
                case REPORT -> publish(report(s), s.b(), s.c());
                case RESEND -> new Resend(s.a() % published);
            };
        }

        private Send add(Step s) {
            // Now and then the id of a removed item comes back: plan-service allows it.
            String item = s.a() % 5 == 0 && nextItem > current.size() ? removedOne(s.a()) : "muc-" + nextItem++;
            current.add(item);
            return publish(new ActionItemAdded(id, ActionItemId.of(item), details(s), reason(s)), s.b(), s.c());
        }

        private String removedOne(int a) {
            for (int i = a % nextItem, n = 0; n < nextItem; i = (i + 1) % nextItem, n++) {
                if (!current.contains("muc-" + i)) return "muc-" + i;
            }
            return "muc-" + nextItem++;
        }

        private Send remove(Step s) {
            String item = pick(s.a());
            current.remove(item);
            return publish(new ActionItemRemoved(id, ActionItemId.of(item), reason(s)), s.b(), s.c());
        }

        private ProgressRecorded progress(Step s) {
            ProgressStatus status = ProgressStatus.values()[s.b() % ProgressStatus.values().length];
            Integer percent = switch (status) {
                case HOAN_THANH -> s.c() % 2 == 0 ? 100 : null;
                case CHUA_THUC_HIEN -> s.c() % 2 == 0 ? 0 : null;
                default -> s.c() % 4 == 0 ? null : s.c() % 101;
            };
            List<EvidenceCode> evidence = new ArrayList<>();
            for (int i = 0; i < EVIDENCE.size(); i++) if ((s.d() >> i & 1) == 1 && s.d() % 3 != 0) evidence.add(EvidenceCode.parse(EVIDENCE.get(i)));
            List<IndicatorValue> indicators = new ArrayList<>();
            if (s.d() % 4 != 0) indicators.add(new IndicatorValue(INDICATORS.get(s.d() % 2), VALUES.get(s.c() % VALUES.size())));
            if (s.d() % 7 == 0) indicators.add(new IndicatorValue(INDICATORS.get((s.d() + 1) % 2), VALUES.get(s.a() % VALUES.size())));
            Money amount = s.a() % 3 == 0 ? null : Money.of(1_000L * (s.a() % 50));
            // Weeks apart, so that records share an effective date now and then; in any order.
            LocalDate effective = LocalDate.of(2023, 9, 1).plusWeeks(s.c() % 30);
            return new ProgressRecorded(id, ActionItemId.of(pick(s.a())), "ghi-" + published, status, percent, indicators,
                    "Diễn giải " + s.d(), evidence, amount, effective);
        }

        private ReportSubmitted report(Step s) {
            ReportPeriod period = ReportPeriod.values()[s.a() % ReportPeriod.values().length];
            int revision = revisions.merge(period, 1, Integer::sum);
            LocalDate on = s.b() % 4 == 0 ? null : LocalDate.of(2023, 10, 1).plusDays(s.b() % 250);
            return new ReportSubmitted(id, period, SchoolYear.parse("2023-2024"), revision, "Tóm tắt " + s.c(), "Nhận xét",
                    "Kiến nghị", revision > 1 ? "Đính chính lần " + revision : null, on);
        }

        private ActionItemDetails details(Step s) {
            Schedule schedule = s.b() % 5 == 0 ? null
                    : new Schedule(YearMonth.of(2023, 9 + s.b() % 4), s.b() % 7 == 0 ? null : YearMonth.of(2024, 1 + s.c() % 5),
                    "theo kế hoạch");
            Budget budget = switch (s.c() % 3) {
                case 0 -> null;
                case 1 -> Budget.none("Kinh phí dự án Quận");
                default -> new Budget(Money.of(500_000L * (s.d() % 40 + 1)), s.d() % 2 == 0, "Ngân sách", "ghi chú \"trích\"",
                        "theo dự toán");
            };
            return new ActionItemDetails(CriterionCode.parse(CRITERIA.get(s.a() % CRITERIA.size())),
                    s.d() % 4 == 0 ? LevelGroup.LEVEL_4 : LevelGroup.LEVELS_1_TO_3,
                    "Mục tiêu " + s.d() + (s.d() % 9 == 0 ? "\tcó tab\nvà dòng mới \\ gạch" : ""),
                    List.of(new Indicator("Sĩ số", BigDecimal.valueOf(35), BigDecimal.valueOf(30), "học sinh/lớp"),
                            new Indicator("Tỷ lệ", new BigDecimal("0.5"), BigDecimal.ONE, "%")),
                    List.of("Khảo sát", "Thực hiện"), s.c() % 6 == 0 ? null : "Tổ trưởng " + s.c() % 3, List.of("Kế toán"),
                    schedule, budget, null, "ghi chú");
        }

        private String reason(Step s) { return approved ? "Điều chỉnh theo góp ý " + s.d() % 5 : null; }

        private String pick(int a) { return new ArrayList<>(current).get(a % current.size()); }

        /** Recorded a few seconds after the plan's last event, now and then a little before it (another node's clock). */
        private Send publish(PlanEvent event, int b, int c) {
            clock = clock.plusSeconds(b % 9 - 2).plusNanos(c * 1_000_003L % 1_000_000_000L);
            published++;
            return new Publish(event, clock, c % 11 == 0 ? null : ACTORS.get(c % ACTORS.size()));
        }
    }
}
