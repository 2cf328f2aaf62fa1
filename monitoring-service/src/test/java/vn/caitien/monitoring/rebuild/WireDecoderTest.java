package vn.caitien.monitoring.rebuild;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import vn.caitien.api.plan.PlanEvent;
import vn.caitien.api.progress.EvidenceCode;
import vn.caitien.api.progress.ProgressRecorded;
import vn.caitien.api.progress.ProgressStatus;
import vn.caitien.api.wire.CloudEventsConverter;
import vn.caitien.api.wire.MetadataKeys;
import vn.caitien.infra.synthetic.SyntheticData;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk decoder reads every record it takes as the live converter does, and leaves to the converter
 * (answers null) every shape it might read differently, including those the converter skips.
 */
class WireDecoderTest {
    static final String ENVELOPE = """
            {"specversion": "1.0", "id": "e-1", "source": "/caitien/plan-service", "type": "vn.caitien.plan.ProgressRecorded",
             "subject": "plan-1", "sequence": "7", "time": "2024-01-12T02:15:04.118Z", "actor": "Tổ giám sát - Mai",
             "correlationid": "c-1", "data": %s}""";
    static final String DATA = """
            {"planId": "plan-1", "itemId": "item-1", "progressId": "p-1", "status": "DANG_THUC_HIEN", "percent": %s,
             "indicatorValues": [{"name": "Sĩ số", "value": %s}], "narrative": "Đã làm", "evidenceCodes": ["H1-1.5-1"],
             "amountSpentToDate": 1500000, "effectiveDate": "2024-01-10"}""";
    final WireDecoder decoder = new WireDecoder(EvidenceCode::parse);
    final CloudEventsConverter converter = new CloudEventsConverter();

    @Test
    void everySyntheticRecordTakesTheFastPathAndReadsAsTheConverterReadsIt() throws Exception {
        SyntheticData data = new SyntheticData(11, 6, 2, 3, 9);
        int records = 0;
        for (int i = 0; i < data.schools(); i++) {
            for (SyntheticData.WireEvent event : data.plan(i).cloudEvents()) {
                byte[] value = event.value().getBytes(StandardCharsets.UTF_8);
                assertSameAsConverter(value);
                records++;
            }
        }
        assertThat(records).isGreaterThan(100);
    }

    @Test
    void shapesStreamingWouldReadDifferentlyTakeTheConvertersPath() throws Exception {
        List<String> unusual = new ArrayList<>();
        // Fractional numbers where no decimal is declared.
        unusual.add(ENVELOPE.formatted(DATA.formatted("6E+1", "3")));
        unusual.add(ENVELOPE.formatted(DATA.formatted("60", "3")).replace("1500000", "1.5E+6"));
        unusual.add(ENVELOPE.formatted(DATA.formatted("60", "3")).replace("\"Đã làm\"", "1.5"));
        // Repeated keys: a tree keeps the last.
        unusual.add(ENVELOPE.formatted(DATA.formatted("60", "3")).replace("\"actor\":", "\"actor\": \"Khác\", \"actor\":"));
        unusual.add(ENVELOPE.formatted(DATA.formatted("60", "3").replace("\"percent\":", "\"percent\": 10, \"percent\":")));
        // Numbers where text is expected, text where a number is.
        unusual.add(ENVELOPE.formatted(DATA.formatted("\"60\"", "3").replace("\"Đã làm\"", "-0")));
        unusual.add(ENVELOPE.formatted(DATA.formatted("60", "3")).replace("\"sequence\": \"7\"", "\"sequence\": 7"));
        // The payload before its type.
        unusual.add("""
                {"data": %s, "id": "e-2", "type": "vn.caitien.plan.ProgressRecorded", "subject": "plan-1", "sequence": "8",
                 "time": "2024-01-12T02:15:04Z"}""".formatted(DATA.formatted("null", "null")));
        // Attributes the converter would read into metadata the rebuild reads, or without which it reads defaults.
        unusual.add(ENVELOPE.formatted(DATA.formatted("60", "3")).replace("\"correlationid\"", "\"previousHash\""));
        unusual.add(ENVELOPE.formatted(DATA.formatted("60", "3")).replace("\"correlationid\"", "\"topicSealCheck\""));
        unusual.add(ENVELOPE.formatted(DATA.formatted("60", "3")).replace("\"sequence\": \"7\",", ""));
        unusual.add(ENVELOPE.formatted(DATA.formatted("60", "3")).replace("\"subject\": \"plan-1\",", ""));
        unusual.add(ENVELOPE.formatted(DATA.formatted("60", "3")).replace("\"sequence\": \"7\"", "\"sequence\": null"));
        for (String record : unusual) {
            assertThat(fastOrNull(record.getBytes(StandardCharsets.UTF_8))).as(record).isNull();
        }
    }

