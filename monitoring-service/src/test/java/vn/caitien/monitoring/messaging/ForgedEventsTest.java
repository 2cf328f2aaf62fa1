package vn.caitien.monitoring.messaging;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import vn.caitien.api.chain.ChainLink;
import vn.caitien.api.chain.TopicSeal;
import vn.caitien.api.item.ActionItemAdded;
import vn.caitien.api.item.ActionItemDetails;
import vn.caitien.api.item.ActionItemId;
import vn.caitien.api.item.Budget;
import vn.caitien.api.item.CriterionCode;
import vn.caitien.api.item.LevelGroup;
import vn.caitien.api.item.Schedule;
import vn.caitien.api.plan.PlanCreated;
import vn.caitien.api.plan.PlanId;
import vn.caitien.api.plan.School;
import vn.caitien.api.plan.SchoolType;
import vn.caitien.api.plan.SchoolYear;
import vn.caitien.api.wire.ChainedRecords;
import vn.caitien.api.wire.CloudEventsConverter;
import vn.caitien.infra.SharedTestStack;
import vn.caitien.infra.Topics;
import vn.caitien.monitoring.support.IntegrationTest;
import vn.caitien.readside.deadletter.DeadLetters;
import vn.caitien.readside.lag.ProcessorHealth;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12: records put on the topic by someone other than plan-service (kcat, a plain KafkaProducer) or
 * sealed but not extending their plan's chain are parked with an alarm, never applied, and never keep a
 * genuine event of the plan from being applied.
 */
class ForgedEventsTest extends IntegrationTest {
    static KafkaProducer<String, byte[]> producer;
    final String plan = "gia-" + UUID.randomUUID();
    final ChainedRecords genuine = new ChainedRecords(SharedTestStack.keys().topicSeal());
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    ProcessorHealth health;

    @BeforeAll
    static void producer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedTestStack.stack().kafka().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void close() { producer.close(); }

    /** This test's plan and letters leave the shared read model and queue with it: other tests list every plan. */
    @AfterEach
    void removePlanAndLetters() {
        jdbc.update("delete from dead_letter_entry where aggregate_identifier = ?", plan);
        for (String table : List.of("report_submission", "item_progress", "plan_progress", "plan_chain")) {
            jdbc.update("delete from " + table + " where plan_id = ?", plan);
        }
    }

