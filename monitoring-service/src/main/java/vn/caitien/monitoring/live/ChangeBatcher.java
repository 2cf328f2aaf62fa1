package vn.caitien.monitoring.live;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.caitien.monitoring.progress.PlanChanged;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Gathers the plans changed by one transaction — the projection applies events in batches — and
 * announces them once after it commits. Announcing per event made each busy plan's summary be
 * re-read and re-sent, and its dashboards told, once per event of the batch.
 */
@Component
public class ChangeBatcher {
    private static final Object KEY = ChangeBatcher.class.getName() + ".plans";
    private final ApplicationEventPublisher publisher;

    public ChangeBatcher(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventListener
    public void on(PlanChanged change) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            publisher.publishEvent(new ChangedPlans(Set.of(change.planId())));
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> plans = (Set<String>) TransactionSynchronizationManager.getResource(KEY);
        if (plans == null) {
            Set<String> gathered = new LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(KEY, gathered);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                    if (status == STATUS_COMMITTED) publisher.publishEvent(new ChangedPlans(Set.copyOf(gathered)));
                }
            });
            plans = gathered;
        }
        plans.add(change.planId());
    }
}
