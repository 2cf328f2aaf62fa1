package vn.caitien.planservice.messaging;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.messaging.EventPublicationFailedException;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.axonframework.extensions.kafka.eventhandling.producer.TopicResolver;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import vn.caitien.api.chain.TopicSeal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes a batch of stored events to Kafka and waits for the broker's acknowledgements once, before
 * the batch's token is committed. The extension's own publisher waits for each event's ack before
 * sending the next, one broker round trip per event, which kept dashboards tens of seconds behind
 * while schools were busy recording. The guarantee is unchanged: a send that fails or is not
 * acknowledged in time fails the batch, its transaction (token included) rolls back and the batch is
 * sent again — at least once, in store order per plan (idempotent producer, one partition per plan).
 * Every record carries the topic seal, without which the read services refuse it.
 */
final class PipelinedKafkaPublisher extends KafkaPublisher<String, byte[]> {
    private static final String PENDING = PipelinedKafkaPublisher.class.getName() + ".pending";

    private final ProducerFactory<String, byte[]> producers;
    private final KafkaMessageConverter<String, byte[]> converter;
    private final TopicResolver topics;
    private final TopicSeal seal;
    private final Duration ackTimeout;

    PipelinedKafkaPublisher(ProducerFactory<String, byte[]> producers, KafkaMessageConverter<String, byte[]> converter,
                            TopicResolver topics, Serializer serializer, TopicSeal seal, Duration ackTimeout) {
        super(KafkaPublisher.<String, byte[]>builder().producerFactory(producers).messageConverter(converter)
                .serializer(serializer).topicResolver(topics).publisherAckTimeout(ackTimeout.toMillis()));
        if (producers.confirmationMode().isTransactional()) {
            throw new IllegalArgumentException("Pipelined publishing waits for acks; Kafka transactions are not used");
        }
        this.producers = producers;
        this.converter = converter;
        this.topics = topics;
        this.seal = seal;
        this.ackTimeout = ackTimeout;
    }

    @Override
    public <T extends EventMessage<?>> void send(T event) {
        Optional<String> topic = topics.resolve(event);
        if (topic.isEmpty()) return;
        Producer<String, byte[]> producer = producers.createProducer();
        Future<RecordMetadata> sent = producer.send(seal.seal(converter.createKafkaMessage(event, topic.get())));
        if (!CurrentUnitOfWork.isStarted()) {
            awaitAll(List.of(sent));
            return;
        }
        pending(CurrentUnitOfWork.get()).add(sent);
    }

    /** One list per unit of work (the processor's batch); awaited once when the batch prepares to commit. */
    private List<Future<RecordMetadata>> pending(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> root = unitOfWork.root();
        return root.getOrComputeResource(PENDING, key -> {
            List<Future<RecordMetadata>> futures = new ArrayList<>();
            root.onPrepareCommit(u -> awaitAll(futures));
            return futures;
        });
    }

    private void awaitAll(List<Future<RecordMetadata>> futures) {
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        try {
            for (Future<RecordMetadata> f : futures) f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventPublicationFailedException("Interrupted while waiting for Kafka to acknowledge events", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new EventPublicationFailedException("Kafka did not acknowledge " + futures.size() + " events", e);
        }
    }
}
