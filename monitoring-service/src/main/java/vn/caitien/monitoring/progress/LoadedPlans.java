package vn.caitien.monitoring.progress;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.caitien.api.plan.PlanEvent;
import vn.caitien.readmodel.PlanRows;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The rows of the plans a processor batch touches, read once for the whole batch (three queries) and
 * then kept as the batch changes them, so an event costs no read of its own. They live as long as the
 * batch's transaction: a rolled-back batch forgets them with its writes. An event that fails leaves its
 * plan's rows as they were (they are replaced only after it was applied), and the dead-letter queue then
 * holds every later event of that plan, so nothing in the batch applies on top of a change it lost.
 */
@Component
class LoadedPlans {
    private static final Object KEY = LoadedPlans.class.getName() + ".rows";
    private final PlanRowsStore store;

    LoadedPlans(PlanRowsStore store) {
        this.store = store;
    }

    /** The plan's rows as this transaction has them so far. */
    PlanRows rows(String planId) {
        Map<String, PlanRows> batch = batch();
        if (batch == null) return store.load(Set.of(planId)).get(planId);
        PlanRows rows = batch.get(planId);
        if (rows != null) return rows;
        Set<String> planIds = batchPlanIds();
        planIds.add(planId);
        planIds.removeAll(batch.keySet());
        batch.putAll(store.load(planIds));
        return batch.get(planId);
    }

    /** The event is applied: its writes are queued and these are the plan's rows now. */
    void applied(String planId, PlanRows rows) {
        Map<String, PlanRows> batch = batch();
        if (batch != null) batch.put(planId, rows);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, PlanRows> batch() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) return null;
        Map<String, PlanRows> rows = (Map<String, PlanRows>) TransactionSynchronizationManager.getResource(KEY);
        if (rows == null) {
            Map<String, PlanRows> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(KEY, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
            rows = fresh;
        }
        return rows;
    }

    /** The plans of every event in the processor's batch, read ahead with the first. */
    private static Set<String> batchPlanIds() {
        Set<String> planIds = new LinkedHashSet<>();
        if (!CurrentUnitOfWork.isStarted()) return planIds;
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batching)) return planIds;
        for (Object message : batching.getMessages()) {
            try {
                if (message instanceof EventMessage<?> event && event.getPayload() instanceof PlanEvent e
                        && e.planId() != null) {
                    planIds.add(e.planId().value());
                }
            } catch (RuntimeException unreadable) {
                // An event that cannot be read is not read ahead; handling it reports the problem.
            }
        }
        return planIds;
    }
}