    @Test
    void forgedRecordsAreParkedWithAnAlarmAndTheGenuineEventsOfThePlanAreStillApplied() throws Exception {
        double refusedBefore = refusedCount();
        send(genuine.next(Topics.PLAN_EVENTS, plan, created(), actor()));
        // As kcat produces it: a plain producer, no seal; it claims the next sequence, linked correctly.
        ProducerRecord<String, byte[]> kcat = linked(1, item("gia-kcat"), genuine.head(plan).hash());
        kcat.headers().remove(TopicSeal.HEADER);
        send(kcat);
        String genuine1 = id(send(genuine.next(Topics.PLAN_EVENTS, plan, item("that-1"), actor())));
        // With the topic key: a second event with sequence 1, and one that skips sequences 2 to 4.
        send(linked(1, item("gia-trung"), genuine.head(plan).hash()));
        send(linked(5, item("gia-nhay"), genuine.head(plan).hash()));
        String genuine2 = id(send(genuine.next(Topics.PLAN_EVENTS, plan, item("that-2"), actor())));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.queryForObject(
                "select count(*) from processed_event where event_id in (?, ?)", Long.class, genuine1, genuine2) == 2);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> letters().size() == 3);

        assertThat(jdbc.queryForList("select item_id from item_progress where plan_id = ? order by position", String.class, plan))
                .containsExactly("that-1", "that-2");
        assertThat(jdbc.queryForMap("select sequence, hash from plan_chain where plan_id = ?", plan))
                .containsEntry("sequence", 2L).containsEntry("hash", genuine.head(plan).hash());
        List<DeadLetters.Entry> letters = letters();
        assertThat(letters).extracting(DeadLetters.Entry::causeMessage).anyMatch(m -> m.contains("không có dấu niêm phong"))
                .anyMatch(m -> m.contains("trùng số thứ tự")).anyMatch(m -> m.contains("thiếu sự kiện số 2"));
        assertThat(letters).extracting(DeadLetters.Entry::sequence).containsExactlyInAnyOrder(1L, 1L, 5L);
        // The alarm: counted by reason, and health says so.
        assertThat(refusedCount() - refusedBefore).isGreaterThanOrEqualTo(3);
        Health now = health.health();
        assertThat((Long) now.getDetails().get("refusedEvents")).isGreaterThanOrEqualTo(3);
        assertThat(now.getDetails().get("refusedMessage").toString()).contains("CẢNH BÁO");
    }

    @Test
    void eventsAfterAMissingOneWaitAndAreAppliedOnceItArrives() throws Exception {
        ProducerRecord<String, byte[]> first = genuine.next(Topics.PLAN_EVENTS, plan, created(), actor());
        ProducerRecord<String, byte[]> missing = genuine.next(Topics.PLAN_EVENTS, plan, item("muc-1"), actor());
        ProducerRecord<String, byte[]> after = genuine.next(Topics.PLAN_EVENTS, plan, item("muc-2"), actor());
        ProducerRecord<String, byte[]> later = genuine.next(Topics.PLAN_EVENTS, plan, item("muc-3"), actor());
        send(first);
        send(after);
        send(later);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> letters().size() == 2);
        assertThat(jdbc.queryForObject("select count(*) from item_progress where plan_id = ?", Long.class, plan)).isZero();

        send(missing);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> letters().isEmpty());
        assertThat(jdbc.queryForList("select item_id from item_progress where plan_id = ? order by position", String.class, plan))
                .containsExactly("muc-1", "muc-2", "muc-3");
        assertThat(jdbc.queryForObject("select sequence from plan_chain where plan_id = ?", Long.class, plan)).isEqualTo(3);
    }

    /** A record with the topic key at a sequence of the test's choosing, linked to {@code previous}. */
    private ProducerRecord<String, byte[]> linked(long sequence, Object payload, String previous) {
        String id = UUID.randomUUID().toString();
        MetaData metadata = actor().and(ChainLink.PREVIOUS_HASH_KEY, previous)
                .and(ChainLink.HASH_KEY, ChainLink.standInHash(previous, id));
        return new CloudEventsConverter(SharedTestStack.keys().topicSeal()).createKafkaMessage(new GenericDomainEventMessage<>(
                CloudEventsConverter.AGGREGATE_TYPE, plan, sequence, payload, metadata, id, Instant.now()), Topics.PLAN_EVENTS);
    }

    private ProducerRecord<String, byte[]> send(ProducerRecord<String, byte[]> record) throws Exception {
        producer.send(record).get();
        return record;
    }

    private static String id(ProducerRecord<String, byte[]> record) throws Exception {
        return vn.caitien.api.wire.WireJson.mapper().readTree(record.value()).get("id").asText();
    }

    private List<DeadLetters.Entry> letters() {
        return deadLetters.list().stream().filter(l -> plan.equals(l.planId())).toList();
    }

    private double refusedCount() {
        return api.get("/actuator/prometheus", null).body().lines()
                .filter(line -> line.startsWith("caitien_events_refused_total") && line.contains("processor=\"monitoring\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static MetaData actor() { return MetaData.with("actor", "Hội đồng tự đánh giá - Kiểm thử"); }

    private PlanCreated created() {
        return new PlanCreated(PlanId.of(plan), new School("Trường Tiểu học Chuỗi Thật", "79099777", SchoolType.TIEU_HOC,
                List.of("Thành phố Hồ Chí Minh", "Quận 10")), "TT17-2018", SchoolYear.parse("2023-2024"), "1/KH", null, null,
                List.of(), null);
    }

    private ActionItemAdded item(String itemId) {
        return new ActionItemAdded(PlanId.of(plan), ActionItemId.of(itemId), new ActionItemDetails(CriterionCode.parse("1.1"),
                LevelGroup.LEVELS_1_TO_3, "Mục tiêu " + itemId, List.of(), List.of("Thực hiện"), "Tổ trưởng", List.of(),
                new Schedule(YearMonth.of(2023, 9), YearMonth.of(2024, 5), "cả năm"), Budget.none("Không"), null, null), null);
    }
}