    @Test
    void decimalsAreReadThroughADoubleAsATreeReadsThem() {
        for (String value : List.of("1.50", "3E+1", "1e2", "0.1", "-0.0", "1E-7", "123456789.123456789", "2.5e-300",
                "99999999999999999999.5", "30", "-7", "123456789012345678901234567890")) {
            byte[] record = ENVELOPE.formatted(DATA.formatted("60", value)).getBytes(StandardCharsets.UTF_8);
            assertSameAsConverter(record);
        }
        DecodedEvent fractional = fastOrNull(ENVELOPE.formatted(DATA.formatted("60", "1.50")).getBytes(StandardCharsets.UTF_8));
        assertThat(((ProgressRecorded) fractional.payload()).indicatorValues().get(0).value()).isEqualTo(new BigDecimal("1.5"));
    }

    @Test
    void whatPlanServiceWritesTakesTheFastPath() throws Exception {
        // Its converter writes BigDecimals through a tree that strips trailing zeros: 30 goes out as 3E+1.
        List<Object> events = List.of(
                RebuildEvents.added("p", "a", "1.1", "x"),
                RebuildEvents.details("1.2", "y", null),
                RebuildEvents.progress("p", "a", ProgressStatus.DANG_THUC_HIEN, 40, 1000L, LocalDate.of(2024, 1, 10),
                        List.of("[H1-1.1-02]"), Map.of("Sĩ số", BigDecimal.valueOf(30), "Tỷ lệ", new BigDecimal("97.50"))));
        for (Object payload : events) {
            if (!(payload instanceof PlanEvent event)) continue;
            byte[] record = converter.createKafkaMessage(new GenericDomainEventMessage<>("Plan", "p", 0, event,
                    MetaData.with(MetadataKeys.ACTOR, "Mai"), UUID.randomUUID().toString(), Instant.now()), "t").value();
            assertThat(new String(record, StandardCharsets.UTF_8)).contains("E+1");
            assertSameAsConverter(record);
        }
    }

