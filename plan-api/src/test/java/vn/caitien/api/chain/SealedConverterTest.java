package vn.caitien.api.chain;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;
import vn.caitien.api.plan.PlanApproved;
import vn.caitien.api.plan.PlanId;
import vn.caitien.api.wire.ChainedRecords;
import vn.caitien.api.wire.CloudEventsConverter;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SealedConverterTest {
    private final TopicSeal seal = new TopicSeal(new byte[32]);
    private final CloudEventsConverter reader = new CloudEventsConverter(seal);

    @Test
    void recordsMadeHereAreSealedAndLinkedAndReadAsValid() {
        ChainedRecords records = new ChainedRecords(seal);
        PlanApproved approved = new PlanApproved(PlanId.of("p"), LocalDate.of(2024, 1, 2), "Trần Thị Hồng");
        ProducerRecord<String, byte[]> first = records.next("t", "p", approved, Map.of("actor", "A"));
        ProducerRecord<String, byte[]> second = records.next("t", "p", approved, Map.of("actor", "A"));
        EventMessage<?> a = read(first);
        EventMessage<?> b = read(second);
        assertThat(a.getMetaData()).containsEntry(TopicSeal.CHECK, TopicSeal.VALID)
                .containsEntry(ChainLink.PREVIOUS_HASH_KEY, ChainLink.GENESIS);
        assertThat(((DomainEventMessage<?>) b).getSequenceNumber()).isEqualTo(1);
        assertThat(b.getMetaData().get(ChainLink.PREVIOUS_HASH_KEY)).isEqualTo(a.getMetaData().get(ChainLink.HASH_KEY));
        assertThat(ChainLink.check("p", new ChainLink.Head(0, (String) a.getMetaData().get(ChainLink.HASH_KEY)), 1,
                (String) b.getMetaData().get(ChainLink.PREVIOUS_HASH_KEY), (String) b.getMetaData().get(ChainLink.HASH_KEY))
                .extendsChain()).isTrue();
    }

    @Test
    void aRecordWithoutSealOrWithAnotherKeysSealOrAClaimedCheckIsNotValid() {
        ProducerRecord<String, byte[]> sealed = new ChainedRecords(seal).next("t", "p",
                new PlanApproved(PlanId.of("p"), LocalDate.of(2024, 1, 2), "X"), Map.of());
        byte[] claimsValid = new String(sealed.value(), StandardCharsets.UTF_8)
                .replace("\"specversion\"", "\"topicSealCheck\":\"VALID\",\"specversion\"").getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<String, byte[]> unsealed = new ConsumerRecord<>("t", 0, 0, "p", claimsValid);
        assertThat(reader.readKafkaMessage(unsealed).orElseThrow().getMetaData().get(TopicSeal.CHECK))
                .isEqualTo(TopicSeal.MISSING);
        ProducerRecord<String, byte[]> otherKey = new TopicSeal(new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
                15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32})
                .seal(new ProducerRecord<>("t", "p", sealed.value()));
        assertThat(read(otherKey).getMetaData().get(TopicSeal.CHECK)).isEqualTo(TopicSeal.WRONG);
        ConsumerRecord<String, byte[]> changed = new ConsumerRecord<>("t", 0, 0, "p", claimsValid);
        changed.headers().add(new RecordHeader(TopicSeal.HEADER, sealed.headers().lastHeader(TopicSeal.HEADER).value()));
        assertThat(reader.readKafkaMessage(changed).orElseThrow().getMetaData().get(TopicSeal.CHECK)).isEqualTo(TopicSeal.WRONG);
    }

    private EventMessage<?> read(ProducerRecord<String, byte[]> record) {
        ConsumerRecord<String, byte[]> consumed = new ConsumerRecord<>(record.topic(), 0, 0, record.key(), record.value());
        record.headers().forEach(h -> consumed.headers().add(h));
        return reader.readKafkaMessage(consumed).orElseThrow();
    }
}
