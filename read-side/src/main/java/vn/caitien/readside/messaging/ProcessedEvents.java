package vn.caitien.readside.messaging;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lets each event id through once per processor. Kafka and the publisher deliver at least once;
 * the mark is written in the handler's transaction, so a rolled-back batch is retried in full. In a
 * processor batch the marks are looked up and written once for the batch ({@link QueuedWrites}).
 * Each event runs after its own savepoint: an event parked in the dead-letter queue loses its mark
 * with the rest of its work, so a retry applies it.
 */
public class ProcessedEvents implements MessageHandlerInterceptor<EventMessage<?>> {
    private final JdbcTemplate jdbc;
    private final QueuedWrites writes;
    private final String processorName;

    public ProcessedEvents(JdbcTemplate jdbc, QueuedWrites writes, String processorName) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.processorName = processorName;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String eventId = unitOfWork.getMessage().getIdentifier();
        QueuedWrites.Batch batch = writes.batchFor(unitOfWork, processorName);
        if (batch != null) {
            // The batch knows which of its events were applied before; the marks go with its writes.
            if (!batch.claim(eventId)) return null;
            int from = batch.size();
            return EventSavepoints.queued(eventId, () -> batch.undo(eventId, from), chain::proceed);
        }
        return EventSavepoints.around(jdbc.getDataSource(), eventId, () -> {
            int inserted = jdbc.update(
                    "insert into processed_event (processor_name, event_id) values (?, ?) on conflict do nothing",
                    processorName, eventId);
            return inserted == 0 ? null : chain.proceed();
        });
    }
}
