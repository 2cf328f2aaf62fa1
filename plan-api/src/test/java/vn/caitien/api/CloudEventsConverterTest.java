package vn.caitien.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import vn.caitien.api.item.ActionItemId;
import vn.caitien.api.item.Money;
import vn.caitien.api.plan.PlanId;
import vn.caitien.api.progress.EvidenceCode;
import vn.caitien.api.progress.IndicatorValue;
import vn.caitien.api.progress.ProgressRecorded;
import vn.caitien.api.progress.ProgressStatus;
import vn.caitien.api.wire.CloudEventsConverter;
import vn.caitien.api.wire.EventTypes;
import vn.caitien.api.wire.WireJson;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CloudEventsConverterTest {
    private final CloudEventsConverter converter = new CloudEventsConverter();
    private final ProgressRecorded progress = new ProgressRecorded(PlanId.of("plan-1"), ActionItemId.of("item-1"), "p-1",
            ProgressStatus.DANG_THUC_HIEN, 60, List.of(new IndicatorValue("Sĩ số", new BigDecimal("36"))),
            "Đã biên chế lại lớp", List.of(EvidenceCode.parse("[H1-1.5-01]")), Money.of(1_500_000),
            LocalDate.of(2024, 1, 10));
    private final EventMessage<?> event = new GenericDomainEventMessage<>("Plan", "plan-1", 17, progress,
            Map.of("actor", "Nguyễn Thị Mai", "correlationId", "c-1"));

    @Test
    void writesAStructuredCloudEventReadableWithoutJava() throws Exception {
        ProducerRecord<String, byte[]> record = converter.createKafkaMessage(event, "caitien.plan.events");
        assertThat(record.key()).isEqualTo("plan-1");
        assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .isEqualTo(CloudEventsConverter.CONTENT_TYPE);
        JsonNode json = WireJson.mapper().readTree(record.value());
        for (String attribute : CloudEventsConverter.requiredAttributes()) assertThat(json.has(attribute)).isTrue();
        assertThat(json.get("type").asText()).isEqualTo("vn.caitien.plan.ProgressRecorded");
        assertThat(json.get("subject").asText()).isEqualTo("plan-1");
        assertThat(json.get("sequence").asText()).isEqualTo("17");
        assertThat(json.get("actor").asText()).isEqualTo("Nguyễn Thị Mai");
        assertThat(json.get("correlationid").asText()).isEqualTo("c-1");
        assertThat(json.at("/data/effectiveDate").asText()).isEqualTo("2024-01-10");
        assertThat(json.at("/data/evidenceCodes/0").asText()).isEqualTo("[H1-1.5-01]");
        assertThat(json.at("/data/amountSpentToDate").asLong()).isEqualTo(1_500_000);
    }

    @Test
    void readsBackTheSameEventIdentityPositionAndMetadata() {
        ProducerRecord<String, byte[]> written = converter.createKafkaMessage(event, "caitien.plan.events");
        Optional<EventMessage<?>> read = converter.readKafkaMessage(
                new ConsumerRecord<>("caitien.plan.events", 0, 5, written.key(), written.value()));
        assertThat(read).isPresent();
        DomainEventMessage<?> message = (DomainEventMessage<?>) read.get();
        assertThat(message.getIdentifier()).isEqualTo(event.getIdentifier());
        assertThat(message.getPayload()).isEqualTo(progress);
        assertThat(message.getSequenceNumber()).isEqualTo(17);
        assertThat(message.getAggregateIdentifier()).isEqualTo("plan-1");
        assertThat(message.getTimestamp()).isEqualTo(event.getTimestamp());
        assertThat(message.getMetaData()).containsEntry("actor", "Nguyễn Thị Mai").containsEntry("correlationId", "c-1");
    }

    @Test
    void skipsTypesItDoesNotKnowAndUnreadableRecords() {
        byte[] unknown = "{\"specversion\":\"1.0\",\"type\":\"vn.caitien.plan.Future\",\"id\":\"x\",\"data\":{}}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(converter.readKafkaMessage(new ConsumerRecord<>("t", 0, 0, "k", unknown))).isEmpty();
        assertThat(converter.readKafkaMessage(new ConsumerRecord<>("t", 0, 1, "k", "not json".getBytes()))).isEmpty();
    }

    @Test
    void everyEventHasAStableWireName() {
        assertThat(EventTypes.all()).allSatisfy(type ->
                assertThat(EventTypes.classOf(EventTypes.nameOf(type))).contains(type));
    }
}
