package vn.caitien.readside.messaging;

import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.consumer.ConsumerFactory;
import org.axonframework.extensions.kafka.eventhandling.consumer.Fetcher;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.Buffer;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.StreamableKafkaMessageSource;
import org.axonframework.serialization.Serializer;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hands a read service's processor the records in the order the fetcher read them, which keeps every
 * partition in offset order.
 * <p>
 * The Kafka extension's default buffer re-sorts the records of all partitions by timestamp, but each
 * record carries the token the fetcher had when it read it, and that token already counts the records
 * read before it from other partitions. After re-sorting, a processed record could carry the position of
 * a record of another partition not yet processed; once that token was stored, a restart (after a failed
 * batch, a crash or a rebuild) went on after the unprocessed record and the read model never saw it. In
 * arrival order each record's token counts only records handed out before it. Events of one plan share
 * a partition, so the order between partitions means nothing to the projections.
 */
public final class ArrivalOrderBuffer implements Buffer<KafkaEventMessage> {
    private final ArrayDeque<KafkaEventMessage> records = new ArrayDeque<>();
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    /** Set by the fetcher when it stops on an error: raised to the processor once the records before it are taken. */
    private volatile RuntimeException failure;

    /**
     * The read services' event source: the topic read from the positions in the processor's token, through
     * buffers of this kind.
     */
    public static StreamableKafkaMessageSource<String, byte[]> source(String topic, Serializer serializer,
                                                                      ConsumerFactory<String, byte[]> consumers,
                                                                      Fetcher<String, byte[], KafkaEventMessage> fetcher,
                                                                      KafkaMessageConverter<String, byte[]> converter,
                                                                      int bufferSize) {
        StreamableKafkaMessageSource.Builder<String, byte[]> builder = StreamableKafkaMessageSource.<String, byte[]>builder()
                .serializer(serializer)
                .consumerFactory(consumers)
                .fetcher(fetcher)
                .messageConverter(converter)
                .bufferFactory(() -> new ArrivalOrderBuffer(bufferSize));
        builder.topics(List.of(topic));
        return builder.build();
    }

    public ArrivalOrderBuffer(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive, not " + capacity);
        this.capacity = capacity;
    }

    @Override
    public void put(KafkaEventMessage record) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (records.size() >= capacity) notFull.await();
            records.addLast(record);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void putAll(Collection<KafkaEventMessage> batch) throws InterruptedException {
        for (KafkaEventMessage record : batch) put(record);
    }

    @Override
    public KafkaEventMessage poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (records.isEmpty()) {
                raiseFailure();
                if (nanos <= 0) return null;
                nanos = notEmpty.awaitNanos(nanos);
            }
            return taken();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public KafkaEventMessage take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (records.isEmpty()) {
                raiseFailure();
                notEmpty.await();
            }
            return taken();
        } finally {
            lock.unlock();
        }
    }

    private KafkaEventMessage taken() {
        KafkaEventMessage record = records.removeFirst();
        notFull.signal();
        return record;
    }

    @Override
    public KafkaEventMessage peek() {
        lock.lock();
        try {
            if (records.isEmpty()) raiseFailure();
            return records.peekFirst();
        } finally {
            lock.unlock();
        }
    }

    private void raiseFailure() {
        RuntimeException e = failure;
        if (e != null) throw e;
    }

    @Override
    public int size() {
        lock.lock();
        try {
            return records.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isEmpty() { return size() == 0; }

    @Override
    public int remainingCapacity() { return capacity - size(); }

    @Override
    public void clear() {
        lock.lock();
        try {
            records.clear();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void setException(RuntimeException exception) {
        failure = exception;
        lock.lock();
        try {
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