    @Test
    void progressRecordsOutsideThePlainShapeAreBoundAsTheConverterBindsThem() {
        List<String> records = List.of(
                ENVELOPE.formatted(DATA.formatted("\"60\"", "3")),
                ENVELOPE.formatted(DATA.formatted("60.0", "3")),
                ENVELOPE.formatted(DATA.formatted("60", "\"3.5\"")),
                ENVELOPE.formatted(DATA.formatted("60", "3")).replace("\"2024-01-10\"", "\"2024-01-10T08:00:00\""),
                ENVELOPE.formatted(DATA.formatted("60", "3")).replace("\"2024-01-10\"", "\" 2024-01-10\""),
                ENVELOPE.formatted(DATA.formatted("60", "3")).replace("\"DANG_THUC_HIEN\"", "1"),
                ENVELOPE.formatted(DATA.formatted("60", "3")).replace("\"DANG_THUC_HIEN\"", "\"dang_thuc_hien\""),
                ENVELOPE.formatted(DATA.formatted("60", "3")).replace("[\"H1-1.5-1\"]", "[\"H1-1.5-1\", null]"),
                ENVELOPE.formatted(DATA.formatted("60", "3")).replace("1500000", "-1"),
                ENVELOPE.formatted(DATA.formatted("60", "3")).replace("1500000", "\"1500000\""),
                ENVELOPE.formatted(DATA.formatted("60", "3")).replace("\"item-1\"", "\"  item-1  \""),
                ENVELOPE.formatted(DATA.formatted("2147483648", "3")),
                ENVELOPE.formatted(DATA.formatted("60", "3")).replace("\"narrative\"", "\"extra\": {\"a\": [1.5, {}]}, \"narrative\""));
        for (String record : records) assertSameAsConverterOrBothSkip(record.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRepeatedKeyInAnItemsDetailsTakesTheConvertersPath() {
        String record = new String(converter.createKafkaMessage(new GenericDomainEventMessage<>("Plan", "p", 0,
                RebuildEvents.added("p", "a", "1.1", "x"), MetaData.with(MetadataKeys.ACTOR, "Mai"),
                UUID.randomUUID().toString(), Instant.now()), "t").value(), StandardCharsets.UTF_8);
        assertThat(record).contains("\"lead\":\"Tổ trưởng\"");
        byte[] repeated = record.replace("\"lead\":\"Tổ trưởng\"", "\"lead\":\"Khác\",\"lead\":\"Tổ trưởng\"")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(converter.readKafkaMessage(new ConsumerRecord<>("t", 0, 0, null, repeated))).isPresent();
        assertThat(fastOrNull(repeated)).isNull();
    }

    @Test
    void recordsTheConverterSkipsAreSkipped() throws Exception {
        List<String> skipped = List.of(
                ENVELOPE.formatted(DATA.formatted("60", "3")).replace("vn.caitien.plan.ProgressRecorded", "vn.caitien.plan.Unknown"),
                "không phải JSON",
                ENVELOPE.formatted(DATA.formatted("60", "3")).replace("\"H1-1.5-1\"", "\"không phải mã\""),
                ENVELOPE.formatted(DATA.formatted("60", "3")).replace("2024-01-12T02:15:04.118Z", "hôm qua"));
        for (String record : skipped) {
            byte[] value = record.getBytes(StandardCharsets.UTF_8);
            assertThat(converter.readKafkaMessage(new ConsumerRecord<>("t", 0, 0, null, value))).isEmpty();
            assertThat(fastOrNull(value)).as(record).isNull();
        }
        assertThat(fastOrNull(null)).isNull();
    }

    /** As the pipeline calls it: an exception means the converter's path too. */
    private DecodedEvent fastOrNull(byte[] value) {
        try {
            return decoder.fast(value);
        } catch (Exception notForTheFastPath) {
            return null;
        }
    }

    private void assertSameAsConverterOrBothSkip(byte[] value) {
        if (converter.readKafkaMessage(new ConsumerRecord<>("t", 0, 0, null, value)).isEmpty()) {
            assertThat(fastOrNull(value)).as(new String(value, StandardCharsets.UTF_8)).isNull();
        } else {
            DecodedEvent fast = fastOrNull(value);
            if (fast != null) assertSameAsConverter(value);
        }
    }

    private void assertSameAsConverter(byte[] value) {
        Optional<EventMessage<?>> expected = converter.readKafkaMessage(new ConsumerRecord<>("t", 0, 0, null, value));
        DecodedEvent actual = fastOrNull(value);
        String what = new String(value, StandardCharsets.UTF_8);
        assertThat(expected).as(what).isPresent();
        assertThat(actual).as(what).isNotNull();
        EventMessage<?> event = expected.get();
        assertThat(actual.payload()).as(what).isEqualTo(event.getPayload());
        assertThat(actual.id()).isEqualTo(event.getIdentifier());
        assertThat(actual.time()).isEqualTo(event.getTimestamp());
        assertThat(actual.actor()).isEqualTo(event.getMetaData().get(MetadataKeys.ACTOR));
        assertThat(actual.subject()).isEqualTo(((DomainEventMessage<?>) event).getAggregateIdentifier());
        assertThat(actual.sequence()).isEqualTo(((DomainEventMessage<?>) event).getSequenceNumber());
        assertThat(actual.previousHash()).isEqualTo(event.getMetaData().get(MetadataKeys.PREVIOUS_HASH));
        assertThat(actual.hash()).isEqualTo(event.getMetaData().get(MetadataKeys.HASH));
    }
}
