package vn.caitien.readside.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.Buffer;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.SortedKafkaMessageBuffer;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.TrackingRecordConverter;
import org.junit.jupiter.api.Test;
import vn.caitien.api.plan.PlanApproved;
import vn.caitien.api.plan.PlanId;
import vn.caitien.readside.messaging.ArrivalOrderBuffer;
import vn.caitien.api.wire.CloudEventsConverter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArrivalOrderBufferTest {
    static final String TOPIC = "caitien.plan.events";
    private final CloudEventsConverter converter = new CloudEventsConverter();

    @Test
    void aRecordHandedOutNeverCarriesThePositionOfOneNotYetHandedOut() throws Exception {
        List<KafkaEventMessage> handedOut = drain(new ArrivalOrderBuffer(100), fetchedFromTwoPartitions());
        assertThat(handedOut).hasSize(6);
        assertThat(positionsAhead(handedOut)).isEmpty();
        // Each partition in offset order.
        assertThat(handedOut.stream().filter(m -> m.partition() == 1).map(KafkaEventMessage::offset)).containsExactly(0L, 1L, 2L);
    }

    /** Why the read services do not use the extension's buffer: sorted by time, a token runs ahead. */
    @Test
    void theExtensionsTimeSortedBufferHandsOutPositionsOfRecordsStillWaiting() throws Exception {
        List<KafkaEventMessage> handedOut = drain(new SortedKafkaMessageBuffer<>(100), fetchedFromTwoPartitions());
        assertThat(positionsAhead(handedOut)).isNotEmpty();
    }

    @Test
    void aFullBufferMakesTheFetcherWaitAndAFetchFailureReachesTheProcessorAfterTheRecordsBeforeIt() throws Exception {
        ArrivalOrderBuffer buffer = new ArrivalOrderBuffer(2);
        List<KafkaEventMessage> records = new TrackingRecordConverter<>(converter, KafkaTrackingToken.emptyToken())
                .convert(fetchedFromTwoPartitions());
        CompletableFuture<Void> fetcher = CompletableFuture.runAsync(() -> {
            try {
                buffer.putAll(records.subList(0, 3));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(buffer.poll(5, TimeUnit.SECONDS)).isSameAs(records.get(0));
        fetcher.get(5, TimeUnit.SECONDS);
        assertThat(buffer.size()).isEqualTo(2);
        assertThat(buffer.remainingCapacity()).isZero();

        buffer.setException(new IllegalStateException("Kafka không trả lời"));
        assertThat(buffer.take()).isSameAs(records.get(1));
        assertThat(buffer.peek()).isSameAs(records.get(2));
        assertThat(buffer.poll(0, TimeUnit.MILLISECONDS)).isSameAs(records.get(2));
        assertThatThrownBy(() -> buffer.poll(10, TimeUnit.MILLISECONDS)).hasMessage("Kafka không trả lời");
        assertThatThrownBy(() -> new ArrivalOrderBuffer(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** One poll: partition 0's records were written after partition 1's, and the fetcher reads partition 0 first. */
    private ConsumerRecords<String, byte[]> fetchedFromTwoPartitions() {
        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> fetched = new LinkedHashMap<>();
        fetched.put(new TopicPartition(TOPIC, 0), records(0, "plan-a", 2_000));
        fetched.put(new TopicPartition(TOPIC, 1), records(1, "plan-b", 1_000));
        return new ConsumerRecords<>(fetched);
    }

    private List<ConsumerRecord<String, byte[]>> records(int partition, String plan, long writtenAt) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int offset = 0; offset < 3; offset++) {
            ProducerRecord<String, byte[]> written = converter.createKafkaMessage(new GenericDomainEventMessage<>("Plan", plan,
                    offset, new PlanApproved(PlanId.of(plan), LocalDate.of(2023, 9, 15), "Trần Văn Hùng")), TOPIC);
            records.add(new ConsumerRecord<>(TOPIC, partition, offset, writtenAt + offset, TimestampType.CREATE_TIME,
                    -1, -1, written.key(), written.value(), written.headers(), Optional.empty()));
        }
        return records;
    }

    private List<KafkaEventMessage> drain(Buffer<KafkaEventMessage> buffer, ConsumerRecords<String, byte[]> poll)
            throws InterruptedException {
        buffer.putAll(new TrackingRecordConverter<>(converter, KafkaTrackingToken.emptyToken()).convert(poll));
        List<KafkaEventMessage> handedOut = new ArrayList<>();
        for (KafkaEventMessage m; (m = buffer.poll(0, TimeUnit.MILLISECONDS)) != null; ) handedOut.add(m);
        return handedOut;
    }

    /** Positions in a record's token of records handed out only after it: what a restart would skip. */
    private static List<String> positionsAhead(List<KafkaEventMessage> handedOut) {
        Map<Integer, Long> seen = new HashMap<>();
        List<String> ahead = new ArrayList<>();
        for (KafkaEventMessage m : handedOut) {
            seen.merge(m.partition(), m.offset(), Math::max);
            ((KafkaTrackingToken) m.value().trackingToken()).getPositions().forEach((partition, offset) -> {
                if (offset > seen.getOrDefault(partition.partition(), -1L)) ahead.add(partition + "@" + offset);
            });
        }
        return ahead;
    }
}
