package vn.caitien.monitoring.messaging;

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

    public ParkingDeadLetterQueue(Builder<EventMessage<?>> builder) {
        super(builder);
    }

    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends EventMessage<?>> letter)
            throws DeadLetterQueueOverflowException {
        EventSavepoints.parked(letter.message().getIdentifier());
        super.enqueue(sequenceIdentifier, letter);
    }
}
