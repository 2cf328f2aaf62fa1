package vn.caitien.reporting.security;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import vn.caitien.api.item.ActionItemAdded;
import vn.caitien.api.item.ActionItemDetails;
import vn.caitien.api.item.ActionItemId;
import vn.caitien.api.item.Budget;
import vn.caitien.api.item.CriterionCode;
import vn.caitien.api.item.LevelGroup;
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
import org.apache.kafka.clients.producer.ProducerRecord;
import vn.caitien.api.wire.ChainedRecords;
import vn.caitien.api.wire.CloudEventsConverter;
import vn.caitien.infra.SharedTestStack;
import vn.caitien.api.wire.MetadataKeys;
import vn.caitien.infra.Topics;
import vn.caitien.reporting.TestStack;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plan events as plan-service publishes them: CloudEvents JSON on the real topic, through the same
 * converter, with the actor (label and account id) in their metadata. The service reads them like
 * any other.
 */
final class TestPlans {
    static final String LDC_CODE = "79000701";
    static final List<String> LDC_UNIT = List.of("Thành phố Hồ Chí Minh", "Quận 10");
    static final String TUOI_HONG_CODE = "79000102";
    static final List<String> TUOI_HONG_UNIT = List.of("Thành phố Hồ Chí Minh", "Quận 1", "Phường Cầu Ông Lãnh");

    private TestPlans() {
    }

    /** A plan's events in order, each with its metadata; {@link #publish} sends them. */
    static final class Plan {
        final String planId = UUID.randomUUID().toString();
        final List<GenericDomainEventMessage<?>> events = new ArrayList<>();

        Plan then(Object payload, String actor, String actorId) {
            Map<String, Object> metadata = Map.of(MetadataKeys.ACTOR, actor, MetadataKeys.ACTOR_ID, actorId,
                    MetadataKeys.CORRELATION_ID, UUID.randomUUID().toString());
            events.add(new GenericDomainEventMessage<>(CloudEventsConverter.AGGREGATE_TYPE, planId, events.size(),
                    payload, MetaData.from(metadata)));
            return this;
        }

        PlanId id() {
            return PlanId.of(planId);
        }
    }

    /**
     * Created, one item, approved, progress recorded; with {@code submitted} also the start-of-year
     * report: 4 or 5 events.
     */
    static Plan approvedPlan(String schoolName, String code, SchoolType type, String framework, List<String> unit,
                             boolean submitted) {
        Plan plan = new Plan();
        SchoolYear year = SchoolYear.parse("2023-2024");
        ActionItemId item = ActionItemId.random();
        plan.then(new PlanCreated(plan.id(), new School(schoolName, code, type, unit), framework, year,
                        "107/KH-" + code, LocalDate.of(2023, 8, 18), unit.get(unit.size() - 1),
                        List.of("Thông tư 17/2018/TT-BGDĐT"), null),
                "Hiệu trưởng - Trần Thị Hồng", "hieutruong." + code.strip());
        plan.then(new ActionItemAdded(plan.id(), item, new ActionItemDetails(CriterionCode.parse("1.4"),
                        LevelGroup.LEVELS_1_TO_3, "Tổ chức chuyên đề về phương pháp giảng dạy", List.of(),
                        List.of("Xây dựng kế hoạch chuyên đề"), "Phó hiệu trưởng", List.of("Tổ trưởng chuyên môn"),
                        new Schedule(YearMonth.of(2023, 9), YearMonth.of(2024, 5), "Năm học 2023-2024"),
                        Budget.none("Không"), null, null), null),
                "Thành viên hội đồng tự đánh giá - Lê Văn Nam", "hoidong." + code.strip());
        plan.then(new PlanApproved(plan.id(), LocalDate.of(2023, 8, 18), "Trần Thị Hồng"),
                "Hiệu trưởng - Trần Thị Hồng", "hieutruong." + code.strip());
        plan.then(new ProgressRecorded(plan.id(), item, UUID.randomUUID().toString(), ProgressStatus.DANG_THUC_HIEN, 40,
                        List.of(), "Đã tổ chức một chuyên đề", List.of(EvidenceCode.parse("[H1-1.4-01]")), null,
                        LocalDate.of(2023, 9, 20)),
                "Tổ giám sát - Nguyễn Thị Mai", "giamsat." + code.strip());
        if (submitted) {
            plan.then(new ReportSubmitted(plan.id(), ReportPeriod.DAU_NAM, year, 1, "Triển khai đúng kế hoạch",
                            "Một chuyên đề đã tổ chức", "Tiếp tục theo kế hoạch", null, LocalDate.of(2023, 9, 30)),
                    "Tổ giám sát - Nguyễn Thị Mai", "giamsat." + code.strip());
        }
        return plan;
    }

    static Plan leDinhChinh() {
        return approvedPlan("Trường Tiểu học Lê Đình Chinh", LDC_CODE, SchoolType.TIEU_HOC, "TT17-2018", LDC_UNIT, true);
    }

    static Plan tuoiHong() {
        return approvedPlan("Trường Mầm non Tuổi Hồng", TUOI_HONG_CODE, SchoolType.MAM_NON, "TT19-2018",
                TUOI_HONG_UNIT, false);
    }

    /** Records made so far, by event id: a redelivery sends the very same record (same hashes, same seal). */
    private static final Map<String, ProducerRecord<String, byte[]>> MADE = new ConcurrentHashMap<>();
    private static final ChainedRecords CHAINS = new ChainedRecords(SharedTestStack.keys().topicSeal());

    /**
     * Sends the events to the plan topic, keyed by plan id, linked and sealed as plan-service publishes them,
     * and waits for the broker's acknowledgement. The first time, a plan's events are sent in their order.
     */
    static void publish(List<? extends GenericDomainEventMessage<?>> events) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.get().kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (GenericDomainEventMessage<?> event : events) {
                producer.send(MADE.computeIfAbsent(event.getIdentifier(), id -> CHAINS.next(Topics.PLAN_EVENTS,
                        event.getAggregateIdentifier(), event.getPayload(), event.getMetaData(), id, event.getTimestamp())))
                        .get();
            }
        }
    }
}
