package vn.caitien.readside.messaging;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The projection's writes for a batch of events, sent together just before the batch's transaction
 * commits: consecutive statements of the same kind as one JDBC batch, the events' dedup marks as one
 * statement. Sent one at a time, each event cost three round trips to a database that the command side
 * keeps busy, and under a steady load the read model fell seconds behind.
 * <p>
 * The statements run in the order the events were handled, in the same transaction, so each sees what
 * the ones before it wrote, exactly as when sent one by one. A batch the database refuses (a poison event
 * breaking a constraint) is rolled back whole and retried by the processor; any batch holding one of its
 * events then goes event by event, each after its own savepoint, so the poison is parked in the
 * dead-letter queue and the rest applied.
 */
public class QueuedWrites {
    private static final Logger log = LoggerFactory.getLogger(QueuedWrites.class);
    private static final Object KEY = QueuedWrites.class.getName() + ".batch";
    private final JdbcTemplate jdbc;
    /** Events of a batch the database refused, until a batch written event by event has applied or parked them. */
    private final Set<String> suspects = ConcurrentHashMap.newKeySet();

    public QueuedWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes now, or with the rest of the processor's batch just before it commits. */
    public void update(String sql, Object... arguments) {
        Batch batch = TransactionSynchronizationManager.isSynchronizationActive()
                ? (Batch) TransactionSynchronizationManager.getResource(KEY) : null;
        if (batch == null || batch.careful) jdbc.update(sql, arguments);
        else batch.add(sql, arguments);
    }

    /**
     * Sends now what the batch's earlier events queued, so that a read made while handling this event (a
     * projection that folds the plan's history, say) sees their writes; this event's own stay queued, so a
     * failure still drops them. Nothing to do outside a queued batch.
     */
    public void flush() {
        Batch batch = TransactionSynchronizationManager.isSynchronizationActive()
                ? (Batch) TransactionSynchronizationManager.getResource(KEY) : null;
        if (batch != null && !batch.careful) batch.sendEarlierEvents();
    }

    /**
     * The queued batch of the processor's transaction, or null when this event is written as it is
     * handled (outside a processor batch — a dead letter retried, say — or in a careful batch).
     */
    Batch batchFor(UnitOfWork<? extends EventMessage<?>> unitOfWork, String processorName) {
        if (!(unitOfWork instanceof BatchingUnitOfWork<? extends EventMessage<?>> batching)
                || !TransactionSynchronizationManager.isSynchronizationActive()) return null;
        Batch batch = (Batch) TransactionSynchronizationManager.getResource(KEY);
        if (batch == null) {
            List<String> ids = batching.getMessages().stream().map(EventMessage::getIdentifier).distinct().toList();
            batch = new Batch(processorName, ids, ids.stream().anyMatch(suspects::contains));
            if (!batch.careful) batch.appliedBefore.addAll(alreadyApplied(ids, processorName));
            TransactionSynchronizationManager.bindResource(KEY, batch);
            TransactionSynchronizationManager.registerSynchronization(batch);
        }
        return batch.careful ? null : batch;
    }

    /** Of these events, the ids this processor has applied before: one query for the whole batch. */
    private List<String> alreadyApplied(List<String> ids, String processorName) {
        return jdbc.queryForList("select event_id from processed_event where processor_name = ? and event_id = any(?)",
                String.class, processorName, ids.toArray(String[]::new));
    }

    /** One batch's queued statements and the events it applies. */
    final class Batch implements TransactionSynchronization {
        private final String processorName;
        /** The events of the processor's batch. */
        private final List<String> ids;
        private final boolean careful;
        private final List<String> statements = new ArrayList<>();
        private final List<Object[]> arguments = new ArrayList<>();
        /** Applied before this batch. */
        private final Set<String> appliedBefore = new HashSet<>();
        /** Applied by this batch: the marks it writes. */
        private final Set<String> marks = new LinkedHashSet<>();
        /** Statements before this one have been sent ({@link #flush}). */
        private int sent;
        /** Where the event being handled began to queue. */
        private int eventStart;

        private Batch(String processorName, List<String> ids, boolean careful) {
            this.processorName = processorName;
            this.ids = ids;
            this.careful = careful;
        }

        /** Whether the event is new to the processor; it then counts as applied unless {@link #undo} says otherwise. */
        boolean claim(String eventId) {
            if (appliedBefore.contains(eventId) || !marks.add(eventId)) return false;
            eventStart = statements.size();
            return true;
        }

        int size() { return statements.size(); }

        /** The event was parked or failed: forget what it queued from {@code from} on, and its mark. */
        void undo(String eventId, int from) {
            statements.subList(from, statements.size()).clear();
            arguments.subList(from, arguments.size()).clear();
            marks.remove(eventId);
        }

        private void add(String sql, Object[] args) {
            statements.add(sql);
            arguments.add(args);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (careful) return;
            refusedAsBatch(() -> {
                send(statements.size());
                if (marks.isEmpty()) return;
                jdbc.update("insert into processed_event (processor_name, event_id) select ?, unnest(?::text[]) "
                        + "on conflict do nothing", processorName, marks.toArray(String[]::new));
            });
        }

        private void sendEarlierEvents() {
            refusedAsBatch(() -> send(eventStart));
        }

        /** A refusal makes the processor's retry of this batch go event by event. */
        private void refusedAsBatch(Runnable write) {
            try {
                write.run();
            } catch (RuntimeException e) {
                suspects.addAll(ids);
                log.warn("Cơ sở dữ liệu từ chối một lô {} sự kiện; lô được làm lại, từng sự kiện một: {}", marks.size(),
                        e.toString());
                throw e;
            }
        }

        /** Sends the statements not sent yet, up to {@code until}: runs of the same statement as one JDBC batch. */
        private void send(int until) {
            for (int from = sent; from < until; ) {
                String sql = statements.get(from);
                int to = from + 1;
                while (to < until && statements.get(to).equals(sql)) to++;
                if (to - from == 1) jdbc.update(sql, arguments.get(from));
                else jdbc.batchUpdate(sql, arguments.subList(from, to));
                from = to;
            }
            sent = Math.max(sent, until);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
            if (careful && status == STATUS_COMMITTED) ids.forEach(suspects::remove);
        }
    }
}
