package vn.caitien.monitoring.progress;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.caitien.api.plan.PlanEvent;
import vn.caitien.readmodel.PlanRows;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The rows of the plans a processor batch touches. Within a batch they are read once (three queries for
 * every plan of the batch) and then kept as the batch changes them, so an event costs no read of its own.
 * Across batches the rows a committed batch left are kept too, for the plans most recently changed
 * ({@code caitien.monitoring.kept-plans}): a plan that records progress all day is then never read back.
 * <p>
 * Kept rows are used only for the event right after the last one they applied (the plan's next
 * sequence number). Anything else — a gap, another instance having taken over the processor for a while,
 * an event parked and retried, a rebuild — reads the plan from the tables again, so the kept rows can never
 * stand in for rows the database has moved past. A rolled-back batch forgets what it changed; an event that
 * fails leaves its plan's rows as they were, and the dead-letter queue then holds the plan's later events.
 */
@Component
class LoadedPlans {
    private static final Object KEY = LoadedPlans.class.getName() + ".rows";
    private final PlanRowsStore store;
    private final Map<String, PlanRows> kept;

    LoadedPlans(PlanRowsStore store, @Value("${caitien.monitoring.kept-plans:500}") int keptPlans) {
        this.store = store;
        this.kept = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PlanRows> eldest) {
                return size() > keptPlans;
            }
        };
    }

    /** The plan's rows as this transaction has them so far, to apply its event number {@code sequence}. */
    PlanRows rows(String planId, long sequence) {
        Map<String, PlanRows> batch = batch();
        if (batch == null) return store.load(Set.of(planId)).get(planId);
        PlanRows rows = batch.get(planId);
        if (rows != null) return rows;
        Map<String, Long> firstSequences = batchFirstSequences();
        firstSequences.putIfAbsent(planId, sequence);
        firstSequences.keySet().removeAll(batch.keySet());
        Set<String> toRead = new LinkedHashSet<>();
        synchronized (kept) {
            firstSequences.forEach((id, first) -> {
                PlanRows known = kept.get(id);
                if (known != null && first >= 0 && known.lastSequence() == first - 1) batch.put(id, known);
                else toRead.add(id);
            });
        }
        if (!toRead.isEmpty()) batch.putAll(store.load(toRead));
        return batch.get(planId);
    }

    /** The event is applied: its writes are queued and these are the plan's rows now. */
    void applied(String planId, PlanRows rows) {
        Map<String, PlanRows> batch = batch();
        if (batch != null) batch.put(planId, rows);
    }

    /** A rebuild or a reset rewrote the tables: nothing kept is known to match them. */
    @EventListener(ReadModelRebuilt.class)
    void forgetAll() {
        synchronized (kept) {
            kept.clear();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, PlanRows> batch() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) return null;
        Map<String, PlanRows> rows = (Map<String, PlanRows>) TransactionSynchronizationManager.getResource(KEY);
        if (rows == null) {
            Map<String, PlanRows> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(KEY, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    keep(fresh);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
            rows = fresh;
        }
        return rows;
    }

    /** What a committed batch left, for the plans' next events; rows read but not changed say nothing new. */
    private void keep(Map<String, PlanRows> committed) {
        synchronized (kept) {
            committed.forEach((planId, rows) -> {
                if (rows.plan() != null && rows.lastSequence() >= 0) kept.put(planId, rows);
            });
        }
    }

    /** The plans of the processor's batch, each with the sequence number of its first event there. */
    private static Map<String, Long> batchFirstSequences() {
        Map<String, Long> first = new LinkedHashMap<>();
        if (!CurrentUnitOfWork.isStarted()) return first;
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batching)) return first;
        for (Object message : batching.getMessages()) {
            try {
                if (message instanceof DomainEventMessage<?> event && event.getPayload() instanceof PlanEvent e
                        && e.planId() != null) {
                    first.putIfAbsent(e.planId().value(), event.getSequenceNumber());
                }
            } catch (RuntimeException unreadable) {
                // An event that cannot be read is not read ahead; handling it reports the problem.
            }
        }
        return first;
    }
}
