package vn.caitien.readside.deadletter;

import vn.caitien.readside.messaging.EventSavepoints;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.DeadLetterQueueOverflowException;


/**
 * Axon's JDBC dead-letter queue, which first rolls the event's work back to its savepoint: the
 * handler's failed statement (PostgreSQL would refuse everything after it) and the dedup mark that
 * would otherwise make a retry skip the event. Also covers events parked only because an earlier
 * event of their plan is already in the queue.
 */
public class ParkingDeadLetterQueue extends JdbcSequencedDeadLetterQueue<EventMessage<?>> {

    private static final long TRUST_EMPTY_NANOS = 1_000_000_000L;
    private volatile long emptyCheckedAt = System.nanoTime() - TRUST_EMPTY_NANOS;

    public ParkingDeadLetterQueue(Builder<EventMessage<?>> builder) {
        super(builder);
    }

    /**
     * Asked before every event ("is its plan parked?"). The answer "no letters at all" is trusted for a
     * second instead of querying per event; letters this instance parks reset it at once. Another
     * instance can only park letters after claiming the processor's segment, which takes longer than
     * that second, and letters taken out by a retry only make "no" more true.
     */
    @Override
    public boolean contains(Object sequenceIdentifier) {
        long now = System.nanoTime();
        if (now - emptyCheckedAt < TRUST_EMPTY_NANOS) return false;
        if (size() == 0) {
            emptyCheckedAt = now;
            return false;
        }
        return super.contains(sequenceIdentifier);
    }

    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends EventMessage<?>> letter)
            throws DeadLetterQueueOverflowException {
        emptyCheckedAt = System.nanoTime() - TRUST_EMPTY_NANOS;
        EventSavepoints.parked(letter.message().getIdentifier());
        super.enqueue(sequenceIdentifier, letter);
    }
}
